/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ee-core.h"
#include "ee-rich-text-editor.h"

/* The glyphs and en space that start a bullet line in the buffer. */
#define BULLET_0 "\xe2\x80\xa2\xe2\x80\x82"
#define BULLET_1 "\xe2\x97\xa6\xe2\x80\x82"

typedef struct {
  GtkWidget        *window;
  EeRichTextEditor *editor;
  GtkTextBuffer    *buffer;
  guint             notifies;
} Fixture;

static void
value_notified_cb (Fixture *fixture)
{
  fixture->notifies++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = gtk_window_new ();
  fixture->editor = EE_RICH_TEXT_EDITOR (ee_rich_text_editor_new ());
  ee_rich_text_editor_set_label (fixture->editor, "Relevance to LDT4SSC");
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->editor));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 480, 300);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->buffer = gtk_text_view_get_buffer (ee_rich_text_editor_get_text_view (fixture->editor));
  g_signal_connect_swapped (fixture->editor, "notify::value", G_CALLBACK (value_notified_cb), fixture);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  EeRichTextEditor *editor = fixture->editor;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (editor);
}

/* Helpers ------------------------------------------------------------------ */

static EeRichText *
md (const char *markdown)
{
  return ee_rich_text_new_from_markdown (markdown, -1);
}

static char *
block_text (EeRichText *value,
            guint       index)
{
  const EeBlock *block = ee_rich_text_get_block (value, index);
  GString *s = g_string_new (NULL);

  if (block->kind == EE_BLOCK_RAW)
    g_string_append (s, block->raw);
  else
    for (guint i = 0; i < block->runs->len; i++)
      g_string_append (s, ((EeRun *) g_ptr_array_index (block->runs, i))->text);
  return g_string_free (s, FALSE);
}

static void
assert_block (EeRichText  *value,
              guint        index,
              EeBlockKind  kind,
              guint        level,
              const char  *text)
{
  const EeBlock *block;
  g_autofree char *actual = NULL;

  g_assert_cmpuint (index, <, ee_rich_text_get_n_blocks (value));
  block = ee_rich_text_get_block (value, index);
  actual = block_text (value, index);
  g_assert_cmpint (block->kind, ==, kind);
  g_assert_cmpuint (block->level, ==, level);
  g_assert_cmpstr (actual, ==, text);
}

static const EeRun *
get_run (EeRichText *value,
         guint       block_index,
         guint       run_index)
{
  const EeBlock *block = ee_rich_text_get_block (value, block_index);

  g_assert_nonnull (block->runs);
  g_assert_cmpuint (run_index, <, block->runs->len);
  return g_ptr_array_index (block->runs, run_index);
}

static EeRichText *
value (Fixture *fixture)
{
  return ee_rich_text_editor_get_value (fixture->editor);
}

static void
set_markdown (Fixture    *fixture,
              const char *markdown)
{
  g_autoptr(EeRichText) text = md (markdown);

  ee_rich_text_editor_set_value (fixture->editor, text);
  fixture->notifies = 0;
}

static void
place_cursor (Fixture *fixture,
              int      line,
              int      offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line_offset (fixture->buffer, &iter, line, offset);
  gtk_text_buffer_place_cursor (fixture->buffer, &iter);
}

static void
place_cursor_at_line_end (Fixture *fixture,
                          int      line)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (fixture->buffer, &iter, line);
  if (!gtk_text_iter_ends_line (&iter))
    gtk_text_iter_forward_to_line_end (&iter);
  gtk_text_buffer_place_cursor (fixture->buffer, &iter);
}

static void
select_range (Fixture *fixture,
              int      line,
              int      start,
              int      end)
{
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_line_offset (fixture->buffer, &a, line, start);
  gtk_text_buffer_get_iter_at_line_offset (fixture->buffer, &b, line, end);
  gtk_text_buffer_select_range (fixture->buffer, &b, &a);
}

