/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ee-export.h"
#include "ee-html-page.h"
#include "ee-hub-folder.h"
#include "ee-preview.h"
#include "ee-render.h"

/*
 * The live preview: the page exactly as the exporter writes it, rendered in
 * a web view with the hub's look.
 *
 * The page is loaded once, with load_html(); after that, every change of the
 * document is exported again and only the sections whose Markdown changed
 * are rendered and sent to the page, by one script per update, so the page
 * neither reloads nor moves.  The page itself runs no script at all: its
 * Content-Security-Policy allows none and JavaScript markup is off.  The
 * preview's own code (preview.js) runs in an isolated script world that the
 * page cannot reach, and tells the widget about clicks through a message
 * handler registered in that world only.
 *
 * A document in the hub's folder layout is shown one page at a time, as the
 * hub shows it: the index with its cards, or the page of one cluster.  A
 * reveal goes to the page that shows what it reveals, and a card's link
 * selects its cluster.
 */

#define PREVIEW_RESOURCE "/eu/ldt4ssc/EcosystemEditor/preview"

/* A burst of changes (a paste, an undo of many fields) becomes one update
 * on the next idle; continuous changes still update at least this often. */
#define UPDATE_MAX_DELAY_MS 50


/* One section of the page, as it is (or will be once the last script sent
 * has run) in the page. */
typedef struct {
  EeSectionKind  kind;
  GObject       *object;    /* a reference: a freed object's address may come back */
  gsize          start;     /* its Markdown, in the page's Markdown */
  gsize          length;
  char          *html;
} Section;

struct _EePreview {
  GtkWidget       parent_instance;

  WebKitWebView  *web_view;
  EeDocument     *document;
  EeCluster      *page_cluster;    /* in the folder layout, whose page is shown; NULL: the index */
  gboolean        folder_layout;   /* the layout of the page shown */
  GFile          *base_folder;
  char           *base_uri;

  char           *markdown;        /* the page's Markdown that the sections point into */
  GPtrArray      *sections;        /* of Section */
  guint           generation;      /* counts the states of the page the widget sent */
  GObject        *pending_reveal;
  GObject        *place;           /* the first section in view, kept across loads */
  int             place_offset;    /* how far the view's top is below that section's */
  gboolean        place_revealed;  /* the place is a reveal's, still under way */

  GCancellable   *cancellable;
  guint           idle_id;
  guint           deadline_id;
  gboolean        loading;         /* the page is loading: the one navigation allowed */
  gboolean        ready;           /* the page has loaded and runs preview.js */
  gboolean        busy;            /* a script runs; the next update waits for it */
  gboolean        dirty;           /* the document changed since the last update */
  gboolean        dark;
};

