/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ee-window-private.h"

/*
 * Exporting a document in the hub's folder layout (an index of cluster
 * cards and one page per cluster).  Before anything is written into the
 * folder, a review shows which files change and how, as unified diffs: what
 * the editor's commit to the hub will contain.
 */

typedef struct {
  GFile     *folder;
  GPtrArray *files;   /* of EeHubFile */
  GStrv      stale;   /* the folder's pages that the export no longer has */
} Review;

static void
review_free (gpointer data)
{
  Review *review = data;

  g_clear_object (&review->folder);
  g_clear_pointer (&review->files, g_ptr_array_unref);
  g_strfreev (review->stale);
  g_free (review);
}

/* Removes the pages the folder's index linked to that the export no
 * longer writes (a cluster renamed, or removed). */
static gboolean
remove_stale (Review  *review,
              GError **error)
{
  for (guint i = 0; review->stale[i] != NULL; i++)
    {
      g_autoptr(GFile) page = g_file_get_child (review->folder, review->stale[i]);
      g_autoptr(GError) local_error = NULL;

      if (!g_file_delete (page, NULL, &local_error)
          && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  return TRUE;
}

/* The pages the folder's index links to, that the export will not write
 * and the folder holds. */
static GStrv
find_stale (GFile     *folder,
            GPtrArray *files)
{
  g_autoptr(GStrvBuilder) stale = g_strv_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(EeDocument) before = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(GFile) index = g_file_get_child (folder, EE_HUB_INDEX_FILE);

  if (!g_file_query_exists (index, NULL) || (before = ee_hub_folder_import (folder, &error)) == NULL)
    return g_strv_builder_end (stale);
  pages = ee_hub_folder_get_page_files (before);
  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autoptr(GFile) page = g_file_get_child (folder, pages[i]);
      gboolean written = FALSE;

      for (guint f = 0; f < files->len && !written; f++)
        written = g_ascii_strcasecmp (((EeHubFile *) files->pdata[f])->name, pages[i]) == 0;
      if (!written && g_file_query_file_type (page, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR)
        g_strv_builder_add (stale, pages[i]);
    }
  return g_strv_builder_end (stale);
}

static void
write_folder (EeWindow *self,
              Review   *review)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (review->folder);

  if (!ee_hub_folder_write_files (review->files, review->folder, &error)
      || !remove_stale (review, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Export to “%s”"), name);
      g_autofree char *body = g_strdup_printf (_("%s\n\nThe files already written are complete; "
                                                 "the others are as they were."), error->message);

      _ee_window_show_error (self, heading, body);
      return;
    }
  g_set_object (&self->export_folder, review->folder);
  {
    g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u page to “%s”",
                                                           "Exported %u pages to “%s”", review->files->len),
                                              review->files->len, name);

    _ee_window_toast (self, title);
  }
  _ee_window_file_written (self, review->folder, TRUE);
}

static void
review_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    EeWindow         *self)
{
  if (g_str_equal (response, "write"))
    write_folder (self, g_object_get_data (G_OBJECT (dialog), "ee-review"));
}

/* The diffs, one file after the other, lines coloured by what they do. */
static GtkWidget *
diff_view_new (const char *diff)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_auto(GStrv) lines = g_strsplit (diff, "\n", -1);
  GtkTextIter end;

  gtk_text_buffer_create_tag (buffer, "added", "foreground", "#26a269", NULL);
  gtk_text_buffer_create_tag (buffer, "removed", "foreground", "#c01c28", NULL);
  gtk_text_buffer_create_tag (buffer, "header", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "hunk", "foreground", "#1c71d8", NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *tag = NULL;

      if (g_str_has_prefix (line, "+++") || g_str_has_prefix (line, "---"))
        tag = "header";
      else if (line[0] == '+')
        tag = "added";
      else if (line[0] == '-')
        tag = "removed";
      else if (g_str_has_prefix (line, "@@"))
        tag = "hunk";
      gtk_text_buffer_get_end_iter (buffer, &end);
      if (tag != NULL)
        gtk_text_buffer_insert_with_tags_by_name (buffer, &end, line, -1, tag, NULL);
      else
        gtk_text_buffer_insert (buffer, &end, line, -1);
      if (lines[i + 1] != NULL)
        {
          gtk_text_buffer_get_end_iter (buffer, &end);
          gtk_text_buffer_insert (buffer, &end, "\n", 1);
        }
    }
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Changes"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 560);
  gtk_widget_add_css_class (scrolled, "card");
  return scrolled;
}

