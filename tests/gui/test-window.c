/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The editor window, driven as a person does through its actions and
 * controls, checked in the model, the saved project and the exported page.
 * Needs a display: tools/test runs it under Xvfb.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ee-core.h"
#include "gui-test-support.h"
#include "ee-window.h"
#include "ee-cluster-form.h"
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

/* The first widget under @root, in tree order, with the style class @name. */
static GtkWidget *
find_by_class (GtkWidget *root, const char *name)
{
  if (gtk_widget_has_css_class (root, name))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_class (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_by_type (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

static gboolean
has_no_error_style (gpointer widget)
{
  return !gtk_widget_has_css_class (widget, "error");
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

/* The page is checked as the user types: the form marks the field, the
 * header bar counts the problems and lists them, and a problem in the list
 * takes the user to its field. */
static void
test_problems (void)
{
  EeWindow *window = window_new ();
  GtkWidget *button = find_by_class (GTK_WIDGET (window), "problems-button");
  EeInitiative *initiative;
  GtkWidget *name_widget;
  GtkWidget *popover;
  GtkWidget *list;
  GtkWidget *focus;
  GtkWidget *description;

  g_assert_nonnull (button);
  /* The hub page as published has no problems. */
  g_assert_false (gtk_widget_get_visible (button));

  activate (window, "win.show-cluster", g_variant_new_uint32 (2));
  activate (window, "win.add-initiative", NULL);
  initiative = ee_cluster_get_initiative (cluster (window, 2), 0);
  wait_until (is_visible, button);
  /* A new initiative: its name is required, its other fields still empty. */
  g_assert_nonnull (find_by_class (button, "error"));
  name_widget = ee_initiative_form_get_field_widget (initiative_form (window), EE_FIELD_NAME);
  g_assert_true (gtk_widget_has_css_class (name_widget, "error"));

  type_into (window, EE_FIELD_NAME, "Urban Twin Alliance");
  wait_until (has_no_error_style, name_widget);
  g_assert_null (find_by_class (button, "error"));
  g_assert_nonnull (find_by_class (button, "warning"));
  g_assert_true (gtk_widget_get_visible (button));

  /* From elsewhere, the list takes the user to the first problem's field. */
  activate (window, "win.show-page", NULL);
  activate (window, "win.show-problems", NULL);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (gtk_widget_get_visible (popover));
  list = find_by_type (popover, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 5));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 6));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  spin ();
  g_assert_true (ee_window_get_shown (window) == G_OBJECT (initiative));
  description = ee_initiative_form_get_field_widget (initiative_form (window), EE_FIELD_SHORT_DESCRIPTION);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == description || gtk_widget_is_ancestor (focus, description));
  g_assert_true (gtk_widget_has_css_class (description, "warning"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
bar_revealed (gpointer bar)
{
  return gtk_info_bar_get_revealed (GTK_INFO_BAR (bar));
}

static gboolean
title_is_changed_elsewhere (gpointer window)
{
  return g_strcmp0 (ee_document_get_title (ee_window_get_document (EE_WINDOW (window))), "Changed Elsewhere") == 0;
}

/* Waits @ms milliseconds of main loop. */
static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      spin ();
      g_usleep (10000);
    }
}

/* Another program changes the file: the window says so and reloads it on
 * request; the window's own saves are not taken for such changes. */
static void
test_file_changed (void)
{
  EeWindow *window = window_new ();
  g_autofree char *folder = g_dir_make_tmp ("ee-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "watched page.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(EeDocument) elsewhere = ee_document_new_bundled ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *bar = find_by_class (GTK_WIDGET (window), "file-changed-bar");

  g_assert_nonnull (bar);
  ee_window_set_file (window, file);
  activate (window, "win.show-cluster", g_variant_new_uint32 (0));
  activate (window, "win.add-initiative", NULL);
  activate (window, "win.save", NULL);
  wait_until (not_modified, window);
  /* The window's own save is no news. */
  spin_for (1000);
  g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));

  ee_document_set_title (elsewhere, "Changed Elsewhere");
  bytes = ee_project_save_bytes (elsewhere);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  wait_until (bar_revealed, bar);
  /* Keeping their version: saving will write over the other. */
  gtk_info_bar_response (GTK_INFO_BAR (bar), 2);
  g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));
  g_assert_true (ee_window_get_modified (window));

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) - 1, &error);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  wait_until (bar_revealed, bar);
  gtk_info_bar_response (GTK_INFO_BAR (bar), 1);
  wait_until (title_is_changed_elsewhere, window);
  g_assert_false (ee_window_get_modified (window));

  /* Deleted: the user is told; there is nothing to reload. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  wait_until (bar_revealed, bar);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (backup);
  g_rmdir (folder);
}

static GtkWidget *
find_message_dialog (const char *heading_prefix)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data)
        && g_str_has_prefix (adw_message_dialog_get_heading (l->data), heading_prefix)
        && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
save_error_shown (gpointer user_data)
{
  return find_message_dialog ("Could Not Save") != NULL;
}

/* Saves @window to @path, which cannot be written: the user is told why,
 * the document stays open and modified with everything in it. */
