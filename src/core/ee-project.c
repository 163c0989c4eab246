/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-project.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "ee-json-writer.h"

/* json-glib parses recursively; deeper files are refused before parsing. */
#define MAX_DEPTH 64

G_DEFINE_QUARK (ee-project-error-quark, ee_project_error)

/* Saving ---------------------------------------------------------------------- */

static void
add_rich (EeJsonWriter *b, const char *key, EeRichText *text)
{
  ee_json_writer_member (b, key);
  ee_json_writer_string (b, ee_rich_text_get_markdown (text));
}

static void
add_string (EeJsonWriter *b, const char *key, const char *value)
{
  ee_json_writer_member (b, key);
  ee_json_writer_string (b, value);
}

static void
add_image (EeJsonWriter *b, const char *key, const char *alt, const char *path)
{
  if (*alt == 0 && *path == 0)
    return;
  ee_json_writer_member (b, key);
  ee_json_writer_begin_object (b);
  add_string (b, "alt", alt);
  add_string (b, "path", path);
  ee_json_writer_end_object (b);
}

static void
add_initiative (EeJsonWriter *b, EeInitiative *initiative)
{
  ee_json_writer_begin_object (b);
  add_string (b, "title", ee_initiative_get_title (initiative));
  ee_json_writer_member (b, "example");
  ee_json_writer_boolean (b, ee_initiative_get_example (initiative));

  if (*ee_initiative_get_logo_path (initiative) != 0)
    {
      ee_json_writer_member (b, "logo");
      ee_json_writer_begin_object (b);
      add_string (b, "alt", ee_initiative_get_logo_alt (initiative));
      add_string (b, "path", ee_initiative_get_logo_path (initiative));
      ee_json_writer_member (b, "width");
      ee_json_writer_int (b, ee_initiative_get_logo_width (initiative));
      if (*ee_initiative_get_logo_attributes (initiative) != 0)
        add_string (b, "attributes", ee_initiative_get_logo_attributes (initiative));
      ee_json_writer_end_object (b);
    }

  if (!ee_rich_text_is_empty (ee_initiative_get_leading (initiative)))
    add_rich (b, "leading", ee_initiative_get_leading (initiative));

  for (guint f = 0; f < EE_N_FIELDS; f++)
    add_rich (b, ee_field_get_key (f), ee_initiative_get_field (initiative, f));

  if (ee_initiative_get_n_extra_fields (initiative) > 0)
    {
      ee_json_writer_member (b, "extra-fields");
      ee_json_writer_begin_array (b);
      for (guint i = 0; i < ee_initiative_get_n_extra_fields (initiative); i++)
        {
          const EeExtraField *extra = ee_initiative_get_extra_field (initiative, i);

          ee_json_writer_begin_object (b);
          add_string (b, "label", extra->label);
          add_string (b, "after", extra->after < 0 ? "" : ee_field_get_key (extra->after));
          add_rich (b, "value", extra->value);
          ee_json_writer_end_object (b);
        }
      ee_json_writer_end_array (b);
    }

  if (!ee_rich_text_is_empty (ee_initiative_get_trailing (initiative)))
    add_rich (b, "trailing", ee_initiative_get_trailing (initiative));
  ee_json_writer_end_object (b);
}

/* The folder layout's card and page of a cluster (format version 2). */
static gboolean
cluster_has_card (EeCluster *cluster)
{
  return *ee_cluster_get_card_title (cluster) != 0 || *ee_cluster_get_card_icon (cluster) != 0
         || *ee_cluster_get_page_file (cluster) != 0 || !ee_rich_text_is_empty (ee_cluster_get_card_text (cluster));
}

/* The lowest format version that holds @document: files without the folder
 * layout's members stay version 1, byte for byte, and an editor that does
 * not know those members refuses a file that has them rather than drop
 * them. */