/* Compares what the export writes with what the folder holds, and shows
 * it; nothing is written before the user says so. */
static void
review (EeWindow *self,
        GFile    *folder)
{
  Review *data = g_new0 (Review, 1);
  g_autoptr(GString) diffs = g_string_new (NULL);
  g_autofree char *name = g_file_get_basename (folder);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *changed_text = NULL;
  g_autofree char *new_text = NULL;
  guint changed = 0, added = 0, removed;
  GtkWidget *dialog;

  data->folder = g_object_ref (folder);
  data->files = ee_hub_folder_export (self->document);
  data->stale = find_stale (folder, data->files);
  removed = g_strv_length (data->stale);
  for (guint i = 0; i < data->files->len; i++)
    {
      EeHubFile *file = data->files->pdata[i];
      g_autoptr(GFile) child = g_file_get_child (folder, file->name);
      g_autofree char *old = NULL;
      g_autofree char *old_name = g_strconcat ("a/", file->name, NULL);
      g_autofree char *new_name = g_strconcat ("b/", file->name, NULL);
      g_autofree char *diff = NULL;

      if (!g_file_load_contents (child, NULL, &old, NULL, NULL, NULL))
        g_clear_pointer (&old, g_free);
      diff = ee_diff_unified (old, file->markdown, old_name, new_name);
      if (*diff == '\0')
        continue;
      if (old == NULL)
        added++;
      else
        changed++;
      g_string_append (diffs, diff);
    }
  for (guint i = 0; i < removed; i++)
    {
      g_autoptr(GFile) child = g_file_get_child (folder, data->stale[i]);
      g_autofree char *old = NULL;
      g_autofree char *old_name = g_strconcat ("a/", data->stale[i], NULL);
      g_autofree char *diff = NULL;

      if (!g_file_load_contents (child, NULL, &old, NULL, NULL, NULL))
        old = g_strdup ("");
      diff = ee_diff_unified (old, NULL, old_name, NULL);
      g_string_append (diffs, diff);
    }

  if (changed + added + removed == 0)
    {
      g_autofree char *title = g_strdup_printf (_("“%s” is up to date"), name);

      g_set_object (&self->export_folder, folder);
      _ee_window_toast (self, title);
      review_free (data);
      return;
    }

  heading = g_strdup_printf (_("Export to “%s”?"), name);
  changed_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page changes", "%u pages change", changed),
                                  changed);
  new_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page is new", "%u pages are new", added), added);
  if (removed == 0)
    /* TRANSLATORS: "2 pages change, 1 page is new." */
    body = g_strdup_printf (_("%s, %s. These are the changes a commit to the hub will hold."), changed_text, new_text);
  else
    {
      g_autofree char *removed_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page is removed",
                                                                    "%u pages are removed", removed),
                                                       removed);

      /* TRANSLATORS: "2 pages change, 1 page is new, 1 page is removed." */
      body = g_strdup_printf (_("%s, %s, %s. These are the changes a commit to the hub will hold."),
                              changed_text, new_text, removed_text);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), diff_view_new (diffs->str));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "write", _("_Export"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "write", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "write");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ee-review", data, review_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (review_response_cb), self, 0);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, -1);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
folder_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  EeWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      review (self, folder);
    }
  g_object_unref (dialog);
}

/**
 * _ee_window_export_folder:
 * @ask: choose the folder even when one was used before
 *
 * Exports the document as a hub folder, after a review of the changes.
 */
void
_ee_window_export_folder (EeWindow *self,
                          gboolean  ask)
{
  GtkFileChooserNative *dialog;

  if (!ask && self->export_folder != NULL)
    {
      review (self, self->export_folder);
      return;
    }
  dialog = gtk_file_chooser_native_new (_("Export to a Hub Folder"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));
  if (self->export_folder != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), self->export_folder, NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (folder_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * ee_window_review_folder_export:
 * @folder: the hub folder to export to
 *
 * Shows what exporting to @folder would change, and writes it if the user
 * agrees; for tests and for drops.
 */
void
ee_window_review_folder_export (EeWindow *self,
                                GFile    *folder)
{
  g_return_if_fail (EE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (folder));

  review (self, folder);
}