static void
check_save_fails (EeWindow *window, const char *path, const char *reason)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  ee_window_set_file (window, file);
  activate (window, "win.save", NULL);
  wait_until (save_error_shown, NULL);
  dialog = find_message_dialog ("Could Not Save");
  body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, reason));
  g_assert_nonnull (strstr (body, "The document stays open with all its changes."));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (ee_window_get_modified (window));
  g_assert_cmpstr (ee_initiative_get_title (ee_cluster_get_initiative (cluster (window, 2), 0)), ==, "Kept");
}

/* A full disk and a read-only file system (tests/gui/small-disks.sh makes
 * them): the save fails, says why, and loses nothing. */
static void
test_save_fails (void)
{
  const char *full = g_getenv ("EE_TEST_FULL_DIR");
  const char *readonly = g_getenv ("EE_TEST_READONLY_DIR");
  EeWindow *window;
  g_autofree char *full_page = NULL;
  g_autofree char *readonly_page = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (full == NULL || readonly == NULL)
    {
      g_test_skip ("needs the small disks of tests/gui/small-disks.sh");
      return;
    }
  full_page = g_build_filename (full, "page.json", NULL);
  readonly_page = g_build_filename (readonly, "page.json", NULL);
  g_assert_true (g_file_get_contents (full_page, &before, NULL, NULL));

  window = window_new ();
  activate (window, "win.show-cluster", g_variant_new_uint32 (2));
  activate (window, "win.add-initiative", NULL);
  type_into (window, -1, "Kept");

  check_save_fails (window, full_page, "No space left on device");
  /* The file is as it was, and no half-written copy is left beside it. */
  g_assert_true (g_file_get_contents (full_page, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  dir = g_dir_open (full, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_equal (name, "page.json") || g_str_equal (name, "filler"));

  check_save_fails (window, readonly_page, "Read-only file system");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *find_label (GtkWidget *root, const char *prefix);

static gboolean
export_review_shown (gpointer user_data)
{
  return find_message_dialog ("Export to") != NULL;
}

static char *
dialog_text (GtkWidget *dialog)
{
  GtkWidget *view = find_by_type (dialog, GTK_TYPE_TEXT_VIEW);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The layout switch on the page form, and the export to a hub folder with
 * its review of the changes. */
static void
test_folder_export (void)
{
  EeWindow *window = window_new ();
  EeDocument *document = ee_window_get_document (window);
  g_autofree char *path = g_dir_make_tmp ("ee-folder-XXXXXX", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *index_path = g_build_filename (path, "index.md", NULL);
  g_autofree char *text = NULL;
  g_autofree char *index = NULL;
  GtkWidget *combo;
  GtkWidget *dialog;
  g_autoptr(GDir) dir = NULL;
  guint n_files = 0;

  activate (window, "win.show-page", NULL);
  combo = find_by_type (ee_window_get_form (window), ADW_TYPE_COMBO_ROW);
  g_assert_nonnull (combo);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 1);
  g_assert_cmpint (ee_document_get_layout (document), ==, EE_LAYOUT_FOLDER);
  activate (window, "win.undo", NULL);
  g_assert_cmpint (ee_document_get_layout (document), ==, EE_LAYOUT_PAGE);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 0);
  activate (window, "win.redo", NULL);
  g_assert_cmpint (ee_document_get_layout (document), ==, EE_LAYOUT_FOLDER);

  /* A cluster's card on the index is edited on the cluster's form, in the
   * folder layout only. */
  {
    GtkWidget *form;
    GtkWidget *card_heading;
    gboolean show_card;

    ee_window_show_object (window, G_OBJECT (cluster (window, 5)));
    form = ee_window_get_form (window);
    g_assert_true (EE_IS_CLUSTER_FORM (form));
    card_heading = find_label (form, "Card on the Index");
    g_assert_nonnull (card_heading);
    g_object_get (form, "show-card", &show_card, NULL);
    g_assert_true (show_card);
    g_assert_true (gtk_widget_is_visible (card_heading));
    ee_document_set_layout (document, EE_LAYOUT_PAGE);
    g_assert_false (gtk_widget_is_visible (card_heading));
    ee_document_set_layout (document, EE_LAYOUT_FOLDER);
    g_assert_true (gtk_widget_is_visible (card_heading));
    g_assert_nonnull (find_label (form, "Page file"));

    /* The heading above the cards, on the page's form. */
    activate (window, "win.show-page", NULL);
    card_heading = find_label (ee_window_get_form (window), "Cluster Cards");
    g_assert_nonnull (card_heading);
    g_assert_true (gtk_widget_is_visible (card_heading));
    ee_document_set_layout (document, EE_LAYOUT_PAGE);
    g_assert_false (gtk_widget_is_visible (card_heading));
    ee_document_set_layout (document, EE_LAYOUT_FOLDER);
  }

  /* Into an empty folder: every page is new. */
  ee_window_review_folder_export (window, folder);
  wait_until (export_review_shown, NULL);
  dialog = find_message_dialog ("Export to");
  text = dialog_text (dialog);
  g_assert_nonnull (strstr (text, "--- /dev/null\n+++ b/index.md\n"));
  g_assert_false (g_file_test (index_path, G_FILE_TEST_EXISTS));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "write");
  spin ();
  g_assert_true (g_file_get_contents (index_path, &index, NULL, NULL));
  g_assert_nonnull (strstr (index, "Data Spaces"));
  dir = g_dir_open (path, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 7);

  /* One change: the review shows it, and Cancel writes nothing. */
  ee_initiative_set_title (ee_cluster_get_initiative (cluster (window, 1), 0), "CitCom.ai TEF");
  ee_window_review_folder_export (window, folder);
  wait_until (export_review_shown, NULL);
  dialog = find_message_dialog ("Export to");
  g_clear_pointer (&text, g_free);
  text = dialog_text (dialog);
  g_assert_nonnull (strstr (text, "+## Example: CitCom.ai TEF"));
  g_assert_nonnull (strstr (text, "-## Example: CitCom.ai"));
  g_assert_null (strstr (text, "index.md"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  spin ();

  /* A cluster renamed: its page has another name, and the old one is
   * removed, as the review says. */
  {
    g_auto(GStrv) before = ee_hub_folder_get_page_files (document);
    g_auto(GStrv) after = NULL;
    g_autofree char *old_page = g_build_filename (path, before[5], NULL);
    g_autofree char *new_page = NULL;
    guint n_after = 0;

    ee_cluster_set_card_title (cluster (window, 5), "Renamed Network");
    after = ee_hub_folder_get_page_files (document);
    g_assert_cmpstr (after[5], !=, before[5]);
    new_page = g_build_filename (path, after[5], NULL);
    ee_window_review_folder_export (window, folder);
    wait_until (export_review_shown, NULL);
    dialog = find_message_dialog ("Export to");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "1 page is removed"));
    g_clear_pointer (&text, g_free);
    text = dialog_text (dialog);
    g_assert_nonnull (strstr (text, "+++ /dev/null"));
    g_assert_nonnull (strstr (text, "--- /dev/null"));
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "write");
    spin ();
    g_assert_false (g_file_test (old_page, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (new_page, G_FILE_TEST_EXISTS));
    g_dir_rewind (dir);
    while (g_dir_read_name (dir) != NULL)
      n_after++;
    g_assert_cmpuint (n_after, ==, 7);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_dir_rewind (dir);
  {
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (path, name, NULL);

        g_unlink (file);
      }
  }
  g_rmdir (path);
}

/* A label under @root whose text starts with @prefix. */
static GtkWidget *
find_label (GtkWidget *root, const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), prefix))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