static void
type (Fixture    *fixture,
      const char *text)
{
  g_assert_true (gtk_text_buffer_insert_interactive_at_cursor (fixture->buffer, text, -1, TRUE));
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), action, NULL));
}

static char *
line_text (Fixture *fixture,
           int      line)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (fixture->buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  return gtk_text_iter_get_text (&start, &end);
}

/* What a person sees: each block on a line of its own, the text of its
 * runs without any Markdown, a bullet glyph before a bullet, raw blocks as
 * written; line breaks are U+2028. */
static char *
expected_buffer_text (EeRichText *text)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < ee_rich_text_get_n_blocks (text); i++)
    {
      const EeBlock *block = ee_rich_text_get_block (text, i);
      g_autofree char *plain = block_text (text, i);
      g_autoptr(GString) shown = g_string_new (plain);

      if (i > 0)
        g_string_append_c (s, '\n');
      if (block->kind == EE_BLOCK_BULLET)
        g_string_append (s, block->level > 0 ? BULLET_1 : BULLET_0);
      g_string_replace (shown, "\n", "\xe2\x80\xa8", 0);
      g_string_append (s, shown->str);
    }
  return g_string_free (s, FALSE);
}

static void
assert_round_trip (Fixture    *fixture,
                   EeRichText *text,
                   const char *what)
{
  g_autoptr(EeRichText) read = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *expected = NULL;
  GtkTextIter start, end;

  fixture->notifies = 0;
  ee_rich_text_editor_set_value (fixture->editor, text);
  g_assert_cmpuint (fixture->notifies, ==, 0);
  g_assert_true (ee_rich_text_equal (ee_rich_text_editor_get_value (fixture->editor), text));

  read = ee_rich_text_editor_read_buffer (fixture->editor);
  if (!ee_rich_text_equal (read, text))
    g_error ("%s does not survive the editor:\n%s\n--- became ---\n%s",
             what, ee_rich_text_get_markdown (text), ee_rich_text_get_markdown (read));

  gtk_text_buffer_get_bounds (fixture->buffer, &start, &end);
  shown = gtk_text_buffer_get_text (fixture->buffer, &start, &end, TRUE);
  expected = expected_buffer_text (text);
  g_assert_cmpstr (shown, ==, expected);
}

static void
assert_round_trip_or_empty (Fixture    *fixture,
                            EeRichText *text,
                            const char *what)
{
  g_autoptr(EeRichText) empty = ee_rich_text_new_empty ();

  assert_round_trip (fixture, text != NULL ? text : empty, what);
}

/* 1. Round trips ------------------------------------------------------------ */

static void
test_round_trip_bundled (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(EeDocument) document = ee_document_new_bundled ();
  guint n_values = 0;

  g_assert_cmpuint (ee_document_get_n_clusters (document), >, 0);

  assert_round_trip_or_empty (fixture, ee_document_get_introduction (document), "page introduction");
  assert_round_trip_or_empty (fixture, ee_document_get_closing (document), "page closing");
  for (guint c = 0; c < ee_document_get_n_clusters (document); c++)
    {
      EeCluster *cluster = ee_document_get_cluster (document, c);

      assert_round_trip_or_empty (fixture, ee_cluster_get_summary (cluster), "cluster summary");
      assert_round_trip_or_empty (fixture, ee_cluster_get_introduction (cluster), "cluster introduction");
      assert_round_trip_or_empty (fixture, ee_cluster_get_template (cluster), "template body");
      assert_round_trip_or_empty (fixture, ee_cluster_get_trailing (cluster), "cluster trailing text");
      n_values += 4;

      for (guint i = 0; i < ee_cluster_get_n_initiatives (cluster); i++)
        {
          EeInitiative *initiative = ee_cluster_get_initiative (cluster, i);

          for (guint f = 0; f < EE_N_FIELDS; f++)
            {
              g_autofree char *what = g_strdup_printf ("%s: %s", ee_initiative_get_title (initiative),
                                                       ee_field_get_label (f));
              assert_round_trip_or_empty (fixture, ee_initiative_get_field (initiative, f), what);
              n_values++;
            }
          assert_round_trip_or_empty (fixture, ee_initiative_get_leading (initiative), "leading text");
          assert_round_trip_or_empty (fixture, ee_initiative_get_trailing (initiative), "trailing text");
          for (guint e = 0; e < ee_initiative_get_n_extra_fields (initiative); e++)
            assert_round_trip_or_empty (fixture, ee_initiative_get_extra_field (initiative, e)->value,
                                        ee_initiative_get_extra_field (initiative, e)->label);
        }
    }
  /* The bundled page has six clusters with initiatives. */
  g_assert_cmpuint (n_values, >=, 24 + 7);
}

