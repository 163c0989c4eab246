#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The exported page renders to the same element structure on the hub
(Python-Markdown with the hub's extensions) as with the project's renderer
(cmark-gfm), for the bundled page and for generated documents full of
Markdown syntax, Unicode, empty fields and long lists."""
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

print(f'1..{len(cases)}')
failures = sum(not check(name, data, suffix) for name, data, suffix in cases)
sys.exit(1 if failures else 0)
