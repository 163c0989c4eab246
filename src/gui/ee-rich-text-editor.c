/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ee-rich-text-editor.h"

/* The buffer holds one line per block, so that what the user sees is what
 * the value holds, without any Markdown syntax:
 *
 * - a bullet line starts with a prefix (a glyph and a space) tagged
 *   "bullet-mark" and "bullet-0" or "bullet-1"; the prefix carries the
 *   hanging indent and is skipped when the buffer is read;
 * - a line break inside a paragraph is U+2028 LINE SEPARATOR, which Pango
 *   breaks at but GtkTextBuffer keeps inside the line;
 * - a raw block is one line tagged "raw" from its start to its end of line,
 *   its own line ends written as U+2028 too;
 * - bold and italic are the tags "bold" and "italic"; each link, each code
 *   span and each piece of inline Markdown kept as written has a tag of its
 *   own, so that two of them side by side stay two runs.
 *
 * Every edit ends with a repair of that structure (a prefix half deleted, a
 * prefix that a deleted line end pulled into the middle of a line) and a
 * read of the buffer into a new value. */

#define LINE_SEPARATOR       "\xe2\x80\xa8"  /* U+2028 */
#define PREFIX_CHARS         2
#define HREF_KEY             "ee-href"
#define MARK_KEY             "ee-mark"

#define TEXT_MARGIN_X        12
#define TEXT_MARGIN_Y        10
#define BULLET_INSET         4   /* how far a bullet glyph sits right of the text */
#define MIN_LINES            3

/* A glyph and an en space: the space gives the text after a bullet the same
 * distance whatever the font. */
static const char * const bullet_prefix[2] = {
  "\xe2\x80\xa2\xe2\x80\x82",  /* • */
  "\xe2\x97\xa6\xe2\x80\x82",  /* ◦ */
};

typedef enum {
  LINE_PARAGRAPH,
  LINE_BULLET,
  LINE_RAW,
} LineKind;

struct _EeRichTextEditor {
  GtkWidget      parent_instance;

  EeRichText    *value;
  char          *label;
  char          *placeholder;
  gboolean       single_paragraph;

  GtkWidget     *toolbar;
  GtkWidget     *bold_button;
  GtkWidget     *italic_button;
  GtkWidget     *link_button;
  GtkWidget     *bullets_button;
  GtkWidget     *outdent_button;
  GtkWidget     *indent_button;
  GtkWidget     *separator;
  GtkWidget     *overlay;
  GtkTextView   *view;
  GtkTextBuffer *buffer;
  GtkWidget     *placeholder_label;

  GtkTextTag    *bold_tag;
  GtkTextTag    *italic_tag;
  GtkTextTag    *raw_tag;
  GtkTextTag    *bullet_mark_tag;
  GtkTextTag    *bullet_tags[2];
  GdkRGBA        link_color;
  GdkRGBA        shade_color;
  int            line_height;

  /* > 0 while the buffer is filled or repaired: its signals are ignored. */
  int            loading;
  /* > 0 while a command inserts structure (line ends, prefixes) that must
   * not take the formatting around it. */
  int            internal;
  gboolean       in_user_action;
  gboolean       dirty;
  gboolean       moving_cursor;
  int            last_cursor_offset;

  /* The formatting of the next typed text, after Ctrl+B or Ctrl+I without a
   * selection; it lasts while the cursor stays where text is typed. */
  gboolean       pending_valid;
  EeMarks        pending_marks;
  int            pending_offset;

  /* What the last typed or pasted text needs once the edit is over. */
  GtkTextMark   *inserted_start;
  GtkTextMark   *inserted_end;
  gboolean       inserted_line_end;
  int            autobullet_line;

  GtkWidget     *link_dialog;
  guint          resize_idle_id;
  guint          scroll_tick_id;
  int            scroll_frames;
};

G_DEFINE_FINAL_TYPE (EeRichTextEditor, ee_rich_text_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_LABEL,
  PROP_PLACEHOLDER,
  PROP_SINGLE_PARAGRAPH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char editor_css[] =
  "richtexteditor {"
  "  outline: 0 solid transparent;"
  "  outline-offset: 4px;"
  "  transition: outline-color 200ms, outline-width 200ms, outline-offset 200ms;"
  "}"
  "richtexteditor.focused {"
  "  outline-color: alpha(@accent_color, 0.5);"
  "  outline-width: 2px;"
  "  outline-offset: -2px;"
  "}"
  /* A problem with the value, as the form's entry rows show theirs. */
  "richtexteditor.warning {"
  "  outline-color: alpha(@warning_color, 0.6);"
  "  outline-width: 2px;"
  "  outline-offset: -2px;"
  "}"
  "richtexteditor.error {"
  "  outline-color: alpha(@error_color, 0.7);"
  "  outline-width: 2px;"
  "  outline-offset: -2px;"
  "}"
  "richtexteditor.error, richtexteditor.warning { color: @view_fg_color; }"
  "richtexteditor > .formatting { padding: 4px 6px; border-spacing: 2px; }"
  "richtexteditor textview, richtexteditor textview > text { background: none; }";

static void update_toolbar     (EeRichTextEditor *self);
static void queue_scroll       (EeRichTextEditor *self);

/* Text ------------------------------------------------------------------- */

/* The buffer writes a line break inside a block as U+2028, the value as
 * "\n". */
static char *
text_to_buffer (const char *text)
{
  g_autoptr(GString) s = g_string_new (text);

  g_string_replace (s, "\r\n", "\n", 0);
  g_string_replace (s, "\n", LINE_SEPARATOR, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
text_from_buffer (const char *text)
{
  g_autoptr(GString) s = g_string_new (text);

  g_string_replace (s, LINE_SEPARATOR, "\n", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
looks_like_url (const char *text)
{
  const char *scheme = g_uri_peek_scheme (text);

  if (strpbrk (text, " \t\n") != NULL)
    return FALSE;
  return g_str_has_prefix (text, "www.")
         || g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0
         || g_strcmp0 (scheme, "mailto") == 0;
}

/* People type "example.org" or "name@example.org" for a web or mail
 * address; the page needs the scheme. */
static char *
normalize_href (const char *text)
{
  g_autofree char *href = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*href == '\0')
    return NULL;
  if (g_uri_peek_scheme (href) != NULL || href[0] == '#' || href[0] == '/')
    return g_steal_pointer (&href);
  if (strchr (href, '@') != NULL && strchr (href, '/') == NULL)
    return g_strconcat ("mailto:", href, NULL);
  return g_strconcat ("https://", href, NULL);
}

/* g_set_str() is newer than GLib 2.74. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Lines --------------------------------------------------------------------- */

static void
get_line_bounds (GtkTextBuffer *buffer,
                 int            line,
                 GtkTextIter   *start,
                 GtkTextIter   *end)
{
  gtk_text_buffer_get_iter_at_line (buffer, start, line);
  *end = *start;
  /* forward_to_line_end() from a line end goes to the next line's end. */
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);
}

static LineKind
line_kind (EeRichTextEditor  *self,
           const GtkTextIter *line_start,
           guint             *level)
{
  g_assert (gtk_text_iter_starts_line (line_start));

  if (level != NULL)
    *level = 0;
  if (gtk_text_iter_has_tag (line_start, self->bullet_mark_tag))
    {
      if (level != NULL)
        *level = gtk_text_iter_has_tag (line_start, self->bullet_tags[1]) ? 1 : 0;
      return LINE_BULLET;
    }
  if (!gtk_text_iter_ends_line (line_start) && gtk_text_iter_has_tag (line_start, self->raw_tag))
    return LINE_RAW;
  return LINE_PARAGRAPH;
}

static LineKind
line_kind_at (EeRichTextEditor  *self,
              int                line,
              guint             *level)
{
  GtkTextIter start;

  gtk_text_buffer_get_iter_at_line (self->buffer, &start, line);
  return line_kind (self, &start, level);
}

/* How many characters at the start of the line are a bullet's prefix. */
static int
prefix_length (EeRichTextEditor  *self,
               const GtkTextIter *line_start)
{
  GtkTextIter iter = *line_start;
  int n = 0;

  while (!gtk_text_iter_ends_line (&iter) && gtk_text_iter_has_tag (&iter, self->bullet_mark_tag))
    {
      n++;
      gtk_text_iter_forward_char (&iter);
    }
  return n;
}

/* Sets @iter to where the text of its line starts, after any prefix. */
static void
iter_to_content_start (EeRichTextEditor *self,
                       GtkTextIter      *iter)
{
  gtk_text_iter_set_line_offset (iter, 0);
  gtk_text_iter_forward_chars (iter, prefix_length (self, iter));
}

static gboolean
line_is_empty (EeRichTextEditor *self,
               int               line)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_line (self->buffer, &iter, line);
  iter_to_content_start (self, &iter);
  return gtk_text_iter_ends_line (&iter);
}

/* The lines a command works on: those of the selection, without the line
 * where a selection ends at its very start, or the cursor's line. */
static void
get_selected_lines (EeRichTextEditor *self,
                    int              *first,
                    int              *last)
{
  GtkTextIter start, end;

  if (gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end)
      && gtk_text_iter_starts_line (&end) && gtk_text_iter_get_line (&end) > gtk_text_iter_get_line (&start))
    gtk_text_iter_backward_char (&end);
  *first = gtk_text_iter_get_line (&start);
  *last = gtk_text_iter_get_line (&end);
}

/* Tags ------------------------------------------------------------------------ */

static EeMarks
tag_get_mark (GtkTextTag *tag)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (tag), MARK_KEY));
}

static const char *
tag_get_href (GtkTextTag *tag)
{
  return g_object_get_data (G_OBJECT (tag), HREF_KEY);
}

static void
style_run_tag (EeRichTextEditor *self,
               GtkTextTag       *tag)
{
  if (tag_get_href (tag) != NULL)
    g_object_set (tag,
                  "foreground-rgba", &self->link_color,
                  "underline", PANGO_UNDERLINE_SINGLE,
                  NULL);
  else if (tag_get_mark (tag) != EE_MARK_NONE)
    g_object_set (tag,
                  "family", "monospace",
                  "background-rgba", &self->shade_color,
                  NULL);
}

