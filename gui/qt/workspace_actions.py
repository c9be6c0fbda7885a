"""The window's actions and menus, with their shortcuts (shown in the menus)."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtGui import QAction, QIcon, QKeySequence

from gui.core.model import Status
from gui.qt.icons import static_icon


def _action(window, text: str, slot, shortcut=None, icon: str | None = None, name: str = "") -> QAction:
    action = QAction(static_icon(icon) if icon else QIcon(), text, window)
    if shortcut is not None:
        shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.setObjectName(name or text)
    action.triggered.connect(lambda _=False: slot())
    window.addAction(action)  # shortcuts work whichever panel has focus
    return action


def build_actions(w) -> SimpleNamespace:
    """Create every action of MainWindow ``w`` and its menus; handlers stay on ``w``."""
    a = SimpleNamespace()
    a.undo = w.undo_stack.createUndoAction(w, "&Undo")
    a.undo.setShortcut(QKeySequence("Ctrl+Z"))
    a.undo.setIcon(static_icon("mdi6.undo"))
    a.redo = w.undo_stack.createRedoAction(w, "&Redo")
    a.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    a.redo.setIcon(static_icon("mdi6.redo"))
    a.quit = _action(w, "&Quit", w.close, QKeySequence.StandardKey.Quit, "mdi6.exit-to-app")
    a.find = _action(w, "&Find…", w.find_bar.open_bar, "Ctrl+F", "mdi6.magnify")
    a.find_next = _action(w, "Find &next", w.find_bar.find_next, "F3")
    a.find_prev = _action(w, "Find &previous", w.find_bar.find_previous, "Shift+F3")
    a.zoom_in = _action(w, "Zoom &in", lambda: w.zoom(1), ["Ctrl+=", "Ctrl++"], "mdi6.magnify-plus-outline")
    a.zoom_out = _action(w, "Zoom &out", lambda: w.zoom(-1), "Ctrl+-", "mdi6.magnify-minus-outline")
    a.delete = _action(w, "&Delete span", w.delete_span, ["Del", "Backspace"], "mdi6.delete-outline")
    a.grow_start = _action(w, "Grow at start (one token left)", lambda: w.resize_span("start", True), "Alt+Left")
    a.grow_end = _action(w, "Grow at end (one token right)", lambda: w.resize_span("end", True), "Alt+Right")
    a.shrink_start = _action(w, "Shrink at start", lambda: w.resize_span("start", False), "Alt+Shift+Left")
    a.shrink_end = _action(w, "Shrink at end", lambda: w.resize_span("end", False), "Alt+Shift+Right")
    a.next_span = _action(w, "Ne&xt span", lambda: w.jump_span(1), "N", "mdi6.arrow-down")
    a.prev_span = _action(w, "Pre&vious span", lambda: w.jump_span(-1), "P", "mdi6.arrow-up")
    a.tag_all = _action(w, "Tag all occurrences in this &article…", lambda: w.tag_all(False), "Ctrl+T",
                        "mdi6.format-list-checks", "tag_all_article")
    a.tag_all_corpus = _action(w, "Tag all occurrences in all articles…", lambda: w.tag_all(True),
                               "Ctrl+Shift+T", name="tag_all_corpus")
    a.done = _action(w, "Mark &done and go to next", lambda: w.set_status(Status.DONE, True),
                     ["Ctrl+Return", "Ctrl+Enter"], "mdi6.check-circle-outline")
    a.skip = _action(w, "&Skip and go to next", lambda: w.set_status(Status.SKIPPED, True),
                     ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"], "mdi6.debug-step-over")
    a.todo = _action(w, "Mark as &to do", lambda: w.set_status(Status.TODO, False), None, "mdi6.circle-outline")
    a.guidelines = _action(w, "&Guidelines", w.show_guidelines, "F1", "mdi6.book-open-variant")
    a.editor_name = _action(w, "Editor &name…", w.ask_editor_name, None, "mdi6.account-edit")
    a.about = _action(w, "&About Tagdesk", w.show_about, None, "mdi6.information-outline")
    a.span_actions = [a.delete, a.grow_start, a.grow_end, a.shrink_start, a.shrink_end,
                      a.tag_all, a.tag_all_corpus]

    bar = w.menuBar()
    menu = bar.addMenu("&File")
    menu.addActions([a.editor_name])
    menu.addSeparator()
    menu.addAction(a.quit)
    menu = bar.addMenu("&Edit")
    menu.addActions([a.undo, a.redo])
    menu.addSeparator()
    menu.addActions([a.find, a.find_next, a.find_prev])
    menu = bar.addMenu("&Span")
    menu.addActions(list(w.label_bar.label_actions.values()))
    menu.addSeparator()
    menu.addActions([a.delete, a.grow_start, a.grow_end, a.shrink_start, a.shrink_end])
    menu.addSeparator()
    menu.addActions([a.next_span, a.prev_span])
    menu.addSeparator()
    menu.addActions([a.tag_all, a.tag_all_corpus])
    menu = bar.addMenu("&Article")
    menu.addActions([a.done, a.skip, a.todo])
    a.view_menu = bar.addMenu("&View")
    a.view_menu.addActions([a.zoom_in, a.zoom_out])
    a.view_menu.addSeparator()
    menu = bar.addMenu("&Help")
    menu.addActions([a.guidelines, a.about])
    return a
