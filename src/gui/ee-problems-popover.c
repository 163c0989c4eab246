/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ee-problems-popover.h"

#include <adwaita.h>
#include <glib/gi18n.h>

/**
 * EeProblemsPopover:
 *
 * The list of every problem on the page, behind the header bar's problems
 * button: one row per problem, errors with an error icon, warnings with a
 * warning icon.  Activating a row emits #EeProblemsPopover::problem-activated
 * and closes the popover.
 */
struct _EeProblemsPopover {
  GtkPopover  parent_instance;

  GtkWidget  *stack;
  GtkWidget  *list;
  GPtrArray  *problems;
  gboolean    stale;     /* the rows are not the problems' yet */
};

G_DEFINE_FINAL_TYPE (EeProblemsPopover, ee_problems_popover, GTK_TYPE_POPOVER)

enum {
  PROBLEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
row_activated_cb (EeProblemsPopover *self,
                  GtkListBoxRow     *row,
                  GtkListBox        *list)
{
  int index = gtk_list_box_row_get_index (row);
  g_autoptr(EeProblem) problem = NULL;

  if (self->problems == NULL || index < 0 || (guint) index >= self->problems->len)
    return;
  problem = g_object_ref (self->problems->pdata[index]);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[PROBLEM_ACTIVATED], 0, problem);
}

static GtkWidget *
problem_row_new (EeProblem *problem)
{
  GtkWidget *row = adw_action_row_new ();
  EeInitiative *initiative = ee_problem_get_initiative (problem);
  int field = ee_problem_get_field (problem);
  gboolean error = ee_problem_get_severity (problem) == EE_SEVERITY_ERROR;
  GtkWidget *icon = gtk_image_new_from_icon_name (error ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  const char *title = ee_initiative_get_title (initiative);
  const char *label = field == EE_PROBLEM_TITLE ? _("Title")
                                                : g_dpgettext2 (GETTEXT_PACKAGE, "hub field", ee_field_get_label (field));
  g_autofree char *row_title = NULL;
  g_autofree char *accessible = NULL;

  /* TRANSLATORS: a problem's place: "initiative · field" */
  row_title = g_strdup_printf (_("%s · %s"), *title != '\0' ? title : _("Untitled Initiative"), label);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ee_problem_get_message (problem));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_add_css_class (icon, error ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  error ? _("Error") : _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  /* TRANSLATORS: read out for a problem: "Error: place: message" */
  accessible = g_strdup_printf (_("%s: %s: %s"), error ? _("Error") : _("Warning"), row_title,
                                ee_problem_get_message (problem));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

/* The rows are made when the popover shows: the page's problems change as
 * the user types, and nobody reads a list that is not shown. */
static void
rebuild (EeProblemsPopover *self)
{
  GtkWidget *child;

  self->stale = FALSE;
  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  for (guint i = 0; self->problems != NULL && i < self->problems->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), problem_row_new (self->problems->pdata[i]));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    self->problems != NULL && self->problems->len > 0 ? "list" : "empty");
}

static void
ee_problems_popover_show (GtkWidget *widget)
{
  EeProblemsPopover *self = EE_PROBLEMS_POPOVER (widget);

  if (self->stale)
    rebuild (self);
  GTK_WIDGET_CLASS (ee_problems_popover_parent_class)->show (widget);
}

static void
ee_problems_popover_dispose (GObject *object)
{
  EeProblemsPopover *self = EE_PROBLEMS_POPOVER (object);

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  G_OBJECT_CLASS (ee_problems_popover_parent_class)->dispose (object);
}

static void
ee_problems_popover_class_init (EeProblemsPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ee_problems_popover_dispose;
  GTK_WIDGET_CLASS (klass)->show = ee_problems_popover_show;

  /**
   * EeProblemsPopover::problem-activated:
   * @problem: the #EeProblem the user chose
   */
  signals[PROBLEM_ACTIVATED] = g_signal_new ("problem-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, EE_TYPE_PROBLEM);
}

static void
ee_problems_popover_init (EeProblemsPopover *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();

  self->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);

  gtk_widget_set_margin_top (self->list, 6);
  gtk_widget_set_margin_bottom (self->list, 6);
  gtk_widget_set_margin_start (self->list, 6);
  gtk_widget_set_margin_end (self->list, 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 480);
  gtk_widget_set_size_request (scrolled, 380, -1);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Problems"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("Every initiative is ready to publish."));
  gtk_widget_add_css_class (empty, "compact");

  self->stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_set_hhomogeneous (GTK_STACK (self->stack), FALSE);
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "list");
  gtk_popover_set_child (GTK_POPOVER (self), self->stack);
  rebuild (self);
}

GtkWidget *
ee_problems_popover_new (void)
{
  return g_object_new (EE_TYPE_PROBLEMS_POPOVER, NULL);
}

/**
 * ee_problems_popover_set_problems:
 * @problems: (element-type EeProblem): the page's problems, in page order
 */
void
ee_problems_popover_set_problems (EeProblemsPopover *self,
                                  GPtrArray         *problems)
{
  g_return_if_fail (EE_IS_PROBLEMS_POPOVER (self));
  g_return_if_fail (problems != NULL);

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = g_ptr_array_ref (problems);
  self->stale = TRUE;
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    rebuild (self);
}
