/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ee-sidebar.h"

#include <glib/gi18n.h>

/*
 * The page, its six clusters and, under each, its initiatives, as a tree
 * with counts.  Initiatives can be dragged onto another initiative (to go
 * before it) or onto a cluster (to go at its end).  A search keeps the
 * initiatives with the text in any field, and their clusters.
 */

struct _EeSidebar {
  AdwBin              parent_instance;

  EeDocument         *document;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  GtkTreeListModel   *tree;
  char               *search;     /* folded for matching, or NULL */
  gboolean            selecting;
};

G_DEFINE_FINAL_TYPE (EeSidebar, ee_sidebar, ADW_TYPE_BIN)

enum {
  SELECTED,
  MOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Search ---------------------------------------------------------------- */

static gboolean
text_matches (const char *text, const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == 0)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
rich_matches (EeRichText *text, const char *needle)
{
  g_autofree char *plain = ee_rich_text_to_plain (text);
  return text_matches (plain, needle);
}

static gboolean
initiative_matches (EeInitiative *initiative, const char *needle)
{
  if (text_matches (ee_initiative_get_title (initiative), needle))
    return TRUE;
  for (guint f = 0; f < EE_N_FIELDS; f++)
    if (rich_matches (ee_initiative_get_field (initiative, f), needle))
      return TRUE;
  return FALSE;
}

static gboolean
cluster_matches (EeCluster *cluster, const char *needle)
{
  GListModel *initiatives = ee_cluster_get_initiatives (cluster);

  if (text_matches (ee_cluster_get_title (cluster), needle) || rich_matches (ee_cluster_get_introduction (cluster), needle))
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (initiatives); i++)
    {
      g_autoptr(EeInitiative) initiative = g_list_model_get_item (initiatives, i);
      if (initiative_matches (initiative, needle))
        return TRUE;
    }
  return FALSE;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  EeSidebar *self = user_data;
  GObject *object = gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item));
  gboolean keep;

  if (self->search == NULL)
    keep = TRUE;
  else if (EE_IS_INITIATIVE (object))
    keep = initiative_matches (EE_INITIATIVE (object), self->search);
  else if (EE_IS_CLUSTER (object))
    keep = cluster_matches (EE_CLUSTER (object), self->search);
  else
    keep = text_matches (ee_document_get_title (EE_DOCUMENT (object)), self->search)
           || rich_matches (ee_document_get_introduction (EE_DOCUMENT (object)), self->search);
  g_object_unref (object);
  return keep;
}

/**
 * ee_sidebar_set_search:
 * @text: (nullable): what to look for in any field; %NULL or empty shows all
 */
