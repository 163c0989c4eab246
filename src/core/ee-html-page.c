/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ee-html-page.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ee-export.h"
#include "ee-render.h"

/*
 * The page as the preview shows it and `ecosystem-cli render` writes it:
 * the exported Markdown, rendered section by section, with images pointed
 * at their files (or a placeholder), inside a page with the hub's look, a
 * Content-Security-Policy that allows no script and no remote load, and
 * no script of its own.
 */

#define EE_CORE_RESOURCE "/eu/ldt4ssc/EcosystemEditor/core"

/* The hub's name, in the header band as the hub shows it. */
#define SITE_NAME "LDT4SSC Knowledge Hub"

#define CSP "default-src 'none'; img-src file: data:; style-src 'unsafe-inline'; " \
            "base-uri 'none'; form-action 'none'"

const char *
ee_html_section_kind_name (EeSectionKind kind)
{
  switch (kind)
    {
    case EE_SECTION_PAGE:
      return "page";
    case EE_SECTION_CLUSTER:
      return "cluster";
    case EE_SECTION_INITIATIVE:
      return "initiative";
    case EE_SECTION_CLUSTER_END:
      return "cluster-end";
    default:
      g_assert_not_reached ();
    }
}

/* Images */

/* Decodes the character references that the renderer (and plain HTML)
 * write in attribute values. */
static char *
decode_entities (const char *text,
                 gsize       length)
{
  static const struct { const char *name; const char *text; } named[] = {
    { "amp;", "&" }, { "quot;", "\"" }, { "apos;", "'" }, { "lt;", "<" }, { "gt;", ">" },
  };
  GString *out = g_string_sized_new (length);
  const char *end = text + length;

  for (const char *p = text; p < end; p++)
    {
      gboolean decoded = FALSE;

      if (*p == '&' && p + 1 < end && p[1] == '#')
        {
          gboolean hex = p + 2 < end && (p[2] == 'x' || p[2] == 'X');
          const char *digits = p + (hex ? 3 : 2);
          char *after = NULL;
          guint64 c = g_ascii_strtoull (digits, &after, hex ? 16 : 10);

          if (after != digits && after < end && *after == ';' && c > 0 && c <= 0x10ffff
              && g_unichar_validate ((gunichar) c))
            {
              g_string_append_unichar (out, (gunichar) c);
              p = after;
              decoded = TRUE;
            }
        }
      else if (*p == '&')
        {
          for (guint i = 0; i < G_N_ELEMENTS (named) && !decoded; i++)
            {
              gsize n = strlen (named[i].name);

              if ((gsize) (end - p - 1) >= n && strncmp (p + 1, named[i].name, n) == 0)
                {
                  g_string_append (out, named[i].text);
                  p += n;
                  decoded = TRUE;
                }
            }
        }
      if (!decoded)
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

typedef struct {
  const char *src;
  gsize       src_length;
  const char *alt;
  gsize       alt_length;
  const char *end;          /* after the tag's '>' */
} ImageTag;

/* Reads the attributes of the tag that starts at @tag ("<img…").  Returns
 * FALSE when the tag does not end. */
static gboolean
parse_image_tag (const char *tag,
                 ImageTag   *image)
{
  const char *p = tag + 4;

  memset (image, 0, sizeof *image);
  for (;;)
    {
      const char *name, *value = NULL;
      gsize name_length, value_length = 0;

      while (g_ascii_isspace (*p) || *p == '/')
        p++;
      if (*p == '>')
        {
          image->end = p + 1;
          return TRUE;
        }
      if (*p == '\0')
        return FALSE;

      name = p;
      while (*p != '\0' && !g_ascii_isspace (*p) && *p != '=' && *p != '>' && *p != '/')
        p++;
      name_length = p - name;
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '=')
        {
          p++;
          while (g_ascii_isspace (*p))
            p++;
          if (*p == '"' || *p == '\'')
            {
              const char *close = strchr (p + 1, *p);

              if (close == NULL)
                return FALSE;
              value = p + 1;
              value_length = close - value;
              p = close + 1;
            }
          else
            {
              value = p;
              while (*p != '\0' && !g_ascii_isspace (*p) && *p != '>')
                p++;
              value_length = p - value;
            }
        }

      if (value != NULL && name_length == 3 && g_ascii_strncasecmp (name, "src", 3) == 0)
        {
          image->src = value;
          image->src_length = value_length;
        }
      else if (value != NULL && name_length == 3 && g_ascii_strncasecmp (name, "alt", 3) == 0)
        {
          image->alt = value;
          image->alt_length = value_length;
        }
    }
}

/* The hub's attr_list syntax right after an image, "{ width="120" }" or
 * "{ width="300" align="center" }", as the renderer writes it (it does not
 * know the syntax).  Returns where it ends and sets @width (0 when the list
 * has none; the other attributes are not shown), or returns NULL. */
static const char *
parse_width_attribute (const char *p,
                       guint64    *width)
{
  *width = 0;
  if (*p++ != '{')
    return NULL;
  if (*p == ':')
    p++;
  for (;;)
    {
      const char *start;

      while (*p == ' ')
        p++;
      if (*p == '}')
        return p + 1;
      if (*p == 0 || *p == '<' || *p == '\n')
        return NULL;
      start = p;
      /* One attribute: key=value, key="value", .class or #id. */
      while (*p != 0 && *p != ' ' && *p != '}' && *p != '<' && *p != '\n')
        {
          if (g_str_has_prefix (p, "&quot;"))
            {
              const char *close = strstr (p + 6, "&quot;");
              const char *newline = strchr (p + 6, '\n');

              if (close == NULL || (newline != NULL && newline < close))
                return NULL;
              p = close + 6;
            }
          else
            p++;
        }
      if (g_ascii_strncasecmp (start, "width=", 6) == 0)
        {
          const char *value = start + 6;
          char *after;

          if (g_str_has_prefix (value, "&quot;"))
            value += 6;
          *width = g_ascii_strtoull (value, &after, 10);
          if (after == value)
            return NULL;
        }
    }
}

/* Where a local image is, or NULL when the preview cannot show it.  Only a
 * relative path is the hub's local image; a path from the site's root or
 * a URL is not a file next to the page. */
static GFile *
image_file (GFile      *base_folder,
            const char *src)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  gsize length;

  if (base_folder == NULL || *src == '\0' || *src == '/' || g_uri_peek_scheme (src) != NULL)
    return NULL;

  length = strcspn (src, "?#");
  path = g_uri_unescape_segment (src, src + length, NULL);
  if (path == NULL)
    path = g_strndup (src, length);

  file = g_file_resolve_relative_path (base_folder, path);
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_REGULAR)
    return NULL;
  return g_steal_pointer (&file);
}

