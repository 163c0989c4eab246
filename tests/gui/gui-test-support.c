/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "gui-test-support.h"

/*
 * What the programs that drive the real widgets share: the tests in this
 * folder and the benchmarks in bench/.
 */

/**
 * gui_test_keep_malloc_perturb_to_self:
 *
 * `meson test` sets MALLOC_PERTURB_ so that the C library fills memory
 * as it hands it out and takes it back, which shows reads of memory
 * that was never written or was freed.  This process keeps it (the C
 * library read it when the process started), but WebKit's web process,
 * which inherits the environment, must not: it crashes with it, now and
 * then, in code that is not the editor's.  Call before the first web view.
 */
void
gui_test_keep_malloc_perturb_to_self (void)
{
  g_unsetenv ("MALLOC_PERTURB_");
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * gui_test_spin_for:
 *
 * Runs the main loop for @ms milliseconds.
 */
void
gui_test_spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * gui_test_spin_until:
 *
 * Runs the main loop until *@flag is set; fails after @timeout_ms.
 */
void
gui_test_spin_until (gboolean *flag,
                     guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out after %u ms", timeout_ms);
  g_source_remove (id);
}