static gint64
needed_version (EeDocument *document)
{
  if (ee_document_get_layout (document) != EE_LAYOUT_PAGE || *ee_document_get_cards_title (document) != 0
      || !ee_rich_text_is_empty (ee_document_get_cards_trailing (document)))
    return 2;
  for (guint i = 0; i < ee_document_get_n_clusters (document); i++)
    {
      EeCluster *cluster = ee_document_get_cluster (document, i);

      if (cluster_has_card (cluster))
        return 2;
      for (guint j = 0; j < ee_cluster_get_n_initiatives (cluster); j++)
        if (*ee_initiative_get_logo_attributes (ee_cluster_get_initiative (cluster, j)) != 0)
          return 2;
    }
  return 1;
}

static void
add_cluster (EeJsonWriter *b, EeCluster *cluster)
{
  GListModel *initiatives = ee_cluster_get_initiatives (cluster);

  ee_json_writer_begin_object (b);
  add_string (b, "title", ee_cluster_get_title (cluster));
  add_string (b, "short-title", ee_cluster_get_short_title (cluster));
  add_rich (b, "summary", ee_cluster_get_summary (cluster));
  add_rich (b, "introduction", ee_cluster_get_introduction (cluster));
  if (cluster_has_card (cluster))
    {
      ee_json_writer_member (b, "card");
      ee_json_writer_begin_object (b);
      add_string (b, "title", ee_cluster_get_card_title (cluster));
      add_string (b, "icon", ee_cluster_get_card_icon (cluster));
      add_rich (b, "text", ee_cluster_get_card_text (cluster));
      add_string (b, "page", ee_cluster_get_page_file (cluster));
      ee_json_writer_end_object (b);
    }

  ee_json_writer_member (b, "initiatives");
  ee_json_writer_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (initiatives); i++)
    {
      g_autoptr(EeInitiative) initiative = g_list_model_get_item (initiatives, i);
      add_initiative (b, initiative);
    }
  ee_json_writer_end_array (b);

  ee_json_writer_member (b, "template");
  ee_json_writer_begin_object (b);
  add_string (b, "title", ee_cluster_get_template_title (cluster));
  add_rich (b, "body", ee_cluster_get_template (cluster));
  ee_json_writer_end_object (b);

  if (!ee_rich_text_is_empty (ee_cluster_get_trailing (cluster)))
    add_rich (b, "trailing", ee_cluster_get_trailing (cluster));
  ee_json_writer_end_object (b);
}

/**
 * ee_project_save_bytes:
 *
 * Returns: (transfer full): the project file: the same document always
 *   gives the same bytes
 */
GBytes *
ee_project_save_bytes (EeDocument *document)
{
  EeJsonWriter *b;
  GListModel *clusters;

  g_return_val_if_fail (EE_IS_DOCUMENT (document), NULL);

  clusters = ee_document_get_clusters (document);
  b = ee_json_writer_new ();

  ee_json_writer_begin_object (b);
  add_string (b, "format", EE_PROJECT_FORMAT);
  ee_json_writer_member (b, "version");
  ee_json_writer_int (b, needed_version (document));
  if (ee_document_get_layout (document) == EE_LAYOUT_FOLDER)
    add_string (b, "layout", "folder");

  ee_json_writer_member (b, "page");
  ee_json_writer_begin_object (b);
  add_string (b, "title", ee_document_get_title (document));
  add_image (b, "header-image", ee_document_get_header_image_alt (document),
             ee_document_get_header_image_path (document));
  add_rich (b, "introduction", ee_document_get_introduction (document));
  add_image (b, "overview-image", ee_document_get_overview_image_alt (document),
             ee_document_get_overview_image_path (document));
  add_rich (b, "closing", ee_document_get_closing (document));
  if (*ee_document_get_cards_title (document) != 0)
    add_string (b, "cards-title", ee_document_get_cards_title (document));
  if (!ee_rich_text_is_empty (ee_document_get_cards_trailing (document)))
    add_rich (b, "cards-trailing", ee_document_get_cards_trailing (document));
  ee_json_writer_end_object (b);

  ee_json_writer_member (b, "clusters");
  ee_json_writer_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (clusters); i++)
    {
      g_autoptr(EeCluster) cluster = g_list_model_get_item (clusters, i);
      add_cluster (b, cluster);
    }
  ee_json_writer_end_array (b);
  ee_json_writer_end_object (b);

  return ee_json_writer_finish (b);
}

