/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ee-window-private.h"
#include "ee-preview.h"

/*
 * Opening, saving and exporting.  Files are read in a worker thread and
 * written atomically (a temporary file renamed over the old one, which is
 * kept as a backup), so a failed save leaves both the file and the
 * document as they were; the user is told what went wrong.
 */

static GtkFileFilter *
filter_new (const char *name, const char *first_pattern, ...)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  va_list args;

  gtk_file_filter_set_name (filter, name);
  va_start (args, first_pattern);
  for (const char *pattern = first_pattern; pattern; pattern = va_arg (args, const char *))
    gtk_file_filter_add_pattern (filter, pattern);
  va_end (args);
  return filter;
}

static void
remember_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/* Opening ----------------------------------------------------------------- */

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(EeWindow) self = user_data;
  GFile *file = G_FILE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(EeDocument) document = ee_loader_load_file_finish (file, result, &error);

  if (document == NULL)
    {
      ee_window_show_open_error (self, file, error);
      return;
    }
  remember_recent (file);

  /* A window that holds only the untouched hub page takes the file; others
   * open a new window. */
  if (!self->modified && self->file == NULL && !ee_history_can_undo (self->history))
    {
      ee_window_set_file (self, file);
      g_clear_object (&self->export_file);
      ee_window_set_document (self, document);
    }
  else
    {
      EeWindow *window = ee_window_new (gtk_window_get_application (GTK_WINDOW (self)), document, file);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/**
 * _ee_window_open_file:
 *
 * Opens a project file or a hub page, here or in a new window.
 */
void
_ee_window_open_file (EeWindow *self,
                      GFile    *file)
{
  ee_loader_load_file_async (file, NULL, load_cb, g_object_ref (self));
}

static gint
compare_recent (gconstpointer a, gconstpointer b)
{
  GDateTime *x = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *y = gtk_recent_info_get_modified ((GtkRecentInfo *) b);

  return g_date_time_compare (y, x);
}

/**
 * _ee_window_update_recent:
 *
 * Lists the projects and hub pages used last in the Open Recent menu.
 */
void
_ee_window_update_recent (EeWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  items = g_list_sort (items, compare_recent);
  for (GList *l = items; l != NULL && n < 10; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (!(g_str_has_suffix (uri, ".json") || g_str_has_suffix (uri, ".md")) || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (uri));
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-recent", n > 0);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  _ee_window_open_file (EE_WINDOW (widget), file);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  EeWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      _ee_window_open_file (self, file);
    }
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EeWindow *self = EE_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog),
                               filter_new (_("Projects and Hub Pages"), "*.json", "*.md", "*.markdown", NULL));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter_new (_("Projects"), "*.json", NULL));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter_new (_("Hub Pages"), "*.md", "*.markdown", NULL));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Saving ------------------------------------------------------------------ */

typedef enum {
  WRITE_PROJECT,
  WRITE_MARKDOWN,   /* the page for the hub */
  WRITE_HTML,       /* the page as the preview shows it, for reviewers */
} WriteKind;

typedef struct {
  GFile     *file;
  WriteKind  kind;
  GCallback  done;  /* called with the window once written */
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_object (&save->file);
  g_free (save);
}

static gboolean
is_project_file (GFile *file)
{
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;
  return name != NULL && g_str_has_suffix (name, ".json");
}

