/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * EeHistory:
 *
 * Undo and redo for a whole document.  Every edit goes through it: it
 * applies the change and remembers how to take it back.  Typing into one
 * field joins into word-sized steps, as in a text editor.
 */
#define EE_TYPE_HISTORY (ee_history_get_type ())
G_DECLARE_FINAL_TYPE (EeHistory, ee_history, EE, HISTORY, GObject)

EeHistory  *ee_history_new              (void);

void        ee_history_set              (EeHistory    *self,
                                         gpointer      object,
                                         const char   *property,
                                         const GValue *value);
void        ee_history_set_string       (EeHistory    *self,
                                         gpointer      object,
                                         const char   *property,
                                         const char   *value);
void        ee_history_set_boxed        (EeHistory    *self,
                                         gpointer      object,
                                         const char   *property,
                                         gpointer      value);
void        ee_history_set_boolean      (EeHistory    *self,
                                         gpointer      object,
                                         const char   *property,
                                         gboolean      value);
void        ee_history_set_uint         (EeHistory    *self,
                                         gpointer      object,
                                         const char   *property,
                                         guint         value);
void        ee_history_insert           (EeHistory    *self,
                                         GListStore   *store,
                                         guint         position,
                                         gpointer      item);
void        ee_history_remove           (EeHistory    *self,
                                         GListStore   *store,
                                         guint         position);
void        ee_history_move             (EeHistory    *self,
                                         GListStore   *from,
                                         guint         from_position,
                                         GListStore   *to,
                                         guint         to_position);

void        ee_history_begin_group      (EeHistory    *self,
                                         const char   *label);
void        ee_history_end_group        (EeHistory    *self);
void        ee_history_break            (EeHistory    *self);

gboolean    ee_history_can_undo         (EeHistory    *self);
gboolean    ee_history_can_redo         (EeHistory    *self);
const char *ee_history_get_undo_label   (EeHistory    *self);
gboolean    ee_history_undo             (EeHistory    *self);
gboolean    ee_history_redo             (EeHistory    *self);
void        ee_history_clear            (EeHistory    *self);

void        ee_history_set_clock        (EeHistory    *self,
                                         gint64      (*clock) (void));

G_END_DECLS
