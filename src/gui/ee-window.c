/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ee-window-private.h"
#include "ee-cluster-form.h"
#include "ee-initiative-form.h"
#include "ee-page-form.h"
#include "ee-preview.h"

G_DEFINE_FINAL_TYPE (EeWindow, ee_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FILE_WRITTEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Reports that the project was saved or the page exported. */
void
_ee_window_file_written (EeWindow *self,
                         GFile    *file,
                         gboolean  export)
{
  g_signal_emit (self, signals[FILE_WRITTEN], 0, file, export);
}

/* Helpers ----------------------------------------------------------------- */

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Without its schema, g_settings_new() aborts; a window run from the build
   * tree or a test without GSETTINGS_SCHEMA_DIR just forgets its size. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static char *
display_name (EeWindow *self)
{
  if (self->file == NULL)
    return g_strdup (_("New Page"));
  return g_file_get_basename (self->file);
}

static void
update_title (EeWindow *self)
{
  g_autofree char *name = display_name (self);
  g_autofree char *title = self->modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  g_autofree char *folder = NULL;

  if (self->file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->file);
      folder = parent ? g_file_get_parse_name (parent) : NULL;
    }
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, folder ? folder : _("Not saved"));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
_ee_window_set_modified (EeWindow *self,
                         gboolean  modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  if (!modified)
    _ee_window_discard_draft (self);
  update_title (self);
}

