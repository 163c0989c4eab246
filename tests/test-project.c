/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-core.h"
#include "ee-test-gen.h"

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static EeDocument *
load_text (const char *text, GError **error)
{
  g_autoptr(GBytes) bytes = bytes_of (text);
  return ee_project_load_bytes (bytes, error);
}

/* The bundled project file loads and saves to the same bytes. */
static void
test_bundled_round_trip (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "ecosystem-page.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = g_file_load_bytes (file, NULL, NULL, &error);
  g_autoptr(EeDocument) document = NULL;
  g_autoptr(GBytes) saved = NULL;

  g_assert_no_error (error);
  document = ee_project_load_bytes (original, &error);
  g_assert_no_error (error);
  saved = ee_project_save_bytes (document);
  g_assert_true (g_bytes_equal (original, saved));
}

/* Deterministic output: two-space indentation, "key": value, UTF-8 as is,
 * a trailing newline. */
static void
test_format (void)
{
  g_autoptr(EeDocument) document = ee_document_new_bundled ();
  g_autoptr(GBytes) bytes = ee_project_save_bytes (document);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"ldt4ssc-ecosystem-page\",\n  \"version\": 1,\n"));
  g_assert_true (g_str_has_suffix (text, "\n}\n"));
  g_assert_nonnull (strstr (text, "framework \xe2\x80\x94 a legal"));
  g_assert_null (strstr (text, "\\u"));
}

/* Load, save, load, save: the same bytes, for generated documents. */
static void
test_random_round_trip (void)
{
  for (guint seed = 1; seed <= 100; seed++)
    {
      g_autoptr(EeDocument) document = ee_test_generate_document (seed, seed % 13, seed % 2 ? EE_GEN_HOSTILE : EE_GEN_REALISTIC);
      g_autoptr(GBytes) first = ee_project_save_bytes (document);
      g_autoptr(GError) error = NULL;
      g_autoptr(EeDocument) loaded = ee_project_load_bytes (first, &error);
      g_autoptr(GBytes) second = NULL;

      g_assert_no_error (error);
      second = ee_project_save_bytes (loaded);
      if (!g_bytes_equal (first, second))
        {
          g_autofree char *a = g_strndup (g_bytes_get_data (first, NULL), g_bytes_get_size (first));
          g_autofree char *b = g_strndup (g_bytes_get_data (second, NULL), g_bytes_get_size (second));
          g_test_message ("seed %u", seed);
          g_assert_cmpstr (b, ==, a);
        }
    }
}

static char *
deep_nesting (guint depth)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

/* Every bad file gives a clear error that names the place, and no
 * document. */