static void
append_missing_image (GString    *out,
                      const char *alt,
                      const char *src)
{
  g_autofree char *escaped_alt = g_markup_escape_text (alt, -1);
  g_autofree char *escaped_src = g_markup_escape_text (src, -1);
  g_autofree char *where = NULL;
  gboolean web = g_str_has_prefix (src, "http:") || g_str_has_prefix (src, "https:")
                 || g_str_has_prefix (src, "//");

  if (*src == '\0')
    where = g_strdup (_("Image without a file"));
  else if (web)
    where = g_strdup_printf (_("Web image, not shown here: %s"), escaped_src);
  else
    where = g_strdup_printf (_("Image not found: %s"), escaped_src);

  g_string_append_printf (out,
                          "<span class=\"ee-missing-image\" role=\"img\" aria-label=\"%s\" title=\"%s\">"
                          "<span class=\"ee-missing-image__icon\" aria-hidden=\"true\"></span>"
                          "<span class=\"ee-missing-image__text\" aria-hidden=\"true\">"
                          "<span class=\"ee-missing-image__alt\">%s</span>"
                          "<span class=\"ee-missing-image__where\">%s</span>"
                          "</span></span>",
                          *alt != '\0' ? escaped_alt : escaped_src, escaped_src,
                          *alt != '\0' ? escaped_alt : _("Image"), where);
}

/* Points each image at its file, or puts a placeholder with its
 * description where the file is missing or not local: the page has no
 * script to notice a broken image, and loads nothing from the web. */
