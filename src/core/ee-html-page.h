/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ee-document.h"
#include "ee-export.h"

G_BEGIN_DECLS

const char *ee_html_section_kind_name (EeSectionKind  kind);
char       *ee_html_render_section    (const char    *markdown,
                                       gsize          length,
                                       GFile         *base_folder);
void        ee_html_page_start        (GString       *page,
                                       const char    *title,
                                       gboolean       dark,
                                       guint          generation);
void        ee_html_page_end          (GString       *page);
void        ee_html_append_section    (GString       *page,
                                       guint          index,
                                       EeSectionKind  kind,
                                       const char    *html);
char       *ee_html_render_page       (EeDocument    *document,
                                       GFile         *base_folder,
                                       gboolean       dark);

G_END_DECLS
