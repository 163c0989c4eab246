/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-document.h"

#include "ee-list-watch.h"
#include "ee-project.h"

struct _EeDocument {
  GObject      parent_instance;

  char        *title;
  char        *header_image_alt;
  char        *header_image_path;
  char        *overview_image_alt;
  char        *overview_image_path;
  char        *cards_title;
  EeRichText  *cards_trailing;
  EeLayout     layout;
  EeRichText  *introduction;
  EeRichText  *closing;
  GListStore  *clusters;
  EeListWatch *watch;
};

G_DEFINE_FINAL_TYPE (EeDocument, ee_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_HEADER_IMAGE_ALT,
  PROP_HEADER_IMAGE_PATH,
  PROP_INTRODUCTION,
  PROP_OVERVIEW_IMAGE_ALT,
  PROP_OVERVIEW_IMAGE_PATH,
  PROP_CLOSING,
  PROP_CLUSTERS,
  PROP_LAYOUT,
  PROP_CARDS_TITLE,
  PROP_CARDS_TRAILING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char **
string_slot (EeDocument *self, guint prop_id)
{
  switch (prop_id)
    {
    case PROP_TITLE: return &self->title;
    case PROP_HEADER_IMAGE_ALT: return &self->header_image_alt;
    case PROP_HEADER_IMAGE_PATH: return &self->header_image_path;
    case PROP_OVERVIEW_IMAGE_ALT: return &self->overview_image_alt;
    case PROP_OVERVIEW_IMAGE_PATH: return &self->overview_image_path;
    case PROP_CARDS_TITLE: return &self->cards_title;
    default: return NULL;
    }
}

static EeRichText **
rich_slot (EeDocument *self, guint prop_id)
{
  switch (prop_id)
    {
    case PROP_INTRODUCTION: return &self->introduction;
    case PROP_CLOSING: return &self->closing;
    case PROP_CARDS_TRAILING: return &self->cards_trailing;
    default: return NULL;
    }
}

static void
set_string_prop (EeDocument *self, guint prop_id, const char *value)
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
set_rich_prop (EeDocument *self, guint prop_id, EeRichText *value)
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
cluster_changed_cb (GObject    *object,
                    const char *property,
                    gpointer    user_data)
{
  EeDocument *self = user_data;

  g_signal_emit (self, signals[CHANGED], 0, object ? object : G_OBJECT (self), property);
}

static void
ee_document_dispatch_properties_changed (GObject     *object,
                                         guint        n_pspecs,
                                         GParamSpec **pspecs)
{
  G_OBJECT_CLASS (ee_document_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    g_signal_emit (object, signals[CHANGED], 0, object, pspecs[i]->name);
}

static void
ee_document_finalize (GObject *object)
{
  EeDocument *self = (EeDocument *) object;

  g_clear_pointer (&self->watch, ee_list_watch_free);
  g_clear_object (&self->clusters);
  g_free (self->title);
  g_free (self->header_image_alt);
  g_free (self->header_image_path);
  g_free (self->overview_image_alt);
  g_free (self->overview_image_path);
  g_free (self->cards_title);
  g_clear_pointer (&self->cards_trailing, ee_rich_text_unref);
  g_clear_pointer (&self->introduction, ee_rich_text_unref);
  g_clear_pointer (&self->closing, ee_rich_text_unref);

  G_OBJECT_CLASS (ee_document_parent_class)->finalize (object);
}

static void
ee_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  EeDocument *self = EE_DOCUMENT (object);

  char **string = string_slot (self, prop_id);
  EeRichText **rich = rich_slot (self, prop_id);

  if (string != NULL)
    g_value_set_string (value, *string);
  else if (rich != NULL)
    g_value_set_boxed (value, *rich);
  else if (prop_id == PROP_CLUSTERS)
    g_value_set_object (value, self->clusters);
  else if (prop_id == PROP_LAYOUT)
    g_value_set_enum (value, self->layout);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ee_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  EeDocument *self = EE_DOCUMENT (object);

  if (string_slot (self, prop_id) != NULL)
    set_string_prop (self, prop_id, g_value_get_string (value));
  else if (rich_slot (self, prop_id) != NULL)
    set_rich_prop (self, prop_id, g_value_get_boxed (value));
  else if (prop_id == PROP_LAYOUT)
    ee_document_set_layout (self, g_value_get_enum (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
ee_document_class_init (EeDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ee_document_finalize;
  object_class->get_property = ee_document_get_property;
  object_class->set_property = ee_document_set_property;
  object_class->dispatch_properties_changed = ee_document_dispatch_properties_changed;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_HEADER_IMAGE_ALT] = g_param_spec_string ("header-image-alt", NULL, NULL, "", flags);
  properties[PROP_HEADER_IMAGE_PATH] = g_param_spec_string ("header-image-path", NULL, NULL, "", flags);
  properties[PROP_INTRODUCTION] = g_param_spec_boxed ("introduction", NULL, NULL, EE_TYPE_RICH_TEXT, flags);
  properties[PROP_OVERVIEW_IMAGE_ALT] = g_param_spec_string ("overview-image-alt", NULL, NULL, "", flags);
  properties[PROP_OVERVIEW_IMAGE_PATH] = g_param_spec_string ("overview-image-path", NULL, NULL, "", flags);
  properties[PROP_CLOSING] = g_param_spec_boxed ("closing", NULL, NULL, EE_TYPE_RICH_TEXT, flags);
  properties[PROP_CLUSTERS] = g_param_spec_object ("clusters", NULL, NULL, G_TYPE_LIST_MODEL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* How the document is exported: one page, or the hub's folder of an
   * index and one page per cluster. */
  properties[PROP_LAYOUT] = g_param_spec_enum ("layout", NULL, NULL, EE_TYPE_LAYOUT, EE_LAYOUT_PAGE, flags);
  /* The heading over the index's card grid (folder layout). */
  properties[PROP_CARDS_TITLE] = g_param_spec_string ("cards-title", NULL, NULL, "", flags);
  /* What the index has after its card grid, kept as written. */
  properties[PROP_CARDS_TRAILING] = g_param_spec_boxed ("cards-trailing", NULL, NULL, EE_TYPE_RICH_TEXT, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EeDocument::changed:
   * @object: the document, cluster or initiative that changed
   * @property: (nullable): the property that changed; %NULL when a list
   *   changed
   *
   * Emitted for every change anywhere in the document.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
ee_document_init (EeDocument *self)
{
  self->title = g_strdup ("");
  self->header_image_alt = g_strdup ("");
  self->header_image_path = g_strdup ("");
  self->overview_image_alt = g_strdup ("");
  self->overview_image_path = g_strdup ("");
  self->cards_title = g_strdup ("");
  self->cards_trailing = ee_rich_text_new_empty ();
  self->layout = EE_LAYOUT_PAGE;
  self->introduction = ee_rich_text_new_empty ();
  self->closing = ee_rich_text_new_empty ();
  self->clusters = g_list_store_new (EE_TYPE_CLUSTER);
  self->watch = ee_list_watch_new (G_LIST_MODEL (self->clusters), "changed", cluster_changed_cb, self);
}

EeDocument *
ee_document_new (void)
{
  return g_object_new (EE_TYPE_DOCUMENT, NULL);
}

/**
 * ee_document_new_bundled:
 *
 * Returns: (transfer full): a new document holding the hub page as it is
 *   published today, the starting point of every new document
 */
EeDocument *
ee_document_new_bundled (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  EeDocument *document;

  bytes = g_resources_lookup_data ("/eu/ldt4ssc/EcosystemEditor/core/ecosystem-page.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The bundled page is missing: %s", error->message);

  document = ee_project_load_bytes (bytes, &error);
  if (document == NULL)
    g_error ("The bundled page does not load: %s", error->message);
  return document;
}

#define STRING_ACCESSORS(name, PROP)                                      \
  const char *ee_document_get_##name (EeDocument *self)                   \
  {                                                                       \
    g_return_val_if_fail (EE_IS_DOCUMENT (self), NULL);                   \
    return *string_slot (self, PROP);                                     \
  }                                                                       \
  void ee_document_set_##name (EeDocument *self, const char *value)       \
  {                                                                       \
    g_return_if_fail (EE_IS_DOCUMENT (self));                             \
    set_string_prop (self, PROP, value);                                  \
  }

#define RICH_ACCESSORS(name, PROP)                                        \
  EeRichText *ee_document_get_##name (EeDocument *self)                   \
  {                                                                       \
    g_return_val_if_fail (EE_IS_DOCUMENT (self), NULL);                   \
    return *rich_slot (self, PROP);                                       \
  }                                                                       \
  void ee_document_set_##name (EeDocument *self, EeRichText *value)       \
  {                                                                       \
    g_return_if_fail (EE_IS_DOCUMENT (self));                             \
    set_rich_prop (self, PROP, value);                                    \
  }

STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (header_image_alt, PROP_HEADER_IMAGE_ALT)
STRING_ACCESSORS (header_image_path, PROP_HEADER_IMAGE_PATH)
STRING_ACCESSORS (overview_image_alt, PROP_OVERVIEW_IMAGE_ALT)
STRING_ACCESSORS (overview_image_path, PROP_OVERVIEW_IMAGE_PATH)
STRING_ACCESSORS (cards_title, PROP_CARDS_TITLE)
RICH_ACCESSORS (introduction, PROP_INTRODUCTION)
RICH_ACCESSORS (closing, PROP_CLOSING)
RICH_ACCESSORS (cards_trailing, PROP_CARDS_TRAILING)

G_DEFINE_ENUM_TYPE (EeLayout, ee_layout,
  G_DEFINE_ENUM_VALUE (EE_LAYOUT_PAGE, "page"),
  G_DEFINE_ENUM_VALUE (EE_LAYOUT_FOLDER, "folder"))

EeLayout
ee_document_get_layout (EeDocument *self)
{
  g_return_val_if_fail (EE_IS_DOCUMENT (self), EE_LAYOUT_PAGE);
  return self->layout;
}

/**
 * ee_document_set_layout:
 *
 * Chooses how the document is exported.  The model holds what both layouts
 * need, so switching keeps everything and can be undone by switching back.
 */
void
ee_document_set_layout (EeDocument *self,
                        EeLayout    layout)
{
  g_return_if_fail (EE_IS_DOCUMENT (self));
  g_return_if_fail (layout == EE_LAYOUT_PAGE || layout == EE_LAYOUT_FOLDER);
  if (self->layout == layout)
    return;
  self->layout = layout;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

GListModel *
ee_document_get_clusters (EeDocument *self)
{
  g_return_val_if_fail (EE_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->clusters);
}

GListStore *
ee_document_get_cluster_store (EeDocument *self)
{
  g_return_val_if_fail (EE_IS_DOCUMENT (self), NULL);
  return self->clusters;
}

guint
ee_document_get_n_clusters (EeDocument *self)
{
  g_return_val_if_fail (EE_IS_DOCUMENT (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->clusters));
}

/**
 * ee_document_get_cluster:
 *
 * Returns: (transfer none): the cluster at @position
 */
EeCluster *
ee_document_get_cluster (EeDocument *self,
                         guint       position)
{
  g_autoptr(EeCluster) cluster = NULL;

  g_return_val_if_fail (EE_IS_DOCUMENT (self), NULL);
  cluster = g_list_model_get_item (G_LIST_MODEL (self->clusters), position);
  /* The store keeps its reference. */
  return cluster;
}

guint
ee_document_count_initiatives (EeDocument *self)
{
  guint n = 0;

  g_return_val_if_fail (EE_IS_DOCUMENT (self), 0);
  for (guint i = 0; i < ee_document_get_n_clusters (self); i++)
    n += ee_cluster_get_n_initiatives (ee_document_get_cluster (self, i));
  return n;
}

/**
 * ee_document_find_initiative:
 * @position: (out) (optional): where the initiative stands in its cluster
 *
 * Returns: (transfer none) (nullable): the cluster that holds @initiative
 */
EeCluster *
ee_document_find_initiative (EeDocument   *self,
                             EeInitiative *initiative,
                             guint        *position)
{
  g_return_val_if_fail (EE_IS_DOCUMENT (self), NULL);

  for (guint i = 0; i < ee_document_get_n_clusters (self); i++)
    {
      EeCluster *cluster = ee_document_get_cluster (self, i);
      guint found;

      if (g_list_store_find (ee_cluster_get_initiative_store (cluster), initiative, &found))
        {
          if (position)
            *position = found;
          return cluster;
        }
    }
  return NULL;
}
