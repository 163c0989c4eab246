/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ee-cluster-form.h"

#include <glib/gi18n.h>

#include "ee-form-rows.h"

struct _EeClusterForm {
  AdwBin     parent_instance;

  EeHistory *history;
  EeCluster *cluster;
  GtkWidget *initiative_list;
  GtkWidget *add_button;
  GtkWidget *card_group;
};

G_DEFINE_FINAL_TYPE (EeClusterForm, ee_cluster_form, ADW_TYPE_BIN)

enum {
  INITIATIVE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_SHOW_CARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
initiative_subtitle (EeInitiative *initiative)
{
  g_autofree char *name = ee_rich_text_to_plain (ee_initiative_get_field (initiative, EE_FIELD_NAME));

  if (ee_initiative_get_example (initiative))
    return *name ? g_strdup_printf (_("Example · %s"), name) : g_strdup (_("Example"));
  return g_steal_pointer (&name);
}

static void
initiative_row_update (GtkWidget *row, EeInitiative *initiative)
{
  g_autofree char *subtitle = initiative_subtitle (initiative);
  const char *title = ee_initiative_get_title (initiative);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *title ? title : _("Untitled initiative"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static void
initiative_changed_cb (EeInitiative *initiative,
                       GParamSpec   *pspec,
                       GtkWidget    *row)
{
  initiative_row_update (row, initiative);
}

static GtkWidget *
create_initiative_row (gpointer item,
                       gpointer user_data)
{
  EeInitiative *initiative = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  g_object_set_data_full (G_OBJECT (row), "ee-initiative", g_object_ref (initiative), g_object_unref);
  initiative_row_update (row, initiative);
  g_signal_connect_object (initiative, "notify", G_CALLBACK (initiative_changed_cb), row, 0);
  return row;
}

static void
initiative_activated_cb (GtkListBox    *list,
                         GtkListBoxRow *row,
                         EeClusterForm *self)
{
  EeInitiative *initiative = g_object_get_data (G_OBJECT (row), "ee-initiative");

  g_signal_emit (self, signals[INITIATIVE_ACTIVATED], 0, initiative);
}

static void
build (EeClusterForm *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group, *list, *add;

  group = ee_form_field_group (_("Cluster"), _("The heading of the cluster’s section, and how the page’s overview lists it."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             ee_form_entry_row (self->history, self->cluster, "title", _("Heading")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             ee_form_entry_row (self->history, self->cluster, "short-title", _("Name in the overview")));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = ee_form_field_group (_("Summary in the Overview"), _("One sentence after the cluster’s name in the page’s overview."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             ee_form_rich_editor (self->history, self->cluster, "summary", _("Summary in the Overview"), TRUE));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  /* The hub folder's index shows each cluster as a card. */
  group = ee_form_field_group (_("Card on the Index"),
                               _("How the hub folder’s index shows the cluster: a card with an icon, a title and a "
                                 "short text, linking to the cluster’s page. Empty fields take the cluster’s name "
                                 "and summary."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             ee_form_entry_row (self->history, self->cluster, "card-title", _("Card title")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             ee_form_entry_row (self->history, self->cluster, "card-icon",
                                                _("Icon (for example material-database)")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             ee_form_entry_row (self->history, self->cluster, "page-file", _("Page file")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             ee_form_labelled_rich_editor (self->history, self->cluster, "card-text", _("Card text")));
  gtk_widget_set_visible (group, FALSE);
  self->card_group = group;
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = ee_form_field_group (_("Introduction"), _("What the cluster is about, under its heading."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             ee_form_rich_editor (self->history, self->cluster, "introduction", _("Introduction"), FALSE));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = ee_form_field_group (_("Initiatives"), NULL);
  add = gtk_button_new_with_mnemonic (_("_Add Initiative"));
  gtk_widget_add_css_class (add, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "win.add-initiative");
  self->add_button = add;
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);
  list = gtk_list_box_new ();
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), ({
    GtkWidget *label = gtk_label_new (_("No initiatives yet"));
    gtk_widget_add_css_class (label, "dim-label");
    gtk_widget_set_margin_top (label, 18);
    gtk_widget_set_margin_bottom (label, 18);
    label;
  }));
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Initiatives"), -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (list), ee_cluster_get_initiatives (self->cluster),
                           create_initiative_row, NULL, NULL);
  g_signal_connect (list, "row-activated", G_CALLBACK (initiative_activated_cb), self);
  self->initiative_list = list;
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = ee_form_field_group (_("Contributor Template"),
                               _("The template the hub shows under the cluster, for people who propose initiatives."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             ee_form_entry_row (self->history, self->cluster, "template-title", _("Heading of the template")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             ee_form_rich_editor (self->history, self->cluster, "template", _("Contributor Template"), FALSE));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  if (!ee_rich_text_is_empty (ee_cluster_get_trailing (self->cluster)))
    {
      group = ee_form_field_group (_("After the Template"), _("Kept as written from the page."));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 ee_form_rich_editor (self->history, self->cluster, "trailing", _("After the Template"), FALSE));
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
    }

  adw_bin_set_child (ADW_BIN (self), page);
}

static void
ee_cluster_form_dispose (GObject *object)
{
  EeClusterForm *self = EE_CLUSTER_FORM (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->history);
  g_clear_object (&self->cluster);

  G_OBJECT_CLASS (ee_cluster_form_parent_class)->dispose (object);
}

static void
ee_cluster_form_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  EeClusterForm *self = EE_CLUSTER_FORM (object);

  switch (prop_id)
    {
    case PROP_SHOW_CARD:
      g_value_set_boolean (value, gtk_widget_get_visible (self->card_group));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ee_cluster_form_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  EeClusterForm *self = EE_CLUSTER_FORM (object);

  switch (prop_id)
    {
    case PROP_SHOW_CARD:
      if (gtk_widget_get_visible (self->card_group) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (self->card_group, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ee_cluster_form_class_init (EeClusterFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ee_cluster_form_dispose;
  object_class->get_property = ee_cluster_form_get_property;
  object_class->set_property = ee_cluster_form_set_property;

  /**
   * EeClusterForm:show-card:
   *
   * Whether the form shows the cluster's card on the hub folder's index:
   * only the folder layout has one.
   */
  properties[PROP_SHOW_CARD] =
    g_param_spec_boolean ("show-card", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * EeClusterForm::initiative-activated:
   * @initiative: the initiative whose row was activated
   *
   * Emitted to show an initiative of the cluster.
   */
  signals[INITIATIVE_ACTIVATED] =
    g_signal_new ("initiative-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, EE_TYPE_INITIATIVE);
}

static void
ee_cluster_form_init (EeClusterForm *self)
{
}

GtkWidget *
ee_cluster_form_new (EeHistory *history,
                     EeCluster *cluster)
{
  EeClusterForm *self = g_object_new (EE_TYPE_CLUSTER_FORM, NULL);

  self->history = g_object_ref (history);
  self->cluster = g_object_ref (cluster);
  build (self);
  return GTK_WIDGET (self);
}

EeCluster *
ee_cluster_form_get_cluster (EeClusterForm *self)
{
  g_return_val_if_fail (EE_IS_CLUSTER_FORM (self), NULL);
  return self->cluster;
}

/**
 * ee_cluster_form_focus_initiatives:
 *
 * Moves the keyboard focus to the first initiative's row, or to Add
 * Initiative when the cluster has none.
 */
void
ee_cluster_form_focus_initiatives (EeClusterForm *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (EE_IS_CLUSTER_FORM (self));

  if (gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->initiative_list), 0);
  gtk_widget_grab_focus (row != NULL ? GTK_WIDGET (row) : self->add_button);
}
