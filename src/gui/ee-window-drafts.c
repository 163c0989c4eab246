/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ee-window-private.h"

/*
 * The window's part of crash safety: while the document has unsaved
 * changes, a draft of it is written to the user's state folder at most a
 * second after each change.  Saving, or closing and discarding the
 * changes, removes it; a crash leaves it for the next start to offer back.
 */

/* The longest a change waits before it is in the draft. */
#define DRAFT_DELAY_MS 1000

/* Says once, not at every keystroke, that the draft cannot be written; the
 * document itself is untouched. */
static void
draft_written (EeWindow *self,
               GError   *error)
{
  g_autofree char *message = NULL;

  if (error == NULL)
    {
      self->draft_failed = FALSE;
      return;
    }
  if (self->draft_failed)
    return;
  self->draft_failed = TRUE;
  message = g_strdup_printf (_("Unsaved changes cannot be kept safe: %s"), error->message);
  _ee_window_toast (self, message);
}

static void
draft_saved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(EeWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  ee_draft_save_finish (EE_DRAFT (source), result, &error);
  draft_written (self, error);
}

/* Writes the draft: the document's content is taken now, and written in a
 * worker thread unless @now, so that a slow disk never stalls typing. */
static void
write_draft (EeWindow *self,
             gboolean  now)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_clear_handle_id (&self->draft_id, g_source_remove);
  if (!self->modified || self->document == NULL)
    return;
  if (self->draft == NULL)
    self->draft = ee_draft_new ();
  name = self->file != NULL ? g_file_get_basename (self->file) : g_strdup (_("New Page"));
  if (!now)
    {
      ee_draft_save_async (self->draft, self->document, self->file, name, NULL, draft_saved_cb,
                           g_object_ref (self));
      return;
    }
  ee_draft_save (self->draft, self->document, self->file, name, &error);
  draft_written (self, error);
}

static gboolean
draft_cb (gpointer user_data)
{
  EeWindow *self = user_data;

  self->draft_id = 0;
  write_draft (self, FALSE);
  return G_SOURCE_REMOVE;
}

/**
 * _ee_window_schedule_draft:
 *
 * The document changed: it is in the draft within a second.  The timer is
 * not restarted by further changes, so steady typing is kept too.
 */
void
_ee_window_schedule_draft (EeWindow *self)
{
  if (self->draft_id == 0)
    self->draft_id = g_timeout_add (DRAFT_DELAY_MS, draft_cb, self);
}

/**
 * _ee_window_flush_draft:
 *
 * Writes the draft now, before this returns, if a change is waiting for
 * it: the program may be about to end.
 */
void
_ee_window_flush_draft (EeWindow *self)
{
  if (self->draft_id != 0)
    write_draft (self, TRUE);
}

/**
 * _ee_window_discard_draft:
 *
 * The document has no unsaved changes any more: its draft goes.
 */
void
_ee_window_discard_draft (EeWindow *self)
{
  g_clear_handle_id (&self->draft_id, g_source_remove);
  if (self->draft != NULL)
    ee_draft_discard (self->draft);
  g_clear_object (&self->draft);
  self->draft_failed = FALSE;
}

/**
 * ee_window_adopt_draft:
 * @draft: the draft the window's document was recovered from
 *
 * The window's document holds @draft's unsaved changes: it is marked
 * modified, and the draft is the window's own from now on, kept up to date
 * and removed once the changes are saved or discarded.
 */
void
ee_window_adopt_draft (EeWindow *self,
                       EeDraft  *draft)
{
  g_return_if_fail (EE_IS_WINDOW (self));
  g_return_if_fail (EE_IS_DRAFT (draft));

  if (self->draft != draft)
    _ee_window_discard_draft (self);
  g_set_object (&self->draft, draft);
  _ee_window_set_modified (self, TRUE);
}
