/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ee-initiative-form.h"

#include <glib/gi18n.h>

#include "ee-form-rows.h"

struct _EeInitiativeForm {
  AdwBin        parent_instance;

  EeHistory    *history;
  EeInitiative *initiative;
  GFile        *folder;
  GtkWidget    *title_row;
  GtkWidget    *field_widgets[EE_N_FIELDS];
  GtkWidget    *problem_labels[EE_N_FIELDS];   /* the field's first problem, under it */
  GtkWidget    *logo_picture;
};

G_DEFINE_FINAL_TYPE (EeInitiativeForm, ee_initiative_form, ADW_TYPE_BIN)

/* What to write in each field, under the label the hub shows. */
static const char *
field_hint (EeField field)
{
  switch (field)
    {
    case EE_FIELD_NAME:
      return _("The full name, for example “CitCom.ai (CitComTEF)”.");
    case EE_FIELD_SHORT_DESCRIPTION:
      return _("Scope, objectives, activities, community size and domain, in a few sentences.");
    case EE_FIELD_KEY_ROLE:
      return _("Its role within smart communities and the ecosystem of local digital twins.");
    case EE_FIELD_RELEVANCE:
      return _("How it connects to LDT4SSC and what it offers the pilots; one point per line.");
    case EE_FIELD_KEY_ASSETS:
      return _("Tools, reports, services or infrastructure it makes available.");
    case EE_FIELD_WEBPAGE:
      return _("The official web address, starting with https://.");
    case EE_FIELD_CONTACT:
      return _("The partner or person to contact, with an e-mail address if there is one.");
    default:
      g_assert_not_reached ();
    }
}

static GFile *
logo_file (EeInitiativeForm *self)
{
  const char *path = ee_initiative_get_logo_path (self->initiative);

  if (*path == 0)
    return NULL;
  if (g_path_is_absolute (path) || self->folder == NULL)
    return g_file_new_for_path (path);
  return g_file_resolve_relative_path (self->folder, path);
}

static void
update_logo (EeInitiativeForm *self)
{
  g_autoptr(GFile) file = logo_file (self);

  if (file != NULL && g_file_query_exists (file, NULL))
    gtk_picture_set_file (GTK_PICTURE (self->logo_picture), file);
  else
    gtk_picture_set_paintable (GTK_PICTURE (self->logo_picture), NULL);
}

static void
logo_path_changed_cb (EeInitiativeForm *self)
{
  update_logo (self);
}

