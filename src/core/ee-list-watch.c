/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-list-watch.h"

struct _EeListWatch {
  GListModel      *model;
  GPtrArray       *items;  /* mirrors the model */
  char            *extra_signal;
  EeListWatchFunc  func;
  gpointer         user_data;
};

static void
item_notify_cb (GObject    *object,
                GParamSpec *pspec,
                gpointer    user_data)
{
  EeListWatch *watch = user_data;

  watch->func (object, pspec->name, watch->user_data);
}

static void
item_extra_cb (GObject  *object,
               gpointer  user_data)
{
  EeListWatch *watch = user_data;

  watch->func (object, NULL, watch->user_data);
}

/* Forwards a child's own report (for example a cluster reporting a change in
 * one of its initiatives) with the object that changed. */
static void
item_forward_cb (GObject    *object,
                 GObject    *changed,
                 const char *property,
                 gpointer    user_data)
{
  EeListWatch *watch = user_data;

  watch->func (changed, property, watch->user_data);
}

static void
follow (EeListWatch *watch, GObject *item)
{
  g_signal_connect (item, "notify", G_CALLBACK (item_notify_cb), watch);
  if (watch->extra_signal == NULL)
    return;
  if (g_str_equal (watch->extra_signal, "changed"))
    g_signal_connect (item, "changed", G_CALLBACK (item_forward_cb), watch);
  else
    g_signal_connect (item, watch->extra_signal, G_CALLBACK (item_extra_cb), watch);
}

static void
unfollow (EeListWatch *watch, GObject *item)
{
  g_signal_handlers_disconnect_by_data (item, watch);
}

static void
items_changed_cb (GListModel  *model,
                  guint        position,
                  guint        removed,
                  guint        added,
                  EeListWatch *watch)
{
  for (guint i = 0; i < removed; i++)
    unfollow (watch, g_ptr_array_index (watch->items, position + i));
  g_ptr_array_remove_range (watch->items, position, removed);

  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (model, position + i);
      follow (watch, item);
      g_ptr_array_insert (watch->items, position + i, item);
    }

  watch->func (NULL, NULL, watch->user_data);
}

EeListWatch *
ee_list_watch_new (GListModel      *model,
                   const char      *extra_signal,
                   EeListWatchFunc  func,
                   gpointer         user_data)
{
  EeListWatch *watch = g_new0 (EeListWatch, 1);
  guint n = g_list_model_get_n_items (model);

  watch->model = g_object_ref (model);
  watch->items = g_ptr_array_new_with_free_func (g_object_unref);
  watch->extra_signal = g_strdup (extra_signal);
  watch->func = func;
  watch->user_data = user_data;

  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_list_model_get_item (model, i);
      follow (watch, item);
      g_ptr_array_add (watch->items, item);
    }
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), watch);
  return watch;
}

void
ee_list_watch_free (EeListWatch *watch)
{
  if (watch == NULL)
    return;
  g_signal_handlers_disconnect_by_data (watch->model, watch);
  for (guint i = 0; i < watch->items->len; i++)
    unfollow (watch, g_ptr_array_index (watch->items, i));
  g_ptr_array_unref (watch->items);
  g_object_unref (watch->model);
  g_free (watch->extra_signal);
  g_free (watch);
}
