/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-rich-text.h"

#include <string.h>

#include "ee-markdown-writer.h"
#include "ee-markdown-reader.h"

struct _EeRichText {
  gatomicrefcount  ref_count;
  GPtrArray       *blocks;          /* of EeBlock */
  char            *markdown;        /* canonical Markdown, made on demand */
  GPtrArray       *block_markdown;  /* of char*, made on demand */
};

struct _EeRichTextBuilder {
  GPtrArray *blocks;
  EeBlock   *current;
};

G_DEFINE_BOXED_TYPE (EeRichText, ee_rich_text, ee_rich_text_ref, ee_rich_text_unref)

static void
run_free (gpointer data)
{
  EeRun *run = data;

  g_free (run->text);
  g_free (run->href);
  g_free (run);
}

static EeRun *
run_new (const char *text, gsize len, EeMarks marks, const char *href)
{
  EeRun *run = g_new0 (EeRun, 1);

  run->text = g_strndup (text, len);
  run->marks = marks;
  run->href = g_strdup (href);
  return run;
}

static void
block_free (gpointer data)
{
  EeBlock *block = data;

  g_clear_pointer (&block->runs, g_ptr_array_unref);
  g_free (block->raw);
  g_free (block);
}

static EeRichText *
rich_text_new_take (GPtrArray *blocks)
{
  EeRichText *self = g_new0 (EeRichText, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->blocks = blocks;
  return self;
}

EeRichText *
ee_rich_text_new_empty (void)
{
  return rich_text_new_take (g_ptr_array_new_with_free_func (block_free));
}

/**
 * ee_rich_text_new_plain:
 * @text: plain text; a blank line starts a new paragraph, "\n" breaks a line
 *
 * Returns: (transfer full): the text as paragraphs without formatting
 */
EeRichText *
ee_rich_text_new_plain (const char *text)
{
  g_autoptr(EeRichTextBuilder) builder = ee_rich_text_builder_new ();
  g_auto(GStrv) paragraphs = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  paragraphs = g_strsplit (text, "\n\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      ee_rich_text_builder_begin_block (builder, EE_BLOCK_PARAGRAPH, 0);
      ee_rich_text_builder_add_text (builder, paragraphs[i], EE_MARK_NONE, NULL);
    }
  return ee_rich_text_builder_end (builder);
}

/**
 * ee_rich_text_new_from_markdown:
 * @markdown: Markdown, as ee_rich_text_get_markdown() writes it or as a
 *   person writes it
 * @length: its length, or -1 when nul-terminated
 *
 * Returns: (transfer full): the rich text; what has no place in the model is
 *   kept as written in raw blocks
 */
EeRichText *
ee_rich_text_new_from_markdown (const char *markdown,
                                gssize      length)
{
  g_return_val_if_fail (markdown != NULL, NULL);

  return ee_markdown_read_rich_text (markdown, length < 0 ? strlen (markdown) : (gsize) length);
}

EeRichText *
ee_rich_text_ref (EeRichText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ee_rich_text_unref (EeRichText *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_ptr_array_unref (self->blocks);
      g_free (self->markdown);
      g_clear_pointer (&self->block_markdown, g_ptr_array_unref);
      g_free (self);
    }
}

guint
ee_rich_text_get_n_blocks (EeRichText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->blocks->len;
}

const EeBlock *
ee_rich_text_get_block (EeRichText *self,
                        guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, index);
}

gboolean
ee_rich_text_is_empty (EeRichText *self)
{
  return self == NULL || self->blocks->len == 0;
}

/**
 * ee_rich_text_is_single_paragraph:
 *
 * Returns: whether the value is exactly one paragraph (what fits on the
 *   line of a field label)
 */
gboolean
ee_rich_text_is_single_paragraph (EeRichText *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->blocks->len == 1
         && ((EeBlock *) g_ptr_array_index (self->blocks, 0))->kind == EE_BLOCK_PARAGRAPH;
}

static gboolean
run_equal (const EeRun *a, const EeRun *b)
{
  return a->marks == b->marks && g_strcmp0 (a->text, b->text) == 0 && g_strcmp0 (a->href, b->href) == 0;
}

