/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "ee-initiative.h"
#include "ee-rich-text.h"

G_BEGIN_DECLS

#define EE_TYPE_CLUSTER (ee_cluster_get_type ())
G_DECLARE_FINAL_TYPE (EeCluster, ee_cluster, EE, CLUSTER, GObject)

EeCluster    *ee_cluster_new                (void);

const char   *ee_cluster_get_title          (EeCluster   *self);
void          ee_cluster_set_title          (EeCluster   *self,
                                             const char  *title);
const char   *ee_cluster_get_short_title    (EeCluster   *self);
void          ee_cluster_set_short_title    (EeCluster   *self,
                                             const char  *short_title);
EeRichText   *ee_cluster_get_summary        (EeCluster   *self);
void          ee_cluster_set_summary        (EeCluster   *self,
                                             EeRichText  *summary);
EeRichText   *ee_cluster_get_introduction   (EeCluster   *self);
void          ee_cluster_set_introduction   (EeCluster   *self,
                                             EeRichText  *introduction);
const char   *ee_cluster_get_template_title (EeCluster   *self);
void          ee_cluster_set_template_title (EeCluster   *self,
                                             const char  *title);
EeRichText   *ee_cluster_get_template       (EeCluster   *self);
void          ee_cluster_set_template       (EeCluster   *self,
                                             EeRichText  *body);
EeRichText   *ee_cluster_get_trailing       (EeCluster   *self);
void          ee_cluster_set_trailing       (EeCluster   *self,
                                             EeRichText  *trailing);
const char   *ee_cluster_get_card_title     (EeCluster   *self);
void          ee_cluster_set_card_title     (EeCluster   *self,
                                             const char  *title);
const char   *ee_cluster_get_card_icon      (EeCluster   *self);
void          ee_cluster_set_card_icon      (EeCluster   *self,
                                             const char  *icon);
EeRichText   *ee_cluster_get_card_text      (EeCluster   *self);
void          ee_cluster_set_card_text      (EeCluster   *self,
                                             EeRichText  *text);
const char   *ee_cluster_get_page_file      (EeCluster   *self);
void          ee_cluster_set_page_file      (EeCluster   *self,
                                             const char  *file_name);
GListModel   *ee_cluster_get_initiatives    (EeCluster   *self);
GListStore   *ee_cluster_get_initiative_store (EeCluster *self);
guint         ee_cluster_get_n_initiatives  (EeCluster   *self);
EeInitiative *ee_cluster_get_initiative     (EeCluster   *self,
                                             guint        position);

G_END_DECLS
