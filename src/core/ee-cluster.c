/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-cluster.h"

#include "ee-list-watch.h"

struct _EeCluster {
  GObject      parent_instance;

  char        *title;
  char        *short_title;
  char        *template_title;
  char        *card_title;
  char        *card_icon;
  char        *page_file;
  EeRichText  *card_text;
  EeRichText  *summary;
  EeRichText  *introduction;
  EeRichText  *template_body;
  EeRichText  *trailing;
  GListStore  *initiatives;
  EeListWatch *watch;
};

G_DEFINE_FINAL_TYPE (EeCluster, ee_cluster, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SHORT_TITLE,
  PROP_SUMMARY,
  PROP_INTRODUCTION,
  PROP_TEMPLATE_TITLE,
  PROP_TEMPLATE,
  PROP_TRAILING,
  PROP_CARD_TITLE,
  PROP_CARD_ICON,
  PROP_CARD_TEXT,
  PROP_PAGE_FILE,
  PROP_INITIATIVES,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char **
string_slot (EeCluster *self, guint prop_id)
{
  switch (prop_id)
    {
    case PROP_TITLE: return &self->title;
    case PROP_SHORT_TITLE: return &self->short_title;
    case PROP_TEMPLATE_TITLE: return &self->template_title;
    case PROP_CARD_TITLE: return &self->card_title;
    case PROP_CARD_ICON: return &self->card_icon;
    case PROP_PAGE_FILE: return &self->page_file;
    default: return NULL;
    }
}

static EeRichText **
rich_slot (EeCluster *self, guint prop_id)
{
  switch (prop_id)
    {
    case PROP_SUMMARY: return &self->summary;
    case PROP_INTRODUCTION: return &self->introduction;
    case PROP_TEMPLATE: return &self->template_body;
    case PROP_TRAILING: return &self->trailing;
    case PROP_CARD_TEXT: return &self->card_text;
    default: return NULL;
    }
}

static void
set_string_prop (EeCluster *self, guint prop_id, const char *value)
{
  char **slot = string_slot (self, prop_id);

  if (value == NULL)
    value = "";
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_rich_prop (EeCluster *self, guint prop_id, EeRichText *value)
{
  EeRichText **slot = rich_slot (self, prop_id);
  g_autoptr(EeRichText) empty = NULL;

  if (value == NULL)
    value = empty = ee_rich_text_new_empty ();
  if (ee_rich_text_equal (*slot, value))
    return;
  g_clear_pointer (slot, ee_rich_text_unref);
  *slot = ee_rich_text_ref (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
initiative_changed_cb (GObject    *object,
                       const char *property,
                       gpointer    user_data)
{
  EeCluster *self = user_data;

  g_signal_emit (self, signals[CHANGED], 0, object ? object : G_OBJECT (self), property);
}

static void
ee_cluster_dispatch_properties_changed (GObject     *object,
                                        guint        n_pspecs,
                                        GParamSpec **pspecs)
{
  G_OBJECT_CLASS (ee_cluster_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    g_signal_emit (object, signals[CHANGED], 0, object, pspecs[i]->name);
}

static void
ee_cluster_finalize (GObject *object)
{
  EeCluster *self = (EeCluster *) object;

  g_clear_pointer (&self->watch, ee_list_watch_free);
  g_clear_object (&self->initiatives);
  g_free (self->title);
  g_free (self->short_title);
  g_free (self->template_title);
  g_free (self->card_title);
  g_free (self->card_icon);
  g_free (self->page_file);
  g_clear_pointer (&self->card_text, ee_rich_text_unref);
  g_clear_pointer (&self->summary, ee_rich_text_unref);
  g_clear_pointer (&self->introduction, ee_rich_text_unref);
  g_clear_pointer (&self->template_body, ee_rich_text_unref);
  g_clear_pointer (&self->trailing, ee_rich_text_unref);

  G_OBJECT_CLASS (ee_cluster_parent_class)->finalize (object);
}

static void
ee_cluster_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EeCluster *self = EE_CLUSTER (object);

  char **string = string_slot (self, prop_id);
  EeRichText **rich = rich_slot (self, prop_id);

  if (string != NULL)
    g_value_set_string (value, *string);
  else if (rich != NULL)
    g_value_set_boxed (value, *rich);
  else if (prop_id == PROP_INITIATIVES)
    g_value_set_object (value, self->initiatives);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ee_cluster_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  EeCluster *self = EE_CLUSTER (object);

  if (string_slot (self, prop_id) != NULL)
    set_string_prop (self, prop_id, g_value_get_string (value));
  else if (rich_slot (self, prop_id) != NULL)
    set_rich_prop (self, prop_id, g_value_get_boxed (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ee_cluster_class_init (EeClusterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ee_cluster_finalize;
  object_class->get_property = ee_cluster_get_property;
  object_class->set_property = ee_cluster_set_property;
  object_class->dispatch_properties_changed = ee_cluster_dispatch_properties_changed;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_SHORT_TITLE] = g_param_spec_string ("short-title", NULL, NULL, "", flags);
  properties[PROP_SUMMARY] = g_param_spec_boxed ("summary", NULL, NULL, EE_TYPE_RICH_TEXT, flags);
  properties[PROP_INTRODUCTION] = g_param_spec_boxed ("introduction", NULL, NULL, EE_TYPE_RICH_TEXT, flags);
  properties[PROP_TEMPLATE_TITLE] = g_param_spec_string ("template-title", NULL, NULL, "", flags);
  properties[PROP_TEMPLATE] = g_param_spec_boxed ("template", NULL, NULL, EE_TYPE_RICH_TEXT, flags);
  properties[PROP_TRAILING] = g_param_spec_boxed ("trailing", NULL, NULL, EE_TYPE_RICH_TEXT, flags);
  /* The hub-folder layout: the cluster's card in the index's grid and the
   * file name of its page. */
  properties[PROP_CARD_TITLE] = g_param_spec_string ("card-title", NULL, NULL, "", flags);
  properties[PROP_CARD_ICON] = g_param_spec_string ("card-icon", NULL, NULL, "", flags);
  properties[PROP_CARD_TEXT] = g_param_spec_boxed ("card-text", NULL, NULL, EE_TYPE_RICH_TEXT, flags);
  properties[PROP_PAGE_FILE] = g_param_spec_string ("page-file", NULL, NULL, "", flags);
  properties[PROP_INITIATIVES] = g_param_spec_object ("initiatives", NULL, NULL, G_TYPE_LIST_MODEL,
                                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EeCluster::changed:
   * @object: the cluster or the initiative that changed
   * @property: (nullable): the property that changed; %NULL when the list of
   *   initiatives or an initiative's extra fields changed
   *
   * Emitted for every change in the cluster and its initiatives.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
ee_cluster_init (EeCluster *self)
{
  self->title = g_strdup ("");
  self->short_title = g_strdup ("");
  self->template_title = g_strdup ("");
  self->card_title = g_strdup ("");
  self->card_icon = g_strdup ("");
  self->page_file = g_strdup ("");
  self->card_text = ee_rich_text_new_empty ();
  self->summary = ee_rich_text_new_empty ();
  self->introduction = ee_rich_text_new_empty ();
  self->template_body = ee_rich_text_new_empty ();
  self->trailing = ee_rich_text_new_empty ();
  self->initiatives = g_list_store_new (EE_TYPE_INITIATIVE);
  self->watch = ee_list_watch_new (G_LIST_MODEL (self->initiatives), "extra-fields-changed",
                                   initiative_changed_cb, self);
}

EeCluster *
ee_cluster_new (void)
{
  return g_object_new (EE_TYPE_CLUSTER, NULL);
}

#define STRING_ACCESSORS(name, PROP)                                      \
  const char *ee_cluster_get_##name (EeCluster *self)                     \
  {                                                                       \
    g_return_val_if_fail (EE_IS_CLUSTER (self), NULL);                    \
    return *string_slot (self, PROP);                                     \
  }                                                                       \
  void ee_cluster_set_##name (EeCluster *self, const char *value)         \
  {                                                                       \
    g_return_if_fail (EE_IS_CLUSTER (self));                              \
    set_string_prop (self, PROP, value);                                  \
  }

#define RICH_ACCESSORS(name, PROP)                                        \
  EeRichText *ee_cluster_get_##name (EeCluster *self)                     \
  {                                                                       \
    g_return_val_if_fail (EE_IS_CLUSTER (self), NULL);                    \
    return *rich_slot (self, PROP);                                       \
  }                                                                       \
  void ee_cluster_set_##name (EeCluster *self, EeRichText *value)         \
  {                                                                       \
    g_return_if_fail (EE_IS_CLUSTER (self));                              \
    set_rich_prop (self, PROP, value);                                    \
  }

STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (short_title, PROP_SHORT_TITLE)
STRING_ACCESSORS (template_title, PROP_TEMPLATE_TITLE)
RICH_ACCESSORS (summary, PROP_SUMMARY)
RICH_ACCESSORS (introduction, PROP_INTRODUCTION)
RICH_ACCESSORS (template, PROP_TEMPLATE)
RICH_ACCESSORS (trailing, PROP_TRAILING)
STRING_ACCESSORS (card_title, PROP_CARD_TITLE)
STRING_ACCESSORS (card_icon, PROP_CARD_ICON)
STRING_ACCESSORS (page_file, PROP_PAGE_FILE)
RICH_ACCESSORS (card_text, PROP_CARD_TEXT)

/**
 * ee_cluster_get_initiatives:
 *
 * Returns: (transfer none): the initiatives, in page order
 */
GListModel *
ee_cluster_get_initiatives (EeCluster *self)
{
  g_return_val_if_fail (EE_IS_CLUSTER (self), NULL);
  return G_LIST_MODEL (self->initiatives);
}

/**
 * ee_cluster_get_initiative_store:
 *
 * Returns: (transfer none): the initiatives, to change the list
 */
GListStore *
ee_cluster_get_initiative_store (EeCluster *self)
{
  g_return_val_if_fail (EE_IS_CLUSTER (self), NULL);
  return self->initiatives;
}

guint
ee_cluster_get_n_initiatives (EeCluster *self)
{
  g_return_val_if_fail (EE_IS_CLUSTER (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->initiatives));
}

/**
 * ee_cluster_get_initiative:
 *
 * Returns: (transfer none): the initiative at @position
 */
EeInitiative *
ee_cluster_get_initiative (EeCluster *self,
                           guint      position)
{
  g_autoptr(EeInitiative) initiative = NULL;

  g_return_val_if_fail (EE_IS_CLUSTER (self), NULL);
  initiative = g_list_model_get_item (G_LIST_MODEL (self->initiatives), position);
  /* The store keeps its reference. */
  return initiative;
}
