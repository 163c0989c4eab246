/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The hub-folder layout: import of today's hub pages (tests/data/hub-folder,
 * a copy of the reference), export in the same shape, nothing lost, a
 * fixpoint, and switching layouts. */
#include <glib/gstdio.h>
#include <string.h>

#include "ee-core.h"
#include "ee-markdown-reader.h"
#include "ee-test-gen.h"

static GFile *
reference_folder (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hub-folder", NULL);
  return g_file_new_for_path (path);
}

static EeDocument *
import_reference (void)
{
  g_autoptr(GFile) folder = reference_folder ();
  g_autoptr(GError) error = NULL;
  EeDocument *document = ee_hub_folder_import (folder, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static char *
make_temp_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ee-hub-folder-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_remove (child);
    }
  g_rmdir (path);
}

static EeDocument *
write_and_import (EeDocument *document, const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  EeDocument *again;

  g_assert_true (ee_hub_folder_write (document, folder, &error));
  g_assert_no_error (error);
  again = ee_hub_folder_import (folder, &error);
  g_assert_no_error (error);
  return again;
}

/* Facts of a page ------------------------------------------------------------ */

typedef struct {
  GHashTable *initiatives;  /* "##" headings other than logo lines */
  GHashTable *links;        /* URLs of links and images, counted */
  GHashTable *emails;
  GHashTable *list_items;   /* each item's text, white space collapsed */
  GHashTable *words;        /* every word of the text, counted */
} Facts;

static void
facts_clear (Facts *facts)
{
  g_hash_table_unref (facts->initiatives);
  g_hash_table_unref (facts->links);
  g_hash_table_unref (facts->emails);
  g_hash_table_unref (facts->list_items);
  g_hash_table_unref (facts->words);
}

static void
count (GHashTable *table, const char *key)
{
  gpointer old = g_hash_table_lookup (table, key);
  g_hash_table_insert (table, g_strdup (key), GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
}

static char *
collapse (const char *text)
{
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *collapsed = g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
  return g_strdup (g_strstrip (collapsed));
}

static gboolean
contains_image (cmark_node *node)
{
  for (cmark_node *child = cmark_node_first_child (node); child; child = cmark_node_next (child))
    if (cmark_node_get_type (child) == CMARK_NODE_IMAGE)
      return TRUE;
  return FALSE;
}

static void
collect_facts (const char *markdown, Facts *facts)
{
  cmark_node *root = ee_markdown_parse (markdown, strlen (markdown));
  cmark_iter *iter = cmark_iter_new (root);
  g_autoptr(GRegex) email = g_regex_new ("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+", 0, 0, NULL);
  g_autoptr(GRegex) word = g_regex_new ("\\w+", G_REGEX_OPTIMIZE, 0, NULL);
  cmark_event_type event;

  facts->initiatives = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  facts->links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  facts->emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  facts->list_items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  facts->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;
      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_HEADING:
          if (cmark_node_get_heading_level (node) == 2 && !contains_image (node))
            {
              g_autofree char *text = ee_markdown_node_plain_text (node);
              g_autofree char *clean = collapse (text);
              count (facts->initiatives, clean);
            }
          break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
          count (facts->links, cmark_node_get_url (node));
          break;
        case CMARK_NODE_ITEM:
          {
            g_autofree char *text = ee_markdown_node_plain_text (node);
            g_autofree char *clean = collapse (text);
            count (facts->list_items, clean);
          }
          break;
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          {
            const char *literal = cmark_node_get_literal (node);
            g_autoptr(GMatchInfo) match = NULL;

            g_regex_match (word, literal, 0, &match);
            for (; g_match_info_matches (match); g_match_info_next (match, NULL))
              {
                g_autofree char *w = g_match_info_fetch (match, 0);
                count (facts->words, w);
              }
            g_clear_pointer (&match, g_match_info_unref);
            g_regex_match (email, literal, 0, &match);
            for (; g_match_info_matches (match); g_match_info_next (match, NULL))
              {
                g_autofree char *address = g_match_info_fetch (match, 0);
                count (facts->emails, address);
              }
          }
          break;
        default:
          break;
        }
    }
  cmark_iter_free (iter);
  cmark_node_free (root);
}

