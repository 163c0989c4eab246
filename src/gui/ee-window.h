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
void        ee_window_set_file        (EeWindow       *self,
                                       GFile          *file);

void        ee_window_show_open_error (EeWindow       *self,
                                       GFile          *file,
                                       const GError   *error);

G_END_DECLS
