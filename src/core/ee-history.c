/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-history.h"

#include <string.h>

#include "ee-rich-text.h"

/* Typing into one field joins into one step until a pause this long. */
#define COALESCE_USEC (2 * G_USEC_PER_SEC)

typedef enum {
  CHANGE_PROPERTY,
  CHANGE_INSERT,
  CHANGE_REMOVE,
} ChangeKind;

/* One change: applying it goes forward; its inverse goes back. */
typedef struct {
  ChangeKind  kind;
  GObject    *object;     /* property: the object; insert/remove: the store */
  char       *property;
  GValue      before;
  GValue      after;
  guint       position;
  GObject    *item;
} Change;

/* A step is what one undo takes back: one or more changes. */
typedef struct {
  GPtrArray *changes;    /* of Change, in the order they were made */
  char      *label;
  gint64     time;       /* when the last change joined it */
  gboolean   closed;     /* no further typing joins it */
} Step;

struct _EeHistory {
  GObject    parent_instance;

  GPtrArray *undo;       /* of Step, oldest first */
  GPtrArray *redo;       /* of Step, most recently undone last */
  Step      *group;      /* the step being gathered by begin_group */
  guint      group_depth;
  gboolean   applying;
  gint64   (*clock) (void);
};

G_DEFINE_FINAL_TYPE (EeHistory, ee_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
change_free (gpointer data)
{
  Change *change = data;

  g_clear_object (&change->object);
  g_clear_object (&change->item);
  g_free (change->property);
  if (G_IS_VALUE (&change->before))
    g_value_unset (&change->before);
  if (G_IS_VALUE (&change->after))
    g_value_unset (&change->after);
  g_free (change);
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_ptr_array_unref (step->changes);
  g_free (step->label);
  g_free (step);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->changes = g_ptr_array_new_with_free_func (change_free);
  step->label = g_strdup (label);
  return step;
}

static void
apply (EeHistory *self, Change *change, gboolean forward)
{
  GListStore *store = change->kind == CHANGE_PROPERTY ? NULL : G_LIST_STORE (change->object);

  self->applying = TRUE;
  switch (change->kind)
    {
    case CHANGE_PROPERTY:
      g_object_set_property (change->object, change->property, forward ? &change->after : &change->before);
      break;
    case CHANGE_INSERT:
      if (forward)
        g_list_store_insert (store, change->position, change->item);
      else
        g_list_store_remove (store, change->position);
      break;
    case CHANGE_REMOVE:
      if (forward)
        g_list_store_remove (store, change->position);
      else
        g_list_store_insert (store, change->position, change->item);
      break;
    default:
      g_assert_not_reached ();
    }
  self->applying = FALSE;
}

static void
notify_state (EeHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gint64
default_clock (void)
{
  return g_get_monotonic_time ();
}

/* Whether typing @after may join the step that made @before: a new step
 * starts where a new word does, when the text so far ended in white space
 * and the change adds more than white space. */
static gboolean
joins_typing (const GValue *before, const GValue *after)
{
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  gsize old_len, new_len;

  if (G_VALUE_HOLDS_STRING (after))
    {
      old_text = g_value_dup_string (before);
      new_text = g_value_dup_string (after);
    }
  else if (G_VALUE_HOLDS (after, EE_TYPE_RICH_TEXT))
    {
      EeRichText *a = g_value_get_boxed (before);
      EeRichText *b = g_value_get_boxed (after);
      old_text = a ? ee_rich_text_to_plain (a) : NULL;
      new_text = b ? ee_rich_text_to_plain (b) : NULL;
    }
  else
    return FALSE;

  old_len = old_text ? strlen (old_text) : 0;
  new_len = new_text ? strlen (new_text) : 0;
  if (old_len > 0 && new_len > old_len && g_ascii_isspace (old_text[old_len - 1])
      && !g_ascii_isspace (new_text[old_len]))
    return FALSE;
  return TRUE;
}

static void
record (EeHistory *self, Change *change, const char *label)
{
  Step *step;
  gint64 now = self->clock ();

  g_ptr_array_set_size (self->redo, 0);

  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->changes, change);
      return;
    }

  /* Typing into the same field joins the previous step. */
  step = self->undo->len ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
  if (step != NULL && !step->closed && change->kind == CHANGE_PROPERTY && step->changes->len == 1
      && now - step->time < COALESCE_USEC)
    {
      Change *last = g_ptr_array_index (step->changes, 0);

      if (last->kind == CHANGE_PROPERTY && last->object == change->object
          && g_str_equal (last->property, change->property) && joins_typing (&last->after, &change->after))
        {
          g_value_unset (&last->after);
          g_value_init (&last->after, G_VALUE_TYPE (&change->after));
          g_value_copy (&change->after, &last->after);
          step->time = now;
          change_free (change);
          notify_state (self);
          return;
        }
    }

  if (step != NULL)
    step->closed = TRUE;
  step = step_new (label);
  step->time = now;
  g_ptr_array_add (step->changes, change);
  g_ptr_array_add (self->undo, step);
  notify_state (self);
}

