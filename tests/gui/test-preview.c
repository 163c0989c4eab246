/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ee-document.h"
#include "ee-export.h"
#include "ee-hub-folder.h"
#include "ee-preview.h"
#include "gui-test-support.h"

/*
 * The live preview, in a real window: what the page holds, read from its
 * DOM in the preview's own script world.  Needs a display and a session bus:
 * xvfb-run -a dbus-run-session -- test-preview
 */

/* How long anything may take; the web process starts in about a second. */
#define TIMEOUT_MS 20000

#define PAGE_TITLE "Smart Communities Ecosystem & Resources"

typedef struct {
  GtkWidget    *window;
  EePreview    *preview;
  EeDocument   *document;
  EeInitiative *citcom;
  guint         n_loads;
  guint         n_crashes;       /* web processes that ended by themselves */
  guint         n_places;        /* reading places the page reported */
  guint         n_links;
  char         *link;
  GObject      *activated;
  guint         n_activated;
} Fixture;

/* Helpers */


typedef struct {
  gboolean  done;
  JSCValue *value;
  GError   *error;
} Evaluation;

static void
evaluate_cb (GObject      *web_view,
             GAsyncResult *result,
             gpointer      user_data)
{
  Evaluation *evaluation = user_data;

  evaluation->value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (web_view), result,
                                                                  &evaluation->error);
  evaluation->done = TRUE;
}

/* Runs @script in the preview's world; its value, or NULL and @error. */
static JSCValue *
try_evaluate (Fixture     *fixture,
              const char  *script,
              GError     **error)
{
  Evaluation evaluation = { FALSE, NULL, NULL };

  webkit_web_view_evaluate_javascript (ee_preview_get_web_view (fixture->preview), script, -1,
                                       EE_PREVIEW_SCRIPT_WORLD, NULL, NULL, evaluate_cb, &evaluation);
  gui_test_spin_until (&evaluation.done, TIMEOUT_MS);
  if (evaluation.error != NULL)
    {
      g_propagate_error (error, evaluation.error);
      return NULL;
    }
  g_assert_nonnull (evaluation.value);
  return evaluation.value;
}

/* Runs @script in the preview's world and returns its value. */
static JSCValue *
evaluate (Fixture    *fixture,
          const char *script)
{
  g_autoptr(GError) error = NULL;
  JSCValue *value = try_evaluate (fixture, script, &error);

  g_assert_no_error (error);
  return value;
}

static char *
evaluate_string (Fixture    *fixture,
                 const char *script)
{
  g_autoptr(JSCValue) value = evaluate (fixture, script);

  return jsc_value_to_string (value);
}

static double
evaluate_number (Fixture    *fixture,
                 const char *script)
{
  g_autoptr(JSCValue) value = evaluate (fixture, script);

  g_assert_true (jsc_value_is_number (value));
  return jsc_value_to_double (value);
}

static gboolean
evaluate_boolean (Fixture    *fixture,
                  const char *script)
{
  g_autoptr(JSCValue) value = evaluate (fixture, script);

  return jsc_value_to_boolean (value);
}

/* Waits, within the time limit, until @script is true in the page. */
static void
wait_for_script (Fixture    *fixture,
                 const char *script)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

  /* While the page is being updated, an evaluation can fail (the section
   * asked for is not there yet, or the script's context went away): that
   * counts as "not yet", and the last error is reported on a time-out. */
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JSCValue) value = try_evaluate (fixture, script, &error);

      if (value != NULL && jsc_value_to_boolean (value))
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for: %s (%s)", script, error != NULL ? error->message : "false");
      gui_test_spin_for (10);
    }
}

static void
wait_until_up_to_date (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

  while (!ee_preview_is_up_to_date (fixture->preview))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for the preview");
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Waits for what the page shows to include @text. */
static void
wait_for_text (Fixture    *fixture,
               const char *text)
{
  g_autoptr(GString) script = g_string_new ("document.querySelector('article').textContent.includes(");
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);
  g_autofree char *literal = json_to_string (node, FALSE);

  g_string_append (script, literal);
  g_string_append (script, ")");
  wait_for_script (fixture, script->str);
}

static int
section_index (Fixture *fixture,
               GObject *object)
{
  g_autoptr(GArray) sections = NULL;
  g_autofree char *markdown = ee_export_page_markdown_sections (fixture->document, NULL, &sections);

  for (guint i = 0; i < sections->len; i++)
    if (g_array_index (sections, EeExportSection, i).object == object)
      return i;
  g_assert_not_reached ();
}

static EeInitiative *
find_initiative (EeDocument *document,
                 const char *title)
{
  for (guint c = 0; c < ee_document_get_n_clusters (document); c++)
    {
      EeCluster *cluster = ee_document_get_cluster (document, c);

      for (guint i = 0; i < ee_cluster_get_n_initiatives (cluster); i++)
        {
          EeInitiative *initiative = ee_cluster_get_initiative (cluster, i);

          if (g_str_equal (ee_initiative_get_title (initiative), title))
            return initiative;
        }
    }
  g_assert_not_reached ();
}

