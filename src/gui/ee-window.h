/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ee-core.h"

G_BEGIN_DECLS

#define EE_TYPE_WINDOW (ee_window_get_type ())
G_DECLARE_FINAL_TYPE (EeWindow, ee_window, EE, WINDOW, AdwApplicationWindow)

EeWindow   *ee_window_new             (GtkApplication *application,
                                       EeDocument     *document,
                                       GFile          *file);

EeDocument *ee_window_get_document    (EeWindow       *self);
void        ee_window_set_document    (EeWindow       *self,
                                       EeDocument     *document);
GFile      *ee_window_get_file        (EeWindow       *self);
void        ee_window_ensure_preview  (EeWindow       *self);
void        ee_window_review_folder_export (EeWindow  *self,
                                            GFile     *folder);
void        ee_window_adopt_draft     (EeWindow       *self,
                                       EeDraft        *draft);
void        ee_window_set_file        (EeWindow       *self,
                                       GFile          *file);

void        ee_window_show_open_error (EeWindow       *self,
                                       GFile          *file,
                                       const GError   *error);
EeHistory  *ee_window_get_history     (EeWindow       *self);
GObject    *ee_window_get_shown       (EeWindow       *self);
gboolean    ee_window_get_modified    (EeWindow       *self);
GtkWidget  *ee_window_get_form        (EeWindow       *self);
void        ee_window_show_object     (EeWindow       *self,
                                       GObject        *object);
void        ee_window_set_export_file (EeWindow       *self,
                                       GFile          *file);

G_END_DECLS