/* Loading --------------------------------------------------------------------- */

/* A rich-text value to read into a property once the structure is read. */
typedef struct {
  GObject    *object;
  const char *property;
  const char *markdown;
  EeRichText *value;
} Pending;

typedef struct {
  GString   *path;     /* where we are, as "clusters[2].initiatives[0]" */
  GError    *error;
  GArray    *pending;  /* of Pending */
  GPtrArray *lists;    /* pairs of GListStore and GPtrArray of items */
} Reader;

/* Items go into their lists once their values are set, so that setting
 * them reports no changes to anyone. */
static void
add_to_list_later (Reader *r, GListStore *store, GPtrArray *items)
{
  g_ptr_array_add (r->lists, g_object_ref (store));
  g_ptr_array_add (r->lists, g_ptr_array_ref (items));
}

static void
fill_lists (Reader *r)
{
  /* Innermost lists first: initiatives join their clusters before the
   * clusters join the document. */
  for (guint i = 0; i < r->lists->len; i += 2)
    {
      GListStore *store = g_ptr_array_index (r->lists, i);
      GPtrArray *items = g_ptr_array_index (r->lists, i + 1);

      g_list_store_splice (store, 0, 0, items->pdata, items->len);
    }
}

static void
clear_lists (Reader *r)
{
  for (guint i = 0; i < r->lists->len; i += 2)
    {
      g_object_unref (g_ptr_array_index (r->lists, i));
      g_ptr_array_unref (g_ptr_array_index (r->lists, i + 1));
    }
  g_ptr_array_unref (r->lists);
}

static gboolean
fail (Reader *r, const char *key, const char *format, ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Reader *r, const char *key, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;
  g_autoptr(GString) where = g_string_new (r->path->str);

  if (r->error != NULL)
    return FALSE;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (key != NULL)
    {
      if (where->len > 0)
        g_string_append_c (where, '.');
      g_string_append (where, key);
    }
  g_set_error (&r->error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_STRUCTURE,
               "%s: %s", where->len ? where->str : "(top level)", message);
  return FALSE;
}

static const char *
node_kind (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT: return "an object";
    case JSON_NODE_ARRAY: return "a list";
    case JSON_NODE_NULL: return "null";
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING: return "a string";
        case G_TYPE_BOOLEAN: return "true or false";
        default: return "a number";
        }
    }
}

static gboolean
read_string (Reader *r, JsonObject *object, const char *key, gboolean required, const char **out)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = "";
  if (node == NULL)
    return required ? fail (r, key, "missing; expected a string") : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (r, key, "expected a string, found %s", node_kind (node));
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_rich (Reader *r, JsonObject *object, const char *key, EeRichText **out)
{
  const char *markdown;

  *out = NULL;
  if (!read_string (r, object, key, FALSE, &markdown))
    return FALSE;
  *out = ee_rich_text_new_from_markdown (markdown, -1);
  return TRUE;
}

/* Reads a rich-text member into a property of @target, later: the values
 * are parsed together, on all cores, once the structure has been read. */
static gboolean
read_rich_into (Reader *r, JsonObject *object, const char *key, gpointer target, const char *property)
{
  const char *markdown;
  Pending pending;

  if (!read_string (r, object, key, FALSE, &markdown))
    return FALSE;
  if (*markdown == 0)
    return TRUE;
  pending = (Pending) { target, property, markdown, NULL };
  g_array_append_val (r->pending, pending);
  return TRUE;
}