/* Each link, code span and inline piece kept as written has its own tag;
 * see the comment at the top. */
static GtkTextTag *
run_tag_new (EeRichTextEditor *self,
             EeMarks           mark,
             const char       *href)
{
  GtkTextTag *tag = gtk_text_buffer_create_tag (self->buffer, NULL, NULL);

  if (href != NULL)
    g_object_set_data_full (G_OBJECT (tag), HREF_KEY, g_strdup (href), g_free);
  else
    g_object_set_data (G_OBJECT (tag), MARK_KEY, GUINT_TO_POINTER (mark));
  style_run_tag (self, tag);
  return tag;
}

static void
collect_run_tag_cb (GtkTextTag *tag,
                    gpointer    user_data)
{
  if (tag_get_href (tag) != NULL || tag_get_mark (tag) != EE_MARK_NONE)
    g_ptr_array_add (user_data, tag);
}

static GPtrArray *
get_run_tags (EeRichTextEditor *self)
{
  GPtrArray *tags = g_ptr_array_new ();

  gtk_text_tag_table_foreach (gtk_text_buffer_get_tag_table (self->buffer), collect_run_tag_cb, tags);
  return tags;
}

/* The tag at @iter that makes a run of its own, with the mark or link
 * @want (EE_MARK_NONE with @want_link for links). */
static GtkTextTag *
find_run_tag (const GtkTextIter *iter,
              EeMarks            want,
              gboolean           want_link)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    if (want_link ? tag_get_href (l->data) != NULL : tag_get_mark (l->data) == want)
      return l->data;
  return NULL;
}

static EeMarks
marks_at (EeRichTextEditor  *self,
          const GtkTextIter *iter,
          const char       **href)
{
  g_autoptr(GSList) tags = gtk_text_iter_get_tags (iter);
  EeMarks marks = EE_MARK_NONE;

  if (href != NULL)
    *href = NULL;
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      GtkTextTag *tag = l->data;

      if (tag == self->bold_tag)
        marks |= EE_MARK_BOLD;
      else if (tag == self->italic_tag)
        marks |= EE_MARK_ITALIC;
      else if (tag_get_href (tag) != NULL && href != NULL)
        *href = tag_get_href (tag);
      else
        marks |= tag_get_mark (tag);
    }
  return marks;
}

static void
apply_marks (EeRichTextEditor  *self,
             const GtkTextIter *start,
             const GtkTextIter *end,
             EeMarks            marks)
{
  if (marks & EE_MARK_BOLD)
    gtk_text_buffer_apply_tag (self->buffer, self->bold_tag, start, end);
  if (marks & EE_MARK_ITALIC)
    gtk_text_buffer_apply_tag (self->buffer, self->italic_tag, start, end);
}

/* A field of one paragraph is one line high; others show a few lines, so
 * that they look like they take more. */
static void
update_min_height (EeRichTextEditor *self)
{
  int lines = self->single_paragraph ? 1 : MIN_LINES;

  if (self->line_height > 0)
    gtk_widget_set_size_request (GTK_WIDGET (self->view), -1,
                                 lines * self->line_height + 2 * TEXT_MARGIN_Y);
}

static void
update_tag_metrics (EeRichTextEditor *self)
{
  GtkWidget *view = GTK_WIDGET (self->view);
  PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (view), NULL, NULL);
  int line_height = PANGO_PIXELS (pango_font_metrics_get_height (metrics));
  int indent = TEXT_MARGIN_X + BULLET_INSET;

  if (line_height <= 0)
    line_height = PANGO_PIXELS (pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics));
  pango_font_metrics_unref (metrics);

  /* A wrapped bullet line continues under its text, not under its glyph,
   * and a nested bullet's glyph sits under its parent's text. */
  for (guint level = 0; level < G_N_ELEMENTS (self->bullet_tags); level++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (view, bullet_prefix[level]);
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      g_object_set (self->bullet_tags[level],
                    "left-margin", indent + width,
                    "indent", -width,
                    NULL);
      indent += width;
    }

  self->line_height = line_height;
  update_min_height (self);
}

static void
update_tag_colors (EeRichTextEditor *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self->view));
  GdkRGBA link, shade;
  g_autoptr(GPtrArray) tags = NULL;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, "accent_color", &link))
    gdk_rgba_parse (&link, "#1c71d8");
  if (!gtk_style_context_lookup_color (context, "view_fg_color", &shade))
    gdk_rgba_parse (&shade, "black");
  G_GNUC_END_IGNORE_DEPRECATIONS
  shade.alpha = 0.08f;

  if (gdk_rgba_equal (&link, &self->link_color) && gdk_rgba_equal (&shade, &self->shade_color))
    return;
  self->link_color = link;
  self->shade_color = shade;

  g_object_set (self->raw_tag, "paragraph-background-rgba", &shade, NULL);
  tags = get_run_tags (self);
  for (guint i = 0; i < tags->len; i++)
    style_run_tag (self, g_ptr_array_index (tags, i));
}

/* Buffer and value ---------------------------------------------------------- */

static void
insert_prefix (EeRichTextEditor *self,
               GtkTextIter      *iter,
               guint             level)
{
  GtkTextIter start;
  int offset = gtk_text_iter_get_offset (iter);

  g_assert (level < G_N_ELEMENTS (bullet_prefix));

  self->internal++;
  gtk_text_buffer_insert (self->buffer, iter, bullet_prefix[level], -1);
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, offset);
  gtk_text_buffer_remove_all_tags (self->buffer, &start, iter);
  gtk_text_buffer_apply_tag (self->buffer, self->bullet_mark_tag, &start, iter);
  gtk_text_buffer_apply_tag (self->buffer, self->bullet_tags[level], &start, iter);
  self->internal--;
}

static void
insert_runs (EeRichTextEditor *self,
             GtkTextIter      *iter,
             const EeBlock    *block)
{
  GtkTextTag *link_tag = NULL;
  const char *link_href = NULL;

  for (guint i = 0; i < block->runs->len; i++)
    {
      const EeRun *run = g_ptr_array_index (block->runs, i);
      g_autofree char *text = text_to_buffer (run->text);
      int offset = gtk_text_iter_get_offset (iter);
      GtkTextIter start;

      /* Runs of one link with different formatting share its tag. */
      if (run->href == NULL)
        link_tag = NULL;
      else if (link_tag == NULL || g_strcmp0 (link_href, run->href) != 0)
        {
          link_tag = run_tag_new (self, EE_MARK_NONE, run->href);
          link_href = run->href;
        }

      gtk_text_buffer_insert (self->buffer, iter, text, -1);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, offset);
      apply_marks (self, &start, iter, run->marks);
      if (link_tag != NULL)
        gtk_text_buffer_apply_tag (self->buffer, link_tag, &start, iter);
      if (run->marks & (EE_MARK_CODE | EE_MARK_RAW))
        gtk_text_buffer_apply_tag (self->buffer,
                                   run_tag_new (self, run->marks & (EE_MARK_CODE | EE_MARK_RAW), NULL),
                                   &start, iter);
    }
}

static void
insert_block (EeRichTextEditor *self,
              GtkTextIter      *iter,
              const EeBlock    *block)
{
  if (block->kind == EE_BLOCK_RAW)
    {
      g_autofree char *text = text_to_buffer (block->raw);
      int offset = gtk_text_iter_get_offset (iter);
      GtkTextIter start;

      gtk_text_buffer_insert (self->buffer, iter, text, -1);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, offset);
      gtk_text_buffer_apply_tag (self->buffer, self->raw_tag, &start, iter);
      return;
    }

  if (block->kind == EE_BLOCK_BULLET)
    insert_prefix (self, iter, MIN (block->level, 1));
  insert_runs (self, iter, block);
}

static void
read_runs (EeRichTextEditor  *self,
           EeRichTextBuilder *builder,
           GtkTextIter       *iter,
           const GtkTextIter *end)
{
  while (gtk_text_iter_compare (iter, end) < 0)
    {
      GtkTextIter next = *iter;
      g_autofree char *slice = NULL;
      g_autofree char *text = NULL;
      const char *href;
      EeMarks marks;

      if (!gtk_text_iter_forward_to_tag_toggle (&next, NULL) || gtk_text_iter_compare (&next, end) > 0)
        next = *end;

      marks = marks_at (self, iter, &href);
      slice = gtk_text_iter_get_text (iter, &next);
      text = text_from_buffer (slice);
      if (!gtk_text_iter_has_tag (iter, self->bullet_mark_tag))
        ee_rich_text_builder_add_text (builder, text, marks, href);
      *iter = next;
    }
}

/* Structure ------------------------------------------------------------------- */

static void
set_line_kind (EeRichTextEditor *self,
               int               line,
               LineKind          kind,
               guint             level)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_line (self->buffer, &start, line);
  end = start;
  gtk_text_iter_forward_chars (&end, prefix_length (self, &start));
  if (!gtk_text_iter_equal (&start, &end))
    gtk_text_buffer_delete (self->buffer, &start, &end);
  if (kind == LINE_BULLET)
    insert_prefix (self, &start, level);
}

/* Makes the buffer follow the rules at the top again after an edit: one
 * whole prefix at the start of a bullet line and nowhere else, a nested
 * bullet only under another bullet, "raw" over all of a raw line. */