#define DRAFT_FAILED "Unsaved changes cannot be kept safe"

static gboolean
draft_failure_shown (gpointer window)
{
  return find_label (window, DRAFT_FAILED) != NULL;
}

static gboolean
draft_written (gpointer folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".draft"))
      return TRUE;
  return FALSE;
}

/* The drafts folder cannot be made (a file is in its place): the window
 * says so once, keeps the document as it is, and writes the draft once it
 * can. */
static void
test_draft_fails (void)
{
  g_autofree char *folder = ee_draft_get_folder ();
  g_autofree char *aside = g_strconcat (folder, ".aside", NULL);
  gboolean had_folder = g_file_test (folder, G_FILE_TEST_IS_DIR);
  EeWindow *window;
  EeDocument *document;

  if (had_folder)
    g_assert_cmpint (g_rename (folder, aside), ==, 0);
  g_assert_true (g_file_set_contents (folder, "not a folder", -1, NULL));

  window = window_new ();
  document = ee_window_get_document (window);
  ee_document_set_title (document, "Typed while drafts fail");
  wait_until (draft_failure_shown, window);
  g_assert_true (ee_window_get_modified (window));
  g_assert_cmpstr (ee_document_get_title (document), ==, "Typed while drafts fail");

  /* The folder can be made again; the drafts of other tests stay aside
   * until the end. */
  g_assert_cmpint (g_unlink (folder), ==, 0);
  ee_document_set_title (document, "Typed once drafts work");
  wait_until (draft_written, folder);

  /* Another document: the draft goes, and the window closes unmodified. */
  {
    g_autoptr(EeDocument) other = ee_document_new_bundled ();

    ee_window_set_document (window, other);
  }
  g_assert_false (draft_written (folder));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  if (had_folder)
    g_assert_cmpint (g_rename (aside, folder), ==, 0);
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
  g_test_add_func ("/window/problems", test_problems);
  g_test_add_func ("/window/file-changed", test_file_changed);
  g_test_add_func ("/window/save-fails", test_save_fails);
  g_test_add_func ("/window/folder-export", test_folder_export);
  g_test_add_func ("/window/draft-fails", test_draft_fails);

  return g_test_run ();
}