static gboolean
read_bool (Reader *r, JsonObject *object, const char *key, gboolean *out)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (r, key, "expected true or false, found %s", node_kind (node));
  *out = json_node_get_boolean (node);
  return TRUE;
}

static JsonObject *
read_object (Reader *r, JsonObject *object, const char *key, gboolean required)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    {
      if (required)
        fail (r, key, "missing; expected an object");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (r, key, "expected an object, found %s", node_kind (node));
      return NULL;
    }
  return json_node_get_object (node);
}

static JsonArray *
read_array (Reader *r, JsonObject *object, const char *key, gboolean required)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    {
      if (required)
        fail (r, key, "missing; expected a list");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (r, key, "expected a list, found %s", node_kind (node));
      return NULL;
    }
  return json_node_get_array (node);
}

/* Enters a member or list element for error messages; returns the old
 * length to restore. */
static gsize
enter (Reader *r, const char *key, int index)
{
  gsize old = r->path->len;

  if (key != NULL)
    {
      if (r->path->len > 0)
        g_string_append_c (r->path, '.');
      g_string_append (r->path, key);
    }
  if (index >= 0)
    g_string_append_printf (r->path, "[%d]", index);
  return old;
}

static void
leave (Reader *r, gsize old)
{
  g_string_truncate (r->path, old);
}

static gboolean
read_image (Reader *r, JsonObject *parent, const char *key, const char **alt, const char **path)
{
  JsonObject *object = read_object (r, parent, key, FALSE);
  gsize old;
  gboolean ok;

  *alt = *path = "";
  if (r->error != NULL)
    return FALSE;
  if (object == NULL)
    return TRUE;
  old = enter (r, key, -1);
  ok = read_string (r, object, "alt", FALSE, alt) && read_string (r, object, "path", FALSE, path);
  leave (r, old);
  return ok;
}

static JsonObject *
element_object (Reader *r, JsonArray *array, guint i, const char *key)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      gsize old = enter (r, key, i);
      fail (r, NULL, "expected an object, found %s", node_kind (node));
      leave (r, old);
      return NULL;
    }
  return json_node_get_object (node);
}

static EeInitiative *
read_initiative (Reader *r, JsonObject *object)
{
  g_autoptr(EeInitiative) initiative = ee_initiative_new ();
  const char *title;
  gboolean example;
  JsonObject *logo;
  JsonArray *extras;

  if (!read_string (r, object, "title", FALSE, &title) || !read_bool (r, object, "example", &example))
    return NULL;
  ee_initiative_set_title (initiative, title);
  ee_initiative_set_example (initiative, example);

  logo = read_object (r, object, "logo", FALSE);
  if (r->error)
    return NULL;
  if (logo != NULL)
    {
      gsize old = enter (r, "logo", -1);
      const char *path, *alt;
      JsonNode *width = json_object_get_member (logo, "width");

      if (!read_string (r, logo, "path", FALSE, &path) || !read_string (r, logo, "alt", FALSE, &alt))
        return NULL;
      if (width != NULL && (!JSON_NODE_HOLDS_VALUE (width) || json_node_get_value_type (width) != G_TYPE_INT64
                            || json_node_get_int (width) < 0 || json_node_get_int (width) > 4096))
        {
          fail (r, "width", "expected a whole number from 0 to 4096");
          return NULL;
        }
      ee_initiative_set_logo_path (initiative, path);
      ee_initiative_set_logo_alt (initiative, alt);
      ee_initiative_set_logo_width (initiative, width ? (guint) json_node_get_int (width) : 0);
      {
        const char *attributes;

        if (!read_string (r, logo, "attributes", FALSE, &attributes))
          return NULL;
        ee_initiative_set_logo_attributes (initiative, attributes);
      }
      leave (r, old);
    }

  for (guint f = 0; f < EE_N_FIELDS; f++)
    if (!read_rich_into (r, object, ee_field_get_key (f), initiative, ee_field_get_key (f)))
      return NULL;

  if (!read_rich_into (r, object, "leading", initiative, "leading")
      || !read_rich_into (r, object, "trailing", initiative, "trailing"))
    return NULL;

  extras = read_array (r, object, "extra-fields", FALSE);
  if (r->error)
    return NULL;
  for (guint i = 0; extras && i < json_array_get_length (extras); i++)
    {
      JsonObject *extra = element_object (r, extras, i, "extra-fields");
      g_autoptr(EeRichText) value = NULL;
      const char *label, *after;
      EeField field = 0;
      gsize old;

      if (extra == NULL)
        return NULL;
      old = enter (r, "extra-fields", i);
      if (!read_string (r, extra, "label", TRUE, &label) || !read_string (r, extra, "after", FALSE, &after)
          || !read_rich (r, extra, "value", &value))
        return NULL;
      if (*after != 0 && !ee_field_from_key (after, &field))
        {
          fail (r, "after", "\"%s\" is not a field", after);
          return NULL;
        }
      ee_initiative_add_extra_field (initiative, label, *after ? (int) field : -1, value);
      leave (r, old);
    }

  return g_steal_pointer (&initiative);
}