static gboolean
block_equal (const EeBlock *a, const EeBlock *b)
{
  if (a->kind != b->kind || a->level != b->level)
    return FALSE;
  if (a->kind == EE_BLOCK_RAW)
    return g_strcmp0 (a->raw, b->raw) == 0;
  if (a->runs->len != b->runs->len)
    return FALSE;
  for (guint i = 0; i < a->runs->len; i++)
    if (!run_equal (g_ptr_array_index (a->runs, i), g_ptr_array_index (b->runs, i)))
      return FALSE;
  return TRUE;
}

gboolean
ee_rich_text_equal (EeRichText *a,
                    EeRichText *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return ee_rich_text_is_empty (a) && ee_rich_text_is_empty (b);
  if (a->blocks->len != b->blocks->len)
    return FALSE;
  for (guint i = 0; i < a->blocks->len; i++)
    if (!block_equal (g_ptr_array_index (a->blocks, i), g_ptr_array_index (b->blocks, i)))
      return FALSE;
  return TRUE;
}

static void
ensure_block_markdown (EeRichText *self)
{
  if (self->block_markdown != NULL)
    return;

  self->block_markdown = g_ptr_array_new_full (self->blocks->len, g_free);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      GString *s = g_string_new (NULL);
      ee_markdown_write_block (s, g_ptr_array_index (self->blocks, i));
      g_ptr_array_add (self->block_markdown, g_string_free (s, FALSE));
    }
}

/**
 * ee_rich_text_get_block_markdown:
 *
 * Returns: the block as Markdown, at the top level of a page, without a
 *   trailing newline
 */
const char *
ee_rich_text_get_block_markdown (EeRichText *self,
                                 guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  ensure_block_markdown (self);
  return g_ptr_array_index (self->block_markdown, index);
}

/**
 * ee_rich_text_get_markdown:
 *
 * Returns: the canonical Markdown of the value: blocks separated by a blank
 *   line, bullets of one list by a newline, no trailing newline
 */
const char *
ee_rich_text_get_markdown (EeRichText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->markdown == NULL)
    {
      GString *s = g_string_new (NULL);

      ee_markdown_join_blocks (s, self, FALSE);
      self->markdown = g_string_free (s, FALSE);
    }

  return self->markdown;
}

/**
 * ee_rich_text_to_plain:
 *
 * Returns: (transfer full): the text without formatting: paragraphs
 *   separated by a blank line, bullets on lines of their own
 */
char *
ee_rich_text_to_plain (EeRichText *self)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const EeBlock *block = g_ptr_array_index (self->blocks, i);

      if (i > 0)
        {
          const EeBlock *prev = g_ptr_array_index (self->blocks, i - 1);
          gboolean same_list = prev->kind == EE_BLOCK_BULLET && block->kind == EE_BLOCK_BULLET;
          g_string_append (s, same_list ? "\n" : "\n\n");
        }
      if (block->kind == EE_BLOCK_RAW)
        {
          g_string_append (s, block->raw);
          continue;
        }
      for (guint j = 0; j < block->runs->len; j++)
        g_string_append (s, ((EeRun *) g_ptr_array_index (block->runs, j))->text);
    }

  return g_string_free (s, FALSE);
}

static void
add_run (GPtrArray *runs, const char *text, gsize len, EeMarks marks, const char *href)
{
  EeRun *last = runs->len ? g_ptr_array_index (runs, runs->len - 1) : NULL;

  if (len == 0)
    return;
  /* Merge with the previous run when it looks the same; raw and code runs
   * stay apart so their boundaries are kept. */
  if (last != NULL && last->marks == marks && g_strcmp0 (last->href, href) == 0
      && !(marks & (EE_MARK_RAW | EE_MARK_CODE)))
    {
      gsize old_len = strlen (last->text);
      char *joined = g_malloc (old_len + len + 1);

      memcpy (joined, last->text, old_len);
      memcpy (joined + old_len, text, len);
      joined[old_len + len] = 0;
      g_free (last->text);
      last->text = joined;
      return;
    }
  g_ptr_array_add (runs, run_new (text, len, marks, href));
}

/* Builder ------------------------------------------------------------------- */

EeRichTextBuilder *
ee_rich_text_builder_new (void)
{
  EeRichTextBuilder *builder = g_new0 (EeRichTextBuilder, 1);

  builder->blocks = g_ptr_array_new_with_free_func (block_free);
  return builder;
}

