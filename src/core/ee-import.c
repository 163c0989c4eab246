/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-import.h"

#include <string.h>

#include "ee-hub-folder.h"
#include "ee-markdown-reader.h"
#include "ee-markdown-writer.h"
#include "ee-project.h"

/*
 * Reads a hub page in the single-page layout back into the model.  The page
 * is parsed with cmark-gfm; its structure is then recognised from the
 * syntax tree, so every way of writing the same Markdown (bullet markers,
 * indentation, line ends, link forms) reads the same.  What has no place in
 * the model is kept as written, next to what it followed.
 */

typedef struct {
  EeSource    source;
  EeDocument *document;
} Importer;

static gboolean
is_heading (cmark_node *node, int level)
{
  return node && cmark_node_get_type (node) == CMARK_NODE_HEADING && cmark_node_get_heading_level (node) == level;
}

static gboolean
is_type (cmark_node *node, cmark_node_type type)
{
  return node && cmark_node_get_type (node) == type;
}

static gboolean
is_bullet_list (cmark_node *node)
{
  return is_type (node, CMARK_NODE_LIST) && cmark_node_get_list_type (node) == CMARK_BULLET_LIST;
}

static gboolean
is_blank_text (cmark_node *node)
{
  const char *literal;

  if (is_type (node, CMARK_NODE_LINEBREAK) || is_type (node, CMARK_NODE_SOFTBREAK))
    return TRUE;
  if (!is_type (node, CMARK_NODE_TEXT))
    return FALSE;
  literal = cmark_node_get_literal (node);
  /* What the canonical form drops (control characters, U+FEFF) counts as
   * nothing too. */
  for (const char *p = literal; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0xfeff && c >= 0x20)
        return FALSE;
    }
  return TRUE;
}

/* A paragraph that is nothing but bold text: an initiative's title line. */
static cmark_node *
bold_line (cmark_node *node)
{
  cmark_node *strong = NULL;

  if (!is_type (node, CMARK_NODE_PARAGRAPH))
    return NULL;
  for (cmark_node *child = cmark_node_first_child (node); child; child = cmark_node_next (child))
    {
      if (is_blank_text (child))
        continue;
      if (strong != NULL || !is_type (child, CMARK_NODE_STRONG))
        return NULL;
      strong = child;
    }
  return strong;
}

/* A paragraph that is nothing but an image (and its attr_list). */
static cmark_node *
image_line (cmark_node *node)
{
  cmark_node *image = NULL;

  if (!is_type (node, CMARK_NODE_PARAGRAPH))
    return NULL;
  for (cmark_node *child = cmark_node_first_child (node); child; child = cmark_node_next (child))
    {
      if (is_blank_text (child))
        continue;
      if (image == NULL && is_type (child, CMARK_NODE_IMAGE) && cmark_node_get_url (child) != NULL
          && *cmark_node_get_url (child) != 0)
        {
          image = child;
          continue;
        }
      /* { width="300" align="center" } right after the image */
      if (image != NULL && is_type (child, CMARK_NODE_TEXT) && cmark_node_get_literal (child)[0] == '{')
        continue;
      return NULL;
    }
  return image;
}


static char *
plain_text (cmark_node *node)
{
  g_autofree char *text = ee_markdown_node_plain_text (node);
  return ee_markdown_strip (text);
}

/* The first paragraph of a list item when it starts with a bold label. */
static cmark_node *
item_label (cmark_node *item)
{
  cmark_node *first = cmark_node_first_child (item);
  cmark_node *strong;

  if (!is_type (first, CMARK_NODE_PARAGRAPH))
    return NULL;
  strong = cmark_node_first_child (first);
  return is_type (strong, CMARK_NODE_STRONG) ? strong : NULL;
}

/* A list of "- **Label:** value" items with at least one of the template's
 * labels: an initiative's fields. */