static void
remember_export (EeWindow *self, GFile *file)
{
  g_autoptr(GVariant) locations = NULL;
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *k, *v;

  g_set_object (&self->export_file, file);
  if (self->settings == NULL || self->file == NULL)
    return;

  locations = g_settings_get_value (self->settings, "export-locations");
  key = g_file_get_uri (self->file);
  value = g_file_get_uri (file);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, locations);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (!g_str_equal (k, key))
      g_variant_builder_add (&builder, "{ss}", k, v);
  g_variant_builder_add (&builder, "{ss}", key, value);
  g_settings_set_value (self->settings, "export-locations", g_variant_builder_end (&builder));
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  EeWindow *self = g_task_get_source_object (task);
  SaveData *save = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (save->file);
  g_autofree char *etag = NULL;

  if (!ee_safe_write_finish (G_FILE (object), result, &etag, &error))
    {
      g_autofree char *heading = save->kind == WRITE_PROJECT ? g_strdup_printf (_("Could Not Save “%s”"), name)
                                                             : g_strdup_printf (_("Could Not Export “%s”"), name);
      g_autofree char *body = g_strdup_printf (_("%s\n\nThe document stays open with all its changes. "
                                                 "Choose another place with “%s”."),
                                               error->message,
                                               save->kind == WRITE_PROJECT ? _("Save As…") : _("Export Markdown As…"));
      _ee_window_show_error (self, heading, body);
      return;
    }

  remember_recent (save->file);
  /* A page opened from Markdown may be exported over itself. */
  if (save->kind == WRITE_PROJECT || (self->file != NULL && g_file_equal (save->file, self->file)))
    {
      if (save->kind == WRITE_PROJECT)
        ee_window_set_file (self, save->file);
      _ee_window_note_own_write (self, etag);
    }
  if (save->kind == WRITE_PROJECT)
    {
      _ee_window_set_modified (self, FALSE);
    }
  else
    {
      g_autofree char *title = g_strdup_printf (_("Exported to “%s”"), name);

      if (save->kind == WRITE_MARKDOWN)
        remember_export (self, save->file);
      _ee_window_toast (self, title);
    }
  _ee_window_file_written (self, save->file, save->kind != WRITE_PROJECT);
  if (save->done != NULL)
    ((void (*) (EeWindow *)) save->done) (self);
}

static GBytes *
contents (EeWindow *self, WriteKind kind)
{
  switch (kind)
    {
    case WRITE_PROJECT:
      return ee_project_save_bytes (self->document);
    case WRITE_MARKDOWN:
      {
        gsize length;
        char *markdown = ee_export_page_markdown (self->document, &length);
        return g_bytes_new_take (markdown, length);
      }
    case WRITE_HTML:
      {
        g_autoptr(GFile) folder = _ee_window_document_folder (self);
        char *html = ee_html_render_page (self->document, folder, FALSE);
        return g_bytes_new_take (html, strlen (html));
      }
    default:
      g_assert_not_reached ();
    }
}

static void
write_file (EeWindow *self, GFile *file, WriteKind kind, GCallback done)
{
  GTask *task = g_task_new (self, NULL, NULL, NULL);
  SaveData *save = g_new0 (SaveData, 1);
  g_autoptr(GBytes) bytes = contents (self, kind);

  save->file = g_object_ref (file);
  save->kind = kind;
  save->done = done;
  g_task_set_task_data (task, save, save_data_free);

  /* Written to a temporary file and renamed over the old one, which stays
   * as a backup ("name~"). */
  ee_safe_write_async (file, bytes, TRUE, NULL, write_cb, task);
}

static void
choose_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    EeWindow        *self)
{
  SaveData *save = g_object_get_data (G_OBJECT (dialog), "ee-save");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      write_file (self, file, save->kind, save->done);
    }
  g_object_unref (dialog);
}

/* The name a file would have beside the document, with another ending. */
static char *
sibling_name (EeWindow *self, const char *fallback, const char *suffix)
{
  g_autofree char *base = self->file ? g_file_get_basename (self->file) : g_strdup (fallback);
  char *dot = strrchr (base, '.');

  if (dot != NULL)
    *dot = 0;
  return g_strconcat (base, suffix, NULL);
}

