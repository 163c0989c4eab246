#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The exported page renders to the same element structure on the hub
(Python-Markdown with the hub's extensions) as with the project's renderer
(cmark-gfm), for the bundled page and for generated documents full of
Markdown syntax, Unicode, empty fields and long lists.

The same holds for every file of the hub-folder export (index.md with its
card grid, one page per cluster), with attr_list and md_in_html as the hub
enables them, and the hub shows none of the two faults of today's hub pages:
a list right under a line of text (shown as text with dashes) and "---"
right under a logo (the logo becomes a heading).  The reference pages in
tests/data/hub-folder have both faults, and the check must find them there,
so it is known to be able to fail."""
import shutil
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hubmarkdown  # noqa: E402

cli, tool = sys.argv[1], sys.argv[2]
seeds = int(os.environ.get('EE_HUB_SEEDS', '60'))


def run(*args, stdin=None):
    return subprocess.run(args, input=stdin, capture_output=True, check=True).stdout


def check(name, data, suffix='.json'):
    with tempfile.NamedTemporaryFile(suffix=suffix) as f:
        f.write(data)
        f.flush()
        page = run(cli, 'export', f.name).decode()
        ours = run(cli, 'render', '--fragment', f.name).decode()
    hub = hubmarkdown.render_hub(page)
    a, b = hubmarkdown.structure(hub), hubmarkdown.structure(ours)
    if a != b:
        print(f'not ok - {name}: {hubmarkdown.describe_difference(a, b)}')
        print('# --- exported Markdown ---')
        for line in page.splitlines():
            print('# ' + line)
        return False
    print(f'ok - {name}')
    return True


variants = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'variants')
cases = [('bundled page', run(cli, 'new'), '.json')]
for name in sorted(os.listdir(variants)):
    if name.endswith('.expected.md'):
        cases.append((f'variant {name}', open(os.path.join(variants, name), 'rb').read(), '.md'))
for seed in range(1, seeds + 1):
    style = 'hostile' if seed % 4 else 'realistic'
    cases.append((f'generated {style} document, seed {seed}', run(tool, 'gen', str(seed), str(seed % 9 + 1), style), '.json'))

hub_folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'hub-folder')


def compare_file(path):
    """The first difference between the hub's rendering and ours, and the
    hub's rendering faults."""
    text = open(path, encoding='utf-8').read()
    hub_html = hubmarkdown.render_hub(text)
    ours = hubmarkdown.apply_image_attr_lists(run(tool, 'render', path).decode())
    a, b = hubmarkdown.structure(hub_html), hubmarkdown.structure(ours)
    return (None if a == b else hubmarkdown.describe_difference(a, b)), hubmarkdown.rendering_faults(text, hub_html)


def check_folder(name, source, layout_source_is_folder=False):
    """Exports @source (a project file or a hub folder) as a hub folder and
    checks every file of it."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'out')
        run(cli, 'export', source, '--layout', 'folder', '-o', out)
        names = sorted(os.listdir(out))
        problems = []
        for file_name in names:
            difference, faults = compare_file(os.path.join(out, file_name))
            if difference:
                problems.append(f'{file_name}: renders differently on the hub: {difference}')
            problems += [f'{file_name}: {fault}' for fault in faults]
        if 'index.md' not in names or len(names) < 2:
            problems.append(f'expected index.md and the cluster pages, found {names}')
        if problems:
            print(f'not ok - {name}')
            for problem in problems:
                print('# ' + problem)
            return False
        print(f'ok - {name}: {len(names)} files render on the hub as with our renderer, without faults')
        return True


def check_original_faults():
    """Today's pages: both faults are there, and found."""
    found = {}
    for file_name in sorted(os.listdir(hub_folder)):
        difference, faults = compare_file(os.path.join(hub_folder, file_name))
        for fault in faults:
            found.setdefault(fault.split(':')[0].split(' <')[0], []).append(file_name)
        if difference:
            found.setdefault('renders differently', []).append(file_name)
    expected = ['list shown as text with dashes', 'image made a heading', 'renders differently']
    missing = [kind for kind in expected if kind not in found]
    if missing:
        print(f'not ok - the checks find the faults of today\'s hub pages: none found of {missing}')
        return False
    print('ok - the checks find the faults of today\'s hub pages: '
          + '; '.join(f'{kind} in {sorted(set(files))}' for kind, files in found.items()))
    return True


def folder_cases():
    with tempfile.TemporaryDirectory() as tmp:
        bundled = os.path.join(tmp, 'bundled.json')
        with open(bundled, 'wb') as f:
            f.write(run(cli, 'new'))
        yield lambda: check_original_faults()
        yield lambda: check_folder('hub folder: the reference pages exported as a folder', hub_folder)
        yield lambda: check_folder('hub folder: the bundled page exported as a folder', bundled)
        for seed in range(1, folder_seeds + 1):
            style = 'hostile' if seed % 4 else 'realistic'
            path = os.path.join(tmp, f'gen{seed}.json')
            with open(path, 'wb') as f:
                f.write(run(tool, 'gen', str(seed), str(seed % 9 + 1), style))
            yield (lambda p=path, n=f'hub folder: generated {style} document, seed {seed}': check_folder(n, p))


folder_seeds = int(os.environ.get('EE_HUB_FOLDER_SEEDS', '20'))
print(f'1..{len(cases) + 3 + folder_seeds}')
failures = sum(not check(name, data, suffix) for name, data, suffix in cases)
failures += sum(not case() for case in folder_cases())
sys.exit(1 if failures else 0)
