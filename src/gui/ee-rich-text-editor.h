/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ee-rich-text.h"

G_BEGIN_DECLS

#define EE_TYPE_RICH_TEXT_EDITOR (ee_rich_text_editor_get_type ())
G_DECLARE_FINAL_TYPE (EeRichTextEditor, ee_rich_text_editor, EE, RICH_TEXT_EDITOR, GtkWidget)

GtkWidget   *ee_rich_text_editor_new                  (void);

EeRichText  *ee_rich_text_editor_get_value            (EeRichTextEditor *self);
void         ee_rich_text_editor_set_value            (EeRichTextEditor *self,
                                                       EeRichText       *value);
const char  *ee_rich_text_editor_get_label            (EeRichTextEditor *self);
void         ee_rich_text_editor_set_label            (EeRichTextEditor *self,
                                                       const char       *label);
const char  *ee_rich_text_editor_get_placeholder      (EeRichTextEditor *self);
void         ee_rich_text_editor_set_placeholder      (EeRichTextEditor *self,
                                                       const char       *placeholder);
gboolean     ee_rich_text_editor_get_single_paragraph (EeRichTextEditor *self);
void         ee_rich_text_editor_set_single_paragraph (EeRichTextEditor *self,
                                                       gboolean          single_paragraph);

GtkTextView *ee_rich_text_editor_get_text_view        (EeRichTextEditor *self);
EeRichText  *ee_rich_text_editor_read_buffer          (EeRichTextEditor *self);

G_END_DECLS
