/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ee_diff_unified (const char *old_text,
                       const char *new_text,
                       const char *old_name,
                       const char *new_name);

G_END_DECLS
