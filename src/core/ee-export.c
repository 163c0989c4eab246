/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-export.h"

#include <string.h>

#include "ee-markdown-writer.h"

/*
 * The single-page layout of the hub's "Smart Communities Ecosystem &
 * Resources" page, as in its template: the same headings, bold labels,
 * order, separators and blank lines.  Three things differ from the template,
 * so that the page renders on the hub (Python-Markdown) as it reads: a blank
 * line before every list that follows a paragraph, nested lists indented by
 * four spaces, and URLs written as <https://…>.
 *
 * Empty values are written as the template writes its placeholders: "…".
 */

typedef struct {
  GString        *out;
  guint           pending_blank_lines;
  gboolean        started;
  gboolean        after_list;
  EeSectionMarks  marks;
} Writer;

/**
 * ee_section_marks_next:
 * @object: the document, cluster or initiative the section shows
 *
 * The next block a writer starts begins a new section of the page.
 */
void
ee_section_marks_next (EeSectionMarks *marks,
                       EeSectionKind   kind,
                       gpointer        object)
{
  marks->next_kind = kind;
  marks->next_object = object;
}

/**
 * ee_section_marks_block:
 * @end_of_previous: where the text before the block ends
 * @start: where the block starts
 *
 * A writer starts a block: if it begins a section, the previous section
 * ends at @end_of_previous.
 */
void
ee_section_marks_block (EeSectionMarks *marks,
                        gsize           end_of_previous,
                        gsize           start)
{
  if (marks->next_object != NULL && marks->sections != NULL)
    {
      EeExportSection section = { marks->next_kind, marks->next_object, start, 0 };

      ee_section_marks_end (marks, end_of_previous);
      g_array_append_val (marks->sections, section);
    }
  marks->next_object = NULL;
}

/**
 * ee_section_marks_end:
 * @end: where the last section so far ends
 */
void
ee_section_marks_end (EeSectionMarks *marks,
                      gsize           end)
{
  if (marks->sections != NULL && marks->sections->len > 0)
    g_array_index (marks->sections, EeExportSection, marks->sections->len - 1).end = end;
}

static void
start_section (Writer *w, EeSectionKind kind, gpointer object)
{
  ee_section_marks_next (&w->marks, kind, object);
}

/* Starts a new block, after at least @blank_lines blank lines.  Two lists
 * in a row would run together into one, so an empty comment, which both
 * dialects read as a block of its own, keeps them apart. */
static void
begin_block (Writer *w, guint blank_lines, gboolean starts_list, gboolean ends_list)
{
  gsize end_of_previous = w->out->len;

  if (w->started)
    {
      guint n = MAX (blank_lines, w->pending_blank_lines);

      if (starts_list && w->after_list)
        g_string_append (w->out, "\n\n" EE_LIST_SEPARATOR);
      g_string_append_c (w->out, '\n');
      for (guint i = 0; i < n; i++)
        g_string_append_c (w->out, '\n');
    }
  ee_section_marks_block (&w->marks, end_of_previous, w->out->len);
  w->started = TRUE;
  w->pending_blank_lines = 0;
  w->after_list = ends_list;
}

static void
begin (Writer *w, guint blank_lines)
{
  begin_block (w, blank_lines, FALSE, FALSE);
}

static void
write_rich_block_group (Writer *w, EeRichText *text)
{
  guint n = ee_rich_text_get_n_blocks (text);

  if (n == 0)
    return;
  begin_block (w, 1, ee_markdown_block_is_list (ee_rich_text_get_block (text, 0)),
               ee_markdown_block_is_list (ee_rich_text_get_block (text, n - 1)));
  ee_markdown_join_blocks (w->out, text, TRUE);
}

static void
write_image (Writer *w, const char *alt, const char *path)
{
  if (*path == 0)
    return;
  begin (w, 1);
  g_string_append (w->out, "![");
  ee_markdown_escape_text (w->out, alt, -1, FALSE, TRUE);
  g_string_append (w->out, "](");
  g_string_append (w->out, path);
  g_string_append_c (w->out, ')');
}

static void write_bold_line (GString *out, const char *line);

/* A heading's text; empty is the placeholder, and a literal "…" is written
 * as a character reference. */
static void
write_heading (GString *out, const char *title)
{
  g_autofree char *text = ee_markdown_strip (title);

  if (g_str_equal (text, EE_PLACEHOLDER))
    g_string_append (out, EE_PLACEHOLDER_ESCAPED);
  else
    ee_markdown_write_heading_text (out, *text ? text : EE_PLACEHOLDER);
}

/* "**Example: title**": a title that is literally "…" is written as a
 * character reference, so it does not read as the placeholder. */