void
_ee_window_toast (EeWindow   *self,
                  const char *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
_ee_window_show_error (EeWindow   *self,
                       const char *heading,
                       const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * _ee_window_document_folder:
 *
 * Returns: (transfer full) (nullable): the folder the document's relative
 *   addresses (its images) start from
 */
GFile *
_ee_window_document_folder (EeWindow *self)
{
  if (self->file == NULL)
    return NULL;
  if (self->file_is_folder)
    return g_object_ref (self->file);
  return g_file_get_parent (self->file);
}

/* What is shown ----------------------------------------------------------- */

static gboolean
is_folder_layout (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_enum (from) == EE_LAYOUT_FOLDER);
  return TRUE;
}

static void
initiative_activated_cb (EeWindow     *self,
                         EeInitiative *initiative)
{
  _ee_window_show (self, G_OBJECT (initiative), TRUE);
}

/**
 * _ee_window_show:
 * @select: also select its row in the sidebar
 *
 * Shows the form of the page (the document), a cluster or an initiative.
 */
void
_ee_window_show (EeWindow *self,
                 GObject  *object,
                 gboolean  select)
{
  g_autoptr(GFile) folder = _ee_window_document_folder (self);
  GtkWidget *form;

  if (object == NULL)
    object = G_OBJECT (self->document);
  if (select)
    ee_sidebar_select (self->sidebar, object);

  if (self->shown != object || adw_bin_get_child (self->form_bin) == NULL)
    {
      g_set_object (&self->shown, object);
      if (EE_IS_INITIATIVE (object))
        form = ee_initiative_form_new (self->history, EE_INITIATIVE (object), folder);
      else if (EE_IS_CLUSTER (object))
        {
          form = ee_cluster_form_new (self->history, EE_CLUSTER (object));
          g_object_bind_property_full (self->document, "layout", form, "show-card", G_BINDING_SYNC_CREATE,
                                       is_folder_layout, NULL, NULL, NULL);
          g_signal_connect_object (form, "initiative-activated", G_CALLBACK (initiative_activated_cb), self,
                                   G_CONNECT_SWAPPED);
        }
      else
        form = ee_page_form_new (self->history, self->document);
      adw_bin_set_child (self->form_bin, form);
      _ee_window_form_shown (self);
    }

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (self->preview != NULL)
    ee_preview_reveal (EE_PREVIEW (self->preview), object);
  gtk_widget_set_visible (self->initiative_menu_button, EE_IS_INITIATIVE (object));
  _ee_window_update_actions (self);
}

static void
preview_object_activated_cb (EeWindow *self,
                             GObject  *object)
{
  _ee_window_show (self, object, TRUE);
}

/**
 * _ee_window_get_initiative:
 *
 * Returns: (transfer none) (nullable): the initiative the form shows
 */
EeInitiative *
_ee_window_get_initiative (EeWindow *self)
{
  return EE_IS_INITIATIVE (self->shown) ? EE_INITIATIVE (self->shown) : NULL;
}

/**
 * _ee_window_get_cluster:
 *
 * Returns: (transfer none): the cluster the form shows, or the one of the
 *   initiative it shows, or else the first
 */
EeCluster *
_ee_window_get_cluster (EeWindow *self)
{
  if (EE_IS_CLUSTER (self->shown))
    return EE_CLUSTER (self->shown);
  if (EE_IS_INITIATIVE (self->shown))
    {
      EeCluster *cluster = ee_document_find_initiative (self->document, EE_INITIATIVE (self->shown), NULL);
      if (cluster != NULL)
        return cluster;
    }
  return ee_document_get_n_clusters (self->document) ? ee_document_get_cluster (self->document, 0) : NULL;
}

static void
sidebar_selected_cb (EeWindow *self,
                     GObject  *object)
{
  /* While an initiative moves, the sidebar selects a neighbour for a
   * moment; the form, and the focus in it, stay. */
  if (self->moving)
    return;
  _ee_window_show (self, object, FALSE);
}

static void
sidebar_move_requested_cb (EeWindow     *self,
                           EeInitiative *initiative,
                           EeCluster    *cluster,
                           guint         position)
{
  _ee_window_move_initiative (self, initiative, cluster, position);
}

static gboolean
check_shown_cb (gpointer user_data)
{
  EeWindow *self = user_data;

  self->check_shown_id = 0;
  if (EE_IS_INITIATIVE (self->shown)
      && ee_document_find_initiative (self->document, EE_INITIATIVE (self->shown), NULL) == NULL)
    _ee_window_show (self, G_OBJECT (self->document), TRUE);
  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (EeWindow   *self,
                     GObject    *object,
                     const char *property)
{
  _ee_window_set_modified (self, TRUE);

  /* The form of an initiative that left the document goes too, once the
   * change is complete: a move takes it out and puts it back. */
  if (EE_IS_INITIATIVE (self->shown) && self->check_shown_id == 0)
    self->check_shown_id = g_idle_add (check_shown_cb, self);
  _ee_window_update_actions (self);
  _ee_window_schedule_validation (self);
  _ee_window_schedule_draft (self);
}

static void
search_changed_cb (EeWindow       *self,
                   GtkSearchEntry *entry)
{
  ee_sidebar_set_search (self->sidebar, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_mode_cb (EeWindow   *self,
                GParamSpec *pspec,
                GtkSearchBar *bar)
{
  if (!gtk_search_bar_get_search_mode (bar))
    ee_sidebar_set_search (self->sidebar, NULL);
}

static void
back_clicked_cb (EeWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Files dropped on the window open as documents. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         EeWindow      *self)
{
  GSList *files = g_value_get_boxed (value);

  for (GSList *l = files; l != NULL; l = l->next)
    _ee_window_open_file (self, l->data);
  return files != NULL;
}

/* Closing ----------------------------------------------------------------- */

static void
save_settings (EeWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
saved_then_close_cb (EeWindow *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   EeWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->modified = FALSE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    _ee_window_save_then (self, G_CALLBACK (saved_then_close_cb));
}

static gboolean
ee_window_close_request (GtkWindow *window)
{
  EeWindow *self = EE_WINDOW (window);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  save_settings (self);
  if (!self->modified)
    return GTK_WINDOW_CLASS (ee_window_parent_class)->close_request (window);

  name = display_name (self);
  dialog = adw_message_dialog_new (window, _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has changes that are not saved. Changes that are not saved are lost."), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* GObject ----------------------------------------------------------------- */

/**
 * ee_window_ensure_preview:
 *
 * Makes the preview now, if it is not there yet; it is otherwise made
 * after the window's first frame.
 */
void
ee_window_ensure_preview (EeWindow *self)
{
  g_return_if_fail (EE_IS_WINDOW (self));
  _ee_window_ensure_preview (self);
}

void
_ee_window_ensure_preview (EeWindow *self)
{
  g_autoptr(GFile) folder = NULL;

  g_clear_handle_id (&self->preview_id, g_source_remove);
  if (self->preview != NULL)
    return;
  self->preview = ee_preview_new ();
  adw_bin_set_child (self->preview_bin, self->preview);
  g_signal_connect_object (self->preview, "object-activated", G_CALLBACK (preview_object_activated_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->document == NULL)
    return;
  folder = _ee_window_document_folder (self);
  ee_preview_set_document (EE_PREVIEW (self->preview), self->document, folder);
  if (self->shown != NULL)
    ee_preview_reveal (EE_PREVIEW (self->preview), self->shown);
}

static gboolean
make_preview_cb (gpointer user_data)
{
  EeWindow *self = user_data;

  self->preview_id = 0;
  _ee_window_ensure_preview (self);
  return G_SOURCE_REMOVE;
}

static void
first_frame_cb (GdkFrameClock *clock,
                EeWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, self);
  if (self->preview == NULL && self->preview_id == 0)
    self->preview_id = g_idle_add_full (G_PRIORITY_LOW, make_preview_cb, self, NULL);
}

static void
mapped_cb (EeWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_handlers_disconnect_by_func (self, mapped_cb, NULL);
  if (clock == NULL)
    {
      _ee_window_ensure_preview (self);
      return;
    }
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_frame_cb), self, 0);
}

static void
ee_window_dispose (GObject *object)
{
  EeWindow *self = EE_WINDOW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_handle_id (&self->check_shown_id, g_source_remove);
  g_clear_handle_id (&self->validate_id, g_source_remove);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->shown);
  /* Closed with changes nobody saved or discarded (the application quit):
   * they stay in the draft, for the next start to offer. */
  if (self->modified)
    _ee_window_flush_draft (self);
  else
    _ee_window_discard_draft (self);
  g_clear_handle_id (&self->draft_id, g_source_remove);
  g_clear_object (&self->draft);
  _ee_window_dispose_monitor (self);

  G_OBJECT_CLASS (ee_window_parent_class)->dispose (object);
}

static void
ee_window_finalize (GObject *object)
{
  EeWindow *self = EE_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->history);
  g_clear_object (&self->file);
  g_clear_object (&self->export_file);
  g_clear_object (&self->export_folder);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ee_window_parent_class)->finalize (object);
}

static void
ee_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  EeWindow *self = EE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ee_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  EeWindow *self = EE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ee_window_set_document (self, g_value_get_object (value));
      break;
    case PROP_FILE:
      ee_window_set_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ee_window_class_init (EeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ee_window_dispose;
  object_class->finalize = ee_window_finalize;
  object_class->get_property = ee_window_get_property;
  object_class->set_property = ee_window_set_property;
  window_class->close_request = ee_window_close_request;

  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, EE_TYPE_DOCUMENT,
                                                   G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EeWindow::file-written:
   * @file: the file written
   * @export: %TRUE for an exported page, %FALSE for the project
   *
   * Emitted once a save or an export has written its file.
   */
  signals[FILE_WRITTEN] = g_signal_new ("file-written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_BOOLEAN);

  g_type_ensure (EE_TYPE_SIDEBAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ee-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EeWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, content_pane);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, form_bin);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, preview_bin);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, move_to_menu);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, initiative_menu_button);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, problems_button);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, problems_icon);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, problems_label);

  _ee_window_class_add_actions (widget_class);
  _ee_window_class_add_file_actions (widget_class);
  _ee_window_class_add_problem_actions (widget_class);
}