static void
repair_line (EeRichTextEditor *self,
             int               line)
{
  GtkTextIter start, end, next;
  guint level;
  LineKind kind;
  int n;

  gtk_text_buffer_get_iter_at_line (self->buffer, &start, line);
  kind = line_kind (self, &start, &level);

  if (kind == LINE_BULLET)
    {
      g_autofree char *prefix = NULL;

      n = prefix_length (self, &start);
      end = start;
      gtk_text_iter_forward_chars (&end, n);
      prefix = gtk_text_iter_get_text (&start, &end);
      if (level > 0 && (line == 0 || line_kind_at (self, line - 1, NULL) != LINE_BULLET))
        level = 0;
      if (n != PREFIX_CHARS || strcmp (prefix, bullet_prefix[level]) != 0
          || !gtk_text_iter_has_tag (&start, self->bullet_tags[level]))
        set_line_kind (self, line, LINE_BULLET, level);
    }

  /* A prefix that a deleted line end brought into the middle of a line. */
  for (;;)
    {
      get_line_bounds (self->buffer, line, &start, &end);
      gtk_text_iter_forward_chars (&start, prefix_length (self, &start));
      if (!gtk_text_iter_forward_to_tag_toggle (&start, self->bullet_mark_tag)
          || gtk_text_iter_compare (&start, &end) >= 0)
        break;
      next = start;
      gtk_text_iter_forward_to_tag_toggle (&next, self->bullet_mark_tag);
      if (gtk_text_iter_compare (&next, &end) > 0)
        next = end;
      gtk_text_buffer_delete (self->buffer, &start, &next);
    }

  gtk_text_buffer_get_iter_at_line (self->buffer, &start, line);
  next = start;
  if (!gtk_text_iter_forward_line (&next))
    gtk_text_buffer_get_end_iter (self->buffer, &next);
  if (kind == LINE_RAW)
    {
      gtk_text_buffer_remove_all_tags (self->buffer, &start, &next);
      gtk_text_buffer_apply_tag (self->buffer, self->raw_tag, &start, &next);
    }
  else
    gtk_text_buffer_remove_tag (self->buffer, self->raw_tag, &start, &next);
}

/* Replaces the line ends of the last inserted text: a field of one
 * paragraph gets spaces, a raw block line breaks of its own. */
static void
fold_inserted_line_ends (EeRichTextEditor *self)
{
  GtkTextIter iter, end, next;
  const char *replacement;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, self->inserted_start);
  if (self->single_paragraph)
    replacement = " ";
  else
    {
      GtkTextIter line_start = iter;

      gtk_text_iter_set_line_offset (&line_start, 0);
      if (line_kind (self, &line_start, NULL) != LINE_RAW)
        return;
      replacement = LINE_SEPARATOR;
    }

  for (;;)
    {
      gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->inserted_end);
      if (!gtk_text_iter_ends_line (&iter))
        gtk_text_iter_forward_to_line_end (&iter);
      if (gtk_text_iter_compare (&iter, &end) >= 0 || gtk_text_iter_is_end (&iter))
        break;
      next = iter;
      gtk_text_iter_forward_line (&next);
      /* The prefix of a pasted bullet goes with its line end. */
      gtk_text_iter_forward_chars (&next, prefix_length (self, &next));
      gtk_text_buffer_delete (self->buffer, &iter, &next);
      gtk_text_buffer_insert (self->buffer, &iter, replacement, -1);
    }
}

static void
apply_autobullet (EeRichTextEditor *self)
{
  int line = self->autobullet_line;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  self->autobullet_line = -1;
  if (line >= gtk_text_buffer_get_line_count (self->buffer) || line_kind_at (self, line, NULL) != LINE_PARAGRAPH)
    return;
  gtk_text_buffer_get_iter_at_line (self->buffer, &start, line);
  end = start;
  gtk_text_iter_forward_chars (&end, 2);
  text = gtk_text_iter_get_text (&start, &end);
  if (strcmp (text, "- ") != 0 && strcmp (text, "* ") != 0)
    return;
  gtk_text_buffer_delete (self->buffer, &start, &end);
  set_line_kind (self, line, LINE_BULLET, 0);
}

/* Keeps the cursor out of a bullet's prefix: where text cannot go. */
static void
clamp_cursor (EeRichTextEditor *self)
{
  GtkTextMark *marks[2] = {
    gtk_text_buffer_get_insert (self->buffer),
    gtk_text_buffer_get_selection_bound (self->buffer),
  };
  GtkTextIter iter;

  self->moving_cursor = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      GtkTextIter content;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, marks[i]);
      content = iter;
      iter_to_content_start (self, &content);
      if (gtk_text_iter_compare (&iter, &content) >= 0)
        continue;

      /* Left from the start of a bullet's text goes on to the line above. */
      if (i == 0 && gtk_text_iter_get_line (&iter) > 0
          && self->last_cursor_offset == gtk_text_iter_get_offset (&content)
          && gtk_text_iter_get_offset (&iter) == self->last_cursor_offset - 1)
        {
          gtk_text_iter_set_line_offset (&content, 0);
          gtk_text_iter_backward_char (&content);
        }
      if (i == 0 && !gtk_text_buffer_get_has_selection (self->buffer))
        gtk_text_buffer_place_cursor (self->buffer, &content);
      else
        gtk_text_buffer_move_mark (self->buffer, marks[i], &content);
    }
  self->moving_cursor = FALSE;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, marks[0]);
  self->last_cursor_offset = gtk_text_iter_get_offset (&iter);
}

static void
update_placeholder (EeRichTextEditor *self)
{
  gtk_widget_set_visible (self->placeholder_label,
                          self->placeholder != NULL && gtk_text_buffer_get_char_count (self->buffer) == 0);
}

/* Makes the buffer follow the rules at the top again. */
static void
repair_buffer (EeRichTextEditor *self)
{
  self->loading++;
  if (self->inserted_line_end)
    fold_inserted_line_ends (self);
  if (self->autobullet_line >= 0 && !self->single_paragraph)
    apply_autobullet (self);
  for (int line = 0; line < gtk_text_buffer_get_line_count (self->buffer); line++)
    repair_line (self, line);
  self->loading--;

  self->inserted_line_end = FALSE;
  self->autobullet_line = -1;
  self->dirty = FALSE;
  clamp_cursor (self);
  update_placeholder (self);
  update_toolbar (self);
}

/* Ends every edit: repairs the structure, then reads the new value. */
static void
finish_edit (EeRichTextEditor *self)
{
  g_autoptr(EeRichText) value = NULL;

  if (self->loading > 0)
    return;

  repair_buffer (self);
  value = ee_rich_text_editor_read_buffer (self);
  if (ee_rich_text_equal (value, self->value))
    return;
  g_clear_pointer (&self->value, ee_rich_text_unref);
  self->value = g_steal_pointer (&value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

static void
fill_buffer (EeRichTextEditor *self)
{
  g_autoptr(GPtrArray) tags = get_run_tags (self);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  GtkTextIter iter;
  int cursor;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  cursor = gtk_text_iter_get_offset (&iter);

  self->loading++;
  gtk_text_buffer_set_text (self->buffer, "", 0);
  for (guint i = 0; i < tags->len; i++)
    gtk_text_tag_table_remove (table, g_ptr_array_index (tags, i));

  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  for (guint i = 0; i < ee_rich_text_get_n_blocks (self->value); i++)
    {
      if (i > 0)
        gtk_text_buffer_insert (self->buffer, &iter, "\n", 1);
      insert_block (self, &iter, ee_rich_text_get_block (self->value, i));
    }
  self->loading--;

  self->pending_valid = FALSE;
  self->dirty = FALSE;
  self->autobullet_line = -1;
  self->inserted_line_end = FALSE;

  /* Undo puts the value back with the cursor about where it was. */
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, cursor);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
  /* The value stays the one set, even if the text could not hold it
   * exactly (read_buffer() is there for tests to tell). */
  repair_buffer (self);
}

static void
buffer_edited (EeRichTextEditor *self)
{
  if (self->loading > 0)
    return;
  self->dirty = TRUE;
  if (!self->in_user_action)
    finish_edit (self);
}

/* Commands ------------------------------------------------------------------ */

/* The marks that text typed at the cursor gets. */
static EeMarks
insertion_marks (EeRichTextEditor *self)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  if (self->pending_valid && gtk_text_iter_get_offset (&iter) == self->pending_offset)
    return self->pending_marks;
  if (gtk_text_iter_starts_line (&iter) || !gtk_text_iter_backward_char (&iter)
      || gtk_text_iter_has_tag (&iter, self->bullet_mark_tag))
    return EE_MARK_NONE;
  return marks_at (self, &iter, NULL) & (EE_MARK_BOLD | EE_MARK_ITALIC);
}

/* Calls @func on each piece of text in the range that can carry inline
 * formatting: not a prefix, not a raw line, not a line end.  Stops and
 * returns FALSE when @func does. */
static gboolean
foreach_text_range (EeRichTextEditor  *self,
                    const GtkTextIter *start,
                    const GtkTextIter *end,
                    gboolean         (*func) (EeRichTextEditor *, GtkTextIter *, GtkTextIter *, gpointer),
                    gpointer           data)
{
  int first = gtk_text_iter_get_line (start);
  int last = gtk_text_iter_get_line (end);
  int start_offset = gtk_text_iter_get_offset (start);
  int end_offset = gtk_text_iter_get_offset (end);

  for (int line = first; line <= last; line++)
    {
      GtkTextIter a, b;

      if (line_kind_at (self, line, NULL) == LINE_RAW)
        continue;
      get_line_bounds (self->buffer, line, &a, &b);
      iter_to_content_start (self, &a);
      if (gtk_text_iter_get_offset (&a) < start_offset)
        gtk_text_buffer_get_iter_at_offset (self->buffer, &a, start_offset);
      if (gtk_text_iter_get_offset (&b) > end_offset)
        gtk_text_buffer_get_iter_at_offset (self->buffer, &b, end_offset);
      if (gtk_text_iter_compare (&a, &b) < 0 && !func (self, &a, &b, data))
        return FALSE;
    }
  return TRUE;
}

static gboolean
range_has_tag_cb (EeRichTextEditor *self,
                  GtkTextIter      *start,
                  GtkTextIter      *end,
                  gpointer          tag)
{
  GtkTextIter next = *start;

  if (!gtk_text_iter_has_tag (start, tag))
    return FALSE;
  return !gtk_text_iter_forward_to_tag_toggle (&next, tag) || gtk_text_iter_compare (&next, end) >= 0;
}

