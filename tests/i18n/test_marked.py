#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every string the UI shows is marked for translation.

In src/gui/*.ui and src/gui/gtk/*.ui: text properties (label, title,
tooltip-text, placeholder-text, subtitle, description, text, …), menu
attributes and <item> elements must say translatable="yes".

In src/gui/*.c: a string literal passed where GTK, libadwaita or the
editor's own form helpers take text the user reads (gtk_label_new,
adw_toast_new, adw_message_dialog_add_response's label,
GTK_ACCESSIBLE_PROPERTY_LABEL's value, g_menu_append, …) must be inside
_(), N_(), C_(), NC_() or a g_d*gettext call.

And the hub field labels, English in the model because the page is
published in English, reach the screen through g_dpgettext2 (GETTEXT_PACKAGE,
"hub field", ee_field_get_label (…)).

A string without a letter ("", " · ", "%s (%s)") needs no translation.
Others that must stay as they are go in ALLOWED below, with the reason.

The test first runs the scanner on a broken copy it writes to a temporary
folder, so it shows that it can fail.

Usage: test_marked.py SOURCE_ROOT
       test_marked.py --scan FILE...   (report on the files given; exit 1 on a finding)
"""
import glob
import os
import re
import sys
import tempfile
import xml.parsers.expat

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from i18ntest import Tap  # noqa: E402

# (file relative to the source root, string, why it is not marked).
ALLOWED = [
    # Nothing yet.  For a string found unmarked in a file someone else is
    # editing, add it here with a "# TODO unmarked" comment and report it.
]

# --- .ui files -------------------------------------------------------------

UI_TEXT_PROPERTIES = {
    'label', 'title', 'subtitle', 'description', 'tooltip-text', 'tooltip-markup',
    'placeholder-text', 'text', 'heading', 'body', 'secondary-text', 'button-label',
    'comments', 'application-name', 'copyright', 'website-label', 'title-text',
    'primary-text', 'value-text', 'role-description',
}
UI_TEXT_ATTRIBUTES = {'label'}   # <menu> items, submenus and sections


PRINTF_CONVERSION = re.compile(r"%(?:\d+\$)?[-+ #0']*\d*(?:\.\d+)?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcsp%]")


def has_text(s):
    """Whether a string has a letter, printf conversions and C escapes aside."""
    s = PRINTF_CONVERSION.sub('', re.sub(r'\\(?:x[0-9A-Fa-f]+|u[0-9A-Fa-f]{4}|.)', '', s))
    return re.search(r'[^\W\d_]', s) is not None


def scan_ui(path):
    """[(line, what, text)] for each unmarked text in a GtkBuilder file."""
    found = []
    stack = []   # [tag, attrs, line, chunks]
    parser = xml.parsers.expat.ParserCreate()

    def start(tag, attrs):
        stack.append([tag, attrs, parser.CurrentLineNumber, []])

    def data(text):
        if stack:
            stack[-1][3].append(text)

    def end(tag):
        tag, attrs, line, chunks = stack.pop()
        text = ''.join(chunks).strip()
        name = attrs.get('name', '')
        if tag == 'property' and name in UI_TEXT_PROPERTIES:
            what = f'<property name="{name}">'
        elif tag == 'attribute' and name in UI_TEXT_ATTRIBUTES:
            what = f'<attribute name="{name}">'
        elif tag == 'item' and stack and stack[-1][0] == 'items':
            what = '<item>'
        else:
            return
        if not has_text(text) or 'bind-source' in attrs:
            return
        if attrs.get('translatable', 'no').lower() not in ('yes', 'true', '1'):
            found.append((line, what, text))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    with open(path, 'rb') as f:
        parser.ParseFile(f)
    return found


# --- C files ---------------------------------------------------------------

MARKERS = {'_', 'N_', 'C_', 'NC_', 'Q_', 'gettext', 'dgettext', 'dcgettext', 'ngettext', 'dngettext',
           'pgettext', 'g_dgettext', 'g_dcgettext', 'g_dngettext', 'g_dpgettext', 'g_dpgettext2'}

# Function: the arguments (from 0) that hold text the user reads.
C_TEXT_ARGUMENTS = {
    'gtk_label_new': [0],
    'gtk_label_new_with_mnemonic': [0],
    'gtk_label_set_text': [1],
    'gtk_label_set_label': [1],
    'gtk_label_set_markup': [1],
    'gtk_label_set_text_with_mnemonic': [1],
    'gtk_label_set_markup_with_mnemonic': [1],
    'gtk_button_new_with_label': [0],
    'gtk_button_new_with_mnemonic': [0],
    'gtk_button_set_label': [1],
    'gtk_check_button_new_with_label': [0],
    'gtk_check_button_new_with_mnemonic': [0],
    'gtk_check_button_set_label': [1],
    'gtk_toggle_button_new_with_label': [0],
    'gtk_toggle_button_new_with_mnemonic': [0],
    'gtk_menu_button_set_label': [1],
    'gtk_link_button_new_with_label': [1],
    'gtk_expander_new': [0],
    'gtk_expander_new_with_mnemonic': [0],
    'gtk_frame_new': [0],
    'gtk_widget_set_tooltip_text': [1],
    'gtk_widget_set_tooltip_markup': [1],
    'gtk_tooltip_set_text': [1],
    'gtk_tooltip_set_markup': [1],
    'gtk_entry_set_placeholder_text': [1],
    'gtk_text_set_placeholder_text': [1],
    'gtk_window_set_title': [1],
    'gtk_file_chooser_native_new': [0, 3, 4],
    'gtk_file_filter_set_name': [1],
    'gtk_info_bar_add_button': [1],
    'gtk_dialog_add_button': [1],
    'gtk_shortcut_label_set_disabled_text': [1],
    'gtk_string_list_append': [1],
    'adw_preferences_row_set_title': [1],
    'adw_preferences_group_set_title': [1],
    'adw_preferences_group_set_description': [1],
    'adw_preferences_page_set_title': [1],
    'adw_action_row_set_subtitle': [1],
    'adw_expander_row_set_subtitle': [1],
    'adw_window_title_new': [0, 1],
    'adw_window_title_set_title': [1],
    'adw_window_title_set_subtitle': [1],
    'adw_toast_new': [0],
    'adw_toast_set_title': [1],
    'adw_toast_set_button_label': [1],
    'adw_status_page_set_title': [1],
    'adw_status_page_set_description': [1],
    'adw_message_dialog_new': [1, 2],
    'adw_message_dialog_set_heading': [1],
    'adw_message_dialog_set_body': [1],
    'adw_message_dialog_format_heading': [1],
    'adw_message_dialog_format_body': [1],
    'adw_message_dialog_add_response': [2],
    'adw_message_dialog_set_response_label': [2],
    'adw_split_button_set_label': [1],
    'adw_button_content_set_label': [1],
    'adw_view_stack_add_titled': [3],
    'adw_tab_page_set_title': [1],
    'g_menu_append': [1],
    'g_menu_prepend': [1],
    'g_menu_insert': [2],
    'g_menu_append_submenu': [1],
    'g_menu_append_section': [1],
    'g_menu_item_new': [0],
    'g_menu_item_new_submenu': [0],
    'g_menu_item_new_section': [0],
    'g_menu_item_set_label': [1],
    # The editor's own helpers (src/gui/ee-form-rows.h, ee-window-private.h).
    'ee_form_field_group': [0, 1],
    'ee_form_entry_row': [3],
    'ee_form_text_entry_row': [3],
    'ee_form_rich_editor': [3],
    'ee_form_switch_row': [3, 4],
    '_ee_window_toast': [1],
    'toolbar_button_new': [3],      # src/gui/ee-rich-text-editor.c
}
# Functions taking "label", "id", "label", … after the first argument.
C_RESPONSE_LISTS = {'adw_message_dialog_add_responses'}
# Functions taking property name / value pairs.
C_PROPERTY_LISTS = {'g_object_new', 'g_object_set', 'gtk_widget_new', 'gtk_show_about_dialog',
                    'adw_show_about_window'}
C_TEXT_PROPERTIES = UI_TEXT_PROPERTIES | {'translator-credits'}
C_ACCESSIBLE_TEXT = {'GTK_ACCESSIBLE_PROPERTY_LABEL', 'GTK_ACCESSIBLE_PROPERTY_DESCRIPTION',
                     'GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER', 'GTK_ACCESSIBLE_PROPERTY_ROLE_DESCRIPTION',
                     'GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT'}

TOKEN = re.compile(r'''
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>(?:u8|u|U|L)?"(?:\\.|[^"\\\n])*")
  | (?P<char>'(?:\\.|[^'\\\n])*')
  | (?P<ident>[A-Za-z_]\w*)
  | (?P<number>\.?\d[\w.]*)
  | (?P<newline>\n)
  | (?P<space>[ \t\r\f\v]+|\\\n)
  | (?P<punct>.)
''', re.S | re.X)


def c_tokens(source):
    """(kind, text, line) tokens of C code, comments and preprocessor lines left out."""
    tokens, line, at_line_start = [], 1, True
    for m in TOKEN.finditer(source):
        kind, text = m.lastgroup, m.group()
        if kind in ('comment', 'space', 'newline'):
            line += text.count('\n')
            at_line_start = at_line_start or kind == 'newline' or (kind == 'comment' and '\n' in text)
            continue
        if at_line_start and text == '#':
            # A preprocessor line, continued by backslashes: skip it.
            end = m.end()
            while True:
                nl = source.find('\n', end)
                if nl < 0 or source[nl - 1] != '\\':
                    break
                end = nl + 1
            tokens.append(('preproc', source[m.start():nl if nl >= 0 else len(source)], line))
            continue
        at_line_start = False
        tokens.append((kind, text, line))
    # Drop what the preprocessor lines held (their newlines were counted).
    return [t for t in tokens if t[0] != 'preproc']


def c_string_value(text):
    body = re.sub(r'^(?:u8|u|U|L)?"', '', text)[:-1]
    return body


def split_arguments(tokens, open_index):
    """The arguments of the call whose '(' is tokens[open_index], as token lists."""
    args, current, depth = [], [], 0
    i = open_index + 1
    while i < len(tokens):
        kind, text, line = tokens[i]
        if text in '([{' and kind == 'punct':
            depth += 1
        elif text in ')]}' and kind == 'punct':
            if depth == 0:
                if current or args:
                    args.append(current)
                return args
            depth -= 1
        elif text == ',' and depth == 0 and kind == 'punct':
            args.append(current)
            current = []
            i += 1
            continue
        current.append(tokens[i])
        i += 1
    return args


# Calls that build the text from their first argument (any argument for g_strconcat).
C_FORMATTERS = {'g_strdup_printf', 'g_strdup', 'g_markup_printf_escaped', 'g_markup_escape_text',
                'g_strconcat', 'g_strndup'}


def unmarked_strings(arg):
    """The string literals in an argument that end up as text and are not marked.

    A literal at the argument's top level ("…", cond ? "…" : …) or first in a
    formatting call (g_strdup_printf ("…", …)) is text; in _(), N_(), C_() or
    another marking call it is marked; in any other call it is that call's
    argument (a property name, an icon name) and not looked at."""
    found = []
    stack = []      # [name or None, argument index]
    pending = ''
    i = 0
    while i < len(arg):
        kind, text, line = arg[i]
        if kind == 'ident':
            pending = text
        elif kind == 'punct' and text in '([{':
            stack.append([pending if text == '(' and pending else None, 0])
            pending = ''
        elif kind == 'punct' and text in ')]}':
            if stack:
                stack.pop()
            pending = ''
        elif kind == 'punct' and text == ',':
            if stack:
                stack[-1][1] += 1
            pending = ''
        elif kind == 'string':
            # Adjacent literals make one string.
            value, first_line = '', line
            while i < len(arg) and arg[i][0] == 'string':
                value += c_string_value(arg[i][1])
                i += 1
            calls = [c for c in stack if c[0] is not None]
            if not calls:
                is_text = True
            elif calls[-1][0] in MARKERS:
                is_text = False
            else:
                is_text = calls[-1][0] in C_FORMATTERS and (calls[-1][1] == 0 or calls[-1][0] == 'g_strconcat')
            if is_text and has_text(value):
                found.append((first_line, value))
            pending = ''
            continue
        else:
            pending = ''
        i += 1
    return found


def scan_c(path):
    """[(line, function, text)] for each unmarked string given to a text setter."""
    with open(path, encoding='utf-8') as f:
        tokens = c_tokens(f.read())
    found = []
    for i, (kind, text, line) in enumerate(tokens):
        if kind != 'ident' or i + 1 >= len(tokens) or tokens[i + 1][1] != '(':
            continue
        if i > 0 and tokens[i - 1][1] in ('.', '->'):
            continue
        if text not in C_TEXT_ARGUMENTS and text not in C_RESPONSE_LISTS and text not in C_PROPERTY_LISTS \
                and text != 'gtk_accessible_update_property':
            continue
        # A declaration or definition ("GtkWidget *ee_form_entry_row (EeHistory *history, …") has
        # no string literal among its arguments: nothing is found there.
        args = split_arguments(tokens, i + 1)
        checked = []
        if text in C_TEXT_ARGUMENTS:
            checked = [args[n] for n in C_TEXT_ARGUMENTS[text] if n < len(args)]
        elif text in C_RESPONSE_LISTS:
            checked = [args[n] for n in range(2, len(args), 2)]
        elif text in C_PROPERTY_LISTS:
            for n in range(len(args) - 1):
                a = args[n]
                if len(a) == 1 and a[0][0] == 'string' and c_string_value(a[0][1]) in C_TEXT_PROPERTIES:
                    checked.append(args[n + 1])
        else:   # gtk_accessible_update_property (accessible, PROPERTY, value, …, -1)
            for n in range(1, len(args) - 1):
                a = args[n]
                if len(a) == 1 and a[0][1] in C_ACCESSIBLE_TEXT:
                    checked.append(args[n + 1])
        for arg in checked:
            for string_line, value in unmarked_strings(arg):
                found.append((string_line, text, value))
    return found


def untranslated_field_labels(path):
    """[(line, text)] for each ee_field_get_label () whose result the GUI would show in English.

    The hub field labels stay English in the model (the page is published in
    English); the GUI shows them through g_dpgettext2 (GETTEXT_PACKAGE,
    "hub field", ee_field_get_label (field))."""
    with open(path, encoding='utf-8') as f:
        tokens = c_tokens(f.read())
    found = []
    for i, (kind, text, line) in enumerate(tokens):
        if kind != 'ident' or text != 'ee_field_get_label' or i + 1 >= len(tokens) or tokens[i + 1][1] != '(':
            continue
        # The call that encloses this one, and the arguments before it.
        depth, j = 0, i - 1
        while j >= 0:
            if tokens[j][1] == ')':
                depth += 1
            elif tokens[j][1] == '(':
                if depth == 0:
                    break
                depth -= 1
            j -= 1
        enclosing = tokens[j - 1][1] if j > 0 else ''
        before = [t[1] for t in tokens[j + 1:i]]
        if not (enclosing == 'g_dpgettext2' and before == ['GETTEXT_PACKAGE', ',', '"hub field"', ',']):
            found.append((line, ' '.join(t[1] for t in tokens[max(j - 1, 0):i + 4])))
    return found


# --- the checks --------------------------------------------------------------

def findings(root, paths):
    """'file:line: …' for each unmarked string not in ALLOWED."""
    allowed = {(f, s) for f, s, _why in ALLOWED}
    used = set()
    out = []
    for path in paths:
        rel = os.path.relpath(path, root)
        if path.endswith('.ui'):
            hits = [(line, what, text) for line, what, text in scan_ui(path)]
        else:
            hits = scan_c(path)
        for line, what, text in hits:
            if (rel, text) in allowed:
                used.add((rel, text))
                continue
            out.append(f'{rel}:{line}: {what}: "{text}" is not marked for translation')
    return out, used


SELF_TEST_UI = '''<?xml version="1.0" encoding="UTF-8"?>
<interface>
  <object class="GtkBox">
    <child>
      <object class="GtkButton">
        <property name="label">Unmarked Button</property>
        <property name="icon-name">list-add-symbolic</property>
        <property name="tooltip-text" translatable="yes">Marked Tooltip</property>
        <accessibility>
          <property name="label">Unmarked Accessible Label</property>
        </accessibility>
      </object>
    </child>
    <child>
      <object class="GtkDropDown">
        <property name="model">
          <object class="GtkStringList">
            <items>
              <item>Unmarked Item</item>
              <item translatable="yes">Marked Item</item>
            </items>
          </object>
        </property>
      </object>
    </child>
    <child>
      <object class="GtkLabel">
        <property name="label"> · </property>
      </object>
    </child>
  </object>
  <menu id="menu">
    <section>
      <item>
        <attribute name="label">_Unmarked Menu Item</attribute>
        <attribute name="action">win.unmarked</attribute>
      </item>
    </section>
  </menu>
</interface>
'''

SELF_TEST_C = r'''#include "config.h"
#include <glib/gi18n.h>
#define TITLE "Not a call"
/* gtk_label_new ("In a comment"); */
static void
broken (GtkWidget *w, AdwMessageDialog *dialog, GMenu *menu, gboolean ok)
{
  GtkWidget *label = gtk_label_new ("Unmarked label");
  GtkWidget *marked = gtk_label_new (_("Marked label"));
  gtk_widget_set_tooltip_text (w, ok ? _("Marked") : "Unmarked in a ternary");
  adw_message_dialog_add_response (dialog, "cancel", "_Unmarked Response");
  adw_message_dialog_add_response (dialog, "ok", _("_Marked Response"));
  adw_message_dialog_add_responses (dialog, "a", _("_Marked"), "b", "_Unmarked in a list", NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, "Unmarked accessible", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL, C_("ctx", "Marked"), -1);
  g_menu_append (menu, "Unmarked menu item", "win.thing");
  g_menu_append (menu, N_("Marked menu item"), "win.thing");
  adw_toast_new (g_strdup_printf ("Unmarked %s", "x"));
  adw_toast_new (g_strdup_printf (_("Marked %s"), "x"));
  g_object_set (w, "title", "Unmarked property", "icon-name", "folder-symbolic", NULL);
  gtk_label_set_text (GTK_LABEL (label), "%s · %u");
  gtk_label_set_text (GTK_LABEL (label), "Unmarked "
                                         "and concatenated");
}
'''

SELF_TEST_EXPECTED = {
    ('broken.ui', 'Unmarked Button'), ('broken.ui', 'Unmarked Accessible Label'),
    ('broken.ui', 'Unmarked Item'), ('broken.ui', '_Unmarked Menu Item'),
    ('broken.c', 'Unmarked label'), ('broken.c', 'Unmarked in a ternary'),
    ('broken.c', '_Unmarked Response'), ('broken.c', '_Unmarked in a list'),
    ('broken.c', 'Unmarked accessible'), ('broken.c', 'Unmarked menu item'),
    ('broken.c', 'Unmarked %s'), ('broken.c', 'Unmarked property'),
    ('broken.c', 'Unmarked and concatenated'),
}


def self_test(tap):
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, 'broken.ui'), 'w', encoding='utf-8') as f:
            f.write(SELF_TEST_UI)
        with open(os.path.join(tmp, 'broken.c'), 'w', encoding='utf-8') as f:
            f.write(SELF_TEST_C)
        got = set()
        for name in ('broken.ui', 'broken.c'):
            path = os.path.join(tmp, name)
            hits = scan_ui(path) if name.endswith('.ui') else scan_c(path)
            got |= {(name, text) for _line, _what, text in hits}
        path = os.path.join(tmp, 'labels.c')
        with open(path, 'w', encoding='utf-8') as f:
            f.write('a = g_dpgettext2 (GETTEXT_PACKAGE, "hub field", ee_field_get_label (f));\n'
                    'b = ee_field_get_label (f);\n'
                    'c = g_strdup (ee_field_get_label (f));\n')
        lines = [line for line, _text in untranslated_field_labels(path)]
    tap.check('the scanner finds every unmarked string in a broken copy, and only those (self-test)',
              got == SELF_TEST_EXPECTED,
              [f'missed: {x}' for x in sorted(SELF_TEST_EXPECTED - got)]
              + [f'wrongly flagged: {x}' for x in sorted(got - SELF_TEST_EXPECTED)])
    tap.check('the search finds hub field labels shown untranslated in a broken copy (self-test)',
              lines == [2, 3], [f'found on lines {lines}, not [2, 3]'])


def main():
    if len(sys.argv) > 2 and sys.argv[1] == '--scan':
        out, _used = findings(os.getcwd(), sys.argv[2:])
        print('\n'.join(out))
        return 1 if out else 0

    root = os.path.abspath(sys.argv[1])
    tap = Tap()
    self_test(tap)

    ui_files = sorted(glob.glob(os.path.join(root, 'src/gui/*.ui')) + glob.glob(os.path.join(root, 'src/gui/gtk/*.ui')))
    c_files = sorted(glob.glob(os.path.join(root, 'src/gui/*.c')))
    tap.check('there are .ui and .c files to scan in src/gui', ui_files and c_files)

    out, used_ui = findings(root, ui_files)
    tap.check(f'every text in the .ui files is translatable="yes" ({len(ui_files)} files)', not out, out)
    out, used_c = findings(root, c_files)
    tap.check(f'every string src/gui/*.c gives a GTK or libadwaita text setter is marked ({len(c_files)} files)',
              not out, out)
    labels = []
    for path in c_files:
        labels += [f'{os.path.relpath(path, root)}:{line}: {text}' for line, text in untranslated_field_labels(path)]
    tap.check('src/gui/*.c shows the hub field labels translated: '
              'g_dpgettext2 (GETTEXT_PACKAGE, "hub field", ee_field_get_label (…))', not labels, labels)
    stale = [f'{f}: "{s}" ({why})' for f, s, why in ALLOWED if (f, s) not in used_ui | used_c]
    tap.check('every entry of the allow-list is still needed', not stale,
              ['no longer found, remove it from ALLOWED in tests/i18n/test_marked.py:'] + stale)
    tap.done()


if __name__ == '__main__':
    sys.exit(main())