void
ee_rich_text_builder_free (EeRichTextBuilder *builder)
{
  if (builder == NULL)
    return;
  g_ptr_array_unref (builder->blocks);
  g_free (builder);
}

void
ee_rich_text_builder_begin_block (EeRichTextBuilder *builder,
                                  EeBlockKind        kind,
                                  guint              level)
{
  EeBlock *block;

  g_return_if_fail (builder != NULL);
  g_return_if_fail (kind == EE_BLOCK_PARAGRAPH || kind == EE_BLOCK_BULLET);

  block = g_new0 (EeBlock, 1);
  block->kind = kind;
  block->level = kind == EE_BLOCK_BULLET ? MIN (level, 1) : 0;
  block->runs = g_ptr_array_new_with_free_func (run_free);
  g_ptr_array_add (builder->blocks, block);
  builder->current = block;
}

/**
 * ee_rich_text_builder_add_text:
 * @text: the text; "\n" breaks the line.  Invalid UTF-8 is repaired.
 * @marks: its formatting
 * @href: (nullable): the link target
 *
 * Adds a run to the current block, starting a paragraph if there is none.
 */
void
ee_rich_text_builder_add_text (EeRichTextBuilder *builder,
                               const char        *text,
                               EeMarks            marks,
                               const char        *href)
{
  g_autofree char *valid = NULL;

  g_return_if_fail (builder != NULL);
  g_return_if_fail (text != NULL);

  if (builder->current == NULL || builder->current->kind == EE_BLOCK_RAW)
    ee_rich_text_builder_begin_block (builder, EE_BLOCK_PARAGRAPH, 0);

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  /* Text with the same formatting joins the run before it (cmark-gfm gives
   * text in many small pieces). */
  add_run (builder->current->runs, text, strlen (text), marks, href);
}

void
ee_rich_text_builder_add_raw (EeRichTextBuilder *builder,
                              const char        *markdown)
{
  EeBlock *block;

  g_return_if_fail (builder != NULL);
  g_return_if_fail (markdown != NULL);

  block = g_new0 (EeBlock, 1);
  block->kind = EE_BLOCK_RAW;
  block->raw = g_utf8_make_valid (markdown, -1);
  g_ptr_array_add (builder->blocks, block);
  builder->current = block;
}

/**
 * ee_rich_text_builder_add_rich_text:
 *
 * Appends copies of all blocks of @text.
 */
void
ee_rich_text_builder_add_rich_text (EeRichTextBuilder *builder,
                                    EeRichText        *text)
{
  g_return_if_fail (builder != NULL);
  g_return_if_fail (text != NULL);

  for (guint i = 0; i < text->blocks->len; i++)
    {
      const EeBlock *block = g_ptr_array_index (text->blocks, i);

      if (block->kind == EE_BLOCK_RAW)
        {
          ee_rich_text_builder_add_raw (builder, block->raw);
          continue;
        }
      ee_rich_text_builder_begin_block (builder, block->kind, block->level);
      for (guint j = 0; j < block->runs->len; j++)
        {
          const EeRun *run = g_ptr_array_index (block->runs, j);
          ee_rich_text_builder_add_text (builder, run->text, run->marks, run->href);
        }
    }
  builder->current = NULL;
}

/* Canonical form ------------------------------------------------------------- */

static gboolean
is_md_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Control characters and byte-order marks mean nothing on a page, and
 * Python-Markdown uses STX and ETX internally; line ends become "\n".  Works in place: the result is
 * never longer. */
static void
clean_text (char *text)
{
  char *w = text;

  for (const char *r = text; *r; r++)
    {
      unsigned char c = (unsigned char) *r;

      if (c == 0xef && (unsigned char) r[1] == 0xbb && (unsigned char) r[2] == 0xbf)
        r += 2;  /* U+FEFF, the byte-order mark: invisible, and dropped by
                  * cmark-gfm at the start of a text */
      else if (c >= 0x20 || c == '\t' || c == '\n')
        *w++ = (char) c;
      else if (c == '\r')
        {
          *w++ = '\n';
          if (r[1] == '\n')
            r++;
        }
      else if (c == '\f' || c == '\v')
        *w++ = ' ';
    }
  *w = 0;
}

