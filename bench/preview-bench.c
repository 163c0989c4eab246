/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <adwaita.h>
#include <stdlib.h>

#include "ee-export.h"
#include "ee-preview.h"
#include "ee-test-gen.h"
#include "gui-test-support.h"

/*
 * How long the live preview takes to show an edit, in a real window, for
 * pages of 10, 100 and 1,000 initiatives; next to it, how long loading the
 * whole page again takes.  Needs a display and a session bus:
 *
 *   xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- preview-bench [N_EDITS [PAUSE_MS]]
 *
 * "DOM updated" runs from the change of the model to the end of the script
 * that changes the page (its reply reaching the widget); "next frame" to a
 * requestAnimationFrame() after that, an upper bound for the frame that
 * shows the change; "export" is the part of the time the exporter alone
 * takes (the whole page's Markdown, as each update makes it).
 */

#define TIMEOUT_MS 60000
#define WARM_UP    5

typedef struct {
  GtkWidget *window;
  EePreview *preview;
  gboolean   updated;
  gboolean   loaded;
} Bench;

static void
spin_until_up_to_date (Bench *bench)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

  while (!ee_preview_is_up_to_date (bench->preview))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out");
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
updated_cb (EePreview *preview,
            Bench     *bench)
{
  bench->updated = TRUE;
}

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 Bench           *bench)
{
  if (event == WEBKIT_LOAD_FINISHED)
    bench->loaded = TRUE;
}

static void
frame_cb (GObject      *web_view,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = webkit_web_view_call_async_javascript_function_finish (WEBKIT_WEB_VIEW (web_view),
                                                                                     result, &error);

  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
wait_for_frame (Bench *bench)
{
  gboolean done = FALSE;

  webkit_web_view_call_async_javascript_function (ee_preview_get_web_view (bench->preview),
                                                  "return new Promise(r => requestAnimationFrame(() => r(true)));",
                                                  -1, NULL, EE_PREVIEW_SCRIPT_WORLD, NULL, NULL,
                                                  frame_cb, &done);
  gui_test_spin_until (&done, TIMEOUT_MS);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *times,
            double  p)
{
  guint index;

  g_array_sort (times, compare_doubles);
  index = (guint) (p * (times->len - 1) + 0.5);
  return g_array_index (times, double, index);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static EeInitiative *
middle_initiative (EeDocument *document)
{
  guint target = ee_document_count_initiatives (document) / 2;

  for (guint c = 0; c < ee_document_get_n_clusters (document); c++)
    {
      EeCluster *cluster = ee_document_get_cluster (document, c);
      guint n = ee_cluster_get_n_initiatives (cluster);

      if (target < n)
        return ee_cluster_get_initiative (cluster, target);
      target -= n;
    }
  g_assert_not_reached ();
}

static void
run (guint n_initiatives,
     guint n_edits,
     guint pause_ms)
{
  g_autoptr(EeDocument) document = ee_test_generate_document (42, n_initiatives, EE_GEN_REALISTIC);
  g_autoptr(GArray) dom = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) export = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_ready = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sections = NULL;
  g_autofree char *markdown = ee_export_page_markdown_sections (document, NULL, &sections);
  EeInitiative *initiative = middle_initiative (document);
  Bench bench = { NULL, NULL, FALSE, FALSE };

  bench.window = gtk_window_new ();
  bench.preview = EE_PREVIEW (ee_preview_new ());
  gtk_window_set_default_size (GTK_WINDOW (bench.window), 1000, 760);
  gtk_window_set_child (GTK_WINDOW (bench.window), GTK_WIDGET (bench.preview));
  g_signal_connect (bench.preview, "updated", G_CALLBACK (updated_cb), &bench);
  g_signal_connect (ee_preview_get_web_view (bench.preview), "load-changed", G_CALLBACK (load_changed_cb), &bench);
  gtk_window_present (GTK_WINDOW (bench.window));

  ee_preview_set_document (bench.preview, document, NULL);
  spin_until_up_to_date (&bench);
  /* The editor shows the initiative it edits, and so does the page. */
  ee_preview_reveal (bench.preview, G_OBJECT (initiative));
  spin_until_up_to_date (&bench);
  gui_test_spin_for (800);

  for (guint i = 0; i < WARM_UP + n_edits; i++)
    {
      g_autofree char *text = g_strdup_printf ("Edited description number %u, typed into the form.", i);
      g_autoptr(EeRichText) value = ee_rich_text_new_plain (text);
      gint64 start;
      double dom_ms;

      bench.updated = FALSE;
      start = g_get_monotonic_time ();
      ee_initiative_set_field (initiative, EE_FIELD_SHORT_DESCRIPTION, value);
      gui_test_spin_until (&bench.updated, TIMEOUT_MS);
      dom_ms = elapsed_ms (start);
      wait_for_frame (&bench);
      if (i >= WARM_UP)
        {
          double frame_ms = elapsed_ms (start);

          g_array_append_val (dom, dom_ms);
          g_array_append_val (frame, frame_ms);
        }
      /* Someone typing leaves a little time between keys. */
      gui_test_spin_for (pause_ms);
    }

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(GArray) unused = NULL;
      g_autofree char *page = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      page = ee_export_page_markdown_sections (document, NULL, &unused);
      ms = elapsed_ms (start);
      g_array_append_val (export, ms);
    }

  for (guint i = 0; i < 10; i++)
    {
      gint64 start;
      double load_ms, ready_ms;

      bench.loaded = FALSE;
      start = g_get_monotonic_time ();
      ee_preview_reload (bench.preview);
      gui_test_spin_until (&bench.loaded, TIMEOUT_MS);
      load_ms = elapsed_ms (start);
      spin_until_up_to_date (&bench);
      ready_ms = elapsed_ms (start);
      g_array_append_val (load, load_ms);
      g_array_append_val (load_ready, ready_ms);
      gui_test_spin_for (100);
    }

  g_print ("%6u %8u %9.1f %9.1f %9.1f %9.1f %9.1f %10.1f %10.1f\n",
           n_initiatives, sections->len,
           percentile (dom, 0.5), percentile (dom, 0.95),
           percentile (frame, 0.5), percentile (frame, 0.95),
           percentile (export, 0.5),
           percentile (load, 0.5), percentile (load_ready, 0.5));

  gtk_window_destroy (GTK_WINDOW (bench.window));
  gui_test_spin_for (200);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 10, 100, 1000 };
  guint n_edits = argc > 1 ? (guint) atoi (argv[1]) : 100;
  guint pause_ms = argc > 2 ? (guint) atoi (argv[2]) : 50;

  gui_test_keep_malloc_perturb_to_self ();
  gtk_init ();
  adw_init ();

  g_print ("Live preview: %u edits of one initiative's field per page, %u ms apart; times in ms.\n",
           n_edits, pause_ms);
  g_print ("%6s %8s %9s %9s %9s %9s %9s %10s %10s\n",
           "", "", "DOM", "DOM", "frame", "frame", "export", "full load", "full load");
  g_print ("%6s %8s %9s %9s %9s %9s %9s %10s %10s\n",
           "inits", "sections", "median", "p95", "median", "p95", "median", "median", "+ script");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    run (sizes[i], n_edits, pause_ms);
  return 0;
}
