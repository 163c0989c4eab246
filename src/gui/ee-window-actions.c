/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "ee-window-private.h"
#include "ee-initiative-form.h"

/* The commands that edit the document: each is a window action, so menus,
 * shortcuts, tests and assistive technology reach the same code. */

static const char *
initiative_name (EeInitiative *initiative)
{
  const char *title = ee_initiative_get_title (initiative);
  return *title ? title : _("Untitled initiative");
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ee_history_undo (EE_WINDOW (widget)->history);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ee_history_redo (EE_WINDOW (widget)->history);
}

static void
add_initiative_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EeWindow *self = EE_WINDOW (widget);
  EeCluster *cluster = _ee_window_get_cluster (self);
  EeInitiative *current = _ee_window_get_initiative (self);
  g_autoptr(EeInitiative) initiative = ee_initiative_new ();
  guint position;
  GtkWidget *form;

  if (cluster == NULL)
    return;
  /* After the initiative shown, or at the end of the cluster. */
  if (current == NULL || ee_document_find_initiative (self->document, current, &position) != cluster)
    position = ee_cluster_get_n_initiatives (cluster);
  else
    position++;

  ee_history_insert (self->history, ee_cluster_get_initiative_store (cluster), position, initiative);
  _ee_window_show (self, G_OBJECT (initiative), TRUE);
  form = adw_bin_get_child (self->form_bin);
  if (EE_IS_INITIATIVE_FORM (form))
    ee_initiative_form_focus_field (EE_INITIATIVE_FORM (form), EE_FIELD_NAME);
}

static void
duplicate_initiative_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  EeWindow *self = EE_WINDOW (widget);
  EeInitiative *initiative = _ee_window_get_initiative (self);
  g_autoptr(EeInitiative) copy = NULL;
  g_autofree char *title = NULL;
  EeCluster *cluster;
  guint position;

  if (initiative == NULL || (cluster = ee_document_find_initiative (self->document, initiative, &position)) == NULL)
    return;
  copy = ee_initiative_copy (initiative);
  /* Translators: the title of a copy of an initiative. */
  title = g_strdup_printf (_("%s (copy)"), initiative_name (initiative));
  ee_initiative_set_title (copy, title);
  ee_history_insert (self->history, ee_cluster_get_initiative_store (cluster), position + 1, copy);
  _ee_window_show (self, G_OBJECT (copy), TRUE);
}

static void
delete_initiative_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  EeWindow *self = EE_WINDOW (widget);
  EeInitiative *initiative = _ee_window_get_initiative (self);
  g_autofree char *title = NULL;
  EeCluster *cluster;
  AdwToast *toast;
  guint position;

  if (initiative == NULL || (cluster = ee_document_find_initiative (self->document, initiative, &position)) == NULL)
    return;

  title = g_strdup_printf (_("“%s” deleted"), initiative_name (initiative));
  _ee_window_show (self, G_OBJECT (cluster), TRUE);
  ee_history_remove (self->history, ee_cluster_get_initiative_store (cluster), position);
  /* The focus goes to the cluster's initiatives, not into a field of its
   * form where the next keystroke would change text. */
  _ee_window_focus_initiatives (self);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * _ee_window_move_initiative:
 * @position: where in @cluster, counted before the move
 *
 * Moves an initiative, as one step that can be undone, and keeps it shown.
 */
void
_ee_window_move_initiative (EeWindow     *self,
                            EeInitiative *initiative,
                            EeCluster    *cluster,
                            guint         position)
{
  guint from;
  EeCluster *from_cluster = ee_document_find_initiative (self->document, initiative, &from);

  if (from_cluster == NULL)
    return;
  /* Within one list, the item leaves its place before it takes the new one. */
  if (from_cluster == cluster && position > from)
    position--;
  if (from_cluster == cluster && position == from)
    return;
  g_object_ref (initiative);
  self->moving = TRUE;
  ee_history_move (self->history, ee_cluster_get_initiative_store (from_cluster), from,
                   ee_cluster_get_initiative_store (cluster), position);
  self->moving = FALSE;
  _ee_window_show (self, G_OBJECT (initiative), TRUE);
  g_object_unref (initiative);
}

static void
move_by (EeWindow *self, int delta)
{
  EeInitiative *initiative = _ee_window_get_initiative (self);
  EeCluster *cluster;
  guint position;

  if (initiative == NULL || (cluster = ee_document_find_initiative (self->document, initiative, &position)) == NULL)
    return;
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= ee_cluster_get_n_initiatives (cluster)))
    return;
  _ee_window_move_initiative (self, initiative, cluster, delta < 0 ? position - 1 : position + 2);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_by (EE_WINDOW (widget), -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_by (EE_WINDOW (widget), +1);
}