static void
set_plain (EeInitiative *initiative,
           EeField       field,
           const char   *text)
{
  g_autoptr(EeRichText) value = ee_rich_text_new_plain (text);

  ee_initiative_set_field (initiative, field, value);
}

/* Fixture */

static void
load_changed_cb (WebKitWebView   *web_view,
                 WebKitLoadEvent  event,
                 Fixture         *fixture)
{
  if (event == WEBKIT_LOAD_FINISHED)
    fixture->n_loads++;
}

/* A web process can end by itself on a busy machine; the preview then loads
 * the page again, which the tests that count loads allow for. */
static void
web_process_terminated_cb (WebKitWebView                     *web_view,
                           WebKitWebProcessTerminationReason  reason,
                           Fixture                           *fixture)
{
  if (reason != WEBKIT_WEB_PROCESS_TERMINATED_BY_API)
    fixture->n_crashes++;
}

static void
place_message_cb (WebKitUserContentManager *manager,
                  JSCValue                 *value,
                  Fixture                  *fixture)
{
  fixture->n_places++;
}

static gboolean
link_activated_cb (EePreview  *preview,
                   const char *uri,
                   Fixture    *fixture)
{
  fixture->n_links++;
  g_free (fixture->link);
  fixture->link = g_strdup (uri);
  /* Handled: no browser opens during the tests. */
  return TRUE;
}

static void
object_activated_cb (EePreview *preview,
                     GObject   *object,
                     Fixture   *fixture)
{
  fixture->n_activated++;
  fixture->activated = object;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  memset (fixture, 0, sizeof *fixture);
  fixture->window = gtk_window_new ();
  fixture->preview = EE_PREVIEW (ee_preview_new ());
  fixture->document = ee_document_new_bundled ();
  fixture->citcom = find_initiative (fixture->document, "CitCom.ai");

  /* A small window, so that the page is long. */
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 600, 400);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->preview));
  g_signal_connect (ee_preview_get_web_view (fixture->preview), "load-changed",
                    G_CALLBACK (load_changed_cb), fixture);
  g_signal_connect (ee_preview_get_web_view (fixture->preview), "web-process-terminated",
                    G_CALLBACK (web_process_terminated_cb), fixture);
  g_signal_connect (webkit_web_view_get_user_content_manager (ee_preview_get_web_view (fixture->preview)),
                    "script-message-received::eePlace", G_CALLBACK (place_message_cb), fixture);
  g_signal_connect (fixture->preview, "link-activated", G_CALLBACK (link_activated_cb), fixture);
  g_signal_connect (fixture->preview, "object-activated", G_CALLBACK (object_activated_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));

  ee_preview_set_document (fixture->preview, fixture->document, (GFile *) data);
  wait_until_up_to_date (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *preview = GTK_WIDGET (fixture->preview);

  g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  /* Nothing the page still does keeps the preview alive. */
  g_assert_null (preview);
  g_clear_object (&fixture->document);
  g_free (fixture->link);
}

/* The page loaded @n times, not counting loads after a crash. */
#define assert_loads(fixture, n) g_assert_cmpuint ((fixture)->n_loads - (fixture)->n_crashes, ==, (n))

#define add_test(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

/* Tests */

/* The page holds the bundled page, in sections. */
static void
test_content (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GArray) sections = NULL;
  g_autofree char *markdown = ee_export_page_markdown_sections (fixture->document, NULL, &sections);
  g_autofree char *kinds = NULL;
  g_autofree char *title = NULL;

  g_assert_cmpfloat (evaluate_number (fixture, "document.querySelectorAll('article h2').length"), ==, 6);
  g_assert_cmpfloat (evaluate_number (fixture, "document.querySelectorAll('article h1').length"), ==, 1);
  g_assert_cmpfloat (evaluate_number (fixture, "document.querySelectorAll('article > section.ee-section').length"),
                     ==, sections->len);
  g_assert_true (evaluate_boolean (fixture, "document.querySelector('article').innerText"
                                            ".includes('Smart Communities Ecosystem & Resources')"));
  g_assert_true (evaluate_boolean (fixture, "[...document.querySelectorAll('article li')]"
                                            ".some(li => li.innerText.startsWith('Initiative name: CitCom.ai (CitComTEF)'))"));
  g_assert_true (evaluate_boolean (fixture, "[...document.querySelectorAll('article li')]"
                                            ".some(li => li.innerText.startsWith('Webpage / Reference Link: https://www.citcom.ai'))"));
  kinds = evaluate_string (fixture, "[...document.querySelectorAll('section')].map(s => s.dataset.eeKind[0]).join('')");
  g_assert_cmpuint (strlen (kinds), ==, sections->len);
  g_assert_cmpint (kinds[0], ==, 'p');
  g_assert_nonnull (strstr (kinds, "cicc"));
  g_assert_cmpfloat (evaluate_number (fixture, "Number(document.querySelectorAll('section')[3].dataset.eeSection)"), ==, 3);

  /* The page's own title, and no script in it. */
  title = evaluate_string (fixture, "document.title");
  g_assert_cmpstr (title, ==, PAGE_TITLE);
  g_assert_cmpfloat (evaluate_number (fixture, "document.scripts.length"), ==, 0);
  assert_loads (fixture, 1);
}

