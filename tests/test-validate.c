/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "ee-core.h"

/* Validation: what the editor and `ecosystem-cli validate` report. */

static EeInitiative *
add_initiative (EeCluster  *cluster,
                const char *name,
                const char *webpage)
{
  g_autoptr(EeInitiative) initiative = ee_initiative_new ();
  g_autoptr(EeRichText) name_value = ee_rich_text_new_plain (name);
  g_autoptr(EeRichText) webpage_value = ee_rich_text_new_from_markdown (webpage, -1);

  ee_initiative_set_title (initiative, name);
  ee_initiative_set_field (initiative, EE_FIELD_NAME, name_value);
  ee_initiative_set_field (initiative, EE_FIELD_WEBPAGE, webpage_value);
  for (EeField field = EE_FIELD_SHORT_DESCRIPTION; field < EE_N_FIELDS; field++)
    if (field != EE_FIELD_WEBPAGE)
      {
        g_autoptr(EeRichText) value = ee_rich_text_new_plain ("Filled in.");

        ee_initiative_set_field (initiative, field, value);
      }
  g_list_store_append (ee_cluster_get_initiative_store (cluster), initiative);
  return initiative;
}

static void
set_field (EeInitiative *initiative,
           EeField       field,
           const char   *markdown)
{
  g_autoptr(EeRichText) value = ee_rich_text_new_from_markdown (markdown, -1);

  ee_initiative_set_field (initiative, field, value);
}

