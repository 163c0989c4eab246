/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-core.h"

static char *
read_data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static char *
normalise (const char *markdown, gssize length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(EeDocument) document = ee_import_page_markdown (markdown, length < 0 ? strlen (markdown) : (gsize) length, &error);

  g_assert_no_error (error);
  return ee_export_page_markdown (document, NULL);
}

/* The ways people write the same page all read into the same model. */
static void
test_variants (void)
{
  g_autofree char *canonical = normalise (
    "# Page\n\n"
    "- **Data Spaces** – Data space initiatives.\n\n"
    "## Data Spaces Related Initiatives\n\n"
    "**Example: CitCom.ai**\n\n"
    "- **Initiative name:** CitCom.ai (CitComTEF)\n"
    "- **Short Description:** Large-scale *TEF*.\n"
    "- **Key role in the LDT Ecosystem:** \xe2\x80\xa6\n"
    "- **Relevance to LDT4SSC:**\n"
    "    - Supplies services → <https://citcomtef.eu/services>\n"
    "    - Reports → [Market Report](https://citcomtef.eu/r.pdf)\n"
    "        - nested point\n"
    "- **Key Assets and Resources:** TEFs\n"
    "- **Webpage / Reference Link:** <https://www.citcom.ai>\n"
    "- **Main contact point:** Tamara De Swert (IMEC)\n", -1);
  static const char *variants[] = {
    /* star bullets, two-space nesting, bare URLs, no blank lines */
    "# Page\n"
    "* **Data Spaces** – Data space initiatives.\n\n"
    "## Data Spaces Related Initiatives\n"
    "**Example: CitCom.ai**\n"
    "* **Initiative name:** CitCom.ai (CitComTEF)\n"
    "* **Short Description:** Large-scale *TEF*.\n"
    "* **Key role in the LDT Ecosystem:** \xe2\x80\xa6\n"
    "* **Relevance to LDT4SSC:**\n"
    "  * Supplies services → https://citcomtef.eu/services\n"
    "  * Reports → [Market Report](https://citcomtef.eu/r.pdf)\n"
    "    * nested point\n"
    "* **Key Assets and Resources:** TEFs\n"
    "* **Webpage / Reference Link:** https://www.citcom.ai\n"
    "* **Main contact point:** Tamara De Swert (IMEC)\n",
    /* CRLF, a byte-order mark, plus bullets, tabs, trailing white space */
    "\xef\xbb\xbf# Page  \r\n\r\n"
    "+ **Data Spaces** – Data space initiatives.  \r\n\r\n\r\n"
    "## Data Spaces Related Initiatives   \r\n\r\n"
    "**Example: CitCom.ai**  \r\n\r\n"
    "+ **Initiative name:** CitCom.ai (CitComTEF)  \r\n"
    "+ **Short Description:** Large-scale *TEF*.  \r\n"
    "+ **Key role in the LDT Ecosystem:** \xe2\x80\xa6  \r\n"
    "+ **Relevance to LDT4SSC:**  \r\n"
    "\t+ Supplies services → <https://citcomtef.eu/services>\r\n"
    "\t+ Reports → [Market Report](https://citcomtef.eu/r.pdf)\r\n"
    "\t\t+ nested point\r\n"
    "+ **Key Assets and Resources:** TEFs\r\n"
    "+ **Webpage / Reference Link:** [https://www.citcom.ai](https://www.citcom.ai)\r\n"
    "+ **Main contact point:** Tamara De Swert (IMEC)",
    /* colons outside the labels, fields in another order, one missing and
     * written as nothing, extra blank lines */
    "# Page\n\n\n"
    "- **Data Spaces** - Data space initiatives.\n\n\n"
    "## Data Spaces Related Initiatives\n\n\n"
    "**Example: CitCom.ai**\n\n"
    "- **Webpage / Reference Link**: <https://www.citcom.ai>\n"
    "- **Initiative name**: CitCom.ai (CitComTEF)\n"
    "- **Relevance to LDT4SSC**:\n"
    "    - Supplies services → <https://citcomtef.eu/services>\n"
    "    - Reports → [Market Report](https://citcomtef.eu/r.pdf)\n"
    "        - nested point\n"
    "- **Short Description**: Large-scale _TEF_.\n"
    "- **Main contact point**: Tamara De Swert (IMEC)\n"
    "- **Key Assets and Resources**: TEFs\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autofree char *again = normalise (variants[i], -1);
      g_test_message ("variant %u", i);
      g_assert_cmpstr (again, ==, canonical);
    }
}