/* A change shows without a new load. */
static void
test_live_update (Fixture       *fixture,
                  gconstpointer  data)
{
  int citcom = section_index (fixture, G_OBJECT (fixture->citcom));
  g_autofree char *mark = g_strdup_printf ("document.querySelectorAll('section')[%d].eeMark = 1; "
                                           "document.querySelectorAll('section')[1].querySelector('h2').eeMark = 2; true", citcom);
  g_autofree char *check = g_strdup_printf ("document.querySelectorAll('section')[%d].eeMark === 1 && "
                                            "document.querySelectorAll('section')[1].querySelector('h2').eeMark === 2", citcom);

  /* Marks that only these very elements carry. */
  g_assert_true (evaluate_boolean (fixture, mark));

  set_plain (fixture->citcom, EE_FIELD_SHORT_DESCRIPTION, "Typed text 123");
  wait_for_text (fixture, "Typed text 123");
  g_assert_false (evaluate_boolean (fixture, "document.querySelector('article').textContent"
                                             ".includes('Large-scale EU-funded')"));
  /* The section was updated in place; the rest of the page was left alone. */
  g_assert_true (evaluate_boolean (fixture, check));

  /* A burst of changes. */
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *text = g_strdup_printf ("Burst %u", i);

      set_plain (fixture->citcom, EE_FIELD_KEY_ROLE, text);
    }
  wait_for_text (fixture, "Burst 49");
  wait_until_up_to_date (fixture);

  /* Title of the page, a new initiative, and one removed. */
  ee_document_set_title (fixture->document, "A new title");
  wait_for_script (fixture, "document.querySelector('article h1').textContent === 'A new title'");
  {
    g_autoptr(EeInitiative) added = ee_initiative_new ();
    EeCluster *cluster = ee_document_get_cluster (fixture->document, 3);

    ee_initiative_set_title (added, "Added initiative");
    g_list_store_append (ee_cluster_get_initiative_store (cluster), added);
    wait_for_text (fixture, "Added initiative");
    wait_until_up_to_date (fixture);
    g_list_store_remove (ee_cluster_get_initiative_store (cluster), 0);
    wait_for_script (fixture, "!document.querySelector('article').textContent.includes('Added initiative')");
  }
  wait_until_up_to_date (fixture);
  {
    g_autoptr(GArray) sections = NULL;
    g_autofree char *markdown = ee_export_page_markdown_sections (fixture->document, NULL, &sections);
    g_autofree char *numbers = NULL;
    g_autoptr(GString) expected = g_string_new (NULL);

    for (guint i = 0; i < sections->len; i++)
      g_string_append_printf (expected, "%s%u", i > 0 ? "," : "", i);
    numbers = evaluate_string (fixture, "[...document.querySelectorAll('section')].map(s => s.dataset.eeSection).join()");
    g_assert_cmpstr (numbers, ==, expected->str);
  }
  g_assert_true (evaluate_boolean (fixture, check));
  assert_loads (fixture, 1);
}

/* What is typed is text, whatever it looks like; HTML the page holds as
 * written runs no script. */
