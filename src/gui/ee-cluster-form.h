/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ee-core.h"

G_BEGIN_DECLS

#define EE_TYPE_CLUSTER_FORM (ee_cluster_form_get_type ())
G_DECLARE_FINAL_TYPE (EeClusterForm, ee_cluster_form, EE, CLUSTER_FORM, AdwBin)

GtkWidget *ee_cluster_form_new         (EeHistory     *history,
                                        EeCluster     *cluster);
EeCluster *ee_cluster_form_get_cluster (EeClusterForm *self);
void       ee_cluster_form_focus_initiatives (EeClusterForm *self);

G_END_DECLS
