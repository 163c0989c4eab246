/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ee-window.h"

/* How many lines of a long text a read-only row shows before it ellipsizes. */
#define FIELD_LINES        3
#define INTRODUCTION_LINES 6

struct _EeWindow {
  AdwApplicationWindow  parent_instance;

  EeDocument           *document;
  GFile                *file;
  GSettings            *settings;  /* NULL when the schema is not installed */
  guint                 refresh_id;

  /* Template children */
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar_list;
  GtkWidget            *content_pane;
  AdwWindowTitle       *window_title;
  AdwBin               *content_bin;
};

G_DEFINE_FINAL_TYPE (EeWindow, ee_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sidebar rows keep their labels here, so that a change of the document
 * updates them in place without disturbing the selection or the focus. */
#define ROW_TITLE_KEY    "ee-row-title"
#define ROW_SUBTITLE_KEY "ee-row-subtitle"

/* Helpers */

static char *
file_display_name (GFile *file)
{
  g_autofree char *parse_name = NULL;
  const char *path = g_file_peek_path (file);

  if (path != NULL)
    return g_filename_display_basename (path);
  parse_name = g_file_get_parse_name (file);
  return g_path_get_basename (parse_name);
}

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Without its schema, g_settings_new() aborts; a window run from the build
   * tree or a test without GSETTINGS_SCHEMA_DIR just forgets its size. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("The settings schema %s is not installed; the window size is not kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static GtkWidget *
sidebar_row_new (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), ROW_TITLE_KEY, title);
  g_object_set_data (G_OBJECT (row), ROW_SUBTITLE_KEY, subtitle);
  return row;
}

static void
sidebar_row_set_text (GtkListBoxRow *row,
                      const char    *title,
                      const char    *subtitle)
{
  GtkLabel *title_label = g_object_get_data (G_OBJECT (row), ROW_TITLE_KEY);
  GtkLabel *subtitle_label = g_object_get_data (G_OBJECT (row), ROW_SUBTITLE_KEY);

  g_assert (GTK_IS_LABEL (title_label) && GTK_IS_LABEL (subtitle_label));

  gtk_label_set_text (title_label, title);
  gtk_label_set_text (subtitle_label, subtitle);
  /* A screen reader announces both lines as the row's name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
}

static const char *
cluster_display_title (EeCluster *cluster)
{
  const char *title = ee_cluster_get_title (cluster);

  return title != NULL && *title != '\0' ? title : _("Untitled cluster");
}

static const char *
document_display_title (EeDocument *document)
{
  const char *title = ee_document_get_title (document);

  return title != NULL && *title != '\0' ? title : _("Untitled page");
}

static GtkWidget *
text_row_new (const char *title,
              const char *text,
              int         lines)
{
  GtkWidget *row = adw_action_row_new ();

  /* Titles and values are the hub's text, not markup: "&" must stay "&". */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               text != NULL && *text != '\0' ? text : _("Empty"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), lines);
  return row;
}

/* A label limits the lines of each paragraph, not of the whole text, so a
 * preview runs the lines of a text together, with a dot where one ended. */
static char *
rich_text_preview (EeRichText *text)
{
  g_autofree char *plain = NULL;
  GString *preview;
  const char *separator = NULL;

  if (text == NULL)
    return NULL;

  plain = ee_rich_text_to_plain (text);
  preview = g_string_sized_new (strlen (plain));
  /* ASCII white space never occurs inside a UTF-8 sequence. */
  for (const char *p = plain; *p != '\0'; p++)
    {
      if (*p == '\n')
        separator = " · ";
      else if (g_ascii_isspace (*p))
        separator = separator != NULL ? separator : " ";
      else
        {
          if (separator != NULL && preview->len > 0)
            g_string_append (preview, separator);
          separator = NULL;
          g_string_append_c (preview, *p);
        }
    }
  return g_string_free (preview, FALSE);
}

static GtkWidget *
rich_text_row_new (const char *title,
                   EeRichText *text,
                   int         lines)
{
  g_autofree char *preview = rich_text_preview (text);

  return text_row_new (title, preview, lines);
}

static GtkWidget *
page_overview_new (EeDocument *document)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Page"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Page"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The heading and the texts around the clusters"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             text_row_new (_("Title"), ee_document_get_title (document), 2));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             rich_text_row_new (_("Introduction"),
                                                ee_document_get_introduction (document),
                                                INTRODUCTION_LINES));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             rich_text_row_new (_("Closing"),
                                                ee_document_get_closing (document),
                                                FIELD_LINES));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return page;
}