static void
test_injection (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *raw_blocks[] = {
    "<img src=x onerror=\"document.title='pwned'\">",
    "<img src=\"data:,broken\" onerror=\"document.title='pwned'\">",
    "<svg onload=\"document.title='pwned'\"></svg>",
    "<script>document.title='pwned'</script>",
    "<a id=\"js-link\" href=\"javascript:document.title='pwned'\">js link</a>",
  };
  g_autoptr(GString) raw = g_string_new (NULL);
  g_autoptr(EeRichText) raw_text = NULL;
  g_autofree char *title = NULL;

  set_plain (fixture->citcom, EE_FIELD_NAME, "<script>document.title='pwned'</script>");
  set_plain (fixture->citcom, EE_FIELD_SHORT_DESCRIPTION, "<img src=x onerror=\"document.title='pwned'\">");
  set_plain (fixture->citcom, EE_FIELD_CONTACT, "quote \" backslash \\ separator \u2028 end </script> \\u0041");
  wait_for_text (fixture, "<script>document.title='pwned'</script>");
  wait_for_text (fixture, "<img src=x onerror=\"document.title='pwned'\">");
  wait_for_text (fixture, "quote \" backslash \\ separator \u2028 end </script> \\u0041");
  g_assert_cmpfloat (evaluate_number (fixture, "document.querySelectorAll('script').length"), ==, 0);
  g_assert_cmpfloat (evaluate_number (fixture, "document.querySelectorAll('img[onerror]').length"), ==, 0);

  /* Raw HTML, kept as written. */
  for (guint i = 0; i < G_N_ELEMENTS (raw_blocks); i++)
    g_string_append_printf (raw, "%s\n\n", raw_blocks[i]);
  raw_text = ee_rich_text_new_from_markdown (raw->str, -1);
  g_assert_cmpint (ee_rich_text_get_block (raw_text, 0)->kind, ==, EE_BLOCK_RAW);
  ee_initiative_set_field (fixture->citcom, EE_FIELD_KEY_ROLE, raw_text);
  wait_for_script (fixture, "document.getElementById('js-link') !== null");
  /* The missing image became a placeholder; the broken data image and the
   * SVG stay, but with JavaScript markup off the parser drops their
   * handlers, and scripts, as it reads the HTML. */
  g_assert_true (evaluate_boolean (fixture, "document.querySelectorAll('img[src^=\"data:\"]').length === 1"));
  g_assert_true (evaluate_boolean (fixture, "document.querySelectorAll('svg').length === 1"));
  g_assert_true (evaluate_boolean (fixture, "document.querySelectorAll('[onerror], [onload], script').length === 0"));
  g_assert_true (evaluate_boolean (fixture, "document.querySelector('.ee-missing-image') !== null"));
  evaluate (fixture, "document.getElementById('js-link').click(); true");
  gui_test_spin_for (500);
  title = evaluate_string (fixture, "document.title");
  g_assert_cmpstr (title, ==, PAGE_TITLE);

  /* The same in a page loaded with it. */
  ee_preview_reload (fixture->preview);
  wait_until_up_to_date (fixture);
  assert_loads (fixture, 2);
  g_assert_true (evaluate_boolean (fixture, "document.getElementById('js-link') !== null"));
  g_assert_true (evaluate_boolean (fixture, "document.querySelectorAll('[onerror], [onload], script').length === 0"));
  gui_test_spin_for (500);
  g_clear_pointer (&title, g_free);
  title = evaluate_string (fixture, "document.title");
  g_assert_cmpstr (title, ==, PAGE_TITLE);
  g_assert_cmpuint (fixture->n_links, ==, 0);
}

/* A click on a link opens it outside; the view stays on the page. */
static void
test_links (Fixture       *fixture,
            gconstpointer  data)
{
  WebKitWebView *web_view = ee_preview_get_web_view (fixture->preview);
  g_autofree char *uri = g_strdup (webkit_web_view_get_uri (web_view));
  g_autoptr(EeRichText) links = ee_rich_text_new_from_markdown ("[relative](other-page.md) [fragment](#top)", -1);

  g_assert_true (evaluate_boolean (fixture, "document.querySelector('a[href=\"https://www.citcom.ai\"]') !== null"));
  evaluate (fixture, "document.querySelector('a[href=\"https://www.citcom.ai\"]').click(); true");
  while (fixture->n_links == 0)
    gui_test_spin_for (10);
  g_assert_cmpuint (fixture->n_links, ==, 1);
  g_assert_cmpstr (fixture->link, ==, "https://www.citcom.ai/");
  gui_test_spin_for (300);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, uri);
  assert_loads (fixture, 1);
  /* A click on a link selects nothing. */
  g_assert_cmpuint (fixture->n_activated, ==, 0);

  /* Links that mean nothing outside the hub are not followed at all. */
  ee_initiative_set_field (fixture->citcom, EE_FIELD_RELEVANCE, links);
  wait_for_script (fixture, "document.querySelector('a[href=\"other-page.md\"]') !== null");
  evaluate (fixture, "document.querySelector('a[href=\"other-page.md\"]').click(); "
                     "document.querySelector('a[href=\"#top\"]').click(); true");
  gui_test_spin_for (500);
  g_assert_cmpuint (fixture->n_links, ==, 1);
  g_assert_cmpstr (webkit_web_view_get_uri (web_view), ==, uri);
  assert_loads (fixture, 1);
}

