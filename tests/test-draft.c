/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>

#include "ee-core.h"

/* Drafts: the unsaved state of documents, in the user's state folder. */

static char *state_dir;

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;

  state_dir = g_dir_make_tmp ("test-draft-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  g_reload_user_special_dirs_cache ();
  g_assert_true (g_str_has_prefix (g_get_user_state_dir (), state_dir));
}

static char *
project_text (EeDocument *document)
{
  g_autoptr(GBytes) bytes = ee_project_save_bytes (document);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_save_list_load_discard (void)
{
  g_autoptr(EeDocument) document = ee_document_new_bundled ();
  g_autoptr(EeDraft) draft = ee_draft_new ();
  g_autoptr(GFile) origin = g_file_new_for_path ("/home/editor/Hub pages/ecosystem é.json");
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(EeDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *folder = ee_draft_get_folder ();
  EeDraft *listed;
  GStatBuf buf;

  drafts = ee_draft_list ();
  g_assert_cmpuint (drafts->len, ==, 0);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  ee_document_set_title (document, "First title");
  g_assert_true (ee_draft_save (draft, document, origin, "ecosystem é.json", &error));
  g_assert_no_error (error);
  /* The last write wins. */
  ee_document_set_title (document, "The last edit");
  g_assert_true (ee_draft_save (draft, document, origin, "ecosystem é.json", &error));
  g_assert_no_error (error);

  drafts = ee_draft_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  listed = drafts->pdata[0];
  g_assert_cmpstr (ee_draft_get_id (listed), ==, ee_draft_get_id (draft));
  g_assert_cmpstr (ee_draft_get_name (listed), ==, "ecosystem é.json");
  g_assert_true (g_file_equal (ee_draft_get_origin (listed), origin));
  g_assert_nonnull (ee_draft_get_time (listed));

  loaded = ee_draft_load (listed, &error);
  g_assert_no_error (error);
  expected = project_text (document);
  actual = project_text (loaded);
  g_assert_cmpstr (actual, ==, expected);
  g_assert_cmpstr (ee_document_get_title (loaded), ==, "The last edit");

  /* Only the user can read drafts. */
  g_assert_cmpint (g_stat (folder, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0700);

  ee_draft_discard (listed);
  after = ee_draft_list ();
  g_assert_cmpuint (after->len, ==, 0);
}

/* A draft without its document, or without its description, is not
 * offered; a broken document fails to load with an error. */
static void
test_incomplete (void)
{
  g_autoptr(EeDocument) document = ee_document_new_bundled ();
  g_autoptr(EeDraft) draft = ee_draft_new ();
  g_autoptr(EeDraft) broken = ee_draft_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *folder = ee_draft_get_folder ();
  g_autofree char *json_name = g_strconcat (ee_draft_get_id (draft), ".json", NULL);
  g_autofree char *json_path = g_build_filename (folder, json_name, NULL);
  g_autofree char *broken_name = g_strconcat (ee_draft_get_id (broken), ".json", NULL);
  g_autofree char *broken_path = g_build_filename (folder, broken_name, NULL);
  g_autoptr(EeDocument) loaded = NULL;

  g_assert_true (ee_draft_save (draft, document, NULL, "Untitled", &error));
  g_assert_true (ee_draft_save (broken, document, NULL, "Broken", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (json_path), ==, 0);
  g_assert_true (g_file_set_contents (broken_path, "{\"format\": ", -1, &error));

  drafts = ee_draft_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (ee_draft_get_name (drafts->pdata[0]), ==, "Broken");
  g_assert_null (ee_draft_get_origin (drafts->pdata[0]));
  loaded = ee_draft_load (drafts->pdata[0], &error);
  g_assert_null (loaded);
  g_assert_nonnull (error);
  ee_draft_discard (draft);
  ee_draft_discard (broken);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  guint *n_done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (ee_draft_save_finish (EE_DRAFT (source), result, &error));
  g_assert_no_error (error);
  (*n_done)++;
}

/* Saves in worker threads keep the content of the moment they start, the
 * newest wins whatever order they finish in, and none writes after a
 * discard. */
static void
test_save_async (void)
{
  g_autoptr(EeDocument) document = ee_document_new_bundled ();
  g_autoptr(EeDraft) draft = ee_draft_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(EeDocument) loaded = NULL;
  guint n_done = 0;

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *title = g_strdup_printf ("Title %u", i);

      ee_document_set_title (document, title);
      ee_draft_save_async (draft, document, NULL, "Untitled", NULL, saved_cb, &n_done);
    }
  /* Changed after the last save started: not in the draft. */
  ee_document_set_title (document, "Too late");
  while (n_done < 20)
    g_main_context_iteration (NULL, TRUE);

  drafts = ee_draft_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  loaded = ee_draft_load (drafts->pdata[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ee_document_get_title (loaded), ==, "Title 19");
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* Saves under way when the draft is discarded write nothing after. */
  n_done = 0;
  for (guint i = 0; i < 5; i++)
    ee_draft_save_async (draft, document, NULL, "Untitled", NULL, saved_cb, &n_done);
  ee_draft_discard (draft);
  while (n_done < 5)
    g_main_context_iteration (NULL, TRUE);
  drafts = ee_draft_list ();
  g_assert_cmpuint (drafts->len, ==, 0);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* A save after the discard is the draft again. */
  g_assert_true (ee_draft_save (draft, document, NULL, "Untitled", &error));
  drafts = ee_draft_list ();
  g_assert_cmpuint (drafts->len, ==, 1);
  ee_draft_discard (draft);
}

int
main (int argc, char **argv)
{
  int status;
  g_autofree char *folder = NULL;

  g_test_init (&argc, &argv, NULL);
  set_up ();

  g_test_add_func ("/draft/save-list-load-discard", test_save_list_load_discard);
  g_test_add_func ("/draft/incomplete", test_incomplete);
  g_test_add_func ("/draft/save-async", test_save_async);

  status = g_test_run ();

  folder = ee_draft_get_folder ();
  g_rmdir (folder);
  {
    g_autofree char *parent = g_path_get_dirname (folder);

    g_rmdir (parent);
  }
  g_rmdir (state_dir);
  return status;
}