/* Every key of @a is in @b as often; reports the first one that is not. */
static void
assert_same_table (const char *file, const char *what, GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (b, key) || g_hash_table_lookup (b, key) != value)
      g_error ("%s: %s \"%s\" is there %u times before, %u times after", file, what, (char *) key,
               GPOINTER_TO_UINT (value), GPOINTER_TO_UINT (g_hash_table_lookup (b, key)));
  g_hash_table_iter_init (&iter, b);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (a, key))
      g_error ("%s: %s \"%s\" appears after the round trip", file, what, (char *) key);
}

static const EeHubFile *
find_file (GPtrArray *files, const char *name)
{
  for (guint i = 0; i < files->len; i++)
    {
      const EeHubFile *file = g_ptr_array_index (files, i);
      if (g_str_equal (file->name, name))
        return file;
    }
  return NULL;
}

/* Tests ------------------------------------------------------------------------ */

/* The reference folder reads into six clusters with their cards and pages,
 * and every initiative with its logo, attributes and fields. */
static void
test_import_reference (void)
{
  g_autoptr(EeDocument) document = import_reference ();
  static const char *ds_titles[] = { "DS4SSCC", "SIMPL", "GAIA-X" };
  static const char *ai_titles[] = {
    "CitCom.ai (CitComTEF)", "Big Data Test Infrastructure (BDTI) \xe2\x80\x93 European Commission",
    "deployAI - AI Deployment Platform for Smart Cities and Local Digital Twins",
    "AI4Europe \xe2\x80\x93 AI-on-Demand Platform for Europe",
    "LUMI AI Factory \xe2\x80\x93 European AI Infrastructure for Innovation",
    "BSC AI Factory \xe2\x80\x93 Supercomputing-Powered AI for Europe",
  };
  EeCluster *ds, *ai;
  EeInitiative *ds4sscc;
  g_autofree char *key_assets = NULL, *contact = NULL, *description = NULL;

  g_assert_cmpint (ee_document_get_layout (document), ==, EE_LAYOUT_FOLDER);
  g_assert_cmpstr (ee_document_get_title (document), ==, "Smart Communities Ecosystem & Resources");
  g_assert_cmpstr (ee_document_get_cards_title (document), ==, "Related Initiatives & Resources");
  g_assert_cmpuint (ee_document_get_n_clusters (document), ==, 6);

  ds = ee_document_get_cluster (document, 0);
  ai = ee_document_get_cluster (document, 1);
  g_assert_cmpstr (ee_cluster_get_short_title (ds), ==, "Data Spaces");
  g_assert_cmpstr (ee_cluster_get_card_title (ds), ==, "Data Spaces");
  g_assert_cmpstr (ee_cluster_get_card_icon (ds), ==, "material-database");
  g_assert_cmpstr (ee_cluster_get_page_file (ds), ==, "Data_Spaces_Related_Initiatives.md");
  g_assert_cmpstr (ee_cluster_get_title (ds), ==, "Data Spaces Related Initiatives");
  g_assert_cmpstr (ee_cluster_get_card_title (ee_document_get_cluster (document, 3)), ==, "CitiVERSE");
  g_assert_cmpstr (ee_cluster_get_page_file (ee_document_get_cluster (document, 5)), ==, "Cities_Network_Related_Initiatives.md");
  /* The AI page has no title line of its own. */
  g_assert_cmpstr (ee_cluster_get_title (ai), ==, "");

  g_assert_cmpuint (ee_cluster_get_n_initiatives (ds), ==, G_N_ELEMENTS (ds_titles));
  for (guint i = 0; i < G_N_ELEMENTS (ds_titles); i++)
    g_assert_cmpstr (ee_initiative_get_title (ee_cluster_get_initiative (ds, i)), ==, ds_titles[i]);
  g_assert_cmpuint (ee_cluster_get_n_initiatives (ai), ==, G_N_ELEMENTS (ai_titles));
  for (guint i = 0; i < G_N_ELEMENTS (ai_titles); i++)
    {
      EeInitiative *initiative = ee_cluster_get_initiative (ai, i);

      g_assert_cmpstr (ee_initiative_get_title (initiative), ==, ai_titles[i]);
      /* Every initiative has its logo (most underlined by "---", which
       * makes it a heading) and its fields, with no field left over. */
      g_assert_cmpstr (ee_initiative_get_logo_attributes (initiative), ==, "align=\"center\"");
      g_assert_cmpuint (ee_initiative_get_logo_width (initiative), >, 0);
      for (EeField f = EE_FIELD_SHORT_DESCRIPTION; f < EE_N_FIELDS; f++)
        g_assert_false (ee_rich_text_is_empty (ee_initiative_get_field (initiative, f)));
      g_assert_cmpuint (ee_initiative_get_n_extra_fields (initiative), ==, 0);
      g_assert_true (ee_rich_text_is_empty (ee_initiative_get_leading (initiative)));
    }

  ds4sscc = ee_cluster_get_initiative (ds, 0);
  g_assert_cmpstr (ee_initiative_get_logo_path (ds4sscc), ==, "../assets/ds4sscc_logo.png");
  g_assert_cmpstr (ee_initiative_get_logo_alt (ds4sscc), ==, "DS4SSCC Logo");
  g_assert_cmpuint (ee_initiative_get_logo_width (ds4sscc), ==, 300);
  /* Three paragraphs and a list, the list read as a list although it is
   * written right under its line of text. */
  description = g_strdup (ee_rich_text_get_markdown (ee_initiative_get_field (ds4sscc, EE_FIELD_SHORT_DESCRIPTION)));
  g_assert_cmpuint (ee_rich_text_get_n_blocks (ee_initiative_get_field (ds4sscc, EE_FIELD_SHORT_DESCRIPTION)), ==, 8);
  g_assert_true (g_str_has_prefix (description, "DS4SSCC (Data Space for Smart"));
  key_assets = ee_rich_text_to_plain (ee_initiative_get_field (ds4sscc, EE_FIELD_KEY_ASSETS));
  g_assert_true (g_str_has_prefix (key_assets, "[DS4SSCC Toolbox, DS4SSCC Blueprint"));
  contact = ee_rich_text_to_plain (ee_initiative_get_field (ds4sscc, EE_FIELD_CONTACT));
  g_assert_nonnull (strstr (contact, "support@ds4sscc.eu"));
  g_assert_cmpint (ee_rich_text_get_block (ee_initiative_get_field (ds4sscc, EE_FIELD_CONTACT), 0)->kind, ==, EE_BLOCK_BULLET);
}

