/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void gui_test_keep_malloc_perturb_to_self (void);
void gui_test_spin_for                    (guint     ms);
void gui_test_spin_until                  (gboolean *flag,
                                           guint     timeout_ms);

G_END_DECLS
