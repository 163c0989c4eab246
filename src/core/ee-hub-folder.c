/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-hub-folder.h"
#include "ee-safe-write.h"

#include <string.h>

#include "ee-export.h"
#include "ee-import.h"
#include "ee-markdown-reader.h"
#include "ee-markdown-writer.h"
#include "ee-project.h"

/*
 * Import reads index.md's head with the single-page importer (title,
 * introduction, overview list, closing), then the card grid, then each
 * cluster page the cards link to.  As with the single page, what has no
 * place in the model is kept as written, next to what it followed.
 *
 * Export writes the same shape, so that it renders on the hub as it reads:
 * a blank line before every list, and the rule under each logo set apart
 * from the logo by a blank line (right under it, Python-Markdown reads it as
 * a heading underline and the logo becomes a heading).
 */

#define DEFAULT_CARDS_TITLE "Related Initiatives & Resources"
#define CARD_LINK_TEXT ":octicons-arrow-right-24: View Details"
#define CARD_ICON_ATTRIBUTES "{ .lg .middle }"
#define PAGE_SUFFIX "_Related_Initiatives.md"
#define EXAMPLE_PREFIX "Example:"

void
ee_hub_file_free (EeHubFile *file)
{
  if (file == NULL)
    return;
  g_free (file->name);
  g_free (file->markdown);
  g_free (file);
}

/* Attributes ------------------------------------------------------------------ */

/**
 * ee_image_attributes_parse:
 * @text: an attr_list as written after an image: "{ width="300" align="center" }"
 * @width: (out): the width, or 0
 * @others: (out) (transfer full): the other attributes as written, separated
 *   by single spaces ("align=\"center\""), or ""
 *
 * Returns: whether @text is an attribute list (white space around it aside)
 */
gboolean
ee_image_attributes_parse (const char  *text,
                           guint       *width,
                           char       **others)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autoptr(GString) rest = g_string_new (NULL);
  gsize len = strlen (copy);
  char *p, *end;

  *width = 0;
  *others = NULL;
  if (len < 2 || copy[0] != '{' || copy[len - 1] != '}')
    return FALSE;
  copy[len - 1] = 0;
  p = copy + 1;
  if (*p == ':')
    p++;
  end = copy + len - 1;

  while (p < end)
    {
      char *start;
      char quote = 0;

      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end)
        break;
      start = p;
      while (p < end && (quote || !g_ascii_isspace (*p)))
        {
          if (quote && *p == quote)
            quote = 0;
          else if (!quote && (*p == '"' || *p == '\''))
            quote = *p;
          p++;
        }
      if (quote)
        return FALSE;
      if (g_ascii_strncasecmp (start, "width=", 6) == 0)
        {
          const char *w = start + 6;
          char *after;
          guint64 value;

          if (*w == '"' || *w == '\'')
            w++;
          value = g_ascii_strtoull (w, &after, 10);
          if (after != w)
            {
              *width = (guint) MIN (value, 4096);
              continue;
            }
        }
      if (rest->len > 0)
        g_string_append_c (rest, ' ');
      g_string_append_len (rest, start, p - start);
    }
  *others = g_strdup (rest->str);
  return TRUE;
}

/* Import ------------------------------------------------------------------------ */

typedef struct {
  EeSource    source;
  const char *file_name;
} Page;

static gboolean
is_type (cmark_node *node, cmark_node_type type)
{
  return node != NULL && cmark_node_get_type (node) == type;
}

