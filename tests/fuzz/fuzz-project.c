/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Any project file either fails with an error or loads into a model that
 * saves to stable bytes and always exports. */
#include "ee-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(EeDocument) document = ee_project_load_bytes (bytes, &error);
  g_autoptr(EeDocument) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *html = NULL;
  gsize length;

  if (document == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->message != NULL && *error->message != 0);
      return 0;
    }

  first = ee_project_save_bytes (document);
  again = ee_project_load_bytes (first, NULL);
  g_assert_nonnull (again);
  second = ee_project_save_bytes (again);
  g_assert_true (g_bytes_equal (first, second));

  markdown = ee_export_page_markdown (document, &length);
  g_assert_nonnull (markdown);
  html = ee_render_html_fragment (markdown, length);
  g_assert_nonnull (html);
  return 0;
}
