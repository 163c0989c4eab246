/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ee-page-form.h"

#include <glib/gi18n.h>

#include "ee-form-rows.h"

struct _EePageForm {
  AdwBin      parent_instance;

  EeHistory  *history;
  EeDocument *document;
  GtkWidget  *layout_row;
  GtkWidget  *cards_group;   /* the hub folder's index only */
};

G_DEFINE_FINAL_TYPE (EePageForm, ee_page_form, ADW_TYPE_BIN)

static GtkWidget *
image_group_new (EePageForm *self, const char *title, const char *hint, const char *alt, const char *path)
{
  GtkWidget *group = ee_form_field_group (title, hint);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             ee_form_entry_row (self->history, self->document, path, _("Image file")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             ee_form_entry_row (self->history, self->document, alt, _("Description of the image")));
  return group;
}

static void
layout_selected_cb (EePageForm *self)
{
  EeLayout layout = adw_combo_row_get_selected (ADW_COMBO_ROW (self->layout_row)) == 1 ? EE_LAYOUT_FOLDER
                                                                                       : EE_LAYOUT_PAGE;
  g_auto(GValue) value = G_VALUE_INIT;

  if (layout == ee_document_get_layout (self->document))
    return;
  g_value_init (&value, EE_TYPE_LAYOUT);
  g_value_set_enum (&value, layout);
  ee_history_set (self->history, self->document, "layout", &value);
}

static void
layout_changed_cb (EePageForm *self)
{
  guint selected = ee_document_get_layout (self->document) == EE_LAYOUT_FOLDER ? 1 : 0;

  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self->layout_row)) != selected)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->layout_row), selected);
  if (self->cards_group != NULL)
    gtk_widget_set_visible (self->cards_group, selected == 1);
}

/* Single page, as the template; or the hub's folder of pages. */
static GtkWidget *
layout_group_new (EePageForm *self)
{
  GtkWidget *group = ee_form_field_group (_("Layout"),
                                          _("How the page is written for the hub: one page, as in the template, "
                                            "or a folder with an index of cluster cards and one page per cluster, "
                                            "as the hub is today."));
  const char *layouts[] = { _("Single Page"), _("Hub Folder"), NULL };
  g_autoptr(GtkStringList) model = gtk_string_list_new (layouts);

  self->layout_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->layout_row), _("Layout"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->layout_row), G_LIST_MODEL (model));
  layout_changed_cb (self);
  g_signal_connect_object (self->layout_row, "notify::selected", G_CALLBACK (layout_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::layout", G_CALLBACK (layout_changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->layout_row);
  return group;
}

static void
build (EePageForm *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group;

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (layout_group_new (self)));

  group = ee_form_field_group (_("Page"), _("The title at the top of the hub page."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             ee_form_entry_row (self->history, self->document, "title", _("Title")));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (
    image_group_new (self, _("Header Image"), _("The image under the title."), "header-image-alt", "header-image-path")));

  group = ee_form_field_group (_("Introduction"),
                               _("What the page is for. The overview of the clusters follows it, made from each cluster’s name and summary."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             ee_form_rich_editor (self->history, self->document, "introduction", _("Introduction"), FALSE));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (
    image_group_new (self, _("Overview Image"), _("The image after the overview of the clusters."),
                     "overview-image-alt", "overview-image-path")));

  group = ee_form_field_group (_("Closing"), _("The text after the overview, before the clusters."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             ee_form_rich_editor (self->history, self->document, "closing", _("Closing"), FALSE));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = ee_form_field_group (_("Cluster Cards"),
                               _("The heading above the cards on the hub folder’s index, one card per cluster. "
                                 "Each card is edited on its cluster’s form."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             ee_form_entry_row (self->history, self->document, "cards-title", _("Heading")));
  /* Kept as written from the index, as the cluster form keeps what
   * follows a contributor template. */
  if (!ee_rich_text_is_empty (ee_document_get_cards_trailing (self->document)))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               ee_form_labelled_rich_editor (self->history, self->document, "cards-trailing",
                                                             _("After the Cards")));
  self->cards_group = group;
  layout_changed_cb (self);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_bin_set_child (ADW_BIN (self), page);
}

static void
ee_page_form_dispose (GObject *object)
{
  EePageForm *self = EE_PAGE_FORM (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->history);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ee_page_form_parent_class)->dispose (object);
}

static void
ee_page_form_class_init (EePageFormClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ee_page_form_dispose;
}

static void
ee_page_form_init (EePageForm *self)
{
}

GtkWidget *
ee_page_form_new (EeHistory  *history,
                  EeDocument *document)
{
  EePageForm *self = g_object_new (EE_TYPE_PAGE_FORM, NULL);

  self->history = g_object_ref (history);
  self->document = g_object_ref (document);
  build (self);
  return GTK_WIDGET (self);
}
