"""Menu entries whose module is imported the first time they are used.

The review tools (QtCharts for the dashboard, the review table, search, adjudication,
agreement) and the merge action cost ~0.1 s of imports: not paid before the window
is first shown. A placeholder action with the same text and shortcut stands in the
menu; on first use it imports the module, calls its ``install_*(window)``, swaps the
real action into its own place and triggers it.
"""

from __future__ import annotations

import importlib

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

# (menu, text, shortcut, module, installer); the installer adds its action to the end of the menu
# (merge: before the last entry) and returns it or an object its action hangs off.
LAZY_ENTRIES = [
    ("Review", "Review spans", "Ctrl+Shift+R", "gui.qt.review_view", "install_review_view"),
    ("Review", "&Search articles…", "Ctrl+Shift+F", "gui.qt.search_dialog", "install_search_dialog"),
    ("Review", "&Dashboard…", "Ctrl+Shift+D", "gui.qt.dashboard", "install_dashboard"),
    ("Review", "&Adjudicate…", "Ctrl+Shift+J", "gui.qt.adjudication_view", "install_adjudication"),
    ("Review", "A&greement…", "Ctrl+Shift+K", "gui.qt.agreement_dialog", "install_agreement_dialog"),
    ("File", "&Merge database…", None, "gui.qt.merge_action", "install_merge_action"),
]


def _menu(window: QMainWindow, name: str) -> QMenu:
    if name == "Review":
        from gui.qt.review_menu import review_menu

        return review_menu(window)
    return next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == name)


def install_lazy_actions(window: QMainWindow) -> None:
    for menu_name, text, shortcut, module, installer in LAZY_ENTRIES:
        menu = _menu(window, menu_name)
        placeholder = QAction(text, window)
        if shortcut:
            placeholder.setShortcut(QKeySequence(shortcut))
        placeholder.triggered.connect(
            lambda _=False, m=menu, p=placeholder, mod=module, fn=installer: _install(window, m, p, mod, fn))
        if menu_name == "File":  # before Quit
            menu.insertAction(menu.actions()[-1] if menu.actions() else None, placeholder)
        else:
            menu.addAction(placeholder)


def _install(window: QMainWindow, menu: QMenu, placeholder: QAction, module: str, installer: str) -> None:
    before = set(menu.actions())
    getattr(importlib.import_module(module), installer)(window)
    added = [a for a in menu.actions() if a not in before]
    for action in added:  # into the placeholder's place, so the menu keeps its order
        menu.removeAction(action)
        menu.insertAction(placeholder, action)
    menu.removeAction(placeholder)
    placeholder.deleteLater()
    if added:
        added[0].trigger()
