/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ee-core.h"

G_BEGIN_DECLS

#define EE_TYPE_SIDEBAR (ee_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (EeSidebar, ee_sidebar, EE, SIDEBAR, AdwBin)

GtkWidget *ee_sidebar_new             (void);
void       ee_sidebar_set_document    (EeSidebar  *self,
                                       EeDocument *document);
GObject   *ee_sidebar_get_selected    (EeSidebar  *self);
void       ee_sidebar_select          (EeSidebar  *self,
                                       GObject    *object);
void       ee_sidebar_set_search      (EeSidebar  *self,
                                       const char *text);

G_END_DECLS
