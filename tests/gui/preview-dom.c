/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Prints what the live preview shows of a project file or a page: the HTML
 * of its article, read from the web view's DOM once the page has loaded.
 * test_preview_fidelity.py compares it with what the hub renders.
 *
 *   preview-dom FILE.json|PAGE.md
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "ee-core.h"
#include "ee-preview.h"
#include "gui-test-support.h"

static gboolean loaded;
static char *dom;

static void
updated_cb (EePreview *preview)
{
  loaded = TRUE;
}

static void
evaluated_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JSCValue) value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (object), result, &error);

  if (value == NULL)
    g_error ("Could not read the preview: %s", error->message);
  dom = jsc_value_to_string (value);
}

int
main (int argc, char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(EeDocument) document = NULL;
  GtkWidget *window, *preview;
  gint64 end;

  if (argc != 2)
    {
      fprintf (stderr, "usage: preview-dom FILE.json|PAGE.md\n");
      return 2;
    }
  gui_test_keep_malloc_perturb_to_self ();
  gtk_init ();
  adw_init ();

  file = g_file_new_for_commandline_arg (argv[1]);
  document = ee_loader_load_file (file, &error);
  if (document == NULL)
    g_error ("%s", error->message);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  preview = ee_preview_new ();
  gtk_window_set_child (GTK_WINDOW (window), preview);
  g_signal_connect (preview, "updated", G_CALLBACK (updated_cb), NULL);
  ee_preview_set_document (EE_PREVIEW (preview), document, NULL);
  gtk_window_present (GTK_WINDOW (window));

  end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!loaded && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  if (!loaded)
    g_error ("The preview did not load");

  webkit_web_view_evaluate_javascript (ee_preview_get_web_view (EE_PREVIEW (preview)),
                                       "document.querySelector('article').innerHTML", -1,
                                       EE_PREVIEW_SCRIPT_WORLD, NULL, NULL, evaluated_cb, NULL);
  while (dom == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  if (dom == NULL)
    g_error ("The preview did not answer");

  fputs (dom, stdout);
  g_free (dom);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
