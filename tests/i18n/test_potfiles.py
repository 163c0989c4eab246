#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""po/POTFILES.in lists every file with strings marked for translation, and
only files that exist: a file left out has its strings missing from the
template (and so from every translation) without any warning.

Marked strings: _(), N_(), C_(), NC_() and the g_d*gettext calls in C, and
translatable="yes" in GtkBuilder files, under src/; the desktop file,
GSettings schema and metainfo under data/, which always hold translatable
text.

Usage: test_potfiles.py SOURCE_ROOT
"""
import glob
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from i18ntest import Tap, read_potfiles  # noqa: E402

C_MARK = re.compile(r'(?<![\w.>])(?:_|N_|C_|NC_|Q_|g_dgettext|g_dcgettext|g_dngettext|g_dpgettext2?)\s*\(')
UI_MARK = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"', re.I)
COMMENTS_AND_STRINGS = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)
DATA_PATTERNS = ['data/*.desktop.in', 'data/*.desktop.in.in', 'data/*.gschema.xml', 'data/*.metainfo.xml.in',
                 'data/*.appdata.xml.in', 'data/*.metainfo.xml.in.in']


def has_marks(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        text = f.read()
    if path.endswith('.ui'):
        return UI_MARK.search(text) is not None
    # Leave comments and string contents out: "_(" in a comment marks nothing.
    code = COMMENTS_AND_STRINGS.sub(lambda m: '""' if m.group().startswith('"') else ' ', text)
    # Nor does the definition of a marking macro.
    code = re.sub(r'^\s*#\s*define\s+(?:_|N_|C_|NC_|Q_)\s*\(.*$', '', code, flags=re.M)
    return C_MARK.search(code) is not None


def marked_files(root):
    found = []
    for path in sorted(glob.glob(os.path.join(root, 'src', '**', '*'), recursive=True)):
        if path.endswith(('.c', '.h', '.ui')) and os.path.isfile(path) and has_marks(path):
            found.append(os.path.relpath(path, root))
    for pattern in DATA_PATTERNS:
        found += sorted(os.path.relpath(p, root) for p in glob.glob(os.path.join(root, pattern)))
    return found


def self_test(tap):
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, 'src', 'gui'))
        files = {
            'src/gui/marked.c': 'label = gtk_label_new (_("Hello"));\n',
            'src/gui/context.c': 'x = C_("ctx", "Hello");\n',
            'src/gui/marked.ui': '<property name="label" translatable="yes">Hello</property>\n',
            'src/gui/comment.c': '/* _("not a mark") */ s = "_(also not"; y = g_strdup_(x);\n',
            'src/gui/plain.ui': '<property name="label">Hello</property>\n',
        }
        for name, text in files.items():
            with open(os.path.join(tmp, name), 'w', encoding='utf-8') as f:
                f.write(text)
        got = set(marked_files(tmp))
    want = {'src/gui/marked.c', 'src/gui/context.c', 'src/gui/marked.ui'}
    tap.check('the search finds the files with marked strings, and only those (self-test)', got == want,
              [f'missed: {x}' for x in sorted(want - got)] + [f'wrongly found: {x}' for x in sorted(got - want)])


def main():
    root = os.path.abspath(sys.argv[1])
    tap = Tap()
    self_test(tap)
    listed = read_potfiles(os.path.join(root, 'po', 'POTFILES.in'))
    marked = marked_files(root)
    tap.check('there are files with marked strings', len(marked) > 0)
    missing = [f for f in marked if f not in listed]
    tap.check(f'po/POTFILES.in lists every file with marked strings ({len(marked)} files)', not missing,
              [f'{f} has marked strings: add it to po/POTFILES.in' for f in missing])
    gone = [f for f in listed if not os.path.isfile(os.path.join(root, f))]
    tap.check('every file po/POTFILES.in lists exists (xgettext stops at a missing one)', not gone,
              [f'{f} does not exist' for f in gone])
    dup = sorted({f for f in listed if listed.count(f) > 1})
    tap.check('po/POTFILES.in lists each file once', not dup, dup)
    tap.done()


if __name__ == '__main__':
    main()
