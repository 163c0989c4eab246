#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""ecosystem-cli: outputs, exit codes (0 ok, 1 invalid input, 2 usage) and
one-line error messages naming the file, the place and the problem."""
import os
import subprocess
import sys
import tempfile

cli = sys.argv[1]
data = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data')
expected_export = open(os.path.join(data, 'ecosystem-page-expected-export.md'), 'rb').read()
results = []


def run(*args, stdin=None):
    return subprocess.run((cli,) + args, input=stdin, capture_output=True)


def check(name, condition, detail=''):
    results.append((name, condition, detail))


with tempfile.TemporaryDirectory() as tmp:
    project = os.path.join(tmp, 'p.json')
    r = run('new', '-o', project)
    check('new -o writes a project file', r.returncode == 0 and os.path.getsize(project) > 0, r.stderr)
    r = run('export', project)
    check('new then export reproduces the expected export byte for byte',
          r.returncode == 0 and r.stdout == expected_export, r.stderr)
    r = run('export', '-', stdin=open(project, 'rb').read())
    check('export reads standard input', r.returncode == 0 and r.stdout == expected_export, r.stderr)
    out = os.path.join(tmp, 'page.md')
    r = run('export', project, '-o', out)
    check('export -o writes the page', r.returncode == 0 and open(out, 'rb').read() == expected_export, r.stderr)
    r = run('export', os.path.join(data, 'ecosystem-page-template.md'))
    check('export normalises a page', r.returncode == 0 and r.stdout == expected_export, r.stderr)
    r = run('import', os.path.join(data, 'ecosystem-page-template.md'))
    check('import writes the project', r.returncode == 0 and r.stdout == run('new').stdout, r.stderr)

    r = run('render', project)
    html = r.stdout.decode()
    check('render writes the page as the preview shows it: styles inlined, no script, one section per part',
          r.returncode == 0 and html.startswith('<!DOCTYPE html>') and '<style>' in html
          and "Content-Security-Policy" in html and "default-src 'none'" in html and '<script' not in html
          and html.count('<section class="ee-section"') == 14 and 'CitCom.ai (CitComTEF)' in html, html[:200])
    r = run('render', '--fragment', project)
    check('render --fragment writes only the rendered page', r.returncode == 0 and r.stdout.startswith(b'<h1>'), r.stderr)

    bad = os.path.join(tmp, 'bad.json')
    with open(bad, 'w') as f:
        f.write('{"format": "ldt4ssc-ecosystem-page", "version": 1, "page": {}, '
                '"clusters": [{}, {}, {"initiatives": [{"title": 1}]}]}')
    r = run('export', bad)
    message = r.stderr.decode()
    check('invalid input exits with 1', r.returncode == 1, message)
    check('the message names file, place and problem on one line',
          message == f'ecosystem-cli: {bad}: clusters[2].initiatives[0].title: expected a string, found a number\n',
          message)
    r = run('export', os.path.join(tmp, 'missing.json'))
    check('a missing file exits with 1', r.returncode == 1 and 'missing.json' in r.stderr.decode(), r.stderr)
    readme = os.path.join(tmp, 'README.md')
    with open(readme, 'w') as f:
        f.write('# Tool\n\n## Install\n\nRun it.\n')
    r = run('import', readme)
    check('a page that is not a hub page exits with 1', r.returncode == 1 and 'line 3' in r.stderr.decode(), r.stderr)

    for args, name in ((('frobnicate',), 'an unknown command'), (('export',), 'a missing file argument'),
                       (('export', 'a', 'b'), 'two files'), (('new', '--bogus'), 'an unknown option'), ((), 'no command')):
        r = run(*args)
        check(f'{name} exits with 2', r.returncode == 2, r.stderr)
    r = run('--help')
    check('--help exits with 0 and lists the commands',
          r.returncode == 0 and all(c in r.stdout.decode() for c in ('new', 'export', 'import', 'render')), r.stderr)
    r = run('--version')
    check('--version prints the version', r.returncode == 0 and r.stdout.startswith(b'ecosystem-cli '), r.stderr)
    r = run('export', '--help')
    check('a command has --help', r.returncode == 0 and b'--output' in r.stdout, r.stderr)

print(f'1..{len(results)}')
for i, (name, ok, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {name}')
    if not ok:
        print(f'# {detail!r}')
sys.exit(0 if all(ok for _, ok, _ in results) else 1)
