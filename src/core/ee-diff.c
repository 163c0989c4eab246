/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "ee-diff.h"

#include <string.h>

/*
 * A unified diff of two texts, line by line, with three lines of context,
 * as `diff -u` writes it: what an export would change in a hub folder,
 * shown before it is written.  Hub pages are a few hundred lines, so the
 * longest common subsequence is found by dynamic programming; past a size
 * where that would cost too much, the whole text is shown as replaced.
 */

#define CONTEXT 3
#define MAX_CELLS (16 * 1024 * 1024)

typedef struct {
  char  op;     /* ' ', '-' or '+' */
  guint old_line;
  guint new_line;
  const char *text;
} Edit;

static GPtrArray *
split_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;

  if (text == NULL)
    return lines;
  while (*start != '\0')
    {
      const char *end = strchr (start, '\n');

      if (end == NULL)
        {
          g_ptr_array_add (lines, g_strdup (start));
          break;
        }
      g_ptr_array_add (lines, g_strndup (start, end - start));
      start = end + 1;
    }
  return lines;
}

static GArray *
edit_script (GPtrArray *a,
             GPtrArray *b)
{
  GArray *edits = g_array_new (FALSE, FALSE, sizeof (Edit));
  guint n = a->len, m = b->len;
  guint prefix = 0, suffix = 0;
  guint32 *table = NULL;
  guint rows, cols, i, j;

  /* The same beginning and end need no table. */
  while (prefix < n && prefix < m && g_str_equal (a->pdata[prefix], b->pdata[prefix]))
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix
         && g_str_equal (a->pdata[n - 1 - suffix], b->pdata[m - 1 - suffix]))
    suffix++;
  for (i = 0; i < prefix; i++)
    g_array_append_val (edits, ((Edit) { ' ', i, i, a->pdata[i] }));

  rows = n - prefix - suffix;
  cols = m - prefix - suffix;
  if ((guint64) (rows + 1) * (cols + 1) <= MAX_CELLS)
    {
      /* table[i][j]: the common subsequence of a[i..] and b[j..]. */
      table = g_new0 (guint32, (gsize) (rows + 1) * (cols + 1));
      for (i = rows; i-- > 0;)
        for (j = cols; j-- > 0;)
          table[i * (cols + 1) + j] = g_str_equal (a->pdata[prefix + i], b->pdata[prefix + j])
                                      ? table[(i + 1) * (cols + 1) + j + 1] + 1
                                      : MAX (table[(i + 1) * (cols + 1) + j], table[i * (cols + 1) + j + 1]);
    }
  i = j = 0;
  while (i < rows || j < cols)
    {
      guint ai = prefix + i, bj = prefix + j;

      if (table != NULL && i < rows && j < cols && g_str_equal (a->pdata[ai], b->pdata[bj]))
        {
          g_array_append_val (edits, ((Edit) { ' ', ai, bj, a->pdata[ai] }));
          i++, j++;
        }
      else if (i < rows && (j == cols || table == NULL
                            || table[(i + 1) * (cols + 1) + j] >= table[i * (cols + 1) + j + 1]))
        {
          g_array_append_val (edits, ((Edit) { '-', ai, bj, a->pdata[ai] }));
          i++;
        }
      else
        {
          g_array_append_val (edits, ((Edit) { '+', ai, bj, b->pdata[bj] }));
          j++;
        }
    }
  for (i = 0; i < suffix; i++)
    g_array_append_val (edits, ((Edit) { ' ', n - suffix + i, m - suffix + i, a->pdata[n - suffix + i] }));
  g_free (table);
  return edits;
}

/* "@@ -l,s +l,s @@", where an empty side starts at the line before it. */
static void
append_range (GString *out,
              char     sign,
              guint    first,
              guint    count)
{
  if (count == 0)
    g_string_append_printf (out, " %c%u,0", sign, first);
  else if (count == 1)
    g_string_append_printf (out, " %c%u", sign, first + 1);
  else
    g_string_append_printf (out, " %c%u,%u", sign, first + 1, count);
}

/**
 * ee_diff_unified:
 * @old_text: (nullable): the text as it is, %NULL for a new file
 * @new_text: (nullable): the text as it will be, %NULL for a removed file
 *
 * Returns: (transfer full): the unified diff from @old_text to @new_text,
 *   empty when they are the same
 */
char *
ee_diff_unified (const char *old_text,
                 const char *new_text,
                 const char *old_name,
                 const char *new_name)
{
  g_autoptr(GPtrArray) a = split_lines (old_text);
  g_autoptr(GPtrArray) b = split_lines (new_text);
  g_autoptr(GArray) edits = NULL;
  GString *out = g_string_new (NULL);
  guint k = 0;

  g_return_val_if_fail (old_text != NULL || new_text != NULL, g_string_free (out, FALSE));

  if (g_strcmp0 (old_text, new_text) == 0)
    return g_string_free (out, FALSE);
  edits = edit_script (a, b);
  g_string_append_printf (out, "--- %s\n+++ %s\n", old_text != NULL ? old_name : "/dev/null",
                          new_text != NULL ? new_name : "/dev/null");

  while (k < edits->len)
    {
      guint start, end, last_change, old_count = 0, new_count = 0;
      Edit *first;

      /* The next change, with its context. */
      while (k < edits->len && g_array_index (edits, Edit, k).op == ' ')
        k++;
      if (k == edits->len)
        break;
      start = k >= CONTEXT ? k - CONTEXT : 0;
      last_change = k;
      end = k;
      /* Changes closer than twice the context join one hunk. */
      while (end < edits->len)
        {
          if (g_array_index (edits, Edit, end).op != ' ')
            last_change = end;
          else if (end - last_change > 2 * CONTEXT)
            break;
          end++;
        }
      end = MIN (last_change + CONTEXT + 1, edits->len);

      for (guint e = start; e < end; e++)
        {
          char op = g_array_index (edits, Edit, e).op;

          old_count += op != '+';
          new_count += op != '-';
        }
      first = &g_array_index (edits, Edit, start);
      g_string_append (out, "@@");
      append_range (out, '-', first->old_line, old_count);
      append_range (out, '+', first->new_line, new_count);
      g_string_append (out, " @@\n");
      for (guint e = start; e < end; e++)
        {
          Edit *edit = &g_array_index (edits, Edit, e);

          g_string_append_printf (out, "%c%s\n", edit->op, edit->text);
        }
      k = end;
    }
  return g_string_free (out, FALSE);
}