void
ee_sidebar_set_search (EeSidebar  *self,
                       const char *text)
{
  g_return_if_fail (EE_IS_SIDEBAR (self));

  g_clear_pointer (&self->search, g_free);
  if (text != NULL && *text != 0)
    self->search = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Rows ------------------------------------------------------------------- */

static void
row_update (GtkListItem *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *count = gtk_widget_get_next_sibling (title);
  g_autoptr(GObject) object = row ? gtk_tree_list_row_get_item (row) : NULL;
  g_autofree char *count_text = NULL;
  const char *text;

  if (object == NULL)
    return;
  if (EE_IS_DOCUMENT (object))
    text = _("Page");
  else if (EE_IS_CLUSTER (object))
    {
      guint n = ee_cluster_get_n_initiatives (EE_CLUSTER (object));
      const char *short_title = ee_cluster_get_short_title (EE_CLUSTER (object));

      text = *short_title ? short_title : ee_cluster_get_title (EE_CLUSTER (object));
      g_autofree char *count_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u initiative", "%u initiatives", n), n);

      count_text = g_strdup_printf ("%u", n);
      gtk_accessible_update_property (GTK_ACCESSIBLE (count), GTK_ACCESSIBLE_PROPERTY_LABEL, count_label, -1);
    }
  else
    text = ee_initiative_get_title (EE_INITIATIVE (object));

  if (text == NULL || *text == 0)
    text = EE_IS_INITIATIVE (object) ? _("Untitled initiative") : _("Untitled cluster");
  gtk_label_set_text (GTK_LABEL (title), text);
  gtk_label_set_text (GTK_LABEL (count), count_text ? count_text : "");
  gtk_widget_set_visible (count, count_text != NULL);
  if (EE_IS_CLUSTER (object) || EE_IS_DOCUMENT (object))
    gtk_widget_add_css_class (title, "heading");
  else
    gtk_widget_remove_css_class (title, "heading");
}

static void
object_changed_cb (GObject     *object,
                   GParamSpec  *pspec,
                   GtkListItem *list_item)
{
  row_update (list_item);
}

static void
initiatives_changed_cb (GListModel  *model,
                        guint        position,
                        guint        removed,
                        guint        added,
                        GtkListItem *list_item)
{
  row_update (list_item);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) object = row ? gtk_tree_list_row_get_item (row) : NULL;

  if (!EE_IS_INITIATIVE (object))
    return NULL;
  return gdk_content_provider_new_typed (EE_TYPE_INITIATIVE, object);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkListItem   *list_item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  EeSidebar *self = EE_SIDEBAR (gtk_widget_get_ancestor (widget, EE_TYPE_SIDEBAR));
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) object = row ? gtk_tree_list_row_get_item (row) : NULL;
  EeInitiative *dragged = g_value_get_object (value);
  EeCluster *cluster = NULL;
  guint position = 0;

  if (object == NULL || object == G_OBJECT (dragged))
    return FALSE;
  if (EE_IS_CLUSTER (object))
    {
      cluster = EE_CLUSTER (object);
      position = ee_cluster_get_n_initiatives (cluster);
    }
  else if (EE_IS_INITIATIVE (object))
    cluster = ee_document_find_initiative (self->document, EE_INITIATIVE (object), &position);
  if (cluster == NULL)
    return FALSE;

  g_signal_emit (self, signals[MOVE_REQUESTED], 0, dragged, cluster, position);
  return TRUE;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          EeSidebar                *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (EE_TYPE_INITIATIVE, GDK_ACTION_MOVE);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), count);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), list_item);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), list_item);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (target));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         EeSidebar                *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  g_autoptr(GObject) object = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  /* A row can outlive its item for a moment while a list changes. */
  if (object == NULL)
    return;
  g_signal_connect (object, "notify", G_CALLBACK (object_changed_cb), list_item);
  if (EE_IS_CLUSTER (object))
    g_signal_connect (ee_cluster_get_initiatives (EE_CLUSTER (object)), "items-changed",
                      G_CALLBACK (initiatives_changed_cb), list_item);
  g_object_set_data_full (G_OBJECT (list_item), "ee-object", g_object_ref (object), g_object_unref);
  row_update (list_item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           EeSidebar                *self)
{
  GObject *object = g_object_get_data (G_OBJECT (list_item), "ee-object");

  if (object != NULL)
    {
      g_signal_handlers_disconnect_by_data (object, list_item);
      if (EE_IS_CLUSTER (object))
        g_signal_handlers_disconnect_by_data (ee_cluster_get_initiatives (EE_CLUSTER (object)), list_item);
    }
  g_object_set_data (G_OBJECT (list_item), "ee-object", NULL);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item)), NULL);
}

/* Model ------------------------------------------------------------------ */

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  if (EE_IS_CLUSTER (item))
    return g_object_ref (ee_cluster_get_initiatives (EE_CLUSTER (item)));
  return NULL;
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      EeSidebar          *self)
{
  g_autoptr(GObject) object = NULL;

  if (self->selecting)
    return;
  object = ee_sidebar_get_selected (self);
  if (object != NULL)
    g_signal_emit (self, signals[SELECTED], 0, object);
}