/* An edit does not move what the reader looks at. */
static void
test_scroll_kept (Fixture       *fixture,
                  gconstpointer  data)
{
  int citcom = section_index (fixture, G_OBJECT (fixture->citcom));
  g_autofree char *citcom_top = g_strdup_printf ("document.querySelectorAll('section')[%d]"
                                                 ".getBoundingClientRect().top", citcom);
  g_autofree char *below_top = g_strdup_printf ("document.querySelectorAll('section')[%d]"
                                                ".getBoundingClientRect().top", citcom + 1);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(EeRichText) long_value = NULL;
  g_autofree char *scroll_to = NULL;
  double top, before;

  g_assert_cmpfloat (evaluate_number (fixture, "document.documentElement.scrollHeight"), >, 3000);
  evaluate (fixture, "window.scrollTo(0, 400); true");
  g_assert_cmpfloat (evaluate_number (fixture, "window.scrollY"), ==, 400);
  g_assert_cmpfloat (evaluate_number (fixture, citcom_top), >, 800);

  /* Below the view. */
  set_plain (fixture->citcom, EE_FIELD_SHORT_DESCRIPTION, "Typed text 123");
  wait_for_text (fixture, "Typed text 123");
  g_assert_cmpfloat (ABS (evaluate_number (fixture, "window.scrollY") - 400), <=, 1);

  /* A new section below the view. */
  {
    g_autoptr(EeInitiative) added = ee_initiative_new ();

    ee_initiative_set_title (added, "Added below");
    g_list_store_append (ee_cluster_get_initiative_store (ee_document_get_cluster (fixture->document, 5)), added);
    wait_for_text (fixture, "Added below");
    g_assert_cmpfloat (ABS (evaluate_number (fixture, "window.scrollY") - 400), <=, 1);
  }

  /* Above the view: the section in view stays where it is on the screen,
   * though the page above it grows. */
  top = evaluate_number (fixture, citcom_top);
  scroll_to = g_strdup_printf ("window.scrollTo(0, window.scrollY + %f); true", top + 600);
  evaluate (fixture, scroll_to);
  before = evaluate_number (fixture, below_top);
  g_assert_cmpfloat (before, <, 0);
  for (guint i = 0; i < 30; i++)
    g_string_append (long_text, "A longer text that makes the initiative above the view taller.\n\n");
  long_value = ee_rich_text_new_from_markdown (long_text->str, -1);
  top = evaluate_number (fixture, "window.scrollY");
  ee_initiative_set_field (fixture->citcom, EE_FIELD_KEY_ASSETS, long_value);
  wait_for_text (fixture, "A longer text that makes");
  wait_until_up_to_date (fixture);
  g_assert_cmpfloat (ABS (evaluate_number (fixture, below_top) - before), <=, 1);
  g_assert_cmpfloat (evaluate_number (fixture, "window.scrollY"), >, top + 500);
  assert_loads (fixture, 1);
}

/* Waits until a smooth scroll has come to rest. */
static void
wait_scroll_settled (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;
  double last = evaluate_number (fixture, "window.scrollY");

  for (;;)
    {
      double now;

      gui_test_spin_for (150);
      now = evaluate_number (fixture, "window.scrollY");
      if (now == last)
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for the scroll to end");
      last = now;
    }
}

/* A script that is true once section @index is revealed: at the top of
 * the view and highlighted, and @also holds of it ("s"), unless %NULL. */
static char *
revealed_script (int         index,
                 const char *also)
{
  return g_strdup_printf ("(() => { const s = document.querySelectorAll('section')[%d];"
                          " const top = s.getBoundingClientRect().top;"
                          " return %s%stop >= 0 && top < 32 && s.classList.contains('ee-highlight'); })()",
                          index, also != NULL ? also : "", also != NULL ? " && " : "");
}

/* The editor shows an initiative; the page follows. */
static void
test_reveal (Fixture       *fixture,
             gconstpointer  data)
{
  int citcom = section_index (fixture, G_OBJECT (fixture->citcom));
  EeCluster *cluster = ee_document_get_cluster (fixture->document, 4);
  int cluster_index = section_index (fixture, G_OBJECT (cluster));
  g_autofree char *near_top = revealed_script (citcom, NULL);
  g_autofree char *cluster_near_top = revealed_script (cluster_index, NULL);

  ee_preview_reveal (fixture->preview, G_OBJECT (fixture->citcom));
  wait_for_script (fixture, near_top);
  g_assert_cmpfloat (evaluate_number (fixture, "document.querySelectorAll('.ee-highlight').length"), ==, 1);

  /* Each reveal starts once the last one's scroll is over: under load a
   * smooth scroll still running could end after the next one starts. */
  wait_scroll_settled (fixture);
  ee_preview_reveal (fixture->preview, G_OBJECT (cluster));
  wait_for_script (fixture, cluster_near_top);
  g_assert_cmpfloat (evaluate_number (fixture, "document.querySelectorAll('.ee-highlight').length"), ==, 1);

  /* A new initiative, revealed at once. */
  {
    g_autoptr(EeInitiative) added = ee_initiative_new ();
    int added_index;
    g_autofree char *added_near_top = NULL;

    wait_scroll_settled (fixture);
    ee_initiative_set_title (added, "Just added");
    g_list_store_append (ee_cluster_get_initiative_store (cluster), added);
    ee_preview_reveal (fixture->preview, G_OBJECT (added));
    added_index = section_index (fixture, G_OBJECT (added));
    added_near_top = revealed_script (added_index, "s.textContent.includes('Just added')");
    wait_for_script (fixture, added_near_top);
  }

  wait_scroll_settled (fixture);
  ee_preview_reveal (fixture->preview, G_OBJECT (fixture->document));
  wait_for_script (fixture, "window.scrollY === 0");
  assert_loads (fixture, 1);
}