static void
move_to_cluster_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  EeWindow *self = EE_WINDOW (widget);
  EeInitiative *initiative = _ee_window_get_initiative (self);
  guint index = g_variant_get_uint32 (parameter);
  EeCluster *cluster;

  if (initiative == NULL || index >= ee_document_get_n_clusters (self->document))
    return;
  cluster = ee_document_get_cluster (self->document, index);
  if (ee_document_find_initiative (self->document, initiative, NULL) == cluster)
    return;
  _ee_window_move_initiative (self, initiative, cluster, ee_cluster_get_n_initiatives (cluster));
  {
    g_autofree char *title = g_strdup_printf (_("Moved to “%s”"), *ee_cluster_get_short_title (cluster)
                                                                  ? ee_cluster_get_short_title (cluster)
                                                                  : ee_cluster_get_title (cluster));
    _ee_window_toast (self, title);
  }
}

static void
toggle_example_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  EeWindow *self = EE_WINDOW (widget);
  EeInitiative *initiative = _ee_window_get_initiative (self);

  if (initiative != NULL)
    ee_history_set_boolean (self->history, initiative, "example", !ee_initiative_get_example (initiative));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  EeWindow *self = EE_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  EeWindow *self = EE_WINDOW (widget);

  _ee_window_show (self, G_OBJECT (self->document), TRUE);
}

static void
show_cluster_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  EeWindow *self = EE_WINDOW (widget);
  guint index = g_variant_get_uint32 (parameter);

  if (index < ee_document_get_n_clusters (self->document))
    _ee_window_show (self, G_OBJECT (ee_document_get_cluster (self->document, index)), TRUE);
}

static void
update_move_to_menu (EeWindow *self)
{
  g_menu_remove_all (self->move_to_menu);
  for (guint i = 0; i < ee_document_get_n_clusters (self->document); i++)
    {
      EeCluster *cluster = ee_document_get_cluster (self->document, i);
      const char *name = *ee_cluster_get_short_title (cluster) ? ee_cluster_get_short_title (cluster)
                                                                : ee_cluster_get_title (cluster);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target_value (item, "win.move-to-cluster", g_variant_new_uint32 (i));
      g_menu_append_item (self->move_to_menu, item);
    }
}

/**
 * _ee_window_update_actions:
 *
 * Enables the commands that apply to what the window shows.
 */
void
_ee_window_update_actions (EeWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  EeInitiative *initiative = _ee_window_get_initiative (self);
  EeCluster *cluster = NULL;
  guint position = 0, n = 0;

  if (self->document == NULL)
    return;
  if (initiative != NULL)
    cluster = ee_document_find_initiative (self->document, initiative, &position);
  if (cluster != NULL)
    n = ee_cluster_get_n_initiatives (cluster);

  gtk_widget_action_set_enabled (widget, "win.undo", ee_history_can_undo (self->history));
  gtk_widget_action_set_enabled (widget, "win.redo", ee_history_can_redo (self->history));
  gtk_widget_action_set_enabled (widget, "win.add-initiative", _ee_window_get_cluster (self) != NULL);
  gtk_widget_action_set_enabled (widget, "win.duplicate-initiative", cluster != NULL);
  gtk_widget_action_set_enabled (widget, "win.delete-initiative", cluster != NULL);
  gtk_widget_action_set_enabled (widget, "win.toggle-example", cluster != NULL);
  gtk_widget_action_set_enabled (widget, "win.move-to-cluster", cluster != NULL);
  gtk_widget_action_set_enabled (widget, "win.move-up", cluster != NULL && position > 0);
  gtk_widget_action_set_enabled (widget, "win.move-down", cluster != NULL && position + 1 < n);
  update_move_to_menu (self);
}

void
_ee_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.add-initiative", NULL, add_initiative_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-initiative", NULL, duplicate_initiative_action);
  gtk_widget_class_install_action (widget_class, "win.delete-initiative", NULL, delete_initiative_action);
  gtk_widget_class_install_action (widget_class, "win.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "win.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "win.move-to-cluster", "u", move_to_cluster_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-example", NULL, toggle_example_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", NULL, show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-cluster", "u", show_cluster_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "win.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "win.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_ALT_MASK, "win.show-page", NULL);
  for (guint i = 0; i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "win.show-cluster", "u", i);
}