static void
choose_and_write (EeWindow *self, WriteKind kind, GCallback done)
{
  static const char *titles[] = { N_("Save As"), N_("Export Markdown"), N_("Export HTML") };
  GtkFileChooserNative *dialog;
  SaveData *save = g_new0 (SaveData, 1);
  GtkFileChooser *chooser;

  save->kind = kind;
  save->done = done;
  dialog = gtk_file_chooser_native_new (_(titles[kind]), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        kind == WRITE_PROJECT ? _("_Save") : _("_Export"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (dialog);
  g_object_set_data_full (G_OBJECT (dialog), "ee-save", save, save_data_free);

  if (kind == WRITE_MARKDOWN)
    {
      gtk_file_chooser_add_filter (chooser, filter_new (_("Hub Pages"), "*.md", NULL));
      if (self->export_file != NULL)
        gtk_file_chooser_set_file (chooser, self->export_file, NULL);
      else
        gtk_file_chooser_set_current_name (chooser, "ecosystem.md");
    }
  else if (kind == WRITE_HTML)
    {
      g_autofree char *name = sibling_name (self, "ecosystem-page.json", ".html");

      gtk_file_chooser_add_filter (chooser, filter_new (_("Web Pages"), "*.html", NULL));
      gtk_file_chooser_set_current_name (chooser, name);
    }
  else if (is_project_file (self->file))
    gtk_file_chooser_set_file (chooser, self->file, NULL);
  else
    {
      /* A page opened from Markdown is saved as a project beside it. */
      g_autofree char *name = sibling_name (self, "ecosystem-page.md", ".json");

      gtk_file_chooser_add_filter (chooser, filter_new (_("Projects"), "*.json", NULL));
      gtk_file_chooser_set_current_name (chooser, name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (choose_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * _ee_window_save_then:
 * @done: (nullable): called with the window once the document is saved
 *
 * Saves the document, asking where when it has no project file yet.
 */
void
_ee_window_save_then (EeWindow  *self,
                      GCallback  done)
{
  if (is_project_file (self->file))
    write_file (self, self->file, WRITE_PROJECT, done);
  else
    choose_and_write (self, WRITE_PROJECT, done);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _ee_window_save_then (EE_WINDOW (widget), NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  choose_and_write (EE_WINDOW (widget), WRITE_PROJECT, NULL);
}

static GFile *
remembered_export (EeWindow *self)
{
  g_autoptr(GVariant) locations = NULL;
  g_autofree char *key = NULL;
  const char *uri = NULL;

  if (self->export_file != NULL)
    return g_object_ref (self->export_file);
  if (self->settings == NULL || self->file == NULL)
    return NULL;
  locations = g_settings_get_value (self->settings, "export-locations");
  key = g_file_get_uri (self->file);
  if (!g_variant_lookup (locations, key, "&s", &uri))
    return NULL;
  return g_file_new_for_uri (uri);
}

static void
export_markdown (EeWindow *self,
                 gboolean  ask)
{
  g_autoptr(GFile) file = NULL;

  if (ee_document_get_layout (self->document) == EE_LAYOUT_FOLDER)
    {
      _ee_window_export_folder (self, ask);
      return;
    }
  file = ask ? NULL : remembered_export (self);
  if (file != NULL)
    write_file (self, file, WRITE_MARKDOWN, NULL);
  else
    choose_and_write (self, WRITE_MARKDOWN, NULL);
}

static void
export_problems_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             EeWindow         *self)
{
  gboolean ask = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "ee-ask"));

  if (g_str_equal (response, "export"))
    export_markdown (self, ask);
  else if (g_str_equal (response, "problems"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problems", NULL);
}

/* A page with errors is exported only when the user says so. */
static void
export_checked (EeWindow *self,
                gboolean  ask)
{
  guint errors = _ee_window_count_errors (self);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (errors == 0)
    {
      export_markdown (self, ask);
      return;
    }
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The page has %u error. It may not show on the hub as it should.",
                                       "The page has %u errors. They may not show on the hub as they should.",
                                       errors),
                          errors);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export a Page With Errors?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "problems", _("_Show Problems"),
                                    "export", _("_Export Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "problems");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "ee-ask", GINT_TO_POINTER (ask));
  g_signal_connect_object (dialog, "response", G_CALLBACK (export_problems_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  export_checked (EE_WINDOW (widget), FALSE);
}

static void
export_as_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  export_checked (EE_WINDOW (widget), TRUE);
}

static void
export_html_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_and_write (EE_WINDOW (widget), WRITE_HTML, NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  EeWindow *self = EE_WINDOW (widget);

  _ee_window_ensure_preview (self);
  ee_preview_print (EE_PREVIEW (self->preview), GTK_WINDOW (self));
}

static void
show_preview_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EeWindow *self = EE_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

void
_ee_window_class_add_file_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-as", NULL, export_as_action);
  gtk_widget_class_install_action (widget_class, "win.export-html", NULL, export_html_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.show-preview", NULL, show_preview_action);
}
