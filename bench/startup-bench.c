/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ee-application.h"
#include "ee-core.h"
#include "ee-test-gen.h"
#include "ee-window.h"

/*
 * How long the editor takes to show its window, and how much memory it then
 * holds: for the bundled hub page (the editor started without a file) and
 * for a project of 1,000 initiatives opened from a file, each measured in a
 * fresh process, several times.  Needs a display and a session bus:
 *
 *   xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- startup-bench [RUNS]
 *
 * Each run re-executes this program with --case: that process is the
 * editor, built from the same sources and started the way main.c starts it
 * (the real EeApplication, its startup, then its activate or its open with
 * the file read in a worker thread).  Added are only a watch on the
 * window's signals and frame clock, and G_APPLICATION_NON_UNIQUE, so that
 * an editor already running on the bus cannot take the run's place.
 *
 * "First frame" runs from the moment this program spawns the run to the end
 * of the editor window's first paint (the frame clock's "after-paint"), so
 * it counts fork, exec, the dynamic loader and library constructors too;
 * the moments reached on the way are shown with it.  RSS is the process's
 * VmRSS once the window has gone 1 s without painting (at most 5 s after
 * the first frame), "anon" the part of it not mapped from files (libraries,
 * fonts); WebKit's web and network processes are counted apart.  One run
 * before the measured ones is not counted: it starts the accessibility bus,
 * which a desktop session already has.  The OS page cache stays warm:
 * "fresh" means a fresh process, not a cold disk.
 *
 * Run alone (startup-bench --case bundled), a run times itself from the
 * kernel's start time of the process (/proc/self/stat, in clock ticks).
 */

#define DEFAULT_RUNS      7
#define N_INITIATIVES     1000
#define RUN_TIMEOUT_S     60
#define IDLE_US           (1 * G_USEC_PER_SEC)
#define SETTLE_MAX_US     (5 * G_USEC_PER_SEC)
#define TARGET_FRAME_MS   400.0
#define TARGET_RSS_MB     120.0

typedef enum {
  CASE_BUNDLED,
  CASE_LARGE,
  N_CASES
} Case;

static const char *case_names[N_CASES] = { "bundled", "1000" };
static const char *case_titles[N_CASES] = { "bundled hub page", "1,000 initiatives" };

/* The moments of a start-up, each timed from the spawn. */
typedef enum {
  MARK_MAIN,         /* main() runs: the libraries are loaded and linked */
  MARK_STARTED,      /* the application's startup is done */
  MARK_WINDOW,       /* the editor window is built (its template) */
  MARK_DOCUMENT,     /* it shows the document: sidebar, form, preview */
  MARK_REALIZED,     /* it has a surface */
  MARK_FIRST_FRAME,  /* its first paint is done */
  N_MARKS
} Mark;

static const char *mark_names[N_MARKS] = { "main", "started", "window", "document", "realized", "frame" };

/* What a run prints for the parent, after the tag: the marks in ms, the
 * sizes in kB, the initiatives shown and the renderer. */
#define RESULT_TAG "startup-bench-run"
#define RESULT_FORMAT "%lf %lf %lf %lf %lf %lf %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT \
                      " %" G_GINT64_FORMAT " %u %63s"

/* One run, as the child measures it. */
typedef struct {
  double marks_ms[N_MARKS];
  double rss_mb;
  double anon_mb;
  double peak_mb;
  double webkit_mb;
  guint  n_initiatives;
  char   renderer[64];
} Run;

/* Reading /proc ------------------------------------------------------------ */

/* A "Vm…:  1234 kB" line of /proc/PID/status, in kB; -1 if absent. */
static gint64
status_kb (const char *pid,
           const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/status", pid);
  g_autofree char *contents = NULL;
  g_autofree char *key = g_strconcat ("\n", field, ":", NULL);
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return -1;
  line = strstr (contents, key);
  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen (key), NULL, 10);
}

/* The fields of /proc/PID/stat after the command name, which may itself
 * hold spaces and parentheses. */
static char **
stat_fields (const char *pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", pid);
  g_autofree char *contents = NULL;
  const char *end;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  end = strrchr (contents, ')');
  if (end == NULL || end[1] == 0)
    return NULL;
  return g_strsplit (end + 2, " ", -1);
}