static char *
rewrite_images (const char *html,
                GFile      *base_folder)
{
  GString *out = NULL;
  const char *copied = html;
  const char *p = html;

  while ((p = strchr (p, '<')) != NULL)
    {
      ImageTag image;
      g_autofree char *src = NULL;
      g_autofree char *alt = NULL;
      g_autoptr(GFile) file = NULL;
      const char *after_width;
      guint64 width = 0;

      if (g_ascii_strncasecmp (p, "<img", 4) != 0
          || !(g_ascii_isspace (p[4]) || p[4] == '/' || p[4] == '>'))
        {
          p++;
          continue;
        }
      if (!parse_image_tag (p, &image))
        break;

      src = image.src != NULL ? decode_entities (image.src, image.src_length) : g_strdup ("");
      g_strstrip (src);
      alt = image.alt != NULL ? decode_entities (image.alt, image.alt_length) : g_strdup ("");
      after_width = parse_width_attribute (image.end, &width);

      if (g_ascii_strncasecmp (src, "data:", 5) == 0 && after_width == NULL)
        {
          p = image.end;
          continue;
        }

      if (out == NULL)
        out = g_string_sized_new (strlen (html) + 256);
      g_string_append_len (out, copied, p - copied);

      file = image_file (base_folder, src);
      if (file != NULL || g_ascii_strncasecmp (src, "data:", 5) == 0)
        {
          g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;
          g_autofree char *escaped_uri = uri != NULL ? g_markup_escape_text (uri, -1) : NULL;

          const char *body_end = image.end - 1;

          /* The tag as written, with the file's URI for its source. */
          if (body_end - 2 > p && body_end[-1] == '/' && strchr (" \t\n\"'", body_end[-2]) != NULL)
            body_end--;
          if (escaped_uri != NULL)
            {
              g_string_append_len (out, p, image.src - p);
              g_string_append (out, escaped_uri);
              g_string_append_len (out, image.src + image.src_length,
                                   body_end - (image.src + image.src_length));
            }
          else
            g_string_append_len (out, p, body_end - p);
          if (after_width != NULL && width > 0)
            g_string_append_printf (out, " width=\"%" G_GUINT64_FORMAT "\"", width);
          g_string_append_c (out, '>');
        }
      else
        append_missing_image (out, alt, src);

      p = copied = after_width != NULL ? after_width : image.end;
    }

  if (out == NULL)
    return g_strdup (html);
  g_string_append (out, copied);
  return g_string_free (out, FALSE);
}

/* The icon sets of the hub's theme, written ":material-database:". */
static const char * const icon_sets[] = { "material-", "octicons-", "fontawesome-", "simple-" };

/* The length of the icon shortcode at @p (":material-earth:"), or 0. */
static gsize
icon_shortcode_length (const char *p)
{
  const char *q;

  if (*p != ':')
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (icon_sets); i++)
    if (g_str_has_prefix (p + 1, icon_sets[i]))
      {
        for (q = p + 1 + strlen (icon_sets[i]); g_ascii_isalnum (*q) || *q == '-'; q++)
          ;
        return *q == ':' && q[-1] != '-' ? (gsize) (q + 1 - p) : 0;
      }
  return 0;
}

/* Appends the classes of the attr_list at @p ("{ .lg .middle }") and
 * returns where it ends, or returns NULL when there is none. */
static const char *
append_icon_classes (GString    *out,
                     const char *p)
{
  const char *end;

  if (*p != '{' || (end = strpbrk (p, "}<\n")) == NULL || *end != '}')
    return NULL;
  for (const char *c = p + 1; c < end; c++)
    if (*c == '.' && (c == p + 1 || c[-1] == ' ' || c[-1] == '{'))
      {
        const char *e = c + 1;

        while (e < end && (g_ascii_isalnum (*e) || *e == '-' || *e == '_'))
          e++;
        g_string_append_c (out, ' ');
        g_string_append_len (out, c + 1, e - c - 1);
        c = e - 1;
      }
  return end + 1;
}

/* The hub's theme shows ":material-database:{ .lg .middle }" as an icon:
 * the preview shows a neutral mark of the same size in its place (and an
 * arrow for the arrows), as the icons themselves are the theme's.  Only
 * text is read: tags, their attributes and code stay as they are. */
static char *
rewrite_icons (const char *html)
{
  GString *out = NULL;
  const char *copied = html;
  const char *p = html;
  int in_code = 0;

  while (*p != '\0')
    {
      gsize length;

      if (*p == '<')
        {
          const char *end = strchr (p, '>');

          if (g_ascii_strncasecmp (p, "<code", 5) == 0 || g_ascii_strncasecmp (p, "<pre", 4) == 0)
            in_code++;
          else if ((g_ascii_strncasecmp (p, "</code", 6) == 0 || g_ascii_strncasecmp (p, "</pre", 5) == 0)
                   && in_code > 0)
            in_code--;
          if (end == NULL)
            break;
          p = end + 1;
          continue;
        }
      if (in_code > 0 || (length = icon_shortcode_length (p)) == 0)
        {
          p++;
          continue;
        }

      if (out == NULL)
        out = g_string_sized_new (strlen (html) + 256);
      g_string_append_len (out, copied, p - copied);
      {
        g_autofree char *name = g_strndup (p + 1, length - 2);
        const char *after;

        g_string_append_printf (out, "<span class=\"ee-icon%s",
                                strstr (name, "arrow-right") != NULL ? " ee-icon--arrow" : "");
        after = append_icon_classes (out, p + length);
        /* The icon is decoration, as on the hub; its name is made of
         * letters, digits and dashes. */
        g_string_append_printf (out, "\" aria-hidden=\"true\" title=\":%s:\"></span>", name);
        p = copied = after != NULL ? after : p + length;
      }
    }

  if (out == NULL)
    return g_strdup (html);
  g_string_append (out, copied);
  return g_string_free (out, FALSE);
}

