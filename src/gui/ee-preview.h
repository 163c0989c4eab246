/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <webkit/webkit.h>

#include "ee-document.h"

G_BEGIN_DECLS

/* The script world the preview's own code runs in.  The page cannot see
 * it, and runs no script of its own. */
#define EE_PREVIEW_SCRIPT_WORLD "ecosystem-editor"

#define EE_TYPE_PREVIEW (ee_preview_get_type ())
G_DECLARE_FINAL_TYPE (EePreview, ee_preview, EE, PREVIEW, GtkWidget)

GtkWidget     *ee_preview_new              (void);

void           ee_preview_set_document     (EePreview  *self,
                                            EeDocument *document,
                                            GFile      *base_folder);
EeDocument    *ee_preview_get_document     (EePreview  *self);
GFile         *ee_preview_get_base_folder  (EePreview  *self);

void           ee_preview_reveal           (EePreview  *self,
                                            GObject    *object);
void           ee_preview_reload           (EePreview  *self);
void           ee_preview_print            (EePreview  *self,
                                            GtkWindow  *parent);

gboolean       ee_preview_is_up_to_date    (EePreview  *self);
WebKitWebView *ee_preview_get_web_view     (EePreview  *self);

char          *ee_preview_page_html        (const char *body_html,
                                            const char *title,
                                            gboolean    dark);

G_END_DECLS
