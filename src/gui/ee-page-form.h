/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ee-core.h"

G_BEGIN_DECLS

#define EE_TYPE_PAGE_FORM (ee_page_form_get_type ())
G_DECLARE_FINAL_TYPE (EePageForm, ee_page_form, EE, PAGE_FORM, AdwBin)

GtkWidget *ee_page_form_new (EeHistory  *history,
                             EeDocument *document);

G_END_DECLS