static const char * const hand_made[] = {
  "Plain text.",
  "Some **bold** and *italic* and ***both***, a [link](https://example.org) and `code`.",
  "A [**bold link** and more](https://example.org/a_(b)) then text.",
  "[one](https://a.example.org)[two](https://b.example.org) side by side",
  "Line one  \nline two  \nline three",
  "- one\n- two\n    - nested **bold**\n    - nested *italic*\n- three",
  "Before the list\n\n- a\n- b\n\nAfter the list",
  "- a [link](https://example.org) in a bullet\n- a bare https://bare.example.org/x link",
  "<div align=\"center\">raw</div>\n\nAfter raw.",
  "| a | b |\n|---|---|\n| 1 | 2 |",
  "Text with <img src=\"x.png\"><img src=\"y.png\"> inline raw and <sup>1</sup>.",
  "`one``two` and `three`",
  "Émoji 🎉 and accents: café, naïve, “quotes” — dashes",
  "Paragraph one.\n\nParagraph two with a break  \nhere.\n\n- bullet with a break  \n  continued",
};

static void
test_round_trip_hand_made (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(EeRichText) raw = md (hand_made[8]);

  /* The hand-made values cover what they claim to. */
  assert_block (raw, 0, EE_BLOCK_RAW, 0, "<div align=\"center\">raw</div>");

  for (guint i = 0; i < G_N_ELEMENTS (hand_made); i++)
    {
      g_autoptr(EeRichText) text = md (hand_made[i]);

      assert_round_trip (fixture, text, hand_made[i]);
    }

  /* Built by hand, not read from Markdown: a raw block of several lines
   * next to another raw block. */
  {
    g_autoptr(EeRichTextBuilder) builder = ee_rich_text_builder_new ();
    g_autoptr(EeRichText) text = NULL;

    ee_rich_text_builder_add_raw (builder, "<table>\n\n<tr><td>x</td></tr>\n</table>");
    ee_rich_text_builder_add_raw (builder, "<!-- a comment -->");
    ee_rich_text_builder_begin_block (builder, EE_BLOCK_BULLET, 0);
    ee_rich_text_builder_add_text (builder, "x", EE_MARK_BOLD | EE_MARK_ITALIC, "https://example.org");
    ee_rich_text_builder_add_text (builder, " y", EE_MARK_CODE, NULL);
    text = ee_rich_text_builder_end (builder);
    g_assert_cmpuint (ee_rich_text_get_n_blocks (text), ==, 3);
    assert_round_trip (fixture, text, "hand-built raw blocks");
  }

  /* NULL shows an empty field. */
  ee_rich_text_editor_set_value (fixture->editor, NULL);
  g_assert_true (ee_rich_text_is_empty (value (fixture)));
  g_assert_cmpint (gtk_text_buffer_get_char_count (fixture->buffer), ==, 0);
}

/* 2. Editing ---------------------------------------------------------------- */