/* Waits, within the time limit, until *@counter reaches @target. */
static void
wait_for_count (const guint *counter,
                guint        target)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

  while (*counter < target)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %u to reach %u", *counter, target);
      gui_test_spin_for (10);
    }
}

/* Waits for the page to load @n_loads times, then for the preview to be ready. */
static void
wait_for_load (Fixture *fixture,
               guint    n_loads)
{
  wait_for_count (&fixture->n_loads, n_loads);
  wait_until_up_to_date (fixture);
}

/* A new load of the page (a reload, or after its web process ended) opens
 * where the reader was, and keeps a reveal's highlight. */
static void
test_place_kept (Fixture       *fixture,
                 gconstpointer  data)
{
  int citcom = section_index (fixture, G_OBJECT (fixture->citcom));
  EeCluster *cluster = ee_document_get_cluster (fixture->document, 4);
  int cluster_index = section_index (fixture, G_OBJECT (cluster));
  g_autofree char *citcom_top = g_strdup_printf ("document.querySelectorAll('section')[%d].getBoundingClientRect().top",
                                                 citcom);
  g_autofree char *citcom_highlighted = g_strdup_printf ("document.querySelectorAll('section')[%d].classList.contains('ee-highlight')",
                                                         citcom);
  g_autofree char *citcom_revealed = revealed_script (citcom, NULL);
  g_autofree char *cluster_revealed = revealed_script (cluster_index, NULL);
  g_autofree char *at_citcom = NULL;
  guint n_places;

  /* The reader scrolls to a place of their own, once the reveal's smooth
   * scroll is over: a scroll by the reader would stop it where it was,
   * which may still be the top of the page. */
  ee_preview_reveal (fixture->preview, G_OBJECT (fixture->citcom));
  wait_for_script (fixture, citcom_revealed);
  wait_scroll_settled (fixture);
  n_places = fixture->n_places;
  evaluate (fixture, "window.scrollBy(0, 37); true");
  wait_for_count (&fixture->n_places, n_places + 1);
  at_citcom = g_strdup_printf ("Math.abs(%s - (%.0f)) <= 1", citcom_top, evaluate_number (fixture, citcom_top));
  g_assert_cmpfloat (evaluate_number (fixture, citcom_top), <, 0);

  ee_preview_reload (fixture->preview);
  wait_for_load (fixture, fixture->n_loads + 1);
  wait_for_script (fixture, at_citcom);
  g_assert_false (evaluate_boolean (fixture, citcom_highlighted));

  webkit_web_view_terminate_web_process (ee_preview_get_web_view (fixture->preview));
  wait_for_load (fixture, fixture->n_loads + 1);
  wait_for_script (fixture, at_citcom);

  /* A reveal's destination counts at once, even if the page loads again
   * before its scroll is over. */
  ee_preview_reveal (fixture->preview, G_OBJECT (cluster));
  webkit_web_view_terminate_web_process (ee_preview_get_web_view (fixture->preview));
  wait_for_load (fixture, fixture->n_loads + 1);
  wait_for_script (fixture, cluster_revealed);

  /* Another document starts at its top. */
  {
    g_autoptr(EeDocument) other = ee_document_new_bundled ();

    ee_preview_set_document (fixture->preview, other, NULL);
    wait_for_load (fixture, fixture->n_loads + 1);
    g_assert_cmpfloat (evaluate_number (fixture, "window.scrollY"), ==, 0);
    ee_preview_set_document (fixture->preview, fixture->document, NULL);
    wait_until_up_to_date (fixture);
  }
}

/* A click in the page selects what it shows. */
static void
test_click_selects (Fixture       *fixture,
                    gconstpointer  data)
{
  int citcom = section_index (fixture, G_OBJECT (fixture->citcom));
  EeCluster *cluster = ee_document_get_cluster (fixture->document, 2);
  int cluster_index = section_index (fixture, G_OBJECT (cluster));
  g_autofree char *click = g_strdup_printf ("document.querySelectorAll('section')[%d].querySelector('li').click(); true",
                                            citcom);
  g_autofree char *click_cluster = g_strdup_printf ("document.querySelectorAll('section')[%d].querySelector('h2').click(); true",
                                                    cluster_index);

  evaluate (fixture, click);
  while (fixture->n_activated == 0)
    gui_test_spin_for (10);
  g_assert_true (fixture->activated == G_OBJECT (fixture->citcom));

  evaluate (fixture, click_cluster);
  while (fixture->n_activated == 1)
    gui_test_spin_for (10);
  g_assert_true (fixture->activated == G_OBJECT (cluster));

  /* After a change, the sections are still told apart. */
  ee_document_set_title (fixture->document, "Changed");
  wait_for_script (fixture, "document.querySelector('h1').textContent === 'Changed'");
  wait_until_up_to_date (fixture);
  evaluate (fixture, click);
  while (fixture->n_activated == 2)
    gui_test_spin_for (10);
  g_assert_true (fixture->activated == G_OBJECT (fixture->citcom));
}