static gboolean
is_field_list (cmark_node *node)
{
  if (!is_bullet_list (node) || item_label (cmark_node_first_child (node)) == NULL)
    return FALSE;
  for (cmark_node *item = cmark_node_first_child (node); item; item = cmark_node_next (item))
    {
      cmark_node *label = item_label (item);
      g_autofree char *text = label ? plain_text (label) : NULL;
      EeField field;

      if (text != NULL && ee_field_from_label (text, &field))
        return TRUE;
    }
  return FALSE;
}

/* The separator between a cluster's name and its summary in the overview:
 * an en or em dash, or a hyphen, with white space around it.  Returns the
 * summary's start. */
static const char *
after_overview_dash (const char *text)
{
  const char *p = text;
  gsize dash;

  if (*p != ' ')
    return NULL;
  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "\xe2\x80\x93") || g_str_has_prefix (p, "\xe2\x80\x94"))
    dash = 3;
  else if (*p == '-')
    dash = 1;
  else
    return NULL;
  p += dash;
  if (*p != 0 && *p != ' ')
    return NULL;
  return p;
}

/* An overview list: every item is "**Data Spaces** – summary" (or the name
 * alone). */
static gboolean
is_overview_list (cmark_node *node)
{
  if (!is_bullet_list (node))
    return FALSE;
  for (cmark_node *item = cmark_node_first_child (node); item; item = cmark_node_next (item))
    {
      cmark_node *label = item_label (item);
      cmark_node *rest = label ? cmark_node_next (label) : NULL;

      if (label == NULL || cmark_node_next (cmark_node_first_child (item)) != NULL)
        return FALSE;
      if (rest != NULL && !(is_type (rest, CMARK_NODE_TEXT) && after_overview_dash (cmark_node_get_literal (rest))))
        return FALSE;
    }
  return TRUE;
}

static EeRichText *
read_nodes (Importer *im, cmark_node *first, cmark_node *stop)
{
  g_autoptr(EeRichTextBuilder) builder = ee_rich_text_builder_new ();

  for (cmark_node *node = first; node && node != stop; node = cmark_node_next (node))
    ee_markdown_read_block (builder, &im->source, node);
  return ee_rich_text_builder_end (builder);
}

/* Appends the blocks of @more to *@text. */
static void
append_to (EeRichText **text, EeRichText *more)
{
  g_autoptr(EeRichTextBuilder) builder = NULL;

  if (ee_rich_text_is_empty (more))
    return;
  builder = ee_rich_text_builder_new ();
  if (*text)
    ee_rich_text_builder_add_rich_text (builder, *text);
  ee_rich_text_builder_add_rich_text (builder, more);
  g_clear_pointer (text, ee_rich_text_unref);
  *text = ee_rich_text_builder_end (builder);
}

static void
read_image (cmark_node *image, char **alt, char **path, guint *width)
{
  cmark_node *attrs = cmark_node_next (image);

  *alt = plain_text (image);
  *path = g_strdup (cmark_node_get_url (image));
  if (width == NULL)
    return;
  *width = 0;
  if (is_type (attrs, CMARK_NODE_TEXT))
    {
      const char *w = strstr (cmark_node_get_literal (attrs), "width=");
      if (w != NULL)
        {
          w += 6;
          if (*w == '"' || *w == '\'')
            w++;
          *width = (guint) MIN (g_ascii_strtoull (w, NULL, 10), 4096);
        }
    }
}

/* A node that holds nothing the model keeps: a list of empty items, a
 * paragraph of white space and control characters, or the exporter's
 * separator between lists. */
static gboolean
is_empty_node (cmark_node *node)
{
  if (ee_markdown_is_list_separator (node))
    return TRUE;
  if (is_type (node, CMARK_NODE_PARAGRAPH))
    {
      for (cmark_node *child = cmark_node_first_child (node); child; child = cmark_node_next (child))
        if (!is_blank_text (child))
          return FALSE;
      return TRUE;
    }
  if (!is_type (node, CMARK_NODE_LIST))
    return FALSE;
  for (cmark_node *item = cmark_node_first_child (node); item; item = cmark_node_next (item))
    if (cmark_node_first_child (item) != NULL)
      return FALSE;
  return TRUE;
}

