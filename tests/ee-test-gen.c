/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-test-gen.h"
#include "ee-markdown-writer.h"

static const char *plain_words[] = {
  "smart", "city", "data", "space", "digital", "twin", "interoperable", "pilot", "platform",
  "European", "LDT4SSC", "services", "AI", "testing", "facility", "governance", "(TEF)",
  "AI/robotics", "e.g.,", "10–12", "CitCom.ai", "DS4SSCC", "support@ds4sscc.eu", "MIMs,",
  "standards.", "→", "—", "Living-in.EU", "R&D", "open-source", "Gaia-X’s", "2024",
};

/* Each of these has a meaning in Markdown, Python-Markdown or one of the
 * hub's extensions, or is text that renderers treat differently. */
static const char *hostile_words[] = {
  "*", "**", "_", "__", "snake_case", "a_b_c", "_lead", "trail_", "x*y*z", "[", "]", "[link](x)",
  "<", ">", "<b>", "</b>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "#", "##",
  "|", "a|b", "\\", "\\*", "\\\\", "`", "``code``", "1.", "2)", "10.", "-", "+", "--8<--", "&",
  "&amp;", "&#42;", "&copy;", ":smile:", ":+1:", "a:b:c", "{.cls}", "{: #id }", "{", "}", "!!!",
  "???", "~~~", "```", "===", "---", "***", "[TOC]", "[^1]", "![img](x.png)", "é", "ü", "ß",
  "Ελλάδα", "Ωmega", "日本", "😀", "🇪🇺", "👍🏽", "\xe2\x80\xa6", "\xc2\xa0", "‐", "«»", "„“",
  "http://example.org/a_b*c", "https://example.org/(x)", "https://ex.org/p?q=1&r=2.", "(see", "it)",
  "100%", "$5", "@user", "^", "~", "=", "%", "\t", "e.g.", "1)", "42.", ">quote", "#tag",
};

static const char *
random_word (GRand *rand, EeGenStyle style)
{
  if (style == EE_GEN_HOSTILE && g_rand_int_range (rand, 0, 100) < 45)
    return hostile_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (hostile_words))];
  return plain_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (plain_words))];
}

static char *
random_text (GRand *rand, EeGenStyle style, guint max_words)
{
  GString *s = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 1, max_words + 1);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        {
          int r = g_rand_int_range (rand, 0, 100);
          /* Mostly spaces; sometimes nothing, so specials touch words. */
          if (style == EE_GEN_HOSTILE && r < 15)
            ;
          else if (style == EE_GEN_HOSTILE && r < 18)
            g_string_append (s, "  ");
          else
            g_string_append_c (s, ' ');
        }
      g_string_append (s, random_word (rand, style));
    }
  return g_string_free (s, FALSE);
}

static void
add_runs (EeRichTextBuilder *builder, GRand *rand, EeGenStyle style)
{
  guint n = g_rand_int_range (rand, 1, style == EE_GEN_HOSTILE ? 7 : 4);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = random_text (rand, style, style == EE_GEN_HOSTILE ? 6 : 14);
      int r = g_rand_int_range (rand, 0, 100);
      EeMarks marks = EE_MARK_NONE;
      g_autofree char *href = NULL;

      if (r < 12)
        marks = EE_MARK_BOLD;
      else if (r < 20)
        marks = EE_MARK_ITALIC;
      else if (r < 23)
        marks = EE_MARK_BOLD | EE_MARK_ITALIC;

      if (g_rand_int_range (rand, 0, 100) < 12)
        href = g_strdup_printf ("https://example.org/%s/%u", style == EE_GEN_HOSTILE ? "p_(a)" : "page",
                                g_rand_int (rand) % 1000);

      if (i > 0 && g_rand_int_range (rand, 0, 100) < 70)
        ee_rich_text_builder_add_text (builder, " ", EE_MARK_NONE, NULL);
      ee_rich_text_builder_add_text (builder, text, marks, href);

      if (style == EE_GEN_HOSTILE && g_rand_int_range (rand, 0, 100) < 10)
        ee_rich_text_builder_add_text (builder, "\n", EE_MARK_NONE, NULL);
    }
}