static void
document_changed_cb (EeSidebar  *self,
                     GObject    *object,
                     const char *property)
{
  /* Edits can make a row match the search or stop matching it. */
  if (self->search != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * ee_sidebar_set_document:
 */
void
ee_sidebar_set_document (EeSidebar  *self,
                         EeDocument *document)
{
  g_autoptr(GListStore) roots = NULL;
  g_autoptr(GListStore) page = NULL;
  GtkFlattenListModel *flat;

  g_return_if_fail (EE_IS_SIDEBAR (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);

  page = g_list_store_new (EE_TYPE_DOCUMENT);
  g_list_store_append (page, document);
  roots = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (roots, page);
  g_list_store_append (roots, ee_document_get_clusters (document));
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&roots)));

  g_clear_object (&self->tree);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (flat), FALSE, TRUE, create_children, NULL, NULL);
  /* The filter model takes a reference of its own to both. */
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->tree)),
                                                  GTK_FILTER (g_object_ref (self->filter)));
  self->selecting = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->filter_model));
  g_object_unref (self->filter_model);
  gtk_single_selection_set_selected (self->selection, 0);
  self->selecting = FALSE;
}

/**
 * ee_sidebar_get_selected:
 *
 * Returns: (transfer full) (nullable): the document (for the page), a
 *   cluster or an initiative
 */
GObject *
ee_sidebar_get_selected (EeSidebar *self)
{
  GtkTreeListRow *row;

  g_return_val_if_fail (EE_IS_SIDEBAR (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);
  return row ? gtk_tree_list_row_get_item (row) : NULL;
}

static gboolean
find_position (EeSidebar *self, GObject *object, guint *position)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item == object)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * ee_sidebar_select:
 *
 * Selects and shows the row of @object, opening its cluster if needed.
 * Does not emit ::selected.
 */
void
ee_sidebar_select (EeSidebar *self,
                   GObject   *object)
{
  guint position;

  g_return_if_fail (EE_IS_SIDEBAR (self));

  if (!find_position (self, object, &position) && EE_IS_INITIATIVE (object))
    {
      EeCluster *cluster = ee_document_find_initiative (self->document, EE_INITIATIVE (object), NULL);
      guint cluster_position;

      if (cluster != NULL && find_position (self, G_OBJECT (cluster), &cluster_position))
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), cluster_position);
          gtk_tree_list_row_set_expanded (row, TRUE);
        }
    }
  if (!find_position (self, object, &position))
    return;

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;

  /* In GTK 4.8, scrolling to an item also moves the keyboard focus to it;
   * the focus goes back where it was, so typing goes on in its field. */
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

    if (focus != NULL)
      g_object_ref (focus);
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
    if (focus != NULL && gtk_widget_get_root (focus) == root &&
        !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
      {
        if (GTK_IS_TEXT (focus))
          gtk_text_grab_focus_without_selecting (GTK_TEXT (focus));
        else
          gtk_widget_grab_focus (focus);
      }
    g_clear_object (&focus);
  }
}

static void
ee_sidebar_dispose (GObject *object)
{
  EeSidebar *self = EE_SIDEBAR (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->tree);
  g_clear_object (&self->filter);
  g_clear_object (&self->document);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (ee_sidebar_parent_class)->dispose (object);
}

static void
ee_sidebar_class_init (EeSidebarClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ee_sidebar_dispose;

  /**
   * EeSidebar::selected:
   * @object: the document (the page), a cluster or an initiative
   *
   * Emitted when the user selects a row.
   */
  signals[SELECTED] = g_signal_new ("selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_OBJECT);

  /**
   * EeSidebar::move-requested:
   * @initiative: the initiative dragged
   * @cluster: the cluster it was dropped into
   * @position: where in the cluster, counted before the move
   *
   * Emitted when an initiative is dropped on a row.
   */
  signals[MOVE_REQUESTED] = g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                          EE_TYPE_INITIATIVE, EE_TYPE_CLUSTER, G_TYPE_UINT);
}

static void
ee_sidebar_init (EeSidebar *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (self->selection), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Page, clusters and initiatives"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_bin_set_child (ADW_BIN (self), scrolled);
}

GtkWidget *
ee_sidebar_new (void)
{
  return g_object_new (EE_TYPE_SIDEBAR, NULL);
}