static void
ee_history_finalize (GObject *object)
{
  EeHistory *self = EE_HISTORY (object);

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_clear_pointer (&self->group, step_free);

  G_OBJECT_CLASS (ee_history_parent_class)->finalize (object);
}

static void
ee_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EeHistory *self = EE_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, ee_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, ee_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ee_history_class_init (EeHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ee_history_finalize;
  object_class->get_property = ee_history_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EeHistory::changed:
   *
   * Emitted when a step is recorded, joined, undone or redone.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ee_history_init (EeHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
  self->clock = default_clock;
}

EeHistory *
ee_history_new (void)
{
  return g_object_new (EE_TYPE_HISTORY, NULL);
}

/**
 * ee_history_set:
 *
 * Sets a property of a model object, as a step that can be undone.  Does
 * nothing when the value does not change.
 */
void
ee_history_set (EeHistory    *self,
                gpointer      object,
                const char   *property,
                const GValue *value)
{
  GParamSpec *pspec;
  Change *change;

  g_return_if_fail (EE_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);

  change = g_new0 (Change, 1);
  change->kind = CHANGE_PROPERTY;
  change->object = g_object_ref (object);
  change->property = g_strdup (pspec->name);
  g_value_init (&change->before, pspec->value_type);
  g_object_get_property (object, pspec->name, &change->before);
  g_value_init (&change->after, pspec->value_type);
  g_value_transform (value, &change->after);

  if (g_param_values_cmp (pspec, &change->before, &change->after) == 0
      || (pspec->value_type == EE_TYPE_RICH_TEXT
          && ee_rich_text_equal (g_value_get_boxed (&change->before), g_value_get_boxed (&change->after))))
    {
      change_free (change);
      return;
    }

  apply (self, change, TRUE);
  record (self, change, NULL);
}

void
ee_history_set_string (EeHistory  *self,
                       gpointer    object,
                       const char *property,
                       const char *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  ee_history_set (self, object, property, &v);
}

void
ee_history_set_boxed (EeHistory  *self,
                      gpointer    object,
                      const char *property,
                      gpointer    value)
{
  g_auto(GValue) v = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  g_return_if_fail (pspec != NULL);
  g_value_init (&v, pspec->value_type);
  g_value_set_boxed (&v, value);
  ee_history_set (self, object, property, &v);
}

void
ee_history_set_boolean (EeHistory  *self,
                        gpointer    object,
                        const char *property,
                        gboolean    value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  ee_history_set (self, object, property, &v);
}

void
ee_history_set_uint (EeHistory  *self,
                     gpointer    object,
                     const char *property,
                     guint       value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_UINT);
  g_value_set_uint (&v, value);
  ee_history_set (self, object, property, &v);
}

static void
record_list_change (EeHistory *self, ChangeKind kind, GListStore *store, guint position, gpointer item)
{
  Change *change = g_new0 (Change, 1);

  change->kind = kind;
  change->object = g_object_ref (G_OBJECT (store));
  change->position = position;
  change->item = g_object_ref (item);
  apply (self, change, TRUE);
  record (self, change, NULL);
}

void
ee_history_insert (EeHistory  *self,
                   GListStore *store,
                   guint       position,
                   gpointer    item)
{
  g_return_if_fail (EE_IS_HISTORY (self));
  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (store)));

  record_list_change (self, CHANGE_INSERT, store, position, item);
}

