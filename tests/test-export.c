/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-core.h"
#include "ee-markdown-writer.h"
#include "ee-test-gen.h"

static char *
read_data_file (const char *name, gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static char *
export (EeDocument *document)
{
  return ee_export_page_markdown (document, NULL);
}

static EeDocument *
import (const char *markdown)
{
  g_autoptr(GError) error = NULL;
  EeDocument *document = ee_import_page_markdown (markdown, strlen (markdown), &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* The bundled page exports as the hub template, with the three changes that
 * make it render on the hub as it reads. */
static void
test_bundled_golden (void)
{
  g_autoptr(EeDocument) document = ee_document_new_bundled ();
  g_autofree char *expected = read_data_file ("ecosystem-page-expected-export.md", NULL);
  g_autofree char *markdown = export (document);

  g_assert_cmpstr (markdown, ==, expected);
  g_assert_cmpuint (ee_document_get_n_clusters (document), ==, 6);
  g_assert_cmpuint (ee_document_count_initiatives (document), ==, 1);
}

static void
test_template_import_golden (void)
{
  g_autofree char *template = read_data_file ("ecosystem-page-template.md", NULL);
  g_autofree char *expected = read_data_file ("ecosystem-page-expected-export.md", NULL);
  g_autoptr(EeDocument) document = import (template);
  g_autofree char *markdown = export (document);

  g_assert_cmpstr (markdown, ==, expected);
}

static void
test_export_fixpoint (void)
{
  g_autofree char *expected = read_data_file ("ecosystem-page-expected-export.md", NULL);
  g_autoptr(EeDocument) document = import (expected);
  g_autofree char *markdown = export (document);

  g_assert_cmpstr (markdown, ==, expected);
}

static char *
save (EeDocument *document)
{
  g_autoptr(GBytes) bytes = ee_project_save_bytes (document);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Export, import: the same model, for documents full of Markdown syntax,
 * Unicode, empty fields and long lists. */
static void
test_random_round_trip (void)
{
  guint n_seeds = g_test_thorough () ? 2000 : 200;

  for (guint seed = 1; seed <= n_seeds; seed++)
    {
      g_autoptr(EeDocument) document = ee_test_generate_document (seed, 1 + seed % 7, EE_GEN_HOSTILE);
      g_autofree char *markdown = export (document);
      g_autoptr(EeDocument) again = import (markdown);
      g_autofree char *before = save (document);
      g_autofree char *after = save (again);

      if (g_strcmp0 (before, after) != 0)
        {
          g_auto(GStrv) a = g_strsplit (before, "\n", -1);
          g_auto(GStrv) b = g_strsplit (after, "\n", -1);
          guint i = 0;

          while (a[i] && b[i] && g_str_equal (a[i], b[i]))
            i++;
          g_error ("seed %u: the model changed on export and import, project line %u:\n"
                   "before: %s\nafter:  %s", seed, i + 1, a[i] ? a[i] : "(end)", b[i] ? b[i] : "(end)");
        }
    }
}

static char *
escape (const char *text, gboolean line_start)
{
  GString *s = g_string_new (NULL);
  ee_markdown_escape_text (s, text, -1, line_start, FALSE);
  return g_string_free (s, FALSE);
}

/* Escaping: what would be syntax is escaped, ordinary text is not. */
static void
test_escaping (void)
{
  static const struct {
    const char *text;
    gboolean    line_start;
    const char *expected;
  } cases[] = {
    { "AI/robotics, e.g., CitCom.ai (CitComTEF) → 10–12", TRUE, "AI/robotics, e.g., CitCom.ai (CitComTEF) → 10–12" },
    { "R&D and support@ds4sscc.eu", TRUE, "R&D and support@ds4sscc.eu" },
    { "snake_case a_b", FALSE, "snake_case a_b" },
    { "_lead trail_", FALSE, "\\_lead trail\\_" },
    { "2 * 3", FALSE, "2 \\* 3" },
    { "# not a heading", TRUE, "\\# not a heading" },
    { "# mid-line", FALSE, "# mid-line" },
    { "- not a list", TRUE, "\\- not a list" },
    { "+ not a list", TRUE, "\\+ not a list" },
    { "1. not a list", TRUE, "1\\. not a list" },
    { "2024) not a list", TRUE, "2024&#41; not a list" },
    { "> not a quote", TRUE, "\\> not a quote" },
    { "a > b", FALSE, "a > b" },
    { "<b>bold</b>", FALSE, "&lt;b>bold&lt;/b>" },
    { "a < b", FALSE, "a < b" },
    { "&amp; &copy; &#42;", FALSE, "&amp;amp; &amp;copy; &amp;#42;" },
    { "a | b", FALSE, "a \\| b" },
    { "[x](y)", FALSE, "\\[x](y)" },
    { "`code`", FALSE, "\\`code\\`" },
    { "back\\slash \\* \\", FALSE, "back\\slash \\\\\\* \\\\" },
    { ":smile: and a:b", FALSE, "&#58;smile: and a:b" },
    { "text {.cls}", FALSE, "text \\{.cls}" },
    { "!!! note", TRUE, "\\!!! note" },
    { "??? note", TRUE, "&#63;?? note" },
    { "=== under", TRUE, "&#61;== under" },
    { "~~~ fence", TRUE, "&#126;~~ fence" },
    { "Ελλάδα 😀 …", TRUE, "Ελλάδα 😀 …" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = escape (cases[i].text, cases[i].line_start);
      g_assert_cmpstr (escaped, ==, cases[i].expected);
    }
}

/* Empty values are written as the template's placeholder; a value that is
 * literally "…" survives as a character reference. */
static void
test_placeholders (void)
{
  g_autoptr(EeDocument) document = ee_document_new_bundled ();
  EeCluster *cluster = ee_document_get_cluster (document, 2);
  g_autoptr(EeInitiative) initiative = ee_initiative_new ();
  g_autoptr(EeRichText) ellipsis = ee_rich_text_new_plain ("\xe2\x80\xa6");
  g_autofree char *markdown = NULL;
  g_autoptr(EeDocument) again = NULL;
  EeInitiative *read;

  ee_initiative_set_title (initiative, "Empty");
  ee_initiative_set_field (initiative, EE_FIELD_KEY_ROLE, ellipsis);
  g_list_store_append (ee_cluster_get_initiative_store (cluster), initiative);

  markdown = export (document);
  g_assert_nonnull (strstr (markdown, "**Empty**  \n\n- **Initiative name:** \xe2\x80\xa6  \n"));
  g_assert_nonnull (strstr (markdown, "- **Key role in the LDT Ecosystem:** &#8230;  \n"));

  again = import (markdown);
  read = ee_cluster_get_initiative (ee_document_get_cluster (again, 2), 0);
  g_assert_true (ee_rich_text_is_empty (ee_initiative_get_field (read, EE_FIELD_NAME)));
  g_assert_true (ee_rich_text_equal (ee_initiative_get_field (read, EE_FIELD_KEY_ROLE), ellipsis));
}

/* Each section of the page renders on its own as it does within the page,
 * so the preview can render and replace one section at a time. */
static void
test_sections (void)
{
  for (guint seed = 0; seed <= 60; seed++)
    {
      g_autoptr(EeDocument) document = seed == 0 ? ee_document_new_bundled ()
                                                 : ee_test_generate_document (seed, 1 + seed % 7, EE_GEN_HOSTILE);
      g_autoptr(GArray) sections = NULL;
      g_autoptr(GString) pieces = g_string_new (NULL);
      gsize length;
      g_autofree char *markdown = ee_export_page_markdown_sections (document, &length, &sections);
      g_autofree char *plain = ee_export_page_markdown (document, NULL);
      g_autofree char *whole = ee_render_html_fragment (markdown, length);
      guint n_initiatives = 0;

      g_assert_cmpstr (markdown, ==, plain);
      g_assert_cmpuint (sections->len, >=, 1 + 2 * ee_document_get_n_clusters (document));
      for (guint i = 0; i < sections->len; i++)
        {
          const EeExportSection *section = &g_array_index (sections, EeExportSection, i);
          g_autofree char *html = ee_render_html_fragment (markdown + section->start, section->end - section->start);

          g_assert_cmpuint (section->start, <=, section->end);
          g_assert_true (i == 0 || section->start >= g_array_index (sections, EeExportSection, i - 1).end);
          n_initiatives += section->kind == EE_SECTION_INITIATIVE;
          g_string_append (pieces, html);
        }
      g_assert_cmpuint (n_initiatives, ==, ee_document_count_initiatives (document));
      if (g_strcmp0 (pieces->str, whole) != 0)
        {
          g_test_message ("seed %u", seed);
          g_assert_cmpstr (pieces->str, ==, whole);
        }
    }
}

/* The page exported from fresh objects, with nothing kept from an earlier
 * export. */
static char *
export_fresh (EeDocument *document)
{
  g_autoptr(GBytes) bytes = ee_project_save_bytes (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(EeDocument) copy = ee_project_load_bytes (bytes, &error);

  g_assert_no_error (error);
  return ee_export_page_markdown (copy, NULL);
}

/* An initiative's Markdown is kept from one export to the next until its
 * content changes: every kind of change shows in the next export. */
static void
test_kept_until_changed (void)
{
  g_autoptr(EeDocument) document = ee_document_new_bundled ();
  EeInitiative *initiative = ee_cluster_get_initiative (ee_document_get_cluster (document, 1), 0);
  g_autoptr(EeRichText) text = ee_rich_text_new_plain ("Changed text");
  g_autofree char *first = ee_export_page_markdown (document, NULL);
  g_autofree char *again = ee_export_page_markdown (document, NULL);
  guint revision = ee_initiative_get_revision (initiative);

  g_assert_cmpstr (again, ==, first);
  for (guint change = 0; change < 11 + EE_N_FIELDS; change++)
    {
      g_autofree char *exported = NULL;
      g_autofree char *expected = NULL;

      switch (change)
        {
        case 0: ee_initiative_set_title (initiative, "Changed title"); break;
        case 1: ee_initiative_set_example (initiative, !ee_initiative_get_example (initiative)); break;
        case 2: ee_initiative_set_logo_path (initiative, "assets/changed.png"); break;
        case 3: ee_initiative_set_logo_alt (initiative, "Changed logo"); break;
        case 4: ee_initiative_set_logo_width (initiative, 321); break;
        case 5: ee_initiative_set_logo_attributes (initiative, "align=\"left\""); break;
        case 6: ee_initiative_set_leading (initiative, text); break;
        case 7: ee_initiative_set_trailing (initiative, text); break;
        case 8: ee_initiative_add_extra_field (initiative, "Changed label", 2, text); break;
        case 9: ee_initiative_clear_extra_fields (initiative); break;
        case 10: g_object_set (initiative, "title", "Set as a property", NULL); break;
        default: ee_initiative_set_field (initiative, change - 11, text); break;
        }
      g_test_message ("change %u", change);
      g_assert_cmpuint (ee_initiative_get_revision (initiative), >, revision);
      revision = ee_initiative_get_revision (initiative);
      exported = ee_export_page_markdown (document, NULL);
      expected = export_fresh (document);
      g_assert_cmpstr (exported, ==, expected);
    }
  /* No change, no new revision. */
  ee_initiative_set_title (initiative, "Set as a property");
  g_assert_cmpuint (ee_initiative_get_revision (initiative), ==, revision);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/bundled-golden", test_bundled_golden);
  g_test_add_func ("/export/template-import-golden", test_template_import_golden);
  g_test_add_func ("/export/fixpoint", test_export_fixpoint);
  g_test_add_func ("/export/escaping", test_escaping);
  g_test_add_func ("/export/placeholders", test_placeholders);
  g_test_add_func ("/export/random-round-trip", test_random_round_trip);
  g_test_add_func ("/export/sections", test_sections);
  g_test_add_func ("/export/kept-until-changed", test_kept_until_changed);

  return g_test_run ();
}
