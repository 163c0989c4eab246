/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ee-document.h"

G_BEGIN_DECLS

char *ee_export_page_markdown (EeDocument *document,
                               gsize      *length);

G_END_DECLS