static void
write_title_line (GString *out, const char *prefix, const char *title)
{
  g_autofree char *text = ee_markdown_strip (title);
  g_autofree char *line = NULL;

  if (!g_str_equal (text, EE_PLACEHOLDER))
    {
      line = g_strconcat (prefix, *text ? text : EE_PLACEHOLDER, NULL);
      write_bold_line (out, line);
      return;
    }
  g_string_append (out, "**");
  ee_markdown_escape_text (out, prefix, -1, FALSE, FALSE);
  g_string_append (out, EE_PLACEHOLDER_ESCAPED "**  ");
}

static void
write_bold_line (GString *out, const char *line)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new ();
  g_autofree char *text = ee_markdown_strip (line);
  EeRun run = { *text ? text : (char *) EE_PLACEHOLDER, EE_MARK_BOLD, NULL };

  g_ptr_array_add (runs, &run);
  ee_markdown_write_runs (out, runs, "");
  g_string_append (out, "  ");
}

static gboolean
is_literal_placeholder (EeRichText *value)
{
  const EeBlock *block;
  const EeRun *run;

  if (!ee_rich_text_is_single_paragraph (value))
    return FALSE;
  block = ee_rich_text_get_block (value, 0);
  if (block->runs->len != 1)
    return FALSE;
  run = g_ptr_array_index (block->runs, 0);
  return run->marks == EE_MARK_NONE && run->href == NULL && g_str_equal (run->text, EE_PLACEHOLDER);
}

/* Whether a value fits a tight list item: nothing, one paragraph, bullets,
 * or one paragraph followed by bullets. */
static gboolean
fits_tight_item (EeRichText *value)
{
  guint n = ee_rich_text_get_n_blocks (value);

  for (guint i = 0; i < n; i++)
    {
      const EeBlock *block = ee_rich_text_get_block (value, i);

      if (block->kind == EE_BLOCK_BULLET)
        continue;
      if (block->kind == EE_BLOCK_PARAGRAPH && i == 0)
        continue;
      return FALSE;
    }
  return TRUE;
}

/* One "- **Label:** value" item, the value indented under the item.  The
 * template's labels are plain text and written as they are; other labels
 * are escaped. */
static void
write_field_item (GString *out, const char *label, gboolean known_label, EeRichText *value)
{
  guint n = ee_rich_text_get_n_blocks (value);

  g_string_append (out, "- ");
  if (known_label)
    {
      g_string_append (out, "**");
      g_string_append (out, label);
      g_string_append (out, ":**");
    }
  else if (*label != 0)
    {
      g_autofree char *with_colon = g_strconcat (label, ":", NULL);

      write_bold_line (out, with_colon);
      /* write_bold_line ends the line with the break marker; the value
       * follows on the same line, so take it back. */
      g_string_truncate (out, out->len - 2);
    }

  if (n == 0)
    {
      g_string_append (out, *label ? " " EE_PLACEHOLDER "  " : EE_PLACEHOLDER "  ");
      return;
    }
  if (is_literal_placeholder (value))
    {
      g_string_append (out, " " EE_PLACEHOLDER_ESCAPED "  ");
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      const EeBlock *block = ee_rich_text_get_block (value, i);
      const char *markdown = ee_rich_text_get_block_markdown (value, i);

      if (i == 0)
        {
          if (block->kind == EE_BLOCK_PARAGRAPH)
            {
              g_string_append_c (out, ' ');
              ee_markdown_append_indented (out, markdown, "    ", FALSE);
              g_string_append (out, "  ");
              continue;
            }
          g_string_append (out, "  ");
          g_string_append (out, block->kind == EE_BLOCK_BULLET ? "\n" : "\n\n");
        }
      else
        {
          const EeBlock *prev = ee_rich_text_get_block (value, i - 1);
          gboolean tight = block->kind == EE_BLOCK_BULLET
                           && (prev->kind == EE_BLOCK_BULLET || (i == 1 && prev->kind == EE_BLOCK_PARAGRAPH));
          g_string_append (out, tight ? "\n" : "\n\n");
        }
      ee_markdown_append_indented (out, markdown, "    ", TRUE);
      if (block->kind != EE_BLOCK_RAW)
        g_string_append (out, "  ");
    }
}

/* An initiative's Markdown as the page last had it, kept on the initiative
 * until its content changes: the next export copies it, which makes the
 * preview's export after each edit, and a repeated export, a copy of what
 * did not change. */
typedef struct {
  guint    revision;
  gboolean after_list;
  gsize    length;
  char     markdown[];
} Written;

static GQuark
written_quark (void)
{
  static GQuark quark;

  /* Every thread that finds it unset sets it to the same value. */
  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("ee-export-written");
  return quark;
}

static void write_initiative_content (Writer *w, EeInitiative *initiative);

