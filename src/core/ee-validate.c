/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "ee-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/*
 * What makes a page wrong to publish (errors) or worth a second look
 * (warnings), initiative by initiative:
 *
 * - the initiative name is required, and unique within its cluster; the
 *   same name in another cluster is a warning;
 * - the webpage / reference link is an absolute http or https address;
 * - every link in the fields is a well-formed address;
 * - e-mail addresses in the contact point look like addresses;
 * - a very long short description, and fields still empty (the template's
 *   "…" on the page), are warnings.
 */

static void
add (GPtrArray    *problems,
     EeSeverity    severity,
     EeCluster    *cluster,
     EeInitiative *initiative,
     int           field,
     const char   *message)
{
  g_ptr_array_add (problems, ee_problem_new (severity, cluster, initiative, field, message));
}

/* The name as compared for uniqueness: its words, case-folded. */
static char *
name_key (EeInitiative *initiative)
{
  g_autofree char *plain = ee_rich_text_to_plain (ee_initiative_get_field (initiative, EE_FIELD_NAME));
  g_auto(GStrv) words = g_strsplit_set (plain, " \t\n", -1);
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *folded = NULL;

      if (*words[i] == '\0')
        continue;
      folded = g_utf8_casefold (words[i], -1);
      if (key->len > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, folded);
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

static gboolean
is_web_address (const char *href)
{
  g_autoptr(GUri) uri = g_uri_parse (href, G_URI_FLAGS_NONE, NULL);
  const char *scheme;

  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
         && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0'
         && strchr (g_uri_get_host (uri), '.') != NULL;
}

static gboolean
looks_like_email (const char *address)
{
  const char *at = strchr (address, '@');
  const char *dot;

  if (at == NULL || at == address || strchr (at + 1, '@') != NULL)
    return FALSE;
  for (const char *p = address; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>' || *p == '(' || *p == ')')
      return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0' && strlen (dot + 1) >= 2;
}

/* A link is well-formed when it is an absolute web or mail address, or a
 * reference to a page or file of the hub (a relative path or a #fragment). */
static gboolean
is_well_formed_link (const char *href)
{
  g_autoptr(GUri) base = g_uri_parse ("https://hub.invalid/page/", G_URI_FLAGS_NONE, NULL);
  g_autoptr(GUri) uri = NULL;
  const char *scheme = g_uri_peek_scheme (href);

  if (*href == '\0' || strpbrk (href, " \t\n<>\"") != NULL)
    return FALSE;
  if (scheme != NULL && g_str_equal (scheme, "mailto"))
    return looks_like_email (href + strlen ("mailto:"));
  if (scheme != NULL)
    return is_web_address (href);
  uri = g_uri_parse_relative (base, href, G_URI_FLAGS_NONE, NULL);
  return uri != NULL;
}

/* Words with an "@" in a text, trimmed of the punctuation around them. */
static void
check_emails_in_text (GPtrArray    *problems,
                      EeCluster    *cluster,
                      EeInitiative *initiative,
                      const char   *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n,;", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      char *word = words[i];
      gsize length;

      if (strchr (word, '@') == NULL)
        continue;
      while (*word != '\0' && strchr ("(<[\"'", *word) != NULL)
        word++;
      length = strlen (word);
      while (length > 0 && strchr (")>]\"'.:", word[length - 1]) != NULL)
        word[--length] = '\0';
      if (!looks_like_email (word))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a valid e-mail address"), word);

          add (problems, EE_SEVERITY_ERROR, cluster, initiative, EE_FIELD_CONTACT, message);
        }
    }
}

/* The addresses @value links to, in order. */
static GPtrArray *
links_of (EeRichText *value)
{
  GPtrArray *links = g_ptr_array_new ();

  for (guint b = 0; b < ee_rich_text_get_n_blocks (value); b++)
    {
      const EeBlock *block = ee_rich_text_get_block (value, b);

      for (guint r = 0; block->runs != NULL && r < block->runs->len; r++)
        {
          const EeRun *run = block->runs->pdata[r];

          if (run->href != NULL)
            g_ptr_array_add (links, run->href);
        }
    }
  return links;
}

/* Every link well-formed; in the webpage field, at least one, and each an
 * absolute web address. */
static void
check_links (GPtrArray    *problems,
             EeCluster    *cluster,
             EeInitiative *initiative,
             EeField       field,
             EeRichText   *value)
{
  g_autoptr(GPtrArray) links = links_of (value);
  gboolean webpage = field == EE_FIELD_WEBPAGE;

  for (guint i = 0; i < links->len; i++)
    {
      const char *href = links->pdata[i];
      g_autofree char *message = NULL;

      if (webpage ? is_web_address (href) : is_well_formed_link (href))
        continue;
      message = webpage ? g_strdup_printf (_("“%s” is not a web address (https://…)"), href)
                        : g_strdup_printf (_("The link “%s” is not a valid address"), href);
      add (problems, EE_SEVERITY_ERROR, cluster, initiative, field, message);
    }
  if (webpage && links->len == 0)
    add (problems, EE_SEVERITY_ERROR, cluster, initiative, EE_FIELD_WEBPAGE,
         _("Give the web address of the initiative’s page, starting with https://"));
}

