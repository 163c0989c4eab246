/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-render.h"

#include <cmark-gfm-extension_api.h>
#include <stdlib.h>

#include "ee-markdown-reader.h"

/**
 * ee_render_html_fragment:
 *
 * Renders Markdown as the hub shows it, with the same parser the importer
 * uses.  Raw HTML is passed through: text typed into the form never becomes
 * HTML (the exporter escapes it), so the only HTML is what the page itself
 * holds, and the preview forbids scripts.
 *
 * Returns: (transfer full): the HTML of the page body
 */
char *
ee_render_html_fragment (const char *markdown,
                         gsize       length)
{
  cmark_parser *parser = ee_markdown_new_parser ();
  cmark_node *document;
  char *html, *result;

  cmark_parser_feed (parser, markdown, length);
  document = cmark_parser_finish (parser);
  html = cmark_render_html (document, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions (parser));
  result = g_strdup (html);

  free (html);
  cmark_node_free (document);
  cmark_parser_free (parser);
  return result;
}
