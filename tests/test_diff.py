#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""ee_diff_unified() against GNU diff -u, on pairs of texts: the hub's pages
and edits of them (lines changed, added, removed, moved), through
`ee-test-tool diff OLD NEW`."""
import os
import random
import subprocess
import sys
import tempfile

tool = sys.argv[1]
data = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data')
pages = [os.path.join(data, 'ecosystem-page-expected-export.md')] + \
        [os.path.join(data, 'hub-folder', n) for n in sorted(os.listdir(os.path.join(data, 'hub-folder')))]


def gnu(old, new):
    r = subprocess.run(['diff', '-u', '--label', 'a', '--label', 'b', old, new], capture_output=True, text=True)
    return r.stdout


def ours(old, new):
    r = subprocess.run([tool, 'diff', old, new], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else f'exit {r.returncode}: {r.stderr}'


def edited(lines, rng):
    lines = list(lines)
    for _ in range(rng.randint(1, 6)):
        i = rng.randrange(len(lines) + 1)
        kind = rng.choice(['change', 'add', 'remove'])
        if kind == 'add' or not lines or i == len(lines):
            lines.insert(i, f'An added line {rng.random()}')
        elif kind == 'change':
            lines[i] = lines[i] + ' (changed)'
        else:
            del lines[i]
    return lines


rng = random.Random(4)
cases = []
for page in pages:
    text = open(page, encoding='utf-8').read().split('\n')
    for n in range(5):
        cases.append((page, text, edited(text, rng)))
print(f'1..{len(cases) + 1}')
failed = 0
with tempfile.TemporaryDirectory() as tmp:
    old_path, new_path = os.path.join(tmp, 'old'), os.path.join(tmp, 'new')
    for number, (page, old, new) in enumerate(cases, 1):
        with open(old_path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(old))
        with open(new_path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(new))
        expected, actual = gnu(old_path, new_path), ours(old_path, new_path)
        # Both are minimal diffs; where several exist they may differ, so
        # compare what they do: the lines they remove and add.
        def changes(diff):
            return sorted(line for line in diff.split('\n') if line[:1] in '+-' and line[:3] not in ('+++', '---'))
        ok = changes(expected) == changes(actual) and actual.startswith('--- a\n+++ b\n@@ ')
        failed += not ok
        print(f'{"ok" if ok else "not ok"} {number} - {os.path.basename(page)}, edit {number}')
        if not ok:
            print('# GNU diff:\n' + '\n'.join('#   ' + l for l in expected.split('\n')[:30]))
            print('# ours:\n' + '\n'.join('#   ' + l for l in actual.split('\n')[:30]))
    same = ours(pages[0], pages[0])
    ok = same == ''
    failed += not ok
    print(f'{"ok" if ok else "not ok"} {len(cases) + 1} - the same text has an empty diff')
sys.exit(1 if failed else 0)
