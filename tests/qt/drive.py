"""Drive the article view as an editor does: real mouse drags and key presses."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


def point_at(view, offset: int) -> QPoint:
    """The viewport point of the caret before code-point ``offset`` (vertically centred)."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.to_qt(offset))
    return view.cursorRect(cursor).center()


def reveal(view, offset: int) -> None:
    cursor = view.textCursor()
    cursor.setPosition(view.to_qt(offset))
    view.setTextCursor(cursor)
    view.ensureCursorVisible()


def drag(qtbot, view, start: int, end: int, modifier=NO_MOD) -> None:
    reveal(view, start)
    a, b = point_at(view, start), point_at(view, end)
    viewport = view.viewport()
    qtbot.mousePress(viewport, LEFT, modifier, a)
    qtbot.mouseMove(viewport, QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2))
    qtbot.mouseMove(viewport, b)
    qtbot.mouseRelease(viewport, LEFT, modifier, b)


def click_span(qtbot, view, start: int, end: int) -> None:
    """Click the middle of a character inside ``[start, end)``."""
    reveal(view, start)
    mid = (start + end) // 2
    a, b = point_at(view, mid), point_at(view, mid + 1)
    qtbot.mouseClick(view.viewport(), LEFT, NO_MOD, QPoint((a.x() + b.x()) // 2, a.y()))


def key(qtbot, window, key, modifier=NO_MOD) -> None:
    qtbot.keyClick(window.article_view, key, modifier)


def spans_in_db(store, article_id: int) -> list[tuple]:
    return [(s.start, s.end, s.label) for s in store.spans(article_id)]