G_DEFINE_FINAL_TYPE (EePreview, ee_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_BASE_FOLDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OBJECT_ACTIVATED,
  LINK_ACTIVATED,
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load_page       (EePreview *self);
static void run_update      (EePreview *self);
static void schedule_update (EePreview *self);

/* Helpers */

static void
section_free (gpointer data)
{
  Section *section = data;

  g_clear_object (&section->object);
  g_free (section->html);
  g_free (section);
}


static GBytes *
lookup_resource (const char *name)
{
  g_autofree char *path = g_strconcat (PREVIEW_RESOURCE "/", name, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  /* The resources are compiled into the program. */
  if (bytes == NULL)
    g_error ("%s", error->message);
  return bytes;
}

/* Appends @text as a JavaScript string literal.  Only the quote, the
 * backslash, control characters and the two line separators that end a
 * line in older scripts need escaping; the rest goes as it is, in runs. */
static void
append_js_string (GString    *out,
                  const char *text)
{
  g_autofree char *valid = NULL;
  const guchar *p, *run;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  g_string_append_c (out, '"');
  for (p = run = (const guchar *) text; *p != '\0'; p++)
    {
      gboolean separator = p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9);

      if (*p >= 0x20 && *p != '"' && *p != '\\' && !separator)
        continue;
      g_string_append_len (out, (const char *) run, p - run);
      if (*p == '"' || *p == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else if (separator)
        {
          g_string_append (out, p[2] == 0xa8 ? "\\u2028" : "\\u2029");
          p += 2;
        }
      else
        g_string_append_printf (out, "\\u%04x", *p);
      run = p + 1;
    }
  g_string_append_len (out, (const char *) run, p - run);
  g_string_append_c (out, '"');
}

static void
append_section (GString *page,
                guint    index,
                Section *section)
{
  ee_html_append_section (page, index, section->kind, section->html);
}

/* Sections */

static gboolean
same_place (Section               *section,
            const EeExportSection *exported)
{
  return section->object == exported->object && section->kind == exported->kind;
}

static gboolean
same_markdown (EePreview  *self,
               Section    *section,
               const char *markdown,
               gsize       start,
               gsize       length)
{
  return self->markdown != NULL && section->length == length
         && memcmp (self->markdown + section->start, markdown + start, length) == 0;
}

static char *
render_section (EePreview  *self,
                const char *markdown,
                gsize       length)
{
  return ee_html_render_section (markdown, length, self->base_folder);
}

static Section *
section_new (const EeExportSection *exported)
{
  Section *section = g_new0 (Section, 1);

  section->kind = exported->kind;
  section->object = g_object_ref (exported->object);
  section->start = exported->start;
  section->length = exported->end - exported->start;
  return section;
}

/* The page shown, in sections: the whole page, or in the folder layout the
 * index or a cluster's page. */
static char *
export_shown_page (EePreview  *self,
                   gsize      *length,
                   GArray    **sections)
{
  if (self->folder_layout)
    return ee_hub_folder_export_page (self->document, self->page_cluster, length, sections);
  return ee_export_page_markdown_sections (self->document, length, sections);
}

/* Exports the document again and gives each section its HTML, rendering
 * only what changed.  Sections at the same place, with the same object,
 * keep their HTML when their Markdown did not change.  Fills @script with
 * the call that turns the page from the old sections into the new, or
 * leaves it empty when nothing changed; @script may be %NULL. */
static GPtrArray *
update_sections (EePreview *self,
                 char     **markdown_out,
                 GString   *script)
{
  GPtrArray *old = self->sections;
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (section_free);
  g_autoptr(GArray) exported = NULL;
  g_autoptr(GString) changed = script != NULL ? g_string_new (NULL) : NULL;
  char *markdown = NULL;
  gsize length, n_old = old->len, n_new, prefix = 0, suffix = 0;

  if (self->document != NULL)
    markdown = export_shown_page (self, &length, &exported);
  else
    exported = g_array_new (FALSE, FALSE, sizeof (EeExportSection));
  n_new = exported->len;

  while (prefix < MIN (n_old, n_new)
         && same_place (old->pdata[prefix], &g_array_index (exported, EeExportSection, prefix)))
    prefix++;
  while (suffix < MIN (n_old, n_new) - prefix
         && same_place (old->pdata[n_old - 1 - suffix],
                        &g_array_index (exported, EeExportSection, n_new - 1 - suffix)))
    suffix++;

  for (gsize i = 0; i < n_new; i++)
    {
      const EeExportSection *e = &g_array_index (exported, EeExportSection, i);
      Section *section = section_new (e);
      Section *before = NULL;
      gsize old_index = 0;

      if (i < prefix)
        old_index = i;
      else if (i >= n_new - suffix)
        old_index = i - n_new + n_old;
      if (i < prefix || i >= n_new - suffix)
        before = old->pdata[old_index];

      if (before != NULL && same_markdown (self, before, markdown, section->start, section->length))
        section->html = g_steal_pointer (&before->html);
      else
        section->html = render_section (self, markdown + section->start, section->length);

      if (changed != NULL && before != NULL && before->html != NULL
          && !g_str_equal (before->html, section->html))
        {
          g_string_append_printf (changed, "%s[%" G_GSIZE_FORMAT ",", changed->len > 0 ? "," : "", old_index);
          append_js_string (changed, section->html);
          g_string_append_c (changed, ']');
        }
      g_ptr_array_add (sections, section);
    }

  if (script != NULL && (changed->len > 0 || prefix + suffix < MAX (n_old, n_new)))
    {
      g_string_append_printf (script, "eePreview.update(%u,%" G_GSIZE_FORMAT ",%" G_GSIZE_FORMAT ",[",
                              self->generation + 1, prefix, n_old - prefix - suffix);
      for (gsize i = prefix; i < n_new - suffix; i++)
        {
          Section *section = sections->pdata[i];

          g_string_append_printf (script, "%s[\"%s\",", i > prefix ? "," : "",
                                  ee_html_section_kind_name (section->kind));
          append_js_string (script, section->html);
          g_string_append_c (script, ']');
        }
      g_string_append_printf (script, "],[%s]);", changed->str);
    }

  *markdown_out = markdown;
  return g_steal_pointer (&sections);
}

static int
find_section (EePreview *self,
              GObject   *object)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *section = self->sections->pdata[i];

      if (section->object == object)
        return i;
    }
  return -1;
}

/* Scripts */

/* A reveal's destination is the reading place at once: a load of the page
 * before its scroll is over still opens there. */
