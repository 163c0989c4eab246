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

    r = run('validate', project)
    check('validate: the hub page has no problems: exit 0, nothing written',
          r.returncode == 0 and r.stdout == b'' and r.stderr == b'', r.stdout + r.stderr)
    broken_page = os.path.join(tmp, 'broken.md')
    with open(broken_page, 'wb') as f:
        f.write(expected_export.replace(b'<https://www.citcom.ai>', b'www.citcom')
                )
    r = run('validate', broken_page)
    lines = r.stdout.decode().splitlines()
    check('validate: one line per problem, file:cluster/initiative:field: severity: message; exit 1 on an error',
          r.returncode == 1 and lines == [f'{broken_page}:AI for Smart Cities/CitCom.ai:Webpage / Reference Link: '
                                          'error: Give the web address of the initiative’s page, starting with https://'],
          r.stdout + r.stderr)
    warned_page = os.path.join(tmp, 'warned.md')
    with open(warned_page, 'wb') as f:
        f.write(expected_export.replace(b'TEFs, Market report, Catalogue of services, Reference infrastructure', b''))
    r = run('validate', warned_page)
    check('validate: warnings only exit 0',
          r.returncode == 0 and r.stdout.decode().endswith(':AI for Smart Cities/CitCom.ai:Key Assets and Resources: '
                                                           'warning: Still empty: the page shows the template’s “…”\n'),
          r.stdout + r.stderr)
    r = run('validate')
    check('validate without a file is a usage error', r.returncode == 2, r.stderr)

    # The hub folder: index.md and one page per cluster.
    hub_folder = os.path.join(data, 'hub-folder')
    folder_project = os.path.join(tmp, 'folder.json')
    r = run('import', hub_folder, '-o', folder_project)
    folder_json = open(folder_project, 'rb').read() if r.returncode == 0 else b''
    check('import DIR reads a hub folder into a folder-layout project (format version 2)',
          r.returncode == 0 and b'"version": 2,\n  "layout": "folder",' in folder_json
          and b'"page": "Data_Spaces_Related_Initiatives.md"' in folder_json and b'"title": "GAIA-X"' in folder_json,
          r.stderr)
    r = run('import', os.path.join(hub_folder, 'Data_Spaces_Related_Initiatives.md'))
    check('import of one page of a hub folder reads the whole folder', r.returncode == 0 and r.stdout == folder_json, r.stderr)
    out_dir = os.path.join(tmp, 'hub-out')
    r = run('export', folder_project, '--layout', 'folder', '-o', out_dir)
    names = sorted(os.listdir(out_dir)) if os.path.isdir(out_dir) else []
    check('export --layout folder -o DIR writes index.md and a page per cluster',
          r.returncode == 0 and 'index.md' in names and 'Data_Spaces_Related_Initiatives.md' in names
          and 'AI_For_Smart_Cities_Related_Initiatives.md' in names and len(names) == 7, (r.stderr, names))
    r = run('import', out_dir)
    check('the exported folder imports to the same project', r.returncode == 0 and r.stdout == folder_json, r.stderr)
    out_dir2 = os.path.join(tmp, 'hub-out-2')
    r = run('export', hub_folder, '-o', out_dir2)
    same = r.returncode == 0 and all(open(os.path.join(out_dir, n), 'rb').read() == open(os.path.join(out_dir2, n), 'rb').read()
                                     for n in names)
    check('export DIR uses the document\'s own layout, the folder', same and sorted(os.listdir(out_dir2)) == names, r.stderr)
    r = run('export', folder_project, '--layout', 'page')
    check('export --layout page writes a folder-layout document as one page',
          r.returncode == 0 and r.stdout.startswith(b'# Smart Communities Ecosystem & Resources\n')
          and b'\n## Data Spaces Related Initiatives  \n' in r.stdout and b'**GAIA-X**' in r.stdout, r.stderr)
    r = run('export', project, '--layout', 'folder', '-o', os.path.join(tmp, 'from-page'))
    check('export --layout folder writes a page-layout document as a folder',
          r.returncode == 0 and os.path.exists(os.path.join(tmp, 'from-page', 'index.md')), r.stderr)
    r = run('export', folder_project)
    check('a folder-layout document needs -o DIR: exit 2', r.returncode == 2 and b'-o DIR' in r.stderr, r.stderr)
    r = run('export', folder_project, '--layout', 'book', '-o', out_dir)
    check('an unknown --layout exits with 2', r.returncode == 2, r.stderr)
    empty_dir = os.path.join(tmp, 'empty')
    os.mkdir(empty_dir)
    with open(os.path.join(empty_dir, 'page.md'), 'w') as f:
        f.write('# Tool\n')
    r = run('import', empty_dir)
    check('a folder without index.md exits with 1 and names the file',
          r.returncode == 1 and b'index.md: not found' in r.stderr, r.stderr)

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