static EeCluster *
read_cluster (Reader *r, JsonObject *object)
{
  g_autoptr(EeCluster) cluster = ee_cluster_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const char *title, *short_title;
  JsonArray *initiatives;
  JsonObject *template;
  JsonObject *card;

  if (!read_string (r, object, "title", FALSE, &title) || !read_string (r, object, "short-title", FALSE, &short_title)
      || !read_rich_into (r, object, "summary", cluster, "summary")
      || !read_rich_into (r, object, "introduction", cluster, "introduction")
      || !read_rich_into (r, object, "trailing", cluster, "trailing"))
    return NULL;
  ee_cluster_set_title (cluster, title);
  ee_cluster_set_short_title (cluster, short_title);

  card = read_object (r, object, "card", FALSE);
  if (r->error)
    return NULL;
  if (card != NULL)
    {
      const char *card_title, *icon, *page_file;
      gsize old = enter (r, "card", -1);

      if (!read_string (r, card, "title", FALSE, &card_title) || !read_string (r, card, "icon", FALSE, &icon)
          || !read_string (r, card, "page", FALSE, &page_file)
          || !read_rich_into (r, card, "text", cluster, "card-text"))
        return NULL;
      ee_cluster_set_card_title (cluster, card_title);
      ee_cluster_set_card_icon (cluster, icon);
      ee_cluster_set_page_file (cluster, page_file);
      leave (r, old);
    }

  initiatives = read_array (r, object, "initiatives", FALSE);
  if (r->error)
    return NULL;
  for (guint i = 0; initiatives && i < json_array_get_length (initiatives); i++)
    {
      JsonObject *element = element_object (r, initiatives, i, "initiatives");
      EeInitiative *initiative;
      gsize old;

      if (element == NULL)
        return NULL;
      old = enter (r, "initiatives", i);
      initiative = read_initiative (r, element);
      if (initiative == NULL)
        return NULL;
      g_ptr_array_add (items, initiative);
      leave (r, old);
    }
  add_to_list_later (r, ee_cluster_get_initiative_store (cluster), items);

  template = read_object (r, object, "template", FALSE);
  if (r->error)
    return NULL;
  if (template != NULL)
    {
      const char *template_title;
      gsize old = enter (r, "template", -1);

      if (!read_string (r, template, "title", FALSE, &template_title)
          || !read_rich_into (r, template, "body", cluster, "template"))
        return NULL;
      ee_cluster_set_template_title (cluster, template_title);
      leave (r, old);
    }

  return g_steal_pointer (&cluster);
}