static void
set_revealed (EePreview *self,
              GObject   *object)
{
  g_set_object (&self->place, object);
  self->place_offset = 0;
  self->place_revealed = TRUE;
}

static void
forget_place (EePreview *self)
{
  g_clear_object (&self->pending_reveal);
  g_clear_object (&self->place);
  self->place_offset = 0;
  self->place_revealed = FALSE;
}

static void
run_script (EePreview           *self,
            const char          *script,
            gssize               length,
            GAsyncReadyCallback  callback)
{
  webkit_web_view_evaluate_javascript (self->web_view, script, length,
                                       EE_PREVIEW_SCRIPT_WORLD, PREVIEW_RESOURCE "/preview.js",
                                       self->cancellable, callback, self);
}

/* Finishes a script.  Returns NULL, with @failed unset, when the preview no
 * longer cares: its cancellable was cancelled, which dispose and each new
 * load do, so that a callback never touches a preview that is gone. */
static JSCValue *
finish_script (GObject       *web_view,
               GAsyncResult  *result,
               gboolean      *failed)
{
  g_autoptr(GError) error = NULL;
  JSCValue *value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (web_view), result, &error);

  *failed = FALSE;
  if (value == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_warning ("The preview's script failed: %s", error->message);
      *failed = TRUE;
    }
  return value;
}

static void
script_done (EePreview *self)
{
  self->busy = FALSE;
  g_signal_emit (self, signals[UPDATED], 0);

  if (self->dirty)
    schedule_update (self);
  else if (self->pending_reveal != NULL)
    ee_preview_reveal (self, self->pending_reveal);
}

static void
update_done_cb (GObject      *web_view,
                GAsyncResult *result,
                gpointer      user_data)
{
  EePreview *self;
  gboolean failed;
  g_autoptr(JSCValue) value = finish_script (web_view, result, &failed);

  if (value == NULL && !failed)
    return;
  self = EE_PREVIEW (user_data);
  /* The page and the widget no longer agree on what the page shows. */
  if (failed)
    {
      load_page (self);
      return;
    }
  script_done (self);
}

static void
install_done_cb (GObject      *web_view,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  EePreview *self;
  gboolean failed;
  g_autoptr(JSCValue) value = finish_script (web_view, result, &failed);

  if (value == NULL && !failed)
    return;
  self = EE_PREVIEW (user_data);
  /* Another page is on its way: wait for it to load. */
  if (failed || !jsc_value_to_boolean (value) || self->ready)
    return;

  self->loading = FALSE;
  self->ready = TRUE;
  script_done (self);
}

/* For scripts that change nothing the widget keeps track of. */
static void
script_done_cb (GObject      *web_view,
                GAsyncResult *result,
                gpointer      user_data)
{
  gboolean failed;
  g_autoptr(JSCValue) value = finish_script (web_view, result, &failed);

  (void) value;
}

/* Sends the changes since the last update, in one script. */
static void
run_update (EePreview *self)
{
  g_autoptr(GString) script = g_string_new (NULL);
  g_autoptr(GPtrArray) old = NULL;
  char *markdown = NULL;
  GPtrArray *sections;
  int reveal = -1;

  g_assert (self->ready && !self->busy);

  self->dirty = FALSE;
  sections = update_sections (self, &markdown, script);
  old = g_steal_pointer (&self->sections);
  self->sections = sections;
  g_free (self->markdown);
  self->markdown = markdown;

  if (self->pending_reveal != NULL)
    {
      reveal = find_section (self, self->pending_reveal);
      if (reveal >= 0)
        set_revealed (self, self->pending_reveal);
      g_clear_object (&self->pending_reveal);
    }
  if (script->len == 0 && reveal < 0)
    return;
  if (script->len > 0)
    self->generation++;
  if (reveal >= 0)
    g_string_append_printf (script, "eePreview.reveal(%d);", reveal);

  self->busy = TRUE;
  run_script (self, script->str, script->len, update_done_cb);
}

