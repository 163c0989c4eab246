/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "ee-draft.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ee-project.h"

/**
 * EeDraft:
 *
 * The unsaved state of a document, kept in the user's state folder so that
 * a crash loses nothing: the document as a project file ("ID.json") and what
 * the editor needs to offer it back ("ID.draft": its name, the file it
 * came from, when it was written).  Both are written atomically, the
 * project first: a draft whose description is missing is not listed, and
 * one is never half-written.
 *
 * A save can run in a worker thread (ee_draft_save_async()), so that the
 * fsync of a slow disk never stalls typing.  The files of one draft are
 * written and removed under its lock, newest content last: a save that
 * finishes after a newer one, or after the draft was discarded, writes
 * nothing.
 */
struct _EeDraft {
  GObject    parent_instance;

  char      *id;
  char      *name;
  GFile     *origin;
  GDateTime *time;

  GMutex     lock;         /* held while the files are written or removed */
  guint64    n_saves;      /* saves started, in the thread that owns the draft */
  guint64    written;      /* the newest save in the files, or discarded; under the lock */
};

G_DEFINE_FINAL_TYPE (EeDraft, ee_draft, G_TYPE_OBJECT)

#define GROUP "Draft"

static void
ee_draft_finalize (GObject *object)
{
  EeDraft *self = EE_DRAFT (object);

  g_free (self->id);
  g_free (self->name);
  g_clear_object (&self->origin);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (ee_draft_parent_class)->finalize (object);
}

static void
ee_draft_class_init (EeDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ee_draft_finalize;
}

static void
ee_draft_init (EeDraft *self)
{
  g_mutex_init (&self->lock);
}

/**
 * ee_draft_get_folder:
 *
 * Returns: (transfer full): the folder drafts are kept in
 */
char *
ee_draft_get_folder (void)
{
  return g_build_filename (g_get_user_state_dir (), "ecosystem-editor", "drafts", NULL);
}

static char *
draft_path (EeDraft    *self,
            const char *suffix)
{
  g_autofree char *folder = ee_draft_get_folder ();
  g_autofree char *name = g_strconcat (self->id, suffix, NULL);

  return g_build_filename (folder, name, NULL);
}

/**
 * ee_draft_new:
 *
 * Returns: (transfer full): a draft not written yet, with an id of its own
 */
EeDraft *
ee_draft_new (void)
{
  EeDraft *self = g_object_new (EE_TYPE_DRAFT, NULL);

  self->id = g_uuid_string_random ();
  return self;
}

static EeDraft *
draft_read (const char *folder,
            const char *file_name)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *path = g_build_filename (folder, file_name, NULL);
  g_autofree char *json_path = NULL;
  g_autofree char *origin = NULL;
  g_autoptr(EeDraft) self = NULL;
  gint64 time;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return NULL;
  self = g_object_new (EE_TYPE_DRAFT, NULL);
  self->id = g_strndup (file_name, strlen (file_name) - strlen (".draft"));
  json_path = draft_path (self, ".json");
  if (!g_file_test (json_path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  self->name = g_key_file_get_string (key_file, GROUP, "Name", NULL);
  if (self->name == NULL)
    self->name = g_strdup ("");
  origin = g_key_file_get_string (key_file, GROUP, "Origin", NULL);
  if (origin != NULL && *origin != '\0')
    self->origin = g_file_new_for_uri (origin);
  time = g_key_file_get_int64 (key_file, GROUP, "Time", NULL);
  self->time = g_date_time_new_from_unix_local (time);
  return g_steal_pointer (&self);
}

static int
compare_time (gconstpointer a,
              gconstpointer b)
{
  EeDraft *draft_a = *(EeDraft **) a;
  EeDraft *draft_b = *(EeDraft **) b;

  return g_date_time_compare (draft_b->time, draft_a->time);
}

/**
 * ee_draft_list:
 *
 * Returns: (transfer full) (element-type EeDraft): the drafts in the
 *   folder, the newest first
 */
GPtrArray *
ee_draft_list (void)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *folder = ee_draft_get_folder ();
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return drafts;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      EeDraft *draft;

      if (!g_str_has_suffix (name, ".draft"))
        continue;
      draft = draft_read (folder, name);
      if (draft != NULL)
        g_ptr_array_add (drafts, draft);
    }
  g_ptr_array_sort (drafts, compare_time);
  return drafts;
}

const char *
ee_draft_get_id (EeDraft *self)
{
  g_return_val_if_fail (EE_IS_DRAFT (self), NULL);
  return self->id;
}

/**
 * ee_draft_get_name:
 *
 * Returns: the document's name as the window showed it
 */
const char *
ee_draft_get_name (EeDraft *self)
{
  g_return_val_if_fail (EE_IS_DRAFT (self), NULL);
  return self->name != NULL ? self->name : "";
}

/**
 * ee_draft_get_origin:
 *
 * Returns: (nullable) (transfer none): the file the document came from
 */
GFile *
ee_draft_get_origin (EeDraft *self)
{
  g_return_val_if_fail (EE_IS_DRAFT (self), NULL);
  return self->origin;
}