/* The page follows the style manager's dark. */
static void
test_dark (Fixture       *fixture,
           gconstpointer  data)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_script (fixture, "document.documentElement.classList.contains('ee-dark')");
  g_assert_true (evaluate_boolean (fixture, "getComputedStyle(document.body).backgroundColor !== 'rgb(255, 255, 255)'"));
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  wait_for_script (fixture, "document.documentElement.classList.contains('ee-light')");
  g_assert_true (evaluate_boolean (fixture, "getComputedStyle(document.body).backgroundColor === 'rgb(255, 255, 255)'"));
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* Images next to the file show; missing ones are described. */
static void
test_images (Fixture       *fixture,
             gconstpointer  data)
{
  /* The base folder holds assets/ecosystem.png, not assets/cluster.png. */
  g_assert_true (evaluate_boolean (fixture, "document.querySelectorAll('img').length === 1"));
  g_assert_true (evaluate_boolean (fixture, "document.querySelector('img').src.startsWith('file:///')"));
  g_assert_true (evaluate_boolean (fixture, "document.querySelector('img').src.endsWith('/assets/ecosystem.png')"));
  wait_for_script (fixture, "document.querySelector('img').complete && document.querySelector('img').naturalWidth === 1");
  g_assert_true (evaluate_boolean (fixture, "document.querySelectorAll('.ee-missing-image').length === 1"));
  g_assert_true (evaluate_boolean (fixture, "document.querySelector('.ee-missing-image').textContent.includes('Ecosystem Logo')"));
  g_assert_true (evaluate_boolean (fixture, "document.querySelector('.ee-missing-image').textContent.includes('assets/cluster.png')"));

  /* A logo with the hub's width attribute. */
  ee_initiative_set_logo_path (fixture->citcom, "assets/ecosystem.png");
  ee_initiative_set_logo_alt (fixture->citcom, "CitCom logo");
  ee_initiative_set_logo_width (fixture->citcom, 120);
  wait_for_script (fixture, "document.querySelector('img[alt=\"CitCom logo\"]') !== null");
  g_assert_true (evaluate_boolean (fixture, "document.querySelector('img[alt=\"CitCom logo\"]').getAttribute('width') === '120'"));
  g_assert_false (evaluate_boolean (fixture, "document.querySelector('article').textContent.includes('width=')"));
}

/* In the hub's folder layout, the page shown is the index with its cards,
 * or the page of the cluster of what is revealed; a card's link selects
 * its cluster, and edits still update the page without a load. */
