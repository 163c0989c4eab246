/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-markdown-writer.h"

#include <string.h>

/*
 * Python-Markdown only honours a backslash before a fixed set of ASCII
 * characters, and the hub's extensions give meaning to a few more (":" in
 * emoji shortcodes, "???" for details, "=" as a heading underline).  Where a
 * character must not be read as syntax and a backslash would not work in
 * both dialects, it is written as a numeric character reference, which both
 * decode to the same character.
 */

static gboolean
is_ascii_punct (gunichar c)
{
  return c < 128 && g_ascii_ispunct (c);
}

/* Python's \w: letters, digits and the underscore, in any script. */
static gboolean
is_word_char (gunichar c)
{
  return c == '_' || g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
looks_like_entity (const char *p, const char *end)
{
  /* p points at '&' */
  const char *q = p + 1;

  if (q < end && *q == '#')
    {
      q++;
      if (q < end && (*q == 'x' || *q == 'X'))
        {
          q++;
          if (q >= end || !g_ascii_isxdigit (*q))
            return FALSE;
          while (q < end && g_ascii_isxdigit (*q))
            q++;
        }
      else
        {
          if (q >= end || !g_ascii_isdigit (*q))
            return FALSE;
          while (q < end && g_ascii_isdigit (*q))
            q++;
        }
    }
  else
    {
      if (q >= end || !g_ascii_isalpha (*q))
        return FALSE;
      while (q < end && g_ascii_isalnum (*q))
        q++;
    }

  return q < end && *q == ';';
}

/* pymdownx.emoji turns :name: into an emoji; name is [+\-\w]+. */
static gboolean
starts_emoji_shortcode (const char *p, const char *end)
{
  const char *q = p + 1;
  gboolean any = FALSE;

  while (q < end && *q != ':')
    {
      gunichar c = g_utf8_get_char (q);
      if (!(c == '+' || c == '-' || is_word_char (c)))
        return FALSE;
      any = TRUE;
      q = g_utf8_next_char (q);
    }

  return any && q < end && *q == ':';
}

static gboolean
starts_ordered_marker (const char *p, const char *end, const char **marker)
{
  const char *q = p;

  while (q < end && g_ascii_isdigit (*q))
    q++;
  if (q == p || q >= end || (*q != '.' && *q != ')'))
    return FALSE;
  *marker = q;
  return TRUE;
}

/**
 * ee_markdown_strip_bounds:
 * @start: (out): where @text starts without white space
 * @end: (out): where it ends
 *
 * Finds @text without white space, Unicode spaces included, at either end.
 */
void
ee_markdown_strip_bounds (const char  *text,
                          const char **start,
                          const char **end)
{
  const char *s = text;
  const char *e = text + strlen (text);

  while (*s && g_unichar_isspace (g_utf8_get_char (s)))
    s = g_utf8_next_char (s);
  while (e > s)
    {
      const char *prev = g_utf8_find_prev_char (s, e);
      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      e = prev;
    }
  *start = s;
  *end = e;
}

/**
 * ee_markdown_strip:
 *
 * Returns: (transfer full): @text without white space, Unicode spaces
 *   included, at either end: what a one-line value means on the page
 */
char *
ee_markdown_strip (const char *text)
{
  const char *start, *end;

  ee_markdown_strip_bounds (text, &start, &end);
  return g_strndup (start, end - start);
}

/*
 * Escapes the text from @start to @end, a part of the line that runs from
 * @line to @line_end.  Whether a character would be read as syntax can
 * depend on what comes after it on the line, in this run or the next ones
 * ("&cop" followed by a bold "y;" is still "&copy;" to Python-Markdown), so
 * the checks look at the whole line.
 */
static void
escape_range (GString    *out,
              const char *line,
              const char *line_end,
              const char *start,
              const char *end,
              gboolean    at_line_start,
              gboolean    in_link_text)
{
  const char *ordered_marker = NULL;
  gunichar prev = 0;

  if (at_line_start && !starts_ordered_marker (start, end, &ordered_marker))
    ordered_marker = NULL;

  for (const char *p = start; p < end;)
    {
      const char *next_p = g_utf8_next_char (p);
      gunichar c = g_utf8_get_char (p);
      gunichar next = next_p < end ? g_utf8_get_char (next_p) : 0;
      gunichar next_on_line = next_p < line_end ? g_utf8_get_char (next_p) : 0;
      gboolean line_start = at_line_start && p == start;
      const char *plain_end = p;

      /* Most text needs nothing: copy it in one go. */
      while (plain_end < end && ((*plain_end >= 'a' && *plain_end <= 'z') || (*plain_end >= 'A' && *plain_end <= 'Z')
                                 || (*plain_end >= '0' && *plain_end <= '9' && !line_start) || *plain_end == ' '
                                 || *plain_end == ',' || *plain_end == '.' || *plain_end == ';' || *plain_end == '/'
                                 || *plain_end == '(' || *plain_end == ')' || *plain_end == '\'' || *plain_end == '"'
                                 || *plain_end == '%' || *plain_end == '@')
             && plain_end != ordered_marker && !(line_start && plain_end == p))
        plain_end++;
      if (plain_end > p)
        {
          /* Keep the last character for the checks that look back. */
          g_string_append_len (out, p, plain_end - p);
          prev = (guchar) plain_end[-1];
          p = plain_end;
          continue;
        }

      if (p == ordered_marker)
        {
          /* "2024. A year" must not become an ordered list. */
          g_string_append (out, c == '.' ? "\\." : "&#41;");
          prev = c;
          p = next_p;
          continue;
        }

      switch (c)
        {
        case '\\':
          /* At the end of the run, the next character may be a delimiter. */
          if (next == 0 || is_ascii_punct (next))
            g_string_append (out, "\\\\");
          else
            g_string_append_c (out, '\\');
          break;

        case '*':
        case '`':
        case '[':
        case '|':
        case '{':
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
          break;

        case ']':
          if (in_link_text)
            g_string_append_c (out, '\\');
          g_string_append_c (out, ']');
          break;

        case '_':
          /* Inside a word, "_" is text to both; at the edge of a run the
           * next character may be a delimiter. */
          if (prev != 0 && next != 0 && g_unichar_isalnum (prev) && g_unichar_isalnum (next))
            g_string_append_c (out, '_');
          else
            g_string_append (out, "\\_");
          break;

        case '<':
          if (next_on_line == 0 || next_on_line == '<'
              || (next_on_line < 128 && (g_ascii_isalpha (next_on_line) || next_on_line == '/'
                                         || next_on_line == '!' || next_on_line == '?')))
            g_string_append (out, "&lt;");
          else
            g_string_append_c (out, '<');
          break;

        case '&':
          if (looks_like_entity (p, line_end))
            g_string_append (out, "&amp;");
          else
            g_string_append_c (out, '&');
          break;

        case ':':
          if (starts_emoji_shortcode (p, line_end))
            g_string_append (out, "&#58;");
          else
            g_string_append_c (out, ':');
          break;

        case '#':
        case '>':
        case '-':
        case '+':
        case '!':
          if (line_start || (c == '!' && next == 0))
            g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
          break;

        case '=':
          g_string_append (out, line_start ? "&#61;" : "=");
          break;

        case '~':
          g_string_append (out, line_start ? "&#126;" : "~");
          break;

        case '?':
          /* pymdownx.details: "??? note" */
          if (line_start && next == '?')
            g_string_append (out, "&#63;");
          else
            g_string_append_c (out, '?');
          break;

        default:
          g_string_append_len (out, p, next_p - p);
          break;
        }

      prev = c;
      p = next_p;
    }
}

void
ee_markdown_escape_text (GString    *out,
                         const char *text,
                         gssize      length,
                         gboolean    at_line_start,
                         gboolean    in_link_text)
{
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);

  escape_range (out, text, end, text, end, at_line_start, in_link_text);
}