static EeDocument *
read_document (Reader *r, JsonNode *root)
{
  g_autoptr(EeDocument) document = ee_document_new ();
  g_autoptr(GPtrArray) clusters = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *top, *page;
  JsonArray *cluster_array;
  JsonNode *version;
  const char *format, *title, *alt, *path;
  gsize old;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (r, NULL, "expected an object, found %s", node_kind (root));
      return NULL;
    }
  top = json_node_get_object (root);

  if (!read_string (r, top, "format", TRUE, &format))
    return NULL;
  if (!g_str_equal (format, EE_PROJECT_FORMAT))
    {
      fail (r, "format", "\"%s\" is not an Ecosystem Editor project (expected \"%s\")", format, EE_PROJECT_FORMAT);
      return NULL;
    }
  version = json_object_get_member (top, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      fail (r, "version", "expected a whole number");
      return NULL;
    }
  if (json_node_get_int (version) > EE_PROJECT_VERSION)
    {
      g_set_error (&r->error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_NEWER_VERSION,
                   "version: the file was written by a newer version of the editor (format version %" G_GINT64_FORMAT
                   "); this version reads version %d. Update the editor to open it.",
                   json_node_get_int (version), EE_PROJECT_VERSION);
      return NULL;
    }
  if (json_node_get_int (version) < 1)
    {
      fail (r, "version", "%" G_GINT64_FORMAT " is not a format version", json_node_get_int (version));
      return NULL;
    }

  {
    const char *layout;

    if (!read_string (r, top, "layout", FALSE, &layout))
      return NULL;
    /* Absent in version 1: the single page. */
    if (*layout == 0 || g_str_equal (layout, "page"))
      ee_document_set_layout (document, EE_LAYOUT_PAGE);
    else if (g_str_equal (layout, "folder"))
      ee_document_set_layout (document, EE_LAYOUT_FOLDER);
    else
      {
        fail (r, "layout", "\"%s\" is not a layout (expected \"page\" or \"folder\")", layout);
        return NULL;
      }
  }

  page = read_object (r, top, "page", TRUE);
  if (page == NULL)
    return NULL;
  old = enter (r, "page", -1);
  if (!read_string (r, page, "title", FALSE, &title))
    return NULL;
  ee_document_set_title (document, title);
  if (!read_image (r, page, "header-image", &alt, &path))
    return NULL;
  ee_document_set_header_image_alt (document, alt);
  ee_document_set_header_image_path (document, path);
  if (!read_rich_into (r, page, "introduction", document, "introduction"))
    return NULL;
  if (!read_image (r, page, "overview-image", &alt, &path))
    return NULL;
  ee_document_set_overview_image_alt (document, alt);
  ee_document_set_overview_image_path (document, path);
  if (!read_rich_into (r, page, "closing", document, "closing"))
    return NULL;
  if (!read_string (r, page, "cards-title", FALSE, &title))
    return NULL;
  ee_document_set_cards_title (document, title);
  if (!read_rich_into (r, page, "cards-trailing", document, "cards-trailing"))
    return NULL;
  leave (r, old);

  cluster_array = read_array (r, top, "clusters", TRUE);
  if (cluster_array == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (cluster_array); i++)
    {
      JsonObject *element = element_object (r, cluster_array, i, "clusters");
      EeCluster *cluster;

      if (element == NULL)
        return NULL;
      old = enter (r, "clusters", i);
      cluster = read_cluster (r, element);
      if (cluster == NULL)
        return NULL;
      g_ptr_array_add (clusters, cluster);
      leave (r, old);
    }
  add_to_list_later (r, ee_document_get_cluster_store (document), clusters);

  return g_steal_pointer (&document);
}

typedef struct {
  Pending *items;
  guint    start;
  guint    end;
} Slice;

static gpointer
parse_slice (gpointer data)
{
  Slice *slice = data;

  for (guint i = slice->start; i < slice->end; i++)
    {
      Pending *pending = &slice->items[i];

      pending->value = ee_rich_text_new_from_markdown (pending->markdown, -1);
      /* Saving and exporting need the canonical form: make it here, on
       * this core, rather than later on one. */
      ee_rich_text_get_markdown (pending->value);
    }
  return NULL;
}