static void
write_initiative (Writer *w, EeInitiative *initiative)
{
  const Written *kept = g_object_get_qdata (G_OBJECT (initiative), written_quark ());
  guint revision = ee_initiative_get_revision (initiative);
  Written *written;
  gsize start;

  /* What comes before an initiative does not change how it is written:
   * its first block starts after a blank line, and none of its own
   * blocks starts a list right after another list's end. */
  start_section (w, EE_SECTION_INITIATIVE, initiative);
  begin (w, 1);
  if (kept != NULL && kept->revision == revision)
    {
      g_string_append_len (w->out, kept->markdown, kept->length);
      w->after_list = kept->after_list;
      return;
    }

  start = w->out->len;
  write_initiative_content (w, initiative);
  written = g_malloc (sizeof (Written) + w->out->len - start);
  written->revision = revision;
  written->after_list = w->after_list;
  written->length = w->out->len - start;
  memcpy (written->markdown, w->out->str + start, written->length);
  g_object_set_qdata_full (G_OBJECT (initiative), written_quark (), written, g_free);
}

/* The initiative after its first begin(): its title line and fields. */
static void
write_initiative_content (Writer *w, EeInitiative *initiative)
{
  gboolean tight = TRUE;
  guint n_extra = ee_initiative_get_n_extra_fields (initiative);
  gboolean first_item = TRUE;

  write_title_line (w->out, ee_initiative_get_example (initiative) ? "Example: " : "", ee_initiative_get_title (initiative));

  if (*ee_initiative_get_logo_path (initiative) != 0)
    {
      begin (w, 1);
      g_string_append (w->out, "![");
      ee_markdown_escape_text (w->out, ee_initiative_get_logo_alt (initiative), -1, FALSE, TRUE);
      g_string_append (w->out, "](");
      g_string_append (w->out, ee_initiative_get_logo_path (initiative));
      g_string_append_c (w->out, ')');
      if (*ee_initiative_get_logo_attributes (initiative) != 0)
        {
          /* Attributes the hub folder's logos carry: align="center". */
          g_string_append (w->out, "{ ");
          if (ee_initiative_get_logo_width (initiative) > 0)
            g_string_append_printf (w->out, "width=\"%u\" ", ee_initiative_get_logo_width (initiative));
          g_string_append (w->out, ee_initiative_get_logo_attributes (initiative));
          g_string_append (w->out, " }");
        }
      else if (ee_initiative_get_logo_width (initiative) > 0)
        g_string_append_printf (w->out, "{ width=\"%u\" }", ee_initiative_get_logo_width (initiative));
    }

  write_rich_block_group (w, ee_initiative_get_leading (initiative));

  for (guint f = 0; f < EE_N_FIELDS; f++)
    tight = tight && fits_tight_item (ee_initiative_get_field (initiative, f));
  for (guint i = 0; i < n_extra; i++)
    tight = tight && fits_tight_item (ee_initiative_get_extra_field (initiative, i)->value);

  begin_block (w, 1, TRUE, TRUE);
  for (int f = -1; f < EE_N_FIELDS; f++)
    {
      if (f >= 0)
        {
          if (!first_item)
            g_string_append (w->out, tight ? "\n" : "\n\n");
          first_item = FALSE;
          write_field_item (w->out, ee_field_get_label (f), TRUE, ee_initiative_get_field (initiative, f));
        }
      for (guint i = 0; i < n_extra; i++)
        {
          const EeExtraField *extra = ee_initiative_get_extra_field (initiative, i);

          if (extra->after != f || (*extra->label == 0 && ee_rich_text_is_empty (extra->value)))
            continue;
          if (!first_item)
            g_string_append (w->out, tight ? "\n" : "\n\n");
          first_item = FALSE;
          write_field_item (w->out, extra->label, FALSE, extra->value);
        }
    }

  write_rich_block_group (w, ee_initiative_get_trailing (initiative));
}

static void
write_cluster (Writer *w, EeCluster *cluster)
{
  GListModel *initiatives = ee_cluster_get_initiatives (cluster);

  start_section (w, EE_SECTION_CLUSTER, cluster);
  begin (w, 1);
  g_string_append (w->out, "---");
  begin (w, 1);
  g_string_append (w->out, "## ");
  write_heading (w->out, ee_cluster_get_title (cluster));
  g_string_append (w->out, "  ");

  write_rich_block_group (w, ee_cluster_get_introduction (cluster));

  for (guint i = 0; i < g_list_model_get_n_items (initiatives); i++)
    {
      g_autoptr(EeInitiative) initiative = g_list_model_get_item (initiatives, i);
      write_initiative (w, initiative);
    }

  start_section (w, EE_SECTION_CLUSTER_END, cluster);
  if (*ee_cluster_get_template_title (cluster) != 0 || !ee_rich_text_is_empty (ee_cluster_get_template (cluster)))
    {
      begin (w, 1);
      write_bold_line (w->out, ee_cluster_get_template_title (cluster));
      write_rich_block_group (w, ee_cluster_get_template (cluster));
    }

  write_rich_block_group (w, ee_cluster_get_trailing (cluster));
}

