/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include "ee-rich-text.h"

G_BEGIN_DECLS

/*
 * The one place that knows how text is written as Markdown that reads the
 * same under Python-Markdown (the hub) and CommonMark (the preview).
 *
 * Text lines end in two spaces, the template's way of writing a line break;
 * at the end of a paragraph both renderers ignore them.
 */

/* The template's placeholder for an empty value: "…". */
#define EE_PLACEHOLDER "\xe2\x80\xa6"
/* The placeholder written as a character reference, for a value that is a
 * literal "…" rather than an empty one. */
#define EE_PLACEHOLDER_ESCAPED "&#8230;"

/* Written between two lists that would otherwise run together. */
#define EE_LIST_SEPARATOR "<!-- -->"

char *ee_markdown_strip         (const char *text);
void  ee_markdown_strip_bounds  (const char  *text,
                                 const char **start,
                                 const char **end);
void  ee_markdown_escape_text   (GString    *out,
                                 const char *text,
                                 gssize      length,
                                 gboolean    at_line_start,
                                 gboolean    in_link_text);
void  ee_markdown_write_runs    (GString    *out,
                                 GPtrArray  *runs,
                                 const char *continuation_indent);
void  ee_markdown_write_block   (GString       *out,
                                 const EeBlock *block);
void  ee_markdown_write_heading_text (GString    *out,
                                      const char *text);
gboolean ee_markdown_block_is_list (const EeBlock *block);
void  ee_markdown_join_blocks    (GString    *out,
                                 EeRichText *text,
                                 gboolean    line_end_marks);
void  ee_markdown_append_indented (GString    *out,
                                   const char *text,
                                   const char *indent,
                                   gboolean    indent_first_line);

G_END_DECLS
