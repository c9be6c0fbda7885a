"""The find bar (Ctrl+F): next and previous match in the article view, wrapping around."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QToolButton, QWidget

from gui.qt.icons import static_icon


class FindBar(QWidget):
    message = Signal(str)

    def __init__(self, view: QPlainTextEdit, parent=None):
        super().__init__(parent)
        self.view = view
        self.edit = QLineEdit()
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText("Find in article")
        self.edit.setClearButtonEnabled(True)
        self.edit.returnPressed.connect(self.find_next)
        self.result = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.edit, 1)
        for icon, tip, slot in (("mdi6.chevron-up", "Previous match (Shift+F3)", self.find_previous),
                                ("mdi6.chevron-down", "Next match (F3, Enter)", self.find_next),
                                ("mdi6.close", "Close (Esc)", self.close_bar)):
            button = QToolButton()
            button.setIcon(static_icon(icon))
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            layout.addWidget(button)
        layout.addWidget(self.result)
        self.hide()

    def open_bar(self) -> None:
        selected = self.view.textCursor().selectedText()
        if selected and "\u2029" not in selected:
            self.edit.setText(selected)
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.view.setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and shift:
            self.find_previous()
            return
        super().keyPressEvent(event)

    def find_next(self) -> bool:
        return self._find(QTextDocument.FindFlag(0))

    def find_previous(self) -> bool:
        return self._find(QTextDocument.FindFlag.FindBackward)

    def _find(self, flags) -> bool:
        needle = self.edit.text()
        if not needle:
            return False
        doc = self.view.document()
        found = doc.find(needle, self.view.textCursor(), flags)
        if found.isNull():  # wrap around
            start = QTextCursor(doc)
            if flags & QTextDocument.FindFlag.FindBackward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = doc.find(needle, start, flags)
        if found.isNull():
            self.result.setText("No match")
            self.message.emit(f"“{needle}” is not in this article")
            return False
        self.result.setText("")
        self.view.setTextCursor(found)
        self.view.centerCursor()
        return True