void
ee_history_remove (EeHistory  *self,
                   GListStore *store,
                   guint       position)
{
  g_autoptr(GObject) item = NULL;

  g_return_if_fail (EE_IS_HISTORY (self));
  g_return_if_fail (G_IS_LIST_STORE (store));

  item = g_list_model_get_item (G_LIST_MODEL (store), position);
  g_return_if_fail (item != NULL);
  record_list_change (self, CHANGE_REMOVE, store, position, item);
}

/**
 * ee_history_move:
 *
 * Moves an item within a list or to another, as one step.  @to_position
 * counts in @to after the item has left @from.
 */
void
ee_history_move (EeHistory  *self,
                 GListStore *from,
                 guint       from_position,
                 GListStore *to,
                 guint       to_position)
{
  g_autoptr(GObject) item = NULL;

  g_return_if_fail (EE_IS_HISTORY (self));

  item = g_list_model_get_item (G_LIST_MODEL (from), from_position);
  g_return_if_fail (item != NULL);
  if (from == to && from_position == to_position)
    return;

  ee_history_begin_group (self, NULL);
  record_list_change (self, CHANGE_REMOVE, from, from_position, item);
  record_list_change (self, CHANGE_INSERT, to, MIN (to_position, g_list_model_get_n_items (G_LIST_MODEL (to))), item);
  ee_history_end_group (self);
}

/**
 * ee_history_begin_group:
 *
 * Gathers the changes until the matching ee_history_end_group() into one
 * step.  Groups nest.
 */
void
ee_history_begin_group (EeHistory  *self,
                        const char *label)
{
  g_return_if_fail (EE_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    self->group = step_new (label);
}

void
ee_history_end_group (EeHistory *self)
{
  Step *group;

  g_return_if_fail (EE_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;
  group = g_steal_pointer (&self->group);
  if (group->changes->len == 0)
    {
      step_free (group);
      return;
    }
  if (self->undo->len > 0)
    ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->closed = TRUE;
  group->closed = TRUE;
  group->time = self->clock ();
  g_ptr_array_add (self->undo, group);
  notify_state (self);
}

/**
 * ee_history_break:
 *
 * The next edit starts a new step, even if it continues typing in the same
 * field (for example after the focus moved away and back).
 */
void
ee_history_break (EeHistory *self)
{
  g_return_if_fail (EE_IS_HISTORY (self));

  if (self->undo->len > 0)
    ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->closed = TRUE;
}

gboolean
ee_history_can_undo (EeHistory *self)
{
  g_return_val_if_fail (EE_IS_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
ee_history_can_redo (EeHistory *self)
{
  g_return_val_if_fail (EE_IS_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

const char *
ee_history_get_undo_label (EeHistory *self)
{
  g_return_val_if_fail (EE_IS_HISTORY (self), NULL);
  return self->undo->len ? ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->label : NULL;
}

gboolean
ee_history_undo (EeHistory *self)
{
  Step *step;

  g_return_val_if_fail (EE_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->undo->len == 0)
    return FALSE;
  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  for (guint i = step->changes->len; i-- > 0;)
    apply (self, g_ptr_array_index (step->changes, i), FALSE);
  step->closed = TRUE;
  g_ptr_array_add (self->redo, step);
  notify_state (self);
  return TRUE;
}

gboolean
ee_history_redo (EeHistory *self)
{
  Step *step;

  g_return_val_if_fail (EE_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->redo->len == 0)
    return FALSE;
  step = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  for (guint i = 0; i < step->changes->len; i++)
    apply (self, g_ptr_array_index (step->changes, i), TRUE);
  g_ptr_array_add (self->undo, step);
  notify_state (self);
  return TRUE;
}

void
ee_history_clear (EeHistory *self)
{
  g_return_if_fail (EE_IS_HISTORY (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self);
}

/* For tests: a clock to decide what joins into one step. */
void
ee_history_set_clock (EeHistory *self,
                      gint64   (*clock) (void))
{
  g_return_if_fail (EE_IS_HISTORY (self));
  self->clock = clock ? clock : default_clock;
}