/* What the model has no place for is kept in its place. */
static void
test_kept_as_written (void)
{
  const char *page =
    "# Page\n\n"
    "- **Data Spaces** – Data space initiatives.\n\n"
    "<!-- a comment for editors -->\n\n"
    "## Data Spaces Related Initiatives\n\n"
    "Intro.\n\n"
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
    "**SIMPL**\n\n"
    "- **Initiative name:** SIMPL\n"
    "- **Funding:** Digital Europe\n"
    "- **Short Description:** Platform.\n\n"
    "An extra paragraph after the fields.\n\n"
    "![diagram](assets/simpl.png)\n";
  g_autofree char *once = normalise (page, -1);
  g_autofree char *twice = normalise (once, -1);

  g_assert_cmpstr (twice, ==, once);
  g_assert_nonnull (strstr (once, "<!-- a comment for editors -->"));
  g_assert_nonnull (strstr (once, "| a | b |\n|---|---|\n| 1 | 2 |"));
  g_assert_nonnull (strstr (once, "- **Initiative name:** SIMPL  \n- **Funding:** Digital Europe  \n- **Short Description:** Platform.  "));
  g_assert_nonnull (strstr (once, "An extra paragraph after the fields."));
  g_assert_nonnull (strstr (once, "![diagram](assets/simpl.png)"));
}

/* Files that are not hub pages get an error naming what was expected and
 * where, and no document. */
static void
test_not_hub_pages (void)
{
  g_autofree char *huge = g_malloc (EE_MAX_FILE_SIZE + 2);
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  const struct {
    const char *name;
    const char *text;
    gsize       length;
    int         code;
    const char *message;
  } cases[] = {
    { "empty", "", 0, EE_PROJECT_ERROR_EMPTY, "the file is empty; expected a hub page" },
    { "readme", "# ecosystem-editor\n\nA tool.\n\n## Building\n\n    meson setup build\n\n## Licence\n\nGPL.\n", 0,
      EE_PROJECT_ERROR_NOT_HUB_PAGE, "line 5: expected the clusters of a hub page" },
    { "no title", "Some text.\n\n# Late title\n", 0, EE_PROJECT_ERROR_NOT_HUB_PAGE,
      "line 1: expected the page title (\"# Smart Communities Ecosystem & Resources\"), found a paragraph" },
    { "binary", binary, sizeof binary - 1, EE_PROJECT_ERROR_NOT_HUB_PAGE, "line 1: this is not a text file" },
    { "invalid UTF-8", "# Page\n\ncaf\xe9\n", 0, EE_PROJECT_ERROR_NOT_HUB_PAGE, "line 3: this is not a text file" },
    { "huge", huge, EE_MAX_FILE_SIZE + 1, EE_PROJECT_ERROR_TOO_LARGE, "the file is 100 MB; pages over 100 MB" },
  };

  memset (huge, 'a', EE_MAX_FILE_SIZE + 1);
  huge[EE_MAX_FILE_SIZE + 1] = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize length = cases[i].length ? cases[i].length : strlen (cases[i].text);
      g_autoptr(EeDocument) document = ee_import_page_markdown (cases[i].text, length, &error);

      g_test_message ("case: %s", cases[i].name);
      g_assert_null (document);
      g_assert_error (error, EE_PROJECT_ERROR, cases[i].code);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %s: expected a message starting \"%s\", got \"%s\"", cases[i].name, cases[i].message, error->message);
    }
}

/* Each page under data/variants/ exports as its .expected.md. */
static void
test_variant_files (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "variants", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint checked = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *base = NULL;
      g_autofree char *page = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *exported = NULL;
      g_autofree char *again = NULL;
      g_autofree char *expected_name = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".expected.md"))
        continue;
      base = g_strndup (name, strlen (name) - 3);
      expected_name = g_strconcat (base, ".expected.md", NULL);
      {
        g_autofree char *path = g_build_filename (dir_path, name, NULL);
        g_autofree char *expected_path = g_build_filename (dir_path, expected_name, NULL);
        g_autoptr(GError) error = NULL;

        g_file_get_contents (path, &page, &length, &error);
        g_assert_no_error (error);
        g_file_get_contents (expected_path, &expected, NULL, &error);
        g_assert_no_error (error);
      }
      g_test_message ("variant %s", name);
      exported = normalise (page, length);
      g_assert_cmpstr (exported, ==, expected);
      /* The canonical form is a fixpoint. */
      again = normalise (exported, -1);
      g_assert_cmpstr (again, ==, exported);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 7);
}

static void
test_reference_pages (void)
{
  g_autofree char *template = read_data_file ("ecosystem-page-template.md");
  g_autofree char *expected = read_data_file ("ecosystem-page-expected-export.md");
  g_autofree char *exported = normalise (template, -1);
  g_autofree char *again = normalise (expected, -1);

  g_assert_cmpstr (exported, ==, expected);
  g_assert_cmpstr (again, ==, expected);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/reference-pages", test_reference_pages);
  g_test_add_func ("/import/variants", test_variants);
  g_test_add_func ("/import/variant-files", test_variant_files);
  g_test_add_func ("/import/kept-as-written", test_kept_as_written);
  g_test_add_func ("/import/not-hub-pages", test_not_hub_pages);

  return g_test_run ();
}