static gboolean
apply_tag_cb (EeRichTextEditor *self,
              GtkTextIter      *start,
              GtkTextIter      *end,
              gpointer          tag)
{
  gtk_text_buffer_apply_tag (self->buffer, tag, start, end);
  return TRUE;
}

static gboolean
remove_tag_cb (EeRichTextEditor *self,
               GtkTextIter      *start,
               GtkTextIter      *end,
               gpointer          tag)
{
  gtk_text_buffer_remove_tag (self->buffer, tag, start, end);
  return TRUE;
}

static gboolean
remove_links_cb (EeRichTextEditor *self,
                 GtkTextIter      *start,
                 GtkTextIter      *end,
                 gpointer          data)
{
  g_autoptr(GPtrArray) tags = get_run_tags (self);

  for (guint i = 0; i < tags->len; i++)
    if (tag_get_href (g_ptr_array_index (tags, i)) != NULL)
      gtk_text_buffer_remove_tag (self->buffer, g_ptr_array_index (tags, i), start, end);
  return TRUE;
}

static gboolean
found_range_cb (EeRichTextEditor *self,
                GtkTextIter      *start,
                GtkTextIter      *end,
                gpointer          found)
{
  *(gboolean *) found = TRUE;
  return FALSE;
}

/* Whether all text of the selection has @tag; a selection of prefixes and
 * line ends only has no formatting. */
static gboolean
selection_has_tag (EeRichTextEditor *self,
                   GtkTextTag       *tag)
{
  GtkTextIter start, end;
  gboolean found = FALSE;

  gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end);
  foreach_text_range (self, &start, &end, found_range_cb, &found);
  return found && foreach_text_range (self, &start, &end, range_has_tag_cb, tag);
}

static void
toggle_mark (EeRichTextEditor *self,
             GtkTextTag       *tag,
             EeMarks           mark)
{
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    {
      self->pending_marks = insertion_marks (self) ^ mark;
      self->pending_offset = gtk_text_iter_get_offset (&start);
      self->pending_valid = TRUE;
      update_toolbar (self);
      return;
    }

  gtk_text_buffer_begin_user_action (self->buffer);
  foreach_text_range (self, &start, &end,
                      selection_has_tag (self, tag) ? remove_tag_cb : apply_tag_cb, tag);
  gtk_text_buffer_end_user_action (self->buffer);
  update_toolbar (self);
}

/* The range of the link at or just before @iter. */
static GtkTextTag *
link_at (EeRichTextEditor  *self,
         const GtkTextIter *iter,
         GtkTextIter       *start,
         GtkTextIter       *end)
{
  GtkTextTag *tag = find_run_tag (iter, EE_MARK_NONE, TRUE);
  GtkTextIter before = *iter;

  if (tag == NULL && !gtk_text_iter_starts_line (iter) && gtk_text_iter_backward_char (&before))
    tag = find_run_tag (&before, EE_MARK_NONE, TRUE);
  if (tag == NULL)
    return NULL;

  *start = *iter;
  if (!gtk_text_iter_starts_tag (start, tag))
    gtk_text_iter_backward_to_tag_toggle (start, tag);
  *end = *iter;
  if (!gtk_text_iter_ends_tag (end, tag))
    gtk_text_iter_forward_to_tag_toggle (end, tag);
  return tag;
}

/* Makes the selection, or else the link at the cursor, link to @href, or
 * removes its link when @href is NULL; inserts @href as a link when there
 * is neither. */
static void
set_link (EeRichTextEditor *self,
          const char       *href)
{
  GtkTextIter start, end, cursor;
  gboolean has_range;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  has_range = gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end)
              || link_at (self, &cursor, &start, &end) != NULL;

  gtk_text_buffer_begin_user_action (self->buffer);
  if (has_range)
    {
      foreach_text_range (self, &start, &end, remove_links_cb, NULL);
      if (href != NULL)
        foreach_text_range (self, &start, &end, apply_tag_cb, run_tag_new (self, EE_MARK_NONE, href));
    }
  else if (href != NULL && line_kind_at (self, gtk_text_iter_get_line (&cursor), NULL) != LINE_RAW)
    {
      int offset = gtk_text_iter_get_offset (&cursor);

      self->internal++;
      gtk_text_buffer_insert (self->buffer, &cursor, href, -1);
      self->internal--;
      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, offset);
      apply_marks (self, &start, &cursor, insertion_marks (self));
      gtk_text_buffer_apply_tag (self->buffer, run_tag_new (self, EE_MARK_NONE, href), &start, &cursor);
      gtk_text_buffer_place_cursor (self->buffer, &cursor);
    }
  gtk_text_buffer_end_user_action (self->buffer);
}

static void
toggle_bullets (EeRichTextEditor *self)
{
  int first, last;
  gboolean all_bullets = TRUE;

  get_selected_lines (self, &first, &last);
  for (int line = first; line <= last; line++)
    if (line_kind_at (self, line, NULL) == LINE_PARAGRAPH)
      all_bullets = FALSE;

  gtk_text_buffer_begin_user_action (self->buffer);
  for (int line = first; line <= last; line++)
    {
      LineKind kind = line_kind_at (self, line, NULL);

      if (kind == LINE_RAW)
        continue;
      if (all_bullets)
        set_line_kind (self, line, LINE_PARAGRAPH, 0);
      else if (kind == LINE_PARAGRAPH)
        set_line_kind (self, line, LINE_BULLET, 0);
    }
  gtk_text_buffer_end_user_action (self->buffer);
}

/* Whether some selected line can be nested (@delta 1) or un-nested (-1). */
static gboolean
can_change_level (EeRichTextEditor *self,
                  int               delta)
{
  int first, last;

  if (self->single_paragraph)
    return FALSE;
  get_selected_lines (self, &first, &last);
  for (int line = first; line <= last; line++)
    {
      guint level;

      if (line_kind_at (self, line, &level) != LINE_BULLET)
        continue;
      if (delta < 0 || (level == 0 && line > 0 && line_kind_at (self, line - 1, NULL) == LINE_BULLET))
        return TRUE;
    }
  return FALSE;
}

/* Nests (@delta 1) or un-nests (-1) the selected bullets; un-nesting a
 * bullet of the first level makes it a paragraph. */
static void
change_level (EeRichTextEditor *self,
              int               delta)
{
  int first, last;

  get_selected_lines (self, &first, &last);
  gtk_text_buffer_begin_user_action (self->buffer);
  for (int line = first; line <= last; line++)
    {
      guint level;

      if (line_kind_at (self, line, &level) != LINE_BULLET)
        continue;
      if (delta > 0 && level == 0 && line > 0 && line_kind_at (self, line - 1, NULL) == LINE_BULLET)
        set_line_kind (self, line, LINE_BULLET, 1);
      else if (delta < 0)
        set_line_kind (self, line, level > 0 ? LINE_BULLET : LINE_PARAGRAPH, 0);
    }
  gtk_text_buffer_end_user_action (self->buffer);
}

/* Starts a new block at the cursor, of @kind. */
static void
split_line (EeRichTextEditor *self,
            LineKind          kind,
            guint             level)
{
  GtkTextIter iter, start;
  int offset;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  offset = gtk_text_iter_get_offset (&iter);
  self->internal++;
  gtk_text_buffer_insert (self->buffer, &iter, "\n", 1);
  self->internal--;
  gtk_text_buffer_get_iter_at_offset (self->buffer, &start, offset);
  gtk_text_buffer_remove_all_tags (self->buffer, &start, &iter);
  if (kind == LINE_BULLET)
    insert_prefix (self, &iter, level);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
}

static void
newline (EeRichTextEditor *self)
{
  GtkTextIter iter;
  guint level;
  int line;

  if (self->single_paragraph)
    return;

  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete_selection (self->buffer, TRUE, TRUE);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  line = gtk_text_iter_get_line (&iter);
  switch (line_kind_at (self, line, &level))
    {
    case LINE_RAW:
      if (gtk_text_iter_ends_line (&iter))
        split_line (self, LINE_PARAGRAPH, 0);
      else
        gtk_text_buffer_insert_interactive_at_cursor (self->buffer, LINE_SEPARATOR, -1, TRUE);
      break;
    case LINE_BULLET:
      /* Enter on an empty bullet ends the list. */
      if (line_is_empty (self, line))
        set_line_kind (self, line, LINE_PARAGRAPH, 0);
      else
        split_line (self, LINE_BULLET, level);
      break;
    case LINE_PARAGRAPH:
    default:
      split_line (self, LINE_PARAGRAPH, 0);
      break;
    }
  gtk_text_buffer_end_user_action (self->buffer);
  queue_scroll (self);
}

static void
line_break (EeRichTextEditor *self)
{
  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete_selection (self->buffer, TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (self->buffer, LINE_SEPARATOR, -1, TRUE);
  gtk_text_buffer_end_user_action (self->buffer);
  queue_scroll (self);
}

/* Link dialog ------------------------------------------------------------- */

typedef struct {
  EeRichTextEditor *self;
  GtkTextMark      *start;
  GtkTextMark      *end;
  GtkWidget        *entry;
} LinkDialog;

static void
link_dialog_free (gpointer data)
{
  LinkDialog *dialog = data;

  if (!gtk_text_mark_get_deleted (dialog->start))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (dialog->start), dialog->start);
  if (!gtk_text_mark_get_deleted (dialog->end))
    gtk_text_buffer_delete_mark (gtk_text_mark_get_buffer (dialog->end), dialog->end);
  g_object_unref (dialog->start);
  g_object_unref (dialog->end);
  g_free (dialog);
}

static void
link_entry_changed_cb (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  g_autofree char *href = normalize_href (gtk_editable_get_text (entry));

  adw_message_dialog_set_response_enabled (dialog, "apply", href != NULL);
}

