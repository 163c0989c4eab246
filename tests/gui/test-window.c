/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The editor window, driven as a person does through its actions and
 * controls, checked in the model, the saved project and the exported page.
 * Needs a display: tools/test runs it under Xvfb.
 */
#include "config.h"

#include <adwaita.h>

#include "ee-core.h"
#include "gui-test-support.h"
#include "ee-window.h"
#include "ee-initiative-form.h"
#include "ee-rich-text-editor.h"

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
activate (EeWindow *window, const char *action, GVariant *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  spin ();
}

static EeWindow *
window_new (void)
{
  g_autoptr(EeDocument) document = ee_document_new_bundled ();
  EeWindow *window = ee_window_new (NULL, document, NULL);

  gtk_window_present (GTK_WINDOW (window));
  spin ();
  return window;
}

static EeCluster *
cluster (EeWindow *window, guint index)
{
  return ee_document_get_cluster (ee_window_get_document (window), index);
}

static EeInitiativeForm *
initiative_form (EeWindow *window)
{
  GtkWidget *form = ee_window_get_form (window);

  g_assert_true (EE_IS_INITIATIVE_FORM (form));
  return EE_INITIATIVE_FORM (form);
}

/* Types into a field as the keyboard would: at the cursor, through the
 * widget, so the edit goes the user's way into the model. */
