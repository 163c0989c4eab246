# SPDX-License-Identifier: GPL-3.0-or-later
"""The hub's Markdown, and a comparison of rendered element structure.

The hub is built with MkDocs and the Material theme, so its Markdown is
Python-Markdown with the extensions below (the hub's mkdocs.yml).
"""
import html
import html.parser
import re
import urllib.parse

import markdown

HUB_EXTENSIONS = [
    'attr_list', 'md_in_html', 'admonition', 'toc', 'tables', 'fenced_code',
    'pymdownx.details', 'pymdownx.superfences', 'pymdownx.snippets', 'pymdownx.emoji',
]


def render_hub(text):
    return markdown.markdown(
        text, extensions=HUB_EXTENSIONS,
        extension_configs={'pymdownx.snippets': {'base_path': ['/nonexistent'], 'check_paths': False}})


# Attributes that carry meaning; ids added by the toc extension do not.
KEPT_ATTRIBUTES = {'href', 'src', 'alt', 'width', 'title'}
BLOCK_TAGS = {'p', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table',
              'thead', 'tbody', 'tr', 'th', 'td', 'blockquote', 'pre', 'div', 'body'}


def _attributes(attrs):
    """The attributes that matter, with URLs compared as what they point to
    (one renderer percent-encodes non-ASCII characters, the other not)."""
    kept = []
    for k, v in attrs:
        if k in KEPT_ATTRIBUTES:
            if k in ('href', 'src'):
                v = urllib.parse.unquote(v or '')
            kept.append((k, v))
    return tuple(sorted(kept))


class _Tree(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = ['body', (), []]
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = [tag, _attributes(attrs), []]
        self.stack[-1][2].append(node)
        if tag not in ('br', 'hr', 'img', 'input', 'meta'):
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        node = [tag, _attributes(attrs), []]
        self.stack[-1][2].append(node)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1][2].append(data)

    def handle_comment(self, data):
        pass


def _normalise(node):
    """Merges text, collapses white space, drops white space that only
    separates blocks."""
    tag, attrs, children = node
    out = []
    for child in children:
        if isinstance(child, str):
            if out and isinstance(out[-1], str):
                out[-1] += child
            else:
                out.append(child)
        else:
            out.append(_normalise(child))
    result = []
    for i, child in enumerate(out):
        if isinstance(child, str):
            text = re.sub(r'\s+', ' ', html.unescape(child))
            prev_block = i == 0 or (not isinstance(out[i - 1], str) and out[i - 1][0] in BLOCK_TAGS | {'br'})
            next_block = i == len(out) - 1 or (not isinstance(out[i + 1], str) and out[i + 1][0] in BLOCK_TAGS | {'br'})
            if prev_block:
                text = text.lstrip()
            if next_block:
                text = text.rstrip()
            if text:
                result.append(text)
        else:
            result.append(child)
    return (tag, attrs, tuple(tuple(c) if not isinstance(c, str) else c for c in result))


def structure(html_text):
    parser = _Tree()
    parser.feed(html_text)
    parser.close()
    return _normalise(parser.root)


def describe_difference(a, b, path='body'):
    """The first place where two structures differ, for a readable failure."""
    if isinstance(a, str) or isinstance(b, str):
        return None if a == b else f'{path}: {a!r} != {b!r}'
    if a[0] != b[0] or a[1] != b[1]:
        return f'{path}: <{a[0]} {a[1]}> != <{b[0]} {b[1]}>'
    for i, (x, y) in enumerate(zip(a[2], b[2])):
        d = describe_difference(x, y, f'{path}/{a[0] if isinstance(x, str) else x[0]}[{i}]')
        if d:
            return d
    if len(a[2]) != len(b[2]):
        extra = a[2][len(b[2]):] or b[2][len(a[2]):]
        return f'{path}: {len(a[2])} children != {len(b[2])}; extra: {extra[:2]!r}'
    return None


# The project's renderer (cmark-gfm) does not know attr_list: after an image
# it leaves "{ width="300" align="center" }" as text, and the preview
# (ee-html-page.c) takes it as the image's attributes, showing the width.
_IMAGE_ATTR_LIST = re.compile(r'(<img\b[^>]*?)\s*/?>\{:?((?:[^}<\n&]|&quot;[^\n]*?&quot;|&#?\w+;)*)\}')


def apply_image_attr_lists(html_text):
    """Our fragment with each image's attr_list applied, as the preview
    applies it."""
    def apply(m):
        width = re.search(r'(?:^|\s)width=["\']?(\d+)', html.unescape(m.group(2)))
        return m.group(1) + (f' width="{width.group(1)}"' if width else '') + ' />'
    return _IMAGE_ATTR_LIST.sub(apply, html_text)


def rendering_faults(source, hub_html):
    """Where the hub shows a page other than it reads: a list written right
    under a line of text stays in the paragraph with its dashes, and an
    image line right above "---" becomes a heading.  A dash the source
    escapes ("\\- ") is text, and no fault."""
    faults = []
    for m in re.finditer(r'<p>(.*?)</p>', hub_html, re.S):
        for line in re.finditer(r'\n[ \t]*([-*+])[ \t]+(.{0,40})', m.group(1)):
            word = re.search(r'\w+', html.unescape(re.sub(r'<[^>]*>', '', line.group(2))))
            pattern = r'(?m)^[ \t]*' + re.escape(line.group(1)) + r'[ \t]+' + (r'.*' + re.escape(word.group(0)) if word else '')
            if re.search(pattern, source):
                faults.append(f'list shown as text with dashes: "{line.group(1)} {html.unescape(line.group(2))}…"')
                break
    for m in re.finditer(r'<h([1-6])[^>]*>((?:(?!</h\1>).)*?<img\b[^>]*>)', hub_html, re.S):
        alt = re.search(r'alt="([^"]*)"', m.group(2))
        faults.append(f'image made a heading <h{m.group(1)}>: {alt.group(1) if alt else "?"}')
    return faults
