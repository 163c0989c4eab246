/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "ee-document.h"
#include "ee-export.h"

G_BEGIN_DECLS

/*
 * The hub's folder layout (hub v1.2): communities_content/index.md, with the
 * page's introduction, the overview list and a card grid linking to one
 * page per cluster, and the cluster pages, where each initiative is a "##"
 * heading with a logo and bold-labelled fields of several paragraphs.
 */

#define EE_HUB_INDEX_FILE "index.md"

/**
 * EeHubFile:
 * @name: the file's name inside the folder ("index.md", …)
 * @markdown: its contents, ending with a newline
 */
typedef struct {
  char *name;
  char *markdown;
} EeHubFile;

void        ee_hub_file_free                (EeHubFile   *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EeHubFile, ee_hub_file_free)

gboolean    ee_hub_folder_recognise         (GFile       *folder_or_page);
EeDocument *ee_hub_folder_import            (GFile       *folder_or_page,
                                             GError     **error);
GPtrArray  *ee_hub_folder_export            (EeDocument  *document);
char       *ee_hub_folder_export_page       (EeDocument  *document,
                                             EeCluster   *cluster,
                                             gsize       *length,
                                             GArray     **sections);
char      **ee_hub_folder_get_page_files    (EeDocument  *document);
char       *ee_hub_folder_default_page_file (const char  *cluster_name);
gboolean    ee_hub_folder_write_files       (GPtrArray   *files,
                                             GFile       *folder,
                                             GError     **error);
gboolean    ee_hub_folder_write             (EeDocument  *document,
                                             GFile       *folder,
                                             GError     **error);

gboolean    ee_image_attributes_parse       (const char  *text,
                                             guint       *width,
                                             char       **others);

G_END_DECLS