/* Every initiative, title, link, e-mail address, list item and word of
 * the reference pages is there after import and export. */
static void
test_nothing_lost (void)
{
  g_autoptr(EeDocument) document = import_reference ();
  g_autoptr(GPtrArray) files = ee_hub_folder_export (document);
  g_autoptr(GFile) folder = reference_folder ();
  static const char *names[] = { "index.md", "Data_Spaces_Related_Initiatives.md", "AI_For_Smart_Cities_Related_Initiatives.md" };

  g_assert_cmpuint (files->len, ==, 7);
  g_assert_cmpstr (((EeHubFile *) g_ptr_array_index (files, 0))->name, ==, "index.md");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GFile) file = g_file_get_child (folder, names[i]);
      g_autofree char *original = NULL;
      const EeHubFile *exported = find_file (files, names[i]);
      Facts before, after;

      g_assert_true (g_file_load_contents (file, NULL, &original, NULL, NULL, NULL));
      g_assert_nonnull (exported);
      collect_facts (original, &before);
      collect_facts (exported->markdown, &after);

      assert_same_table (names[i], "initiative", before.initiatives, after.initiatives);
      /* A URL written as text becomes a link: the exporter writes bare URLs
       * as <https://…>, as the hub needs.  The AI page has one, in a link
       * broken by a space ("(https://living-in.eu/knowledge-base bdti-…)"),
       * which CommonMark reads as text. */
      {
        GHashTableIter iter;
        gpointer key, value;

        g_hash_table_iter_init (&iter, after.links);
        while (g_hash_table_iter_next (&iter, &key, &value))
          if (!g_hash_table_contains (before.links, key) && strstr (original, key) != NULL)
            {
              g_test_message ("%s: the text URL %s is a link now", names[i], (char *) key);
              g_hash_table_iter_remove (&iter);
            }
      }
      assert_same_table (names[i], "link", before.links, after.links);
      assert_same_table (names[i], "e-mail address", before.emails, after.emails);
      assert_same_table (names[i], "list item", before.list_items, after.list_items);
      assert_same_table (names[i], "word", before.words, after.words);
      if (i > 0)
        g_assert_cmpuint (g_hash_table_size (before.initiatives), >=, 3);
      if (i == 1)
        g_assert_cmpuint (g_hash_table_size (before.emails), ==, 3);
      facts_clear (&before);
      facts_clear (&after);
    }

  /* The exported pages keep the hub's shape. */
  {
    const EeHubFile *index_file = find_file (files, "index.md");
    const EeHubFile *ds_file = find_file (files, "Data_Spaces_Related_Initiatives.md");
    const char *index, *ds;

    g_assert_true (index_file != NULL && ds_file != NULL);
    index = index_file->markdown;
    ds = ds_file->markdown;

    g_assert_nonnull (strstr (index, "\n## Related Initiatives & Resources\n\n<div class=\"grid cards\" markdown>\n\n"
                                     "-   :material-database:{ .lg .middle } __Data Spaces__  \n"));
    g_assert_nonnull (strstr (index, "    [:octicons-arrow-right-24: View Details](Data_Spaces_Related_Initiatives.md)\n"));
    g_assert_true (g_str_has_suffix (index, "\n</div>\n"));
    g_assert_true (g_str_has_prefix (ds, "# Data Spaces Related Initiatives\n"));
    /* The rule under the logo is apart from it, and lists follow a blank
     * line. */
    g_assert_nonnull (strstr (ds, "\n## DS4SSCC\n\n![DS4SSCC Logo](../assets/ds4sscc_logo.png){ width=\"300\" align=\"center\" }\n\n---\n\n"
                                  "**Short Description:**  \nDS4SSCC (Data Space"));
    g_assert_nonnull (strstr (ds, "investment by:  \n\n- Co-creating"));
    g_assert_nonnull (strstr (ds, "**Main contact point:**  \n\n- General contact: support@ds4sscc.eu  \n"));
    g_assert_null (strstr (ds, ")\n---"));
    g_assert_null (strstr (ds, "}\n---"));
  }
}