static void
test_typing (Fixture       *fixture,
             gconstpointer  data)
{
  set_markdown (fixture, "Hello world");
  place_cursor_at_line_end (fixture, 0);
  type (fixture, ", again");
  g_assert_cmpuint (fixture->notifies, ==, 1);
  g_assert_cmpstr (ee_rich_text_get_markdown (value (fixture)), ==, "Hello world, again");

  /* Typed text inside bold text is bold. */
  set_markdown (fixture, "**Bold** text");
  place_cursor (fixture, 0, 3);
  type (fixture, "X");
  g_assert_cmpuint (fixture->notifies, ==, 1);
  g_assert_cmpstr (get_run (value (fixture), 0, 0)->text, ==, "BolXd");
  g_assert_cmpint (get_run (value (fixture), 0, 0)->marks, ==, EE_MARK_BOLD);

  /* Text typed after a link is not part of it; inside it, it is. */
  set_markdown (fixture, "[site](https://a.example.org) end");
  place_cursor (fixture, 0, 4);
  type (fixture, "s");
  g_assert_cmpstr (get_run (value (fixture), 0, 0)->text, ==, "site");
  g_assert_cmpstr (get_run (value (fixture), 0, 0)->href, ==, "https://a.example.org");
  g_assert_cmpstr (get_run (value (fixture), 0, 1)->text, ==, "s end");
  g_assert_null (get_run (value (fixture), 0, 1)->href);
  place_cursor (fixture, 0, 2);
  type (fixture, "--");
  g_assert_cmpstr (get_run (value (fixture), 0, 0)->text, ==, "si--te");
  g_assert_cmpstr (get_run (value (fixture), 0, 0)->href, ==, "https://a.example.org");

  /* Typed text in a raw block stays raw. */
  set_markdown (fixture, "<div>x</div>");
  place_cursor (fixture, 0, 0);
  type (fixture, "A");
  assert_block (value (fixture), 0, EE_BLOCK_RAW, 0, "A<div>x</div>");

  /* Deleting the line end between two bullets joins their text, without a
   * bullet glyph in the middle. */
  set_markdown (fixture, "- ab\n- cd");
  {
    GtkTextIter start, end;
    g_autofree char *line = NULL;

    gtk_text_buffer_get_iter_at_line (fixture->buffer, &start, 0);
    gtk_text_iter_forward_to_line_end (&start);
    end = start;
    gtk_text_iter_forward_char (&end);
    g_assert_true (gtk_text_buffer_delete_interactive (fixture->buffer, &start, &end, TRUE));
    line = line_text (fixture, 0);
    g_assert_cmpstr (line, ==, BULLET_0 "abcd");
  }
  g_assert_cmpuint (ee_rich_text_get_n_blocks (value (fixture)), ==, 1);
  assert_block (value (fixture), 0, EE_BLOCK_BULLET, 0, "abcd");

  /* Deleting everything leaves an empty field. */
  {
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (fixture->buffer, &start, &end);
    gtk_text_buffer_delete_interactive (fixture->buffer, &start, &end, TRUE);
  }
  g_assert_true (ee_rich_text_is_empty (value (fixture)));
  g_assert_cmpint (gtk_text_buffer_get_char_count (fixture->buffer), ==, 0);

  /* "- " at the start of an empty line starts a list. */
  set_markdown (fixture, "Intro");
  place_cursor_at_line_end (fixture, 0);
  activate (fixture, "editor.newline");
  type (fixture, "-");
  type (fixture, " ");
  type (fixture, "item");
  g_assert_cmpuint (ee_rich_text_get_n_blocks (value (fixture)), ==, 2);
  assert_block (value (fixture), 1, EE_BLOCK_BULLET, 0, "item");
}