/* A link target is written inside (...) or <...>, so it must not hold white
 * space or angle brackets; parentheses must balance. */
static char *
clean_href (const char *href)
{
  GString *s = g_string_new (NULL);
  int depth = 0;
  g_autofree char *trimmed = g_strdup (href);

  clean_text (trimmed);
  g_strstrip (trimmed);

  for (const char *p = trimmed; *p; p++)
    if (*p == ')')
      depth--;
    else if (*p == '(')
      depth++;

  for (const char *p = trimmed; *p; p++)
    {
      char c = *p;

      if (c == ' ' || c == '\t' || c == '\n')
        g_string_append (s, "%20");
      else if (c == '<')
        g_string_append (s, "%3C");
      else if (c == '>')
        g_string_append (s, "%3E");
      else if (c == '`')
        g_string_append (s, "%60");
      else if (c == '\\')
        g_string_append (s, "%5C");
      else if ((c == '(' || c == ')') && depth != 0)
        g_string_append (s, c == '(' ? "%28" : "%29");
      else
        g_string_append_c (s, c);
    }
  if (s->len == 0)
    g_string_append (s, "#");
  return g_string_free (s, FALSE);
}

static gboolean
url_char (gunichar c)
{
  return !(g_unichar_isspace (c) || c == '<' || c == '>' || c == '"' || c == '`' || c < 0x20 || c == '[' || c == ']'
           || c == '\\'
           || c == 0x2192 /* → */ || c == 0x2190);
}

/**
 * Finds the next bare URL in @text: "http://" or "https://" at a word start,
 * without the punctuation that ends a sentence or closes a bracket around it.
 */
static gboolean
find_url (const char *text, gsize *start, gsize *end)
{
  const char *p = text;

  while ((p = strstr (p, "http")) != NULL)
    {
      const char *q;
      const char *host;
      gboolean at_word_start = p == text
        || !g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (text, p)));

      if (g_str_has_prefix (p, "https://"))
        host = p + 8;
      else if (g_str_has_prefix (p, "http://"))
        host = p + 7;
      else
        {
          p += 4;
          continue;
        }

      q = host;
      while (*q && url_char (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);

      /* Trailing punctuation belongs to the sentence. */
      for (;;)
        {
          char last = q > host ? q[-1] : 0;

          if (last && strchr (".,:;!?'*_~\"", last))
            q--;
          else if (last == ')' || last == ']')
            {
              char open = last == ')' ? '(' : '[';
              int balance = 0;
              for (const char *r = p; r < q; r++)
                balance += (*r == open) - (*r == last);
              if (balance < 0)
                q--;
              else
                break;
            }
          else
            break;
        }

      if (at_word_start && q > host)
        {
          *start = p - text;
          *end = q - text;
          return TRUE;
        }
      p = host;
    }
  return FALSE;
}


/* Appends @run to @runs, taking it: joined to the run before when both look
 * the same, dropped when empty.  Raw and code runs stay apart so their
 * boundaries are kept. */
static void
push_run (GPtrArray *runs, EeRun *run)
{
  EeRun *last = runs->len ? g_ptr_array_index (runs, runs->len - 1) : NULL;

  if (run->text[0] == 0)
    {
      run_free (run);
      return;
    }
  if (last != NULL && last->marks == run->marks && g_strcmp0 (last->href, run->href) == 0
      && !(run->marks & (EE_MARK_RAW | EE_MARK_CODE)))
    {
      char *joined = g_strconcat (last->text, run->text, NULL);
      g_free (last->text);
      last->text = joined;
      run_free (run);
      return;
    }
  g_ptr_array_add (runs, run);
}

/* White space at the edges of bold or italic text is written outside the
 * delimiters, so it is not formatted. */
static void
push_emphasis_run (GPtrArray *runs, EeRun *run)
{
  const char *text = run->text;
  const char *start = text;
  const char *end = text + strlen (text);
  EeMarks plain = run->marks & ~(EE_MARK_BOLD | EE_MARK_ITALIC);

  if (run->marks != plain)
    ee_markdown_strip_bounds (text, &start, &end);
  if (start == text && *end == 0)
    {
      push_run (runs, run);
      return;
    }
  push_run (runs, run_new (text, start - text, plain, run->href));
  push_run (runs, run_new (start, end - start, run->marks, run->href));
  push_run (runs, run_new (end, strlen (end), plain, run->href));
  run_free (run);
}