/* Export, import, export: the same files, byte for byte; and the project
 * file of the imported document saves, loads and exports the same. */
static void
test_fixpoint (void)
{
  g_autoptr(EeDocument) document = import_reference ();
  g_autofree char *dir = make_temp_folder ();
  g_autoptr(GPtrArray) first = ee_hub_folder_export (document);
  g_autoptr(EeDocument) again = write_and_import (document, dir);
  g_autoptr(GPtrArray) second = ee_hub_folder_export (again);
  g_autoptr(GBytes) json1 = ee_project_save_bytes (document);
  g_autoptr(GBytes) json2 = ee_project_save_bytes (again);
  g_autoptr(GError) error = NULL;
  g_autoptr(EeDocument) loaded = ee_project_load_bytes (json1, &error);
  g_autoptr(GPtrArray) third = NULL;

  g_assert_cmpuint (first->len, ==, second->len);
  for (guint i = 0; i < first->len; i++)
    {
      const EeHubFile *a = g_ptr_array_index (first, i), *b = g_ptr_array_index (second, i);

      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_cmpstr (a->markdown, ==, b->markdown);
    }
  g_assert_true (g_bytes_equal (json1, json2));

  g_assert_no_error (error);
  g_assert_cmpint (ee_document_get_layout (loaded), ==, EE_LAYOUT_FOLDER);
  third = ee_hub_folder_export (loaded);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpstr (((EeHubFile *) g_ptr_array_index (first, i))->markdown, ==,
                     ((EeHubFile *) g_ptr_array_index (third, i))->markdown);
  remove_folder (dir);
}

static void assert_same_initiatives (EeDocument *a, EeDocument *b, gboolean compare_logo_attributes);

/* Generated documents, hostile text included: every initiative and field
 * reads back the same, and the folder export is a fixpoint. */