/* Whether a value is the template's "…" and nothing else: no formatting. */
static gboolean
is_placeholder (EeRichText *value)
{
  const EeBlock *block;
  const EeRun *run;

  if (!ee_rich_text_is_single_paragraph (value))
    return FALSE;
  block = ee_rich_text_get_block (value, 0);
  run = block->runs->len == 1 ? g_ptr_array_index (block->runs, 0) : NULL;
  return run != NULL && run->marks == EE_MARK_NONE && run->href == NULL && g_str_equal (run->text, EE_PLACEHOLDER);
}

/* Whether the line of @node writes "…" as a character reference: a value
 * that is literally "…", not the placeholder for an empty one. */
static gboolean
source_has_escaped_placeholder (Importer *im, cmark_node *node)
{
  int line = cmark_node_get_start_line (node);
  g_autofree char *text = ee_source_get_lines (&im->source, line, line, 0);

  return strstr (text, EE_PLACEHOLDER_ESCAPED) != NULL;
}

/* The value of a field item: the rest of the label's paragraph and
 * everything nested under the item. */
static EeRichText *
read_field_value (Importer *im, cmark_node *item, cmark_node *label)
{
  g_autoptr(EeRichTextBuilder) builder = ee_rich_text_builder_new ();
  cmark_node *rest = cmark_node_next (label);
  g_autoptr(EeRichText) value = NULL;

  /* The colon may stand outside the bold label. */
  if (is_type (rest, CMARK_NODE_TEXT) && cmark_node_get_literal (rest)[0] == ':')
    cmark_node_set_literal (rest, cmark_node_get_literal (rest) + 1);

  ee_rich_text_builder_begin_block (builder, EE_BLOCK_PARAGRAPH, 0);
  if (rest != NULL)
    ee_markdown_read_inlines_from (builder, rest);

  for (cmark_node *child = cmark_node_next (cmark_node_first_child (item)); child; child = cmark_node_next (child))
    ee_markdown_read_block (builder, &im->source, child);
  value = ee_rich_text_builder_end (builder);

  /* "…" is the template's placeholder for an empty value, unless it was
   * written as a character reference. */
  if (is_placeholder (value) && !source_has_escaped_placeholder (im, item))
    return ee_rich_text_new_empty ();
  return g_steal_pointer (&value);
}

static void
read_fields (Importer *im, EeInitiative *initiative, cmark_node *list)
{
  gboolean seen[EE_N_FIELDS] = { FALSE, };
  int last = -1;

  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item))
    {
      cmark_node *label = item_label (item);
      g_autofree char *label_text = NULL;
      g_autoptr(EeRichText) value = NULL;
      EeField field;

      if (label == NULL)
        {
          /* An item without a label is kept as an unlabelled extra field. */
          g_autoptr(EeRichTextBuilder) builder = ee_rich_text_builder_new ();
          for (cmark_node *child = cmark_node_first_child (item); child; child = cmark_node_next (child))
            if (!is_empty_node (child))
              ee_markdown_read_block (builder, &im->source, child);
          value = ee_rich_text_builder_end (builder);
          /* An empty item holds nothing to keep. */
          if (!ee_rich_text_is_empty (value))
            ee_initiative_add_extra_field (initiative, "", last, value);
          continue;
        }

      label_text = plain_text (label);
      value = read_field_value (im, item, label);

      if (ee_field_from_label (label_text, &field) && !seen[field])
        {
          seen[field] = TRUE;
          ee_initiative_set_field (initiative, field, value);
          last = field;
        }
      else
        {
          gsize len = strlen (label_text);
          while (len > 0 && (label_text[len - 1] == ':' || g_ascii_isspace (label_text[len - 1])))
            label_text[--len] = 0;
          ee_initiative_add_extra_field (initiative, label_text, last, value);
        }
    }
}

/* Reads the initiative whose title line is @title_node; returns the first
 * node after it, or @title_node itself when it is not an initiative. */
