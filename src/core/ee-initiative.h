/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "ee-rich-text.h"

G_BEGIN_DECLS

/* The fields of an initiative, in the hub template's order. */
typedef enum {
  EE_FIELD_NAME,
  EE_FIELD_SHORT_DESCRIPTION,
  EE_FIELD_KEY_ROLE,
  EE_FIELD_RELEVANCE,
  EE_FIELD_KEY_ASSETS,
  EE_FIELD_WEBPAGE,
  EE_FIELD_CONTACT,
  EE_N_FIELDS
} EeField;

const char *ee_field_get_key   (EeField     field);
const char *ee_field_get_label (EeField     field);
gboolean    ee_field_from_key  (const char *key,
                                EeField    *field);
gboolean    ee_field_from_label (const char *label,
                                 EeField    *field);

/**
 * EeExtraField:
 *
 * A field with a label the template does not have, kept in its place: it is
 * written after the known field @after (or before all fields when @after is
 * -1).
 */
typedef struct {
  char       *label;
  int         after;
  EeRichText *value;
} EeExtraField;

#define EE_TYPE_INITIATIVE (ee_initiative_get_type ())
G_DECLARE_FINAL_TYPE (EeInitiative, ee_initiative, EE, INITIATIVE, GObject)

EeInitiative *ee_initiative_new            (void);
EeInitiative *ee_initiative_copy           (EeInitiative *self);
gboolean      ee_initiative_equal          (EeInitiative *a,
                                            EeInitiative *b);

const char   *ee_initiative_get_title      (EeInitiative *self);
void          ee_initiative_set_title      (EeInitiative *self,
                                            const char   *title);
gboolean      ee_initiative_get_example    (EeInitiative *self);
void          ee_initiative_set_example    (EeInitiative *self,
                                            gboolean      example);
const char   *ee_initiative_get_logo_path  (EeInitiative *self);
void          ee_initiative_set_logo_path  (EeInitiative *self,
                                            const char   *path);
const char   *ee_initiative_get_logo_alt   (EeInitiative *self);
void          ee_initiative_set_logo_alt   (EeInitiative *self,
                                            const char   *alt);
guint         ee_initiative_get_logo_width (EeInitiative *self);
void          ee_initiative_set_logo_width (EeInitiative *self,
                                            guint         width);
const char   *ee_initiative_get_logo_attributes (EeInitiative *self);
void          ee_initiative_set_logo_attributes (EeInitiative *self,
                                                 const char   *attributes);
EeRichText   *ee_initiative_get_field      (EeInitiative *self,
                                            EeField       field);
void          ee_initiative_set_field      (EeInitiative *self,
                                            EeField       field,
                                            EeRichText   *value);
EeRichText   *ee_initiative_get_leading    (EeInitiative *self);
void          ee_initiative_set_leading    (EeInitiative *self,
                                            EeRichText   *value);
EeRichText   *ee_initiative_get_trailing   (EeInitiative *self);
void          ee_initiative_set_trailing   (EeInitiative *self,
                                            EeRichText   *value);

guint               ee_initiative_get_n_extra_fields (EeInitiative *self);
const EeExtraField *ee_initiative_get_extra_field    (EeInitiative *self,
                                                      guint         index);
void                ee_initiative_add_extra_field    (EeInitiative *self,
                                                      const char   *label,
                                                      int           after,
                                                      EeRichText   *value);
void                ee_initiative_clear_extra_fields (EeInitiative *self);

guint               ee_initiative_get_revision       (EeInitiative *self);

G_END_DECLS