/* Where each name is used: its key, to the cluster of each initiative
 * with that name (a cluster once per initiative).  Built once per
 * validation, so that checking every name is linear in the page. */
static GHashTable *
name_index_new (EeDocument *document)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);

  for (guint c = 0; c < ee_document_get_n_clusters (document); c++)
    {
      EeCluster *cluster = ee_document_get_cluster (document, c);

      for (guint i = 0; i < ee_cluster_get_n_initiatives (cluster); i++)
        {
          char *key = name_key (ee_cluster_get_initiative (cluster, i));
          GPtrArray *clusters;

          if (*key == '\0')
            {
              g_free (key);
              continue;
            }
          clusters = g_hash_table_lookup (index, key);
          if (clusters == NULL)
            {
              clusters = g_ptr_array_new ();
              g_hash_table_insert (index, key, clusters);
            }
          else
            g_free (key);
          g_ptr_array_add (clusters, cluster);
        }
    }
  return index;
}

static void
check_initiative (GPtrArray    *problems,
                  GHashTable   *names,
                  EeCluster    *cluster,
                  EeInitiative *initiative)
{
  g_autofree char *key = name_key (initiative);

  /* The name. */
  if (*key == '\0')
    add (problems, EE_SEVERITY_ERROR, cluster, initiative, EE_FIELD_NAME, _("The initiative name is required"));
  else
    {
      GPtrArray *clusters = g_hash_table_lookup (names, key);
      guint in_cluster = 0;
      EeCluster *elsewhere = NULL;

      for (guint i = 0; clusters != NULL && i < clusters->len; i++)
        {
          if (clusters->pdata[i] == cluster)
            in_cluster++;
          else if (elsewhere == NULL)
            elsewhere = clusters->pdata[i];
        }
      if (in_cluster > 1)
        add (problems, EE_SEVERITY_ERROR, cluster, initiative, EE_FIELD_NAME,
             _("Another initiative in this cluster has the same name"));
      else if (elsewhere != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("The cluster “%s” has an initiative with the same name"),
                                                      ee_cluster_get_title (elsewhere));

          add (problems, EE_SEVERITY_WARNING, cluster, initiative, EE_FIELD_NAME, message);
        }
    }

  for (EeField field = 0; field < EE_N_FIELDS; field++)
    {
      EeRichText *value = ee_initiative_get_field (initiative, field);

      if (field == EE_FIELD_NAME)
        continue;
      if (ee_rich_text_is_empty (value))
        {
          add (problems, EE_SEVERITY_WARNING, cluster, initiative, field,
               _("Still empty: the page shows the template’s “…”"));
          continue;
        }
      check_links (problems, cluster, initiative, field, value);
      if (field == EE_FIELD_CONTACT)
        {
          g_autofree char *plain = ee_rich_text_to_plain (value);

          check_emails_in_text (problems, cluster, initiative, plain);
        }
      if (field == EE_FIELD_SHORT_DESCRIPTION)
        {
          g_autofree char *plain = ee_rich_text_to_plain (value);
          glong length = g_utf8_strlen (plain, -1);

          if (length > EE_VALIDATE_LONG_DESCRIPTION)
            {
              g_autofree char *message = g_strdup_printf (_("A short description of %ld characters is long: "
                                                            "aim for %d at most"),
                                                          length, EE_VALIDATE_LONG_DESCRIPTION);

              add (problems, EE_SEVERITY_WARNING, cluster, initiative, field, message);
            }
        }
    }
}

/**
 * ee_validate_initiative:
 *
 * Returns: (transfer full) (element-type EeProblem): the problems of
 *   @initiative, which is in @cluster of @document, in field order
 */
GPtrArray *
ee_validate_initiative (EeDocument   *document,
                        EeCluster    *cluster,
                        EeInitiative *initiative)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) names = NULL;

  g_return_val_if_fail (EE_IS_DOCUMENT (document), problems);
  g_return_val_if_fail (EE_IS_CLUSTER (cluster), problems);
  g_return_val_if_fail (EE_IS_INITIATIVE (initiative), problems);

  names = name_index_new (document);
  check_initiative (problems, names, cluster, initiative);
  return problems;
}

/**
 * ee_validate_document:
 *
 * Returns: (transfer full) (element-type EeProblem): every problem on the
 *   page, in page order
 */
GPtrArray *
ee_validate_document (EeDocument *document)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) names = NULL;

  g_return_val_if_fail (EE_IS_DOCUMENT (document), problems);

  names = name_index_new (document);
  for (guint c = 0; c < ee_document_get_n_clusters (document); c++)
    {
      EeCluster *cluster = ee_document_get_cluster (document, c);

      for (guint i = 0; i < ee_cluster_get_n_initiatives (cluster); i++)
        check_initiative (problems, names, cluster, ee_cluster_get_initiative (cluster, i));
    }
  return problems;
}

guint
ee_problems_count (GPtrArray  *problems,
                   EeSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < problems->len; i++)
    if (ee_problem_get_severity (problems->pdata[i]) == severity)
      n++;
  return n;
}
