#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A keyboard-only session with the real editor, read as assistive
technology reads it.

The editor runs as its own process under the display and session bus the
test was given (tools/test runs the suite inside xvfb-run and
dbus-run-session).  Every edit is a real key event sent with xdotool: no
pointer, no actions called from outside.  The accessibility tree (AT-SPI)
tells where the focus is and what the window shows; the saved project
tells what was typed, since GTK 4.8 does not expose the text of an entry.

Usage: test_keyboard.py EDITOR SCHEMA_DIR
Output: TAP.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

APP_NAME = 'ecosystem-editor'
SIDEBAR = 'Page, clusters and initiatives'
LDT_CLUSTER = 2  # "Local Digital Twins (LDTs)", reached with Alt+3

# What the keyboard types.  Plain ASCII words, nothing that Markdown
# would escape, so the saved text is the typed text.
NEIGHBOUR = {'title': 'Kbd Neighbour', 'name': 'Neighbour typed by keyboard'}
TYPED = {
    'title': 'Kbd Initiative',
    'name': 'Keyboard Initiative for Twins',
    'short-description': 'A short description typed with keys only.',
    'key-role': 'Its key role, typed after a Tab.',
    'relevance': 'Relevant to the pilots, typed after a Tab.',
    'key-assets': 'Reports and tools, typed after a Tab.',
    'webpage': 'https://kbd.example.org/initiative',
    'contact': 'Kim Keyboard, Example Partner',
}
# The initiative form's fields in Tab order, with the accessible name of
# the rich-text editors (entry rows do not expose focus or text in 4.8).
FIELDS = [
    ('name', None),
    ('short-description', 'Short Description'),
    ('key-role', 'Key role in the LDT Ecosystem'),
    ('relevance', 'Relevance to LDT4SSC'),
    ('key-assets', 'Key Assets and Resources'),
    ('webpage', None),
    ('contact', 'Main contact point'),
]

CONTROL_ROLES = {
    'push button', 'toggle button', 'menu button', 'check box',
    'radio button', 'spin button', 'combo box', 'switch', 'link',
}
# A printf directive left in a name: the string was never formatted.
FORMAT_LEFT = re.compile(r'%(\d+\$)?[-+#0]?\d*(\.\d+)?(l|ll|h|z)?[diuxsc]\b')

DEADLINE = time.monotonic() + 85  # the whole test, well under meson's 180 s


class Failed(Exception):
    pass


# TAP ---------------------------------------------------------------------

class Tap:
    def __init__(self, plan):
        self.plan = plan
        self.n = 0
        self.failed = 0
        print(f'1..{plan}', flush=True)

    def result(self, ok, description, diagnostics=()):
        self.n += 1
        if not ok:
            self.failed += 1
        print(f'{"ok" if ok else "not ok"} {self.n} - {description}', flush=True)
        for line in diagnostics:
            print(f'# {line}', flush=True)
        return ok

    def bail(self, reason):
        print(f'Bail out! {reason}', flush=True)


# Waiting -----------------------------------------------------------------

def pump():
    """Lets the accessibility events that arrived be handled."""
    from gi.repository import GLib

    context = GLib.MainContext.default()
    while context.pending():
        context.iteration(False)


def wait_for(what, check, timeout=10.0, interval=0.05):
    """Polls check() until it returns something true; returns that."""
    end = min(time.monotonic() + timeout, DEADLINE)
    while True:
        pump()
        value = check()
        if value:
            return value
        if time.monotonic() >= end:
            raise Failed(f'timed out waiting for {what}')
        time.sleep(interval)


def settle(seconds=0.3):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pump()
        time.sleep(0.02)


# Keys --------------------------------------------------------------------

def key(*keys):
    subprocess.run(['xdotool', 'key', '--delay', '60', *keys], check=True)
    settle(0.15)


def type_text(text):
    subprocess.run(['xdotool', 'type', '--delay', '15', text], check=True)
    settle(0.15)


def x_windows(pid):
    result = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(pid)],
                            capture_output=True, text=True)
    return [int(w) for w in result.stdout.split()]


def x_focus():
    result = subprocess.run(['xdotool', 'getwindowfocus'], capture_output=True, text=True)
    try:
        return int(result.stdout.strip())
    except ValueError:
        return 0