static void
test_generated_fixpoint (void)
{
  for (guint seed = 1; seed <= 30; seed++)
    {
      g_autoptr(EeDocument) generated = ee_test_generate_document (seed, seed % 9 + 1, seed % 3 ? EE_GEN_HOSTILE : EE_GEN_REALISTIC);
      g_autofree char *dir1 = make_temp_folder ();
      g_autofree char *dir2 = make_temp_folder ();
      g_autoptr(EeDocument) once = write_and_import (generated, dir1);
      g_autoptr(EeDocument) twice = write_and_import (once, dir2);
      g_autoptr(GPtrArray) a = ee_hub_folder_export (once);
      g_autoptr(GPtrArray) b = ee_hub_folder_export (twice);

      g_test_message ("seed %u", seed);
      g_assert_cmpuint (ee_document_count_initiatives (once), ==, ee_document_count_initiatives (generated));
      assert_same_initiatives (generated, once, TRUE);
      g_assert_cmpuint (a->len, ==, b->len);
      for (guint i = 0; i < a->len; i++)
        g_assert_cmpstr (((EeHubFile *) g_ptr_array_index (a, i))->markdown, ==,
                         ((EeHubFile *) g_ptr_array_index (b, i))->markdown);
      remove_folder (dir1);
      remove_folder (dir2);
    }
}

static void
assert_same_initiatives (EeDocument *a, EeDocument *b, gboolean compare_logo_attributes)
{
  g_assert_cmpuint (ee_document_get_n_clusters (a), ==, ee_document_get_n_clusters (b));
  for (guint c = 0; c < ee_document_get_n_clusters (a); c++)
    {
      EeCluster *ca = ee_document_get_cluster (a, c), *cb = ee_document_get_cluster (b, c);

      g_assert_cmpuint (ee_cluster_get_n_initiatives (ca), ==, ee_cluster_get_n_initiatives (cb));
      for (guint i = 0; i < ee_cluster_get_n_initiatives (ca); i++)
        {
          EeInitiative *x = ee_cluster_get_initiative (ca, i), *y = ee_cluster_get_initiative (cb, i);

          g_test_message ("cluster %u, initiative %u: %s", c, i, ee_initiative_get_title (x));
          g_assert_cmpstr (ee_initiative_get_title (x), ==, ee_initiative_get_title (y));
          g_assert_cmpint (ee_initiative_get_example (x), ==, ee_initiative_get_example (y));
          g_assert_cmpstr (ee_initiative_get_logo_path (x), ==, ee_initiative_get_logo_path (y));
          g_assert_cmpstr (ee_initiative_get_logo_alt (x), ==, ee_initiative_get_logo_alt (y));
          g_assert_cmpuint (ee_initiative_get_logo_width (x), ==, ee_initiative_get_logo_width (y));
          if (compare_logo_attributes)
            g_assert_cmpstr (ee_initiative_get_logo_attributes (x), ==, ee_initiative_get_logo_attributes (y));
          for (EeField f = 0; f < EE_N_FIELDS; f++)
            if (f == EE_FIELD_NAME && ee_rich_text_is_empty (ee_initiative_get_field (x, f)))
              {
                /* The folder layout names an initiative by its heading. */
                g_autofree char *name = ee_rich_text_to_plain (ee_initiative_get_field (y, f));
                g_assert_true (*name == 0 || g_str_equal (name, ee_initiative_get_title (y)));
              }
            else if (!ee_rich_text_equal (ee_initiative_get_field (x, f), ee_initiative_get_field (y, f)))
              g_error ("%s: %s: \"%s\" became \"%s\"", ee_initiative_get_title (x), ee_field_get_label (f),
                       ee_rich_text_get_markdown (ee_initiative_get_field (x, f)),
                       ee_rich_text_get_markdown (ee_initiative_get_field (y, f)));
          g_assert_cmpuint (ee_initiative_get_n_extra_fields (x), ==, ee_initiative_get_n_extra_fields (y));
          for (guint e = 0; e < ee_initiative_get_n_extra_fields (x); e++)
            {
              const EeExtraField *ex = ee_initiative_get_extra_field (x, e), *ey = ee_initiative_get_extra_field (y, e);
              g_assert_cmpstr (ex->label, ==, ey->label);
              g_assert_true (ee_rich_text_equal (ex->value, ey->value));
            }
        }
    }
}

static EeDocument *
through_page (EeDocument *document)
{
  gsize length;
  g_autofree char *page = ee_export_page_markdown (document, &length);
  g_autoptr(GError) error = NULL;
  EeDocument *again = ee_import_page_markdown (page, length, &error);

  g_assert_no_error (error);
  return again;
}