static gboolean
is_blank_inline (cmark_node *node)
{
  const char *p;

  if (is_type (node, CMARK_NODE_SOFTBREAK) || is_type (node, CMARK_NODE_LINEBREAK))
    return TRUE;
  if (!is_type (node, CMARK_NODE_TEXT))
    return FALSE;
  for (p = cmark_node_get_literal (node); *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static char *
plain_text (cmark_node *node)
{
  g_autofree char *text = ee_markdown_node_plain_text (node);
  return ee_markdown_strip (text);
}

/* A paragraph or heading that is nothing but an image and its attr_list:
 * a logo.  In today's pages the logo line is often underlined by "---",
 * which makes it a heading. */
static cmark_node *
logo_line (cmark_node *node, char **attributes)
{
  cmark_node *image = NULL;
  g_autoptr(GString) attrs = g_string_new (NULL);

  if (!is_type (node, CMARK_NODE_PARAGRAPH) && !is_type (node, CMARK_NODE_HEADING))
    return NULL;
  for (cmark_node *child = cmark_node_first_child (node); child; child = cmark_node_next (child))
    {
      if (image == NULL && is_blank_inline (child))
        continue;
      if (image == NULL && is_type (child, CMARK_NODE_IMAGE) && cmark_node_get_url (child) != NULL
          && *cmark_node_get_url (child) != 0)
        {
          image = child;
          continue;
        }
      if (image != NULL && (is_type (child, CMARK_NODE_TEXT) || is_blank_inline (child)))
        {
          if (is_type (child, CMARK_NODE_TEXT))
            g_string_append (attrs, cmark_node_get_literal (child));
          continue;
        }
      return NULL;
    }
  if (image == NULL)
    return NULL;
  g_strstrip (attrs->str);
  if (attrs->str[0] != 0 && (attrs->str[0] != '{' || attrs->str[strlen (attrs->str) - 1] != '}'))
    return NULL;
  if (attributes)
    *attributes = g_strdup (attrs->str);
  return image;
}

static gboolean
is_initiative_heading (cmark_node *node)
{
  return is_type (node, CMARK_NODE_HEADING) && cmark_node_get_heading_level (node) == 2 && !logo_line (node, NULL);
}

/* A paragraph that starts with a bold label ending in a colon:
 * "**Short Description:**".  Returns the bold node. */
static cmark_node *
label_of (cmark_node *node)
{
  cmark_node *strong, *next;
  g_autofree char *text = NULL;
  gsize len;

  if (!is_type (node, CMARK_NODE_PARAGRAPH))
    return NULL;
  strong = cmark_node_first_child (node);
  if (!is_type (strong, CMARK_NODE_STRONG))
    return NULL;
  text = plain_text (strong);
  len = strlen (text);
  next = cmark_node_next (strong);
  if (len > 1 && text[len - 1] == ':')
    return strong;
  if (len > 0 && is_type (next, CMARK_NODE_TEXT) && cmark_node_get_literal (next)[0] == ':')
    return strong;
  return NULL;
}

static char *
label_text (cmark_node *strong)
{
  char *text = plain_text (strong);
  gsize len = strlen (text);

  while (len > 0 && (text[len - 1] == ':' || g_ascii_isspace (text[len - 1])))
    text[--len] = 0;
  return text;
}

static void
read_block (EeRichTextBuilder *builder, Page *page, cmark_node *node)
{
  ee_markdown_read_block (builder, &page->source, node);
}

/* The value that starts in the label's paragraph: what follows the label,
 * its colon and the line break after it. */
static void
begin_value (EeRichTextBuilder *builder, cmark_node *strong)
{
  cmark_node *rest = cmark_node_next (strong);

  if (is_type (rest, CMARK_NODE_TEXT) && cmark_node_get_literal (rest)[0] == ':')
    cmark_node_set_literal (rest, cmark_node_get_literal (rest) + 1);
  while (rest != NULL && is_blank_inline (rest))
    rest = cmark_node_next (rest);
  ee_rich_text_builder_begin_block (builder, EE_BLOCK_PARAGRAPH, 0);
  if (rest != NULL)
    ee_markdown_read_inlines_from (builder, rest);
}

static void
add_field (EeInitiative *initiative, gboolean *seen, int *last, const char *label, EeRichText *value)
{
  EeField field;

  if (ee_field_from_label (label, &field) && !seen[field])
    {
      seen[field] = TRUE;
      ee_initiative_set_field (initiative, field, value);
      *last = field;
    }
  else
    ee_initiative_add_extra_field (initiative, label, *last, value);
}

/* Reads the initiative under @heading, up to @end. */
static EeInitiative *
read_initiative (Page *page, cmark_node *heading, cmark_node *end)
{
  g_autoptr(EeInitiative) initiative = ee_initiative_new ();
  g_autoptr(EeRichTextBuilder) builder = ee_rich_text_builder_new ();
  g_autofree char *title = plain_text (heading);
  g_autofree char *label = NULL;
  gboolean seen[EE_N_FIELDS] = { FALSE, };
  gboolean in_trailing = FALSE;
  int last = -1;
  cmark_node *node = cmark_node_next (heading);
  g_autofree char *attributes = NULL;
  cmark_node *image;

  /* "## Example: CitCom.ai", as the single page's bold title line. */
  if (g_ascii_strncasecmp (title, EXAMPLE_PREFIX, strlen (EXAMPLE_PREFIX)) == 0)
    {
      memmove (title, title + strlen (EXAMPLE_PREFIX), strlen (title + strlen (EXAMPLE_PREFIX)) + 1);
      g_strchug (title);
      ee_initiative_set_example (initiative, TRUE);
    }
  if (g_str_equal (title, EE_PLACEHOLDER))
    title[0] = 0;
  ee_initiative_set_title (initiative, title);

  image = node != end ? logo_line (node, &attributes) : NULL;
  if (image != NULL)
    {
      g_autofree char *alt = plain_text (image);
      g_autofree char *others = NULL;
      guint width = 0;

      ee_initiative_set_logo_alt (initiative, alt);
      ee_initiative_set_logo_path (initiative, cmark_node_get_url (image));
      if (ee_image_attributes_parse (attributes, &width, &others))
        {
          ee_initiative_set_logo_width (initiative, width);
          ee_initiative_set_logo_attributes (initiative, others);
        }
      /* The rule under the logo belongs to the layout; as a heading
       * underline it is already part of the logo line. */
      if (is_type (node, CMARK_NODE_PARAGRAPH) && is_type (cmark_node_next (node), CMARK_NODE_THEMATIC_BREAK)
          && cmark_node_next (node) != end)
        node = cmark_node_next (node);
      node = cmark_node_next (node);
    }

  for (; node != NULL && node != end; node = cmark_node_next (node))
    {
      cmark_node *strong = in_trailing ? NULL : label_of (node);

      if (strong != NULL)
        {
          g_autoptr(EeRichText) value = ee_rich_text_builder_end (builder);

          g_clear_pointer (&builder, ee_rich_text_builder_free);
          builder = ee_rich_text_builder_new ();
          if (label == NULL)
            ee_initiative_set_leading (initiative, value);
          else
            add_field (initiative, seen, &last, label, value);
          g_free (label);
          label = label_text (strong);
          begin_value (builder, strong);
          continue;
        }
      /* A rule after the fields ends them: it and what follows stay after
       * the initiative. */
      if (!in_trailing && label != NULL && is_type (node, CMARK_NODE_THEMATIC_BREAK))
        {
          g_autoptr(EeRichText) value = ee_rich_text_builder_end (builder);

          g_clear_pointer (&builder, ee_rich_text_builder_free);
          builder = ee_rich_text_builder_new ();
          add_field (initiative, seen, &last, label, value);
          g_clear_pointer (&label, g_free);
          in_trailing = TRUE;
        }
      read_block (builder, page, node);
    }

  {
    g_autoptr(EeRichText) value = ee_rich_text_builder_end (builder);

    if (in_trailing)
      ee_initiative_set_trailing (initiative, value);
    else if (label != NULL)
      add_field (initiative, seen, &last, label, value);
    else
      ee_initiative_set_leading (initiative, value);
  }

  /* The heading names the initiative; the page layout writes the name as a
   * field too. */
  if (!seen[EE_FIELD_NAME] && *title != 0)
    {
      g_autoptr(EeRichText) name = ee_rich_text_new_plain (title);
      ee_initiative_set_field (initiative, EE_FIELD_NAME, name);
    }
  return g_steal_pointer (&initiative);
}

static gboolean
check_text (const char *file_name, const char *text, gsize length, GError **error)
{
  const char *end;

  if (length > EE_MAX_FILE_SIZE)
    {
      g_set_error (error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_TOO_LARGE,
                   "%s: the file is %" G_GSIZE_FORMAT " MB; pages over %d MB are not opened",
                   file_name, length / (1024 * 1024), EE_MAX_FILE_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (!g_utf8_validate_len (text, length, &end) || memchr (text, 0, length) != NULL)
    {
      const char *bad = end < text + length ? end : memchr (text, 0, length);
      guint line = 1;

      for (const char *p = text; p < bad; p++)
        line += *p == '\n';
      g_set_error (error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_NOT_HUB_PAGE,
                   "%s: line %u: this is not a text file (expected a Markdown hub page in UTF-8)", file_name, line);
      return FALSE;
    }
  return TRUE;
}

/* Loads a page as text, without a byte-order mark.  Returns NULL with
 * @error set, or NULL without it when the file does not exist and
 * @missing_ok. */
static char *
load_page (GFile *file, gboolean missing_ok, gsize *length, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *data = NULL;
  gsize len;

  if (!g_file_load_contents (file, NULL, &data, &len, NULL, &local_error))
    {
      if (missing_ok && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return NULL;
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
      return NULL;
    }
  if (!check_text (name, data, len, error))
    return NULL;
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      memmove (data, data + 3, len - 2);
      len -= 3;
    }
  *length = len;
  return g_steal_pointer (&data);
}

/* Reads a cluster page into @cluster: its "#" title, introduction and
 * initiatives. */
static void
read_cluster_page (EeCluster *cluster, const char *file_name, const char *text, gsize length)
{
  Page page = { { 0, }, file_name };
  cmark_node *root = ee_markdown_parse (text, length);
  cmark_node *node = cmark_node_first_child (root);
  g_autoptr(EeRichTextBuilder) intro = ee_rich_text_builder_new ();
  g_autoptr(GPtrArray) initiatives = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(EeRichText) introduction = NULL;

  ee_source_init (&page.source, text, length);

  if (is_type (node, CMARK_NODE_HEADING) && cmark_node_get_heading_level (node) == 1)
    {
      g_autofree char *title = plain_text (node);
      ee_cluster_set_title (cluster, title);
      node = cmark_node_next (node);
    }
  for (; node != NULL && !is_initiative_heading (node); node = cmark_node_next (node))
    read_block (intro, &page, node);
  introduction = ee_rich_text_builder_end (intro);
  ee_cluster_set_introduction (cluster, introduction);

  while (node != NULL)
    {
      cmark_node *next = cmark_node_next (node);

      while (next != NULL && !is_initiative_heading (next))
        next = cmark_node_next (next);
      g_ptr_array_add (initiatives, read_initiative (&page, node, next));
      node = next;
    }
  g_list_store_splice (ee_cluster_get_initiative_store (cluster), 0,
                       ee_cluster_get_n_initiatives (cluster), initiatives->pdata, initiatives->len);

  ee_source_clear (&page.source);
  cmark_node_free (root);
}

static gboolean
is_grid_start (cmark_node *node)
{
  const char *literal;

  if (!is_type (node, CMARK_NODE_HTML_BLOCK))
    return FALSE;
  literal = cmark_node_get_literal (node);
  return g_ascii_strncasecmp (literal, "<div", 4) == 0 && strstr (literal, "grid") != NULL
         && strstr (literal, "cards") != NULL;
}

static gboolean
is_grid_end (cmark_node *node)
{
  return is_type (node, CMARK_NODE_HTML_BLOCK)
         && g_ascii_strncasecmp (cmark_node_get_literal (node), "</div>", 6) == 0;
}

/* ":material-database:{ .lg .middle } __Data Spaces__": the icon's name
 * and the card's title. */
static void
read_card_head (cmark_node *paragraph, char **icon, char **title)
{
  cmark_node *first = cmark_node_first_child (paragraph);
  cmark_node *strong = NULL;

  *icon = g_strdup ("");
  if (is_type (first, CMARK_NODE_TEXT) && cmark_node_get_literal (first)[0] == ':')
    {
      const char *literal = cmark_node_get_literal (first);
      const char *close = strchr (literal + 1, ':');

      if (close != NULL && close > literal + 1)
        {
          g_free (*icon);
          *icon = g_strndup (literal + 1, close - literal - 1);
        }
    }
  for (cmark_node *child = first; child; child = cmark_node_next (child))
    if (is_type (child, CMARK_NODE_STRONG))
      {
        strong = child;
        break;
      }
  *title = plain_text (strong ? strong : paragraph);
}

/* A paragraph that is one link and nothing else: the card's link to its
 * page. */
static cmark_node *
link_line (cmark_node *node)
{
  cmark_node *link = NULL;

  if (!is_type (node, CMARK_NODE_PARAGRAPH))
    return NULL;
  for (cmark_node *child = cmark_node_first_child (node); child; child = cmark_node_next (child))
    {
      if (is_blank_inline (child))
        continue;
      if (link != NULL || !is_type (child, CMARK_NODE_LINK))
        return NULL;
      link = child;
    }
  return link;
}

static void
read_card (EeCluster *cluster, EeSource *source, cmark_node *item)
{
  cmark_node *first = cmark_node_first_child (item);
  cmark_node *last = cmark_node_last_child (item);
  cmark_node *link = first != last ? link_line (last) : NULL;
  g_autoptr(EeRichTextBuilder) builder = ee_rich_text_builder_new ();
  g_autoptr(EeRichText) text = NULL;
  g_autofree char *icon = NULL, *title = NULL;

  if (is_type (first, CMARK_NODE_PARAGRAPH))
    {
      read_card_head (first, &icon, &title);
      ee_cluster_set_card_icon (cluster, icon);
      ee_cluster_set_card_title (cluster, title);
      first = cmark_node_next (first);
    }
  for (cmark_node *node = first; node != NULL && (link == NULL || node != last); node = cmark_node_next (node))
    ee_markdown_read_block (builder, source, node);
  text = ee_rich_text_builder_end (builder);
  ee_cluster_set_card_text (cluster, text);
  if (link != NULL)
    ee_cluster_set_page_file (cluster, cmark_node_get_url (link));
}

/* Whether a page link names a file in the folder itself. */
static gboolean
is_plain_file_name (const char *name)
{
  if (name == NULL || *name == 0 || *name == '.' || !g_str_has_suffix (name, ".md"))
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;
  return g_ascii_strcasecmp (name, EE_HUB_INDEX_FILE) != 0;
}

static cmark_node *
previous_non_blank (cmark_node *node)
{
  cmark_node *prev = cmark_node_previous (node);

  while (prev != NULL && is_type (prev, CMARK_NODE_PARAGRAPH) && cmark_node_first_child (prev) == NULL)
    prev = cmark_node_previous (prev);
  return prev;
}

static EeDocument *
read_index (const char *text, gsize length, GError **error)
{
  cmark_node *root = ee_markdown_parse (text, length);
  cmark_node *grid = NULL, *heading = NULL, *node;
  g_autoptr(EeDocument) document = NULL;
  EeSource source;
  gsize head_length = length;
  guint card = 0;
  g_autoptr(EeRichTextBuilder) after_grid = ee_rich_text_builder_new ();

  for (node = cmark_node_first_child (root); node; node = cmark_node_next (node))
    if (is_grid_start (node))
      {
        grid = node;
        break;
      }
  if (grid != NULL)
    {
      cmark_node *before = previous_non_blank (grid);
      int first_line;

      if (is_type (before, CMARK_NODE_HEADING) && cmark_node_get_heading_level (before) == 2)
        heading = before;
      first_line = cmark_node_get_start_line (heading ? heading : grid);
      ee_source_init (&source, text, length);
      {
        g_autofree char *head = first_line > 1 ? ee_source_get_lines (&source, 1, first_line - 1, 0) : g_strdup ("");
        head_length = strlen (head);
      }
      ee_source_clear (&source);
    }

  document = ee_import_head_markdown (text, head_length, error);
  if (document == NULL)
    {
      g_prefix_error (error, "%s: ", EE_HUB_INDEX_FILE);
      cmark_node_free (root);
      return NULL;
    }

  if (heading != NULL)
    {
      g_autofree char *title = plain_text (heading);
      ee_document_set_cards_title (document, title);
    }

  ee_source_init (&source, text, length);
  for (node = grid ? cmark_node_next (grid) : NULL; node != NULL && !is_grid_end (node); node = cmark_node_next (node))
    {
      /* Anything in the grid but the list of cards is kept after it. */
      if (!is_type (node, CMARK_NODE_LIST))
        {
          ee_markdown_read_block (after_grid, &source, node);
          continue;
        }
      for (cmark_node *item = cmark_node_first_child (node); item; item = cmark_node_next (item), card++)
        {
          g_autoptr(EeCluster) cluster = g_list_model_get_item (ee_document_get_clusters (document), card);

          if (cluster == NULL)
            {
              cluster = ee_cluster_new ();
              g_list_store_append (ee_document_get_cluster_store (document), cluster);
            }
          read_card (cluster, &source, item);
        }
    }
  /* What follows the grid is kept after it, as written. */
  for (node = node ? cmark_node_next (node) : NULL; node != NULL; node = cmark_node_next (node))
    ee_markdown_read_block (after_grid, &source, node);
  {
    g_autoptr(EeRichText) trailing = ee_rich_text_builder_end (after_grid);
    ee_document_set_cards_trailing (document, trailing);
  }
  ee_source_clear (&source);
  cmark_node_free (root);
  ee_document_set_layout (document, EE_LAYOUT_FOLDER);
  return g_steal_pointer (&document);
}

/**
 * ee_hub_folder_recognise:
 * @folder_or_page: a folder, or a Markdown file
 *
 * Whether @folder_or_page is a folder (a hub folder holds index.md), or index.md itself,
 * or a page that the card grid of the index.md next to it links to: what
 * ee_hub_folder_import() reads, rather than the single-page importer.
 */
gboolean
ee_hub_folder_recognise (GFile *folder_or_page)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) index = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  cmark_node *root;
  gboolean linked = FALSE, in_grid = FALSE;

  g_return_val_if_fail (G_IS_FILE (folder_or_page), FALSE);

  /* A folder is only ever a hub folder; without index.md, importing it
   * says so. */
  if (g_file_query_file_type (folder_or_page, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    return TRUE;
  parent = g_file_get_parent (folder_or_page);
  name = g_file_get_basename (folder_or_page);
  if (parent == NULL || name == NULL)
    return FALSE;
  index = g_file_get_child (parent, EE_HUB_INDEX_FILE);
  if (!g_file_load_contents (index, NULL, &text, NULL, NULL, NULL))
    return FALSE;

  root = ee_markdown_parse (text, strlen (text));
  for (cmark_node *node = cmark_node_first_child (root); node; node = cmark_node_next (node))
    {
      if (is_grid_start (node))
        in_grid = TRUE;
      else if (is_grid_end (node))
        in_grid = FALSE;
      else if (in_grid && is_type (node, CMARK_NODE_LIST))
        for (cmark_node *item = cmark_node_first_child (node); item; item = cmark_node_next (item))
          {
            cmark_node *link_node = link_line (cmark_node_last_child (item));
            if (link_node != NULL && g_strcmp0 (cmark_node_get_url (link_node), name) == 0)
              linked = TRUE;
          }
    }
  cmark_node_free (root);
  /* index.md itself counts when it has a grid: it was seen above. */
  return linked || (g_str_equal (name, EE_HUB_INDEX_FILE) && strstr (text, "grid cards") != NULL);
}

/**
 * ee_hub_folder_import:
 * @folder_or_page: the hub folder (holding index.md), or one of its pages
 *
 * Reads a hub folder: index.md and the page of each cluster its cards link
 * to.  A page that is linked but missing leaves its cluster without
 * initiatives, titled after its card.  Errors name the file and the line.
 *
 * Returns: (transfer full) (nullable): the document, in the folder layout
 */
EeDocument *
ee_hub_folder_import (GFile   *folder_or_page,
                      GError **error)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) index = NULL;
  g_autoptr(EeDocument) document = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (folder_or_page), NULL);

  if (g_file_query_file_type (folder_or_page, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    folder = g_object_ref (folder_or_page);
  else
    folder = g_file_get_parent (folder_or_page);
  if (folder == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "not a hub folder");
      return NULL;
    }

  index = g_file_get_child (folder, EE_HUB_INDEX_FILE);
  text = load_page (index, TRUE, &length, error);
  if (text == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_NOT_HUB_PAGE,
                     "%s: not found; a hub folder holds index.md and one page per cluster", EE_HUB_INDEX_FILE);
      else if (error == NULL)
        return NULL;
      return NULL;
    }

  document = read_index (text, length, error);
  if (document == NULL)
    return NULL;

  for (guint i = 0; i < ee_document_get_n_clusters (document); i++)
    {
      EeCluster *cluster = ee_document_get_cluster (document, i);
      const char *name = ee_cluster_get_page_file (cluster);
      g_autoptr(GFile) file = NULL;
      g_autofree char *page = NULL;
      g_autoptr(GError) local_error = NULL;
      gsize page_length = 0;

      if (!is_plain_file_name (name))
        continue;
      file = g_file_get_child (folder, name);
      page = load_page (file, TRUE, &page_length, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (page == NULL)
        {
          const char *card = ee_cluster_get_card_title (cluster);
          g_autofree char *title = g_strconcat (*card ? card : ee_cluster_get_short_title (cluster),
                                                " Related Initiatives", NULL);
          ee_cluster_set_title (cluster, title);
          continue;
        }
      read_cluster_page (cluster, name, page, page_length);
    }

  return g_steal_pointer (&document);
}

/* Export ------------------------------------------------------------------------- */

/**
 * ee_hub_folder_default_page_file:
 *
 * Returns: (transfer full): the page file name the hub would give a
 *   cluster: "Data Spaces" → "Data_Spaces_Related_Initiatives.md"
 */
char *
ee_hub_folder_default_page_file (const char *cluster_name)
{
  GString *s = g_string_new (NULL);

  for (const char *p = cluster_name ? cluster_name : ""; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (s, *p);
      else if (*p == '&')
        g_string_append (s, s->len && s->str[s->len - 1] != '_' ? "_and" : "and");
      else if (s->len > 0 && s->str[s->len - 1] != '_')
        g_string_append_c (s, '_');
    }
  while (s->len > 0 && s->str[s->len - 1] == '_')
    g_string_truncate (s, s->len - 1);
  if (s->len == 0)
    g_string_append (s, "Cluster");
  g_string_append (s, PAGE_SUFFIX);
  return g_string_free (s, FALSE);
}

static const char *
cluster_name (EeCluster *cluster)
{
  if (*ee_cluster_get_card_title (cluster))
    return ee_cluster_get_card_title (cluster);
  if (*ee_cluster_get_short_title (cluster))
    return ee_cluster_get_short_title (cluster);
  return ee_cluster_get_title (cluster);
}

/**
 * ee_hub_folder_get_page_files:
 *
 * The file name of each cluster's page in the folder export: its own when
 * that is a plain file name in the folder, else one made from its name;
 * never index.md, and never the same twice.
 *
 * Returns: (transfer full): one file name per cluster
 */
char **
ee_hub_folder_get_page_files (EeDocument *document)
{
  guint n = ee_document_get_n_clusters (document);
  char **names = g_new0 (char *, n + 1);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_add (used, g_ascii_strdown (EE_HUB_INDEX_FILE, -1));
  for (guint i = 0; i < n; i++)
    {
      EeCluster *cluster = ee_document_get_cluster (document, i);
      const char *own = ee_cluster_get_page_file (cluster);
      g_autofree char *base = is_plain_file_name (own) ? g_strdup (own) : ee_hub_folder_default_page_file (cluster_name (cluster));
      g_autofree char *name = g_strdup (base);
      char *key = g_ascii_strdown (name, -1);

      /* File names are compared ignoring case, as some file systems do. */
      for (guint k = 2; g_hash_table_contains (used, key); k++)
        {
          g_free (name);
          g_free (key);
          name = g_strdup_printf ("%.*s_%u.md", (int) strlen (base) - 3, base, k);
          key = g_ascii_strdown (name, -1);
        }
      g_hash_table_add (used, key);
      names[i] = g_steal_pointer (&name);
    }
  return names;
}

typedef struct {
  GString        *out;
  gboolean        started;
  gboolean        after_list;
  EeSectionMarks  marks;
} Writer;

static void
start_section (Writer *w, EeSectionKind kind, gpointer object)
{
  ee_section_marks_next (&w->marks, kind, object);
}

/* Starts a group of blocks after @blank_lines blank lines; two lists in a
 * row are kept apart as the page export keeps them. */
static void
begin (Writer *w, guint blank_lines, gboolean starts_list, gboolean ends_list)
{
  gsize end_of_previous;

  /* The separator ends the previous section, which it keeps whole. */
  if (w->started && starts_list && w->after_list)
    g_string_append (w->out, "\n\n" EE_LIST_SEPARATOR);
  end_of_previous = w->out->len;
  if (w->started)
    {
      g_string_append_c (w->out, '\n');
      for (guint i = 0; i < blank_lines; i++)
        g_string_append_c (w->out, '\n');
    }
  ee_section_marks_block (&w->marks, end_of_previous, w->out->len);
  w->started = TRUE;
  w->after_list = ends_list;
}

static gboolean
block_is_list (EeRichText *text, guint i)
{
  return ee_markdown_block_is_list (ee_rich_text_get_block (text, i));
}

static void
write_blocks (Writer *w, EeRichText *text)
{
  guint n = ee_rich_text_get_n_blocks (text);

  if (n == 0)
    return;
  begin (w, 1, block_is_list (text, 0), block_is_list (text, n - 1));
  ee_markdown_join_blocks (w->out, text, TRUE);
}

static void
write_bold_label (GString *out, const char *label, gboolean known)
{
  g_autoptr(GPtrArray) runs = g_ptr_array_new ();
  g_autofree char *text = g_strconcat (label, ":", NULL);
  EeRun run = { text, EE_MARK_BOLD, NULL };

  if (known)
    {
      g_string_append_printf (out, "**%s**", text);
      return;
    }
  g_ptr_array_add (runs, &run);
  ee_markdown_write_runs (out, runs, "");
}

/* Whether "label  \n" + @markdown reads as one paragraph that still holds
 * the label: the value's first paragraph can go on the label's line. */
static gboolean
continues_label (const char *label_line, const char *markdown)
{
  g_autofree char *probe = g_strconcat (label_line, "  \n", markdown, "\n", NULL);
  cmark_node *root = ee_markdown_parse (probe, strlen (probe));
  cmark_node *first = cmark_node_first_child (root);
  gboolean ok = is_type (first, CMARK_NODE_PARAGRAPH) && cmark_node_next (first) == NULL
                && label_of (first) != NULL;

  cmark_node_free (root);
  return ok;
}

/* "**Label:**  " and the value: its first paragraph on the next line, the
 * other blocks after blank lines. */
static void
write_field (Writer *w, const char *label, gboolean known, EeRichText *value)
{
  guint n = ee_rich_text_get_n_blocks (value);
  g_autoptr(GString) line = g_string_new (NULL);
  guint first_rest = 0;

  if (n == 0)
    return;
  if (*label == 0)
    {
      write_blocks (w, value);
      return;
    }
  write_bold_label (line, label, known);
  begin (w, 1, FALSE, FALSE);
  g_string_append (w->out, line->str);
  g_string_append (w->out, "  ");

  if (ee_rich_text_get_block (value, 0)->kind == EE_BLOCK_PARAGRAPH
      && continues_label (line->str, ee_rich_text_get_block_markdown (value, 0)))
    {
      g_string_append_c (w->out, '\n');
      g_string_append (w->out, ee_rich_text_get_block_markdown (value, 0));
      g_string_append (w->out, "  ");
      first_rest = 1;
    }

  for (guint i = first_rest; i < n; i++)
    {
      const EeBlock *block = ee_rich_text_get_block (value, i);
      gboolean list = ee_markdown_block_is_list (block);
      gboolean tight = i > first_rest && block->kind == EE_BLOCK_BULLET
                       && ee_rich_text_get_block (value, i - 1)->kind == EE_BLOCK_BULLET;

      if (tight)
        g_string_append_c (w->out, '\n');
      else
        begin (w, 1, list, list);
      w->after_list = list;
      g_string_append (w->out, ee_rich_text_get_block_markdown (value, i));
      if (block->kind != EE_BLOCK_RAW)
        g_string_append (w->out, "  ");
    }
}

static void
write_heading (Writer *w, const char *prefix, const char *title, guint blank_lines)
{
  g_autofree char *text = ee_markdown_strip (title);

  begin (w, blank_lines, FALSE, FALSE);
  g_string_append (w->out, prefix);
  if (g_str_equal (text, EE_PLACEHOLDER))
    g_string_append (w->out, EE_PLACEHOLDER_ESCAPED);
  else
    ee_markdown_write_heading_text (w->out, *text ? text : EE_PLACEHOLDER);
}

static void
write_initiative (Writer *w, EeInitiative *initiative)
{
  guint n_extra = ee_initiative_get_n_extra_fields (initiative);
  EeRichText *name = ee_initiative_get_field (initiative, EE_FIELD_NAME);
  g_autofree char *name_text = ee_rich_text_to_plain (name);

  start_section (w, EE_SECTION_INITIATIVE, initiative);
  write_heading (w, ee_initiative_get_example (initiative) ? "## " EXAMPLE_PREFIX " " : "## ",
                 ee_initiative_get_title (initiative), 2);

  if (*ee_initiative_get_logo_path (initiative) != 0)
    {
      const char *attributes = ee_initiative_get_logo_attributes (initiative);
      guint width = ee_initiative_get_logo_width (initiative);

      begin (w, 1, FALSE, FALSE);
      g_string_append (w->out, "![");
      ee_markdown_escape_text (w->out, ee_initiative_get_logo_alt (initiative), -1, FALSE, TRUE);
      g_string_append (w->out, "](");
      g_string_append (w->out, ee_initiative_get_logo_path (initiative));
      g_string_append_c (w->out, ')');
      if (width > 0 || *attributes != 0)
        {
          g_string_append (w->out, "{ ");
          if (width > 0)
            g_string_append_printf (w->out, "width=\"%u\" ", width);
          if (*attributes != 0)
            {
              g_string_append (w->out, attributes);
              g_string_append_c (w->out, ' ');
            }
          g_string_append_c (w->out, '}');
        }
      /* A blank line between: right under the image line, "---" would
       * make the logo a heading. */
      begin (w, 1, FALSE, FALSE);
      g_string_append (w->out, "---");
    }

  write_blocks (w, ee_initiative_get_leading (initiative));

  for (int f = -1; f < EE_N_FIELDS; f++)
    {
      /* The heading is the title; the name is written when it says
       * more. */
      if (f == EE_FIELD_NAME && !g_str_equal (g_strstrip (name_text), ee_initiative_get_title (initiative)))
        write_field (w, ee_field_get_label (f), TRUE, name);
      else if (f > EE_FIELD_NAME)
        write_field (w, ee_field_get_label (f), TRUE, ee_initiative_get_field (initiative, f));
      for (guint i = 0; i < n_extra; i++)
        {
          const EeExtraField *extra = ee_initiative_get_extra_field (initiative, i);

          if (extra->after == f)
            write_field (w, extra->label, FALSE, extra->value);
        }
    }

  write_blocks (w, ee_initiative_get_trailing (initiative));
}

/* The cluster's page; @sections, when not %NULL, gets its head, each
 * initiative and what follows them as sections. */
static char *
export_cluster_page (EeCluster *cluster,
                     GArray    *sections)
{
  Writer w = { g_string_sized_new (8192), FALSE, FALSE, { sections, 0, NULL } };
  GListModel *initiatives = ee_cluster_get_initiatives (cluster);

  start_section (&w, EE_SECTION_CLUSTER, cluster);
  if (*ee_cluster_get_title (cluster) != 0)
    write_heading (&w, "# ", ee_cluster_get_title (cluster), 1);
  write_blocks (&w, ee_cluster_get_introduction (cluster));
  for (guint i = 0; i < g_list_model_get_n_items (initiatives); i++)
    {
      g_autoptr(EeInitiative) initiative = g_list_model_get_item (initiatives, i);
      write_initiative (&w, initiative);
    }
  start_section (&w, EE_SECTION_CLUSTER_END, cluster);
  write_blocks (&w, ee_cluster_get_trailing (cluster));
  g_string_append_c (w.out, '\n');
  ee_section_marks_end (&w.marks, w.out->len);
  return g_string_free (w.out, FALSE);
}

static void
write_card (GString *out, EeCluster *cluster, const char *page_file)
{
  EeRichText *text = ee_cluster_get_card_text (cluster);
  g_autoptr(GString) body = g_string_new (NULL);

  if (ee_rich_text_is_empty (text))
    text = ee_cluster_get_summary (cluster);

  g_string_append (out, "-   ");
  if (*ee_cluster_get_card_icon (cluster) != 0)
    g_string_append_printf (out, ":%s:" CARD_ICON_ATTRIBUTES " ", ee_cluster_get_card_icon (cluster));
  g_string_append (out, "__");
  ee_markdown_escape_text (out, *cluster_name (cluster) ? cluster_name (cluster) : EE_PLACEHOLDER, -1, FALSE, FALSE);
  g_string_append (out, "__  \n");
  if (!ee_rich_text_is_empty (text))
    {
      ee_markdown_join_blocks (body, text, TRUE);
      g_string_append_c (out, '\n');
      ee_markdown_append_indented (out, body->str, "    ", TRUE);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "\n    [" CARD_LINK_TEXT "](%s)\n", page_file);
}

static char *
export_index (EeDocument *document, char **page_files)
{
  g_autofree char *head = ee_export_head_markdown (document, NULL);
  GString *out = g_string_new (head);
  const char *cards_title = ee_document_get_cards_title (document);

  g_string_append (out, "\n\n## ");
  ee_markdown_write_heading_text (out, *cards_title ? cards_title : DEFAULT_CARDS_TITLE);
  g_string_append (out, "\n\n<div class=\"grid cards\" markdown>\n");
  for (guint i = 0; i < ee_document_get_n_clusters (document); i++)
    {
      g_string_append_c (out, '\n');
      write_card (out, ee_document_get_cluster (document, i), page_files[i]);
    }
  g_string_append (out, "\n</div>\n");
  if (!ee_rich_text_is_empty (ee_document_get_cards_trailing (document)))
    {
      g_string_append_c (out, '\n');
      ee_markdown_join_blocks (out, ee_document_get_cards_trailing (document), TRUE);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static EeHubFile *
hub_file_new (const char *name, char *markdown)
{
  EeHubFile *file = g_new0 (EeHubFile, 1);

  file->name = g_strdup (name);
  file->markdown = markdown;
  return file;
}

/**
 * ee_hub_folder_export:
 *
 * Writes the document in the hub's folder layout, whatever its layout
 * property: index.md, then one page per cluster, named as
 * ee_hub_folder_get_page_files() says.
 *
 * Returns: (transfer full) (element-type EeHubFile): the files
 */
GPtrArray *
ee_hub_folder_export (EeDocument *document)
{
  g_auto(GStrv) page_files = NULL;
  GPtrArray *files;

  g_return_val_if_fail (EE_IS_DOCUMENT (document), NULL);

  page_files = ee_hub_folder_get_page_files (document);
  files = g_ptr_array_new_with_free_func ((GDestroyNotify) ee_hub_file_free);
  g_ptr_array_add (files, hub_file_new (EE_HUB_INDEX_FILE, export_index (document, page_files)));
  for (guint i = 0; i < ee_document_get_n_clusters (document); i++)
    g_ptr_array_add (files, hub_file_new (page_files[i], export_cluster_page (ee_document_get_cluster (document, i), NULL)));
  return files;
}

/**
 * ee_hub_folder_export_page:
 * @cluster: (nullable): the cluster whose page to write, or %NULL for the
 *   index
 * @length: (out) (optional): the length of the page
 * @sections: (out) (optional): where each part of the page is, as an array
 *   of #EeExportSection.  The index is one section, the document's; a
 *   cluster's page has its head, each initiative and its end.
 *
 * Writes one page of the folder layout, exactly as ee_hub_folder_export()
 * writes it, in sections that render on their own as within the page.
 *
 * Returns: (transfer full): the page's Markdown
 */
char *
ee_hub_folder_export_page (EeDocument  *document,
                           EeCluster   *cluster,
                           gsize       *length,
                           GArray     **sections)
{
  g_autoptr(GArray) parts = NULL;
  char *markdown;

  g_return_val_if_fail (EE_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (cluster == NULL || EE_IS_CLUSTER (cluster), NULL);

  if (sections != NULL)
    parts = g_array_new (FALSE, FALSE, sizeof (EeExportSection));
  if (cluster != NULL)
    markdown = export_cluster_page (cluster, parts);
  else
    {
      g_auto(GStrv) page_files = ee_hub_folder_get_page_files (document);

      markdown = export_index (document, page_files);
      if (parts != NULL)
        {
          EeExportSection whole = { EE_SECTION_PAGE, G_OBJECT (document), 0, strlen (markdown) };

          g_array_append_val (parts, whole);
        }
    }
  if (length != NULL)
    *length = strlen (markdown);
  if (sections != NULL)
    *sections = g_steal_pointer (&parts);
  return markdown;
}

/**
 * ee_hub_folder_write_files:
 *
 * Writes each file into @folder (made if missing), each one atomically:
 * a reader sees the old file or the new one, never half of one.
 */
gboolean
ee_hub_folder_write_files (GPtrArray  *files,
                           GFile      *folder,
                           GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (files != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  if (!g_file_make_directory_with_parents (folder, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i < files->len; i++)
    {
      EeHubFile *hub_file = g_ptr_array_index (files, i);
      g_autoptr(GFile) file = NULL;
      g_autoptr(GBytes) bytes = NULL;

      g_return_val_if_fail (is_plain_file_name (hub_file->name) || g_str_equal (hub_file->name, EE_HUB_INDEX_FILE), FALSE);
      file = g_file_get_child (folder, hub_file->name);
      bytes = g_bytes_new_static (hub_file->markdown, strlen (hub_file->markdown));
      if (!ee_safe_write (file, bytes, FALSE, NULL, NULL, error))
        {
          g_prefix_error (error, "%s: ", hub_file->name);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * ee_hub_folder_write:
 *
 * Exports the document as a hub folder into @folder.
 */
gboolean
ee_hub_folder_write (EeDocument  *document,
                     GFile       *folder,
                     GError     **error)
{
  g_autoptr(GPtrArray) files = ee_hub_folder_export (document);

  return ee_hub_folder_write_files (files, folder, error);
}