/* Splits a plain run at bare URLs, which become links to themselves. */
static void
push_linkified (GPtrArray *runs, EeRun *run)
{
  gsize start, end;
  const char *p = run->text;

  if (strstr (p, "http") == NULL)
    {
      push_emphasis_run (runs, run);
      return;
    }
  while (find_url (p, &start, &end))
    {
      g_autofree char *url = g_strndup (p + start, end - start);
      g_autofree char *href = clean_href (url);

      push_emphasis_run (runs, run_new (p, start, run->marks, NULL));
      push_emphasis_run (runs, run_new (url, strlen (url), run->marks, href));
      p += end;
    }
  push_emphasis_run (runs, run_new (p, strlen (p), run->marks, NULL));
  run_free (run);
}

/* White space as Python's str.strip() sees it, which Python-Markdown uses
 * to trim lines: Unicode spaces as well as ASCII ones. */
static gboolean
is_unicode_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x85;
}

/* Removes white space at the end of @text; returns the new length. */
static gsize
rtrim (char *text, gsize len)
{
  while (len > 0)
    {
      const char *prev = g_utf8_find_prev_char (text, text + len);
      if (prev == NULL || !is_unicode_space (g_utf8_get_char (prev)))
        break;
      len = prev - text;
    }
  text[len] = 0;
  return len;
}

/* Removes white space at the start and end of every line of a block and
 * repeated line breaks, in place. */
static void
trim_lines (GPtrArray *runs)
{
  gboolean at_line_start = TRUE;

  for (guint i = 0; i < runs->len; i++)
    {
      EeRun *run = g_ptr_array_index (runs, i);
      char *w = run->text;
      const char *r = run->text;

      if (run->marks & EE_MARK_RAW)
        {
          at_line_start = FALSE;
          continue;
        }
      if (!at_line_start && strchr (r, '\n') == NULL)
        continue;

      while (*r)
        {
          const char *nl;
          gsize len;

          if (*r == '\n')
            {
              w = run->text + rtrim (run->text, w - run->text);
              /* Trailing white space may also end the previous runs. */
              if (w == run->text)
                for (guint k = i; k-- > 0;)
                  {
                    EeRun *prev = g_ptr_array_index (runs, k);
                    if ((prev->marks & EE_MARK_RAW) || rtrim (prev->text, strlen (prev->text)) > 0)
                      break;
                  }
              if (!at_line_start)
                *w++ = '\n';
              at_line_start = TRUE;
              r++;
              continue;
            }
          if (at_line_start)
            {
              gunichar c = g_utf8_get_char (r);
              if (is_unicode_space (c))
                {
                  r = g_utf8_next_char (r);
                  continue;
                }
            }
          at_line_start = FALSE;
          nl = strchr (r, '\n');
          len = nl ? (gsize) (nl - r) : strlen (r);
          memmove (w, r, len);
          w += len;
          r += len;
        }
      *w = 0;
    }

  /* No line break, and no white space, at the very end. */
  for (guint i = runs->len; i-- > 0;)
    {
      EeRun *run = g_ptr_array_index (runs, i);
      gsize len = strlen (run->text);

      if (run->marks & EE_MARK_RAW)
        break;
      while (len > 0 && run->text[len - 1] == '\n')
        len--;
      if (rtrim (run->text, len) > 0)
        break;
    }
}