static void
link_dialog_response_cb (AdwMessageDialog *message_dialog,
                         const char       *response,
                         LinkDialog       *dialog)
{
  EeRichTextEditor *self = dialog->self;
  GtkTextIter start, end;
  g_autofree char *href = NULL;

  if (g_strcmp0 (response, "apply") == 0)
    {
      href = normalize_href (gtk_editable_get_text (GTK_EDITABLE (dialog->entry)));
      if (href == NULL)
        return;
    }
  else if (g_strcmp0 (response, "remove") != 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->view));
      return;
    }

  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, dialog->start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, dialog->end);
  gtk_text_buffer_select_range (self->buffer, &end, &start);
  set_link (self, href);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, dialog->end);
  gtk_text_buffer_place_cursor (self->buffer, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
show_link_dialog (EeRichTextEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkTextIter start, end, cursor;
  GtkTextTag *tag = NULL;
  AdwMessageDialog *message_dialog;
  LinkDialog *dialog;
  g_autofree char *selected = NULL;
  const char *href = NULL;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &cursor, gtk_text_buffer_get_insert (self->buffer));
  if (gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    {
      tag = find_run_tag (&start, EE_MARK_NONE, TRUE);
      selected = g_strstrip (gtk_text_iter_get_text (&start, &end));
    }
  else
    tag = link_at (self, &cursor, &start, &end);
  if (tag != NULL)
    href = tag_get_href (tag);
  else if (selected != NULL && looks_like_url (selected))
    href = selected;

  message_dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                               tag != NULL ? _("Edit Link") : _("Add Link"),
                                                               NULL));
  if (tag != NULL)
    adw_message_dialog_set_body (message_dialog, _("Change the web address the link leads to, or remove the link."));
  else if (gtk_text_iter_equal (&start, &end))
    adw_message_dialog_set_body (message_dialog, _("The web address is added as a link at the cursor."));
  else
    adw_message_dialog_set_body (message_dialog, _("The selected text will link to this web address."));

  dialog = g_new0 (LinkDialog, 1);
  dialog->self = self;
  dialog->start = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE));
  dialog->end = g_object_ref (gtk_text_buffer_create_mark (self->buffer, NULL, &end, FALSE));
  dialog->entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (dialog->entry), _("Web address"));
  gtk_entry_set_input_purpose (GTK_ENTRY (dialog->entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_activates_default (GTK_ENTRY (dialog->entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Web address"),
                                  -1);
  gtk_editable_set_text (GTK_EDITABLE (dialog->entry), href != NULL ? href : "");
  adw_message_dialog_set_extra_child (message_dialog, dialog->entry);

  adw_message_dialog_add_response (message_dialog, "cancel", _("_Cancel"));
  if (tag != NULL)
    {
      adw_message_dialog_add_response (message_dialog, "remove", _("_Remove Link"));
      adw_message_dialog_set_response_appearance (message_dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (message_dialog, "apply", tag != NULL ? _("_Save") : _("_Add Link"));
  adw_message_dialog_set_response_appearance (message_dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message_dialog, "apply");
  adw_message_dialog_set_close_response (message_dialog, "cancel");
  link_entry_changed_cb (GTK_EDITABLE (dialog->entry), message_dialog);

  g_object_set_data_full (G_OBJECT (message_dialog), "ee-link-dialog", dialog, link_dialog_free);
  g_signal_connect (dialog->entry, "changed", G_CALLBACK (link_entry_changed_cb), message_dialog);
  g_signal_connect (message_dialog, "response", G_CALLBACK (link_dialog_response_cb), dialog);
  /* The editor closes the dialog when it goes away first. */
  g_set_weak_pointer (&self->link_dialog, GTK_WIDGET (message_dialog));

  gtk_window_set_focus (GTK_WINDOW (message_dialog), dialog->entry);
  gtk_window_present (GTK_WINDOW (message_dialog));
}

/* Scrolling ----------------------------------------------------------------- */

/* The text view grows with its text and the page around it scrolls, so the
 * page must follow the cursor, as a scrolled text view would. */
static void
scroll_to_cursor (EeRichTextEditor *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  GdkRectangle rect;
  graphene_point_t point;
  GtkTextIter iter;
  double value, top, bottom, height;
  const int margin = TEXT_MARGIN_Y;

  if (scrolled == NULL)
    return;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  gtk_text_view_get_iter_location (self->view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (self->view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &rect.x, &rect.y);
  if (!gtk_widget_compute_point (GTK_WIDGET (self->view), scrolled, &GRAPHENE_POINT_INIT (rect.x, rect.y), &point))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  height = gtk_widget_get_height (scrolled);
  top = point.y - margin;
  bottom = point.y + rect.height + margin;
  if (top < 0)
    gtk_adjustment_set_value (adjustment, value + top);
  else if (bottom > height)
    gtk_adjustment_set_value (adjustment, value + bottom - height);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  EeRichTextEditor *self = EE_RICH_TEXT_EDITOR (widget);

  /* Tick callbacks run before the layout: the first frame lays the edit
   * out, the next one knows where the cursor is. */
  if (self->scroll_frames++ < 1)
    return G_SOURCE_CONTINUE;
  self->scroll_tick_id = 0;
  scroll_to_cursor (self);
  return G_SOURCE_REMOVE;
}

static void
queue_scroll (EeRichTextEditor *self)
{
  if (self->scroll_tick_id != 0 || !gtk_widget_has_focus (GTK_WIDGET (self->view)))
    return;
  self->scroll_frames = 0;
  self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_tick_cb, NULL, NULL);
}

/* Toolbar ------------------------------------------------------------------- */

static void
set_toggle (GtkWidget *button,
            gboolean   active)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), active);
}

static void
update_toolbar (EeRichTextEditor *self)
{
  EeMarks marks;
  int first, last;
  gboolean any_bullet = FALSE;
  gboolean any_paragraph = FALSE;
  gboolean can_list;
  GtkWidget *focusable = NULL;

  if (gtk_text_buffer_get_has_selection (self->buffer))
    marks = (selection_has_tag (self, self->bold_tag) ? EE_MARK_BOLD : 0)
            | (selection_has_tag (self, self->italic_tag) ? EE_MARK_ITALIC : 0);
  else
    marks = insertion_marks (self);
  set_toggle (self->bold_button, (marks & EE_MARK_BOLD) != 0);
  set_toggle (self->italic_button, (marks & EE_MARK_ITALIC) != 0);

  get_selected_lines (self, &first, &last);
  for (int line = first; line <= last; line++)
    switch (line_kind_at (self, line, NULL))
      {
      case LINE_BULLET:
        any_bullet = TRUE;
        break;
      case LINE_PARAGRAPH:
        any_paragraph = TRUE;
        break;
      case LINE_RAW:
      default:
        break;
      }
  set_toggle (self->bullets_button, any_bullet && !any_paragraph);

  can_list = !self->single_paragraph && (any_bullet || any_paragraph);
  gtk_widget_set_sensitive (self->bullets_button, can_list);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.bullets", can_list);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.indent", can_change_level (self, 1));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.outdent", can_change_level (self, -1));

  /* The toolbar is one stop in the focus chain (see toolbar_key_pressed_cb);
   * that stop must stay one that can take the focus. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->toolbar);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_focusable (child))
      focusable = child;
  if (focusable == NULL || !gtk_widget_is_sensitive (focusable) || !gtk_widget_get_visible (focusable))
    {
      gtk_widget_set_focusable (self->bold_button, TRUE);
      if (focusable != NULL && focusable != self->bold_button)
        gtk_widget_set_focusable (focusable, FALSE);
    }
}

static void
toolbar_button_clicked_cb (GtkButton        *button,
                           EeRichTextEditor *self)
{
  const char *action = g_object_get_data (G_OBJECT (button), "ee-action");

  gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
  /* A toggle button flips itself when clicked; the text decides. */
  update_toolbar (self);
}

/* Arrow keys move between the buttons of the toolbar, which takes one stop
 * of the Tab chain, not six in front of every field of a long form. */
static gboolean
toolbar_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        EeRichTextEditor      *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (self->toolbar);
  gboolean rtl = gtk_widget_get_direction (self->toolbar) == GTK_TEXT_DIR_RTL;
  GtkWidget *child;
  gboolean forward;

  if (focus == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      forward = rtl;
      child = forward ? gtk_widget_get_next_sibling (focus) : gtk_widget_get_prev_sibling (focus);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      forward = !rtl;
      child = forward ? gtk_widget_get_next_sibling (focus) : gtk_widget_get_prev_sibling (focus);
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      forward = TRUE;
      child = gtk_widget_get_first_child (self->toolbar);
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      forward = FALSE;
      child = gtk_widget_get_last_child (self->toolbar);
      break;
    default:
      return FALSE;
    }

  while (child != NULL && !(gtk_widget_get_visible (child) && gtk_widget_is_sensitive (child)))
    child = forward ? gtk_widget_get_next_sibling (child) : gtk_widget_get_prev_sibling (child);
  if (child == NULL)
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (self->toolbar); c != NULL; c = gtk_widget_get_next_sibling (c))
    gtk_widget_set_focusable (c, c == child);
  gtk_widget_grab_focus (child);
  return TRUE;
}

static GtkWidget *
toolbar_button_new (EeRichTextEditor *self,
                    gboolean          toggle,
                    const char       *icon_name,
                    const char       *label,
                    guint             key,
                    GdkModifierType   modifiers,
                    const char       *aria_shortcut,
                    const char       *action)
{
  GtkWidget *button = toggle ? gtk_toggle_button_new () : gtk_button_new ();
  g_autofree char *tooltip = NULL;

  gtk_button_set_icon_name (GTK_BUTTON (button), icon_name);
  gtk_widget_add_css_class (button, "flat");
  /* Clicking a button leaves the focus, and the selection, in the text. */
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_set_focusable (button, FALSE);

  if (key != 0)
    {
      g_autofree char *accel = gtk_accelerator_get_label (key, modifiers);
      /* Translators: a tooltip: the command, then its keyboard shortcut. */
      tooltip = g_strdup_printf (_("%s (%s)"), label, accel);
    }
  gtk_widget_set_tooltip_text (button, tooltip != NULL ? tooltip : label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  if (aria_shortcut != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, aria_shortcut,
                                    -1);

  if (toggle)
    {
      g_object_set_data (G_OBJECT (button), "ee-action", (gpointer) action);
      g_signal_connect (button, "clicked", G_CALLBACK (toolbar_button_clicked_cb), self);
    }
  else
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);

  gtk_box_append (GTK_BOX (self->toolbar), button);
  return button;
}

