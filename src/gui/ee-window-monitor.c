/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ee-window-private.h"

/*
 * The window's part of watching its file: when another program changes or
 * removes the file the document came from, a bar under the header bar says
 * so, and the user reloads the file or keeps their version (which the next
 * save writes over the other).  The window's own saves are told apart by
 * the file's entity tag, which each save and load records.
 */

/* Writes come in bursts of events: the file is looked at once they rest. */
#define SETTLE_MS 300

enum {
  RESPONSE_RELOAD = 1,
  RESPONSE_KEEP,
};

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                                                 NULL, NULL);

  if (info == NULL)
    return NULL;
  return g_strdup (g_file_info_get_etag (info));
}

static void
hide_bar (EeWindow *self)
{
  gtk_info_bar_set_revealed (self->changed_bar, FALSE);
}

static gboolean
check_file_cb (gpointer user_data)
{
  EeWindow *self = user_data;
  g_autofree char *etag = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean exists;

  self->changed_id = 0;
  if (self->file == NULL)
    return G_SOURCE_REMOVE;
  etag = query_etag (self->file);
  exists = etag != NULL;
  if (g_strcmp0 (etag, self->file_etag) == 0)
    return G_SOURCE_REMOVE;

  name = g_file_get_basename (self->file);
  message = exists ? g_strdup_printf (_("“%s” was changed by another program."), name)
                   : g_strdup_printf (_("“%s” was deleted or moved by another program."), name);
  gtk_label_set_text (self->changed_label, message);
  gtk_info_bar_set_response_sensitive (self->changed_bar, RESPONSE_RELOAD, exists);
  gtk_widget_set_visible (self->reload_button, exists);
  gtk_info_bar_set_revealed (self->changed_bar, TRUE);
  return G_SOURCE_REMOVE;
}

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 EeWindow          *self)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;
  g_clear_handle_id (&self->changed_id, g_source_remove);
  self->changed_id = g_timeout_add (SETTLE_MS, check_file_cb, self);
}

static void
reload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(EeWindow) self = user_data;
  GFile *file = G_FILE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(EeDocument) document = ee_loader_load_file_finish (file, result, &error);

  if (document == NULL)
    {
      /* The document stays as it was. */
      ee_window_show_open_error (self, file, error);
      return;
    }
  if (self->file == NULL || !g_file_equal (file, self->file))
    return;
  ee_window_set_document (self, document);
  _ee_window_watch_file (self);
  _ee_window_toast (self, _("Reloaded"));
}

static void
bar_response_cb (EeWindow   *self,
                 int         response,
                 GtkInfoBar *bar)
{
  hide_bar (self);
  if (self->file == NULL)
    return;
  if (response == RESPONSE_RELOAD)
    ee_loader_load_file_async (self->file, NULL, reload_cb, g_object_ref (self));
  else
    {
      /* Their version is the one on disk now; saving writes over it. */
      g_free (self->file_etag);
      self->file_etag = query_etag (self->file);
      _ee_window_set_modified (self, TRUE);
    }
}

static void
stop_watching (EeWindow *self)
{
  g_clear_handle_id (&self->changed_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_pointer (&self->file_etag, g_free);
}

/**
 * _ee_window_watch_file:
 *
 * Starts watching the window's file as it is now on disk.
 */
void
_ee_window_watch_file (EeWindow *self)
{
  g_autoptr(GError) error = NULL;

  stop_watching (self);
  hide_bar (self);
  if (self->file == NULL)
    return;

  self->file_etag = query_etag (self->file);
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  /* Not every file system can be watched; the document works the same. */
  if (self->monitor == NULL)
    {
      g_debug ("Not watching the file: %s", error->message);
      return;
    }
  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (file_changed_cb), self, 0);
}

/**
 * _ee_window_note_own_write:
 * @etag: (nullable): the entity tag of the file the window just wrote
 *
 * The window wrote its file: that change is its own.
 */
void
_ee_window_note_own_write (EeWindow   *self,
                           const char *etag)
{
  g_free (self->file_etag);
  self->file_etag = etag != NULL ? g_strdup (etag) : (self->file != NULL ? query_etag (self->file) : NULL);
  hide_bar (self);
}

void
_ee_window_init_monitor (EeWindow *self)
{
  GtkWidget *bar = gtk_info_bar_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_info_bar_set_message_type (GTK_INFO_BAR (bar), GTK_MESSAGE_WARNING);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (bar), FALSE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_info_bar_add_child (GTK_INFO_BAR (bar), label);
  self->reload_button = gtk_info_bar_add_button (GTK_INFO_BAR (bar), _("_Reload"), RESPONSE_RELOAD);
  gtk_info_bar_add_button (GTK_INFO_BAR (bar), _("_Keep Mine"), RESPONSE_KEEP);
  g_signal_connect_object (bar, "response", G_CALLBACK (bar_response_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_css_class (bar, "file-changed-bar");

  self->changed_bar = GTK_INFO_BAR (bar);
  self->changed_label = GTK_LABEL (label);
  gtk_box_insert_child_after (GTK_BOX (self->content_pane), bar, gtk_widget_get_first_child (self->content_pane));
}

void
_ee_window_dispose_monitor (EeWindow *self)
{
  stop_watching (self);
}