static void
write_overview (Writer *w, EeDocument *document)
{
  GListModel *clusters = ee_document_get_clusters (document);
  gboolean any = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(EeCluster) cluster = g_list_model_get_item (clusters, i);
      g_autoptr(GPtrArray) runs = g_ptr_array_new ();
      EeRichText *summary = ee_cluster_get_summary (cluster);
      EeRun name = { (char *) ee_cluster_get_short_title (cluster), EE_MARK_BOLD, NULL };
      EeRun dash = { (char *) " \xe2\x80\x93 ", EE_MARK_NONE, NULL };

      if (*name.text == 0)
        continue;
      if (!any)
        begin_block (w, 1, TRUE, TRUE);
      else
        g_string_append_c (w->out, '\n');
      any = TRUE;

      g_ptr_array_add (runs, &name);
      if (!ee_rich_text_is_empty (summary))
        {
          g_ptr_array_add (runs, &dash);
          for (guint b = 0; b < ee_rich_text_get_n_blocks (summary); b++)
            {
              const EeBlock *block = ee_rich_text_get_block (summary, b);
              static EeRun line_break = { (char *) "\n", EE_MARK_NONE, NULL };

              if (block->kind == EE_BLOCK_RAW)
                continue;
              if (b > 0)
                g_ptr_array_add (runs, &line_break);
              for (guint r = 0; r < block->runs->len; r++)
                g_ptr_array_add (runs, g_ptr_array_index (block->runs, r));
            }
        }
      g_string_append (w->out, "- ");
      ee_markdown_write_runs (w->out, runs, "    ");
      g_string_append (w->out, "  ");
    }

  /* The template leaves two blank lines after the overview. */
  if (any)
    w->pending_blank_lines = 2;
}

/* The page's head: title, header image, introduction, overview, overview
 * image and closing. */
static void
write_head (Writer *w, EeDocument *document)
{
  begin (w, 1);
  g_string_append (w->out, "# ");
  write_heading (w->out, ee_document_get_title (document));

  write_image (w, ee_document_get_header_image_alt (document), ee_document_get_header_image_path (document));
  write_rich_block_group (w, ee_document_get_introduction (document));
  write_overview (w, document);
  write_image (w, ee_document_get_overview_image_alt (document), ee_document_get_overview_image_path (document));
  write_rich_block_group (w, ee_document_get_closing (document));
}

/**
 * ee_export_head_markdown:
 *
 * Returns: (transfer full): the head of the page as ee_export_page_markdown()
 *   writes it (title to closing text, no clusters), ending with a newline:
 *   the start of the hub folder's index.md
 */
char *
ee_export_head_markdown (EeDocument *document,
                         gsize      *length)
{
  Writer w = { NULL, 0, FALSE, FALSE, { NULL, 0, NULL } };

  g_return_val_if_fail (EE_IS_DOCUMENT (document), NULL);

  w.out = g_string_sized_new (4096);
  write_head (&w, document);
  g_string_append_c (w.out, '\n');
  if (length)
    *length = w.out->len;
  return g_string_free (w.out, FALSE);
}

/**
 * ee_export_page_markdown:
 *
 * Returns: (transfer full): the page in the template's single-page layout,
 *   ending with a newline
 */
char *
ee_export_page_markdown (EeDocument *document,
                         gsize      *length)
{
  return ee_export_page_markdown_sections (document, length, NULL);
}

/**
 * ee_export_page_markdown_sections:
 * @sections: (out) (optional): where each part of the page is, as an array
 *   of #EeExportSection in page order
 *
 * Returns: (transfer full): the page, as ee_export_page_markdown()
 */
char *
ee_export_page_markdown_sections (EeDocument  *document,
                                  gsize       *length,
                                  GArray     **sections)
{
  GListModel *clusters;
  Writer w = { NULL, 0, FALSE, FALSE, { NULL, 0, NULL } };

  g_return_val_if_fail (EE_IS_DOCUMENT (document), NULL);

  clusters = ee_document_get_clusters (document);
  w.out = g_string_sized_new (16384);
  if (sections != NULL)
    w.marks.sections = g_array_new (FALSE, FALSE, sizeof (EeExportSection));

  start_section (&w, EE_SECTION_PAGE, document);
  write_head (&w, document);

  /* The template leaves six blank lines before the first cluster. */
  w.pending_blank_lines = 6;

  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(EeCluster) cluster = g_list_model_get_item (clusters, i);
      write_cluster (&w, cluster);
    }

  g_string_append_c (w.out, '\n');
  ee_section_marks_end (&w.marks, w.out->len);
  if (sections != NULL)
    *sections = w.marks.sections;
  if (length)
    *length = w.out->len;
  return g_string_free (w.out, FALSE);
}
