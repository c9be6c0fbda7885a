"""What the review components share when they install on a window: the Review menu,
the way to open an article at a span, and the seam through which edits run."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMainWindow, QMenu

from gui.core.edits import Edit, perform


def review_menu(window: QMainWindow) -> QMenu:
    """The window's "Review" menu, made on first use."""
    menu = window.menuBar().findChild(QMenu, "reviewMenu")
    if menu is None:
        menu = QMenu("&Review", window.menuBar())
        menu.setObjectName("reviewMenu")
        actions = window.menuBar().actions()
        help_action = next((a for a in actions if a.text().replace("&", "") == "Help"), None)
        window.menuBar().insertMenu(help_action, menu) if help_action else window.menuBar().addMenu(menu)
    return menu


def span_opener(window: QMainWindow) -> Callable[[int, int, int], None]:
    """``open_span(article_id, start, end)`` on the window when it has one (the workspace),
    else select the article in the list."""
    def open_span(article_id: int, start: int, end: int) -> None:
        if hasattr(window, "open_span"):
            window.open_span(article_id, start, end)
        elif hasattr(window, "select_article"):
            window.select_article(article_id)
    return open_span


def edit_performer(window: QMainWindow, store) -> Callable[[Edit], None]:
    """THE undo seam: how a review component runs an edit.

    A window with ``perform_edit(edit)`` (e.g. one that pushes a QUndoCommand wrapping the
    edit onto its QUndoStack) gets every review edit; otherwise the edit is applied and
    logged directly with ``gui.core.edits.perform``.
    """
    if hasattr(window, "perform_edit"):
        return window.perform_edit
    return lambda edit: perform(store, edit)
