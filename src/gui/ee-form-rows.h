/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ee-core.h"

G_BEGIN_DECLS

/*
 * The controls of the forms, each bound to one property of a model object:
 * what the user types goes through the document's history (so it can be
 * undone), and changes to the model (undo, redo, another view) show in the
 * control.  Each field stands in a group whose title is the label the hub
 * shows and whose description says what to write.
 */

GtkWidget *ee_form_field_group   (const char *label,
                                  const char *hint);
GtkWidget *ee_form_entry_row     (EeHistory  *history,
                                  gpointer    object,
                                  const char *property,
                                  const char *title);
GtkWidget *ee_form_text_entry_row (EeHistory *history,
                                  gpointer    object,
                                  const char *property,
                                  const char *title);
GtkWidget *ee_form_rich_editor   (EeHistory  *history,
                                  gpointer    object,
                                  const char *property,
                                  const char *label,
                                  gboolean    single_paragraph);
GtkWidget *ee_form_labelled_rich_editor (EeHistory  *history,
                                         gpointer    object,
                                         const char *property,
                                         const char *label);
GtkWidget *ee_form_switch_row    (EeHistory  *history,
                                  gpointer    object,
                                  const char *property,
                                  const char *title,
                                  const char *subtitle);
gboolean   ee_form_rich_text_is_plain (EeRichText *text);

G_END_DECLS