static void
test_bad_files (void)
{
  g_autoptr(EeDocument) bundled = ee_document_new_bundled ();
  g_autoptr(GBytes) good = ee_project_save_bytes (bundled);
  g_autofree char *truncated = g_strndup (g_bytes_get_data (good, NULL), g_bytes_get_size (good) / 2);
  g_autofree char *deep = deep_nesting (100000);
  static const char *head = "{\"format\": \"ldt4ssc-ecosystem-page\", \"version\": 1, ";
  g_autofree char *wrong_title = g_strconcat (head, "\"page\": {}, \"clusters\": [{}, {}, {\"initiatives\": [{\"title\": 42}]}]}", NULL);
  g_autofree char *wrong_list = g_strconcat (head, "\"page\": {}, \"clusters\": {}}", NULL);
  g_autofree char *wrong_field = g_strconcat (head, "\"page\": {}, \"clusters\": [{\"initiatives\": [{\"relevance\": [\"x\"]}]}]}", NULL);
  g_autofree char *wrong_bool = g_strconcat (head, "\"page\": {}, \"clusters\": [{\"initiatives\": [{\"example\": \"yes\"}]}]}", NULL);
  g_autofree char *no_page = g_strconcat (head, "\"clusters\": []}", NULL);
  const struct {
    const char *name;
    const char *text;
    int         code;
    const char *message;
  } cases[] = {
    { "empty", "", EE_PROJECT_ERROR_EMPTY, "the file is empty" },
    { "blank", "  \n", EE_PROJECT_ERROR_EMPTY, "the file holds no JSON value" },
    { "truncated", truncated, EE_PROJECT_ERROR_NOT_JSON, "not a valid JSON file" },
    { "not JSON", "# Smart Communities\n", EE_PROJECT_ERROR_NOT_JSON, "not a valid JSON file" },
    { "invalid UTF-8", "{\"format\": \"\xff\xfe\"}", EE_PROJECT_ERROR_NOT_JSON, "line 1: the file is not valid UTF-8 text" },
    { "deeply nested", deep, EE_PROJECT_ERROR_STRUCTURE, "line 1: nested more than 64 levels deep" },
    { "not an object", "[1, 2]", EE_PROJECT_ERROR_STRUCTURE, "(top level): expected an object, found a list" },
    { "no format", "{\"version\": 1}", EE_PROJECT_ERROR_STRUCTURE, "format: missing; expected a string" },
    { "other format", "{\"format\": \"x\", \"version\": 1}", EE_PROJECT_ERROR_STRUCTURE, "format: \"x\" is not an Ecosystem Editor project" },
    { "newer version", "{\"format\": \"ldt4ssc-ecosystem-page\", \"version\": 7}", EE_PROJECT_ERROR_NEWER_VERSION,
      "version: the file was written by a newer version of the editor (format version 7)" },
    { "version not a number", "{\"format\": \"ldt4ssc-ecosystem-page\", \"version\": \"1\"}", EE_PROJECT_ERROR_STRUCTURE,
      "version: expected a whole number" },
    { "no page", no_page, EE_PROJECT_ERROR_STRUCTURE, "page: missing; expected an object" },
    { "wrong title type", wrong_title, EE_PROJECT_ERROR_STRUCTURE, "clusters[2].initiatives[0].title: expected a string, found a number" },
    { "clusters not a list", wrong_list, EE_PROJECT_ERROR_STRUCTURE, "clusters: expected a list, found an object" },
    { "field not text", wrong_field, EE_PROJECT_ERROR_STRUCTURE, "clusters[0].initiatives[0].relevance: expected a string, found a list" },
    { "flag not boolean", wrong_bool, EE_PROJECT_ERROR_STRUCTURE, "clusters[0].initiatives[0].example: expected true or false, found a string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(EeDocument) document = load_text (cases[i].text, &error);

      g_test_message ("case: %s", cases[i].name);
      g_assert_null (document);
      g_assert_error (error, EE_PROJECT_ERROR, cases[i].code);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %s: expected a message starting \"%s\", got \"%s\"", cases[i].name, cases[i].message, error->message);
    }
}