static void
test_cursor_skips_prefix (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkTextIter iter;

  set_markdown (fixture, "Para\n\n- bullet");
  place_cursor (fixture, 1, 0);
  gtk_text_buffer_get_iter_at_mark (fixture->buffer, &iter, gtk_text_buffer_get_insert (fixture->buffer));
  g_assert_cmpint (gtk_text_iter_get_line (&iter), ==, 1);
  g_assert_cmpint (gtk_text_iter_get_line_offset (&iter), ==, 2);

  /* Left from the start of the bullet's text goes to the line above. */
  gtk_text_iter_backward_char (&iter);
  gtk_text_buffer_place_cursor (fixture->buffer, &iter);
  gtk_text_buffer_get_iter_at_mark (fixture->buffer, &iter, gtk_text_buffer_get_insert (fixture->buffer));
  g_assert_cmpint (gtk_text_iter_get_line (&iter), ==, 0);
  g_assert_true (gtk_text_iter_ends_line (&iter));
}

/* 3. Commands ---------------------------------------------------------------- */

static void
test_enter (Fixture       *fixture,
            gconstpointer  data)
{
  /* Enter splits a paragraph. */
  set_markdown (fixture, "Hello world");
  place_cursor (fixture, 0, 5);
  activate (fixture, "editor.newline");
  g_assert_cmpuint (fixture->notifies, ==, 1);
  g_assert_cmpuint (ee_rich_text_get_n_blocks (value (fixture)), ==, 2);
  assert_block (value (fixture), 0, EE_BLOCK_PARAGRAPH, 0, "Hello");
  assert_block (value (fixture), 1, EE_BLOCK_PARAGRAPH, 0, "world");

  /* Enter on a bullet continues the list at its level. */
  set_markdown (fixture, "- one\n    - nested\n- two");
  place_cursor_at_line_end (fixture, 0);
  activate (fixture, "editor.newline");
  type (fixture, "mid");
  place_cursor_at_line_end (fixture, 2);
  activate (fixture, "editor.newline");
  type (fixture, "deep");
  g_assert_cmpuint (ee_rich_text_get_n_blocks (value (fixture)), ==, 5);
  assert_block (value (fixture), 0, EE_BLOCK_BULLET, 0, "one");
  assert_block (value (fixture), 1, EE_BLOCK_BULLET, 0, "mid");
  assert_block (value (fixture), 2, EE_BLOCK_BULLET, 1, "nested");
  assert_block (value (fixture), 3, EE_BLOCK_BULLET, 1, "deep");
  assert_block (value (fixture), 4, EE_BLOCK_BULLET, 0, "two");

  /* Enter on an empty bullet ends the list. */
  set_markdown (fixture, "- one");
  place_cursor_at_line_end (fixture, 0);
  activate (fixture, "editor.newline");
  {
    g_autofree char *line = line_text (fixture, 1);
    g_assert_cmpstr (line, ==, BULLET_0);
  }
  activate (fixture, "editor.newline");
  {
    g_autofree char *line = line_text (fixture, 1);
    g_assert_cmpstr (line, ==, "");
  }
  type (fixture, "after");
  g_assert_cmpuint (ee_rich_text_get_n_blocks (value (fixture)), ==, 2);
  assert_block (value (fixture), 0, EE_BLOCK_BULLET, 0, "one");
  assert_block (value (fixture), 1, EE_BLOCK_PARAGRAPH, 0, "after");

  /* Shift+Enter breaks the line inside the paragraph. */
  set_markdown (fixture, "ab");
  place_cursor (fixture, 0, 1);
  activate (fixture, "editor.line-break");
  g_assert_cmpuint (ee_rich_text_get_n_blocks (value (fixture)), ==, 1);
  assert_block (value (fixture), 0, EE_BLOCK_PARAGRAPH, 0, "a\nb");
  g_assert_cmpint (gtk_text_buffer_get_line_count (fixture->buffer), ==, 1);

  /* Enter inside a raw block breaks its line; at its end, starts a
   * paragraph. */
  set_markdown (fixture, "<div>x</div>");
  place_cursor (fixture, 0, 5);
  activate (fixture, "editor.newline");
  assert_block (value (fixture), 0, EE_BLOCK_RAW, 0, "<div>\nx</div>");
  place_cursor_at_line_end (fixture, 0);
  activate (fixture, "editor.newline");
  type (fixture, "Next");
  g_assert_cmpuint (ee_rich_text_get_n_blocks (value (fixture)), ==, 2);
  assert_block (value (fixture), 1, EE_BLOCK_PARAGRAPH, 0, "Next");
}