/* Buffer signals -------------------------------------------------------------- */

/* Typed text takes the formatting of the text before it (or the one chosen
 * with Ctrl+B and Ctrl+I); it joins a link or inline raw Markdown only
 * inside it, and a raw block anywhere on its line. */
static void
style_inserted_text (EeRichTextEditor  *self,
                     const GtkTextIter *start,
                     const GtkTextIter *end)
{
  GtkTextIter before = *start;
  gboolean has_before = !gtk_text_iter_starts_line (start) && gtk_text_iter_backward_char (&before)
                        && !gtk_text_iter_has_tag (&before, self->bullet_mark_tag);
  EeMarks marks = EE_MARK_NONE;
  GtkTextTag *tag;

  if ((has_before && gtk_text_iter_has_tag (&before, self->raw_tag)) || gtk_text_iter_has_tag (end, self->raw_tag))
    {
      gtk_text_buffer_apply_tag (self->buffer, self->raw_tag, start, end);
      return;
    }

  if (self->pending_valid && gtk_text_iter_get_offset (start) == self->pending_offset)
    {
      marks = self->pending_marks;
      self->pending_offset = gtk_text_iter_get_offset (end);
    }
  else if (has_before)
    marks = marks_at (self, &before, NULL) & (EE_MARK_BOLD | EE_MARK_ITALIC);
  apply_marks (self, start, end, marks);

  if (!has_before)
    return;
  if ((tag = find_run_tag (&before, EE_MARK_CODE, FALSE)) != NULL)
    gtk_text_buffer_apply_tag (self->buffer, tag, start, end);
  if ((tag = find_run_tag (&before, EE_MARK_NONE, TRUE)) != NULL && gtk_text_iter_has_tag (end, tag))
    gtk_text_buffer_apply_tag (self->buffer, tag, start, end);
  if ((tag = find_run_tag (&before, EE_MARK_RAW, FALSE)) != NULL && gtk_text_iter_has_tag (end, tag))
    gtk_text_buffer_apply_tag (self->buffer, tag, start, end);
}

static void
insert_text_after_cb (GtkTextBuffer    *buffer,
                      GtkTextIter      *location,
                      const char       *text,
                      int               len,
                      EeRichTextEditor *self)
{
  GtkTextIter start = *location;
  glong n_chars;

  if (self->loading > 0)
    return;

  n_chars = g_utf8_strlen (text, len);
  gtk_text_iter_backward_chars (&start, n_chars);
  if (self->internal == 0)
    {
      style_inserted_text (self, &start, location);

      if (memchr (text, '\n', len) != NULL || memchr (text, '\r', len) != NULL)
        {
          gtk_text_buffer_move_mark (buffer, self->inserted_start, &start);
          gtk_text_buffer_move_mark (buffer, self->inserted_end, location);
          self->inserted_line_end = TRUE;
        }

      /* "- " or "* " typed at the start of a paragraph starts a list. */
      if (n_chars == 1 && text[0] == ' ' && gtk_text_iter_get_line_offset (&start) == 1)
        {
          GtkTextIter line_start = start;
          gunichar c;

          gtk_text_iter_backward_char (&line_start);
          c = gtk_text_iter_get_char (&line_start);
          if ((c == '-' || c == '*') && line_kind (self, &line_start, NULL) == LINE_PARAGRAPH)
            self->autobullet_line = gtk_text_iter_get_line (&line_start);
        }
    }
  buffer_edited (self);
}

static void
delete_range_after_cb (GtkTextBuffer    *buffer,
                       GtkTextIter      *start,
                       GtkTextIter      *end,
                       EeRichTextEditor *self)
{
  buffer_edited (self);
}

static void
tag_changed_after_cb (GtkTextBuffer     *buffer,
                      GtkTextTag        *tag,
                      const GtkTextIter *start,
                      const GtkTextIter *end,
                      EeRichTextEditor  *self)
{
  buffer_edited (self);
}

static void
begin_user_action_cb (GtkTextBuffer    *buffer,
                      EeRichTextEditor *self)
{
  self->in_user_action = TRUE;
}

static void
end_user_action_cb (GtkTextBuffer    *buffer,
                    EeRichTextEditor *self)
{
  self->in_user_action = FALSE;
  if (self->dirty)
    {
      finish_edit (self);
      queue_scroll (self);
    }
}

static void
mark_set_cb (GtkTextBuffer     *buffer,
             const GtkTextIter *location,
             GtkTextMark       *mark,
             EeRichTextEditor  *self)
{
  if (self->loading > 0 || self->moving_cursor)
    return;

  if (mark == gtk_text_buffer_get_insert (buffer))
    {
      GtkTextIter iter;

      /* Inside an edit the structure is half made; finish_edit() clamps. */
      if (!self->in_user_action)
        clamp_cursor (self);
      gtk_text_buffer_get_iter_at_mark (buffer, &iter, mark);
      if (self->pending_valid && gtk_text_iter_get_offset (&iter) != self->pending_offset)
        self->pending_valid = FALSE;
      queue_scroll (self);
    }
  else if (mark != gtk_text_buffer_get_selection_bound (buffer))
    return;

  if (!self->in_user_action)
    update_toolbar (self);
}

/* View signals ---------------------------------------------------------------- */

static gboolean
query_tooltip_cb (GtkWidget        *widget,
                  int               x,
                  int               y,
                  gboolean          keyboard_mode,
                  GtkTooltip       *tooltip,
                  EeRichTextEditor *self)
{
  GtkTextIter iter;
  GtkTextTag *tag;

  if (keyboard_mode)
    gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  else
    {
      int bx, by;

      gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_location (self->view, &iter, bx, by))
        return FALSE;
    }

  if (gtk_text_iter_has_tag (&iter, self->raw_tag) || find_run_tag (&iter, EE_MARK_RAW, FALSE) != NULL)
    {
      gtk_tooltip_set_text (tooltip, _("Kept as written"));
      return TRUE;
    }
  if ((tag = find_run_tag (&iter, EE_MARK_NONE, TRUE)) != NULL)
    {
      gtk_tooltip_set_text (tooltip, tag_get_href (tag));
      return TRUE;
    }
  return FALSE;
}

static void
view_focus_enter_cb (EeRichTextEditor *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "focused");
}

static void
view_focus_leave_cb (EeRichTextEditor *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "focused");
}

static gboolean
resize_view_cb (gpointer user_data)
{
  EeRichTextEditor *self = EE_RICH_TEXT_EDITOR (user_data);

  self->resize_idle_id = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self->view));
  return G_SOURCE_REMOVE;
}

/* GTK 4.8's text view lays its lines out after it was given its size and
 * does not ask for a new one, so a field shows three lines of a longer
 * text.  The height of its layout shows in its (unused) adjustment. */
static void
view_height_changed_cb (EeRichTextEditor *self)
{
  if (self->resize_idle_id == 0)
    self->resize_idle_id = g_idle_add (resize_view_cb, self);
}

/* Keys ------------------------------------------------------------------------ */

static gboolean
view_has_focus (EeRichTextEditor *self)
{
  return gtk_widget_has_focus (GTK_WIDGET (self->view));
}

static gboolean
enter_shortcut_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  EeRichTextEditor *self = EE_RICH_TEXT_EDITOR (widget);

  if (!view_has_focus (self))
    return FALSE;
  if (GPOINTER_TO_INT (user_data))
    line_break (self);
  else
    newline (self);
  return TRUE;
}

/* Tab nests a bullet and Shift+Tab un-nests it; where there is nothing to
 * nest or un-nest they move the focus, as in any form, so that the keyboard
 * never gets stuck in a field (Ctrl+Tab always moves it). */
static gboolean
tab_shortcut_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  EeRichTextEditor *self = EE_RICH_TEXT_EDITOR (widget);
  int delta = GPOINTER_TO_INT (user_data);

  if (!view_has_focus (self) || !can_change_level (self, delta))
    return FALSE;
  change_level (self, delta);
  return TRUE;
}

/* Backspace at the start of a bullet's text removes the bullet. */
static gboolean
backspace_shortcut_cb (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  EeRichTextEditor *self = EE_RICH_TEXT_EDITOR (widget);
  GtkTextIter iter;
  int line;

  if (!view_has_focus (self) || gtk_text_buffer_get_has_selection (self->buffer))
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  line = gtk_text_iter_get_line (&iter);
  if (line_kind_at (self, line, NULL) != LINE_BULLET || gtk_text_iter_get_line_offset (&iter) != PREFIX_CHARS)
    return FALSE;

  gtk_text_buffer_begin_user_action (self->buffer);
  set_line_kind (self, line, LINE_PARAGRAPH, 0);
  gtk_text_buffer_end_user_action (self->buffer);
  return TRUE;
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  key,
              GdkModifierType        modifiers,
              GtkShortcutAction     *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers), action));
}

static void
add_callback_shortcut (GtkShortcutController *controller,
                       guint                  key,
                       GdkModifierType        modifiers,
                       GtkShortcutFunc        func,
                       int                    data)
{
  add_shortcut (controller, key, modifiers, gtk_callback_action_new (func, GINT_TO_POINTER (data), NULL));
}

/* Actions --------------------------------------------------------------------- */

static void
bold_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EeRichTextEditor *self = EE_RICH_TEXT_EDITOR (widget);

  toggle_mark (self, self->bold_tag, EE_MARK_BOLD);
}

static void
italic_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  EeRichTextEditor *self = EE_RICH_TEXT_EDITOR (widget);

  toggle_mark (self, self->italic_tag, EE_MARK_ITALIC);
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  show_link_dialog (EE_RICH_TEXT_EDITOR (widget));
}