/* A NUL byte inside the data is refused, not read as the end of the file. */
static void
test_nul_byte (void)
{
  static const char data[] = "{\"format\": \"ldt4ssc-ecosystem-page\",\0 \"version\": 1}";
  g_autoptr(GBytes) bytes = g_bytes_new (data, sizeof data - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(EeDocument) document = ee_project_load_bytes (bytes, &error);

  g_assert_null (document);
  g_assert_nonnull (error);
}

static void
count_notify (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  (*(guint *) user_data)++;
}

/* The folder layout and what it needs (cards, page files, logo attributes)
 * are stored as version 2 and read back; a page-layout document stays
 * version 1 without any of the new members. */
static void
test_layout_round_trip (void)
{
  g_autoptr(EeDocument) document = ee_document_new_bundled ();
  g_autoptr(GBytes) v1 = ee_project_save_bytes (document);
  g_autofree char *v1_text = g_strndup (g_bytes_get_data (v1, NULL), g_bytes_get_size (v1));
  g_autoptr(EeRichText) card_text = ee_rich_text_new_from_markdown ("Card **text**", -1);
  g_autoptr(GBytes) v2 = NULL, again = NULL, back = NULL;
  g_autoptr(EeDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *v2_text = NULL;
  EeCluster *cluster = ee_document_get_cluster (document, 1);
  EeInitiative *initiative = ee_cluster_get_initiative (cluster, 0);
  guint notified = 0;

  g_assert_cmpint (ee_document_get_layout (document), ==, EE_LAYOUT_PAGE);
  g_assert_null (strstr (v1_text, "\"layout\""));
  g_assert_null (strstr (v1_text, "\"card\""));

  g_signal_connect (document, "notify::layout", G_CALLBACK (count_notify), &notified);
  ee_document_set_layout (document, EE_LAYOUT_FOLDER);
  ee_document_set_layout (document, EE_LAYOUT_FOLDER);
  g_assert_cmpuint (notified, ==, 1);
  ee_document_set_cards_title (document, "Related Initiatives & Resources");
  ee_document_set_cards_trailing (document, card_text);
  ee_cluster_set_card_title (cluster, "AI for Smart Cities");
  ee_cluster_set_card_icon (cluster, "material-robot-excited");
  ee_cluster_set_card_text (cluster, card_text);
  ee_cluster_set_page_file (cluster, "AI_For_Smart_Cities_Related_Initiatives.md");
  ee_initiative_set_logo_path (initiative, "../assets/citcom_logo.PNG");
  ee_initiative_set_logo_attributes (initiative, "align=\"center\"");

  v2 = ee_project_save_bytes (document);
  v2_text = g_strndup (g_bytes_get_data (v2, NULL), g_bytes_get_size (v2));
  g_assert_true (g_str_has_prefix (v2_text, "{\n  \"format\": \"ldt4ssc-ecosystem-page\",\n  \"version\": 2,\n"
                                            "  \"layout\": \"folder\",\n"));
  g_assert_nonnull (strstr (v2_text, "\"page\": \"AI_For_Smart_Cities_Related_Initiatives.md\""));
  g_assert_nonnull (strstr (v2_text, "\"attributes\": \"align=\\\"center\\\"\""));

  loaded = ee_project_load_bytes (v2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ee_document_get_layout (loaded), ==, EE_LAYOUT_FOLDER);
  g_assert_cmpstr (ee_document_get_cards_title (loaded), ==, "Related Initiatives & Resources");
  g_assert_true (ee_rich_text_equal (ee_document_get_cards_trailing (loaded), card_text));
  cluster = ee_document_get_cluster (loaded, 1);
  g_assert_cmpstr (ee_cluster_get_card_title (cluster), ==, "AI for Smart Cities");
  g_assert_cmpstr (ee_cluster_get_card_icon (cluster), ==, "material-robot-excited");
  g_assert_true (ee_rich_text_equal (ee_cluster_get_card_text (cluster), card_text));
  g_assert_cmpstr (ee_cluster_get_page_file (cluster), ==, "AI_For_Smart_Cities_Related_Initiatives.md");
  g_assert_cmpstr (ee_initiative_get_logo_attributes (ee_cluster_get_initiative (cluster, 0)), ==, "align=\"center\"");
  again = ee_project_save_bytes (loaded);
  g_assert_true (g_bytes_equal (v2, again));

  /* Back to the page layout without the new members: version 1 again,
   * byte for byte. */
  ee_document_set_layout (document, EE_LAYOUT_PAGE);
  ee_document_set_cards_title (document, NULL);
  ee_document_set_cards_trailing (document, NULL);
  cluster = ee_document_get_cluster (document, 1);
  ee_cluster_set_card_title (cluster, NULL);
  ee_cluster_set_card_icon (cluster, NULL);
  ee_cluster_set_card_text (cluster, NULL);
  ee_cluster_set_page_file (cluster, NULL);
  ee_initiative_set_logo_attributes (initiative, NULL);
  ee_initiative_set_logo_path (initiative, NULL);
  back = ee_project_save_bytes (document);
  g_assert_true (g_bytes_equal (v1, back));
}

/* A layout this version does not know is refused with its place. */
static void
test_bad_layout (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EeDocument) document =
    load_text ("{\"format\": \"ldt4ssc-ecosystem-page\", \"version\": 2, \"layout\": \"book\", \"page\": {}, \"clusters\": []}", &error);

  g_assert_null (document);
  g_assert_error (error, EE_PROJECT_ERROR, EE_PROJECT_ERROR_STRUCTURE);
  g_assert_cmpstr (error->message, ==, "layout: \"book\" is not a layout (expected \"page\" or \"folder\")");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project/bundled-round-trip", test_bundled_round_trip);
  g_test_add_func ("/project/format", test_format);
  g_test_add_func ("/project/random-round-trip", test_random_round_trip);
  g_test_add_func ("/project/bad-files", test_bad_files);
  g_test_add_func ("/project/nul-byte", test_nul_byte);
  g_test_add_func ("/project/layout-round-trip", test_layout_round_trip);
  g_test_add_func ("/project/bad-layout", test_bad_layout);

  return g_test_run ();
}
