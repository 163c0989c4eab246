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

char *ee_export_page_markdown          (EeDocument  *document,
                                        gsize       *length);
char *ee_export_head_markdown          (EeDocument  *document,
                                        gsize       *length);
char *ee_export_page_markdown_sections (EeDocument  *document,
                                        gsize       *length,
                                        GArray     **sections);

G_END_DECLS