static void
set_link_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  g_autofree char *href = normalize_href (g_variant_get_string (parameter, NULL));

  set_link (EE_RICH_TEXT_EDITOR (widget), href);
}

static void
bullets_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EeRichTextEditor *self = EE_RICH_TEXT_EDITOR (widget);

  if (!self->single_paragraph)
    toggle_bullets (self);
}

static void
indent_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  change_level (EE_RICH_TEXT_EDITOR (widget), g_str_equal (action_name, "editor.indent") ? 1 : -1);
}

static void
newline_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  newline (EE_RICH_TEXT_EDITOR (widget));
}

static void
line_break_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  line_break (EE_RICH_TEXT_EDITOR (widget));
}

/* GObject and GtkWidget ------------------------------------------------------- */

static void
ee_rich_text_editor_dispose (GObject *object)
{
  EeRichTextEditor *self = EE_RICH_TEXT_EDITOR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->resize_idle_id, g_source_remove);
  if (self->scroll_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick_id);
      self->scroll_tick_id = 0;
    }
  if (self->link_dialog != NULL)
    {
      GtkWidget *dialog = self->link_dialog;

      g_clear_weak_pointer (&self->link_dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  if (self->buffer != NULL)
    g_signal_handlers_disconnect_by_data (self->buffer, self);
  self->buffer = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ee_rich_text_editor_parent_class)->dispose (object);
}

static void
ee_rich_text_editor_finalize (GObject *object)
{
  EeRichTextEditor *self = EE_RICH_TEXT_EDITOR (object);

  g_clear_pointer (&self->value, ee_rich_text_unref);
  g_free (self->label);
  g_free (self->placeholder);

  G_OBJECT_CLASS (ee_rich_text_editor_parent_class)->finalize (object);
}

static void
ee_rich_text_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  EeRichTextEditor *self = EE_RICH_TEXT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_boxed (value, self->value);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_PLACEHOLDER:
      g_value_set_string (value, self->placeholder);
      break;
    case PROP_SINGLE_PARAGRAPH:
      g_value_set_boolean (value, self->single_paragraph);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ee_rich_text_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  EeRichTextEditor *self = EE_RICH_TEXT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      ee_rich_text_editor_set_value (self, g_value_get_boxed (value));
      break;
    case PROP_LABEL:
      ee_rich_text_editor_set_label (self, g_value_get_string (value));
      break;
    case PROP_PLACEHOLDER:
      ee_rich_text_editor_set_placeholder (self, g_value_get_string (value));
      break;
    case PROP_SINGLE_PARAGRAPH:
      ee_rich_text_editor_set_single_paragraph (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ee_rich_text_editor_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  EeRichTextEditor *self = EE_RICH_TEXT_EDITOR (widget);

  GTK_WIDGET_CLASS (ee_rich_text_editor_parent_class)->css_changed (widget, change);

  /* Links and raw text follow the accent colour and the dark style. */
  update_tag_colors (self);
}

