/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-markdown-reader.h"
#include "ee-markdown-writer.h"

#include <cmark-gfm-core-extensions.h>
#include <stdlib.h>
#include <string.h>

static cmark_syntax_extension *
table_extension (void)
{
  static gsize once = 0;
  static cmark_syntax_extension *table = NULL;

  if (g_once_init_enter (&once))
    {
      cmark_gfm_core_extensions_ensure_registered ();
      table = cmark_find_syntax_extension ("table");
      g_once_init_leave (&once, 1);
    }
  return table;
}

/**
 * ee_markdown_new_parser:
 *
 * Returns: (transfer full): a parser with the extensions that match the
 *   hub's: tables.  Bare URLs are not linked (the hub does not link them).
 */
cmark_parser *
ee_markdown_new_parser (void)
{
  cmark_parser *parser = cmark_parser_new (CMARK_OPT_UNSAFE);
  cmark_syntax_extension *table = table_extension ();

  if (table != NULL)
    cmark_parser_attach_syntax_extension (parser, table);
  return parser;
}

/**
 * ee_markdown_parse:
 *
 * Parses Markdown as ee_markdown_new_parser() does.
 *
 * Returns: (transfer full): the document node; free with cmark_node_free()
 */
cmark_node *
ee_markdown_parse (const char *text,
                   gsize       length)
{
  cmark_parser *parser = ee_markdown_new_parser ();
  cmark_node *document;

  cmark_parser_feed (parser, text, length);
  document = cmark_parser_finish (parser);
  cmark_parser_free (parser);
  return document;
}

void
ee_source_init (EeSource   *source,
                const char *text,
                gsize       length)
{
  source->text = text;
  source->length = length;
  source->line_starts = NULL;
}

/* Where each line starts; only raw blocks need it, so it is made when the
 * first one is read. */
static void
ensure_line_starts (EeSource *source)
{
  const char *text = source->text;
  gsize length = source->length;
  gsize zero = 0;

  if (source->line_starts != NULL)
    return;
  source->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  /* Lines are numbered from 1; index 0 is a dummy. */
  g_array_append_val (source->line_starts, zero);
  g_array_append_val (source->line_starts, zero);
  for (gsize i = 0; i < length; i++)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= length || text[i + 1] != '\n')))
      {
        gsize next = i + 1;
        g_array_append_val (source->line_starts, next);
      }
}

void
ee_source_clear (EeSource *source)
{
  g_clear_pointer (&source->line_starts, g_array_unref);
}

/**
 * ee_source_get_lines:
 * @dedent: columns of indentation that belong to the container, removed
 *   from every line that has them
 *
 * Returns: (transfer full): lines @first_line to @last_line as written,
 *   with "\n" line ends
 */
char *
ee_source_get_lines (EeSource *source,
                     int       first_line,
                     int       last_line,
                     gsize     dedent)
{
  GString *s = g_string_new (NULL);
  guint n_lines;

  ensure_line_starts (source);
  n_lines = source->line_starts->len - 1;
  if (first_line < 1)
    first_line = 1;
  if (last_line > (int) n_lines)
    last_line = n_lines;

  for (int line = first_line; line <= last_line; line++)
    {
      gsize start = g_array_index (source->line_starts, gsize, line);
      gsize end = (guint) line + 1 <= n_lines ? g_array_index (source->line_starts, gsize, line + 1) : source->length;
      gsize column = 0;

      while (end > start && (source->text[end - 1] == '\n' || source->text[end - 1] == '\r'))
        end--;
      while (start < end && column < dedent && (source->text[start] == ' ' || source->text[start] == '\t'))
        {
          column += source->text[start] == '\t' ? 4 - column % 4 : 1;
          start++;
        }
      g_string_append_len (s, source->text + start, end - start);
      if (line < last_line)
        g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

/* The indentation of the list item @node stands in, if any: the column
 * where the item's text starts. */
static gsize
container_indent (cmark_node *node)
{
  cmark_node *parent = cmark_node_parent (node);
  cmark_node *first;

  if (parent == NULL || cmark_node_get_type (parent) != CMARK_NODE_ITEM)
    return 0;
  first = cmark_node_first_child (parent);
  return first ? (gsize) MAX (cmark_node_get_start_column (first) - 1, 0) : 0;
}

char *
ee_source_get_node_text (EeSource   *source,
                         cmark_node *node)
{
  int start = cmark_node_get_start_line (node);
  int end = cmark_node_get_end_line (node);

  /* cmark-gfm ends an HTML block before it starts; its literal tells how
   * many lines it has. */
  if (end < start)
    {
      const char *literal = cmark_node_get_literal (node);
      int lines = 0;

      for (const char *p = literal ? literal : ""; *p; p++)
        lines += *p == '\n';
      end = start + MAX (lines, 1) - 1;
    }
  return ee_source_get_lines (source, start, end, container_indent (node));
}

char *
ee_markdown_node_plain_text (cmark_node *node)
{
  GString *s = g_string_new (NULL);
  cmark_iter *iter = cmark_iter_new (node);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;
      switch (cmark_node_get_type (cur))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (s, cmark_node_get_literal (cur));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (s, ' ');
          break;
        default:
          break;
        }
    }
  cmark_iter_free (iter);
  return g_string_free (s, FALSE);
}