static void
notify_count (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* Page → folder → page: the template's page written as a hub folder and
 * read back, then as a page and read back, keeps every initiative and
 * field; and the other way round. */
static void
test_switch_layouts (void)
{
  g_autoptr(EeDocument) page = ee_document_new_bundled ();
  g_autoptr(EeDocument) folder = import_reference ();
  g_autofree char *dir1 = make_temp_folder ();
  g_autofree char *dir2 = make_temp_folder ();
  g_autoptr(EeDocument) as_folder = NULL, as_page_again = NULL, folder_as_page = NULL, folder_again = NULL;
  guint notified = 0;

  g_signal_connect (page, "notify::layout", G_CALLBACK (notify_count), &notified);
  ee_document_set_layout (page, EE_LAYOUT_FOLDER);
  g_assert_cmpuint (notified, ==, 1);
  as_folder = write_and_import (page, dir1);
  assert_same_initiatives (page, as_folder, TRUE);
  ee_document_set_layout (as_folder, EE_LAYOUT_PAGE);
  as_page_again = through_page (as_folder);
  assert_same_initiatives (page, as_page_again, TRUE);

  folder_as_page = through_page (folder);
  assert_same_initiatives (folder, folder_as_page, TRUE);
  folder_again = write_and_import (folder_as_page, dir2);
  assert_same_initiatives (folder, folder_again, TRUE);

  /* Switching the document itself keeps everything: back in the folder
   * layout, it exports the same files. */
  {
    g_autoptr(GPtrArray) before = ee_hub_folder_export (folder);
    g_autoptr(GPtrArray) after = NULL;
    g_autoptr(GBytes) saved = NULL;
    g_autoptr(EeDocument) loaded = NULL;

    ee_document_set_layout (folder, EE_LAYOUT_PAGE);
    saved = ee_project_save_bytes (folder);
    loaded = ee_project_load_bytes (saved, NULL);
    g_assert_cmpint (ee_document_get_layout (loaded), ==, EE_LAYOUT_PAGE);
    ee_document_set_layout (loaded, EE_LAYOUT_FOLDER);
    after = ee_hub_folder_export (loaded);
    for (guint i = 0; i < before->len; i++)
      g_assert_cmpstr (((EeHubFile *) g_ptr_array_index (before, i))->markdown, ==,
                       ((EeHubFile *) g_ptr_array_index (after, i))->markdown);
  }
  remove_folder (dir1);
  remove_folder (dir2);
}

/* Any one page of the folder opens the whole folder. */
static void
test_open_by_page (void)
{
  g_autoptr(GFile) folder = reference_folder ();
  g_autoptr(GFile) page = g_file_get_child (folder, "AI_For_Smart_Cities_Related_Initiatives.md");
  g_autoptr(GFile) index = g_file_get_child (folder, "index.md");
  g_autoptr(GFile) template = NULL;
  g_autofree char *template_path = g_test_build_filename (G_TEST_DIST, "data", "ecosystem-page-template.md", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(EeDocument) from_folder = import_reference ();
  g_autoptr(EeDocument) from_page = ee_hub_folder_import (page, &error);
  g_autoptr(GBytes) a = ee_project_save_bytes (from_folder);
  g_autoptr(GBytes) b = NULL;

  g_assert_no_error (error);
  b = ee_project_save_bytes (from_page);
  g_assert_true (g_bytes_equal (a, b));

  /* The loader the editor opens files with does the same. */
  {
    g_autoptr(EeDocument) loaded = ee_loader_load_file (page, &error);
    g_autoptr(GBytes) c = NULL;

    g_assert_no_error (error);
    c = ee_project_save_bytes (loaded);
    g_assert_true (g_bytes_equal (a, c));
  }

  g_assert_true (ee_hub_folder_recognise (folder));
  g_assert_true (ee_hub_folder_recognise (page));
  g_assert_true (ee_hub_folder_recognise (index));
  template = g_file_new_for_path (template_path);
  g_assert_false (ee_hub_folder_recognise (template));
}

static void
write_text (const char *dir, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* Errors name the file and the line; card links outside the folder are
 * neither read nor written. */
static void
test_errors_and_names (void)
{
  g_autofree char *dir = make_temp_folder ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(EeDocument) document = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *name = NULL;

  document = ee_hub_folder_import (folder, &error);
  g_assert_null (document);
  g_assert_error (error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_NOT_HUB_PAGE);
  g_assert_true (g_str_has_prefix (error->message, "index.md: not found"));
  g_clear_error (&error);

  write_text (dir, "index.md", "# Hub\n\nIntro.\n\n- **A** \xe2\x80\x93 a\n- **B** \xe2\x80\x93 b\n- **C** \xe2\x80\x93 c\n\n"
                               "## Cards\n\n<div class=\"grid cards\" markdown>\n\n"
                               "-   __A__\n\n    a\n\n    [Go](A.md)\n\n"
                               "-   __B__\n\n    b\n\n    [Go](../outside.md)\n\n"
                               "-   __C__\n\n    c\n\n    [Go](a.md)\n\n</div>\n\nFooter *text*.\n");
  write_text (dir, "A.md", "# A page\n\nIntro.\n\n## One\n\n**Short Description:**  \nFine\n\xff\n");
  document = ee_hub_folder_import (folder, &error);
  g_assert_null (document);
  g_assert_error (error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_NOT_HUB_PAGE);
  g_assert_cmpstr (error->message, ==, "A.md: line 9: this is not a text file (expected a Markdown hub page in UTF-8)");
  g_clear_error (&error);

  write_text (dir, "A.md", "# A page\n\nIntro.\n\n## One\n\n**Short Description:**  \nFine\n\n**Funding:**  \nEU\n");
  document = ee_hub_folder_import (folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ee_document_get_n_clusters (document), ==, 3);
  g_assert_cmpuint (ee_cluster_get_n_initiatives (ee_document_get_cluster (document, 0)), ==, 1);
  /* A label the template does not have is kept as an extra field. */
  g_assert_cmpuint (ee_initiative_get_n_extra_fields (ee_cluster_get_initiative (ee_document_get_cluster (document, 0), 0)), ==, 1);
  g_assert_cmpstr (ee_cluster_get_page_file (ee_document_get_cluster (document, 1)), ==, "../outside.md");

  /* What follows the card grid stays after it. */
  {
    g_autoptr(GPtrArray) files = ee_hub_folder_export (document);
    const char *index = ((EeHubFile *) g_ptr_array_index (files, 0))->markdown;
    g_autofree char *out = make_temp_folder ();
    g_autoptr(EeDocument) again = write_and_import (document, out);
    g_autoptr(GPtrArray) files_again = ee_hub_folder_export (again);

    g_assert_true (g_str_has_suffix (index, "\n</div>\n\nFooter *text*.  \n"));
    g_assert_cmpstr (((EeHubFile *) g_ptr_array_index (files_again, 0))->markdown, ==, index);
    remove_folder (out);
  }

  names = ee_hub_folder_get_page_files (document);
  g_assert_cmpstr (names[0], ==, "A.md");
  /* Not a file of the folder: named after the cluster instead. */
  g_assert_cmpstr (names[1], ==, "B_Related_Initiatives.md");
  /* "a.md" and "A.md" are one file on some file systems. */
  g_assert_cmpstr (names[2], ==, "a_2.md");
  g_assert_null (names[3]);

  name = ee_hub_folder_default_page_file ("Interoperability & MIMs");
  g_assert_cmpstr (name, ==, "Interoperability_and_MIMs_Related_Initiatives.md");

  remove_folder (dir);
}

static void
test_image_attributes (void)
{
  guint width;
  g_autofree char *others = NULL;
  g_autofree char *only = NULL;
  g_autofree char *none = NULL;

  g_assert_true (ee_image_attributes_parse ("{ width=\"300\" align=\"center\" }", &width, &others));
  g_assert_cmpuint (width, ==, 300);
  g_assert_cmpstr (others, ==, "align=\"center\"");
  g_assert_true (ee_image_attributes_parse (" {: .logo title='a b' width=120 } ", &width, &only));
  g_assert_cmpuint (width, ==, 120);
  g_assert_cmpstr (only, ==, ".logo title='a b'");
  g_assert_false (ee_image_attributes_parse ("width=\"300\"", &width, &none));
  g_assert_null (none);
}

/* Asserts that @markdown is @expected, and that its sections render on
 * their own as within the page.  Returns how many initiatives it shows. */
static guint
check_page_sections (const char *expected,
                     const char *markdown,
                     gsize       length,
                     GArray     *sections)
{
  g_autofree char *whole = ee_render_html_fragment (markdown, length);
  g_autoptr(GString) pieces = g_string_new (NULL);
  guint n_initiatives = 0;

  g_assert_cmpstr (markdown, ==, expected);
  g_assert_cmpuint (length, ==, strlen (expected));
  g_assert_cmpuint (sections->len, >=, 1);
  for (guint i = 0; i < sections->len; i++)
    {
      const EeExportSection *section = &g_array_index (sections, EeExportSection, i);
      g_autofree char *html = ee_render_html_fragment (markdown + section->start, section->end - section->start);

      g_assert_cmpuint (section->start, <=, section->end);
      g_assert_true (i == 0 || section->start >= g_array_index (sections, EeExportSection, i - 1).end);
      /* Only blank lines between sections. */
      for (gsize k = i == 0 ? 0 : g_array_index (sections, EeExportSection, i - 1).end; k < section->start; k++)
        g_assert_cmpint (markdown[k], ==, '\n');
      n_initiatives += section->kind == EE_SECTION_INITIATIVE;
      g_string_append (pieces, html);
    }
  g_assert_cmpuint (g_array_index (sections, EeExportSection, sections->len - 1).end, >=, length - 1);
  g_assert_cmpstr (pieces->str, ==, whole);
  return n_initiatives;
}

/* Each page of the folder, as the preview shows it: the same Markdown as
 * the files, in sections that render on their own as within the page. */
static void
test_page_sections (void)
{
  for (guint seed = 0; seed <= 40; seed++)
    {
      g_autoptr(EeDocument) document = seed == 0 ? import_reference ()
                                                 : ee_test_generate_document (seed, 1 + seed % 7, seed % 3 ? EE_GEN_HOSTILE : EE_GEN_REALISTIC);
      g_autoptr(GPtrArray) files = ee_hub_folder_export (document);
      g_autoptr(GArray) sections = NULL;
      gsize length;
      g_autofree char *index = ee_hub_folder_export_page (document, NULL, &length, &sections);

      g_test_message ("seed %u", seed);
      check_page_sections (((EeHubFile *) files->pdata[0])->markdown, index, length, sections);
      g_assert_cmpuint (sections->len, ==, 1);
      g_assert_true (g_array_index (sections, EeExportSection, 0).object == G_OBJECT (document));

      for (guint c = 0; c < ee_document_get_n_clusters (document); c++)
        {
          EeCluster *cluster = ee_document_get_cluster (document, c);
          g_autoptr(GArray) parts = NULL;
          g_autofree char *page = ee_hub_folder_export_page (document, cluster, &length, &parts);
          guint n = check_page_sections (((EeHubFile *) files->pdata[c + 1])->markdown, page, length, parts);

          g_assert_cmpuint (n, ==, ee_cluster_get_n_initiatives (cluster));
          for (guint i = 0; i < parts->len; i++)
            {
              const EeExportSection *section = &g_array_index (parts, EeExportSection, i);

              if (section->kind == EE_SECTION_INITIATIVE)
                g_assert_true (ee_document_find_initiative (document, EE_INITIATIVE (section->object), NULL) == cluster);
              else
                g_assert_true (section->object == G_OBJECT (cluster));
            }
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub-folder/import-reference", test_import_reference);
  g_test_add_func ("/hub-folder/nothing-lost", test_nothing_lost);
  g_test_add_func ("/hub-folder/fixpoint", test_fixpoint);
  g_test_add_func ("/hub-folder/generated-fixpoint", test_generated_fixpoint);
  g_test_add_func ("/hub-folder/switch-layouts", test_switch_layouts);
  g_test_add_func ("/hub-folder/open-by-page", test_open_by_page);
  g_test_add_func ("/hub-folder/errors-and-names", test_errors_and_names);
  g_test_add_func ("/hub-folder/image-attributes", test_image_attributes);
  g_test_add_func ("/hub-folder/page-sections", test_page_sections);

  return g_test_run ();
}
