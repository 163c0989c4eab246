#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Installs the build into a temporary DESTDIR and checks what lands there.

    check_install.py --meson MESON --build-root DIR --source-root DIR
                     --app-id ID --prefix P --bindir D --datadir D
                     --localedir D --gettext-package NAME --gui true|false

`meson install --no-rebuild`: this runs inside `meson test`, which has
built everything already.  Then: the programs, the desktop file, the
AppStream file, the icons, the settings schema and one .mo file for every
language in po/LINGUAS (read now, so new languages are checked as they
come), that those files name the app id and the programs that are there,
and that the installed programs start (--help, exit 0) and find their
libraries.

Exit status 0 when everything holds, 1 with one line per problem otherwise.
"""

import argparse
import configparser
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def linguas(source_root):
    langs = []
    with open(os.path.join(source_root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0]
            langs.extend(line.split())
    return langs


def under(destdir, prefix, path):
    # Meson's directories are relative to the prefix unless absolute.
    full = path if os.path.isabs(path) else os.path.join(prefix, path)
    return os.path.join(destdir, full.lstrip('/'))


def check(args, destdir):
    problems = []
    app_id = args.app_id
    bindir = under(destdir, args.prefix, args.bindir)
    datadir = under(destdir, args.prefix, args.datadir)
    localedir = under(destdir, args.prefix, args.localedir)
    gui = args.gui == 'true'

    def need(path, what):
        if not os.path.isfile(path):
            problems.append(f'{what} is not installed: {os.path.relpath(path, destdir)}')
            return False
        return True

    programs = ['ecosystem-cli'] + (['ecosystem-editor'] if gui else [])
    for prog in programs:
        path = os.path.join(bindir, prog)
        if need(path, f'the program {prog}') and not os.access(path, os.X_OK):
            problems.append(f'{prog} is installed but not executable')

    if gui:
        desktop = os.path.join(datadir, 'applications', f'{app_id}.desktop')
        metainfo = os.path.join(datadir, 'metainfo', f'{app_id}.metainfo.xml')
        icon = os.path.join(datadir, 'icons', 'hicolor', 'scalable', 'apps', f'{app_id}.svg')
        symbolic = os.path.join(datadir, 'icons', 'hicolor', 'symbolic', 'apps',
                                f'{app_id}-symbolic.svg')
        schema = os.path.join(datadir, 'glib-2.0', 'schemas', f'{app_id}.gschema.xml')
        need(icon, 'the app icon')
        need(symbolic, 'the symbolic icon')

        if need(desktop, 'the desktop file'):
            entry = configparser.RawConfigParser(interpolation=None, strict=False)
            entry.optionxform = str
            entry.read(desktop, encoding='utf-8')
            section = entry['Desktop Entry'] if entry.has_section('Desktop Entry') else {}
            if section.get('Icon') != app_id:
                problems.append(f'the desktop file\'s Icon is {section.get("Icon")!r}, not {app_id!r}')
            exec_prog = (section.get('Exec') or '').split(' ')[0]
            if exec_prog not in programs:
                problems.append(f'the desktop file runs {exec_prog!r}, which is not installed')

        if need(metainfo, 'the AppStream metainfo'):
            root = ET.parse(metainfo).getroot()
            if root.findtext('id') != app_id:
                problems.append(f'the metainfo\'s id is {root.findtext("id")!r}, not {app_id!r}')
            launchable = root.findtext("launchable[@type='desktop-id']")
            if launchable != f'{app_id}.desktop':
                problems.append(f'the metainfo launches {launchable!r}, not {app_id}.desktop')
            binaries = [b.text for b in root.findall('provides/binary')]
            if not binaries:
                problems.append('the metainfo provides no binary')
            for b in binaries:
                if b not in programs:
                    problems.append(f'the metainfo provides the binary {b!r}, which is not installed')

        if need(schema, 'the settings schema'):
            ids = [s.get('id') for s in ET.parse(schema).getroot().findall('schema')]
            if app_id not in ids:
                problems.append(f'the settings schema defines {ids}, not {app_id!r}')

        langs = linguas(args.source_root)
        for lang in langs:
            need(os.path.join(localedir, lang, 'LC_MESSAGES', f'{args.gettext_package}.mo'),
                 f'the {lang} translation')
        print(f'# languages in po/LINGUAS: {" ".join(langs) or "(none)"}')

    # The installed programs start.  No display: --help is answered before
    # GTK opens one.
    env = dict(os.environ)
    env.pop('DISPLAY', None)
    env.pop('WAYLAND_DISPLAY', None)
    for prog in programs:
        path = os.path.join(bindir, prog)
        if not os.path.isfile(path):
            continue
        ldd = subprocess.run(['ldd', path], capture_output=True, text=True)
        for line in ldd.stdout.splitlines():
            if 'not found' in line:
                problems.append(f'{prog}: library {line.strip()}')
        try:
            proc = subprocess.run([path, '--help'], capture_output=True, text=True,
                                  env=env, timeout=30)
        except subprocess.TimeoutExpired:
            problems.append(f'{prog} --help did not return within 30 s')
            continue
        if proc.returncode != 0 or 'Usage' not in proc.stdout:
            problems.append(f'{prog} --help exited {proc.returncode}: '
                            f'{(proc.stderr or proc.stdout).strip()[:300]}')

    return problems


def main():
    ap = argparse.ArgumentParser()
    for opt in ('meson', 'build-root', 'source-root', 'app-id', 'prefix', 'bindir',
                'datadir', 'localedir', 'gettext-package', 'gui'):
        ap.add_argument('--' + opt, required=True)
    ap.add_argument('--keep', action='store_true', help='leave the DESTDIR for a look')
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix='ee-install-')
    try:
        destdir = os.path.join(tmp, 'destdir')
        proc = subprocess.run(
            [args.meson, 'install', '-C', args.build_root, '--destdir', destdir,
             '--no-rebuild', '--quiet'],
            capture_output=True, text=True)
        if proc.returncode != 0:
            print(f'meson install failed (exit {proc.returncode}):\n'
                  f'{proc.stdout}{proc.stderr}')
            return 1
        problems = check(args, destdir)
        for p in problems:
            print(p)
        if not problems:
            count = sum(len(files) for _, _, files in os.walk(destdir))
            print(f'{count} files installed under {args.prefix}, all expected ones there')
        if args.keep:
            print(f'# DESTDIR kept: {destdir}')
        return 1 if problems else 0
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
