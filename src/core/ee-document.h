/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "ee-cluster.h"
#include "ee-rich-text.h"

G_BEGIN_DECLS

/* How a document is exported: the single page of the template, or the
 * hub's folder (index.md and one page per cluster). */
typedef enum {
  EE_LAYOUT_PAGE,
  EE_LAYOUT_FOLDER,
} EeLayout;

#define EE_TYPE_LAYOUT (ee_layout_get_type ())
GType ee_layout_get_type (void) G_GNUC_CONST;

#define EE_TYPE_DOCUMENT (ee_document_get_type ())
G_DECLARE_FINAL_TYPE (EeDocument, ee_document, EE, DOCUMENT, GObject)

EeDocument *ee_document_new                     (void);
EeDocument *ee_document_new_bundled             (void);

const char *ee_document_get_title               (EeDocument *self);
void        ee_document_set_title               (EeDocument *self,
                                                 const char *title);
const char *ee_document_get_header_image_alt    (EeDocument *self);
void        ee_document_set_header_image_alt    (EeDocument *self,
                                                 const char *alt);
const char *ee_document_get_header_image_path   (EeDocument *self);
void        ee_document_set_header_image_path   (EeDocument *self,
                                                 const char *path);
EeRichText *ee_document_get_introduction        (EeDocument *self);
void        ee_document_set_introduction        (EeDocument *self,
                                                 EeRichText *introduction);
const char *ee_document_get_overview_image_alt  (EeDocument *self);
void        ee_document_set_overview_image_alt  (EeDocument *self,
                                                 const char *alt);
const char *ee_document_get_overview_image_path (EeDocument *self);
void        ee_document_set_overview_image_path (EeDocument *self,
                                                 const char *path);
EeRichText *ee_document_get_closing             (EeDocument *self);
void        ee_document_set_closing             (EeDocument *self,
                                                 EeRichText *closing);
EeLayout    ee_document_get_layout              (EeDocument *self);
void        ee_document_set_layout              (EeDocument *self,
                                                 EeLayout    layout);
EeRichText *ee_document_get_cards_trailing      (EeDocument *self);
void        ee_document_set_cards_trailing      (EeDocument *self,
                                                 EeRichText *trailing);
const char *ee_document_get_cards_title         (EeDocument *self);
void        ee_document_set_cards_title         (EeDocument *self,
                                                 const char *title);
GListModel *ee_document_get_clusters            (EeDocument *self);
GListStore *ee_document_get_cluster_store       (EeDocument *self);
guint       ee_document_get_n_clusters          (EeDocument *self);
EeCluster  *ee_document_get_cluster             (EeDocument *self,
                                                 guint       position);
guint       ee_document_count_initiatives       (EeDocument *self);
EeCluster  *ee_document_find_initiative         (EeDocument   *self,
                                                 EeInitiative *initiative,
                                                 guint        *position);

G_END_DECLS