static cmark_node *
read_initiative (Importer *im, EeCluster *cluster, cmark_node *title_node, cmark_node *end)
{
  cmark_node *strong = bold_line (title_node);
  cmark_node *list = NULL;
  cmark_node *node;
  g_autoptr(EeInitiative) initiative = NULL;
  g_autofree char *title = NULL;
  cmark_node *first_leading;

  /* The field list comes before the next title line or heading. */
  for (node = cmark_node_next (title_node); node && node != end; node = cmark_node_next (node))
    {
      if (is_field_list (node))
        {
          list = node;
          break;
        }
      if (bold_line (node) || is_type (node, CMARK_NODE_HEADING))
        break;
    }
  if (list == NULL)
    return title_node;

  initiative = ee_initiative_new ();
  title = plain_text (strong);
  if (g_ascii_strncasecmp (title, "Example:", 8) == 0)
    {
      char *rest = g_strstrip (g_strdup (title + 8));
      g_free (title);
      title = rest;
      ee_initiative_set_example (initiative, TRUE);
    }
  if (g_str_equal (title, EE_PLACEHOLDER) && !source_has_escaped_placeholder (im, title_node))
    title[0] = 0;
  ee_initiative_set_title (initiative, title);

  first_leading = cmark_node_next (title_node);
  if (first_leading != list && image_line (first_leading))
    {
      g_autofree char *alt = NULL, *path = NULL;
      guint width;

      read_image (image_line (first_leading), &alt, &path, &width);
      ee_initiative_set_logo_alt (initiative, alt);
      ee_initiative_set_logo_path (initiative, path);
      ee_initiative_set_logo_width (initiative, width);
      {
        cmark_node *attrs = cmark_node_next (image_line (first_leading));
        g_autofree char *others = NULL;
        guint parsed_width;

        /* The other attributes, as the hub folder's logos have them. */
        if (is_type (attrs, CMARK_NODE_TEXT)
            && ee_image_attributes_parse (cmark_node_get_literal (attrs), &parsed_width, &others))
          ee_initiative_set_logo_attributes (initiative, others);
      }
      first_leading = cmark_node_next (first_leading);
    }
  if (first_leading != list)
    {
      g_autoptr(EeRichText) leading = read_nodes (im, first_leading, list);
      ee_initiative_set_leading (initiative, leading);
    }

  read_fields (im, initiative, list);
  g_list_store_append (ee_cluster_get_initiative_store (cluster), initiative);
  return cmark_node_next (list);
}

static gboolean
is_template_title (cmark_node *node)
{
  cmark_node *strong = bold_line (node);
  g_autofree char *text = NULL;

  if (strong == NULL)
    return FALSE;
  text = plain_text (strong);
  return g_ascii_strncasecmp (text, "Template", 8) == 0;
}

static EeInitiative *
last_initiative (EeCluster *cluster)
{
  guint n = ee_cluster_get_n_initiatives (cluster);
  return n ? ee_cluster_get_initiative (cluster, n - 1) : NULL;
}

/* Content that follows an initiative stays with it; before the first, it
 * belongs to the cluster's introduction; after the template, to the
 * cluster. */
static void
keep_content (Importer *im, EeCluster *cluster, gboolean after_template, cmark_node *node)
{
  g_autoptr(EeRichText) text = read_nodes (im, node, cmark_node_next (node));
  EeInitiative *initiative = last_initiative (cluster);
  g_autoptr(EeRichText) current = NULL;

  if (after_template)
    {
      current = ee_rich_text_ref (ee_cluster_get_trailing (cluster));
      append_to (&current, text);
      ee_cluster_set_trailing (cluster, current);
    }
  else if (initiative != NULL)
    {
      current = ee_rich_text_ref (ee_initiative_get_trailing (initiative));
      append_to (&current, text);
      ee_initiative_set_trailing (initiative, current);
    }
  else
    {
      current = ee_rich_text_ref (ee_cluster_get_introduction (cluster));
      append_to (&current, text);
      ee_cluster_set_introduction (cluster, current);
    }
}

