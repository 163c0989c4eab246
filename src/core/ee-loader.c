/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-loader.h"

#include "ee-hub-folder.h"
#include "ee-import.h"
#include "ee-project.h"

/**
 * ee_loader_guess_kind:
 * @name: (nullable): the file name, or %NULL for standard input
 *
 * Project files end in ".json", pages in ".md"; without a telling name, a
 * file that starts with "{" is a project.
 */
EeFileKind
ee_loader_guess_kind (const char *name,
                      GBytes     *contents)
{
  const char *data;
  gsize length;

  if (name != NULL)
    {
      if (g_str_has_suffix (name, ".json"))
        return EE_FILE_KIND_PROJECT;
      if (g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".markdown"))
        return EE_FILE_KIND_PAGE;
    }
  if (contents == NULL)
    return EE_FILE_KIND_PROJECT;

  data = g_bytes_get_data (contents, &length);
  for (gsize i = 0; i < length; i++)
    {
      if (g_ascii_isspace (data[i]))
        continue;
      return data[i] == '{' ? EE_FILE_KIND_PROJECT : EE_FILE_KIND_PAGE;
    }
  return EE_FILE_KIND_PROJECT;
}

EeDocument *
ee_loader_load_bytes (GBytes      *contents,
                      EeFileKind   kind,
                      GError     **error)
{
  const char *data;
  gsize length;

  if (kind == EE_FILE_KIND_PROJECT)
    return ee_project_load_bytes (contents, error);
  data = g_bytes_get_data (contents, &length);
  return ee_import_page_markdown (data ? data : "", length, error);
}

/**
 * ee_loader_load_file:
 *
 * Opens a project file or a hub page, whichever @file is.
 *
 * Returns: (transfer full) (nullable): the document
 */
EeDocument *
ee_loader_load_file (GFile   *file,
                     GError **error)
{
  g_autofree char *name = g_file_get_basename (file);

  /* A hub folder, or index.md or a cluster page of one, opens the whole
   * folder. */
  if (ee_hub_folder_recognise (file))
    return ee_hub_folder_import (file, error);
  if (ee_loader_guess_kind (name, NULL) == EE_FILE_KIND_PAGE)
    return ee_import_load_file (file, error);
  return ee_project_load_file (file, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  EeDocument *document = ee_loader_load_file (G_FILE (source_object), &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/**
 * ee_loader_load_file_async:
 *
 * Opens a project file or a hub page in a worker thread: pages can be
 * large.  The document is handed over in the thread of @callback.
 */
void
ee_loader_load_file_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, ee_loader_load_file_async);
  g_task_run_in_thread (task, load_thread);
}

/**
 * ee_loader_load_file_finish:
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 *   set
 */
EeDocument *
ee_loader_load_file_finish (GFile         *file,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, file), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
