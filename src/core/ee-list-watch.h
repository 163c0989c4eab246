/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Follows every item of a list model: calls @func when an item emits
 * "notify" or the signal named in @extra_signal, and when the list itself
 * changes (with @object NULL).  Items that leave the list are no longer
 * followed, so an initiative moved to another cluster reports to its new
 * cluster only.
 */
typedef void (*EeListWatchFunc) (GObject    *object,
                                 const char *property,
                                 gpointer    user_data);

typedef struct _EeListWatch EeListWatch;

EeListWatch *ee_list_watch_new  (GListModel      *model,
                                 const char      *extra_signal,
                                 EeListWatchFunc  func,
                                 gpointer         user_data);
void         ee_list_watch_free (EeListWatch     *watch);

G_END_DECLS