/* The problems of @initiative as "field severity message" lines. */
static char *
describe (EeDocument   *document,
          EeCluster    *cluster,
          EeInitiative *initiative)
{
  g_autoptr(GPtrArray) problems = ee_validate_initiative (document, cluster, initiative);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      EeProblem *problem = problems->pdata[i];

      g_assert_true (ee_problem_get_initiative (problem) == initiative);
      g_assert_true (ee_problem_get_cluster (problem) == cluster);
      g_string_append_printf (text, "%d %s %s\n", ee_problem_get_field (problem),
                              ee_problem_get_severity (problem) == EE_SEVERITY_ERROR ? "error" : "warning",
                              ee_problem_get_message (problem));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static EeDocument *
empty_clusters (void)
{
  EeDocument *document = ee_document_new_bundled ();

  for (guint c = 0; c < ee_document_get_n_clusters (document); c++)
    g_list_store_remove_all (ee_cluster_get_initiative_store (ee_document_get_cluster (document, c)));
  return document;
}

static void
test_clean (void)
{
  g_autoptr(EeDocument) document = empty_clusters ();
  EeCluster *cluster = ee_document_get_cluster (document, 0);
  EeInitiative *initiative = add_initiative (cluster, "CitCom.ai", "<https://citcomtef.eu/>");
  g_autofree char *problems = NULL;

  set_field (initiative, EE_FIELD_CONTACT, "Jane Doe, jane.doe@example.eu (coordinator)");
  set_field (initiative, EE_FIELD_RELEVANCE, "- Services → <https://citcomtef.eu/services>\n"
                                             "- The hub's own page → [Clusters](../clusters.md#data)\n"
                                             "- Write to [us](mailto:team@citcom.eu)");
  problems = describe (document, cluster, initiative);
  g_assert_cmpstr (problems, ==, "");
}

static void
test_name (void)
{
  g_autoptr(EeDocument) document = empty_clusters ();
  EeCluster *cluster = ee_document_get_cluster (document, 0);
  EeCluster *other_cluster = ee_document_get_cluster (document, 3);
  EeInitiative *first = add_initiative (cluster, "CitCom.ai", "https://citcomtef.eu");
  EeInitiative *second = add_initiative (cluster, "citcom.AI ", "https://citcomtef.eu");
  EeInitiative *elsewhere = add_initiative (other_cluster, "CitCom.ai", "https://citcomtef.eu");
  EeInitiative *nameless = add_initiative (cluster, "", "https://example.eu");
  g_autofree char *first_problems = describe (document, cluster, first);
  g_autofree char *second_problems = describe (document, cluster, second);
  g_autofree char *elsewhere_problems = describe (document, other_cluster, elsewhere);
  g_autofree char *nameless_problems = describe (document, cluster, nameless);
  g_autofree char *expected_elsewhere = g_strdup_printf ("0 warning The cluster “%s” has an initiative with the same name\n",
                                                         ee_cluster_get_title (cluster));

  g_assert_cmpstr (first_problems, ==, "0 error Another initiative in this cluster has the same name\n");
  g_assert_cmpstr (second_problems, ==, "0 error Another initiative in this cluster has the same name\n");
  g_assert_cmpstr (elsewhere_problems, ==, expected_elsewhere);
  g_assert_cmpstr (nameless_problems, ==, "0 error The initiative name is required\n");
}

static void
test_webpage (void)
{
  static const struct {
    const char *markdown;
    const char *expected;
  } cases[] = {
    { "https://citcomtef.eu/path?q=1", "" },
    { "[CitCom.ai](http://citcomtef.eu)", "" },
    { "citcomtef.eu", "5 error Give the web address of the initiative’s page, starting with https://\n" },
    { "See the project's site", "5 error Give the web address of the initiative’s page, starting with https://\n" },
    { "[site](ftp://citcomtef.eu/)", "5 error “ftp://citcomtef.eu/” is not a web address (https://…)\n" },
    { "[site](/relative/page)", "5 error “/relative/page” is not a web address (https://…)\n" },
    { "[site](https://localhost)", "5 error “https://localhost” is not a web address (https://…)\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EeDocument) document = empty_clusters ();
      EeCluster *cluster = ee_document_get_cluster (document, 1);
      EeInitiative *initiative = add_initiative (cluster, "DS4SSCC", cases[i].markdown);
      g_autofree char *problems = describe (document, cluster, initiative);

      g_test_message ("%s", cases[i].markdown);
      g_assert_cmpstr (problems, ==, cases[i].expected);
    }
}

static void
test_links_and_emails (void)
{
  g_autoptr(EeDocument) document = empty_clusters ();
  EeCluster *cluster = ee_document_get_cluster (document, 2);
  EeInitiative *initiative = add_initiative (cluster, "EU LDT Toolbox", "https://example.eu");
  g_autofree char *problems = NULL;

  set_field (initiative, EE_FIELD_RELEVANCE, "- Good → <https://example.eu/a>\n"
                                             "- Broken → [report](https:///report.pdf)\n"
                                             "- Not an address → [mail](mailto:nobody)");
  set_field (initiative, EE_FIELD_CONTACT, "Contact jane.doe@example, or (john@example.eu).");
  problems = describe (document, cluster, initiative);
  g_assert_cmpstr (problems, ==,
                   "3 error The link “https:///report.pdf” is not a valid address\n"
                   "3 error The link “mailto:nobody” is not a valid address\n"
                   "6 error “jane.doe@example” is not a valid e-mail address\n");
}

static void
test_warnings (void)
{
  g_autoptr(EeDocument) document = empty_clusters ();
  EeCluster *cluster = ee_document_get_cluster (document, 5);
  EeInitiative *initiative = add_initiative (cluster, "Living-in.EU", "https://living-in.eu");
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(EeRichText) empty = ee_rich_text_new_empty ();
  g_autofree char *problems = NULL;
  g_autoptr(GPtrArray) all = NULL;

  while (g_utf8_strlen (long_text->str, -1) <= EE_VALIDATE_LONG_DESCRIPTION)
    g_string_append (long_text, "Cities working together. ");
  set_field (initiative, EE_FIELD_SHORT_DESCRIPTION, long_text->str);
  ee_initiative_set_field (initiative, EE_FIELD_KEY_ROLE, empty);
  problems = describe (document, cluster, initiative);
  g_assert_true (g_str_has_prefix (problems, "1 warning A short description of "));
  g_assert_true (g_str_has_suffix (problems, "2 warning Still empty: the page shows the template’s “…”\n"));

  all = ee_validate_document (document);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpuint (ee_problems_count (all, EE_SEVERITY_WARNING), ==, 2);
  g_assert_cmpuint (ee_problems_count (all, EE_SEVERITY_ERROR), ==, 0);
}

static void
test_location (void)
{
  g_autoptr(EeDocument) document = empty_clusters ();
  EeCluster *cluster = ee_document_get_cluster (document, 0);
  EeInitiative *initiative = add_initiative (cluster, "SIMPL", "not a link");
  g_autoptr(GPtrArray) problems = ee_validate_document (document);
  g_autofree char *location = NULL;
  g_autofree char *expected = NULL;
  const char *cluster_name = ee_cluster_get_short_title (cluster);

  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (ee_problem_get_initiative (problems->pdata[0]) == initiative);
  location = ee_problem_dup_location (problems->pdata[0]);
  expected = g_strdup_printf ("%s/SIMPL:Webpage / Reference Link",
                              cluster_name != NULL && *cluster_name != '\0' ? cluster_name : ee_cluster_get_title (cluster));
  g_assert_cmpstr (location, ==, expected);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/clean", test_clean);
  g_test_add_func ("/validate/name", test_name);
  g_test_add_func ("/validate/webpage", test_webpage);
  g_test_add_func ("/validate/links-and-emails", test_links_and_emails);
  g_test_add_func ("/validate/warnings", test_warnings);
  g_test_add_func ("/validate/location", test_location);

  return g_test_run ();
}
