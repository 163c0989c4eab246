/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ee-page-form.h"

#include <glib/gi18n.h>

#include "ee-form-rows.h"

struct _EePageForm {
  AdwBin      parent_instance;

  EeHistory  *history;
  EeDocument *document;
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
build (EePageForm *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group;

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