static gboolean
only_empty_until (cmark_node *node, cmark_node *end)
{
  for (; node != NULL && node != end; node = cmark_node_next (node))
    if (!is_empty_node (node))
      return FALSE;
  return TRUE;
}

static void
read_cluster (Importer *im, EeCluster *cluster, cmark_node *heading, cmark_node *end)
{
  g_autofree char *title = plain_text (heading);
  gboolean after_template = FALSE;
  cmark_node *node = cmark_node_next (heading);

  if (g_str_equal (title, EE_PLACEHOLDER) && !source_has_escaped_placeholder (im, heading))
    title[0] = 0;
  ee_cluster_set_title (cluster, title);

  while (node != NULL && node != end)
    {
      cmark_node *next;

      /* The separator before the next cluster is written anew on export. */
      if (is_type (node, CMARK_NODE_THEMATIC_BREAK) && only_empty_until (cmark_node_next (node), end))
        break;

      if (!after_template && is_template_title (node))
        {
          g_autofree char *template_title = plain_text (bold_line (node));
          next = cmark_node_next (node);

          ee_cluster_set_template_title (cluster, template_title);
          if (next != end && is_bullet_list (next))
            {
              g_autoptr(EeRichText) body = read_nodes (im, next, cmark_node_next (next));
              ee_cluster_set_template (cluster, body);
              next = cmark_node_next (next);
            }
          after_template = TRUE;
          node = next;
          continue;
        }

      if (!after_template && bold_line (node))
        {
          next = read_initiative (im, cluster, node, end);
          if (next != node)
            {
              node = next;
              continue;
            }
        }

      keep_content (im, cluster, after_template, node);
      node = cmark_node_next (node);
    }
}

static void
read_overview (Importer *im, cmark_node *list)
{
  GListStore *clusters = ee_document_get_cluster_store (im->document);
  guint i = 0;

  for (cmark_node *item = cmark_node_first_child (list); item; item = cmark_node_next (item), i++)
    {
      cmark_node *label = item_label (item);
      cmark_node *rest = cmark_node_next (label);
      g_autofree char *name = plain_text (label);
      g_autoptr(EeRichTextBuilder) builder = ee_rich_text_builder_new ();
      g_autoptr(EeRichText) summary = NULL;
      g_autoptr(EeCluster) cluster = NULL;

      /* " – summary": the dash separates name and summary. */
      if (is_type (rest, CMARK_NODE_TEXT))
        cmark_node_set_literal (rest, after_overview_dash (cmark_node_get_literal (rest)));
      ee_rich_text_builder_begin_block (builder, EE_BLOCK_PARAGRAPH, 0);
      if (rest != NULL)
        ee_markdown_read_inlines_from (builder, rest);
      summary = ee_rich_text_builder_end (builder);

      cluster = g_list_model_get_item (G_LIST_MODEL (clusters), i);
      if (cluster == NULL)
        {
          cluster = ee_cluster_new ();
          g_list_store_append (clusters, cluster);
        }
      ee_cluster_set_short_title (cluster, name);
      ee_cluster_set_summary (cluster, summary);
    }
}


/* The overview list: of the lists that look like one, the one with an
 * entry for each cluster section, or else the first. */
static cmark_node *
find_overview (cmark_node *first, cmark_node *stop, guint n_sections)
{
  cmark_node *candidate = NULL;

  for (cmark_node *n = first; n && n != stop; n = cmark_node_next (n))
    {
      guint n_items = 0;

      if (!is_overview_list (n))
        continue;
      for (cmark_node *item = cmark_node_first_child (n); item; item = cmark_node_next (item))
        n_items++;
      if (n_items == n_sections)
        return n;
      if (candidate == NULL)
        candidate = n;
    }
  return candidate;
}