static gboolean
update_cb (gpointer user_data)
{
  EePreview *self = EE_PREVIEW (user_data);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->deadline_id, g_source_remove);
  /* A change during a load or a script is picked up when it is done. */
  if (self->dirty && self->ready && !self->busy)
    run_update (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_update (EePreview *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add (update_cb, self);
  if (self->deadline_id == 0)
    self->deadline_id = g_timeout_add (UPDATE_MAX_DELAY_MS, update_cb, self);
}

static const char *
page_title (EePreview *self)
{
  if (self->page_cluster != NULL && *ee_cluster_get_title (self->page_cluster) != 0)
    return ee_cluster_get_title (self->page_cluster);
  return self->document != NULL ? ee_document_get_title (self->document) : NULL;
}

/* The cluster whose page shows @object in the folder layout, or NULL for
 * the index.  An initiative the document does not hold stays where it is. */
static EeCluster *
page_of (EePreview *self,
         GObject   *object)
{
  EeCluster *cluster;

  if (EE_IS_CLUSTER (object))
    return EE_CLUSTER (object);
  if (!EE_IS_INITIATIVE (object))
    return NULL;
  cluster = ee_document_find_initiative (self->document, EE_INITIATIVE (object), NULL);
  return cluster != NULL ? cluster : self->page_cluster;
}

static gboolean
has_cluster (EePreview *self,
             EeCluster *cluster)
{
  guint position;

  return g_list_store_find (ee_document_get_cluster_store (self->document), cluster, &position);
}

/* Loads the whole page again: at the start, for a new document or folder,
 * and when the page and the widget no longer agree. */
static void
load_page (EePreview *self)
{
  g_autoptr(GString) page = g_string_sized_new (65536);
  g_autoptr(GPtrArray) old = NULL;
  GPtrArray *sections;
  char *markdown = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->deadline_id, g_source_remove);
  self->ready = FALSE;
  self->busy = FALSE;
  self->dirty = FALSE;
  self->folder_layout = self->document != NULL && ee_document_get_layout (self->document) == EE_LAYOUT_FOLDER;
  if (!self->folder_layout || (self->page_cluster != NULL && !has_cluster (self, self->page_cluster)))
    g_clear_object (&self->page_cluster);

  /* Nothing of the old page is kept: every section is rendered again, and
   * looks for its images again. */
  old = g_steal_pointer (&self->sections);
  self->sections = g_ptr_array_new_with_free_func (section_free);
  g_clear_pointer (&self->markdown, g_free);
  sections = update_sections (self, &markdown, NULL);
  g_ptr_array_unref (self->sections);
  self->sections = sections;
  self->markdown = markdown;
  self->generation++;

  ee_html_page_start (page, page_title (self), self->dark, self->generation);
  for (guint i = 0; i < self->sections->len; i++)
    append_section (page, i, self->sections->pdata[i]);
  ee_html_page_end (page);

  self->loading = TRUE;
  webkit_web_view_load_html (self->web_view, page->str, self->base_uri);
}

static void
apply_dark (EePreview *self)
{
  /* The view's own background shows before the page paints: it must not
   * flash white in the dark. */
  GdkRGBA light = { 1.0, 1.0, 1.0, 1.0 };
  GdkRGBA dark = { 30 / 255.0, 32 / 255.0, 41 / 255.0, 1.0 };

  webkit_web_view_set_background_color (self->web_view, self->dark ? &dark : &light);
  if (self->ready)
    run_script (self, self->dark ? "eePreview.setDark(true);" : "eePreview.setDark(false);", -1,
                script_done_cb);
}

/* Callbacks */

static void
document_changed_cb (EePreview  *self,
                     GObject    *object,
                     const char *property)
{
  gboolean folder_layout = ee_document_get_layout (self->document) == EE_LAYOUT_FOLDER;

  /* Another layout, or the cluster whose page is shown is gone: another
   * page. */
  if (folder_layout != self->folder_layout
      || (self->page_cluster != NULL && !has_cluster (self, self->page_cluster)))
    {
      forget_place (self);
      load_page (self);
      return;
    }
  self->dirty = TRUE;
  schedule_update (self);
}

static void
dark_changed_cb (EePreview      *self,
                 GParamSpec     *pspec,
                 AdwStyleManager *style_manager)
{
  gboolean dark = adw_style_manager_get_dark (style_manager);

  if (self->dark == dark)
    return;
  self->dark = dark;
  apply_dark (self);
}

static void
load_changed_cb (EePreview       *self,
                 WebKitLoadEvent  event,
                 WebKitWebView   *web_view)
{
  g_autoptr(GBytes) code = NULL;
  g_autoptr(GString) script = NULL;
  gsize length;
  const char *text;
  int place;

  if (event != WEBKIT_LOAD_FINISHED || !self->loading)
    return;

  /* Installs the preview's code in the page last sent, once.  A load that
   * another replaced may still finish: the script then finds another page,
   * and the widget waits for its own. */
  code = lookup_resource ("preview.js");
  text = g_bytes_get_data (code, &length);
  script = g_string_sized_new (length + 256);
  g_string_append_printf (script,
                          "(() => {\n"
                          "if (document.documentElement.dataset.eePage !== '%u')\n"
                          "  return false;\n"
                          "if (globalThis.eePreview === undefined) {\n",
                          self->generation);
  g_string_append_len (script, text, length);
  g_string_append_printf (script,
                          "\n}\n"
                          "eePreview.setDark(%s);\n",
                          self->dark ? "true" : "false");
  /* A new load of the page opens where the reader was. */
  if (self->place != NULL && (place = find_section (self, self->place)) >= 0)
    g_string_append_printf (script, "eePreview.restore(%d, %d, %s);\n",
                            place, self->place_offset, self->place_revealed ? "true" : "false");
  g_string_append (script, "return true;\n})();");

  run_script (self, script->str, script->len, install_done_cb);
}

