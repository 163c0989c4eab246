#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the live preview shows (its DOM, read from the real WebKit view) has
the same element structure as what the hub renders (Python-Markdown with the
hub's extensions) from the exported Markdown, for the bundled page and
generated documents.  The preview's own additions are taken out first: the
<section> around each part, and the placeholder it shows for an image whose
file is missing, which stands for that <img>."""
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import hubmarkdown  # noqa: E402

preview_dom, cli, tool = sys.argv[1], sys.argv[2], sys.argv[3]
seeds = int(os.environ.get('EE_PREVIEW_SEEDS', '8'))


def run(*args):
    return subprocess.run(args, capture_output=True, check=True, timeout=120).stdout


def without_preview_additions(html):
    html = re.sub(r'<section class="ee-section"[^>]*>', '', html)
    html = html.replace('</section>', '')
    # The placeholder for a missing image (nested spans) stands for an <img>.
    out, pos = [], 0
    while True:
        start = html.find('<span class="ee-missing-image"', pos)
        if start < 0:
            break
        depth, i = 0, start
        while True:
            opening = html.find('<span', i)
            closing = html.find('</span>', i)
            if opening >= 0 and opening < closing:
                depth += 1
                i = opening + 5
            else:
                depth -= 1
                i = closing + 7
                if depth == 0:
                    break
        out.append(html[pos:start])
        out.append('<img>')
        pos = i
    out.append(html[pos:])
    return ''.join(out)


def structure_without_images(html):
    # Where an image stands, both sides have one; its attributes depend on
    # whether the file exists, which is the preview's business.
    tree = hubmarkdown.structure(html)

    def strip(node):
        if isinstance(node, str):
            return node
        tag, attrs, children = node
        if tag == 'img':
            attrs = ()
        return (tag, attrs, tuple(strip(c) for c in children))
    return strip(tree)


def check(name, project_json):
    with tempfile.NamedTemporaryFile(suffix='.json') as f:
        f.write(project_json)
        f.flush()
        page = run(cli, 'export', f.name).decode()
        dom = run(preview_dom, f.name).decode()
    hub = hubmarkdown.render_hub(page)
    a = structure_without_images(hub)
    b = structure_without_images(without_preview_additions(dom))
    if a != b:
        print(f'not ok - {name}: {hubmarkdown.describe_difference(a, b)}')
        return False
    print(f'ok - {name}')
    return True


cases = [('bundled page', run(cli, 'new'))]
for seed in range(1, seeds + 1):
    style = 'hostile' if seed % 2 else 'realistic'
    cases.append((f'generated {style} document, seed {seed}', run(tool, 'gen', str(seed), str(seed % 5 + 1), style)))
print(f'1..{len(cases)}')
failures = sum(not check(name, data) for name, data in cases)
sys.exit(1 if failures else 0)
