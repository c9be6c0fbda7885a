"""Drive the article view as an editor does: real mouse drags and key presses."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
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


def tag_word(qtbot, window, word: str, hotkey) -> tuple[int, int]:
    """Drag over the first ``word`` of the open article and press ``hotkey``; its offsets."""
    start = window.controller.text.index(word)
    drag(qtbot, window.article_view, start, start + len(word))
    key(qtbot, window, hotkey)
    return start, start + len(word)


def open_window(qtbot, db_path):
    """The main window on ``db_path``, active, with the article view focused."""
    from gui.qt.app import make_application, open_main_window

    make_application()
    window = open_main_window(db_path)
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.article_view.setFocus()
    return window


class PaintLog(QObject):
    """The rectangles ``widget`` is asked to paint, from now on."""

    def __init__(self, widget):
        super().__init__()
        self.rects: list[QRect] = []
        widget.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            self.rects.append(QRect(event.rect()))
        return False
