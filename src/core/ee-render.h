/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ee_render_html_fragment (const char *markdown,
                               gsize       length);

G_END_DECLS