EeRichText *
ee_test_generate_rich_text (GRand     *rand,
                            EeGenStyle style,
                            guint      max_blocks)
{
  g_autoptr(EeRichTextBuilder) builder = ee_rich_text_builder_new ();
  guint n = g_rand_int_range (rand, style == EE_GEN_HOSTILE ? 0 : 1, max_blocks + 1);
  gboolean in_list = FALSE;

  for (guint i = 0; i < n; i++)
    {
      int r = g_rand_int_range (rand, 0, 100);

      if (r < 50)
        {
          ee_rich_text_builder_begin_block (builder, EE_BLOCK_PARAGRAPH, 0);
          in_list = FALSE;
        }
      else
        {
          ee_rich_text_builder_begin_block (builder, EE_BLOCK_BULLET, in_list && r > 80 ? 1 : 0);
          in_list = TRUE;
        }
      add_runs (builder, rand, style);
    }

  /* Sometimes exactly the template's placeholder, as literal text. */
  if (style == EE_GEN_HOSTILE && n == 1 && g_rand_int_range (rand, 0, 100) < 5)
    {
      ee_rich_text_unref (ee_rich_text_builder_end (builder));
      return ee_rich_text_new_plain ("\xe2\x80\xa6");
    }

  return ee_rich_text_builder_end (builder);
}

/* One-line values mean what they say without white space around them. */
static char *
random_title (GRand *rand, EeGenStyle style)
{
  g_autofree char *title = random_text (rand, style, 4);
  return ee_markdown_strip (title);
}

static EeInitiative *
generate_initiative (GRand *rand, EeGenStyle style)
{
  EeInitiative *initiative = ee_initiative_new ();
  g_autofree char *title = random_title (rand, style);

  ee_initiative_set_title (initiative, title);
  ee_initiative_set_example (initiative, g_rand_int_range (rand, 0, 100) < 20);

  for (guint f = 0; f < EE_N_FIELDS; f++)
    {
      g_autoptr(EeRichText) value = NULL;

      if (f == EE_FIELD_NAME)
        {
          g_autofree char *name = random_title (rand, style);
          value = ee_rich_text_new_plain (name);
        }
      else if (f == EE_FIELD_WEBPAGE)
        {
          g_autofree char *url = g_strdup_printf ("https://initiative-%u.example.eu/", g_rand_int (rand) % 100000);
          value = ee_rich_text_new_plain (url);
        }
      else if (f == EE_FIELD_RELEVANCE)
        {
          g_autoptr(EeRichTextBuilder) builder = ee_rich_text_builder_new ();
          guint n = g_rand_int_range (rand, 1, style == EE_GEN_HOSTILE ? 12 : 5);

          for (guint i = 0; i < n; i++)
            {
              ee_rich_text_builder_begin_block (builder, EE_BLOCK_BULLET, i > 0 && g_rand_int_range (rand, 0, 100) < 15);
              add_runs (builder, rand, style);
            }
          value = ee_rich_text_builder_end (builder);
        }
      else
        value = ee_test_generate_rich_text (rand, style, style == EE_GEN_HOSTILE ? 4 : 1);

      if (style == EE_GEN_HOSTILE && g_rand_int_range (rand, 0, 100) < 15)
        g_clear_pointer (&value, ee_rich_text_unref);
      ee_initiative_set_field (initiative, f, value);
    }
  return initiative;
}

/**
 * ee_test_generate_document:
 *
 * Returns: (transfer full): the bundled page's six clusters with
 *   @n_initiatives generated initiatives spread over them
 */
EeDocument *
ee_test_generate_document (guint32    seed,
                           guint      n_initiatives,
                           EeGenStyle style)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  EeDocument *document = ee_document_new_bundled ();
  guint n_clusters = ee_document_get_n_clusters (document);

  if (style == EE_GEN_HOSTILE)
    {
      g_autoptr(EeRichText) intro = ee_test_generate_rich_text (rand, style, 5);
      g_autoptr(EeRichText) closing = ee_test_generate_rich_text (rand, style, 3);
      ee_document_set_introduction (document, intro);
      ee_document_set_closing (document, closing);
      for (guint c = 0; c < n_clusters; c++)
        {
          g_autoptr(EeRichText) cluster_intro = ee_test_generate_rich_text (rand, style, 3);
          g_autofree char *title = random_title (rand, style);
          ee_cluster_set_introduction (ee_document_get_cluster (document, c), cluster_intro);
          ee_cluster_set_title (ee_document_get_cluster (document, c), title);
        }
    }

  for (guint i = 0; i < n_initiatives; i++)
    {
      g_autoptr(EeInitiative) initiative = generate_initiative (rand, style);
      EeCluster *cluster = ee_document_get_cluster (document, g_rand_int_range (rand, 0, n_clusters));
      g_list_store_append (ee_cluster_get_initiative_store (cluster), initiative);
    }
  return document;
}