/* When this process started, on the CLOCK_BOOTTIME scale, in µs; the
 * kernel counts it in clock ticks (usually 10 ms). */
static gint64
process_start_boottime_us (void)
{
  g_auto(GStrv) fields = stat_fields ("self");
  long ticks_per_s = sysconf (_SC_CLK_TCK);

  /* Field 22 of stat is starttime; the fields here start at field 3. */
  if (fields == NULL || g_strv_length (fields) < 20 || ticks_per_s <= 0)
    return -1;
  return g_ascii_strtoll (fields[19], NULL, 10) * G_USEC_PER_SEC / ticks_per_s;
}

static gint64
boottime_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_BOOTTIME, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* The resident memory of every process this one started (WebKit's), in kB.
 * Pages they share are counted in each. */
static gint64
descendants_rss_kb (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc", 0, NULL);
  g_autoptr(GHashTable) parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) family = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *self = g_strdup_printf ("%d", (int) getpid ());
  const char *name;
  gboolean grew = TRUE;
  gint64 total = 0;
  GHashTableIter iter;
  gpointer pid, ppid;

  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_auto(GStrv) fields = NULL;

      if (!g_ascii_isdigit (name[0]))
        continue;
      fields = stat_fields (name);
      /* Field 4 of stat is the parent's id. */
      if (fields != NULL && fields[0] != NULL && fields[1] != NULL)
        g_hash_table_insert (parents, g_strdup (name), g_strdup (fields[1]));
    }

  g_hash_table_add (family, self);
  while (grew)
    {
      grew = FALSE;
      g_hash_table_iter_init (&iter, parents);
      while (g_hash_table_iter_next (&iter, &pid, &ppid))
        if (!g_hash_table_contains (family, pid) && g_hash_table_contains (family, ppid))
          {
            g_hash_table_add (family, pid);
            grew = TRUE;
          }
    }

  g_hash_table_iter_init (&iter, family);
  while (g_hash_table_iter_next (&iter, &pid, NULL))
    if (g_strcmp0 (pid, self) != 0)
      total += MAX (status_kb (pid, "VmRSS"), 0);
  return total;
}

/* The run: the editor, watched ---------------------------------------------- */

typedef struct {
  Case          which;
  GApplication *app;
  gint64        start;           /* CLOCK_MONOTONIC, all of them */
  gint64        marks[N_MARKS];
  gint64        last_paint;
  EeWindow     *window;
  int           status;
} Watch;

static void
mark (Watch *watch,
      Mark   which)
{
  if (watch->marks[which] == 0)
    watch->marks[which] = g_get_monotonic_time ();
}

static guint
count_initiatives (EeDocument *document)
{
  guint n = 0;

  for (guint i = 0; i < ee_document_get_n_clusters (document); i++)
    n += ee_cluster_get_n_initiatives (ee_document_get_cluster (document, i));
  return n;
}

static void
finish (Watch *watch)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (watch->window));
  double ms[N_MARKS];

  /* The document can be set before the window joins the application. */
  if (watch->marks[MARK_DOCUMENT] == 0)
    watch->marks[MARK_DOCUMENT] = watch->marks[MARK_WINDOW];
  for (Mark m = 0; m < N_MARKS; m++)
    ms[m] = (watch->marks[m] - watch->start) / 1000.0;

  if (watch->which == CASE_LARGE && ee_window_get_file (watch->window) == NULL)
    {
      g_printerr ("startup-bench: the window shows no file: the project did not open\n");
      watch->status = EXIT_FAILURE;
    }
  else
    {
      g_print (RESULT_TAG " %.3f %.3f %.3f %.3f %.3f %.3f %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
               " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %u %s\n",
               ms[MARK_MAIN], ms[MARK_STARTED], ms[MARK_WINDOW], ms[MARK_DOCUMENT], ms[MARK_REALIZED],
               ms[MARK_FIRST_FRAME],
               status_kb ("self", "VmRSS"), status_kb ("self", "RssAnon"), status_kb ("self", "VmHWM"),
               descendants_rss_kb (), count_initiatives (ee_window_get_document (watch->window)),
               renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none");
      watch->status = EXIT_SUCCESS;
    }
  g_application_quit (watch->app);
}