void
ee_markdown_write_heading_text (GString    *out,
                                const char *heading)
{
  g_autofree char *text = ee_markdown_strip (heading);
  gsize before = out->len;

  ee_markdown_escape_text (out, text, -1, TRUE, FALSE);

  /* A heading's closing "#"s are not part of its text in either dialect. */
  if (out->len > before && out->str[out->len - 1] == '#'
      && !(out->len - before >= 2 && out->str[out->len - 2] == '\\'))
    {
      g_string_truncate (out, out->len - 1);
      g_string_append (out, "\\#");
    }
}

/* Emphasis ------------------------------------------------------------------ */

/* Characters that CommonMark may count as punctuation when deciding whether
 * "*" can open or close emphasis: when unsure, say yes. */
static gboolean
maybe_punct (gunichar c)
{
  return is_ascii_punct (c) || g_unichar_ispunct (c);
}

/* Characters that certainly are punctuation or white space to CommonMark. */
static gboolean
surely_space_or_punct (gunichar c)
{
  if (c == 0 || g_unichar_isspace (c) || is_ascii_punct (c))
    return TRUE;
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_SPACE_SEPARATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

/* A character that CommonMark might count as neither white space nor
 * punctuation, next to which a delimiter changes meaning. */
static gboolean
is_wordish (gunichar c)
{
  return c != 0 && !surely_space_or_punct (c);
}

/*
 * How to write one stretch of emphasis so that CommonMark and
 * Python-Markdown both read it, and read it the same:
 *
 * - The delimiters are "*" (italic), "**" (bold) and "**_…_**" (both), or
 *   "_", "__" and "__*…*__" when a "*" stands right outside: delimiters of
 *   one kind that touch run together.
 * - CommonMark's flanking rules want white space or punctuation outside a
 *   delimiter that has punctuation inside it ("_" always).  When a letter
 *   stands there, it is written as a character reference ("&#120;"), which
 *   ends in ";" to CommonMark and reads as the same letter to both.
 * - Only when "*" stands on one side and "_" on the other do the inline HTML
 *   tags <strong> and <em> remain.
 */
typedef struct {
  char     family;        /* '*', '_', or 0 for HTML tags */
  gboolean entity_prev;   /* write the character before as a reference */
  gboolean entity_next;   /* write the character after as a reference */
} EmphasisPlan;

static EmphasisPlan
plan_emphasis (gunichar prev_out, gunichar first, gunichar last, gunichar next_out, EeMarks marks)
{
  EmphasisPlan plan = { '*', FALSE, FALSE };

  if (prev_out == '*' || next_out == '*')
    plan.family = '_';
  if (plan.family == '_' && (prev_out == '_' || next_out == '_'))
    {
      plan.family = 0;
      return plan;
    }

  /* In **_text_** the outer delimiters stand next to the inner ones,
   * which are punctuation. */
  if ((marks & EE_MARK_BOLD) && (marks & EE_MARK_ITALIC))
    first = last = '_';

  if (plan.family == '_')
    {
      plan.entity_prev = is_wordish (prev_out);
      plan.entity_next = is_wordish (next_out);
    }
  else
    {
      plan.entity_prev = is_wordish (prev_out) && maybe_punct (first);
      plan.entity_next = is_wordish (next_out) && maybe_punct (last);
    }
  return plan;
}

static void
open_emphasis (GString *out, EeMarks marks, char family)
{
  char other = family == '*' ? '_' : '*';

  if (family == 0)
    {
      if (marks & EE_MARK_BOLD)
        g_string_append (out, "<strong>");
      if (marks & EE_MARK_ITALIC)
        g_string_append (out, "<em>");
      return;
    }
  if (marks & EE_MARK_BOLD)
    {
      g_string_append_c (out, family);
      g_string_append_c (out, family);
    }
  if (marks & EE_MARK_ITALIC)
    g_string_append_c (out, (marks & EE_MARK_BOLD) ? other : family);
}

static void
close_emphasis (GString *out, EeMarks marks, char family)
{
  char other = family == '*' ? '_' : '*';

  if (family == 0)
    {
      if (marks & EE_MARK_ITALIC)
        g_string_append (out, "</em>");
      if (marks & EE_MARK_BOLD)
        g_string_append (out, "</strong>");
      return;
    }
  if (marks & EE_MARK_ITALIC)
    g_string_append_c (out, (marks & EE_MARK_BOLD) ? other : family);
  if (marks & EE_MARK_BOLD)
    {
      g_string_append_c (out, family);
      g_string_append_c (out, family);
    }
}

/* Writes the last character of the line so far as a character reference. */
static void
reference_last_char (GString *out, gsize line_start)
{
  const char *last = g_utf8_find_prev_char (out->str + line_start, out->str + out->len);
  gunichar c = g_utf8_get_char (last);

  gsize backslashes = 0;

  g_string_truncate (out, last - out->str);
  /* A backslash left before the reference would escape its "&". */
  while (backslashes < out->len - line_start && out->str[out->len - 1 - backslashes] == '\\')
    backslashes++;
  if (backslashes % 2 == 1)
    g_string_append_c (out, '\\');
  g_string_append_printf (out, "&#%u;", c);
}

static gunichar
last_char_of (GString *s, gsize line_start)
{
  if (s->len <= line_start)
    return 0;
  return g_utf8_get_char (g_utf8_find_prev_char (s->str + line_start, s->str + s->len));
}

static gunichar
first_char_of (const char *text)
{
  return text && *text ? g_utf8_get_char (text) : 0;
}

typedef struct {
  const EeRun *run;       /* NULL for a line break */
  const char  *text;      /* one line of the run's text, in the line buffer */
  gsize        len;
  const char  *line;      /* the whole line, all runs, in the line buffer */
  const char  *line_end;
} Piece;

/* A link to itself is written <https://…>, unless its address holds what
 * Python-Markdown reads before autolinks ("[…]") or what CommonMark decodes
 * inside them (character references). */
static gboolean
is_autolink_target (const char *href, const char *text, gsize len)
{
  const char *end = href + strlen (href);

  if ((gsize) (end - href) != len || strncmp (href, text, len) != 0
      || !(g_str_has_prefix (href, "https://") || g_str_has_prefix (href, "http://")))
    return FALSE;
  for (const char *p = href; *p; p++)
    if (*p == '[' || *p == ']' || (*p == '&' && looks_like_entity (p, end)))
      return FALSE;
  return TRUE;
}

/* A link target inside (…): what would read as a character reference is
 * kept as written. */
static void
write_destination (GString *out, const char *href)
{
  const char *end = href + strlen (href);

  for (const char *p = href; *p; p++)
    if (*p == '&' && looks_like_entity (p, end))
      g_string_append (out, "&amp;");
    else
      g_string_append_c (out, *p);
}

/* What the output will show right after a piece: its first character. */
static gunichar
piece_first_output_char (const Piece *piece)
{
  if (piece == NULL)
    return 0;
  if (piece->run->marks & EE_MARK_RAW)
    return first_char_of (piece->text);
  if (piece->run->href != NULL)
    {
      if (is_autolink_target (piece->run->href, piece->text, piece->len))
        return (piece->run->marks & (EE_MARK_BOLD | EE_MARK_ITALIC)) ? '*' : '<';
      return '[';
    }
  if (piece->run->marks & EE_MARK_CODE)
    return (piece->run->marks & (EE_MARK_BOLD | EE_MARK_ITALIC)) ? '*' : '`';
  if (piece->run->marks & (EE_MARK_BOLD | EE_MARK_ITALIC))
    return '*';
  return piece->len > 0 ? g_utf8_get_char (piece->text) : 0;
}

static void
write_code (GString *out, const char *text, gsize len)
{
  guint longest = 0, current = 0;
  g_autofree char *fence = NULL;
  gboolean pad;

  for (gsize i = 0; i < len; i++)
    {
      current = text[i] == '`' ? current + 1 : 0;
      longest = MAX (longest, current);
    }
  fence = g_strnfill (longest + 1, '`');
  pad = len > 0 && (text[0] == '`' || text[len - 1] == '`');
  g_string_append (out, fence);
  if (pad)
    g_string_append_c (out, ' ');
  g_string_append_len (out, text, len);
  if (pad)
    g_string_append_c (out, ' ');
  g_string_append (out, fence);
}

/* Writes bold or italic text; returns whether the character after it must
 * be written as a character reference. */
static gboolean
write_emphasis (GString     *out,
                gsize        line_start,
                const Piece *piece,
                EeMarks      marks,
                gunichar     next_out,
                gboolean     in_link_text)
{
  const char *core = piece->text;
  const char *core_end = piece->text + piece->len;
  EmphasisPlan plan;

  /* The canonical form keeps white space outside emphasis. */
  g_assert (core < core_end);

  plan = plan_emphasis (last_char_of (out, line_start), g_utf8_get_char (core),
                        g_utf8_get_char (g_utf8_find_prev_char (core, core_end)), next_out, marks);
  if (plan.entity_prev)
    reference_last_char (out, line_start);
  open_emphasis (out, marks, plan.family);
  escape_range (out, piece->line, piece->line_end, core, core_end, FALSE, in_link_text);
  close_emphasis (out, marks, plan.family);
  return plan.entity_next;
}


/* Writes one piece of a line.  @entity_first: write its first character as
 * a character reference (emphasis before it asked for that).  Returns
 * whether the piece after it must do so. */
static gboolean
write_piece (GString     *out,
             gsize        line_start,
             const Piece *piece,
             const Piece *next,
             gboolean     entity_first)
{
  const EeRun *run = piece->run;
  gunichar next_out = piece_first_output_char (next);
  EeMarks emphasis = run->marks & (EE_MARK_BOLD | EE_MARK_ITALIC);
  const char *text = piece->text;
  const char *end = piece->text + piece->len;

  if (run->marks & EE_MARK_RAW)
    {
      g_string_append_len (out, text, piece->len);
      return FALSE;
    }

  if (run->href != NULL)
    {
      if (is_autolink_target (run->href, text, piece->len))
        {
          EmphasisPlan plan = { '*', FALSE, FALSE };

          if (emphasis)
            {
              plan = plan_emphasis (last_char_of (out, line_start), '<', '>', next_out, emphasis);
              if (plan.entity_prev)
                reference_last_char (out, line_start);
              open_emphasis (out, emphasis, plan.family);
            }
          g_string_append_c (out, '<');
          g_string_append (out, run->href);
          g_string_append_c (out, '>');
          if (emphasis)
            close_emphasis (out, emphasis, plan.family);
          return plan.entity_next;
        }

      /* "!" right before "[" would make the link an image. */
      if (out->len > line_start && out->str[out->len - 1] == '!'
          && !(out->len >= 2 && out->str[out->len - 2] == '\\'))
        g_string_insert_c (out, out->len - 1, '\\');
      g_string_append_c (out, '[');
      if (run->marks & EE_MARK_CODE)
        {
          open_emphasis (out, emphasis, '*');
          write_code (out, text, piece->len);
          close_emphasis (out, emphasis, '*');
        }
      else if (emphasis)
        write_emphasis (out, out->len, piece, emphasis, ']', TRUE);
      else
        escape_range (out, piece->line, piece->line_end, text, end, FALSE, TRUE);
      g_string_append (out, "](");
      write_destination (out, run->href);
      g_string_append_c (out, ')');
      return FALSE;
    }

  if (run->marks & EE_MARK_CODE)
    {
      EmphasisPlan plan = { '*', FALSE, FALSE };

      if (emphasis)
        {
          plan = plan_emphasis (last_char_of (out, line_start), '`', '`', next_out, emphasis);
          if (plan.entity_prev)
            reference_last_char (out, line_start);
          open_emphasis (out, emphasis, plan.family);
        }
      write_code (out, text, piece->len);
      if (emphasis)
        close_emphasis (out, emphasis, plan.family);
      return plan.entity_next;
    }

  if (emphasis)
    return write_emphasis (out, line_start, piece, emphasis, next_out, FALSE);

  if (entity_first)
    {
      g_string_append_printf (out, "&#%u;", g_utf8_get_char (text));
      text = g_utf8_next_char (text);
    }
  escape_range (out, piece->line, piece->line_end, text, end, out->len == line_start, FALSE);
  return FALSE;
}

void
ee_markdown_write_runs (GString    *out,
                        GPtrArray  *runs,
                        const char *continuation_indent)
{
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_autoptr(GString) buffer = g_string_new (NULL);
  gsize line_start = out->len;
  gsize line_begin = 0;
  gboolean entity_first = FALSE;

  /* Split runs at line breaks: each line's formatting is closed before the
   * break, so no delimiter spans lines.  All text goes into one buffer, so
   * escaping can see the whole line; pointers are set once it is full. */
  for (guint i = 0; i < runs->len; i++)
    {
      const EeRun *run = g_ptr_array_index (runs, i);
      const char *p = run->text;

      for (;;)
        {
          const char *nl = strchr (p, '\n');
          gsize len = nl ? (gsize) (nl - p) : strlen (p);
          Piece piece = { run, GSIZE_TO_POINTER (buffer->len), len, NULL, NULL };

          g_string_append_len (buffer, p, len);
          if (len > 0)
            g_array_append_val (pieces, piece);
          if (nl == NULL)
            break;
          piece = (Piece) { NULL, GSIZE_TO_POINTER (buffer->len), 0, NULL, NULL };
          g_string_append_c (buffer, '\n');
          g_array_append_val (pieces, piece);
          p = nl + 1;
        }
    }

  for (guint i = 0; i < pieces->len; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);

      piece->text = buffer->str + GPOINTER_TO_SIZE (piece->text);
      if (piece->run == NULL)
        {
          line_begin = piece->text - buffer->str + 1;
          continue;
        }
      piece->line = buffer->str + line_begin;
      piece->line_end = strchr (piece->text, '\n');
      if (piece->line_end == NULL)
        piece->line_end = buffer->str + buffer->len;
    }

  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);
      const Piece *next = NULL;

      if (piece->run == NULL)
        {
          g_string_append (out, "  \n");
          g_string_append (out, continuation_indent);
          line_start = out->len;
          entity_first = FALSE;
          continue;
        }

      if (i + 1 < pieces->len && g_array_index (pieces, Piece, i + 1).run != NULL)
        next = &g_array_index (pieces, Piece, i + 1);

      entity_first = write_piece (out, line_start, piece, next, entity_first);
    }
}