def give_keyboard_to(pid):
    """Makes sure key events go to the app's newest window.  GTK focuses its
    windows itself when there is no window manager; where it did not, do
    what a window manager does (this is not a pointer action)."""
    def focused():
        windows = x_windows(pid)
        return windows and x_focus() in windows
    try:
        wait_for('the editor to have the keyboard', focused, timeout=3)
    except Failed:
        windows = x_windows(pid)
        if not windows:
            raise
        subprocess.run(['xdotool', 'windowfocus', '--sync', str(windows[-1])], check=False)
        wait_for('the editor to have the keyboard', focused, timeout=3)


# The accessibility tree --------------------------------------------------

class Tree:
    """The editor's accessibility tree.  Each read goes over D-Bus, so the
    focus is followed through events rather than by walking the tree, and
    the sidebar is found once."""

    def __init__(self, pyatspi):
        from gi.repository import Atspi

        self.pyatspi = pyatspi
        self.focus = None  # the focused accessible, as the events tell
        self._sidebar = None
        self._listener = Atspi.EventListener.new(self._focus_changed)
        self._listener.register('object:state-changed:focused')

    def _focus_changed(self, event):
        try:
            if event.source.get_application().name != APP_NAME:
                return
        except Exception:
            return
        if event.detail1:
            self.focus = event.source
        elif self.focus is not None and self.focus == event.source:
            # The focus left for something the tree does not show (the
            # text inside an entry row) or for nothing.
            self.focus = None

    def app(self):
        desktop = self.pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == APP_NAME:
                return app
        return None

    def walk(self, node, parents=()):
        """Yields (node, path of ancestors' names) depth first."""
        if node is None:
            return
        yield node, parents
        try:
            children = [node.getChildAtIndex(i) for i in range(node.childCount)]
        except Exception:
            return
        label = f'{node.getRoleName()} “{node.name}”' if node.name else None
        for child in children:
            yield from self.walk(child, parents + ((label,) if label else ()))

    def frames(self):
        app = self.app()
        if app is None:
            return []
        app.clearCache()
        return [app.getChildAtIndex(i) for i in range(app.childCount)]

    def window(self):
        """The editor window: the app's frame."""
        for frame in self.frames():
            if frame is not None and frame.getRoleName() == 'frame':
                return frame
        return None

    def find(self, root, role=None, name=None):
        for node, _ in self.walk(root):
            if (role is None or node.getRoleName() == role) and (name is None or node.name == name):
                return node
        return None

    def has_state(self, node, state):
        return node.getState().contains(state)

    def focused(self):
        """(role, name) of the focused object, or None: GTK 4.8 does not
        expose the text inside an entry row, so focus there reads as None."""
        try:
            if self.focus is not None:
                self.focus.clearCache()
                if self.has_state(self.focus, self.pyatspi.STATE_FOCUSED):
                    return (self.focus.getRoleName(), self.focus.name)
            # A dialog's first focus can come before its tree is there,
            # and without an event: look in the dialogs (they are small).
            for frame in self.frames():
                if frame is None or frame.getRoleName() == 'frame':
                    continue
                for node, _ in self.walk(frame):
                    if self.has_state(node, self.pyatspi.STATE_FOCUSED):
                        self.focus = node
                        return (node.getRoleName(), node.name)
        except Exception:
            pass
        return None

    def text_of(self, node):
        text = node.queryText()
        return text.getText(0, -1)

    def sidebar(self):
        if self._sidebar is None:
            window = self.window()
            self._sidebar = self.find(window, 'list', SIDEBAR) if window else None
        return self._sidebar

    def sidebar_rows(self):
        """The sidebar's rows, each as (its label texts, its accessible)."""
        sidebar = self.sidebar()
        rows = []
        if sidebar is None:
            return rows
        sidebar.clearCache()
        for node, _ in self.walk(sidebar):
            if node.getRoleName() == 'list item':
                rows.append(([n.name for n, _ in self.walk(node) if n.getRoleName() == 'label'], node))
        return rows

    def selected_row(self):
        for labels, node in self.sidebar_rows():
            if self.has_state(node, self.pyatspi.STATE_SELECTED):
                return labels
        return None


# The test ----------------------------------------------------------------

def a11y_bus_up():
    from gi.repository import Gio, GLib

    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    reply = bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                          'NameHasOwner', GLib.Variant('(s)', ('org.a11y.Bus',)),
                          None, Gio.DBusCallFlags.NONE, 5000, None)
    return reply.unpack()[0]