static void
test_folder_layout (Fixture       *fixture,
                    gconstpointer  data)
{
  EeCluster *ai = ee_document_find_initiative (fixture->document, fixture->citcom, NULL);
  EeCluster *citiverse = ee_document_get_cluster (fixture->document, 3);
  guint n_clusters = ee_document_get_n_clusters (fixture->document);
  g_autofree char *cards = g_strdup_printf ("document.querySelectorAll('.grid.cards > ul > li').length === %u", n_clusters);
  g_autofree char *citcom_revealed = NULL;
  g_autofree char *on_ai_page = NULL;
  g_autoptr(GArray) sections = NULL;
  g_autofree char *page = NULL;
  int citcom = -1;
  guint n_loads, n_activated;

  ee_initiative_set_logo_path (fixture->citcom, "assets/ecosystem.png");
  ee_initiative_set_logo_width (fixture->citcom, 120);
  wait_until_up_to_date (fixture);

  n_loads = fixture->n_loads;
  ee_document_set_layout (fixture->document, EE_LAYOUT_FOLDER);
  wait_for_count (&fixture->n_loads, n_loads + 1);
  wait_until_up_to_date (fixture);
  wait_for_script (fixture, cards);
  g_assert_true (evaluate_boolean (fixture, "document.querySelectorAll('article > section.ee-section').length === 1"));
  g_assert_false (evaluate_boolean (fixture, "document.querySelector('article').textContent.includes('CitCom.ai')"));

  /* Revealing an initiative opens its cluster's page there. */
  page = ee_hub_folder_export_page (fixture->document, ai, NULL, &sections);
  for (guint i = 0; i < sections->len; i++)
    if (g_array_index (sections, EeExportSection, i).object == G_OBJECT (fixture->citcom))
      citcom = i;
  g_assert_cmpint (citcom, >, 0);
  citcom_revealed = revealed_script (citcom, "s.querySelector('h2').textContent === 'Example: CitCom.ai'");
  on_ai_page = g_strdup_printf ("document.querySelector('article h1').textContent === '%s'"
                                " && document.title === '%s' && document.querySelector('.grid') === null",
                                ee_cluster_get_title (ai), ee_cluster_get_title (ai));
  n_loads = fixture->n_loads;
  ee_preview_reveal (fixture->preview, G_OBJECT (fixture->citcom));
  wait_for_count (&fixture->n_loads, n_loads + 1);
  wait_for_script (fixture, on_ai_page);
  wait_for_script (fixture, citcom_revealed);
  g_assert_cmpfloat (evaluate_number (fixture, "document.querySelectorAll('article > section.ee-section').length"),
                     ==, sections->len);
  /* The logo, with the hub's width, from the document's folder. */
  g_assert_true (evaluate_boolean (fixture, "document.querySelector('section img').src.endsWith('/assets/ecosystem.png')"));
  g_assert_true (evaluate_boolean (fixture, "document.querySelector('section img').getAttribute('width') === '120'"));

  /* Edits on the page shown: no load. */
  n_loads = fixture->n_loads - fixture->n_crashes;
  set_plain (fixture->citcom, EE_FIELD_SHORT_DESCRIPTION, "Typed into the folder layout");
  wait_for_text (fixture, "Typed into the folder layout");
  ee_preview_reveal (fixture->preview, G_OBJECT (ai));
  wait_until_up_to_date (fixture);
  assert_loads (fixture, n_loads);

  /* The index again, and a card's link. */
  ee_preview_reveal (fixture->preview, G_OBJECT (fixture->document));
  wait_for_script (fixture, cards);
  n_activated = fixture->n_activated;
  evaluate (fixture, "document.querySelectorAll('.grid.cards > ul > li')[3].querySelector('a[href]').click(); true");
  wait_for_count (&fixture->n_activated, n_activated + 1);
  g_assert_true (fixture->activated == G_OBJECT (citiverse));
  g_assert_true (evaluate_boolean (fixture, "document.querySelector('.grid') !== null"));

  /* The page shown is removed: the index. */
  ee_preview_reveal (fixture->preview, G_OBJECT (citiverse));
  wait_for_script (fixture, "document.querySelector('.grid') === null");
  g_list_store_remove (ee_document_get_cluster_store (fixture->document), 3);
  wait_for_script (fixture, "document.querySelectorAll('.grid.cards > ul > li').length === 5");

  /* The single page again. */
  ee_document_set_layout (fixture->document, EE_LAYOUT_PAGE);
  wait_for_script (fixture, "document.querySelector('.grid') === null && document.querySelectorAll('article h2').length === 5");
}

static void
test_page_html (void)
{
  g_autofree char *page = ee_preview_page_html ("<p>Body &amp; text</p>", "A <title>", TRUE);

  g_assert_true (g_str_has_prefix (page, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (page, "Content-Security-Policy"));
  g_assert_nonnull (strstr (page, "default-src 'none'"));
  g_assert_nonnull (strstr (page, "<title>A &lt;title&gt;</title>"));
  g_assert_nonnull (strstr (page, "class=\"ee-dark\""));
  g_assert_nonnull (strstr (page, "<p>Body &amp; text</p>"));
  g_assert_nonnull (strstr (page, ".md-typeset"));
  g_assert_null (strstr (page, "<script"));
}

/* A 1×1 PNG. */
static const char png_base64[] =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *assets = NULL;
  g_autofree char *png_path = NULL;
  g_autofree guchar *png = NULL;
  g_autoptr(GFile) folder = NULL;
  gsize png_length;
  int status;

  g_test_init (&argc, &argv, NULL);
  gui_test_keep_malloc_perturb_to_self ();
  gtk_init ();
  adw_init ();

  folder_path = g_dir_make_tmp ("test-preview-XXXXXX", &error);
  g_assert_no_error (error);
  assets = g_build_filename (folder_path, "assets", NULL);
  g_assert_cmpint (g_mkdir (assets, 0700), ==, 0);
  png_path = g_build_filename (assets, "ecosystem.png", NULL);
  png = g_base64_decode (png_base64, &png_length);
  g_file_set_contents (png_path, (const char *) png, png_length, &error);
  g_assert_no_error (error);
  folder = g_file_new_for_path (folder_path);

  add_test ("/preview/content", test_content, NULL);
  add_test ("/preview/live-update", test_live_update, NULL);
  add_test ("/preview/injection", test_injection, NULL);
  add_test ("/preview/links", test_links, NULL);
  add_test ("/preview/scroll-kept", test_scroll_kept, NULL);
  add_test ("/preview/reveal", test_reveal, NULL);
  add_test ("/preview/place-kept", test_place_kept, NULL);
  add_test ("/preview/click-selects", test_click_selects, NULL);
  add_test ("/preview/dark", test_dark, NULL);
  add_test ("/preview/images", test_images, folder);
  add_test ("/preview/folder-layout", test_folder_layout, folder);
  g_test_add_func ("/preview/page-html", test_page_html);

  status = g_test_run ();

  g_unlink (png_path);
  g_rmdir (assets);
  g_rmdir (folder_path);
  return status;
}
