# SPDX-License-Identifier: GPL-3.0-or-later
"""What the i18n tests share: TAP output, a PO file reader and the keywords
meson's glib preset gives xgettext."""
import ast
import re
import sys

# mesonbuild/modules/i18n.py, PRESET_ARGS['glib'], plus the '-k_' that
# mesonbuild/scripts/gettext.py adds: the same template as the
# ecosystem-editor-pot target.
GLIB_PRESET_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '-k_',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]


class Tap:
    """Test Anything Protocol: one 'ok'/'not ok' line per check."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def check(self, name, condition, details=()):
        self.n += 1
        print(('ok' if condition else 'not ok') + f' {self.n} - {name}')
        if not condition:
            self.failed += 1
            for line in details if not isinstance(details, str) else details.splitlines():
                print(f'#   {line}')
        sys.stdout.flush()
        return condition

    def note(self, text):
        for line in text.splitlines():
            print(f'# {line}')

    def done(self):
        print(f'1..{self.n}')
        sys.exit(1 if self.failed else 0)


def read_linguas(path):
    langs = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            langs += line.split()
    return langs


def read_potfiles(path):
    files = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                files.append(line)
    return files


class Message:
    def __init__(self):
        self.msgctxt = None
        self.msgid = None
        self.msgid_plural = None
        self.msgstr = {}      # index (0 without plural) -> text
        self.flags = set()
        self.line = 0

    @property
    def key(self):
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self):
        return 'fuzzy' in self.flags

    @property
    def translated(self):
        return bool(self.msgstr) and all(s != '' for s in self.msgstr.values())

    def describe(self):
        ctx = f'[{self.msgctxt}] ' if self.msgctxt is not None else ''
        return ctx + repr(self.msgid)


def _unquote(text):
    # PO strings use C escapes; a Python string literal reads the ones
    # xgettext writes (\n \t \" \\).
    return ast.literal_eval(text)


def read_po(path):
    """The messages of a PO or POT file, header and obsolete ones left out."""
    messages = []
    current = Message()
    field = None

    def flush():
        nonlocal current, field
        if current.msgid is not None and current.msgid != '' or current.msgctxt is not None:
            messages.append(current)
        current = Message()
        field = None

    with open(path, encoding='utf-8') as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip('\n')
            if not line.strip():
                flush()
                continue
            if line.startswith('#~'):
                continue
            if line.startswith('#'):
                if current.msgid is not None:
                    flush()
                if line.startswith('#,'):
                    current.flags.update(x.strip() for x in line[2:].split(','))
                continue
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$', line)
            if m:
                keyword = m.group(1)
                if keyword in ('msgctxt', 'msgid') and current.msgid is not None and (
                        keyword == 'msgctxt' or current.msgstr):
                    flush()
                value = _unquote(m.group(3))
                if keyword == 'msgctxt':
                    current.msgctxt = value
                    field = ('msgctxt', None)
                elif keyword == 'msgid':
                    current.msgid = value
                    current.line = number
                    field = ('msgid', None)
                elif keyword == 'msgid_plural':
                    current.msgid_plural = value
                    field = ('msgid_plural', None)
                else:
                    index = int(m.group(2)) if m.group(2) is not None else 0
                    current.msgstr[index] = value
                    field = ('msgstr', index)
                continue
            if line.startswith('"') and field is not None:
                value = _unquote(line.strip())
                kind, index = field
                if kind == 'msgstr':
                    current.msgstr[index] += value
                else:
                    setattr(current, kind, getattr(current, kind) + value)
                continue
            raise ValueError(f'{path}:{number}: cannot read {line!r}')
    flush()
    return messages