static GtkWidget *
initiative_row_new (EeInitiative *initiative)
{
  GtkWidget *row = adw_expander_row_new ();
  const char *title = ee_initiative_get_title (initiative);
  g_autofree char *name = rich_text_preview (ee_initiative_get_field (initiative, EE_FIELD_NAME));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 title != NULL && *title != '\0' ? title : _("Untitled initiative"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), name);

  if (ee_initiative_get_example (initiative))
    {
      GtkWidget *tag = gtk_label_new (_("Example"));

      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "caption");
      gtk_widget_add_css_class (tag, "dim-label");
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), tag);
    }

  /* The field labels are the hub's own, in English whatever the UI language:
   * they are part of the page, not of the editor. */
  for (guint i = 0; i < EE_N_FIELDS; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              rich_text_row_new (ee_field_get_label (i),
                                                 ee_initiative_get_field (initiative, i),
                                                 FIELD_LINES));
  return row;
}

/* What AdwStatusPage shows, at the size of a group: libadwaita 1.2 has no
 * compact status page, and a full one dwarfs the rows above it. */
static GtkWidget *
empty_initiatives_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  /* The icon only decorates: screen readers skip it. */
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "system-users-symbolic",
                                  "pixel-size", 64,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  GtkWidget *title = gtk_label_new (_("No initiatives yet"));
  GtkWidget *description = gtk_label_new (_("The initiatives of this cluster will be listed here"));

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_bottom (icon, 12);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (title, "title-3");
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_justify (GTK_LABEL (description), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (description, "dim-label");

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), description);
  return box;
}

static GtkWidget *
cluster_overview_new (EeCluster *cluster)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *about = adw_preferences_group_new ();
  GtkWidget *initiatives = adw_preferences_group_new ();
  guint n_initiatives = ee_cluster_get_n_initiatives (cluster);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), cluster_display_title (cluster));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (about), _("Cluster"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (about),
                             text_row_new (_("Title"), ee_cluster_get_title (cluster), 2));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (about),
                             rich_text_row_new (_("Summary"), ee_cluster_get_summary (cluster),
                                                FIELD_LINES));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (about));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (initiatives), _("Initiatives"));
  if (n_initiatives == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (initiatives), empty_initiatives_new ());
  for (guint i = 0; i < n_initiatives; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (initiatives),
                               initiative_row_new (ee_cluster_get_initiative (cluster, i)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (initiatives));

  return page;
}

static void
show_selected (EeWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar_list);
  GtkWidget *overview = NULL;
  int index;

  if (row != NULL && self->document != NULL)
    {
      index = gtk_list_box_row_get_index (row);
      if (index == 0)
        overview = page_overview_new (self->document);
      else if ((guint) index <= ee_document_get_n_clusters (self->document))
        overview = cluster_overview_new (ee_document_get_cluster (self->document, index - 1));
    }

  adw_bin_set_child (self->content_bin, overview);
}

static void
update_sidebar (EeWindow *self)
{
  guint n_clusters = self->document != NULL ? ee_document_get_n_clusters (self->document) : 0;
  guint n_rows = 0;
  GtkListBoxRow *row;

  while (gtk_list_box_get_row_at_index (self->sidebar_list, n_rows) != NULL)
    n_rows++;

  /* Rows are added or removed at the end only, so a selected row keeps its
   * place unless it is itself removed. */
  for (; n_rows < n_clusters + 1; n_rows++)
    gtk_list_box_append (self->sidebar_list, sidebar_row_new ());
  for (; n_rows > n_clusters + 1; n_rows--)
    gtk_list_box_remove (self->sidebar_list,
                         GTK_WIDGET (gtk_list_box_get_row_at_index (self->sidebar_list, n_rows - 1)));

  row = gtk_list_box_get_row_at_index (self->sidebar_list, 0);
  sidebar_row_set_text (row, _("Page"), _("Title, introduction and closing"));

  for (guint i = 0; i < n_clusters; i++)
    {
      EeCluster *cluster = ee_document_get_cluster (self->document, i);
      guint n = ee_cluster_get_n_initiatives (cluster);
      g_autofree char *count = g_strdup_printf (ngettext ("%u initiative", "%u initiatives", n), n);

      row = gtk_list_box_get_row_at_index (self->sidebar_list, i + 1);
      sidebar_row_set_text (row, cluster_display_title (cluster), count);
    }

  if (gtk_list_box_get_selected_row (self->sidebar_list) == NULL)
    gtk_list_box_select_row (self->sidebar_list, gtk_list_box_get_row_at_index (self->sidebar_list, 0));
}

static void
update_title (EeWindow *self)
{
  g_autofree char *file_name = self->file != NULL ? file_display_name (self->file) : NULL;
  const char *title = self->document != NULL ? document_display_title (self->document) : "";

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, file_name != NULL ? file_name : _("Hub page"));
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* This first window only shows the document, so it simply redraws what
 * changed, once per burst of changes. */
