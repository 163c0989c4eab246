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
 */
struct _EeDraft {
  GObject    parent_instance;

  char      *id;
  char      *name;
  GFile     *origin;
  GDateTime *time;
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
  g_autofree char *folder = ee_draft_get_folder ();
  g_autofree char *json_path = NULL;
  g_autofree char *draft_file = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  gsize length;
  const char *data;

  g_return_val_if_fail (EE_IS_DRAFT (self), FALSE);
  g_return_val_if_fail (EE_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (origin == NULL || G_IS_FILE (origin), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "Could not make the folder “%s”: %s", folder, g_strerror (saved_errno));
      return FALSE;
    }

  bytes = ee_project_save_bytes (document);
  data = g_bytes_get_data (bytes, &length);
  json_path = draft_path (self, ".json");
  if (!write_file (json_path, data, length, error))
    return FALSE;

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
  description = g_key_file_to_data (key_file, &length, NULL);
  draft_file = draft_path (self, ".draft");
  return write_file (draft_file, description, length, error);
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

  g_return_if_fail (EE_IS_DRAFT (self));

  /* The description first: without it, the rest is not offered. */
  draft_file = draft_path (self, ".draft");
  json_path = draft_path (self, ".json");
  g_unlink (draft_file);
  g_unlink (json_path);
}