def start_a11y_bus():
    """Starts the accessibility bus where the session has none; returns the
    launcher to stop at the end, or None."""
    if a11y_bus_up():
        return None
    launcher = subprocess.Popen(['/usr/libexec/at-spi-bus-launcher', '--launch-immediately'],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for('the accessibility bus', a11y_bus_up, timeout=10)
    return launcher


def child_env(tmp, schema_dir):
    env = dict(os.environ)
    # The tree must be exposed on the real accessibility bus, and Save
    # must show GTK's own file chooser: GTK 4.8 uses the portal's only in a
    # sandbox or with GDK_DEBUG=portals (it knows no "no-portals").
    for name in ('NO_AT_BRIDGE', 'GTK_A11Y', 'GDK_DEBUG', 'GTK_DEBUG', 'GTK_USE_PORTAL'):
        env.pop(name, None)
    # WebKit's web process, which inherits it, crashes now and then with
    # the malloc perturbation `meson test` sets.
    env.pop('MALLOC_PERTURB_', None)
    home = os.path.join(tmp, 'home')
    env.update({
        'HOME': home,
        'XDG_CONFIG_HOME': os.path.join(home, '.config'),
        'XDG_DATA_HOME': os.path.join(home, '.local', 'share'),
        'XDG_CACHE_HOME': os.path.join(home, '.cache'),
        'XDG_STATE_HOME': os.path.join(home, '.local', 'state'),
        'GSETTINGS_BACKEND': 'memory',
        'GSETTINGS_SCHEMA_DIR': schema_dir,
        # Accessible names are looked up in English.
        'LC_ALL': 'C.UTF-8',
        'LANGUAGE': 'C',
        # No settings portal in this session: don't wait for one.
        'ADW_DISABLE_PORTAL': '1',
    })
    for var in ('XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME'):
        os.makedirs(env[var], exist_ok=True)
    return env


def check_controls_named(tap, tree, where):
    """Every control in the editor window has a name, and no name is a
    format string that was never filled in."""
    unnamed, unformatted = [], []
    try:
        walk_names(tree, unnamed, unformatted)
    except Exception as error:  # the tree went away under the walk
        unnamed.append(f'could not read the tree: {error!r}')
        unformatted.append(f'could not read the tree: {error!r}')
    tap.result(not unnamed, f'every button, switch and box in the window has an accessible name ({where})',
               unnamed)
    tap.result(not unformatted, f'no accessible name is an unformatted printf string ({where})',
               sorted(set(unformatted)))


def walk_names(tree, unnamed, unformatted):
    for node, parents in tree.walk(tree.window()):
        role = node.getRoleName()
        name = node.name or ''
        where_ = ' > '.join(parents[-3:])
        visible = 'visible' if tree.has_state(node, tree.pyatspi.STATE_VISIBLE) else 'hidden'
        if role in CONTROL_ROLES and not name.strip():
            unnamed.append(f'{role} without a name ({visible}), in {where_}')
        if FORMAT_LEFT.search(name):
            unformatted.append(f'{role} named “{name}”, in {where_}')


def expect_focus(tree, role, name, what):
    """Waits for the focus on an object of that role whose name is, or
    starts with, name."""
    def check():
        focus = tree.focused()
        return focus is not None and focus[0] == role and (focus[1] or '').startswith(name)
    try:
        wait_for(f'the focus on {what}', check, timeout=3)
    except Failed:
        raise Failed(f'expected the focus on {what} ({role} “{name}”), it is on {tree.focused()}')


def main():
    if len(sys.argv) != 3:
        print(f'usage: {sys.argv[0]} EDITOR SCHEMA_DIR', file=sys.stderr)
        return 2
    editor, schema_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])

    tap = Tap(21)
    for var in ('DISPLAY', 'DBUS_SESSION_BUS_ADDRESS'):
        if not os.environ.get(var):
            tap.bail(f'{var} is not set: run under xvfb-run and dbus-run-session')
            return 1

    import gi
    gi.require_version('Atspi', '2.0')

    tmp = tempfile.mkdtemp(prefix='ee-keyboard-')
    saved = os.path.join(tmp, 'saved', 'keyboard.json')
    os.makedirs(os.path.dirname(saved))
    launcher = app = None
    log = open(os.path.join(tmp, 'editor.log'), 'w+')
    try:
        launcher = start_a11y_bus()

        import pyatspi  # after the bus is up: it connects on import
        tree = Tree(pyatspi)

        app = subprocess.Popen([editor], env=child_env(tmp, schema_dir), stdout=log, stderr=subprocess.STDOUT)

        # 1: the window, in the tree.
        try:
            wait_for('the editor window in the accessibility tree', tree.sidebar, timeout=30)
            give_keyboard_to(app.pid)
            settle(0.5)
            tap.result(True, 'the editor starts and exposes its window over AT-SPI')
        except Failed as error:
            tap.result(False, 'the editor starts and exposes its window over AT-SPI', [str(error)])
            tap.bail('no window to drive')
            return 1

        # 2-3: names, on the page form.
        check_controls_named(tap, tree, 'page form')

        def step(description, action):
            try:
                diagnostics = action() or []
                return tap.result(True, description, diagnostics)
            except Failed as error:
                return tap.result(False, description, [str(error)])
            except Exception as error:  # e.g. an object gone from the tree
                return tap.result(False, description, [f'{type(error).__name__}: {error}'])

        # 4: Alt+3 shows the LDT cluster.
        def show_cluster():
            key('alt+3')
            wait_for('the cluster selected in the sidebar',
                     lambda: (tree.selected_row() or [''])[0] == 'Local Digital Twins (LDTs)')
        step('Alt+3 shows “Local Digital Twins”', show_cluster)

        def sidebar_titles():
            return [labels[0] for labels, _ in tree.sidebar_rows() if labels]

        def add_titled(fields):
            """Ctrl+Shift+N, the name where the focus lands, then back to
            the title with Shift+Tab."""
            before = sidebar_titles().count('Untitled initiative')
            key('ctrl+shift+n')
            wait_for('a new initiative in the sidebar',
                     lambda: sidebar_titles().count('Untitled initiative') == before + 1)
            wait_for('the new initiative selected',
                     lambda: (tree.selected_row() or [''])[0] == 'Untitled initiative')
            settle()
            type_text(fields['name'])
            key('shift+Tab')
            expect_focus(tree, 'check box', 'Example', 'the Example switch')
            key('shift+Tab')
            expect_focus(tree, 'list item', 'Example', 'the Example row')
            key('shift+Tab')
            type_text(fields['title'])
            wait_for('the title in the sidebar', lambda: fields['title'] in sidebar_titles())

        # 5: a neighbour first, so that there is somewhere to move to.
        step('Ctrl+Shift+N adds an initiative; its name and title take typing',
             lambda: add_titled(NEIGHBOUR))

        # 6: the initiative itself, after the neighbour.
        def add_ours():
            add_titled(TYPED)
            titles = sidebar_titles()
            if titles.index(NEIGHBOUR['title']) + 1 != titles.index(TYPED['title']):
                raise Failed(f'expected it right after its neighbour: {titles}')
        step('a second Ctrl+Shift+N adds one after the one shown', add_ours)

        # 7: Tab back to the name, then through all seven fields.
        def fill_fields():
            notes = []
            for _ in range(3):  # Title -> Example row -> switch -> name
                key('Tab')
            for field, editor_name in FIELDS[1:]:
                if editor_name is None:  # the web page: an entry row, one stop
                    key('Tab')
                else:
                    key('Tab')  # the field's formatting toolbar: one stop
                    expect_focus(tree, 'push button', 'Bold', f'the toolbar of “{editor_name}”')
                    key('Tab')
                    expect_focus(tree, 'text', editor_name, f'the text of “{editor_name}”')
                type_text(TYPED[field])
                if editor_name is not None:
                    if tree.focus is None:
                        raise Failed(f'the focus left “{editor_name}” while typing')
                    shown = tree.text_of(tree.focus).strip()
                    if shown != TYPED[field]:
                        raise Failed(f'“{editor_name}” shows {shown!r}, typed {TYPED[field]!r}')
                    notes.append(f'{editor_name}: {shown!r}')
            return notes
        step('Tab reaches every field in order, and each takes typing', fill_fields)

        # 8-9: names, on the initiative form.
        check_controls_named(tap, tree, 'initiative form')

        def order_is(first, second):
            def check():
                titles = sidebar_titles()
                return (first in titles and second in titles
                        and titles.index(first) + 1 == titles.index(second))
            return check

        # 10: Alt+Up.
        def move_up():
            key('alt+Up')
            wait_for('it above its neighbour', order_is(TYPED['title'], NEIGHBOUR['title']))
        step('Alt+Up moves it up', move_up)

        # 11: where the focus went; a keyboard user goes on typing there.
        def focus_kept():
            settle(0.5)
            focus = tree.focused()
            if focus != ('text', 'Main contact point'):
                raise Failed(f'the focus was in “Main contact point” before Alt+Up; now it is on {focus} '
                             '(None: on no control AT-SPI can name, i.e. inside an entry row, or lost)')
        step('the focus stays in the field being edited after Alt+Up', focus_kept)

        # 12: Alt+Down.
        def move_down():
            key('alt+Down')
            wait_for('it below its neighbour', order_is(NEIGHBOUR['title'], TYPED['title']))
            key('alt+Up')
            wait_for('it above its neighbour again', order_is(TYPED['title'], NEIGHBOUR['title']))
        step('Alt+Down moves it down, Alt+Up back up', move_down)

        # 13: Ctrl+Delete.
        def delete():
            key('ctrl+Delete')
            wait_for('it gone from the sidebar', lambda: TYPED['title'] not in sidebar_titles())
        step('Ctrl+Delete deletes it', delete)

        # 14: where the focus went.  Typing goes there next.
        def focus_after_delete():
            settle(0.5)
            focus = tree.focused()
            if focus is None:
                raise Failed('after Ctrl+Delete no control AT-SPI can name has the focus: it went into an '
                             'entry row (whose text a keystroke may replace) or was lost')
            return [f'focus on {focus}']
        step('after Ctrl+Delete the focus is on a control, not in a text field', focus_after_delete)

        # 15: Ctrl+Z.
        def undo():
            key('ctrl+z')
            wait_for('it back, above its neighbour', order_is(TYPED['title'], NEIGHBOUR['title']))
        step('Ctrl+Z brings it back in its place', undo)

        # 16: Ctrl+S, a new document: the file chooser.
        def open_chooser():
            key('ctrl+s')
            wait_for('the Save As dialog', lambda: any(f is not None and f.name == 'Save As'
                                                      for f in tree.frames()))
            give_keyboard_to(app.pid)
            expect_focus(tree, 'text', 'Name:', 'the file name')
        step('Ctrl+S asks where to save, with the focus on the file name', open_chooser)

        # 17: Ctrl+A, a path, Enter.
        def save():
            key('ctrl+a')
            type_text(saved)
            key('Return')
            wait_for('the saved file', lambda: os.path.exists(saved), timeout=10)
            wait_for('the window titled after the file',
                     lambda: tree.window() is not None and tree.window().name == os.path.basename(saved))
        step('Ctrl+A, a path and Enter save there', save)

        # 18-21: the saved project.
        try:
            with open(saved, encoding='utf-8') as f:
                project = json.load(f)
            initiatives = project['clusters'][LDT_CLUSTER]['initiatives']
        except (OSError, ValueError, KeyError, IndexError) as error:
            initiatives = []
            tap.result(False, 'the saved project reads back', [repr(error)])
        else:
            tap.result(True, 'the saved project reads back')

        titles = [i.get('title') for i in initiatives]
        tap.result(titles == [TYPED['title'], NEIGHBOUR['title']],
                   'the LDT cluster holds both, in the order the keys left them', [f'titles: {titles}'])
        ours = next((i for i in initiatives if i.get('title') == TYPED['title']), {})
        wrong = []
        for field, _ in FIELDS:
            value, typed = ours.get(field), TYPED[field]
            # A typed web address is saved as a Markdown autolink.
            if value != typed and not (field == 'webpage' and value == f'<{typed}>'):
                wrong.append(f'{field}: saved {value!r}, typed {typed!r}')
        tap.result(not wrong, 'all seven fields are saved as typed', wrong)
        neighbour = next((i for i in initiatives if i.get('title') == NEIGHBOUR['title']), {})
        tap.result(neighbour.get('name') == NEIGHBOUR['name'], 'the neighbour is saved as typed',
                   [f'neighbour: {neighbour}'])
    except Exception as error:
        tap.bail(f'{type(error).__name__}: {error}')
        return 1
    finally:
        if app is not None:
            app.terminate()
            try:
                app.wait(timeout=5)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
        if launcher is not None:
            launcher.terminate()
            launcher.wait(timeout=5)
        if tap.failed:
            log.seek(0)
            lines = [line.rstrip() for line in log if 'Screen coordinates not supported' not in line]
            for line in [line for line in lines if line][-20:]:
                print(f'# editor: {line}', flush=True)
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)

    if tap.n != tap.plan:
        print(f'# planned {tap.plan} results, gave {tap.n}', flush=True)
        return 1
    return 1 if tap.failed else 0


if __name__ == '__main__':
    sys.exit(main())