/**
 * ee_draft_get_time:
 *
 * Returns: (nullable) (transfer none): when the draft was last written
 */
GDateTime *
ee_draft_get_time (EeDraft *self)
{
  g_return_val_if_fail (EE_IS_DRAFT (self), NULL);
  return self->time;
}

static gboolean
write_file (const char  *path,
            const char  *contents,
            gsize        length,
            GError     **error)
{
  /* Only the user reads their drafts. */
  return g_file_set_contents_full (path, contents, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/* What one save writes: taken on the thread that owns the draft, written
 * on any. */
typedef struct {
  EeDraft *draft;
  guint64  serial;
  char    *folder;
  char    *json_path;
  GBytes  *json;
  char    *draft_file;
  char    *description;
  gsize    description_length;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_object_unref (job->draft);
  g_free (job->folder);
  g_free (job->json_path);
  g_bytes_unref (job->json);
  g_free (job->draft_file);
  g_free (job->description);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveJob, save_job_free)

static SaveJob *
save_job_new (EeDraft    *self,
              EeDocument *document,
              GFile      *origin,
              const char *name)
{
  SaveJob *job = g_new0 (SaveJob, 1);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  job->draft = g_object_ref (self);
  job->serial = ++self->n_saves;
  job->folder = ee_draft_get_folder ();
  job->json_path = draft_path (self, ".json");
  job->draft_file = draft_path (self, ".draft");
  job->json = ee_project_save_bytes (document);

  g_clear_pointer (&self->time, g_date_time_unref);
  self->time = g_date_time_new_now_local ();
  g_free (self->name);
  self->name = g_strdup (name);
  g_set_object (&self->origin, origin);

  g_key_file_set_string (key_file, GROUP, "Name", name);
  if (origin != NULL)
    {
      g_autofree char *uri = g_file_get_uri (origin);

      g_key_file_set_string (key_file, GROUP, "Origin", uri);
    }
  g_key_file_set_int64 (key_file, GROUP, "Time", g_date_time_to_unix (self->time));
  job->description = g_key_file_to_data (key_file, &job->description_length, NULL);
  return job;
}

/* Writes the job's files, unless the draft holds newer content already or
 * was discarded: then there is nothing to do. */
static gboolean
save_job_run (SaveJob  *job,
              GError  **error)
{
  EeDraft *self = job->draft;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  gsize length;
  const char *data;

  if (job->serial <= self->written)
    return TRUE;

  if (g_mkdir_with_parents (job->folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not make the folder “%s”: %s", job->folder, g_strerror (saved_errno));
      return FALSE;
    }
  data = g_bytes_get_data (job->json, &length);
  if (!write_file (job->json_path, data, length, error)
      || !write_file (job->draft_file, job->description, job->description_length, error))
    return FALSE;
  self->written = job->serial;
  return TRUE;
}

/**
 * ee_draft_save:
 * @origin: (nullable): the file the document came from
 * @name: the document's name, to offer it back by
 *
 * Writes @document as the draft's content, replacing what it held.
 */
gboolean
ee_draft_save (EeDraft     *self,
               EeDocument  *document,
               GFile       *origin,
               const char  *name,
               GError     **error)
{
  g_autoptr(SaveJob) job = NULL;

  g_return_val_if_fail (EE_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (EE_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (origin == NULL || G_IS_FILE (origin), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  job = save_job_new (self, document, origin, name);
  return save_job_run (job, error);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (save_job_run (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ee_draft_save_async:
 *
 * Takes @document's content now and writes it as the draft's in a worker
 * thread, as ee_draft_save() does.
 */
void
ee_draft_save_async (EeDraft             *self,
                     EeDocument          *document,
                     GFile               *origin,
                     const char          *name,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (EE_IS_DRAFT (self));
  g_return_if_fail (EE_IS_DOCUMENT (document));
  g_return_if_fail (origin == NULL || G_IS_FILE (origin));
  g_return_if_fail (name != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ee_draft_save_async);
  g_task_set_task_data (task, save_job_new (self, document, origin, name), (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
ee_draft_save_finish (EeDraft       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ee_draft_load:
 *
 * Returns: (transfer full): the document the draft holds, or %NULL and
 *   @error
 */
EeDocument *
ee_draft_load (EeDraft  *self,
               GError  **error)
{
  g_autofree char *json_path = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (EE_IS_DRAFT (self), NULL);

  json_path = draft_path (self, ".json");
  file = g_file_new_for_path (json_path);
  return ee_project_load_file (file, error);
}

/**
 * ee_draft_discard:
 *
 * Removes the draft from the folder, if it was written.
 */
void
ee_draft_discard (EeDraft *self)
{
  g_autofree char *json_path = NULL;
  g_autofree char *draft_file = NULL;
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_if_fail (EE_IS_DRAFT (self));

  /* A save under way finishes first; the saves started before this one
   * write nothing after it. */
  locker = g_mutex_locker_new (&self->lock);
  self->written = MAX (self->written, self->n_saves);
  /* The description first: without it, the rest is not offered. */
  draft_file = draft_path (self, ".draft");
  json_path = draft_path (self, ".json");
  g_unlink (draft_file);
  g_unlink (json_path);
}