static gboolean
settle_cb (gpointer user_data)
{
  Watch *watch = user_data;
  gint64 now = g_get_monotonic_time ();

  if (now - watch->last_paint < IDLE_US && now - watch->marks[MARK_FIRST_FRAME] < SETTLE_MAX_US)
    return G_SOURCE_CONTINUE;
  finish (watch);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Watch         *watch)
{
  watch->last_paint = g_get_monotonic_time ();
  if (watch->marks[MARK_FIRST_FRAME] == 0)
    {
      watch->marks[MARK_FIRST_FRAME] = watch->last_paint;
      g_timeout_add (100, settle_cb, watch);
    }
}

static void
window_realize_cb (GtkWidget *widget,
                   Watch     *watch)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  mark (watch, MARK_REALIZED);
  g_assert (clock != NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), watch);
}

static void
document_set_cb (Watch *watch)
{
  mark (watch, MARK_DOCUMENT);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 Watch          *watch)
{
  /* The editor window, not a dialog that may come with it. */
  if (!EE_IS_WINDOW (window) || watch->window != NULL)
    return;
  watch->window = EE_WINDOW (window);
  mark (watch, MARK_WINDOW);
  g_signal_connect_swapped (window, "notify::document", G_CALLBACK (document_set_cb), watch);
  g_signal_connect_after (window, "realize", G_CALLBACK (window_realize_cb), watch);
}

static void
app_started_cb (Watch *watch)
{
  mark (watch, MARK_STARTED);
}

static gboolean
run_timeout_cb (gpointer user_data)
{
  Watch *watch = user_data;

  g_printerr ("startup-bench: no frame within %d s\n", RUN_TIMEOUT_S);
  watch->status = EXIT_FAILURE;
  g_application_quit (watch->app);
  return G_SOURCE_REMOVE;
}

static int
run_case (Case        which,
          const char *file,
          gint64      spawned_at,
          gint64      main_at,
          gint64      before_main)
{
  g_autoptr(EeApplication) app = NULL;
  const char *argv[] = { "ecosystem-editor", file, NULL };
  Watch watch = {
    .which = which,
    /* Without the parent's clock, the kernel's start time (in ticks). */
    .start = spawned_at ? spawned_at : main_at - before_main,
    .marks = { [MARK_MAIN] = main_at },
    .status = EXIT_FAILURE,
  };

  /* As main.c does. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ee_application_new ();
  /* An editor already running on this bus would get the file instead. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  watch.app = G_APPLICATION (app);
  g_signal_connect_swapped (app, "startup", G_CALLBACK (app_started_cb), &watch);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &watch);
  g_timeout_add_seconds (RUN_TIMEOUT_S, run_timeout_cb, &watch);

  g_application_run (G_APPLICATION (app), file != NULL ? 2 : 1, (char **) argv);
  return watch.status;
}

/* The runs: fresh processes, gathered ----------------------------------------- */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct {
  double median, min, max;
} Spread;

#define MARK_OFFSET(m) (G_STRUCT_OFFSET (Run, marks_ms) + (m) * sizeof (double))

static Spread
spread (const Run *runs,
        guint      n,
        gsize      offset)
{
  g_autofree double *values = g_new (double, n);

  for (guint i = 0; i < n; i++)
    values[i] = G_STRUCT_MEMBER (double, &runs[i], offset);
  qsort (values, n, sizeof (double), compare_doubles);
  return (Spread) {
    .median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2,
    .min = values[0],
    .max = values[n - 1],
  };
}

/* Runs the editor once, in a fresh process, and reads what it measured. */
static gboolean
spawn_run (const char  *self,
           Case         which,
           const char  *file,
           char       **envp,
           Run         *run,
           GError     **error)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *spawned_at = NULL;
  gint64 rss, anon, peak, webkit;
  const char *line;
  int wait_status;

  spawned_at = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  {
    const char *argv[] = { self, "--case", case_names[which], "--spawned-at", spawned_at, file, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, error))
      return FALSE;
  }
  if (!g_spawn_check_wait_status (wait_status, error)
      || (line = strstr (out, RESULT_TAG " ")) == NULL
      || sscanf (line + strlen (RESULT_TAG " "), RESULT_FORMAT, &run->marks_ms[0], &run->marks_ms[1],
                 &run->marks_ms[2], &run->marks_ms[3], &run->marks_ms[4], &run->marks_ms[5],
                 &rss, &anon, &peak, &webkit, &run->n_initiatives, run->renderer) != 12)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the run measured nothing");
      g_printerr ("%s", err);
      return FALSE;
    }
  run->rss_mb = rss / 1024.0;
  run->anon_mb = anon / 1024.0;
  run->peak_mb = peak / 1024.0;
  run->webkit_mb = webkit / 1024.0;
  return TRUE;
}

