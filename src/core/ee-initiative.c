/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ee-initiative.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _EeInitiative {
  GObject     parent_instance;

  char       *title;
  gboolean    example;
  char       *logo_path;
  char       *logo_alt;
  guint       logo_width;
  char       *logo_attributes;
  EeRichText *fields[EE_N_FIELDS];
  EeRichText *leading;
  EeRichText *trailing;
  GPtrArray  *extra_fields;  /* of EeExtraField */
  guint       revision;      /* counts the changes of content */
};

G_DEFINE_FINAL_TYPE (EeInitiative, ee_initiative, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_EXAMPLE,
  PROP_LOGO_PATH,
  PROP_LOGO_ALT,
  PROP_LOGO_WIDTH,
  PROP_LOGO_ATTRIBUTES,
  PROP_LEADING,
  PROP_TRAILING,
  PROP_FIELD_FIRST,
  N_PROPS = PROP_FIELD_FIRST + EE_N_FIELDS
};

enum {
  EXTRA_FIELDS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Every change of content goes through here: the revision counts it
 * before anyone hears of it.  @pspec is the property that changed, or
 * %NULL for the extra fields. */
static void
content_changed (EeInitiative *self,
                 GParamSpec   *pspec)
{
  self->revision++;
  if (pspec != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
  else
    g_signal_emit (self, signals[EXTRA_FIELDS_CHANGED], 0);
}

static const struct {
  const char *key;
  const char *label;
} field_info[EE_N_FIELDS] = {
  [EE_FIELD_NAME]              = { "name",              NC_("hub field", "Initiative name") },
  [EE_FIELD_SHORT_DESCRIPTION] = { "short-description", NC_("hub field", "Short Description") },
  [EE_FIELD_KEY_ROLE]          = { "key-role",          NC_("hub field", "Key role in the LDT Ecosystem") },
  [EE_FIELD_RELEVANCE]         = { "relevance",         NC_("hub field", "Relevance to LDT4SSC") },
  [EE_FIELD_KEY_ASSETS]        = { "key-assets",        NC_("hub field", "Key Assets and Resources") },
  [EE_FIELD_WEBPAGE]           = { "webpage",           NC_("hub field", "Webpage / Reference Link") },
  [EE_FIELD_CONTACT]           = { "contact",           NC_("hub field", "Main contact point") },
};

/**
 * ee_field_get_key:
 *
 * Returns: the field's key in project files and property names
 */
const char *
ee_field_get_key (EeField field)
{
  g_return_val_if_fail (field < EE_N_FIELDS, NULL);
  return field_info[field].key;
}

/**
 * ee_field_get_label:
 *
 * Returns: the label the hub shows, in English whatever the UI language
 */
const char *
ee_field_get_label (EeField field)
{
  g_return_val_if_fail (field < EE_N_FIELDS, NULL);
  return field_info[field].label;
}

gboolean
ee_field_from_key (const char *key,
                   EeField    *field)
{
  for (guint i = 0; i < EE_N_FIELDS; i++)
    if (g_strcmp0 (key, field_info[i].key) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * ee_field_from_label:
 *
 * Matches a label as people write it: any case, white space and a trailing
 * colon do not matter.
 */
gboolean
ee_field_from_label (const char *label,
                     EeField    *field)
{
  g_autofree char *clean = g_strstrip (g_strdup (label));
  gsize len = strlen (clean);

  while (len > 0 && (clean[len - 1] == ':' || g_ascii_isspace (clean[len - 1])))
    clean[--len] = 0;

  for (guint i = 0; i < EE_N_FIELDS; i++)
    if (g_ascii_strcasecmp (clean, field_info[i].label) == 0)
      {
        *field = i;
        return TRUE;
      }
  return FALSE;
}

static void
extra_field_free (gpointer data)
{
  EeExtraField *extra = data;

  g_free (extra->label);
  g_clear_pointer (&extra->value, ee_rich_text_unref);
  g_free (extra);
}

static void
ee_initiative_finalize (GObject *object)
{
  EeInitiative *self = (EeInitiative *) object;

  g_free (self->title);
  g_free (self->logo_path);
  g_free (self->logo_alt);
  g_free (self->logo_attributes);
  for (guint i = 0; i < EE_N_FIELDS; i++)
    g_clear_pointer (&self->fields[i], ee_rich_text_unref);
  g_clear_pointer (&self->leading, ee_rich_text_unref);
  g_clear_pointer (&self->trailing, ee_rich_text_unref);
  g_ptr_array_unref (self->extra_fields);

  G_OBJECT_CLASS (ee_initiative_parent_class)->finalize (object);
}

static void
ee_initiative_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  EeInitiative *self = EE_INITIATIVE (object);

  if (prop_id >= PROP_FIELD_FIRST && prop_id < N_PROPS)
    {
      g_value_set_boxed (value, self->fields[prop_id - PROP_FIELD_FIRST]);
      return;
    }

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_EXAMPLE:
      g_value_set_boolean (value, self->example);
      break;
    case PROP_LOGO_PATH:
      g_value_set_string (value, self->logo_path);
      break;
    case PROP_LOGO_ALT:
      g_value_set_string (value, self->logo_alt);
      break;
    case PROP_LOGO_WIDTH:
      g_value_set_uint (value, self->logo_width);
      break;
    case PROP_LOGO_ATTRIBUTES:
      g_value_set_string (value, self->logo_attributes);
      break;
    case PROP_LEADING:
      g_value_set_boxed (value, self->leading);
      break;
    case PROP_TRAILING:
      g_value_set_boxed (value, self->trailing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ee_initiative_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  EeInitiative *self = EE_INITIATIVE (object);

  if (prop_id >= PROP_FIELD_FIRST && prop_id < N_PROPS)
    {
      ee_initiative_set_field (self, prop_id - PROP_FIELD_FIRST, g_value_get_boxed (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_TITLE:
      ee_initiative_set_title (self, g_value_get_string (value));
      break;
    case PROP_EXAMPLE:
      ee_initiative_set_example (self, g_value_get_boolean (value));
      break;
    case PROP_LOGO_PATH:
      ee_initiative_set_logo_path (self, g_value_get_string (value));
      break;
    case PROP_LOGO_ALT:
      ee_initiative_set_logo_alt (self, g_value_get_string (value));
      break;
    case PROP_LOGO_WIDTH:
      ee_initiative_set_logo_width (self, g_value_get_uint (value));
      break;
    case PROP_LOGO_ATTRIBUTES:
      ee_initiative_set_logo_attributes (self, g_value_get_string (value));
      break;
    case PROP_LEADING:
      ee_initiative_set_leading (self, g_value_get_boxed (value));
      break;
    case PROP_TRAILING:
      ee_initiative_set_trailing (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ee_initiative_class_init (EeInitiativeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ee_initiative_finalize;
  object_class->get_property = ee_initiative_get_property;
  object_class->set_property = ee_initiative_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_EXAMPLE] = g_param_spec_boolean ("example", NULL, NULL, FALSE, flags);
  properties[PROP_LOGO_PATH] = g_param_spec_string ("logo-path", NULL, NULL, "", flags);
  properties[PROP_LOGO_ALT] = g_param_spec_string ("logo-alt", NULL, NULL, "", flags);
  properties[PROP_LOGO_WIDTH] = g_param_spec_uint ("logo-width", NULL, NULL, 0, 4096, 0, flags);
  /* The logo's attr_list attributes other than its width, as written:
   * "align=\"center\"". */
  properties[PROP_LOGO_ATTRIBUTES] = g_param_spec_string ("logo-attributes", NULL, NULL, "", flags);
  properties[PROP_LEADING] = g_param_spec_boxed ("leading", NULL, NULL, EE_TYPE_RICH_TEXT, flags);
  properties[PROP_TRAILING] = g_param_spec_boxed ("trailing", NULL, NULL, EE_TYPE_RICH_TEXT, flags);
  for (guint i = 0; i < EE_N_FIELDS; i++)
    properties[PROP_FIELD_FIRST + i] =
      g_param_spec_boxed (field_info[i].key, NULL, NULL, EE_TYPE_RICH_TEXT,
                          G_PARAM_READWRITE | G_PARAM_STATIC_NAME | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EeInitiative::extra-fields-changed:
   *
   * Emitted when fields with labels the template does not have are added or
   * removed.
   */
  signals[EXTRA_FIELDS_CHANGED] =
    g_signal_new ("extra-fields-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ee_initiative_init (EeInitiative *self)
{
  self->title = g_strdup ("");
  self->logo_path = g_strdup ("");
  self->logo_alt = g_strdup ("");
  self->logo_attributes = g_strdup ("");
  for (guint i = 0; i < EE_N_FIELDS; i++)
    self->fields[i] = ee_rich_text_new_empty ();
  self->leading = ee_rich_text_new_empty ();
  self->trailing = ee_rich_text_new_empty ();
  self->extra_fields = g_ptr_array_new_with_free_func (extra_field_free);
}

EeInitiative *
ee_initiative_new (void)
{
  return g_object_new (EE_TYPE_INITIATIVE, NULL);
}

/**
 * ee_initiative_copy:
 *
 * Returns: (transfer full): a new initiative with the same content
 */
EeInitiative *
ee_initiative_copy (EeInitiative *self)
{
  EeInitiative *copy;

  g_return_val_if_fail (EE_IS_INITIATIVE (self), NULL);

  copy = g_object_new (EE_TYPE_INITIATIVE,
                       "title", self->title,
                       "example", self->example,
                       "logo-path", self->logo_path,
                       "logo-alt", self->logo_alt,
                       "logo-width", self->logo_width,
                       "logo-attributes", self->logo_attributes,
                       "leading", self->leading,
                       "trailing", self->trailing,
                       NULL);
  for (guint i = 0; i < EE_N_FIELDS; i++)
    ee_initiative_set_field (copy, i, self->fields[i]);
  for (guint i = 0; i < self->extra_fields->len; i++)
    {
      const EeExtraField *extra = g_ptr_array_index (self->extra_fields, i);
      ee_initiative_add_extra_field (copy, extra->label, extra->after, extra->value);
    }
  return copy;
}

gboolean
ee_initiative_equal (EeInitiative *a,
                     EeInitiative *b)
{
  g_return_val_if_fail (EE_IS_INITIATIVE (a), FALSE);
  g_return_val_if_fail (EE_IS_INITIATIVE (b), FALSE);

  if (g_strcmp0 (a->title, b->title) != 0 || a->example != b->example
      || g_strcmp0 (a->logo_path, b->logo_path) != 0 || g_strcmp0 (a->logo_alt, b->logo_alt) != 0
      || a->logo_width != b->logo_width || g_strcmp0 (a->logo_attributes, b->logo_attributes) != 0
      || !ee_rich_text_equal (a->leading, b->leading) || !ee_rich_text_equal (a->trailing, b->trailing)
      || a->extra_fields->len != b->extra_fields->len)
    return FALSE;
  for (guint i = 0; i < EE_N_FIELDS; i++)
    if (!ee_rich_text_equal (a->fields[i], b->fields[i]))
      return FALSE;
  for (guint i = 0; i < a->extra_fields->len; i++)
    {
      const EeExtraField *x = g_ptr_array_index (a->extra_fields, i);
      const EeExtraField *y = g_ptr_array_index (b->extra_fields, i);
      if (g_strcmp0 (x->label, y->label) != 0 || x->after != y->after || !ee_rich_text_equal (x->value, y->value))
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_string (char **field, const char *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
set_rich_text (EeRichText **field, EeRichText *value)
{
  g_autoptr(EeRichText) empty = NULL;

  if (value == NULL)
    value = empty = ee_rich_text_new_empty ();
  if (*field == value || ee_rich_text_equal (*field, value))
    return FALSE;
  g_clear_pointer (field, ee_rich_text_unref);
  *field = ee_rich_text_ref (value);
  return TRUE;
}

const char *
ee_initiative_get_title (EeInitiative *self)
{
  g_return_val_if_fail (EE_IS_INITIATIVE (self), NULL);
  return self->title;
}

void
ee_initiative_set_title (EeInitiative *self,
                         const char   *title)
{
  g_return_if_fail (EE_IS_INITIATIVE (self));
  if (set_string (&self->title, title))
    content_changed (self, properties[PROP_TITLE]);
}

gboolean
ee_initiative_get_example (EeInitiative *self)
{
  g_return_val_if_fail (EE_IS_INITIATIVE (self), FALSE);
  return self->example;
}

void
ee_initiative_set_example (EeInitiative *self,
                           gboolean      example)
{
  g_return_if_fail (EE_IS_INITIATIVE (self));
  example = !!example;
  if (self->example == example)
    return;
  self->example = example;
  content_changed (self, properties[PROP_EXAMPLE]);
}

const char *
ee_initiative_get_logo_path (EeInitiative *self)
{
  g_return_val_if_fail (EE_IS_INITIATIVE (self), NULL);
  return self->logo_path;
}

void
ee_initiative_set_logo_path (EeInitiative *self,
                             const char   *path)
{
  g_return_if_fail (EE_IS_INITIATIVE (self));
  if (set_string (&self->logo_path, path))
    content_changed (self, properties[PROP_LOGO_PATH]);
}

const char *
ee_initiative_get_logo_alt (EeInitiative *self)
{
  g_return_val_if_fail (EE_IS_INITIATIVE (self), NULL);
  return self->logo_alt;
}

void
ee_initiative_set_logo_alt (EeInitiative *self,
                            const char   *alt)
{
  g_return_if_fail (EE_IS_INITIATIVE (self));
  if (set_string (&self->logo_alt, alt))
    content_changed (self, properties[PROP_LOGO_ALT]);
}

guint
ee_initiative_get_logo_width (EeInitiative *self)
{
  g_return_val_if_fail (EE_IS_INITIATIVE (self), 0);
  return self->logo_width;
}

void
ee_initiative_set_logo_width (EeInitiative *self,
                              guint         width)
{
  g_return_if_fail (EE_IS_INITIATIVE (self));
  if (self->logo_width == width)
    return;
  self->logo_width = width;
  content_changed (self, properties[PROP_LOGO_WIDTH]);
}

const char *
ee_initiative_get_logo_attributes (EeInitiative *self)
{
  g_return_val_if_fail (EE_IS_INITIATIVE (self), NULL);
  return self->logo_attributes;
}

void
ee_initiative_set_logo_attributes (EeInitiative *self,
                                   const char   *attributes)
{
  g_return_if_fail (EE_IS_INITIATIVE (self));
  if (set_string (&self->logo_attributes, attributes))
    content_changed (self, properties[PROP_LOGO_ATTRIBUTES]);
}

/**
 * ee_initiative_get_field:
 *
 * Returns: (transfer none): the field's value, never %NULL
 */
EeRichText *
ee_initiative_get_field (EeInitiative *self,
                         EeField       field)
{
  g_return_val_if_fail (EE_IS_INITIATIVE (self), NULL);
  g_return_val_if_fail (field < EE_N_FIELDS, NULL);
  return self->fields[field];
}

void
ee_initiative_set_field (EeInitiative *self,
                         EeField       field,
                         EeRichText   *value)
{
  g_return_if_fail (EE_IS_INITIATIVE (self));
  g_return_if_fail (field < EE_N_FIELDS);
  if (set_rich_text (&self->fields[field], value))
    content_changed (self, properties[PROP_FIELD_FIRST + field]);
}

/**
 * ee_initiative_get_leading:
 *
 * Returns: (transfer none): content kept as written between the title and
 *   the fields
 */
EeRichText *
ee_initiative_get_leading (EeInitiative *self)
{
  g_return_val_if_fail (EE_IS_INITIATIVE (self), NULL);
  return self->leading;
}

void
ee_initiative_set_leading (EeInitiative *self,
                           EeRichText   *value)
{
  g_return_if_fail (EE_IS_INITIATIVE (self));
  if (set_rich_text (&self->leading, value))
    content_changed (self, properties[PROP_LEADING]);
}

/**
 * ee_initiative_get_trailing:
 *
 * Returns: (transfer none): content kept as written after the fields
 */
EeRichText *
ee_initiative_get_trailing (EeInitiative *self)
{
  g_return_val_if_fail (EE_IS_INITIATIVE (self), NULL);
  return self->trailing;
}

void
ee_initiative_set_trailing (EeInitiative *self,
                            EeRichText   *value)
{
  g_return_if_fail (EE_IS_INITIATIVE (self));
  if (set_rich_text (&self->trailing, value))
    content_changed (self, properties[PROP_TRAILING]);
}

guint
ee_initiative_get_n_extra_fields (EeInitiative *self)
{
  g_return_val_if_fail (EE_IS_INITIATIVE (self), 0);
  return self->extra_fields->len;
}

const EeExtraField *
ee_initiative_get_extra_field (EeInitiative *self,
                               guint         index)
{
  g_return_val_if_fail (EE_IS_INITIATIVE (self), NULL);
  g_return_val_if_fail (index < self->extra_fields->len, NULL);
  return g_ptr_array_index (self->extra_fields, index);
}

void
ee_initiative_add_extra_field (EeInitiative *self,
                               const char   *label,
                               int           after,
                               EeRichText   *value)
{
  EeExtraField *extra;

  g_return_if_fail (EE_IS_INITIATIVE (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (after >= -1 && after < EE_N_FIELDS);

  extra = g_new0 (EeExtraField, 1);
  extra->label = g_strdup (label);
  extra->after = after;
  extra->value = value ? ee_rich_text_ref (value) : ee_rich_text_new_empty ();
  g_ptr_array_add (self->extra_fields, extra);
  content_changed (self, NULL);
}

void
ee_initiative_clear_extra_fields (EeInitiative *self)
{
  g_return_if_fail (EE_IS_INITIATIVE (self));
  if (self->extra_fields->len == 0)
    return;
  g_ptr_array_set_size (self->extra_fields, 0);
  content_changed (self, NULL);
}

/**
 * ee_initiative_get_revision:
 *
 * A number that changes whenever the initiative's content changes, so that
 * what is made from it (its exported Markdown) can be kept until then.
 *
 * Returns: the revision
 */
guint
ee_initiative_get_revision (EeInitiative *self)
{
  g_return_val_if_fail (EE_IS_INITIATIVE (self), 0);
  return self->revision;
}
