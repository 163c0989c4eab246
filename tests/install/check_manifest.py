#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest against the Meson project.

    check_manifest.py parse MANIFEST
        flatpak-builder --show-manifest reads the manifest (exit 77, a skip,
        when flatpak-builder is not installed).

    check_manifest.py match MANIFEST --app-id ID --project NAME
                            --command BINARY --meson-options FILE
        The manifest builds this project: its app id, command, last module
        (name, Meson build, options that exist, default profile), the
        sandbox's permissions, and every other module's sources pinned by
        URL and sha256.

Exit status 0 when everything holds, 1 with one line per problem otherwise.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77

# Exactly these, nothing more: files go through the portals.
FINISH_ARGS = {
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
}

CLEANUP = {'/include', '/lib/pkgconfig', '*.a'}

SHA256 = re.compile(r'^[0-9a-f]{64}$')


def parse(manifest):
    builder = shutil.which('flatpak-builder')
    if builder is None:
        print('flatpak-builder is not installed: skipped')
        return SKIP
    # flatpak-builder leaves a .flatpak-builder state folder in the current
    # folder: a temporary one, never the source tree.
    with tempfile.TemporaryDirectory(prefix='ee-manifest-') as tmp:
        proc = subprocess.run([builder, '--show-manifest', os.path.abspath(manifest)],
                              cwd=tmp, capture_output=True, text=True)
    if proc.returncode != 0:
        print(f'{manifest}: flatpak-builder --show-manifest failed '
              f'(exit {proc.returncode}): {proc.stderr.strip()}')
        return 1
    try:
        shown = json.loads(proc.stdout)
    except json.JSONDecodeError as e:
        print(f'{manifest}: flatpak-builder printed no JSON: {e}')
        return 1
    if not shown.get('modules'):
        print(f'{manifest}: flatpak-builder sees no modules')
        return 1
    print(f'{manifest}: flatpak-builder reads {len(shown["modules"])} modules '
          f'for {shown.get("id") or shown.get("app-id")}')
    return 0


def meson_option_names(path):
    with open(path, encoding='utf-8') as f:
        return set(re.findall(r"""option\s*\(\s*['"]([^'"]+)['"]""", f.read()))


def match(args):
    problems = []
    with open(args.manifest, encoding='utf-8') as f:
        try:
            manifest = json.load(f)
        except json.JSONDecodeError as e:
            print(f'{args.manifest}: not JSON: {e}')
            return 1
    here = os.path.dirname(os.path.abspath(args.manifest))

    app_id = manifest.get('app-id', manifest.get('id'))
    if app_id != args.app_id:
        problems.append(f'app-id is {app_id!r}, the Meson project\'s is {args.app_id!r}')
    if os.path.basename(args.manifest) != f'{args.app_id}.json':
        problems.append(f'the manifest is not named {args.app_id}.json')
    if manifest.get('command') != args.command:
        problems.append(f'command is {manifest.get("command")!r}, '
                        f'the editor is installed as {args.command!r}')
    for key, want in (('runtime', 'org.gnome.Platform'), ('sdk', 'org.gnome.Sdk')):
        if manifest.get(key) != want:
            problems.append(f'{key} is {manifest.get(key)!r}, not {want!r}')
    if not re.fullmatch(r'\d+', str(manifest.get('runtime-version', ''))):
        problems.append(f'runtime-version {manifest.get("runtime-version")!r} '
                        'is not a stable GNOME release')

    finish_args = manifest.get('finish-args', [])
    for arg in finish_args:
        if arg.startswith('--filesystem='):
            problems.append(f'finish-args grant file system access ({arg}); '
                            'files go through the portals')
    if sorted(finish_args) != sorted(FINISH_ARGS) or len(set(finish_args)) != len(finish_args):
        extra = sorted(set(finish_args) - FINISH_ARGS)
        missing = sorted(FINISH_ARGS - set(finish_args))
        problems.append(f'finish-args differ from {sorted(FINISH_ARGS)}: '
                        f'extra {extra}, missing {missing}')

    missing_cleanup = CLEANUP - set(manifest.get('cleanup', []))
    if missing_cleanup:
        problems.append(f'cleanup lacks {sorted(missing_cleanup)}')

    modules = manifest.get('modules', [])
    if not modules or not all(isinstance(m, dict) for m in modules):
        problems.append('modules must be a list of inline objects')
        modules = [m for m in modules if isinstance(m, dict)]
    if modules:
        app = modules[-1]
        if app.get('name') != args.project:
            problems.append(f'the last module is {app.get("name")!r}, '
                            f'the Meson project is {args.project!r}')
        if app.get('buildsystem') != 'meson':
            problems.append(f'the last module builds with {app.get("buildsystem")!r}, not meson')
        sources = app.get('sources', [])
        if not (len(sources) == 1 and sources[0].get('type') == 'dir'
                and os.path.realpath(os.path.join(here, sources[0].get('path', '')))
                == os.path.realpath(os.path.join(os.path.dirname(args.meson_options)))):
            problems.append('the last module\'s source is not the project folder '
                            '(one "dir" source whose path is the source tree)')
        known = meson_option_names(args.meson_options)
        options = {}
        for opt in app.get('config-opts', []):
            m = re.fullmatch(r'-D([^=]+)=(.*)', opt)
            if m is None:
                continue
            options[m.group(1)] = m.group(2)
            if m.group(1) not in known and '.' not in m.group(1) \
                    and m.group(1) not in ('buildtype', 'prefix', 'libdir', 'b_lto'):
                problems.append(f'config-opts set -D{m.group(1)}, '
                                'which meson_options.txt does not define')
        if options.get('profile', 'default') != 'default':
            problems.append(f'the app builds the {options["profile"]!r} profile, '
                            'whose app id is not the manifest\'s')

    for module in modules[:-1]:
        name = module.get('name', '?')
        sources = module.get('sources', [])
        if not any(s.get('type') in ('archive', 'file') for s in sources):
            problems.append(f'module {name}: no archive source')
        for source in sources:
            kind = source.get('type')
            if kind in ('archive', 'file'):
                if not str(source.get('url', '')).startswith('https://'):
                    problems.append(f'module {name}: a {kind} source without an https url')
                if not SHA256.fullmatch(str(source.get('sha256', ''))):
                    problems.append(f'module {name}: {source.get("url", "a source")} '
                                    'has no sha256 of 64 hex digits')
            elif kind == 'patch':
                # Local patches, kept next to the manifest.
                path = source.get('path')
                if not path or not os.path.isfile(os.path.join(here, path)):
                    problems.append(f'module {name}: patch {path!r} is not in {here}')
            else:
                problems.append(f'module {name}: a {kind!r} source, not pinned '
                                'by url and sha256')

    for p in problems:
        print(f'{args.manifest}: {p}')
    if not problems:
        print(f'{args.manifest}: matches {args.project} ({args.app_id}), '
              f'{len(modules)} modules')
    return 1 if problems else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('mode', choices=['parse', 'match'])
    ap.add_argument('manifest')
    ap.add_argument('--app-id')
    ap.add_argument('--project')
    ap.add_argument('--command')
    ap.add_argument('--meson-options')
    args = ap.parse_args()
    if args.mode == 'parse':
        return parse(args.manifest)
    for need in ('app_id', 'project', 'command', 'meson_options'):
        if getattr(args, need) is None:
            ap.error(f'match needs --{need.replace("_", "-")}')
    return match(args)


if __name__ == '__main__':
    sys.exit(main())