static void
read_head (Importer *im, cmark_node *first, cmark_node *end, guint n_sections)
{
  cmark_node *node = first;
  cmark_node *overview = NULL;
  cmark_node *stop = end;

  /* Separators before the first cluster are written anew on export. */
  for (cmark_node *n = first; n && n != end; n = cmark_node_next (n))
    if (is_type (n, CMARK_NODE_THEMATIC_BREAK))
      {
        gboolean only_breaks_follow = TRUE;
        for (cmark_node *m = n; m && m != end; m = cmark_node_next (m))
          if (!is_type (m, CMARK_NODE_THEMATIC_BREAK) && !is_empty_node (m))
            only_breaks_follow = FALSE;
        if (only_breaks_follow)
          {
            stop = n;
            break;
          }
      }

  if (node != stop && image_line (node))
    {
      g_autofree char *alt = NULL, *path = NULL;
      read_image (image_line (node), &alt, &path, NULL);
      ee_document_set_header_image_alt (im->document, alt);
      ee_document_set_header_image_path (im->document, path);
      node = cmark_node_next (node);
    }

  overview = find_overview (node, stop, n_sections);

  if (overview == NULL)
    {
      g_autoptr(EeRichText) intro = read_nodes (im, node, stop);
      ee_document_set_introduction (im->document, intro);
      return;
    }

  {
    g_autoptr(EeRichText) intro = read_nodes (im, node, overview);
    ee_document_set_introduction (im->document, intro);
  }
  read_overview (im, overview);

  node = cmark_node_next (overview);
  if (node != stop && image_line (node))
    {
      g_autofree char *alt = NULL, *path = NULL;
      read_image (image_line (node), &alt, &path, NULL);
      ee_document_set_overview_image_alt (im->document, alt);
      ee_document_set_overview_image_path (im->document, path);
      node = cmark_node_next (node);
    }
  {
    g_autoptr(EeRichText) closing = read_nodes (im, node, stop);
    ee_document_set_closing (im->document, closing);
  }
}

static const char *
node_description (cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_HEADING: return "a heading";
    case CMARK_NODE_PARAGRAPH: return "a paragraph";
    case CMARK_NODE_LIST: return "a list";
    case CMARK_NODE_CODE_BLOCK: return "a code block";
    case CMARK_NODE_HTML_BLOCK: return "an HTML block";
    case CMARK_NODE_BLOCK_QUOTE: return "a quote";
    case CMARK_NODE_THEMATIC_BREAK: return "a separator line";
    default: return "a table";
    }
}