/* Writes the large project as the editor saves it; returns its path. */
static char *
write_large_project (const char *dir,
                     guint      *n_initiatives)
{
  g_autoptr(EeDocument) document = ee_test_generate_document (1, N_INITIATIVES, EE_GEN_REALISTIC);
  g_autoptr(GBytes) bytes = ee_project_save_bytes (document);
  g_autofree char *path = g_build_filename (dir, "1000-initiatives.json", NULL);
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!g_file_set_contents (path, data, size, &error))
    g_error ("Could not write %s: %s", path, error->message);
  /* The generated ones, and the bundled page's own. */
  *n_initiatives = count_initiatives (document);
  return g_steal_pointer (&path);
}

/* The schemas of the build this program belongs to: <build>/data. */
static char *
build_schema_dir (const char *self)
{
  g_autofree char *bench_dir = g_path_get_dirname (self);
  g_autofree char *build_dir = g_path_get_dirname (bench_dir);

  return g_build_filename (build_dir, "data", NULL);
}

static const char *
verdict (double value,
         double target)
{
  return value < target ? "under" : "OVER";
}

static void
print_case (Case       which,
            const Run *runs,
            guint      n)
{
  Spread frame = spread (runs, n, MARK_OFFSET (MARK_FIRST_FRAME));
  Spread rss = spread (runs, n, G_STRUCT_OFFSET (Run, rss_mb));
  Spread anon = spread (runs, n, G_STRUCT_OFFSET (Run, anon_mb));
  Spread peak = spread (runs, n, G_STRUCT_OFFSET (Run, peak_mb));
  Spread webkit = spread (runs, n, G_STRUCT_OFFSET (Run, webkit_mb));
  g_autoptr(GString) frames = g_string_new (NULL);
  g_autoptr(GString) sizes = g_string_new (NULL);
  g_autoptr(GString) phases = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (frames, " %.0f", runs[i].marks_ms[MARK_FIRST_FRAME]);
      g_string_append_printf (sizes, " %.0f", runs[i].rss_mb);
    }
  for (Mark m = 0; m < N_MARKS; m++)
    g_string_append_printf (phases, "%s%s %.0f", m ? ", " : "", mark_names[m], spread (runs, n, MARK_OFFSET (m)).median);

  g_print ("%s (initiatives in the window: %u)\n", case_titles[which], runs[0].n_initiatives);
  g_print ("  first frame   %7.1f ms  [%.1f - %.1f]   (%s %.0f ms)\n",
           frame.median, frame.min, frame.max, verdict (frame.median, TARGET_FRAME_MS), TARGET_FRAME_MS);
  g_print ("    reached at  %s (medians, ms)\n", phases->str);
  g_print ("  RSS           %7.1f MB  [%.1f - %.1f]   (%s %.0f MB)\n",
           rss.median, rss.min, rss.max, verdict (rss.median, TARGET_RSS_MB), TARGET_RSS_MB);
  g_print ("    anon        %7.1f MB  [%.1f - %.1f]\n", anon.median, anon.min, anon.max);
  g_print ("    peak        %7.1f MB  [%.1f - %.1f]\n", peak.median, peak.min, peak.max);
  g_print ("  WebKit procs  %7.1f MB  [%.1f - %.1f]\n", webkit.median, webkit.min, webkit.max);
  g_print ("  each run: first frame, ms:%s; RSS, MB:%s\n\n", frames->str, sizes->str);
}

