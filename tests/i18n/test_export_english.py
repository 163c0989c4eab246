#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The exported page stays English whatever the UI language.

The hub publishes the Markdown as it is: field labels ("Key role in the LDT
Ecosystem"), "Example:" and the template's text must not follow the
language of whoever exports.  ecosystem-cli exports the test page under
German and French (LANGUAGE, LANG) and the output must equal the expected
export byte for byte.  Where the system lacks those locales, the test
compiles them into a temporary LOCPATH with localedef, so that the run
really is in German (decimal comma, German messages from the libraries).

ecosystem-cli binds no message catalogue of its own, so the editor's .mo
files cannot reach it here; two static checks cover the GUI's export, which
runs with the catalogue bound: the field labels are only marked (NC_, which
returns the English string) and the code that writes the page, the hub
folder and the project file calls no gettext function.

Usage: test_export_english.py ECOSYSTEM_CLI TEMPLATE.md EXPECTED.md [SOURCE_ROOT]
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from i18ntest import Tap  # noqa: E402

cli, template, expected_path = sys.argv[1:4]
source_root = os.path.abspath(sys.argv[4]) if len(sys.argv) > 4 else \
    os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
with open(expected_path, 'rb') as f:
    expected = f.read()

LANGUAGES = [('de', 'de_DE'), ('fr', 'fr_FR')]
tap = Tap()


def first_difference(a, b):
    a_lines, b_lines = a.splitlines(), b.splitlines()
    for n, (x, y) in enumerate(zip(a_lines, b_lines), 1):
        if x != y:
            return [f'line {n}:', f'  expected: {y!r}', f'  got:      {x!r}']
    return [f'{len(a_lines)} lines instead of {len(b_lines)}']


def installed_locales():
    try:
        r = subprocess.run(['locale', '-a'], capture_output=True, text=True)
        return {x.strip().lower().replace('utf-8', 'utf8') for x in r.stdout.split()}
    except OSError:
        return set()


with tempfile.TemporaryDirectory() as locpath:
    have = installed_locales()
    env_extra = {}
    for lang, locale in LANGUAGES:
        if f'{locale.lower()}.utf8' in have:
            continue
        localedef = shutil.which('localedef')
        made = localedef is not None and subprocess.run(
            [localedef, '-i', locale, '-f', 'UTF-8', os.path.join(locpath, locale + '.UTF-8')],
            capture_output=True).returncode in (0, 1) and \
            os.path.isdir(os.path.join(locpath, locale + '.UTF-8'))
        if made:
            env_extra['LOCPATH'] = locpath
        else:
            tap.note(f'{locale}.UTF-8 is not installed and localedef could not make it: '
                     f'the run below sets LANGUAGE and LANG, but the C library stays in the C locale')

    for lang, locale in LANGUAGES:
        env = {k: v for k, v in os.environ.items() if not k.startswith('LC_')}
        env.update(env_extra, LANGUAGE=lang, LANG=f'{locale}.UTF-8')
        r = subprocess.run([cli, 'export', template], capture_output=True, env=env)
        tap.check(f'LANGUAGE={lang} LANG={locale}.UTF-8: ecosystem-cli export succeeds',
                  r.returncode == 0, r.stderr.decode(errors='replace'))
        tap.check(f'LANGUAGE={lang} LANG={locale}.UTF-8: the export equals the expected English page byte for byte',
                  r.stdout == expected, first_difference(r.stdout, expected))

# Static checks for the GUI's export (see above).
initiative_c = os.path.join(source_root, 'src', 'core', 'ee-initiative.c')
with open(initiative_c, encoding='utf-8') as f:
    text = f.read()
table = re.search(r'field_info\s*\[[^]]*\]\s*=\s*\{(.*?)\n\};', text, re.S)
labels = re.findall(r'\{\s*"[^"]*"\s*,\s*(.*?)\s*\}\s*,', table.group(1)) if table else []
tap.check('the hub field labels in src/core/ee-initiative.c are only marked, NC_ ("hub field", "…")',
          len(labels) >= 7 and all(re.fullmatch(r'NC_\s*\(\s*"hub field"\s*,\s*"[^"]+"\s*\)', x) for x in labels),
          labels or ['field_info table not found'])

gettext_call = re.compile(r'(?<![\w.>])(?:_|C_|Q_|g_dgettext|g_dcgettext|g_dngettext|g_dpgettext2?|gettext|'
                          r'dgettext|dcgettext|ngettext|dngettext)\s*\(')
writers = ['ee-export.c', 'ee-markdown-writer.c', 'ee-hub-folder.c', 'ee-json-writer.c']
calls = []
for name in writers:
    path = os.path.join(source_root, 'src', 'core', name)
    if not os.path.exists(path):
        continue
    with open(path, encoding='utf-8') as f:
        code = re.sub(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"', '""', f.read(), flags=re.S)
    for n, line in enumerate(code.splitlines(), 1):
        if gettext_call.search(line):
            calls.append(f'src/core/{name}:{n}: {line.strip()}')
tap.check('what is written for the hub (src/core/ee-export.c, ee-markdown-writer.c, ee-hub-folder.c, '
          'ee-json-writer.c) translates nothing', not calls, calls)

tap.done()
