/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ee-form-rows.h"

#include <glib/gi18n.h>

#include "ee-rich-text-editor.h"

/* What a control needs to write back: the history, the object and the
 * property, kept on the control. */
typedef struct {
  EeHistory *history;
  GObject   *object;
  char      *property;
  gboolean   syncing;  /* the control is being set from the model */
} Binding;

static void
binding_free (gpointer data)
{
  Binding *binding = data;

  g_clear_object (&binding->history);
  g_clear_object (&binding->object);
  g_free (binding->property);
  g_free (binding);
}

static Binding *
bind (GtkWidget *widget, EeHistory *history, gpointer object, const char *property)
{
  Binding *binding = g_new0 (Binding, 1);

  binding->history = g_object_ref (history);
  binding->object = g_object_ref (object);
  binding->property = g_strdup (property);
  g_object_set_data_full (G_OBJECT (widget), "ee-binding", binding, binding_free);
  return binding;
}

static Binding *
binding_of (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), "ee-binding");
}

static char *
notify_signal (const char *property)
{
  return g_strconcat ("notify::", property, NULL);
}

/**
 * ee_form_field_group:
 *
 * Returns: (transfer floating): a group titled with the hub's label and
 *   described by a hint
 */
GtkWidget *
ee_form_field_group (const char *label,
                     const char *hint)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), label);
  if (hint != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), hint);
  return group;
}

/* A string property in an entry row. */

static void
entry_sync (GtkEditable *entry)
{
  Binding *binding = binding_of (entry);
  g_autofree char *value = NULL;

  g_object_get (binding->object, binding->property, &value, NULL);
  if (g_strcmp0 (value ? value : "", gtk_editable_get_text (entry)) == 0)
    return;
  binding->syncing = TRUE;
  gtk_editable_set_text (entry, value ? value : "");
  binding->syncing = FALSE;
}

static void
entry_model_changed_cb (GObject    *object,
                        GParamSpec *pspec,
                        gpointer    entry)
{
  entry_sync (GTK_EDITABLE (entry));
}

static void
entry_changed_cb (GtkEditable *entry,
                  gpointer     user_data)
{
  Binding *binding = binding_of (entry);

  if (!binding->syncing)
    ee_history_set_string (binding->history, binding->object, binding->property, gtk_editable_get_text (entry));
}

static GtkWidget *
entry_row_new (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Ctrl+Z undoes in the whole document, not only in this entry. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  return row;
}

/**
 * ee_form_entry_row:
 * @title: the row's own title, which also names it to screen readers
 *
 * Returns: (transfer floating): an entry row editing a string property
 */
GtkWidget *
ee_form_entry_row (EeHistory  *history,
                   gpointer    object,
                   const char *property,
                   const char *title)
{
  GtkWidget *row = entry_row_new (title);
  g_autofree char *signal = notify_signal (property);

  bind (row, history, object, property);
  entry_sync (GTK_EDITABLE (row));
  g_signal_connect (row, "changed", G_CALLBACK (entry_changed_cb), NULL);
  g_signal_connect_object (object, signal, G_CALLBACK (entry_model_changed_cb), row, 0);
  return row;
}

/* A rich-text property that holds plain text, in an entry row. */

/**
 * ee_form_rich_text_is_plain:
 *
 * Whether @text is one paragraph an entry can show without losing
 * anything: no formatting but links made from typed URLs.
 */
gboolean
ee_form_rich_text_is_plain (EeRichText *text)
{
  g_autofree char *plain = NULL;
  g_autoptr(EeRichText) again = NULL;

  if (ee_rich_text_is_empty (text))
    return TRUE;
  if (!ee_rich_text_is_single_paragraph (text))
    return FALSE;
  plain = ee_rich_text_to_plain (text);
  if (strchr (plain, '\n') != NULL)
    return FALSE;
  again = ee_rich_text_new_plain (plain);
  return ee_rich_text_equal (again, text);
}

static void
text_entry_sync (GtkEditable *entry)
{
  Binding *binding = binding_of (entry);
  g_autoptr(EeRichText) value = NULL;
  g_autoptr(EeRichText) shown = NULL;
  g_autofree char *plain = NULL;

  g_object_get (binding->object, binding->property, &value, NULL);
  shown = ee_rich_text_new_plain (gtk_editable_get_text (entry));
  if (ee_rich_text_equal (value, shown))
    return;
  plain = value ? ee_rich_text_to_plain (value) : g_strdup ("");
  binding->syncing = TRUE;
  gtk_editable_set_text (entry, plain);
  binding->syncing = FALSE;
}

static void
text_entry_model_changed_cb (GObject    *object,
                             GParamSpec *pspec,
                             gpointer    entry)
{
  text_entry_sync (GTK_EDITABLE (entry));
}

static void
text_entry_changed_cb (GtkEditable *entry,
                       gpointer     user_data)
{
  Binding *binding = binding_of (entry);
  g_autoptr(EeRichText) value = NULL;

  if (binding->syncing)
    return;
  value = ee_rich_text_new_plain (gtk_editable_get_text (entry));
  ee_history_set_boxed (binding->history, binding->object, binding->property, value);
}

