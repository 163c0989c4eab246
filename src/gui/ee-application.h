/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define EE_TYPE_APPLICATION (ee_application_get_type ())
G_DECLARE_FINAL_TYPE (EeApplication, ee_application, EE, APPLICATION, AdwApplication)

EeApplication *ee_application_new (void);

G_END_DECLS