static void
web_process_terminated_cb (EePreview                         *self,
                           WebKitWebProcessTerminationReason  reason,
                           WebKitWebView                     *web_view)
{
  /* A message, not a warning: the preview recovers by itself, and a web
   * process can end under memory pressure on a busy machine. */
  g_message ("The preview's web process ended (%d); loading the page again", reason);
  load_page (self);
}

static gboolean
is_web_link (const char *uri)
{
  const char *scheme = g_uri_peek_scheme (uri);

  return scheme != NULL
         && (g_str_equal (scheme, "http") || g_str_equal (scheme, "https") || g_str_equal (scheme, "mailto"));
}

static gboolean
decide_policy_cb (EePreview                *self,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  WebKitWebView            *web_view)
{
  WebKitNavigationAction *action;
  WebKitNavigationType navigation_type;
  const char *uri;
  gboolean handled;

  if (type != WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION
      && type != WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  navigation_type = webkit_navigation_action_get_navigation_type (action);
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));

  /* The page the widget loads is the only thing the view ever loads. */
  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION && self->loading
      && navigation_type == WEBKIT_NAVIGATION_TYPE_OTHER
      && g_strcmp0 (uri, self->base_uri != NULL ? self->base_uri : "about:blank") == 0)
    {
      webkit_policy_decision_use (decision);
      return TRUE;
    }

  webkit_policy_decision_ignore (decision);
  /* A link to the web opens in the browser; other links (to files next to
   * the page, or within it) mean nothing outside the hub. */
  if (navigation_type == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED && is_web_link (uri))
    g_signal_emit (self, signals[LINK_ACTIVATED], 0, uri, &handled);
  return TRUE;
}

static gboolean
context_menu_cb (EePreview           *self,
                 WebKitContextMenu   *menu,
                 WebKitHitTestResult *hit_test_result,
                 WebKitWebView       *web_view)
{
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));

  /* Copying is all the menu is for: no reload, no history, no new windows
   * and no downloads. */
  for (GList *l = items; l != NULL; l = l->next)
    {
      switch (webkit_context_menu_item_get_stock_action (l->data))
        {
        case WEBKIT_CONTEXT_MENU_ACTION_NO_ACTION:
        case WEBKIT_CONTEXT_MENU_ACTION_OPEN_LINK:
        case WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD:
        case WEBKIT_CONTEXT_MENU_ACTION_COPY_IMAGE_TO_CLIPBOARD:
        case WEBKIT_CONTEXT_MENU_ACTION_COPY:
        case WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL:
        case WEBKIT_CONTEXT_MENU_ACTION_INSPECT_ELEMENT:
          break;
        default:
          webkit_context_menu_remove (menu, l->data);
        }
    }
  g_list_free (items);
  return webkit_context_menu_get_n_items (menu) == 0;
}

static void
activate_message_cb (EePreview                *self,
                     JSCValue                 *value,
                     WebKitUserContentManager *manager)
{
  g_autoptr(JSCValue) generation = NULL;
  g_autoptr(JSCValue) index = NULL;
  Section *section;
  int i;

  if (!jsc_value_is_array (value))
    return;
  generation = jsc_value_object_get_property_at_index (value, 0);
  index = jsc_value_object_get_property_at_index (value, 1);
  i = jsc_value_to_int32 (index);

  /* A click on a page that has changed since is about something else. */
  if ((guint) jsc_value_to_int32 (generation) != self->generation || i < 0 || (guint) i >= self->sections->len)
    return;
  section = self->sections->pdata[i];
  g_signal_emit (self, signals[OBJECT_ACTIVATED], 0, section->object);
}