static void
test_indent (Fixture       *fixture,
             gconstpointer  data)
{
  set_markdown (fixture, "- one\n- two\n- three");

  /* The first bullet has nothing to nest under. */
  place_cursor (fixture, 0, 3);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.indent", NULL)
                  && fixture->notifies > 0);
  assert_block (value (fixture), 0, EE_BLOCK_BULLET, 0, "one");

  place_cursor (fixture, 1, 3);
  activate (fixture, "editor.indent");
  g_assert_cmpuint (fixture->notifies, ==, 1);
  assert_block (value (fixture), 1, EE_BLOCK_BULLET, 1, "two");
  {
    g_autofree char *line = line_text (fixture, 1);
    g_assert_cmpstr (line, ==, BULLET_1 "two");
  }

  activate (fixture, "editor.outdent");
  assert_block (value (fixture), 1, EE_BLOCK_BULLET, 0, "two");

  /* Un-nesting a first-level bullet makes it a paragraph. */
  activate (fixture, "editor.outdent");
  g_assert_cmpuint (ee_rich_text_get_n_blocks (value (fixture)), ==, 3);
  assert_block (value (fixture), 1, EE_BLOCK_PARAGRAPH, 0, "two");

  /* Nesting several selected bullets at once. */
  set_markdown (fixture, "- a\n- b\n- c");
  {
    GtkTextIter start, end;

    gtk_text_buffer_get_iter_at_line_offset (fixture->buffer, &start, 1, 2);
    gtk_text_buffer_get_iter_at_line_offset (fixture->buffer, &end, 2, 3);
    gtk_text_buffer_select_range (fixture->buffer, &start, &end);
  }
  activate (fixture, "editor.indent");
  assert_block (value (fixture), 0, EE_BLOCK_BULLET, 0, "a");
  assert_block (value (fixture), 1, EE_BLOCK_BULLET, 1, "b");
  assert_block (value (fixture), 2, EE_BLOCK_BULLET, 1, "c");
}

static void
test_bullets (Fixture       *fixture,
              gconstpointer  data)
{
  GtkTextIter start, end;

  set_markdown (fixture, "first\n\nsecond\n\n<div>raw</div>");
  gtk_text_buffer_get_bounds (fixture->buffer, &start, &end);
  gtk_text_buffer_select_range (fixture->buffer, &start, &end);
  activate (fixture, "editor.bullets");
  g_assert_cmpuint (ee_rich_text_get_n_blocks (value (fixture)), ==, 3);
  assert_block (value (fixture), 0, EE_BLOCK_BULLET, 0, "first");
  assert_block (value (fixture), 1, EE_BLOCK_BULLET, 0, "second");
  assert_block (value (fixture), 2, EE_BLOCK_RAW, 0, "<div>raw</div>");

  gtk_text_buffer_get_bounds (fixture->buffer, &start, &end);
  gtk_text_buffer_select_range (fixture->buffer, &start, &end);
  activate (fixture, "editor.bullets");
  assert_block (value (fixture), 0, EE_BLOCK_PARAGRAPH, 0, "first");
  assert_block (value (fixture), 1, EE_BLOCK_PARAGRAPH, 0, "second");
}

