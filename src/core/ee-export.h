/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ee-document.h"

G_BEGIN_DECLS

typedef enum {
  EE_SECTION_PAGE,          /* title, introduction, overview, closing */
  EE_SECTION_CLUSTER,       /* a cluster's heading and introduction */
  EE_SECTION_INITIATIVE,    /* one initiative */
  EE_SECTION_CLUSTER_END,   /* a cluster's contributor template and what follows */
} EeSectionKind;

/**
 * EeExportSection:
 * @object: the document, cluster or initiative the section shows
 * @start: where the section starts in the page, in bytes
 * @end: where it ends
 *
 * A part of the exported page made of whole blocks, which renders the same
 * on its own as within the page.
 */
typedef struct {
  EeSectionKind  kind;
  GObject       *object;
  gsize          start;
  gsize          end;
} EeExportSection;

/**
 * EeSectionMarks:
 * @sections: (nullable): where the sections go, as #EeExportSection; %NULL
 *   when nobody asked for them
 *
 * What a layout's writer keeps to split its page into sections: the
 * section the next block starts, and the sections so far.
 */
typedef struct {
  GArray        *sections;
  EeSectionKind  next_kind;
  GObject       *next_object;
} EeSectionMarks;

void  ee_section_marks_next  (EeSectionMarks *marks,
                              EeSectionKind   kind,
                              gpointer        object);
void  ee_section_marks_block (EeSectionMarks *marks,
                              gsize           end_of_previous,
                              gsize           start);
void  ee_section_marks_end   (EeSectionMarks *marks,
                              gsize           end);

char *ee_export_page_markdown          (EeDocument  *document,
                                        gsize       *length);
char *ee_export_head_markdown          (EeDocument  *document,
                                        gsize       *length);
char *ee_export_page_markdown_sections (EeDocument  *document,
                                        gsize       *length,
                                        GArray     **sections);

G_END_DECLS
