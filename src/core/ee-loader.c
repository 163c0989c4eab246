/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-loader.h"

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

  if (ee_loader_guess_kind (name, NULL) == EE_FILE_KIND_PAGE)
    return ee_import_load_file (file, error);
  return ee_project_load_file (file, error);
}
