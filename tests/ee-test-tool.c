/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes generated documents for the Python-driven tests:
 *   ee-test-tool gen SEED N_INITIATIVES realistic|hostile  → project JSON
 *   ee-test-tool render FILE.md  → the Markdown rendered by the project's
 *     renderer, as is (no import or export on the way)
 *   ee-test-tool diff OLD NEW  → ee_diff_unified() of two files, named a and b */
#include <stdio.h>
#include <stdlib.h>

#include "ee-test-gen.h"

int
main (int argc, char **argv)
{
  g_autoptr(EeDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  if (argc == 3 && g_str_equal (argv[1], "render"))
    {
      g_autofree char *markdown = NULL;
      g_autofree char *html = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_file_get_contents (argv[2], &markdown, &length, &error))
        {
          fprintf (stderr, "ee-test-tool: %s\n", error->message);
          return 1;
        }
      html = ee_render_html_fragment (markdown, length);
      return fputs (html, stdout) >= 0 ? 0 : 1;
    }
  if (argc == 4 && g_str_equal (argv[1], "diff"))
    {
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      g_autofree char *diff = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_file_get_contents (argv[2], &old_text, NULL, &error)
          || !g_file_get_contents (argv[3], &new_text, NULL, &error))
        {
          fprintf (stderr, "ee-test-tool: %s\n", error->message);
          return 1;
        }
      diff = ee_diff_unified (old_text, new_text, "a", "b");
      return fputs (diff, stdout) >= 0 ? 0 : 1;
    }
  if (argc != 5 || !g_str_equal (argv[1], "gen"))
    {
      fprintf (stderr, "usage: ee-test-tool gen SEED N_INITIATIVES realistic|hostile | render FILE.md\n");
      return 2;
    }
  document = ee_test_generate_document ((guint32) strtoul (argv[2], NULL, 10), (guint) strtoul (argv[3], NULL, 10),
                                        g_str_equal (argv[4], "hostile") ? EE_GEN_HOSTILE : EE_GEN_REALISTIC);
  bytes = ee_project_save_bytes (document);
  data = g_bytes_get_data (bytes, &length);
  return fwrite (data, 1, length, stdout) == length ? 0 : 1;
}