/* The reader scrolled: [generation, first visible section or -1, offset]. */
static void
place_message_cb (EePreview                *self,
                  JSCValue                 *value,
                  WebKitUserContentManager *manager)
{
  g_autoptr(JSCValue) generation = NULL;
  g_autoptr(JSCValue) index = NULL;
  g_autoptr(JSCValue) offset = NULL;
  int i;

  if (!jsc_value_is_array (value))
    return;
  generation = jsc_value_object_get_property_at_index (value, 0);
  index = jsc_value_object_get_property_at_index (value, 1);
  offset = jsc_value_object_get_property_at_index (value, 2);
  if ((guint) jsc_value_to_int32 (generation) != self->generation)
    return;
  i = jsc_value_to_int32 (index);
  self->place_revealed = FALSE;
  if (i < 0 || (guint) i >= self->sections->len)
    {
      g_clear_object (&self->place);
      self->place_offset = 0;
      return;
    }
  g_set_object (&self->place, ((Section *) self->sections->pdata[i])->object);
  self->place_offset = jsc_value_to_int32 (offset);
}

/* A link to another page of the hub folder was clicked: [generation, its
 * file name].  The card of a cluster links to the cluster's page. */
static void
page_message_cb (EePreview                *self,
                 JSCValue                 *value,
                 WebKitUserContentManager *manager)
{
  g_autoptr(JSCValue) generation = NULL;
  g_autoptr(JSCValue) name = NULL;
  g_autofree char *file_name = NULL;
  g_auto(GStrv) page_files = NULL;

  if (!jsc_value_is_array (value) || self->document == NULL || !self->folder_layout)
    return;
  generation = jsc_value_object_get_property_at_index (value, 0);
  name = jsc_value_object_get_property_at_index (value, 1);
  if ((guint) jsc_value_to_int32 (generation) != self->generation || !jsc_value_is_string (name))
    return;
  file_name = jsc_value_to_string (name);
  page_files = ee_hub_folder_get_page_files (self->document);
  for (guint i = 0; page_files[i] != NULL; i++)
    if (g_ascii_strcasecmp (page_files[i], file_name) == 0)
      {
        g_signal_emit (self, signals[OBJECT_ACTIVATED], 0, ee_document_get_cluster (self->document, i));
        return;
      }
}

static gboolean
ee_preview_real_link_activated (EePreview  *self,
                                const char *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
  return TRUE;
}

static WebKitNetworkSession *
network_session (void)
{
  static WebKitNetworkSession *session;

  /* The page loads nothing from the network, and keeps nothing on disk. */
  if (g_once_init_enter (&session))
    g_once_init_leave (&session, webkit_network_session_new_ephemeral ());
  return session;
}

/* Overrides */

static void
ee_preview_dispose (GObject *object)
{
  EePreview *self = EE_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->deadline_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->page_cluster);
  g_clear_object (&self->base_folder);
  forget_place (self);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  if (self->web_view != NULL)
    {
      /* Scripts and loads still under way must not call back. */
      g_signal_handlers_disconnect_by_data (webkit_web_view_get_user_content_manager (self->web_view), self);
      g_signal_handlers_disconnect_by_data (self->web_view, self);
      gtk_widget_unparent (GTK_WIDGET (self->web_view));
      self->web_view = NULL;
    }

  G_OBJECT_CLASS (ee_preview_parent_class)->dispose (object);
}

static void
ee_preview_finalize (GObject *object)
{
  EePreview *self = EE_PREVIEW (object);

  g_free (self->base_uri);
  g_free (self->markdown);

  G_OBJECT_CLASS (ee_preview_parent_class)->finalize (object);
}

