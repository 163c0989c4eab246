/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ee-application.h"
#include "ee-core.h"
#include "ee-window.h"

struct _EeApplication {
  AdwApplication parent_instance;
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
      gtk_window_present (GTK_WINDOW (ee_window_new (GTK_APPLICATION (self), document, file)));
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