void
ee_markdown_write_block (GString       *out,
                         const EeBlock *block)
{
  switch (block->kind)
    {
    case EE_BLOCK_PARAGRAPH:
      ee_markdown_write_runs (out, block->runs, "");
      break;

    case EE_BLOCK_BULLET:
      if (block->level > 0)
        {
          g_string_append (out, "    - ");
          ee_markdown_write_runs (out, block->runs, "        ");
        }
      else
        {
          g_string_append (out, "- ");
          ee_markdown_write_runs (out, block->runs, "    ");
        }
      break;

    case EE_BLOCK_RAW:
      g_string_append (out, block->raw);
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * ee_markdown_block_is_list:
 *
 * Whether a block is written as a list: a bullet, or a block kept as
 * written that starts with a list marker.
 */
gboolean
ee_markdown_block_is_list (const EeBlock *block)
{
  const char *p;

  if (block->kind == EE_BLOCK_BULLET)
    return TRUE;
  if (block->kind != EE_BLOCK_RAW)
    return FALSE;
  p = block->raw;
  while (*p == ' ')
    p++;
  if (*p == '-' || *p == '*' || *p == '+')
    return p[1] == ' ' || p[1] == '\t' || p[1] == '\n' || p[1] == 0;
  while (g_ascii_isdigit (*p))
    p++;
  return p > block->raw && (*p == '.' || *p == ')') && (p[1] == ' ' || p[1] == '\t' || p[1] == '\n' || p[1] == 0);
}

/**
 * ee_markdown_join_blocks:
 * @line_end_marks: end every text block with the template's two spaces
 *
 * Writes the blocks of @text at the top level of a page: a blank line
 * between blocks, a newline between the bullets of one list, and the
 * separator between two lists that would otherwise run together.
 */
void
ee_markdown_join_blocks (GString    *out,
                         EeRichText *text,
                         gboolean    line_end_marks)
{
  guint n = ee_rich_text_get_n_blocks (text);

  for (guint i = 0; i < n; i++)
    {
      const EeBlock *block = ee_rich_text_get_block (text, i);

      if (i > 0)
        {
          const EeBlock *prev = ee_rich_text_get_block (text, i - 1);

          if (prev->kind == EE_BLOCK_BULLET && block->kind == EE_BLOCK_BULLET)
            g_string_append_c (out, '\n');
          else if (ee_markdown_block_is_list (prev) && ee_markdown_block_is_list (block))
            g_string_append (out, "\n\n" EE_LIST_SEPARATOR "\n\n");
          else
            g_string_append (out, "\n\n");
        }
      g_string_append (out, ee_rich_text_get_block_markdown (text, i));
      if (line_end_marks && block->kind != EE_BLOCK_RAW)
        g_string_append (out, "  ");
    }
}

void
ee_markdown_append_indented (GString    *out,
                             const char *text,
                             const char *indent,
                             gboolean    indent_first_line)
{
  const char *p = text;
  gboolean first = TRUE;

  for (;;)
    {
      const char *nl = strchr (p, '\n');
      gsize len = nl ? (gsize) (nl - p) : strlen (p);

      /* Blank lines stay empty: trailing white space on them means nothing. */
      if (len > 0)
        {
          if (!first || indent_first_line)
            g_string_append (out, indent);
          g_string_append_len (out, p, len);
        }
      if (nl == NULL)
        break;
      g_string_append_c (out, '\n');
      p = nl + 1;
      first = FALSE;
    }
}
