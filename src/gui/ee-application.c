/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ee-application.h"
#include "ee-core.h"
#include "ee-window.h"

struct _EeApplication {
  AdwApplication parent_instance;

  gboolean       recovery_offered;   /* drafts are offered once, at the first window */
};

G_DEFINE_FINAL_TYPE (EeApplication, ee_application, ADW_TYPE_APPLICATION)

static void ee_application_open (GApplication  *app,
                                 GFile        **files,
                                 int            n_files,
                                 const char    *hint);

/* Helpers */

static EeWindow *
new_bundled_window (EeApplication *self)
{
  g_autoptr(EeDocument) document = ee_document_new_bundled ();

  return ee_window_new (GTK_APPLICATION (self), document, NULL);
}

/* Recovery */

/* A window that shows the untouched hub page can take a document. */
static gboolean
is_untouched (EeWindow *window)
{
  return ee_window_get_file (window) == NULL && !ee_window_get_modified (window)
         && !ee_history_can_undo (ee_window_get_history (window));
}

static void
recover (EeApplication *self,
         EeWindow      *parent,
         GPtrArray     *drafts)
{
  for (guint i = 0; i < drafts->len; i++)
    {
      EeDraft *draft = drafts->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(EeDocument) document = ee_draft_load (draft, &error);
      EeWindow *window;

      if (document == NULL)
        {
          /* The draft stays where it is: it may still be read by hand. */
          g_autofree char *heading = g_strdup_printf (_("Could Not Recover “%s”"), ee_draft_get_name (draft));
          g_autofree char *folder = ee_draft_get_folder ();
          g_autofree char *body = g_strdup_printf (_("%s\n\nThe draft is kept in %s."), error->message, folder);
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (parent), heading, body);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
          continue;
        }
      if (is_untouched (parent))
        {
          window = parent;
          ee_window_set_document (window, document);
          ee_window_set_file (window, ee_draft_get_origin (draft));
        }
      else
        window = ee_window_new (GTK_APPLICATION (self), document, ee_draft_get_origin (draft));
      ee_window_adopt_draft (window, draft);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      EeApplication    *self)
{
  GPtrArray *drafts = g_object_get_data (G_OBJECT (dialog), "ee-drafts");
  EeWindow *parent = EE_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_str_equal (response, "recover"))
    recover (self, parent, drafts);
  else if (g_str_equal (response, "discard"))
    {
      for (guint i = 0; i < drafts->len; i++)
        ee_draft_discard (drafts->pdata[i]);
    }
  /* "later": they stay for the next start. */
}

/* Offers back what a crash left unsaved, once per run, over @parent. */
static void
offer_recovery (EeApplication *self,
                EeWindow      *parent)
{
  g_autoptr(GPtrArray) drafts = NULL;
  GtkWidget *dialog;
  GtkWidget *list;

  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;
  drafts = ee_draft_list ();
  if (drafts->len == 0)
    return;
  /* The preview is made before the dialog, not under it: GTK 4.8's
   * accessibility tree loses the window when the web view joins it while a
   * dialog is coming up. */
  ee_window_ensure_preview (parent);

  dialog = adw_message_dialog_new (GTK_WINDOW (parent),
                                   g_dngettext (GETTEXT_PACKAGE, "Recover Unsaved Changes?",
                                                "Recover Unsaved Changes?", drafts->len),
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "The editor closed before this page was saved. "
                                                "Its last changes were kept.",
                                                "The editor closed before these pages were saved. "
                                                "Their last changes were kept.",
                                                drafts->len));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unsaved Pages"), -1);
  for (guint i = 0; i < drafts->len; i++)
    {
      EeDraft *draft = drafts->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GFile *origin = ee_draft_get_origin (draft);
      g_autofree char *time = ee_draft_get_time (draft) != NULL
                              /* TRANSLATORS: when a draft was kept, as in g_date_time_format() */
                              ? g_date_time_format (ee_draft_get_time (draft), _("%-d %B %Y, %H:%M"))
                              : g_strdup ("");
      g_autofree char *where = origin != NULL ? g_file_get_parse_name (origin) : g_strdup (_("Not saved"));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", time, where);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ee_draft_get_name (draft));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "ee-drafts", g_steal_pointer (&drafts),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
load_file_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  EeApplication *self = EE_APPLICATION (user_data);
  GFile *file = G_FILE (object);
  g_autoptr(EeDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  document = ee_loader_load_file_finish (file, result, &error);
  if (document != NULL)
    {
      window = GTK_WINDOW (ee_window_new (GTK_APPLICATION (self), document, file));
      gtk_window_present (window);
      offer_recovery (self, EE_WINDOW (window));
    }
  else
    {
      /* The error needs a window to stand on: an open one, or the hub page. */
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
      if (!EE_IS_WINDOW (window))
        window = GTK_WINDOW (new_bundled_window (self));
      gtk_window_present (window);
      ee_window_show_open_error (EE_WINDOW (window), file, error);
    }

  g_application_release (G_APPLICATION (self));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  EeApplication *self = EE_APPLICATION (user_data);
  static const char *developers[] = { "LDT4SSC", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Ecosystem Editor"),
                        "application-icon", APP_ID,
                        "developer-name", "LDT4SSC",
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Edit the LDT4SSC hub’s ecosystem page"),
                        "website", "https://github.com/ldt4ssc/ecosystem-editor",
                        "issue-url", "https://github.com/ldt4ssc/ecosystem-editor/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (new_bundled_window (EE_APPLICATION (user_data))));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
  { .name = "new-window", .activate = new_window_action },
};

/* Every command and its keys, so menus and the shortcuts window show them. */
static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.new-window", { "<Control>n", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.export-as", { "<Control><Shift>e", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.add-initiative", { "<Control><Shift>n", NULL } },
  { "win.duplicate-initiative", { "<Control>d", NULL } },
  { "win.delete-initiative", { "<Control>Delete", NULL } },
  { "win.move-up", { "<Alt>Up", NULL } },
  { "win.move-down", { "<Alt>Down", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.show-preview", { "F9", "<Control><Shift>p", NULL } },
  { "win.show-problems", { "F8", NULL } },
};

/* Overrides */

static void
ee_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (ee_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
ee_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (new_bundled_window (EE_APPLICATION (app)));
  gtk_window_present (window);
  if (EE_IS_WINDOW (window))
    offer_recovery (EE_APPLICATION (app), EE_WINDOW (window));
}

static void
ee_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      /* Keep the application running until the file is read. */
      g_application_hold (app);
      ee_loader_load_file_async (files[i], NULL, load_file_cb, app);
    }
}

static void
ee_application_class_init (EeApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = ee_application_startup;
  app_class->activate = ee_application_activate;
  app_class->open = ee_application_open;
}

static void
ee_application_init (EeApplication *self)
{
}

/* Public API */

EeApplication *
ee_application_new (void)
{
  /* The resource path is set rather than derived from the application id,
   * which ends in ".Devel" in the development profile. */
  return g_object_new (EE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