static gboolean
refresh_cb (gpointer user_data)
{
  EeWindow *self = EE_WINDOW (user_data);

  self->refresh_id = 0;
  update_title (self);
  update_sidebar (self);
  show_selected (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (EeWindow *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_cb, self, NULL);
}

/* Callbacks */

static void
document_changed_cb (EeWindow   *self,
                     GObject    *object,
                     const char *property)
{
  queue_refresh (self);
}

static void
sidebar_row_selected_cb (EeWindow      *self,
                         GtkListBoxRow *row)
{
  show_selected (self);
}

static void
sidebar_row_activated_cb (EeWindow      *self,
                          GtkListBoxRow *row)
{
  /* On a narrow window the sidebar and the content take turns. */
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

static void
sidebar_header_func (GtkListBoxRow *row,
                     GtkListBoxRow *before,
                     gpointer       user_data)
{
  GtkWidget *header;

  if (gtk_list_box_row_get_index (row) != 1)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  if (gtk_list_box_row_get_header (row) != NULL)
    return;

  header = gtk_label_new (_("Clusters"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  EeWindow *self = EE_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Overrides */

static gboolean
ee_window_close_request (GtkWindow *window)
{
  EeWindow *self = EE_WINDOW (window);
  gboolean maximized = gtk_window_is_maximized (window);
  int width, height;

  if (self->settings != NULL)
    {
      g_settings_set_boolean (self->settings, "window-maximized", maximized);
      /* A maximized window's size is the screen's: keep the one to restore. */
      if (!maximized)
        {
          gtk_window_get_default_size (window, &width, &height);
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }

  return GTK_WINDOW_CLASS (ee_window_parent_class)->close_request (window);
}

static void
ee_window_dispose (GObject *object)
{
  EeWindow *self = EE_WINDOW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  /* The sidebar drops its selected row as it goes, which must not rebuild
   * the content of a window half disposed. */
  if (self->sidebar_list != NULL)
    g_signal_handlers_disconnect_by_data (self->sidebar_list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), EE_TYPE_WINDOW);

  G_OBJECT_CLASS (ee_window_parent_class)->dispose (object);
}

static void
ee_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  EeWindow *self = EE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ee_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  EeWindow *self = EE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ee_window_set_document (self, g_value_get_object (value));
      break;
    case PROP_FILE:
      ee_window_set_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ee_window_class_init (EeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = ee_window_dispose;
  object_class->get_property = ee_window_get_property;
  object_class->set_property = ee_window_set_property;
  window_class->close_request = ee_window_close_request;

  /**
   * EeWindow:document:
   *
   * The document the window shows.
   */
  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, EE_TYPE_DOCUMENT, flags);

  /**
   * EeWindow:file: (nullable)
   *
   * Where the document was read from; %NULL for the bundled page.
   */
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ee-window.ui");
  gtk_widget_class_bind_template_child (widget_class, EeWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, content_pane);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, EeWindow, content_bin);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
}

static void
ee_window_init (EeWindow *self)
{
  int width, height;

  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  gtk_list_box_set_header_func (self->sidebar_list, sidebar_header_func, NULL, NULL);

  self->settings = settings_new_if_installed ();
  if (self->settings != NULL)
    {
      width = g_settings_get_int (self->settings, "window-width");
      height = g_settings_get_int (self->settings, "window-height");
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  update_title (self);
}

/* Public API */

/**
 * ee_window_new:
 * @application: the application
 * @document: the document to show
 * @file: (nullable): where @document was read from, or %NULL
 */
EeWindow *
ee_window_new (GtkApplication *application,
               EeDocument     *document,
               GFile          *file)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (EE_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return g_object_new (EE_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       "file", file,
                       NULL);
}

EeDocument *
ee_window_get_document (EeWindow *self)
{
  g_return_val_if_fail (EE_IS_WINDOW (self), NULL);

  return self->document;
}

void
ee_window_set_document (EeWindow   *self,
                        EeDocument *document)
{
  g_return_if_fail (EE_IS_WINDOW (self));
  g_return_if_fail (document == NULL || EE_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                             G_CONNECT_SWAPPED);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh_cb (self);
  /* A new document starts on its first section. */
  gtk_list_box_select_row (self->sidebar_list, gtk_list_box_get_row_at_index (self->sidebar_list, 0));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

GFile *
ee_window_get_file (EeWindow *self)
{
  g_return_val_if_fail (EE_IS_WINDOW (self), NULL);

  return self->file;
}

void
ee_window_set_file (EeWindow *self,
                    GFile    *file)
{
  g_return_if_fail (EE_IS_WINDOW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (!g_set_object (&self->file, file))
    return;

  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/**
 * ee_window_show_open_error:
 * @file: the file that did not open
 * @error: why
 *
 * Tells, in a dialog over the window, that @file could not be opened.
 */
void
ee_window_show_open_error (EeWindow     *self,
                           GFile        *file,
                           const GError *error)
{
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  g_return_if_fail (EE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (error != NULL);

  name = file_display_name (file);
  heading = g_strdup_printf (_("Could not open “%s”"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