static void
test_bold_italic (Fixture       *fixture,
                  gconstpointer  data)
{
  const EeBlock *block;

  set_markdown (fixture, "plain text");
  select_range (fixture, 0, 0, 5);
  activate (fixture, "editor.bold");
  g_assert_cmpuint (fixture->notifies, ==, 1);
  block = ee_rich_text_get_block (value (fixture), 0);
  g_assert_cmpuint (block->runs->len, ==, 2);
  g_assert_cmpstr (get_run (value (fixture), 0, 0)->text, ==, "plain");
  g_assert_cmpint (get_run (value (fixture), 0, 0)->marks, ==, EE_MARK_BOLD);
  g_assert_cmpstr (get_run (value (fixture), 0, 1)->text, ==, " text");
  g_assert_cmpint (get_run (value (fixture), 0, 1)->marks, ==, EE_MARK_NONE);
  g_assert_cmpstr (ee_rich_text_get_markdown (value (fixture)), ==, "**plain** text");

  /* Italic on part of it, then bold again removes bold. */
  select_range (fixture, 0, 2, 8);
  activate (fixture, "editor.italic");
  block = ee_rich_text_get_block (value (fixture), 0);
  g_assert_cmpuint (block->runs->len, ==, 5);
  g_assert_cmpstr (get_run (value (fixture), 0, 0)->text, ==, "pl");
  g_assert_cmpint (get_run (value (fixture), 0, 0)->marks, ==, EE_MARK_BOLD);
  g_assert_cmpstr (get_run (value (fixture), 0, 1)->text, ==, "ain");
  g_assert_cmpint (get_run (value (fixture), 0, 1)->marks, ==, EE_MARK_BOLD | EE_MARK_ITALIC);
  g_assert_cmpstr (get_run (value (fixture), 0, 2)->text, ==, " ");
  g_assert_cmpstr (get_run (value (fixture), 0, 3)->text, ==, "te");
  g_assert_cmpint (get_run (value (fixture), 0, 3)->marks, ==, EE_MARK_ITALIC);
  g_assert_cmpstr (get_run (value (fixture), 0, 4)->text, ==, "xt");
  g_assert_cmpint (get_run (value (fixture), 0, 4)->marks, ==, EE_MARK_NONE);

  /* On a partly bold selection, bold makes all of it bold; then none. */
  select_range (fixture, 0, 0, 10);
  activate (fixture, "editor.bold");
  for (guint i = 0; i < ee_rich_text_get_block (value (fixture), 0)->runs->len; i++)
    g_assert_true (get_run (value (fixture), 0, i)->marks & EE_MARK_BOLD);
  activate (fixture, "editor.bold");
  for (guint i = 0; i < ee_rich_text_get_block (value (fixture), 0)->runs->len; i++)
    g_assert_false (get_run (value (fixture), 0, i)->marks & EE_MARK_BOLD);

  /* Without a selection, Ctrl+B sets the formatting of what is typed next. */
  set_markdown (fixture, "Start");
  place_cursor_at_line_end (fixture, 0);
  activate (fixture, "editor.bold");
  g_assert_cmpuint (fixture->notifies, ==, 0);
  type (fixture, " loud");
  type (fixture, "er");
  activate (fixture, "editor.bold");
  type (fixture, " quiet");
  g_assert_cmpstr (ee_rich_text_get_markdown (value (fixture)), ==, "Start **louder** quiet");

  /* Bold over several lines leaves the bullet glyphs alone. */
  set_markdown (fixture, "- one\n- two");
  {
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (fixture->buffer, &start, &end);
    gtk_text_buffer_select_range (fixture->buffer, &start, &end);
  }
  activate (fixture, "editor.bold");
  g_assert_cmpstr (ee_rich_text_get_markdown (value (fixture)), ==, "- **one**\n- **two**");
}