static gboolean
check_text (const char *text, gsize length, GError **error)
{
  const char *end;
  guint line = 1;

  if (length == 0)
    {
      g_set_error (error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_EMPTY,
                   "the file is empty; expected a hub page starting with a title line (\"# …\")");
      return FALSE;
    }
  if (length > EE_MAX_FILE_SIZE)
    {
      g_set_error (error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_TOO_LARGE,
                   "the file is %" G_GSIZE_FORMAT " MB; pages over %d MB are not opened",
                   length / (1024 * 1024), EE_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (!g_utf8_validate_len (text, length, &end) || memchr (text, 0, length) != NULL)
    {
      const char *bad = end < text + length ? end : memchr (text, 0, length);
      for (const char *p = text; p < bad; p++)
        line += *p == '\n';
      g_set_error (error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_NOT_HUB_PAGE,
                   "line %u: this is not a text file (expected a Markdown hub page in UTF-8)", line);
      return FALSE;
    }
  return TRUE;
}

static EeDocument *import_markdown (const char *text, gsize length, gboolean head_only, GError **error);

/**
 * ee_import_page_markdown:
 *
 * Reads a hub page in the single-page layout.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error
 *   set when the text is not a hub page
 */
EeDocument *
ee_import_page_markdown (const char  *text,
                         gsize        length,
                         GError     **error)
{
  return import_markdown (text, length, FALSE, error);
}

/**
 * ee_import_head_markdown:
 *
 * Reads the head of a hub page (title, header image, introduction, the
 * overview list of clusters, overview image and closing text) from a text
 * that holds nothing else: the hub folder's index.md up to its card grid.
 *
 * Returns: (transfer full) (nullable): the document, with one cluster for
 *   each overview entry, or %NULL with @error set
 */
EeDocument *
ee_import_head_markdown (const char  *text,
                         gsize        length,
                         GError     **error)
{
  return import_markdown (text, length, TRUE, error);
}

static EeDocument *
import_markdown (const char  *text,
                 gsize        length,
                 gboolean     head_only,
                 GError     **error)
{
  Importer im = { { 0, }, NULL };
  cmark_node *root, *node, *title = NULL, *first_cluster = NULL;
  g_autoptr(EeDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean structured = FALSE;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (!check_text (text, length, error))
    return NULL;
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  root = ee_markdown_parse (text, length);
  ee_source_init (&im.source, text, length);
  document = im.document = ee_document_new ();

  for (node = cmark_node_first_child (root); node; node = cmark_node_next (node))
    if (is_heading (node, 1))
      {
        title = node;
        break;
      }
    else if (!is_type (node, CMARK_NODE_HTML_BLOCK))
      break;

  if (title == NULL)
    {
      cmark_node *first = cmark_node_first_child (root);
      if (first == NULL)
        g_set_error (&local_error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_NOT_HUB_PAGE,
                     "line 1: expected a hub page starting with a title line (\"# …\"), found no text");
      else
        g_set_error (&local_error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_NOT_HUB_PAGE,
                     "line %d: expected the page title (\"# Smart Communities Ecosystem & Resources\"), found %s",
                     cmark_node_get_start_line (first), node_description (first));
      goto out;
    }

  {
    g_autofree char *page_title = plain_text (title);
    if (g_str_equal (page_title, EE_PLACEHOLDER) && !source_has_escaped_placeholder (&im, title))
      page_title[0] = 0;
    ee_document_set_title (document, page_title);
  }

  for (node = cmark_node_next (title); node && !head_only; node = cmark_node_next (node))
    if (is_heading (node, 2))
      {
        first_cluster = node;
        break;
      }

  {
    guint n_sections = 0;
    for (node = first_cluster; node; node = cmark_node_next (node))
      n_sections += is_heading (node, 2);
    read_head (&im, cmark_node_next (title), first_cluster, n_sections);
  }
  structured = ee_document_get_n_clusters (document) > 0;

  for (node = first_cluster; node;)
    {
      cmark_node *next = cmark_node_next (node);
      g_autoptr(EeCluster) cluster = NULL;
      guint index = 0;

      while (next && !is_heading (next, 2))
        next = cmark_node_next (next);

      /* Clusters are matched to overview entries by order. */
      for (cmark_node *n = first_cluster; n != node; n = cmark_node_next (n))
        index += is_heading (n, 2);
      cluster = g_list_model_get_item (ee_document_get_clusters (document), index);
      if (cluster == NULL)
        {
          cluster = ee_cluster_new ();
          g_list_store_append (ee_document_get_cluster_store (document), cluster);
        }
      read_cluster (&im, cluster, node, next);
      if (ee_cluster_get_n_initiatives (cluster) > 0 || *ee_cluster_get_template_title (cluster))
        structured = TRUE;
      node = next;
    }

  if (!structured && !head_only)
    {
      int line = first_cluster ? cmark_node_get_start_line (first_cluster) : cmark_node_get_end_line (title) + 1;
      g_set_error (&local_error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_NOT_HUB_PAGE,
                   "line %d: expected the clusters of a hub page: an overview list (\"- **Data Spaces** – …\") "
                   "or \"## …\" sections with initiatives (\"**CitCom.ai**\" followed by "
                   "\"- **Initiative name:** …\"), found none", line);
      goto out;
    }

out:
  ee_source_clear (&im.source);
  cmark_node_free (root);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&document);
}

/**
 * ee_import_load_file:
 *
 * Returns: (transfer full) (nullable): the document read from a page file
 */
EeDocument *
ee_import_load_file (GFile   *file,
                     GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > EE_MAX_FILE_SIZE)
    {
      g_set_error (error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_TOO_LARGE,
                   "the file is %" G_GOFFSET_FORMAT " MB; pages over %d MB are not opened",
                   g_file_info_get_size (info) / (1024 * 1024), EE_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return ee_import_page_markdown (data ? data : "", length, error);
}
