#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every language in po/LINGUAS is complete.

The template is extracted afresh, into a temporary folder, with the
keywords of meson's glib preset, so a new UI string without translations
fails here even if nobody regenerated po/ecosystem-editor.pot.  For each
language: msgfmt --check accepts the file and counts no fuzzy and no
untranslated message, every message of the fresh template has a
translation, placeholders and the keyboard accelerator's underscore survive
translation.

Usage: test_translations.py SOURCE_ROOT XGETTEXT MSGFMT [PO_DIR]
"""
import collections
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from i18ntest import GLIB_PRESET_ARGS, Tap, read_linguas, read_po  # noqa: E402

source_root = os.path.abspath(sys.argv[1])
xgettext = sys.argv[2] if len(sys.argv) > 2 else 'xgettext'
msgfmt = sys.argv[3] if len(sys.argv) > 3 else 'msgfmt'
po_dir = os.path.abspath(sys.argv[4]) if len(sys.argv) > 4 else os.path.join(source_root, 'po')
package = 'ecosystem-editor'

tap = Tap()

# printf conversions (with %'u, %ld, %1$s) and {named} placeholders.
PLACEHOLDER = re.compile(r"%(?:\d+\$)?[-+ #0']*\d*(?:\.\d+)?(?:hh|h|ll|l|L|q|j|z|t)?[diouxXeEfFgGaAcsp%]"
                         r"|\{[A-Za-z0-9_.-]*\}")
# XML entities in messages from .ui and metainfo files ("&amp;").
ENTITY = re.compile(r'&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);')


def placeholders(text):
    return sorted(p for p in PLACEHOLDER.findall(text) if p != '%%') + sorted(ENTITY.findall(text))


def mnemonics(text):
    """The underscores that make a GTK mnemonic: "_Save", "Ö_ffnen"."""
    return len(re.findall(r'_(?=[^\W_])', text))


def fresh_template(tmp):
    potfiles = os.path.join(po_dir, 'POTFILES.in')
    pot = os.path.join(tmp, package + '.pot')
    r = subprocess.run([xgettext, '--package-name=' + package, '-p', tmp, '-f', potfiles,
                        '-D', source_root, '-o', pot] + GLIB_PRESET_ARGS,
                       capture_output=True, text=True)
    return r, pot


with tempfile.TemporaryDirectory() as tmp:
    r, pot_path = fresh_template(tmp)
    ok = tap.check('xgettext extracts the template from the files in po/POTFILES.in',
                   r.returncode == 0 and os.path.exists(pot_path), r.stderr)
    template = read_po(pot_path) if ok else []

tap.check('the template holds the messages of the UI (more than 50)', len(template) > 50,
          f'{len(template)} messages')
tap.check('the template holds the hub field labels under the context "hub field"',
          ('hub field', 'Key role in the LDT Ecosystem') in {m.key for m in template},
          'NC_("hub field", …) missing in src/core/ee-initiative.c?')

linguas = read_linguas(os.path.join(po_dir, 'LINGUAS'))
tap.check('po/LINGUAS lists at least one language', len(linguas) > 0)
tap.check('po/LINGUAS lists each language once', len(linguas) == len(set(linguas)),
          [f'{x} listed {n} times' for x, n in collections.Counter(linguas).items() if n > 1])
po_files = sorted(f[:-3] for f in os.listdir(po_dir) if f.endswith('.po'))
tap.check('every .po file in po/ is listed in po/LINGUAS (or it is never built)',
          set(po_files) <= set(linguas), [f'{x}.po is not in LINGUAS' for x in sorted(set(po_files) - set(linguas))])

for lang in linguas:
    path = os.path.join(po_dir, lang + '.po')
    if not tap.check(f'{lang}: po/{lang}.po exists', os.path.exists(path)):
        continue

    r = subprocess.run([msgfmt, '--check', '--statistics', '-o', os.devnull, path],
                       capture_output=True, text=True, env=dict(os.environ, LC_ALL='C', LANGUAGE=''))
    stats = (r.stdout + r.stderr).strip()
    tap.check(f'{lang}: msgfmt --check accepts the file', r.returncode == 0, stats)
    tap.check(f'{lang}: msgfmt counts no untranslated and no fuzzy message ({stats.splitlines()[-1] if stats else ""})',
              r.returncode == 0 and 'translated message' in stats
              and 'untranslated' not in stats and 'fuzzy' not in stats, stats)

    messages = read_po(path)
    by_key = {m.key: m for m in messages}
    missing, fuzzy, untranslated, plural = [], [], [], []
    for t in template:
        m = by_key.get(t.key)
        if m is None:
            missing.append(t.describe())
        elif m.fuzzy:
            fuzzy.append(t.describe())
        elif not m.translated:
            untranslated.append(t.describe())
        elif (t.msgid_plural is None) != (m.msgid_plural is None) or \
                (t.msgid_plural is not None and len(m.msgstr) < 2):
            plural.append(t.describe())
    problems = ([f'not in {lang}.po (run the ecosystem-editor-update-po target): {x}' for x in missing]
                + [f'fuzzy: {x}' for x in fuzzy] + [f'untranslated: {x}' for x in untranslated]
                + [f'plural forms missing: {x}' for x in plural])
    tap.check(f'{lang}: every message of the fresh template is translated ({len(template)} messages)',
              not problems, problems[:40] + ([f'… and {len(problems) - 40} more'] if len(problems) > 40 else []))

    bad_placeholders, bad_mnemonics = [], []
    for m in messages:
        if m.fuzzy or not m.translated:
            continue
        sources = [m.msgid] if m.msgid_plural is None else [m.msgid, m.msgid_plural]
        for index, text in sorted(m.msgstr.items()):
            source = sources[min(index, len(sources) - 1)]
            # A singular may leave out the number ("one error" for %u).
            wanted = placeholders(source)
            got = placeholders(text)
            if got != wanted and not (m.msgid_plural is not None and index == 0 and set(got) <= set(wanted)):
                bad_placeholders.append(f'line {m.line}: {m.describe()}: {got} instead of {wanted}')
        want = mnemonics(m.msgid)
        for text in m.msgstr.values():
            if mnemonics(text) != want:
                bad_mnemonics.append(f'line {m.line}: {m.describe()} -> {text!r}: '
                                     f'{mnemonics(text)} accelerator underscores, the English has {want}')
    tap.check(f'{lang}: translations keep every placeholder (%s, %u, %\'u, {{…}}, &amp;)', not bad_placeholders,
              bad_placeholders)
    tap.check(f'{lang}: translations keep the keyboard accelerator (one underscore where the English has one)',
              not bad_mnemonics, bad_mnemonics)



def menus():
    """Each <menu> of the .ui files: its id and the labels of its items,
    all sections together, as its popover shows them."""
    import glob
    import xml.etree.ElementTree as ET
    found = []
    for ui in sorted(glob.glob(os.path.join(source_root, 'src', '**', '*.ui'), recursive=True)):
        for menu in ET.parse(ui).getroot().iter('menu'):
            labels = [a.text for item in menu.iter() if item.tag in ('item', 'submenu')
                      for a in item.findall('attribute') if a.get('name') == 'label' and a.text]
            found.append((f'{os.path.basename(ui)}#{menu.get("id")}', labels))
    return found


def mnemonic_clashes(labels):
    """The keys that two labels of one menu share."""
    keys = collections.defaultdict(list)
    for label in labels:
        m = re.search(r'_([^\W_])', label)
        if m:
            keys[m.group(1).lower()].append(label)
    return [f'{key}: {", ".join(repr(x) for x in shared)}' for key, shared in sorted(keys.items()) if len(shared) > 1]


all_menus = menus()
tap.check('the .ui files have menus', len(all_menus) > 0)
for lang in [None] + linguas:
    translations = {}
    if lang is not None and os.path.exists(os.path.join(po_dir, lang + '.po')):
        translations = {m.msgid: m.msgstr.get(0, '') for m in read_po(os.path.join(po_dir, lang + '.po'))
                        if m.msgctxt is None and m.translated and not m.fuzzy}
    clashes = []
    for name, labels in all_menus:
        shown = [translations.get(label, label) for label in labels]
        clashes += [f'{name}: {clash}' for clash in mnemonic_clashes(shown)]
    tap.check(f'{lang or "English"}: no two items of a menu share their keyboard accelerator', not clashes, clashes)

tap.done()
