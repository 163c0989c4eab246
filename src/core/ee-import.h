/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ee-document.h"

G_BEGIN_DECLS

EeDocument *ee_import_page_markdown (const char  *text,
                                     gsize        length,
                                     GError     **error);
EeDocument *ee_import_head_markdown (const char  *text,
                                     gsize        length,
                                     GError     **error);
EeDocument *ee_import_load_file     (GFile       *file,
                                     GError     **error);

G_END_DECLS