/* Parses the pending rich-text values on all cores, then sets them. */
static void
read_pending (GArray *pending)
{
  Pending *items = (Pending *) (gpointer) pending->data;
  guint n_threads = pending->len < 512 ? 1 : MIN (g_get_num_processors (), 8);
  g_autofree GThread **threads = g_new0 (GThread *, n_threads);
  g_autofree Slice *slices = g_new0 (Slice, n_threads);

  for (guint t = 0; t < n_threads; t++)
    {
      slices[t] = (Slice) { items, pending->len * t / n_threads, pending->len * (t + 1) / n_threads };
      if (t > 0)
        threads[t] = g_thread_new ("ee-load", parse_slice, &slices[t]);
    }
  parse_slice (&slices[0]);
  for (guint t = 1; t < n_threads; t++)
    g_thread_join (threads[t]);

  for (guint i = 0; i < pending->len; i++)
    {
      g_object_set (items[i].object, items[i].property, items[i].value, NULL);
      g_clear_pointer (&items[i].value, ee_rich_text_unref);
    }
}

static guint
line_of_offset (const char *data, gsize offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/* Checks what json-glib does not: valid UTF-8, no NUL bytes, and nesting
 * shallow enough to parse without exhausting the stack. */
static gboolean
check_text (const char *data, gsize length, GError **error)
{
  const char *end;
  guint depth = 0;
  gboolean in_string = FALSE;

  if (!g_utf8_validate_len (data, length, &end))
    {
      g_set_error (error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_NOT_JSON,
                   "line %u: the file is not valid UTF-8 text (byte %" G_GSIZE_FORMAT ")",
                   line_of_offset (data, end - data), (gsize) (end - data) + 1);
      return FALSE;
    }

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            {
              g_set_error (error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_STRUCTURE,
                           "line %u: nested more than %d levels deep; a project file never is",
                           line_of_offset (data, i), MAX_DEPTH);
              return FALSE;
            }
        }
      else if (c == '}' || c == ']')
        depth = depth ? depth - 1 : 0;
    }
  return TRUE;
}

/**
 * ee_project_load_bytes:
 *
 * Reads a project file.  On error nothing is half-loaded: the message names
 * the place, as in "clusters[2].initiatives[0].title: expected a string".
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
EeDocument *
ee_project_load_bytes (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  Reader r = { NULL, NULL, NULL, NULL };
  EeDocument *document;
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length == 0 || data == NULL)
    {
      g_set_error (error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_EMPTY, "the file is empty");
      return NULL;
    }
  if (length > EE_MAX_FILE_SIZE)
    {
      g_set_error (error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_TOO_LARGE,
                   "the file is %" G_GSIZE_FORMAT " MB; project files over %d MB are not opened",
                   length / (1024 * 1024), EE_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!check_text (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_NOT_JSON,
                   "not a valid JSON file: %s", local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_EMPTY, "the file holds no JSON value");
      return NULL;
    }

  r.path = g_string_new (NULL);
  r.pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  r.lists = g_ptr_array_new ();
  document = read_document (&r, json_parser_get_root (parser));
  g_string_free (r.path, TRUE);
  if (document != NULL)
    {
      read_pending (r.pending);
      fill_lists (&r);
    }
  g_array_unref (r.pending);
  clear_lists (&r);
  if (document == NULL)
    {
      g_assert (r.error != NULL);
      g_propagate_error (error, r.error);
      return NULL;
    }
  g_assert (r.error == NULL);
  return document;
}

/**
 * ee_project_load_file:
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
EeDocument *
ee_project_load_file (GFile   *file,
                      GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > EE_MAX_FILE_SIZE)
    {
      g_set_error (error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_TOO_LARGE,
                   "the file is %" G_GOFFSET_FORMAT " MB; files over %d MB are not opened",
                   g_file_info_get_size (info) / (1024 * 1024), EE_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;
  return ee_project_load_bytes (bytes, error);
}
