/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Times the core on generated documents of 100, 1,000 and 10,000
 * initiatives with text like the hub's: JSON load, JSON save, Markdown
 * export (from a freshly loaded document, and again after one edit),
 * Markdown import, each the median of several runs, and the peak memory of
 * each size.  Run with "ninja -C _build bench".
 */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ee-core.h"
#include "ee-test-gen.h"

#define RUNS 7

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values, guint n)
{
  qsort (values, n, sizeof (double), (GCompareFunc) compare_doubles);
  return values[n / 2];
}

static void
bench_size (guint n)
{
  g_autoptr(EeDocument) document = ee_test_generate_document (42, n, EE_GEN_REALISTIC);
  g_autoptr(GBytes) json = ee_project_save_bytes (document);
  g_autofree char *markdown = NULL;
  gsize markdown_length;
  double load[RUNS], save[RUNS], export[RUNS], reexport[RUNS], import[RUNS];
  struct rusage usage;

  markdown = ee_export_page_markdown (document, &markdown_length);

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EeDocument) loaded = NULL;
      g_autoptr(EeDocument) imported = NULL;
      g_autoptr(GBytes) saved = NULL;
      g_autofree char *exported = NULL;
      gint64 t0, t1;

      t0 = g_get_monotonic_time ();
      loaded = ee_project_load_bytes (json, &error);
      t1 = g_get_monotonic_time ();
      g_assert_no_error (error);
      load[r] = (t1 - t0) / 1000.0;

      /* Save and export from a freshly loaded document, as the editor and
       * the CLI do. */
      t0 = g_get_monotonic_time ();
      saved = ee_project_save_bytes (loaded);
      t1 = g_get_monotonic_time ();
      save[r] = (t1 - t0) / 1000.0;

      g_clear_object (&loaded);
      loaded = ee_project_load_bytes (json, &error);
      t0 = g_get_monotonic_time ();
      exported = ee_export_page_markdown (loaded, NULL);
      t1 = g_get_monotonic_time ();
      export[r] = (t1 - t0) / 1000.0;

      /* Again after one edit, as the preview and a repeated export do:
       * the initiatives that did not change are kept from the first. */
      g_clear_pointer (&exported, g_free);
      ee_initiative_set_title (ee_cluster_get_initiative (ee_document_get_cluster (loaded, 0), 0), "Edited");
      t0 = g_get_monotonic_time ();
      exported = ee_export_page_markdown (loaded, NULL);
      t1 = g_get_monotonic_time ();
      reexport[r] = (t1 - t0) / 1000.0;

      t0 = g_get_monotonic_time ();
      imported = ee_import_page_markdown (markdown, markdown_length, &error);
      t1 = g_get_monotonic_time ();
      g_assert_no_error (error);
      import[r] = (t1 - t0) / 1000.0;
    }

  getrusage (RUSAGE_SELF, &usage);
  printf ("%6u initiatives  JSON %6.1f MB  load %8.1f ms  save %7.1f ms  export %7.1f ms  after an edit %6.1f ms"
          "  import %8.1f ms  peak %6.1f MB\n",
          n, g_bytes_get_size (json) / 1e6, median (load, RUNS), median (save, RUNS), median (export, RUNS),
          median (reexport, RUNS), median (import, RUNS), usage.ru_maxrss / 1024.0);
  fflush (stdout);
}

int
main (int argc, char **argv)
{
  static const guint sizes[] = { 100, 1000, 10000 };

  printf ("Median of %d runs; peak memory is the whole process for that size.\n", RUNS);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      /* Each size in its own process, so the peak memory is its own. */
      fflush (stdout);
      pid_t pid = fork ();
      int status;

      if (pid == 0)
        {
          bench_size (sizes[i]);
          _exit (0);
        }
      waitpid (pid, &status, 0);
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        return 1;
    }
  return 0;
}