static gboolean
ee_rich_text_editor_grab_focus (GtkWidget *widget)
{
  EeRichTextEditor *self = EE_RICH_TEXT_EDITOR (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* Keyboard navigation walks the toolbar, then the text.  GTK's own walk
 * would call grab_focus() on the editor, which goes to the text: that is
 * what a caller focusing the field wants, not what Tab should do. */
static gboolean
ee_rich_text_editor_focus (GtkWidget        *widget,
                           GtkDirectionType  direction)
{
  EeRichTextEditor *self = EE_RICH_TEXT_EDITOR (widget);
  GtkWidget *order[] = { self->toolbar, self->overlay };
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_DOWN || direction == GTK_DIR_RIGHT;
  int step = forward ? 1 : -1;
  int i = forward ? 0 : (int) G_N_ELEMENTS (order) - 1;

  if (focus_child != NULL)
    {
      if (gtk_widget_child_focus (focus_child, direction))
        return TRUE;
      for (i = 0; i < (int) G_N_ELEMENTS (order) && order[i] != focus_child; i++)
        ;
      i += step;
    }
  for (; i >= 0 && i < (int) G_N_ELEMENTS (order); i += step)
    if (gtk_widget_child_focus (order[i], direction))
      return TRUE;
  return FALSE;
}

static void
ee_rich_text_editor_class_init (EeRichTextEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ee_rich_text_editor_dispose;
  object_class->finalize = ee_rich_text_editor_finalize;
  object_class->get_property = ee_rich_text_editor_get_property;
  object_class->set_property = ee_rich_text_editor_set_property;

  widget_class->css_changed = ee_rich_text_editor_css_changed;
  widget_class->grab_focus = ee_rich_text_editor_grab_focus;
  widget_class->focus = ee_rich_text_editor_focus;

  /**
   * EeRichTextEditor:value:
   *
   * The value shown.  Setting it replaces the text without notifying;
   * each edit of the user notifies at once with the new value.
   */
  properties[PROP_VALUE] =
    g_param_spec_boxed ("value", NULL, NULL,
                        EE_TYPE_RICH_TEXT,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * EeRichTextEditor:label:
   *
   * The name of the field, which screen readers announce.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * EeRichTextEditor:placeholder:
   *
   * A hint shown while the field is empty.
   */
  properties[PROP_PLACEHOLDER] =
    g_param_spec_string ("placeholder", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * EeRichTextEditor:single-paragraph:
   *
   * Whether the field is one paragraph: Enter starts no paragraph or
   * bullet, and pasted line ends become spaces.
   */
  properties[PROP_SINGLE_PARAGRAPH] =
    g_param_spec_boolean ("single-paragraph", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "editor.bold", NULL, bold_action);
  gtk_widget_class_install_action (widget_class, "editor.italic", NULL, italic_action);
  gtk_widget_class_install_action (widget_class, "editor.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "editor.set-link", "s", set_link_action);
  gtk_widget_class_install_action (widget_class, "editor.bullets", NULL, bullets_action);
  gtk_widget_class_install_action (widget_class, "editor.indent", NULL, indent_action);
  gtk_widget_class_install_action (widget_class, "editor.outdent", NULL, indent_action);
  gtk_widget_class_install_action (widget_class, "editor.newline", NULL, newline_action);
  gtk_widget_class_install_action (widget_class, "editor.line-break", NULL, line_break_action);

  gtk_widget_class_set_css_name (widget_class, "richtexteditor");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ensure_css (GdkDisplay *display)
{
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "ee-rich-text-editor-css") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, editor_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data (G_OBJECT (display), "ee-rich-text-editor-css", GINT_TO_POINTER (TRUE));
}

static void
ee_rich_text_editor_init (EeRichTextEditor *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkShortcutController *shortcuts;
  GtkEventController *controller;
  GtkTextIter start;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (widget)),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (widget, "card");
  ensure_css (gtk_widget_get_display (widget));

  self->value = ee_rich_text_new_empty ();
  self->autobullet_line = -1;

  /* The buffer */
  self->buffer = gtk_text_buffer_new (NULL);
  /* The document has one undo history for all fields. */
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  self->bold_tag = gtk_text_buffer_create_tag (self->buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  self->italic_tag = gtk_text_buffer_create_tag (self->buffer, "italic", "style", PANGO_STYLE_ITALIC, NULL);
  self->raw_tag = gtk_text_buffer_create_tag (self->buffer, "raw", "family", "monospace", NULL);
  self->bullet_mark_tag = gtk_text_buffer_create_tag (self->buffer, "bullet-mark", NULL, NULL);
  self->bullet_tags[0] = gtk_text_buffer_create_tag (self->buffer, "bullet-0", NULL, NULL);
  self->bullet_tags[1] = gtk_text_buffer_create_tag (self->buffer, "bullet-1", NULL, NULL);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  self->inserted_start = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  self->inserted_end = gtk_text_buffer_create_mark (self->buffer, NULL, &start, FALSE);

  g_signal_connect_after (self->buffer, "insert-text", G_CALLBACK (insert_text_after_cb), self);
  g_signal_connect_after (self->buffer, "delete-range", G_CALLBACK (delete_range_after_cb), self);
  g_signal_connect_after (self->buffer, "apply-tag", G_CALLBACK (tag_changed_after_cb), self);
  g_signal_connect_after (self->buffer, "remove-tag", G_CALLBACK (tag_changed_after_cb), self);
  g_signal_connect (self->buffer, "begin-user-action", G_CALLBACK (begin_user_action_cb), self);
  g_signal_connect (self->buffer, "end-user-action", G_CALLBACK (end_user_action_cb), self);
  g_signal_connect_after (self->buffer, "mark-set", G_CALLBACK (mark_set_cb), self);

  /* The toolbar */
  self->toolbar = g_object_new (GTK_TYPE_BOX,
                                "accessible-role", GTK_ACCESSIBLE_ROLE_TOOLBAR,
                                NULL);
  gtk_widget_add_css_class (self->toolbar, "formatting");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toolbar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Formatting"),
                                  -1);
  self->bold_button = toolbar_button_new (self, TRUE, "format-text-bold-symbolic", _("Bold"),
                                          GDK_KEY_b, GDK_CONTROL_MASK, "Control+B", "editor.bold");
  self->italic_button = toolbar_button_new (self, TRUE, "format-text-italic-symbolic", _("Italic"),
                                            GDK_KEY_i, GDK_CONTROL_MASK, "Control+I", "editor.italic");
  self->link_button = toolbar_button_new (self, FALSE, "insert-link-symbolic", _("Link"),
                                          GDK_KEY_k, GDK_CONTROL_MASK, "Control+K", "editor.link");
  self->bullets_button = toolbar_button_new (self, TRUE, "view-list-bullet-symbolic", _("Bulleted List"),
                                             0, 0, NULL, "editor.bullets");
  self->outdent_button = toolbar_button_new (self, FALSE, "format-indent-less-symbolic", _("Decrease Indent"),
                                             GDK_KEY_Tab, GDK_SHIFT_MASK, "Shift+Tab", "editor.outdent");
  self->indent_button = toolbar_button_new (self, FALSE, "format-indent-more-symbolic", _("Increase Indent"),
                                            GDK_KEY_Tab, 0, "Tab", "editor.indent");
  gtk_widget_set_focusable (self->bold_button, TRUE);
  gtk_widget_set_margin_start (self->link_button, 6);
  gtk_widget_set_margin_start (self->bullets_button, 6);
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (toolbar_key_pressed_cb), self);
  gtk_widget_add_controller (self->toolbar, controller);
  gtk_widget_set_parent (self->toolbar, widget);

  self->separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_parent (self->separator, widget);

  /* The text */
  self->view = GTK_TEXT_VIEW (gtk_text_view_new_with_buffer (self->buffer));
  g_object_unref (self->buffer);  /* the view keeps it */
  gtk_text_view_set_wrap_mode (self->view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->view, FALSE);
  gtk_text_view_set_left_margin (self->view, TEXT_MARGIN_X);
  gtk_text_view_set_right_margin (self->view, TEXT_MARGIN_X);
  gtk_text_view_set_top_margin (self->view, TEXT_MARGIN_Y);
  gtk_text_view_set_bottom_margin (self->view, TEXT_MARGIN_Y);
  gtk_text_view_set_pixels_below_lines (self->view, 6);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);
  g_signal_connect (self->view, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  g_signal_connect_swapped (self->view, "realize", G_CALLBACK (update_tag_metrics), self);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view)), "notify::upper",
                           G_CALLBACK (view_height_changed_cb), self, G_CONNECT_SWAPPED);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (view_focus_enter_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (view_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), controller);

  self->placeholder_label = g_object_new (GTK_TYPE_LABEL,
                                          "xalign", 0.0f,
                                          "valign", GTK_ALIGN_START,
                                          "wrap", TRUE,
                                          "can-target", FALSE,
                                          "margin-start", TEXT_MARGIN_X,
                                          "margin-end", TEXT_MARGIN_X,
                                          "margin-top", TEXT_MARGIN_Y,
                                          "visible", FALSE,
                                          NULL);
  gtk_widget_add_css_class (self->placeholder_label, "dim-label");
  /* The text view announces the placeholder itself. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->placeholder_label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);

  self->overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->view));
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->placeholder_label);
  gtk_widget_set_vexpand (self->overlay, TRUE);
  gtk_widget_set_parent (self->overlay, widget);

  /* Keys that mean something else in a rich text than in a plain one; the
   * capture phase sees them before the text view does. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (shortcuts), GTK_PHASE_CAPTURE);
  add_callback_shortcut (shortcuts, GDK_KEY_Return, 0, enter_shortcut_cb, FALSE);
  add_callback_shortcut (shortcuts, GDK_KEY_KP_Enter, 0, enter_shortcut_cb, FALSE);
  add_callback_shortcut (shortcuts, GDK_KEY_ISO_Enter, 0, enter_shortcut_cb, FALSE);
  add_callback_shortcut (shortcuts, GDK_KEY_Return, GDK_SHIFT_MASK, enter_shortcut_cb, TRUE);
  add_callback_shortcut (shortcuts, GDK_KEY_KP_Enter, GDK_SHIFT_MASK, enter_shortcut_cb, TRUE);
  add_callback_shortcut (shortcuts, GDK_KEY_Tab, 0, tab_shortcut_cb, 1);
  add_callback_shortcut (shortcuts, GDK_KEY_Tab, GDK_SHIFT_MASK, tab_shortcut_cb, -1);
  add_callback_shortcut (shortcuts, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, tab_shortcut_cb, -1);
  add_callback_shortcut (shortcuts, GDK_KEY_BackSpace, 0, backspace_shortcut_cb, 0);
  add_shortcut (shortcuts, GDK_KEY_b, GDK_CONTROL_MASK, gtk_named_action_new ("editor.bold"));
  add_shortcut (shortcuts, GDK_KEY_i, GDK_CONTROL_MASK, gtk_named_action_new ("editor.italic"));
  add_shortcut (shortcuts, GDK_KEY_k, GDK_CONTROL_MASK, gtk_named_action_new ("editor.link"));
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (shortcuts));

  update_toolbar (self);
}

/* Public API ------------------------------------------------------------------ */

GtkWidget *
ee_rich_text_editor_new (void)
{
  return g_object_new (EE_TYPE_RICH_TEXT_EDITOR, NULL);
}

/**
 * ee_rich_text_editor_get_value:
 *
 * Returns: (transfer none): the value shown, never %NULL
 */
EeRichText *
ee_rich_text_editor_get_value (EeRichTextEditor *self)
{
  g_return_val_if_fail (EE_IS_RICH_TEXT_EDITOR (self), NULL);

  return self->value;
}

/**
 * ee_rich_text_editor_set_value:
 * @value: (nullable): the value to show; %NULL shows an empty field
 *
 * Replaces the text unless @value equals the value shown, and does not
 * notify: the caller knows the value it sets.
 */
void
ee_rich_text_editor_set_value (EeRichTextEditor *self,
                               EeRichText       *value)
{
  g_autoptr(EeRichText) empty = NULL;

  g_return_if_fail (EE_IS_RICH_TEXT_EDITOR (self));

  if (value == NULL)
    value = empty = ee_rich_text_new_empty ();
  if (ee_rich_text_equal (value, self->value))
    return;

  g_clear_pointer (&self->value, ee_rich_text_unref);
  self->value = ee_rich_text_ref (value);
  fill_buffer (self);
}

const char *
ee_rich_text_editor_get_label (EeRichTextEditor *self)
{
  g_return_val_if_fail (EE_IS_RICH_TEXT_EDITOR (self), NULL);

  return self->label;
}

/**
 * ee_rich_text_editor_set_label:
 * @label: (nullable): the name of the field
 *
 * Sets the name that screen readers announce for the text and its
 * toolbar; the field shows no label itself.
 */
void
ee_rich_text_editor_set_label (EeRichTextEditor *self,
                               const char       *label)
{
  g_return_if_fail (EE_IS_RICH_TEXT_EDITOR (self));

  if (!set_string (&self->label, label))
    return;

  if (label != NULL)
    {
      g_autofree char *toolbar = g_strdup_printf (_("Formatting of %s"), label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->toolbar), GTK_ACCESSIBLE_PROPERTY_LABEL, toolbar, -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->toolbar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Formatting"), -1);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
ee_rich_text_editor_get_placeholder (EeRichTextEditor *self)
{
  g_return_val_if_fail (EE_IS_RICH_TEXT_EDITOR (self), NULL);

  return self->placeholder;
}

/**
 * ee_rich_text_editor_set_placeholder:
 * @placeholder: (nullable): a hint shown while the field is empty
 */
void
ee_rich_text_editor_set_placeholder (EeRichTextEditor *self,
                                     const char       *placeholder)
{
  g_return_if_fail (EE_IS_RICH_TEXT_EDITOR (self));

  if (!set_string (&self->placeholder, placeholder))
    return;

  gtk_label_set_text (GTK_LABEL (self->placeholder_label), placeholder);
  if (placeholder != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                    GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER, placeholder,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER);
  update_placeholder (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER]);
}

gboolean
ee_rich_text_editor_get_single_paragraph (EeRichTextEditor *self)
{
  g_return_val_if_fail (EE_IS_RICH_TEXT_EDITOR (self), FALSE);

  return self->single_paragraph;
}

void
ee_rich_text_editor_set_single_paragraph (EeRichTextEditor *self,
                                          gboolean          single_paragraph)
{
  g_return_if_fail (EE_IS_RICH_TEXT_EDITOR (self));

  single_paragraph = !!single_paragraph;
  if (self->single_paragraph == single_paragraph)
    return;

  self->single_paragraph = single_paragraph;
  /* A short field has no lists to make. */
  gtk_widget_set_visible (self->bullets_button, !single_paragraph);
  gtk_widget_set_visible (self->outdent_button, !single_paragraph);
  gtk_widget_set_visible (self->indent_button, !single_paragraph);
  update_min_height (self);
  update_toolbar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SINGLE_PARAGRAPH]);
}

/**
 * ee_rich_text_editor_get_text_view:
 *
 * Returns: (transfer none): the text view, for tests and to place the
 *   cursor; its buffer belongs to the editor
 */
GtkTextView *
ee_rich_text_editor_get_text_view (EeRichTextEditor *self)
{
  g_return_val_if_fail (EE_IS_RICH_TEXT_EDITOR (self), NULL);

  return self->view;
}

/**
 * ee_rich_text_editor_read_buffer:
 *
 * Reads the text afresh, as an edit does.  For tests: after
 * ee_rich_text_editor_set_value(), this equals the value set.
 *
 * Returns: (transfer full): the value the text stands for
 */
EeRichText *
ee_rich_text_editor_read_buffer (EeRichTextEditor *self)
{
  g_autoptr(EeRichTextBuilder) builder = ee_rich_text_builder_new ();
  int n_lines;

  g_return_val_if_fail (EE_IS_RICH_TEXT_EDITOR (self), NULL);

  n_lines = gtk_text_buffer_get_line_count (self->buffer);
  for (int line = 0; line < n_lines; line++)
    {
      GtkTextIter start, end;
      guint level;
      LineKind kind;

      get_line_bounds (self->buffer, line, &start, &end);
      kind = line_kind (self, &start, &level);
      if (kind == LINE_RAW)
        {
          g_autofree char *slice = gtk_text_iter_get_text (&start, &end);
          g_autofree char *text = text_from_buffer (slice);

          ee_rich_text_builder_add_raw (builder, text);
          continue;
        }

      ee_rich_text_builder_begin_block (builder, kind == LINE_BULLET ? EE_BLOCK_BULLET : EE_BLOCK_PARAGRAPH, level);
      iter_to_content_start (self, &start);
      read_runs (self, builder, &start, &end);
    }

  return ee_rich_text_builder_end (builder);
}