/* The page */

/**
 * ee_html_page_start:
 * @generation: a number the preview tells page versions apart by
 *
 * Appends the start of the page: head (stylesheet, Content-Security-Policy,
 * no script), header band and the opening of the article.
 */
void
ee_html_page_start (GString    *page,
                   const char *title,
                   gboolean    dark,
                   guint       generation)
{
  g_autoptr(GBytes) css = g_resources_lookup_data (EE_CORE_RESOURCE "/preview.css", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autofree char *escaped_title = g_markup_escape_text (title != NULL ? title : "", -1);
  gsize css_length;
  const char *css_text = g_bytes_get_data (css, &css_length);

  g_string_append_printf (page,
                          "<!DOCTYPE html>\n"
                          "<html lang=\"en\" class=\"%s\" data-ee-page=\"%u\">\n"
                          "<head>\n"
                          "<meta charset=\"utf-8\">\n"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"" CSP "\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<title>%s</title>\n"
                          "<style>\n",
                          dark ? "ee-dark" : "ee-light", generation, escaped_title);
  g_string_append_len (page, css_text, css_length);
  g_string_append (page,
                   "</style>\n"
                   "</head>\n"
                   "<body>\n"
                   "<header class=\"md-header\"><div class=\"md-header__inner\">"
                   "<span class=\"md-header__logo\" aria-hidden=\"true\"></span>"
                   "<span class=\"md-header__title\">" SITE_NAME "</span>"
                   "</div></header>\n"
                   "<main class=\"md-main\">\n"
                   "<article class=\"md-content md-typeset\">\n");
}

void
ee_html_page_end (GString *page)
{
  g_string_append (page, "</article>\n</main>\n</body>\n</html>\n");
}


/**
 * ee_html_render_section:
 * @base_folder: (nullable): the folder relative images are in
 *
 * Returns: (transfer full): the HTML of one section of the exported page
 */
char *
ee_html_render_section (const char *markdown,
                        gsize       length,
                        GFile      *base_folder)
{
  g_autofree char *html = ee_render_html_fragment (markdown, length);
  g_autofree char *with_icons = rewrite_icons (html);

  return rewrite_images (with_icons, base_folder);
}

/**
 * ee_html_append_section:
 *
 * Appends one rendered section, marked with its place and kind.
 */
void
ee_html_append_section (GString       *page,
                        guint          index,
                        EeSectionKind  kind,
                        const char    *html)
{
  g_string_append_printf (page, "<section class=\"ee-section\" data-ee-section=\"%u\" data-ee-kind=\"%s\">",
                          index, ee_html_section_kind_name (kind));
  g_string_append (page, html);
  g_string_append (page, "</section>\n");
}

/**
 * ee_html_render_page:
 * @base_folder: (nullable): the folder relative images are in
 * @dark: use the dark scheme
 *
 * Returns: (transfer full): the whole page, as the preview shows it, in one
 *   standalone HTML file
 */
char *
ee_html_render_page (EeDocument *document,
                     GFile      *base_folder,
                     gboolean    dark)
{
  g_autoptr(GArray) sections = NULL;
  gsize length;
  g_autofree char *markdown = ee_export_page_markdown_sections (document, &length, &sections);
  GString *page = g_string_sized_new (length * 2 + 16384);

  ee_html_page_start (page, ee_document_get_title (document), dark, 0);
  for (guint i = 0; i < sections->len; i++)
    {
      const EeExportSection *section = &g_array_index (sections, EeExportSection, i);
      g_autofree char *html = ee_html_render_section (markdown + section->start, section->end - section->start,
                                                      base_folder);
      ee_html_append_section (page, i, section->kind, html);
    }
  ee_html_page_end (page);
  return g_string_free (page, FALSE);
}