static void
logo_chosen_cb (GtkNativeDialog  *dialog,
                int               response,
                EeInitiativeForm *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *relative = self->folder ? g_file_get_relative_path (self->folder, file) : NULL;
      g_autofree char *path = relative ? g_steal_pointer (&relative) : g_file_get_path (file);

      if (path != NULL)
        ee_history_set_string (self->history, self->initiative, "logo-path", path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_logo_cb (GtkButton        *button,
                EeInitiativeForm *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Choose a Logo"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (self->folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), self->folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (logo_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
width_changed_cb (GtkSpinButton    *spin,
                  EeInitiativeForm *self)
{
  ee_history_set_uint (self->history, self->initiative, "logo-width", (guint) gtk_spin_button_get_value_as_int (spin));
}

static void
width_model_changed_cb (EeInitiativeForm *self,
                        GParamSpec       *pspec,
                        EeInitiative     *initiative)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (self), "ee-width-spin");

  if (gtk_spin_button_get_value_as_int (spin) != (int) ee_initiative_get_logo_width (initiative))
    gtk_spin_button_set_value (spin, ee_initiative_get_logo_width (initiative));
}

static GtkWidget *
logo_group_new (EeInitiativeForm *self)
{
  GtkWidget *group = ee_form_field_group (_("Logo"), _("An image shown with the initiative, and its width in pixels."));
  GtkWidget *path_row = ee_form_entry_row (self->history, self->initiative, "logo-path", _("Image file"));
  GtkWidget *choose = gtk_button_new_from_icon_name ("document-open-symbolic");
  GtkWidget *width_row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 4096, 10);

  self->logo_picture = gtk_picture_new ();
  gtk_picture_set_can_shrink (GTK_PICTURE (self->logo_picture), TRUE);
  gtk_widget_set_size_request (self->logo_picture, 48, 32);
  gtk_widget_set_valign (self->logo_picture, GTK_ALIGN_CENTER);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (path_row), self->logo_picture);

  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (choose, "flat");
  gtk_widget_set_tooltip_text (choose, _("Choose an Image"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (choose), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose an Image"), -1);
  g_signal_connect (choose, "clicked", G_CALLBACK (choose_logo_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (path_row), choose);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), path_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (width_row), _("Width"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (width_row), _("0 keeps the image's own width"));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), ee_initiative_get_logo_width (self->initiative));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Logo width"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (width_row), spin);
  g_object_set_data (G_OBJECT (self), "ee-width-spin", spin);
  g_signal_connect (spin, "value-changed", G_CALLBACK (width_changed_cb), self);
  g_signal_connect_object (self->initiative, "notify::logo-width", G_CALLBACK (width_model_changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), width_row);

  g_signal_connect_object (self->initiative, "notify::logo-path", G_CALLBACK (logo_path_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_logo (self);
  return group;
}

static void
build (EeInitiativeForm *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group;

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Initiative"));

  group = ee_form_field_group (_("Initiative"), _("The title is the short name shown in bold above the fields."));
  self->title_row = ee_form_entry_row (self->history, self->initiative, "title", _("Title"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->title_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             ee_form_switch_row (self->history, self->initiative, "example", _("Example"),
                                                 _("Shown as “Example: …”, the cluster’s worked example")));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  for (guint f = 0; f < EE_N_FIELDS; f++)
    {
      /* Labels stay in English on the page; the form shows them translated. */
      const char *label = g_dpgettext2 (GETTEXT_PACKAGE, "hub field", ee_field_get_label (f));
      EeRichText *value = ee_initiative_get_field (self->initiative, f);
      const char *key = ee_field_get_key (f);

      group = ee_form_field_group (label, field_hint (f));
      if ((f == EE_FIELD_NAME || f == EE_FIELD_WEBPAGE) && ee_form_rich_text_is_plain (value))
        {
          self->field_widgets[f] = ee_form_text_entry_row (self->history, self->initiative, key, label);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->field_widgets[f]);
        }
      else
        {
          self->field_widgets[f] = ee_form_rich_editor (self->history, self->initiative, key, label, FALSE);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->field_widgets[f]);
        }
      self->problem_labels[f] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->problem_labels[f]), 0.0);
      gtk_label_set_wrap (GTK_LABEL (self->problem_labels[f]), TRUE);
      gtk_widget_set_margin_top (self->problem_labels[f], 6);
      gtk_widget_set_margin_start (self->problem_labels[f], 12);
      gtk_widget_add_css_class (self->problem_labels[f], "caption");
      gtk_widget_set_visible (self->problem_labels[f], FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->problem_labels[f]);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (logo_group_new (self)));

  /* Content the form has no fields for, kept as written. */
  if (!ee_rich_text_is_empty (ee_initiative_get_leading (self->initiative)))
    {
      group = ee_form_field_group (_("Before the Fields"), _("Kept as written from the page."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 ee_form_rich_editor (self->history, self->initiative, "leading", _("Before the Fields"), FALSE));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }
  for (guint i = 0; i < ee_initiative_get_n_extra_fields (self->initiative); i++)
    {
      const EeExtraField *extra = ee_initiative_get_extra_field (self->initiative, i);
      g_autofree char *text = ee_rich_text_to_plain (extra->value);
      GtkWidget *row = adw_action_row_new ();

      if (i == 0)
        {
          group = ee_form_field_group (_("Other Fields"), _("Fields the template does not have, kept as written."));
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *extra->label ? extra->label : _("Without a label"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (!ee_rich_text_is_empty (ee_initiative_get_trailing (self->initiative)))
    {
      group = ee_form_field_group (_("After the Fields"), _("Kept as written from the page."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 ee_form_rich_editor (self->history, self->initiative, "trailing", _("After the Fields"), FALSE));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }

  adw_bin_set_child (ADW_BIN (self), page);
}

static void
ee_initiative_form_dispose (GObject *object)
{
  EeInitiativeForm *self = EE_INITIATIVE_FORM (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->history);
  g_clear_object (&self->initiative);
  g_clear_object (&self->folder);

  G_OBJECT_CLASS (ee_initiative_form_parent_class)->dispose (object);
}

static void
ee_initiative_form_class_init (EeInitiativeFormClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ee_initiative_form_dispose;
}

static void
ee_initiative_form_init (EeInitiativeForm *self)
{
}

GtkWidget *
ee_initiative_form_new (EeHistory    *history,
                        EeInitiative *initiative,
                        GFile        *folder)
{
  EeInitiativeForm *self = g_object_new (EE_TYPE_INITIATIVE_FORM, NULL);

  self->history = g_object_ref (history);
  self->initiative = g_object_ref (initiative);
  self->folder = folder ? g_object_ref (folder) : NULL;
  build (self);
  return GTK_WIDGET (self);
}

EeInitiative *
ee_initiative_form_get_initiative (EeInitiativeForm *self)
{
  g_return_val_if_fail (EE_IS_INITIATIVE_FORM (self), NULL);
  return self->initiative;
}

/* Scrolls the form so that @widget shows, with its group's title above. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page;

  if (scrolled == NULL || !gtk_widget_compute_bounds (widget, scrolled, &bounds))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= page)
    return;
  gtk_adjustment_set_value (adjustment, value + bounds.origin.y - 72);
}

static gboolean
focus_when_laid_out_cb (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  if (gtk_widget_get_width (widget) == 0)
    return G_SOURCE_CONTINUE;
  gtk_widget_grab_focus (widget);
  scroll_to (widget);
  return G_SOURCE_REMOVE;
}

/**
 * ee_initiative_form_focus_field:
 * @field: an #EeField, or -1 for the title
 *
 * Moves the keyboard focus to a field, as after adding an initiative.
 */
void
ee_initiative_form_focus_field (EeInitiativeForm *self,
                                int               field)
{
  GtkWidget *widget;

  g_return_if_fail (EE_IS_INITIATIVE_FORM (self));

  widget = field < 0 ? self->title_row : self->field_widgets[field];
  gtk_widget_grab_focus (widget);
  /* A form just made has no size yet: it scrolls to the field on the first
   * frame that lays it out. */
  if (gtk_widget_get_width (widget) == 0)
    gtk_widget_add_tick_callback (widget, focus_when_laid_out_cb, NULL, NULL);
  else
    scroll_to (widget);
}

/**
 * ee_initiative_form_get_field_widget:
 * @field: an #EeField, or -1 for the title
 *
 * Returns: (transfer none): the control that edits the field: an
 *   #AdwEntryRow or an #EeRichTextEditor
 */
GtkWidget *
ee_initiative_form_get_field_widget (EeInitiativeForm *self,
                                     int               field)
{
  g_return_val_if_fail (EE_IS_INITIATIVE_FORM (self), NULL);
  return field < 0 ? self->title_row : self->field_widgets[field];
}

static void
set_severity_style (GtkWidget *widget,
                    gboolean   error,
                    gboolean   warning)
{
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  if (warning)
    gtk_widget_add_css_class (widget, "warning");
  else
    gtk_widget_remove_css_class (widget, "warning");
}

/**
 * ee_initiative_form_set_problems:
 * @problems: (element-type EeProblem): the page's problems
 *
 * Shows the problems of the form's initiative under their fields, the
 * first of each field (errors before warnings), and marks the field.
 */
void
ee_initiative_form_set_problems (EeInitiativeForm *self,
                                 GPtrArray        *problems)
{
  EeProblem *shown[EE_N_FIELDS] = { NULL, };

  g_return_if_fail (EE_IS_INITIATIVE_FORM (self));
  g_return_if_fail (problems != NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      EeProblem *problem = problems->pdata[i];
      int field = ee_problem_get_field (problem);

      if (ee_problem_get_initiative (problem) != self->initiative || field < 0)
        continue;
      if (shown[field] == NULL
          || (ee_problem_get_severity (problem) == EE_SEVERITY_ERROR
              && ee_problem_get_severity (shown[field]) != EE_SEVERITY_ERROR))
        shown[field] = problem;
    }

  for (guint f = 0; f < EE_N_FIELDS; f++)
    {
      GtkWidget *label = self->problem_labels[f];
      GtkWidget *widget = self->field_widgets[f];
      gboolean error = shown[f] != NULL && ee_problem_get_severity (shown[f]) == EE_SEVERITY_ERROR;
      gboolean warning = shown[f] != NULL && !error;

      if (label == NULL)
        continue;
      gtk_label_set_text (GTK_LABEL (label), shown[f] != NULL ? ee_problem_get_message (shown[f]) : "");
      gtk_widget_set_visible (label, shown[f] != NULL);
      set_severity_style (label, error, warning);
      set_severity_style (widget, error, warning);
      /* Read out with the field, as its description. */
      if (shown[f] != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        ee_problem_get_message (shown[f]), -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}