static void
ee_preview_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  EePreview *self = EE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_BASE_FOLDER:
      g_value_set_object (value, self->base_folder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ee_preview_class_init (EePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = ee_preview_dispose;
  object_class->finalize = ee_preview_finalize;
  object_class->get_property = ee_preview_get_property;

  /**
   * EePreview:document: (nullable)
   *
   * The document the preview shows; set with ee_preview_set_document().
   */
  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, EE_TYPE_DOCUMENT, flags);

  /**
   * EePreview:base-folder: (nullable)
   *
   * The folder relative images are found in.
   */
  properties[PROP_BASE_FOLDER] = g_param_spec_object ("base-folder", NULL, NULL, G_TYPE_FILE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EePreview::object-activated:
   * @object: the document, cluster or initiative whose part of the page
   *   was clicked
   */
  signals[OBJECT_ACTIVATED] =
    g_signal_new ("object-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  /**
   * EePreview::link-activated:
   * @uri: the link's web address (http, https or mailto)
   *
   * A link in the page was clicked.  The default handler opens it in the
   * browser; a handler that returns %TRUE stops that.
   *
   * Returns: %TRUE when the link was handled
   */
  signals[LINK_ACTIVATED] =
    g_signal_new_class_handler ("link-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (ee_preview_real_link_activated),
                                g_signal_accumulator_true_handled, NULL, NULL,
                                G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  /**
   * EePreview::updated:
   *
   * The page shows a new state of the document: it has loaded, or an
   * update has been applied to it.
   */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "preview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ee_preview_init (EePreview *self)
{
  g_autoptr(WebKitUserContentManager) manager = webkit_user_content_manager_new ();
  g_autoptr(WebKitSettings) settings = NULL;
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  /* JavaScript runs only in the preview's own world: the page's markup
   * runs none. */
  settings = g_object_new (WEBKIT_TYPE_SETTINGS,
                           "enable-javascript", TRUE,
                           "enable-javascript-markup", FALSE,
                           "enable-developer-extras", DEVELOPMENT,
                           "enable-back-forward-navigation-gestures", FALSE,
                           "enable-html5-database", FALSE,
                           "enable-html5-local-storage", FALSE,
                           "enable-page-cache", FALSE,
                           "enable-webgl", FALSE,
                           "enable-webaudio", FALSE,
                           "enable-media", FALSE,
                           "enable-fullscreen", FALSE,
                           "allow-file-access-from-file-urls", FALSE,
                           "allow-universal-access-from-file-urls", FALSE,
                           "allow-top-navigation-to-data-urls", FALSE,
                           "allow-modal-dialogs", FALSE,
                           "javascript-can-open-windows-automatically", FALSE,
                           NULL);

  webkit_user_content_manager_register_script_message_handler (manager, "eeActivate", EE_PREVIEW_SCRIPT_WORLD);
  g_signal_connect_object (manager, "script-message-received::eeActivate",
                           G_CALLBACK (activate_message_cb), self, G_CONNECT_SWAPPED);
  webkit_user_content_manager_register_script_message_handler (manager, "eePage", EE_PREVIEW_SCRIPT_WORLD);
  g_signal_connect_object (manager, "script-message-received::eePage",
                           G_CALLBACK (page_message_cb), self, G_CONNECT_SWAPPED);
  webkit_user_content_manager_register_script_message_handler (manager, "eePlace", EE_PREVIEW_SCRIPT_WORLD);
  g_signal_connect_object (manager, "script-message-received::eePlace",
                           G_CALLBACK (place_message_cb), self, G_CONNECT_SWAPPED);

  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW,
                                 "network-session", network_session (),
                                 "user-content-manager", manager,
                                 "settings", settings,
                                 NULL);
  gtk_widget_set_parent (GTK_WIDGET (self->web_view), GTK_WIDGET (self));
  g_signal_connect_object (self->web_view, "decide-policy", G_CALLBACK (decide_policy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "load-changed", G_CALLBACK (load_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "context-menu", G_CALLBACK (context_menu_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "web-process-terminated",
                           G_CALLBACK (web_process_terminated_cb), self, G_CONNECT_SWAPPED);

  self->sections = g_ptr_array_new_with_free_func (section_free);
  self->cancellable = g_cancellable_new ();
  self->dark = adw_style_manager_get_dark (style_manager);
  g_signal_connect_object (style_manager, "notify::dark", G_CALLBACK (dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
  apply_dark (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview"),
                                  -1);
}

/* Public API */

GtkWidget *
ee_preview_new (void)
{
  return g_object_new (EE_TYPE_PREVIEW, NULL);
}

/**
 * ee_preview_set_document:
 * @document: (nullable): the document to show
 * @base_folder: (nullable): the folder of the document's file, where its
 *   relative images are; %NULL when it has none yet
 */
void
ee_preview_set_document (EePreview  *self,
                         EeDocument *document,
                         GFile      *base_folder)
{
  gboolean same_folder;

  g_return_if_fail (EE_IS_PREVIEW (self));
  g_return_if_fail (document == NULL || EE_IS_DOCUMENT (document));
  g_return_if_fail (base_folder == NULL || G_IS_FILE (base_folder));

  same_folder = base_folder == self->base_folder
                || (base_folder != NULL && self->base_folder != NULL
                    && g_file_equal (base_folder, self->base_folder));
  if (document == self->document && same_folder)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (document != self->document)
    {
      if (self->document != NULL)
        g_signal_handlers_disconnect_by_data (self->document, self);
      g_set_object (&self->document, document);
      g_clear_object (&self->page_cluster);
      if (document != NULL)
        g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
    }
  if (!same_folder)
    {
      g_set_object (&self->base_folder, base_folder);
      g_free (self->base_uri);
      self->base_uri = NULL;
      if (base_folder != NULL)
        {
          g_autofree char *uri = g_file_get_uri (base_folder);

          /* The page's own address is in the folder, so that relative
           * addresses resolve there. */
          self->base_uri = g_str_has_suffix (uri, "/") ? g_steal_pointer (&uri) : g_strconcat (uri, "/", NULL);
        }
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_FOLDER]);
    }
  forget_place (self);
  load_page (self);
  g_object_thaw_notify (G_OBJECT (self));
}

EeDocument *
ee_preview_get_document (EePreview *self)
{
  g_return_val_if_fail (EE_IS_PREVIEW (self), NULL);

  return self->document;
}

GFile *
ee_preview_get_base_folder (EePreview *self)
{
  g_return_val_if_fail (EE_IS_PREVIEW (self), NULL);

  return self->base_folder;
}

/**
 * ee_preview_reveal:
 * @object: the document, a cluster or an initiative
 *
 * Scrolls the page to the part that shows @object, and highlights it
 * briefly.  The document's part is the head of the page.
 */
void
ee_preview_reveal (EePreview *self,
                   GObject   *object)
{
  g_autofree char *script = NULL;
  int index;

  g_return_if_fail (EE_IS_PREVIEW (self));
  g_return_if_fail (G_IS_OBJECT (object));

  /* In the folder layout, the page that shows @object opens there. */
  if (self->folder_layout && self->document != NULL)
    {
      EeCluster *page = page_of (self, object);

      if (page != self->page_cluster && (page == NULL || has_cluster (self, page)))
        {
          g_set_object (&self->page_cluster, page);
          forget_place (self);
          if (EE_IS_INITIATIVE (object))
            set_revealed (self, object);
          load_page (self);
          return;
        }
    }

  g_set_object (&self->pending_reveal, object);
  /* The page must show the latest changes first: @object may be new. */
  if (!self->ready || self->busy)
    return;
  if (self->dirty)
    {
      g_clear_handle_id (&self->idle_id, g_source_remove);
      g_clear_handle_id (&self->deadline_id, g_source_remove);
      run_update (self);
      return;
    }

  index = find_section (self, object);
  g_clear_object (&self->pending_reveal);
  if (index < 0)
    return;
  set_revealed (self, object);
  script = g_strdup_printf ("eePreview.reveal(%d);", index);
  run_script (self, script, -1, script_done_cb);
}

/**
 * ee_preview_reload:
 *
 * Renders the whole page again and loads it.  The preview updates itself
 * as the document changes; this is for what it cannot see change, such as
 * an image added to the folder.
 */
void
ee_preview_reload (EePreview *self)
{
  g_return_if_fail (EE_IS_PREVIEW (self));

  load_page (self);
}

/**
 * ee_preview_print:
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Prints the page as the preview shows it, after the print dialog.
 */
void
ee_preview_print (EePreview *self,
                  GtkWindow *parent)
{
  g_autoptr(WebKitPrintOperation) operation = NULL;

  g_return_if_fail (EE_IS_PREVIEW (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  operation = webkit_print_operation_new (self->web_view);
  webkit_print_operation_run_dialog (operation, parent);
}

/**
 * ee_preview_is_up_to_date:
 *
 * Returns: whether the page shows the document as it is now
 */
gboolean
ee_preview_is_up_to_date (EePreview *self)
{
  g_return_val_if_fail (EE_IS_PREVIEW (self), FALSE);

  return self->ready && !self->busy && !self->dirty;
}

/**
 * ee_preview_get_web_view:
 *
 * The web view that shows the page, for tests: run scripts in it in the
 * %EE_PREVIEW_SCRIPT_WORLD world.
 *
 * Returns: (transfer none): the web view
 */
WebKitWebView *
ee_preview_get_web_view (EePreview *self)
{
  g_return_val_if_fail (EE_IS_PREVIEW (self), NULL);

  return self->web_view;
}

/**
 * ee_preview_page_html:
 * @body_html: the HTML of the page's content
 * @title: (nullable): the page's title
 * @dark: whether to use the dark scheme
 *
 * The page as the preview shows it, with its style sheet, as a file of its
 * own (to export or print).  It runs no script and loads nothing from the
 * web.
 *
 * Returns: (transfer full): the HTML page
 */
char *
ee_preview_page_html (const char *body_html,
                      const char *title,
                      gboolean    dark)
{
  GString *page;

  g_return_val_if_fail (body_html != NULL, NULL);

  page = g_string_sized_new (strlen (body_html) + 16384);
  ee_html_page_start (page, title, dark, 0);
  g_string_append (page, body_html);
  ee_html_page_end (page);
  return g_string_free (page, FALSE);
}
