/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-core.h"

static gint64 now;

static gint64
fake_clock (void)
{
  return now;
}

static EeHistory *
history_new (void)
{
  EeHistory *history = ee_history_new ();

  now = 1000 * G_USEC_PER_SEC;
  ee_history_set_clock (history, fake_clock);
  return history;
}

static void
type (EeHistory *history, EeInitiative *initiative, const char *text)
{
  /* Each keystroke a tenth of a second after the one before. */
  for (gsize i = 1; i <= strlen (text); i++)
    {
      g_autofree char *prefix = g_strndup (text, i);
      now += G_USEC_PER_SEC / 10;
      ee_history_set_string (history, initiative, "title", prefix);
    }
}

static void
test_property (void)
{
  g_autoptr(EeHistory) history = history_new ();
  g_autoptr(EeInitiative) initiative = ee_initiative_new ();

  g_assert_false (ee_history_can_undo (history));
  ee_history_set_boolean (history, initiative, "example", TRUE);
  g_assert_true (ee_initiative_get_example (initiative));
  g_assert_true (ee_history_can_undo (history));

  /* Setting the same value again is no step. */
  now += 10 * G_USEC_PER_SEC;
  ee_history_set_boolean (history, initiative, "example", TRUE);
  g_assert_true (ee_history_undo (history));
  g_assert_false (ee_initiative_get_example (initiative));
  g_assert_false (ee_history_can_undo (history));
  g_assert_true (ee_history_redo (history));
  g_assert_true (ee_initiative_get_example (initiative));
  g_assert_false (ee_history_can_redo (history));
}

/* Typing joins into word-sized steps. */
static void
test_typing (void)
{
  g_autoptr(EeHistory) history = history_new ();
  g_autoptr(EeInitiative) initiative = ee_initiative_new ();

  type (history, initiative, "Living in EU");
  g_assert_cmpstr (ee_initiative_get_title (initiative), ==, "Living in EU");

  g_assert_true (ee_history_undo (history));
  g_assert_cmpstr (ee_initiative_get_title (initiative), ==, "Living in ");
  g_assert_true (ee_history_undo (history));
  g_assert_cmpstr (ee_initiative_get_title (initiative), ==, "Living ");
  g_assert_true (ee_history_undo (history));
  g_assert_cmpstr (ee_initiative_get_title (initiative), ==, "");
  g_assert_false (ee_history_can_undo (history));

  g_assert_true (ee_history_redo (history));
  g_assert_true (ee_history_redo (history));
  g_assert_cmpstr (ee_initiative_get_title (initiative), ==, "Living in ");
}

/* A pause, another field, or a break starts a new step. */
static void
test_steps_end (void)
{
  g_autoptr(EeHistory) history = history_new ();
  g_autoptr(EeInitiative) initiative = ee_initiative_new ();
  g_autoptr(EeRichText) name = ee_rich_text_new_plain ("SIMPL");

  type (history, initiative, "abc");
  now += 5 * G_USEC_PER_SEC;
  type (history, initiative, "abcd");
  ee_history_set_boxed (history, initiative, "name", name);
  type (history, initiative, "abcde");
  ee_history_break (history);
  type (history, initiative, "abcdef");

  g_assert_true (ee_history_undo (history));
  g_assert_cmpstr (ee_initiative_get_title (initiative), ==, "abcde");
  g_assert_true (ee_history_undo (history));
  g_assert_cmpstr (ee_initiative_get_title (initiative), ==, "abcd");
  g_assert_true (ee_history_undo (history));
  g_assert_true (ee_rich_text_is_empty (ee_initiative_get_field (initiative, EE_FIELD_NAME)));
  g_assert_true (ee_history_undo (history));
  g_assert_cmpstr (ee_initiative_get_title (initiative), ==, "abc");
}

static void
test_lists (void)
{
  g_autoptr(EeHistory) history = history_new ();
  g_autoptr(EeDocument) document = ee_document_new_bundled ();
  GListStore *ai = ee_cluster_get_initiative_store (ee_document_get_cluster (document, 1));
  GListStore *ldt = ee_cluster_get_initiative_store (ee_document_get_cluster (document, 2));
  g_autoptr(EeInitiative) added = ee_initiative_new ();
  g_autoptr(GBytes) original = ee_project_save_bytes (document);
  g_autoptr(GBytes) after = NULL;
  EeInitiative *citcom = ee_cluster_get_initiative (ee_document_get_cluster (document, 1), 0);

  ee_history_insert (history, ai, 1, added);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ai)), ==, 2);
  ee_history_move (history, ai, 0, ldt, 0);
  g_assert_true (ee_cluster_get_initiative (ee_document_get_cluster (document, 2), 0) == citcom);
  ee_history_remove (history, ldt, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ldt)), ==, 0);

  /* The move is one step. */
  g_assert_true (ee_history_undo (history));
  g_assert_true (ee_cluster_get_initiative (ee_document_get_cluster (document, 2), 0) == citcom);
  g_assert_true (ee_history_undo (history));
  g_assert_true (ee_cluster_get_initiative (ee_document_get_cluster (document, 1), 0) == citcom);
  g_assert_true (ee_history_undo (history));
  g_assert_false (ee_history_can_undo (history));

  after = ee_project_save_bytes (document);
  g_assert_true (g_bytes_equal (original, after));
}

static void
test_group_and_redo_cleared (void)
{
  g_autoptr(EeHistory) history = history_new ();
  g_autoptr(EeInitiative) initiative = ee_initiative_new ();

  ee_history_begin_group (history, "Duplicate");
  ee_history_set_string (history, initiative, "title", "A");
  ee_history_set_boolean (history, initiative, "example", TRUE);
  ee_history_end_group (history);
  g_assert_cmpstr (ee_history_get_undo_label (history), ==, "Duplicate");

  g_assert_true (ee_history_undo (history));
  g_assert_cmpstr (ee_initiative_get_title (initiative), ==, "");
  g_assert_false (ee_initiative_get_example (initiative));
  g_assert_true (ee_history_can_redo (history));

  ee_history_set_string (history, initiative, "title", "B");
  g_assert_false (ee_history_can_redo (history));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/property", test_property);
  g_test_add_func ("/history/typing", test_typing);
  g_test_add_func ("/history/steps-end", test_steps_end);
  g_test_add_func ("/history/lists", test_lists);
  g_test_add_func ("/history/group-and-redo-cleared", test_group_and_redo_cleared);

  return g_test_run ();
}
