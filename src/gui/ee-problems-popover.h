/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "ee-core.h"

G_BEGIN_DECLS

#define EE_TYPE_PROBLEMS_POPOVER (ee_problems_popover_get_type ())
G_DECLARE_FINAL_TYPE (EeProblemsPopover, ee_problems_popover, EE, PROBLEMS_POPOVER, GtkPopover)

GtkWidget *ee_problems_popover_new          (void);
void       ee_problems_popover_set_problems (EeProblemsPopover *self,
                                             GPtrArray         *problems);

G_END_DECLS
