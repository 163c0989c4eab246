/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cmark-gfm.h>
#include "ee-rich-text.h"

G_BEGIN_DECLS

/*
 * Reading Markdown into the model, with cmark-gfm's syntax tree.  Shared by
 * rich-text values (the JSON file stores them as Markdown) and the page
 * importer.
 */

typedef struct {
  const char *text;
  gsize       length;
  GArray     *line_starts;  /* of gsize: offset of each line, 1-based lines */
} EeSource;

cmark_parser *ee_markdown_new_parser   (void);
cmark_node *ee_markdown_parse          (const char  *text,
                                        gsize        length);
void        ee_source_init             (EeSource    *source,
                                        const char  *text,
                                        gsize        length);
void        ee_source_clear            (EeSource    *source);
char       *ee_source_get_lines        (EeSource    *source,
                                        int          first_line,
                                        int          last_line,
                                        gsize        dedent);
char       *ee_source_get_node_text    (EeSource    *source,
                                        cmark_node  *node);

void        ee_markdown_read_inlines   (EeRichTextBuilder *builder,
                                        cmark_node        *parent);
void        ee_markdown_read_inlines_from (EeRichTextBuilder *builder,
                                        cmark_node        *first);
gboolean    ee_markdown_is_list_separator (cmark_node   *node);
gboolean    ee_markdown_list_is_editable (cmark_node      *list,
                                        guint              level);
void        ee_markdown_read_list      (EeRichTextBuilder *builder,
                                        EeSource          *source,
                                        cmark_node        *list,
                                        guint              level);
void        ee_markdown_read_block     (EeRichTextBuilder *builder,
                                        EeSource          *source,
                                        cmark_node        *node);
EeRichText *ee_markdown_read_rich_text (const char        *text,
                                        gsize              length);
char       *ee_markdown_node_plain_text (cmark_node       *node);

G_END_DECLS
