/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "ee-core.h"

/*
 * ecosystem-cli: the editor's core for scripts and the hub's CI.
 * Exit codes: 0 success, 1 invalid input, 2 usage error.
 */

#define EXIT_INVALID 1
#define EXIT_USAGE   2

typedef struct {
  const char *name;
  const char *args;
  const char *summary;
  int (*run) (int argc, char **argv);
} Command;

static int run_new (int argc, char **argv);
static int run_export (int argc, char **argv);
static int run_import (int argc, char **argv);
static int run_render (int argc, char **argv);
static int run_validate (int argc, char **argv);

static const Command commands[] = {
  { "new", "[-o FILE.json]", "Write the hub page as it is published today as a project file", run_new },
  { "export", "FILE.json|PAGE.md|DIR [--layout page|folder] [-o FILE.md|DIR]", "Write the page as hub Markdown", run_export },
  { "import", "PAGE.md|DIR [-o FILE.json]", "Read a hub page or hub folder into a project file", run_import },
  { "render", "FILE.json|PAGE.md [-o PAGE.html]", "Write the page as HTML, as the preview shows it", run_render },
  { "validate", "FILE.json|PAGE.md", "List the page's problems; exit status 1 when there is an error", run_validate },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "Usage: ecosystem-cli COMMAND [OPTION…]\n\n"
                   "Edit the LDT4SSC hub's \"Smart Communities Ecosystem & Resources\" page.\n\n"
                   "Commands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-8s %-34s %s\n", commands[i].name, commands[i].args, commands[i].summary);
  fprintf (stream, "\nA FILE of \"-\" reads standard input.  \"ecosystem-cli COMMAND --help\" tells more.\n"
                   "Exit status: 0 on success, 1 when the input is not valid, 2 on a usage error.\n");
}

static int
usage_error (const char *command, const char *message)
{
  fprintf (stderr, "ecosystem-cli %s: %s (see \"ecosystem-cli %s --help\")\n", command, message, command);
  return EXIT_USAGE;
}

/* Parses a command's options; returns -1 to go on, or an exit code. */
static int
parse_options (const char   *command,
               const char   *args,
               GOptionEntry *entries,
               int          *argc,
               char       ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *parameter = g_strdup_printf ("%s %s", command, args);

  context = g_option_context_new (parameter);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    return usage_error (command, error->message);
  return -1;
}

static GBytes *
read_input (const char *path, GError **error)
{
  if (g_str_equal (path, "-"))
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

      if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
        return NULL;
      return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, error);
      if (info == NULL)
        return NULL;
      if (g_file_info_get_size (info) > EE_MAX_FILE_SIZE)
        {
          g_set_error (error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_TOO_LARGE,
                       "the file is %" G_GOFFSET_FORMAT " MB; files over %d MB are not opened",
                       g_file_info_get_size (info) / (1024 * 1024), EE_MAX_FILE_SIZE / (1024 * 1024));
          return NULL;
        }
      return g_file_load_bytes (file, NULL, NULL, error);
    }
}

static EeDocument *
load_input (const char *path, EeFileKind forced, gboolean force, int *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  EeDocument *document;
  EeFileKind kind;

  /* A hub folder, or one of its pages: index.md and the cluster pages. */
  if (!g_str_equal (path, "-"))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      if (ee_hub_folder_recognise (file))
        {
          document = ee_hub_folder_import (file, &error);
          if (document == NULL)
            {
              fprintf (stderr, "ecosystem-cli: %s: %s\n", path, error->message);
              *status = EXIT_INVALID;
            }
          return document;
        }
    }

  bytes = read_input (path, &error);
  if (bytes == NULL)
    {
      fprintf (stderr, "ecosystem-cli: %s: %s\n", path, error->message);
      *status = EXIT_INVALID;
      return NULL;
    }
  kind = force ? forced : ee_loader_guess_kind (g_str_equal (path, "-") ? NULL : path, bytes);
  document = ee_loader_load_bytes (bytes, kind, &error);
  if (document == NULL)
    {
      fprintf (stderr, "ecosystem-cli: %s: %s\n", path, error->message);
      *status = EXIT_INVALID;
    }
  return document;
}

static int
write_output (const char *path, const char *data, gsize length)
{
  g_autoptr(GError) error = NULL;

  if (path == NULL || g_str_equal (path, "-"))
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          fprintf (stderr, "ecosystem-cli: could not write to standard output\n");
          return EXIT_INVALID;
        }
      return 0;
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GBytes) bytes = g_bytes_new_static (data, length);

      if (!ee_safe_write (file, bytes, FALSE, NULL, NULL, &error))
        {
          fprintf (stderr, "ecosystem-cli: %s: %s\n", path, error->message);
          return EXIT_INVALID;
        }
      return 0;
    }
}

static int
write_bytes (const char *path, GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return write_output (path, data, length);
}

static int
run_new (int argc, char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { NULL }
  };
  g_autoptr(EeDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int status = parse_options ("new", commands[0].args, entries, &argc, &argv);

  if (status >= 0)
    return status;
  if (argc != 1)
    return usage_error ("new", "takes no file");

  document = ee_document_new_bundled ();
  bytes = ee_project_save_bytes (document);
  return write_bytes (output, bytes);
}