static void
type_into (EeWindow *window, int field, const char *text)
{
  GtkWidget *widget = ee_initiative_form_get_field_widget (initiative_form (window), field);

  /* One character at a time, as keystrokes come. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gsize length = g_utf8_next_char (p) - p;

      if (EE_IS_RICH_TEXT_EDITOR (widget))
        {
          GtkTextBuffer *buffer = gtk_text_view_get_buffer (ee_rich_text_editor_get_text_view (EE_RICH_TEXT_EDITOR (widget)));
          GtkTextIter end;

          gtk_text_buffer_get_end_iter (buffer, &end);
          gtk_text_buffer_place_cursor (buffer, &end);
          gtk_text_buffer_insert_interactive_at_cursor (buffer, p, length, TRUE);
        }
      else
        {
          int position = -1;
          gtk_editable_insert_text (GTK_EDITABLE (widget), p, length, &position);
        }
    }
  spin ();
}

static char *
field_text (EeInitiative *initiative, EeField field)
{
  return ee_rich_text_to_plain (ee_initiative_get_field (initiative, field));
}

static const char *fields_typed[EE_N_FIELDS] = {
  "Urban Twin Alliance",
  "A network of cities sharing digital twin components.",
  "Brings reusable LDT building blocks.",
  "Open components for the pilots",
  "Toolkit, training",
  "https://urbantwins.example.eu",
  "Ana Silva, ana@urbantwins.example.eu",
};

/* Add an initiative to "Local Digital Twins", fill every field, and find it
 * in the model and in the exported page. */
static void
test_add_and_fill (void)
{
  EeWindow *window = window_new ();
  EeInitiative *initiative;
  g_autofree char *markdown = NULL;

  activate (window, "win.show-cluster", g_variant_new_uint32 (2));
  g_assert_true (ee_window_get_shown (window) == G_OBJECT (cluster (window, 2)));
  activate (window, "win.add-initiative", NULL);

  g_assert_cmpuint (ee_cluster_get_n_initiatives (cluster (window, 2)), ==, 1);
  initiative = ee_cluster_get_initiative (cluster (window, 2), 0);
  g_assert_true (ee_window_get_shown (window) == G_OBJECT (initiative));

  type_into (window, -1, "UTA");
  for (guint f = 0; f < EE_N_FIELDS; f++)
    type_into (window, f, fields_typed[f]);

  g_assert_cmpstr (ee_initiative_get_title (initiative), ==, "UTA");
  for (guint f = 0; f < EE_N_FIELDS; f++)
    {
      g_autofree char *text = field_text (initiative, f);
      g_assert_cmpstr (text, ==, fields_typed[f]);
    }
  g_assert_true (ee_window_get_modified (window));

  markdown = ee_export_page_markdown (ee_window_get_document (window), NULL);
  g_assert_nonnull (strstr (markdown, "**UTA**  \n\n- **Initiative name:** Urban Twin Alliance  \n"));
  g_assert_nonnull (strstr (markdown, "- **Webpage / Reference Link:** <https://urbantwins.example.eu>  \n"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Undo takes back typing a word at a time, and the addition; redo brings
 * them back. */
static void
test_undo_redo (void)
{
  EeWindow *window = window_new ();
  EeInitiative *initiative;

  activate (window, "win.show-cluster", g_variant_new_uint32 (3));
  activate (window, "win.add-initiative", NULL);
  initiative = ee_cluster_get_initiative (cluster (window, 3), 0);
  type_into (window, -1, "Citiverse Lab");
  g_assert_cmpstr (ee_initiative_get_title (initiative), ==, "Citiverse Lab");

  activate (window, "win.undo", NULL);
  g_assert_cmpstr (ee_initiative_get_title (initiative), ==, "Citiverse ");
  activate (window, "win.undo", NULL);
  g_assert_cmpstr (ee_initiative_get_title (initiative), ==, "");
  activate (window, "win.undo", NULL);
  g_assert_cmpuint (ee_cluster_get_n_initiatives (cluster (window, 3)), ==, 0);

  activate (window, "win.redo", NULL);
  g_assert_cmpuint (ee_cluster_get_n_initiatives (cluster (window, 3)), ==, 1);
  activate (window, "win.redo", NULL);
  activate (window, "win.redo", NULL);
  g_assert_cmpstr (ee_initiative_get_title (ee_cluster_get_initiative (cluster (window, 3), 0)), ==, "Citiverse Lab");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Reorder with Alt+Up and Alt+Down, move to another cluster, delete and
 * undo the deletion. */
static void
test_reorder_move_delete (void)
{
  EeWindow *window = window_new ();
  EeCluster *ai = cluster (window, 1);
  EeInitiative *first = ee_cluster_get_initiative (ai, 0);  /* CitCom.ai */
  EeInitiative *second;

  activate (window, "win.show-cluster", g_variant_new_uint32 (1));
  ee_window_show_object (window, G_OBJECT (first));
  activate (window, "win.add-initiative", NULL);
  type_into (window, -1, "Second");
  second = ee_cluster_get_initiative (ai, 1);
  g_assert_cmpstr (ee_initiative_get_title (second), ==, "Second");

  /* The last one cannot go down, the first cannot go up. */
  activate (window, "win.move-down", NULL);
  g_assert_true (ee_cluster_get_initiative (ai, 1) == second);
  activate (window, "win.move-up", NULL);
  g_assert_true (ee_cluster_get_initiative (ai, 0) == second);
  g_assert_true (ee_window_get_shown (window) == G_OBJECT (second));
  activate (window, "win.move-up", NULL);
  g_assert_true (ee_cluster_get_initiative (ai, 0) == second);
  activate (window, "win.move-down", NULL);
  g_assert_true (ee_cluster_get_initiative (ai, 1) == second);

  activate (window, "win.move-to-cluster", g_variant_new_uint32 (5));
  g_assert_cmpuint (ee_cluster_get_n_initiatives (ai), ==, 1);
  g_assert_true (ee_cluster_get_initiative (cluster (window, 5), 0) == second);
  activate (window, "win.undo", NULL);
  g_assert_true (ee_cluster_get_initiative (ai, 1) == second);

  /* Delete, then undo as the toast's button does. */
  ee_window_show_object (window, G_OBJECT (first));
  activate (window, "win.delete-initiative", NULL);
  g_assert_cmpuint (ee_cluster_get_n_initiatives (ai), ==, 1);
  g_assert_true (ee_cluster_get_initiative (ai, 0) == second);
  g_assert_true (ee_window_get_shown (window) == G_OBJECT (ai));
  activate (window, "win.undo", NULL);
  g_assert_cmpuint (ee_cluster_get_n_initiatives (ai), ==, 2);
  g_assert_true (ee_cluster_get_initiative (ai, 0) == first);

  /* Duplicate makes a copy right after it. */
  ee_window_show_object (window, G_OBJECT (first));
  activate (window, "win.duplicate-initiative", NULL);
  g_assert_cmpuint (ee_cluster_get_n_initiatives (ai), ==, 3);
  g_assert_cmpstr (ee_initiative_get_title (ee_cluster_get_initiative (ai, 1)), ==, "CitCom.ai (copy)");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_recent (gpointer file)
{
  g_autofree char *uri = g_file_get_uri (G_FILE (file));
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  gboolean found = FALSE;

  for (GList *l = items; l != NULL; l = l->next)
    found = found || g_str_equal (gtk_recent_info_get_uri (l->data), uri);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
  return found;
}

static gboolean
not_modified (gpointer window)
{
  return !ee_window_get_modified (EE_WINDOW (window));
}

static void
file_written_cb (EeWindow *window,
                 GFile    *file,
                 gboolean  export,
                 gboolean *exported)
{
  if (export)
    *exported = TRUE;
}

static gboolean
is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

/* Save, reopen, export: what was typed is in the project and the page. */
static void
test_save_reopen_export (void)
{
  EeWindow *window = window_new ();
  g_autofree char *folder = g_dir_make_tmp ("ee-window-XXXXXX", NULL);
  g_autofree char *project_path = g_build_filename (folder, "page.json", NULL);
  g_autofree char *page_path = g_build_filename (folder, "page.md", NULL);
  g_autoptr(GFile) project = g_file_new_for_path (project_path);
  g_autoptr(GFile) page = g_file_new_for_path (page_path);
  g_autoptr(EeDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  gboolean exported = FALSE;

  activate (window, "win.show-cluster", g_variant_new_uint32 (0));
  activate (window, "win.add-initiative", NULL);
  type_into (window, -1, "SIMPL");
  type_into (window, EE_FIELD_NAME, "Simpl-Open");

  ee_window_set_file (window, project);
  activate (window, "win.save", NULL);
  wait_until (not_modified, window);

  /* The recent list is written in the background. */
  wait_until (is_recent, project);
  reopened = ee_loader_load_file (project, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ee_initiative_get_title (ee_cluster_get_initiative (ee_document_get_cluster (reopened, 0), 0)), ==,
                   "SIMPL");

  g_signal_connect (window, "file-written", G_CALLBACK (file_written_cb), &exported);
  ee_window_set_export_file (window, page);
  activate (window, "win.export", NULL);
  wait_until (is_true, &exported);
  g_file_get_contents (page_path, &markdown, NULL, &error);
  g_assert_no_error (error);
  if (strstr (markdown, "**SIMPL**  \n\n- **Initiative name:** Simpl-Open  \n") == NULL)
    g_error ("the export lacks the initiative:\n%s", markdown);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  gui_test_keep_malloc_perturb_to_self ();
  adw_init ();
  /* Where the recent list is kept; the test environment points it into the
   * build folder, which may not have it yet. */
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);

  g_test_add_func ("/window/add-and-fill", test_add_and_fill);
  g_test_add_func ("/window/undo-redo", test_undo_redo);
  g_test_add_func ("/window/reorder-move-delete", test_reorder_move_delete);
  g_test_add_func ("/window/save-reopen-export", test_save_reopen_export);

  return g_test_run ();
}