static int
run_all (guint runs)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *large = NULL;
  g_autofree char *schema_dir = NULL;
  g_autofree Run *results = g_new0 (Run, runs);
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  guint large_initiatives = 0;
  gboolean met = TRUE;
  int status = EXIT_FAILURE;
  Run warm_up;

  if (self == NULL)
    g_error ("Cannot read /proc/self/exe");
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("startup-bench: no display; run it under "
                  "xvfb-run -a -s \"-screen 0 1280x800x24\" dbus-run-session --\n");
      return EXIT_FAILURE;
    }

  /* Each run as the tests run the editor: settings in memory, from the
   * build's schemas. */
  schema_dir = g_strdup (g_getenv ("GSETTINGS_SCHEMA_DIR"));
  if (schema_dir == NULL)
    schema_dir = build_schema_dir (self);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);

  dir = g_dir_make_tmp ("startup-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  large = write_large_project (dir, &large_initiatives);

  if (!spawn_run (self, CASE_BUNDLED, NULL, envp, &warm_up, &error))
    {
      g_printerr ("startup-bench: the editor did not start: %s\n", error->message);
      goto out;
    }

  g_print ("Start-up of the editor window, %u fresh processes per case (after one not counted).\n", runs);
  g_print ("First frame: from spawning the process to the end of the editor window's first paint;\n"
           "reached at: when the run got to main(), the end of the application's startup, the\n"
           "window built, the document in it, its surface, its first frame. RSS: VmRSS of the\n"
           "editor's process once its window has been idle 1 s; anon: the part not mapped from files.\n"
           "WebKit procs: the preview's own processes, apart. Median [min - max].\n"
           "GSK renderer: %s.\n\n", warm_up.renderer);

  for (Case which = 0; which < N_CASES; which++)
    {
      for (guint i = 0; i < runs; i++)
        if (!spawn_run (self, which, which == CASE_LARGE ? large : NULL, envp, &results[i], &error))
          {
            g_printerr ("startup-bench: run %u of %s failed: %s\n", i + 1, case_titles[which], error->message);
            goto out;
          }
        else if (which == CASE_LARGE && results[i].n_initiatives != large_initiatives)
          {
            g_printerr ("startup-bench: the window shows %u initiatives, the file has %u\n",
                        results[i].n_initiatives, large_initiatives);
            goto out;
          }
      print_case (which, results, runs);
      met &= spread (results, runs, MARK_OFFSET (MARK_FIRST_FRAME)).median < TARGET_FRAME_MS
             && spread (results, runs, G_STRUCT_OFFSET (Run, rss_mb)).median < TARGET_RSS_MB;
    }
  g_print ("Targets (medians): first frame under %.0f ms and RSS under %.0f MB: %s.\n",
           TARGET_FRAME_MS, TARGET_RSS_MB, met ? "met" : "NOT met");
  status = EXIT_SUCCESS;

out:
  g_unlink (large);
  g_rmdir (dir);
  return status;
}

int
main (int   argc,
      char *argv[])
{
  /* First of all, before anything else can take time. */
  gint64 main_at = g_get_monotonic_time ();
  gint64 before_main = boottime_us () - process_start_boottime_us ();
  guint64 runs = DEFAULT_RUNS;

  if (argc >= 3 && g_str_equal (argv[1], "--case"))
    {
      Case which = g_str_equal (argv[2], case_names[CASE_LARGE]) ? CASE_LARGE : CASE_BUNDLED;
      gint64 spawned_at = 0;
      int next = 3;

      if (!g_str_equal (argv[2], case_names[which]))
        {
          g_printerr ("startup-bench: unknown case “%s” (bundled or 1000)\n", argv[2]);
          return EXIT_FAILURE;
        }
      if (argc >= 5 && g_str_equal (argv[3], "--spawned-at"))
        {
          spawned_at = g_ascii_strtoll (argv[4], NULL, 10);
          next = 5;
        }
      if (which == CASE_LARGE && next >= argc)
        {
          g_printerr ("startup-bench: --case 1000 needs a project file\n");
          return EXIT_FAILURE;
        }
      return run_case (which, which == CASE_LARGE ? argv[next] : NULL, spawned_at, main_at, before_main);
    }

  if (argc > 2 || (argc == 2 && !g_ascii_string_to_unsigned (argv[1], 10, 1, 1000, &runs, NULL)))
    {
      g_printerr ("Usage: %s [RUNS]\n       %s --case bundled|1000 [--spawned-at USEC] [FILE]\n", argv[0], argv[0]);
      return EXIT_FAILURE;
    }
  return run_all ((guint) runs);
}
