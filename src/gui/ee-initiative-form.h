/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ee-core.h"

G_BEGIN_DECLS

#define EE_TYPE_INITIATIVE_FORM (ee_initiative_form_get_type ())
G_DECLARE_FINAL_TYPE (EeInitiativeForm, ee_initiative_form, EE, INITIATIVE_FORM, AdwBin)

GtkWidget    *ee_initiative_form_new            (EeHistory        *history,
                                                 EeInitiative     *initiative,
                                                 GFile            *folder);
EeInitiative *ee_initiative_form_get_initiative (EeInitiativeForm *self);
void          ee_initiative_form_focus_field    (EeInitiativeForm *self,
                                                 int               field);
void          ee_initiative_form_set_problems  (EeInitiativeForm *self,
                                                GPtrArray        *problems);
GtkWidget    *ee_initiative_form_get_field_widget (EeInitiativeForm *self,
                                                   int               field);

G_END_DECLS