static void
ee_window_init (EeWindow *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->history = ee_history_new ();
  g_signal_connect_object (self->history, "changed", G_CALLBACK (_ee_window_update_actions), self, G_CONNECT_SWAPPED);

  self->settings = settings_new_if_installed ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      g_settings_bind (self->settings, "show-preview", self->flap, "reveal-flap", G_SETTINGS_BIND_DEFAULT);
    }

  g_signal_connect_object (self->sidebar, "selected", G_CALLBACK (sidebar_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar, "move-requested", G_CALLBACK (sidebar_move_requested_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (search_mode_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, self->sidebar_pane);
  g_signal_connect_object (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed", G_CALLBACK (_ee_window_update_recent),
                           self, G_CONNECT_SWAPPED);
  _ee_window_update_recent (self);

  /* The preview (a web view and its processes) comes after the window's
   * first frame: the form shows sooner. */
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);

  _ee_window_init_problems (self);
  _ee_window_init_monitor (self);

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  if (g_str_has_suffix (APP_ID, ".Devel"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/* Public ------------------------------------------------------------------ */

EeWindow *
ee_window_new (GtkApplication *application,
               EeDocument     *document,
               GFile          *file)
{
  return g_object_new (EE_TYPE_WINDOW, "application", application, "document", document, "file", file, NULL);
}

EeDocument *
ee_window_get_document (EeWindow *self)
{
  g_return_val_if_fail (EE_IS_WINDOW (self), NULL);
  return self->document;
}

/**
 * ee_window_set_document:
 *
 * Shows @document, with a fresh history, as not modified.
 */
void
ee_window_set_document (EeWindow   *self,
                        EeDocument *document)
{
  g_return_if_fail (EE_IS_WINDOW (self));
  g_return_if_fail (EE_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  ee_history_clear (self->history);
  g_clear_object (&self->shown);

  ee_sidebar_set_document (self->sidebar, document);
  if (self->preview != NULL)
    {
      g_autoptr(GFile) folder = _ee_window_document_folder (self);
      ee_preview_set_document (EE_PREVIEW (self->preview), document, folder);
    }
  _ee_window_validate (self);
  _ee_window_show (self, G_OBJECT (document), TRUE);
  _ee_window_discard_draft (self);
  self->modified = FALSE;
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GFile *
ee_window_get_file (EeWindow *self)
{
  g_return_val_if_fail (EE_IS_WINDOW (self), NULL);
  return self->file;
}

void
ee_window_set_file (EeWindow *self,
                    GFile    *file)
{
  g_return_if_fail (EE_IS_WINDOW (self));

  if (!g_set_object (&self->file, file))
    return;
  /* An open hub folder holds its pages, and the images they show; asked
   * once here, not at each look at the folder. */
  self->file_is_folder = file != NULL
                         && g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY;
  _ee_window_watch_file (self);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

void
ee_window_show_open_error (EeWindow     *self,
                           GFile        *file,
                           const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

  g_return_if_fail (EE_IS_WINDOW (self));
  _ee_window_show_error (self, heading, error->message);
}

/**
 * ee_window_get_history:
 *
 * Returns: (transfer none): the window's undo history
 */
EeHistory *
ee_window_get_history (EeWindow *self)
{
  g_return_val_if_fail (EE_IS_WINDOW (self), NULL);
  return self->history;
}

/**
 * ee_window_get_shown:
 *
 * Returns: (transfer none): the document, cluster or initiative the form
 *   shows
 */
GObject *
ee_window_get_shown (EeWindow *self)
{
  g_return_val_if_fail (EE_IS_WINDOW (self), NULL);
  return self->shown;
}

gboolean
ee_window_get_modified (EeWindow *self)
{
  g_return_val_if_fail (EE_IS_WINDOW (self), FALSE);
  return self->modified;
}

/**
 * ee_window_get_form:
 *
 * Returns: (transfer none) (nullable): the form shown
 */
GtkWidget *
ee_window_get_form (EeWindow *self)
{
  g_return_val_if_fail (EE_IS_WINDOW (self), NULL);
  return adw_bin_get_child (self->form_bin);
}

/**
 * ee_window_set_export_file:
 *
 * Sets where Export writes the page without asking.
 */
void
ee_window_set_export_file (EeWindow *self,
                           GFile    *file)
{
  g_return_if_fail (EE_IS_WINDOW (self));
  g_set_object (&self->export_file, file);
}

/**
 * ee_window_show_object:
 *
 * Shows the form of the page (the document), a cluster or an initiative,
 * and selects it in the sidebar.
 */
void
ee_window_show_object (EeWindow *self,
                       GObject  *object)
{
  g_return_if_fail (EE_IS_WINDOW (self));
  _ee_window_show (self, object, TRUE);
}

/* Moves the keyboard focus to the cluster form's list of initiatives, a
 * control with a name, rather than into a field where the next keystroke
 * would change text. */
void
_ee_window_focus_initiatives (EeWindow *self)
{
  GtkWidget *form = adw_bin_get_child (self->form_bin);

  if (EE_IS_CLUSTER_FORM (form))
    ee_cluster_form_focus_initiatives (EE_CLUSTER_FORM (form));
}
