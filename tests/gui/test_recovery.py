#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash recovery, as a user meets it: the editor is killed with SIGKILL in
the middle of typing, started again, and offers the unsaved page back; the
recovered page holds every keystroke typed up to one second before the kill.

The real editor in its own process, driven with key events (xdotool) and
read through AT-SPI, as tests/gui/test_keyboard.py does (its helpers are
used here).  Usage, under xvfb-run and dbus-run-session:
    test_recovery.py EDITOR SCHEMA_DIR
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_keyboard as kb  # noqa: E402

# Typed into the new initiative's title, a word at a time, with pauses: the
# kill comes right after the last word.
WORDS = ['Urban', ' Twin', ' Alliance', ' for', ' Cities', ' and', ' Regions']
PAUSE = 0.4
# A draft is written at most this long after a change.
DRAFT_DELAY = 1.0


def start(editor, env, log):
    return subprocess.Popen([editor], env=env, stdout=log, stderr=subprocess.STDOUT)


def drafts(state_home):
    folder = os.path.join(state_home, 'ecosystem-editor', 'drafts')
    try:
        return sorted(name for name in os.listdir(folder) if name.endswith('.draft'))
    except FileNotFoundError:
        return []


def main():
    if len(sys.argv) != 3:
        print(f'usage: {sys.argv[0]} EDITOR SCHEMA_DIR', file=sys.stderr)
        return 2
    editor, schema_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    tap = kb.Tap(6)
    for var in ('DISPLAY', 'DBUS_SESSION_BUS_ADDRESS'):
        if not os.environ.get(var):
            tap.bail(f'{var} is not set: run under xvfb-run and dbus-run-session')
            return 1

    import gi
    gi.require_version('Atspi', '2.0')

    tmp = tempfile.mkdtemp(prefix='ee-recovery-')
    env = kb.child_env(tmp, schema_dir)
    state_home = env['XDG_STATE_HOME']
    log = open(os.path.join(tmp, 'editor.log'), 'w+')
    launcher = app = None
    try:
        launcher = kb.start_a11y_bus()
        import pyatspi
        tree = kb.Tree(pyatspi)

        # 1: a new initiative, its title typed word by word, then SIGKILL.
        app = start(editor, env, log)
        typed = []   # (the title so far, when it was typed)
        try:
            kb.wait_for('the editor window', tree.sidebar, timeout=30)
            kb.give_keyboard_to(app.pid)
            kb.settle(0.5)
            kb.key('alt+3')
            kb.key('ctrl+shift+n')
            kb.wait_for('the new initiative selected',
                        lambda: (tree.selected_row() or [''])[0] == 'Untitled initiative')
            kb.settle()
            # The focus lands on the name; the title is three stops back.
            kb.key('shift+Tab', 'shift+Tab', 'shift+Tab')
            title = ''
            for word in WORDS:
                subprocess.run(['xdotool', 'type', '--delay', '15', word], check=True)
                title += word
                typed.append((title, time.monotonic()))
                time.sleep(PAUSE)
            os.kill(app.pid, signal.SIGKILL)
            killed = time.monotonic()
            app.wait()
            tap.result(len(drafts(state_home)) == 1, 'the editor is killed while typing; one draft is on disk',
                       [f'drafts: {drafts(state_home)}'])
        except kb.Failed as error:
            tap.bail(f'could not type before the kill: {error}')
            return 1

        # What must survive: everything typed a second or more before the kill.
        must = [t for t, when in typed if when <= killed - DRAFT_DELAY][-1]

        # 2-3: started again, it offers the page back.
        app = start(editor, env, log)
        tree = kb.Tree(pyatspi)

        def recovery_dialog():
            for frame in tree.frames():
                if frame is not None and frame.getRoleName() != 'frame' \
                        and tree.find(frame, name='Recover Unsaved Changes?') is not None:
                    return frame
                if frame is not None and frame.name == 'Recover Unsaved Changes?':
                    return frame
            return None
        try:
            dialog = kb.wait_for('the recovery dialog', recovery_dialog, timeout=30)
            tap.result(True, 'at the next start, a dialog offers to recover the unsaved page')
        except kb.Failed as error:
            tap.result(False, 'at the next start, a dialog offers to recover the unsaved page', [str(error)])
            tap.bail('nothing to recover')
            return 1
        row = tree.find(dialog, name='New Page')
        tap.result(row is not None, 'the dialog names the page',
                   [] if row else [f'{n.getRoleName()} “{n.name}”' for n, _ in tree.walk(dialog) if n.name])

        # 4-5: Enter recovers it, with the last edit.
        kb.give_keyboard_to(app.pid)
        kb.key('Return')

        def recovered_titles():
            # The dialog goes as the page comes: an object read from the
            # tree just before may be gone by the time it is asked.
            try:
                return [labels[0] for labels, _ in tree.sidebar_rows() if labels]
            except Exception:
                tree._sidebar = None
                return []
        try:
            found = kb.wait_for('the recovered initiative in the sidebar',
                                lambda: [t for t in recovered_titles() if t.startswith('Urban')], timeout=15)
            tap.result(found[0].startswith(must),
                       'the recovered page holds every word typed up to a second before the kill',
                       [f'recovered “{found[0]}”, typed by then “{must}”, all typed “{typed[-1][0]}”'])
        except kb.Failed as error:
            tap.result(False, 'the recovered page holds every word typed up to a second before the kill',
                       [str(error), f'sidebar: {recovered_titles()}'])
        window = tree.window()
        title = window.name if window is not None else ''
        tap.result(title.startswith('•'), 'the recovered page is marked unsaved', [f'window title “{title}”'])

        # 6: the draft stays until the page is saved or discarded: the
        # recovered window keeps it as its own.
        tap.result(len(drafts(state_home)) == 1, 'the draft is kept while the recovered page is unsaved',
                   [f'drafts: {drafts(state_home)}'])
        return 0 if tap.failed == 0 else 1
    finally:
        for process in (app, launcher):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()
        log.seek(0)
        output = log.read()
        if output.strip():
            print('# editor output:')
            for line in output.splitlines()[-40:]:
                print(f'#   {line}')
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