static void
test_links (Fixture       *fixture,
            gconstpointer  data)
{
  set_markdown (fixture, "see the site now");
  select_range (fixture, 0, 8, 12);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.set-link", "s",
                                             "example.org/page"));
  g_assert_cmpuint (fixture->notifies, ==, 1);
  g_assert_cmpstr (get_run (value (fixture), 0, 1)->text, ==, "site");
  g_assert_cmpstr (get_run (value (fixture), 0, 1)->href, ==, "https://example.org/page");

  /* With the cursor in the link, a new address changes all of it. */
  place_cursor (fixture, 0, 10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.set-link", "s",
                                             "https://other.example.org"));
  g_assert_cmpstr (get_run (value (fixture), 0, 1)->text, ==, "site");
  g_assert_cmpstr (get_run (value (fixture), 0, 1)->href, ==, "https://other.example.org");

  /* An empty address removes the link. */
  place_cursor (fixture, 0, 10);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.set-link", "s", ""));
  g_assert_cmpstr (ee_rich_text_get_markdown (value (fixture)), ==, "see the site now");

  /* With no selection and no link, the address goes in as a link. */
  place_cursor_at_line_end (fixture, 0);
  type (fixture, ": ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.set-link", "s",
                                             "https://example.org"));
  g_assert_cmpstr (ee_rich_text_get_markdown (value (fixture)), ==,
                   "see the site now: <https://example.org>");
}

static void
test_single_paragraph (Fixture       *fixture,
                       gconstpointer  data)
{
  ee_rich_text_editor_set_single_paragraph (fixture->editor, TRUE);
  g_assert_true (ee_rich_text_editor_get_single_paragraph (fixture->editor));

  set_markdown (fixture, "CitCom.ai");
  place_cursor_at_line_end (fixture, 0);
  activate (fixture, "editor.newline");
  g_assert_cmpint (gtk_text_buffer_get_line_count (fixture->buffer), ==, 1);
  g_assert_cmpuint (fixture->notifies, ==, 0);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.bullets", NULL)
                  && ee_rich_text_get_block (value (fixture), 0)->kind == EE_BLOCK_BULLET);

  /* Pasted line ends become spaces. */
  type (fixture, " (CitComTEF)\nnext line");
  g_assert_cmpint (gtk_text_buffer_get_line_count (fixture->buffer), ==, 1);
  g_assert_true (ee_rich_text_is_single_paragraph (value (fixture)));
  g_assert_cmpstr (ee_rich_text_get_markdown (value (fixture)), ==, "CitCom.ai (CitComTEF) next line");
}

static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(EeRichText) text = md ("**x**");
  g_autoptr(EeRichText) got = NULL;
  g_autofree char *label = NULL;

  g_object_set (fixture->editor, "value", text, "placeholder", "Describe it", NULL);
  g_assert_cmpuint (fixture->notifies, ==, 0);
  g_object_get (fixture->editor, "value", &got, "label", &label, NULL);
  g_assert_true (ee_rich_text_equal (got, text));
  g_assert_cmpstr (label, ==, "Relevance to LDT4SSC");
  g_assert_cmpstr (ee_rich_text_editor_get_placeholder (fixture->editor), ==, "Describe it");

  /* Setting an equal value keeps the text and the cursor. */
  place_cursor (fixture, 0, 1);
  {
    g_autoptr(EeRichText) same = md ("**x**");
    GtkTextIter iter;

    ee_rich_text_editor_set_value (fixture->editor, same);
    gtk_text_buffer_get_iter_at_mark (fixture->buffer, &iter, gtk_text_buffer_get_insert (fixture->buffer));
    g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, 1);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  /* Without a display there is nothing to test: TAP says so. */
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP No display: run under xvfb-run\n");
      return 0;
    }
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/rich-text-editor/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("round-trip/bundled", test_round_trip_bundled);
  ADD ("round-trip/hand-made", test_round_trip_hand_made);
  ADD ("edit/typing", test_typing);
  ADD ("edit/cursor-skips-prefix", test_cursor_skips_prefix);
  ADD ("commands/enter", test_enter);
  ADD ("commands/indent", test_indent);
  ADD ("commands/bullets", test_bullets);
  ADD ("commands/bold-italic", test_bold_italic);
  ADD ("commands/links", test_links);
  ADD ("commands/single-paragraph", test_single_paragraph);
  ADD ("properties", test_properties);

#undef ADD

  return g_test_run ();
}