/* Inlines -------------------------------------------------------------------- */

typedef struct {
  EeRichTextBuilder *builder;
  guint              bold_tags;    /* open <strong> or <b> */
  guint              italic_tags;  /* open <em> or <i> */
} InlineState;

static gboolean
html_tag_is (const char *html, const char *name, gboolean *closing)
{
  const char *p = html;
  gsize n = strlen (name);

  if (*p++ != '<')
    return FALSE;
  *closing = *p == '/';
  if (*closing)
    p++;
  if (g_ascii_strncasecmp (p, name, n) != 0)
    return FALSE;
  p += n;
  while (*p == ' ')
    p++;
  if (*p == '/')
    p++;
  return *p == '>' && p[1] == 0;
}

static void
read_image (InlineState *state, cmark_node *node, EeMarks marks, const char *href)
{
  g_autofree char *alt = ee_markdown_node_plain_text (node);
  const char *url = cmark_node_get_url (node);
  const char *title = cmark_node_get_title (node);
  GString *s = g_string_new ("![");
  cmark_node *next = cmark_node_next (node);

  for (const char *p = alt; *p; p++)
    {
      if (*p == '[' || *p == ']' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append (s, "](");
  g_string_append (s, url ? url : "");
  if (title && *title)
    {
      g_string_append (s, " \"");
      g_string_append (s, title);
      g_string_append_c (s, '"');
    }
  g_string_append_c (s, ')');

  /* attr_list attributes right after an image belong to it. */
  if (next != NULL && cmark_node_get_type (next) == CMARK_NODE_TEXT)
    {
      const char *literal = cmark_node_get_literal (next);
      const char *close = literal[0] == '{' ? strchr (literal, '}') : NULL;

      if (close != NULL)
        {
          g_string_append_len (s, literal, close - literal + 1);
          cmark_node_set_literal (next, close + 1);
        }
    }

  ee_rich_text_builder_add_text (state->builder, s->str, (marks & ~(EE_MARK_BOLD | EE_MARK_ITALIC)) | EE_MARK_RAW, href);
  g_string_free (s, TRUE);
}

static void
read_inline_siblings (InlineState *state, cmark_node *first, EeMarks marks, const char *href);

static void
read_inlines (InlineState *state, cmark_node *parent, EeMarks marks, const char *href)
{
  read_inline_siblings (state, cmark_node_first_child (parent), marks, href);
}

static void
read_inline_siblings (InlineState *state, cmark_node *first, EeMarks marks, const char *href)
{
  for (cmark_node *node = first; node; node = cmark_node_next (node))
    {
      EeMarks current = marks;

      if (state->bold_tags)
        current |= EE_MARK_BOLD;
      if (state->italic_tags)
        current |= EE_MARK_ITALIC;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
          ee_rich_text_builder_add_text (state->builder, cmark_node_get_literal (node), current, href);
          break;
        case CMARK_NODE_SOFTBREAK:
          ee_rich_text_builder_add_text (state->builder, " ", current, href);
          break;
        case CMARK_NODE_LINEBREAK:
          ee_rich_text_builder_add_text (state->builder, "\n", current, href);
          break;
        case CMARK_NODE_CODE:
          ee_rich_text_builder_add_text (state->builder, cmark_node_get_literal (node), current | EE_MARK_CODE, href);
          break;
        case CMARK_NODE_EMPH:
          read_inlines (state, node, current | EE_MARK_ITALIC, href);
          break;
        case CMARK_NODE_STRONG:
          read_inlines (state, node, current | EE_MARK_BOLD, href);
          break;
        case CMARK_NODE_LINK:
          read_inlines (state, node, current, cmark_node_get_url (node));
          break;
        case CMARK_NODE_IMAGE:
          read_image (state, node, current, href);
          break;
        case CMARK_NODE_HTML_INLINE:
          {
            const char *html = cmark_node_get_literal (node);
            gboolean closing = FALSE;

            if (html_tag_is (html, "strong", &closing) || html_tag_is (html, "b", &closing))
              {
                if (closing)
                  state->bold_tags = state->bold_tags ? state->bold_tags - 1 : 0;
                else
                  state->bold_tags++;
              }
            else if (html_tag_is (html, "em", &closing) || html_tag_is (html, "i", &closing))
              {
                if (closing)
                  state->italic_tags = state->italic_tags ? state->italic_tags - 1 : 0;
                else
                  state->italic_tags++;
              }
            else if (html_tag_is (html, "br", &closing))
              ee_rich_text_builder_add_text (state->builder, "\n", current, href);
            else
              ee_rich_text_builder_add_text (state->builder, html, EE_MARK_RAW, NULL);
          }
          break;
        default:
          {
            /* Anything else the model has no place for is kept as written. */
            char *md = cmark_render_commonmark (node, CMARK_OPT_UNSAFE, 0);
            g_strchomp (md);
            ee_rich_text_builder_add_text (state->builder, md, EE_MARK_RAW, NULL);
            free (md);
          }
          break;
        }
    }
}

/**
 * ee_markdown_read_inlines:
 *
 * Adds the inline children of @parent to the builder's current block.
 */
void
ee_markdown_read_inlines (EeRichTextBuilder *builder,
                          cmark_node        *parent)
{
  InlineState state = { builder, 0, 0 };

  read_inlines (&state, parent, EE_MARK_NONE, NULL);
}

/**
 * ee_markdown_read_inlines_from:
 *
 * Adds @first and the inline nodes after it to the builder's current block.
 */
void
ee_markdown_read_inlines_from (EeRichTextBuilder *builder,
                               cmark_node        *first)
{
  InlineState state = { builder, 0, 0 };

  read_inline_siblings (&state, first, EE_MARK_NONE, NULL);
}

/* Blocks --------------------------------------------------------------------- */

/**
 * ee_markdown_list_is_editable:
 *
 * Whether the form can edit @list as bullets: a tight bullet list whose
 * items are each one paragraph, with at most one nested list of the same
 * kind under it, one level deep.  Any other list is kept as written.
 */
gboolean
ee_markdown_list_is_editable (cmark_node *list,
                              guint       level)
{
  if (cmark_node_get_type (list) != CMARK_NODE_LIST || cmark_node_get_list_type (list) != CMARK_BULLET_LIST
      || !cmark_node_get_list_tight (list) || level > 1)
    return FALSE;

  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    {
      cmark_node *first = cmark_node_first_child (item);
      cmark_node *second = first ? cmark_node_next (first) : NULL;

      if (first == NULL || cmark_node_get_type (first) != CMARK_NODE_PARAGRAPH)
        return FALSE;
      if (second != NULL && (cmark_node_next (second) != NULL || !ee_markdown_list_is_editable (second, level + 1)))
        return FALSE;
    }
  return TRUE;
}

/* Adds the bullets of an editable list (see ee_markdown_list_is_editable()). */
void
ee_markdown_read_list (EeRichTextBuilder *builder,
                       EeSource          *source,
                       cmark_node        *list,
                       guint              level)
{
  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    {
      cmark_node *paragraph = cmark_node_first_child (item);
      cmark_node *nested = cmark_node_next (paragraph);

      ee_rich_text_builder_begin_block (builder, EE_BLOCK_BULLET, level);
      ee_markdown_read_inlines (builder, paragraph);
      if (nested != NULL)
        ee_markdown_read_list (builder, source, nested, level + 1);
    }
}

/* Whether @text is one block of the kind @node is, and ends there: read
 * with a paragraph after it, it does not take the paragraph in. */
static gboolean
reads_as_one_block (const char *text, cmark_node *node)
{
  g_autofree char *probe = g_strconcat (text, "\n\nx\n", NULL);
  cmark_node *document = ee_markdown_parse (probe, strlen (probe));
  cmark_node *first = cmark_node_first_child (document);
  cmark_node *second = first ? cmark_node_next (first) : NULL;
  gboolean same = first != NULL && cmark_node_get_type (first) == cmark_node_get_type (node)
                  && second != NULL && cmark_node_get_type (second) == CMARK_NODE_PARAGRAPH
                  && cmark_node_next (second) == NULL;

  cmark_node_free (document);
  return same;
}

/* A block the model has no place for: as written when that reads back as
 * the same block; else as cmark-gfm writes it (a quote continued lazily,
 * say).  %NULL when neither ends where it should (an HTML comment that is
 * never closed): such a block is kept as text. */
static char *
raw_block_text (EeSource *source, cmark_node *node)
{
  char *raw = ee_source_get_node_text (source, node);
  char *rendered;

  if (reads_as_one_block (raw, node))
    return raw;
  g_free (raw);
  rendered = cmark_render_commonmark (node, CMARK_OPT_UNSAFE, 0);
  raw = g_strdup (rendered);
  free (rendered);
  if (reads_as_one_block (raw, node))
    return raw;
  g_free (raw);
  return NULL;
}

/* The exporter's separator between two lists carries no content. */
gboolean
ee_markdown_is_list_separator (cmark_node *node)
{
  const char *literal;

  if (cmark_node_get_type (node) != CMARK_NODE_HTML_BLOCK)
    return FALSE;
  literal = cmark_node_get_literal (node);
  if (!g_str_has_prefix (literal, EE_LIST_SEPARATOR))
    return FALSE;
  for (const char *p = literal + strlen (EE_LIST_SEPARATOR); *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/**
 * ee_markdown_read_block:
 *
 * Adds one block node: a paragraph, a bullet list, or anything else as a
 * raw block with its source lines.
 */
void
ee_markdown_read_block (EeRichTextBuilder *builder,
                        EeSource          *source,
                        cmark_node        *node)
{
  if (ee_markdown_is_list_separator (node))
    return;

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_PARAGRAPH:
      ee_rich_text_builder_begin_block (builder, EE_BLOCK_PARAGRAPH, 0);
      ee_markdown_read_inlines (builder, node);
      break;

    case CMARK_NODE_LIST:
      if (ee_markdown_list_is_editable (node, 0))
        {
          ee_markdown_read_list (builder, source, node, 0);
          break;
        }
      G_GNUC_FALLTHROUGH;

    default:
      {
        g_autofree char *raw = raw_block_text (source, node);

        if (raw != NULL)
          ee_rich_text_builder_add_raw (builder, raw);
        else
          {
            g_autofree char *text = ee_source_get_node_text (source, node);
            ee_rich_text_builder_begin_block (builder, EE_BLOCK_PARAGRAPH, 0);
            ee_rich_text_builder_add_text (builder, text, EE_MARK_NONE, NULL);
          }
      }
      break;
    }
}

EeRichText *
ee_markdown_read_rich_text (const char *text,
                            gsize       length)
{
  g_autoptr(EeRichTextBuilder) builder = ee_rich_text_builder_new ();
  g_autofree char *without_nul = NULL;

  /* cmark-gfm reads a NUL byte as U+FFFD; so must what is kept as
   * written. */
  if (memchr (text, 0, length) != NULL)
    {
      GString *s = g_string_sized_new (length + 16);
      for (gsize i = 0; i < length; i++)
        if (text[i] == 0)
          g_string_append (s, "\xef\xbf\xbd");
        else
          g_string_append_c (s, text[i]);
      length = s->len;
      text = without_nul = g_string_free (s, FALSE);
    }
  cmark_node *document = ee_markdown_parse (text, length);
  EeSource source;

  ee_source_init (&source, text, length);
  for (cmark_node *node = cmark_node_first_child (document); node; node = cmark_node_next (node))
    ee_markdown_read_block (builder, &source, node);
  ee_source_clear (&source);
  cmark_node_free (document);

  return ee_rich_text_builder_end (builder);
}