/**
 * ee_form_text_entry_row:
 *
 * Returns: (transfer floating): an entry row editing a rich-text property
 *   that holds one line of plain text (see ee_form_rich_text_is_plain())
 */
GtkWidget *
ee_form_text_entry_row (EeHistory  *history,
                        gpointer    object,
                        const char *property,
                        const char *title)
{
  GtkWidget *row = entry_row_new (title);
  g_autofree char *signal = notify_signal (property);

  bind (row, history, object, property);
  text_entry_sync (GTK_EDITABLE (row));
  g_signal_connect (row, "changed", G_CALLBACK (text_entry_changed_cb), NULL);
  g_signal_connect_object (object, signal, G_CALLBACK (text_entry_model_changed_cb), row, 0);
  return row;
}

/* A rich-text property in a rich-text editor. */

static void
rich_sync (EeRichTextEditor *editor)
{
  Binding *binding = binding_of (editor);
  g_autoptr(EeRichText) value = NULL;

  g_object_get (binding->object, binding->property, &value, NULL);
  if (ee_rich_text_equal (value, ee_rich_text_editor_get_value (editor)))
    return;
  binding->syncing = TRUE;
  ee_rich_text_editor_set_value (editor, value);
  binding->syncing = FALSE;
}

static void
rich_model_changed_cb (GObject    *object,
                       GParamSpec *pspec,
                       gpointer    editor)
{
  rich_sync (EE_RICH_TEXT_EDITOR (editor));
}

static void
rich_editor_changed_cb (EeRichTextEditor *editor,
                        GParamSpec       *pspec,
                        gpointer          user_data)
{
  Binding *binding = binding_of (editor);

  if (!binding->syncing)
    ee_history_set_boxed (binding->history, binding->object, binding->property,
                          ee_rich_text_editor_get_value (editor));
}

/**
 * ee_form_rich_editor:
 * @label: the field's name, for screen readers
 *
 * Returns: (transfer floating): a rich-text editor bound to a property
 */
GtkWidget *
ee_form_rich_editor (EeHistory  *history,
                     gpointer    object,
                     const char *property,
                     const char *label,
                     gboolean    single_paragraph)
{
  GtkWidget *editor = ee_rich_text_editor_new ();
  g_autofree char *signal = notify_signal (property);

  g_object_set (editor, "single-paragraph", single_paragraph, NULL);
  ee_rich_text_editor_set_label (EE_RICH_TEXT_EDITOR (editor), label);
  bind (editor, history, object, property);
  rich_sync (EE_RICH_TEXT_EDITOR (editor));
  g_signal_connect (editor, "notify::value", G_CALLBACK (rich_editor_changed_cb), NULL);
  g_signal_connect_object (object, signal, G_CALLBACK (rich_model_changed_cb), editor, 0);
  return editor;
}

/* A boolean property in a switch row. */

static void
switch_sync (AdwActionRow *row)
{
  Binding *binding = binding_of (row);
  GtkSwitch *toggle = g_object_get_data (G_OBJECT (row), "ee-switch");
  gboolean value;

  g_object_get (binding->object, binding->property, &value, NULL);
  if (gtk_switch_get_active (toggle) == value)
    return;
  binding->syncing = TRUE;
  gtk_switch_set_active (toggle, value);
  binding->syncing = FALSE;
}

static void
switch_model_changed_cb (GObject    *object,
                         GParamSpec *pspec,
                         gpointer    row)
{
  switch_sync (ADW_ACTION_ROW (row));
}

static void
switch_toggled_cb (GtkSwitch  *toggle,
                   GParamSpec *pspec,
                   gpointer    row)
{
  Binding *binding = binding_of (row);

  if (!binding->syncing)
    ee_history_set_boolean (binding->history, binding->object, binding->property, gtk_switch_get_active (toggle));
}

/**
 * ee_form_switch_row:
 *
 * Returns: (transfer floating): an action row with a switch editing a
 *   boolean property
 */
GtkWidget *
ee_form_switch_row (EeHistory  *history,
                    gpointer    object,
                    const char *property,
                    const char *title,
                    const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  g_autofree char *signal = notify_signal (property);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data (G_OBJECT (row), "ee-switch", toggle);

  bind (row, history, object, property);
  switch_sync (ADW_ACTION_ROW (row));
  g_signal_connect (toggle, "notify::active", G_CALLBACK (switch_toggled_cb), row);
  g_signal_connect_object (object, signal, G_CALLBACK (switch_model_changed_cb), row, 0);
  return row;
}

/**
 * ee_form_labelled_rich_editor:
 * @label: the field's name, shown above it and read to screen readers
 *
 * For a rich-text field that shares a group with rows: the editor as a box
 * of its own under them, named as they are.
 *
 * Returns: (transfer floating): the label and the editor, in a box
 */
GtkWidget *
ee_form_labelled_rich_editor (EeHistory  *history,
                              gpointer    object,
                              const char *property,
                              const char *label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (label);

  gtk_widget_set_margin_top (box, 12);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), ee_form_rich_editor (history, object, property, label, FALSE));
  return box;
}
