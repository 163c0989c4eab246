/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ee-initiative-form.h"
#include "ee-problems-popover.h"
#include "ee-window-private.h"

/*
 * The window's part of validation: the page is checked a moment after each
 * change; the header bar's problems button counts what was found and lists
 * it, and the initiative's form shows its own problems under its fields.
 */

/* How long typing must pause before the page is checked again. */
#define VALIDATE_DELAY_MS 250

static void
update_form (EeWindow *self)
{
  GtkWidget *form = adw_bin_get_child (self->form_bin);

  if (EE_IS_INITIATIVE_FORM (form) && self->problems != NULL)
    ee_initiative_form_set_problems (EE_INITIATIVE_FORM (form), self->problems);
}

static void
update_button (EeWindow *self)
{
  guint errors = ee_problems_count (self->problems, EE_SEVERITY_ERROR);
  guint warnings = ee_problems_count (self->problems, EE_SEVERITY_WARNING);
  g_autofree char *count = g_strdup_printf ("%u", errors + warnings);
  g_autofree char *summary = NULL;
  g_autofree char *error_text = NULL;
  g_autofree char *warning_text = NULL;

  error_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", errors), errors);
  warning_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", warnings), warnings);
  /* TRANSLATORS: the problems button's tooltip: "2 errors, 5 warnings" */
  summary = g_strdup_printf (_("%s, %s"), error_text, warning_text);

  gtk_widget_set_visible (self->problems_button, errors + warnings > 0);
  gtk_label_set_text (self->problems_label, count);
  gtk_image_set_from_icon_name (self->problems_icon, errors > 0 ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  /* The icon takes the colour, not the button: it is a status, not an alarm. */
  gtk_widget_set_css_classes (GTK_WIDGET (self->problems_icon),
                              (const char *[]) { errors > 0 ? "error" : "warning", NULL });
  gtk_widget_set_tooltip_text (self->problems_button, summary);
  {
    /* TRANSLATORS: the problems button, read out: "Problems: 2 errors, 5 warnings" */
    g_autofree char *label = g_strdup_printf (_("Problems: %s"), summary);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->problems_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
}

/**
 * _ee_window_validate:
 *
 * Checks the page now and shows what was found.
 */
void
_ee_window_validate (EeWindow *self)
{
  g_clear_handle_id (&self->validate_id, g_source_remove);
  if (self->document == NULL)
    return;
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = ee_validate_document (self->document);
  ee_problems_popover_set_problems (EE_PROBLEMS_POPOVER (self->problems_popover), self->problems);
  update_button (self);
  update_form (self);
}

static gboolean
validate_cb (gpointer user_data)
{
  EeWindow *self = user_data;

  self->validate_id = 0;
  _ee_window_validate (self);
  return G_SOURCE_REMOVE;
}

/**
 * _ee_window_schedule_validation:
 *
 * Checks the page once the user pauses.
 */
void
_ee_window_schedule_validation (EeWindow *self)
{
  g_clear_handle_id (&self->validate_id, g_source_remove);
  self->validate_id = g_timeout_add (VALIDATE_DELAY_MS, validate_cb, self);
}

/**
 * _ee_window_form_shown:
 *
 * A new form shows: it learns the problems of what it shows.
 */
void
_ee_window_form_shown (EeWindow *self)
{
  update_form (self);
}

/**
 * _ee_window_count_errors:
 *
 * Returns: how many errors the page has, checked now
 */
guint
_ee_window_count_errors (EeWindow *self)
{
  _ee_window_validate (self);
  return self->problems != NULL ? ee_problems_count (self->problems, EE_SEVERITY_ERROR) : 0;
}

static void
problem_activated_cb (EeWindow  *self,
                      EeProblem *problem)
{
  EeInitiative *initiative = ee_problem_get_initiative (problem);
  int field = ee_problem_get_field (problem);
  GtkWidget *form;

  /* The initiative may have gone since the page was checked. */
  if (ee_document_find_initiative (self->document, initiative, NULL) == NULL)
    return;
  _ee_window_show (self, G_OBJECT (initiative), TRUE);
  form = adw_bin_get_child (self->form_bin);
  if (EE_IS_INITIATIVE_FORM (form))
    ee_initiative_form_focus_field (EE_INITIATIVE_FORM (form), field);
}

static void
show_problems_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  EeWindow *self = EE_WINDOW (widget);

  _ee_window_validate (self);
  if (self->problems->len == 0)
    {
      _ee_window_toast (self, _("No problems on the page"));
      return;
    }
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->problems_button));
}

void
_ee_window_init_problems (EeWindow *self)
{
  self->problems_popover = ee_problems_popover_new ();
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->problems_button), self->problems_popover);
  g_signal_connect_object (self->problems_popover, "problem-activated", G_CALLBACK (problem_activated_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_ee_window_class_add_problem_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-problems", NULL, show_problems_action);
}