static int
run_export (int argc, char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *layout = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output (a folder for --layout folder)", "FILE" },
    { "layout", 'l', 0, G_OPTION_ARG_STRING, &layout,
      "\"page\": one page, as the template; \"folder\": the hub folder (index.md and a page per cluster). "
      "Default: the document's own", "LAYOUT" },
    { NULL }
  };
  gboolean folder;
  g_autoptr(EeDocument) document = NULL;
  g_autofree char *markdown = NULL;
  gsize length;
  int status = parse_options ("export", commands[1].args, entries, &argc, &argv);

  if (status >= 0)
    return status;
  if (argc != 2)
    return usage_error ("export", argc < 2 ? "which file? Give a project file or a page" : "takes one file");

  if (layout != NULL && !g_str_equal (layout, "page") && !g_str_equal (layout, "folder"))
    return usage_error ("export", "--layout is \"page\" or \"folder\"");

  document = load_input (argv[1], 0, FALSE, &status);
  if (document == NULL)
    return status;
  folder = layout != NULL ? g_str_equal (layout, "folder") : ee_document_get_layout (document) == EE_LAYOUT_FOLDER;
  if (folder)
    {
      g_autoptr(GFile) directory = NULL;
      g_autoptr(GError) error = NULL;

      if (output == NULL || g_str_equal (output, "-"))
        return usage_error ("export", "the folder layout is several files: give the folder with -o DIR");
      directory = g_file_new_for_commandline_arg (output);
      if (!ee_hub_folder_write (document, directory, &error))
        {
          fprintf (stderr, "ecosystem-cli: %s: %s\n", output, error->message);
          return EXIT_INVALID;
        }
      return 0;
    }
  markdown = ee_export_page_markdown (document, &length);
  return write_output (output, markdown, length);
}

static int
run_import (int argc, char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { NULL }
  };
  g_autoptr(EeDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int status = parse_options ("import", commands[2].args, entries, &argc, &argv);

  if (status >= 0)
    return status;
  if (argc != 2)
    return usage_error ("import", argc < 2 ? "which page? Give a Markdown file or a hub folder" : "takes one page");

  document = load_input (argv[1], EE_FILE_KIND_PAGE, TRUE, &status);
  if (document == NULL)
    return status;
  bytes = ee_project_save_bytes (document);
  return write_bytes (output, bytes);
}

static int
run_render (int argc, char **argv)
{
  g_autofree char *output = NULL;
  gboolean fragment = FALSE;
  gboolean dark = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE instead of standard output", "FILE" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Use the dark scheme", NULL },
    { "fragment", 0, 0, G_OPTION_ARG_NONE, &fragment, "Write only the rendered page, without the styles around it", NULL },
    { NULL }
  };
  g_autoptr(EeDocument) document = NULL;
  g_autofree char *html = NULL;
  int status = parse_options ("render", commands[3].args, entries, &argc, &argv);

  if (status >= 0)
    return status;
  if (argc != 2)
    return usage_error ("render", argc < 2 ? "which file? Give a project file or a page" : "takes one file");

  document = load_input (argv[1], 0, FALSE, &status);
  if (document == NULL)
    return status;

  if (fragment)
    {
      gsize length;
      g_autofree char *markdown = ee_export_page_markdown (document, &length);
      html = ee_render_html_fragment (markdown, length);
    }
  else
    {
      /* The page as the editor's preview shows it; relative images are
       * looked for next to the input file. */
      g_autoptr(GFile) input = g_str_equal (argv[1], "-") ? NULL : g_file_new_for_commandline_arg (argv[1]);
      g_autoptr(GFile) folder = input ? g_file_get_parent (input) : NULL;
      html = ee_html_render_page (document, folder, dark);
    }
  return write_output (output, html, strlen (html));
}

/* One line per problem, as compilers write them, so that editors and CI
 * logs can take the user there: FILE:CLUSTER/INITIATIVE:FIELD: SEVERITY: MESSAGE */
static int
run_validate (int argc, char **argv)
{
  GOptionEntry entries[] = {
    { NULL }
  };
  g_autoptr(EeDocument) document = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  int status = parse_options ("validate", "FILE.json|PAGE.md", entries, &argc, &argv);

  if (status >= 0)
    return status;
  if (argc != 2)
    return usage_error ("validate", argc < 2 ? "which file? Give a project file or a page" : "takes one file");

  document = load_input (argv[1], 0, FALSE, &status);
  if (document == NULL)
    return status;
  problems = ee_validate_document (document);
  for (guint i = 0; i < problems->len; i++)
    {
      EeProblem *problem = problems->pdata[i];
      g_autofree char *location = ee_problem_dup_location (problem);

      printf ("%s:%s: %s: %s\n", argv[1], location,
              ee_problem_get_severity (problem) == EE_SEVERITY_ERROR ? "error" : "warning",
              ee_problem_get_message (problem));
    }
  return ee_problems_count (problems, EE_SEVERITY_ERROR) > 0 ? EXIT_INVALID : EXIT_SUCCESS;
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return 0;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("ecosystem-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  fprintf (stderr, "ecosystem-cli: \"%s\" is not a command\n\n", argv[1]);
  print_usage (stderr);
  return EXIT_USAGE;
}