/* Makes the runs of one block canonical; takes @in. */
static GPtrArray *
canonical_runs (GPtrArray *in)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (run_free);
  g_autoptr(GPtrArray) cleaned = g_ptr_array_new_with_free_func (run_free);
  gsize n;
  EeRun **runs = (EeRun **) g_ptr_array_steal (in, &n);

  g_ptr_array_unref (in);
  for (gsize i = 0; i < n; i++)
    {
      EeRun *run = runs[i];

      if (run->marks & EE_MARK_RAW)
        {
          /* An inline tag written over two lines is the same tag on one;
           * a line break inside it would be written as a break. */
          run->marks = EE_MARK_RAW;
          g_clear_pointer (&run->href, g_free);
          g_strdelimit (run->text, "\r\n", ' ');
        }
      else
        {
          clean_text (run->text);
          if (run->href != NULL)
            {
              char *href = clean_href (run->href);
              g_free (run->href);
              run->href = href;
              /* A link's text is one line. */
              g_strdelimit (run->text, "\n", ' ');
            }
          if (run->marks & EE_MARK_CODE)
            g_strdelimit (run->text, "\n", ' ');
        }
      push_run (cleaned, run);
    }
  g_free (runs);

  trim_lines (cleaned);

  runs = (EeRun **) g_ptr_array_steal (cleaned, &n);
  for (gsize i = 0; i < n; i++)
    {
      EeRun *run = runs[i];

      if (run->href == NULL && !(run->marks & (EE_MARK_RAW | EE_MARK_CODE)))
        push_linkified (out, run);
      else if (run->href != NULL && !(run->marks & EE_MARK_CODE))
        {
          /* No white space at the edges of a link's text; a link without
           * text is dropped. */
          char *text = ee_markdown_strip (run->text);
          g_free (run->text);
          run->text = text;
          push_emphasis_run (out, run);
        }
      else
        push_run (out, run);
    }
  g_free (runs);

  return out;
}

static gboolean
starts_with_raw_tag (const EeBlock *block)
{
  const EeRun *first = g_ptr_array_index (block->runs, 0);

  return (first->marks & EE_MARK_RAW) && first->text[0] == '<'
         && (g_ascii_isalpha (first->text[1]) || first->text[1] == '/' || first->text[1] == '!' || first->text[1] == '?');
}

static char *
canonical_raw (const char *raw)
{
  g_autofree char *cleaned = g_strdup (raw);
  gsize len;
  const char *start = cleaned;

  /* Keep the text as written, but without blank lines around it. */
  g_strdelimit (cleaned, "\r", '\n');
  while (*start == '\n')
    start++;
  len = strlen (start);
  while (len > 0 && is_md_space (start[len - 1]))
    len--;
  return g_strndup (start, len);
}

/**
 * ee_rich_text_builder_end:
 *
 * Returns: (transfer full): the canonical rich text of what was added; the
 *   builder is empty again
 */
EeRichText *
ee_rich_text_builder_end (EeRichTextBuilder *builder)
{
  GPtrArray *blocks;

  g_return_val_if_fail (builder != NULL, NULL);

  blocks = g_ptr_array_new_with_free_func (block_free);

  for (guint i = 0; i < builder->blocks->len; i++)
    {
      EeBlock *in = g_ptr_array_index (builder->blocks, i);
      EeBlock *block;

      if (in->kind == EE_BLOCK_RAW)
        {
          g_autofree char *raw = canonical_raw (in->raw);

          if (*raw == 0)
            continue;
          block = g_new0 (EeBlock, 1);
          block->kind = EE_BLOCK_RAW;
          block->raw = g_steal_pointer (&raw);
          g_ptr_array_add (blocks, block);
          continue;
        }

      block = g_new0 (EeBlock, 1);
      block->kind = in->kind;
      block->runs = canonical_runs (g_steal_pointer (&in->runs));
      if (block->runs->len == 0)
        {
          block_free (block);
          continue;
        }
      /* A paragraph that starts with a tag kept as written ("<p>…") reads
       * back as an HTML block: it is one, kept as written. */
      if (block->kind == EE_BLOCK_PARAGRAPH && starts_with_raw_tag (block))
        {
          GString *markdown = g_string_new (NULL);

          ee_markdown_write_block (markdown, block);
          block_free (block);
          block = g_new0 (EeBlock, 1);
          block->kind = EE_BLOCK_RAW;
          block->raw = g_string_free (markdown, FALSE);
        }

      /* A nested bullet needs a bullet above it. */
      if (in->kind == EE_BLOCK_BULLET && in->level > 0 && blocks->len > 0
          && ((EeBlock *) g_ptr_array_index (blocks, blocks->len - 1))->kind == EE_BLOCK_BULLET)
        block->level = 1;
      g_ptr_array_add (blocks, block);
    }

  g_ptr_array_set_size (builder->blocks, 0);
  builder->current = NULL;

  return rich_text_new_take (blocks);
}
