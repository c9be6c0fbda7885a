"""The label bar: one button per label, its colour and hotkey; hovering shows its guideline."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QToolButton

from gui.core.model import Label
from gui.qt.icons import static_icon


def guideline_tooltip(label: Label) -> str:
    examples = "".join(f"<li>{html.escape(e)}</li>" for e in label.examples)
    return (f"<b>{html.escape(label.name)}</b> (key {html.escape(label.hotkey)})"
            f"<p style='max-width:420px'>{html.escape(label.description)}</p>"
            + (f"<p>Examples:</p><ul>{examples}</ul>" if examples else ""))


class LabelBar(QToolBar):
    """Holds the label actions: their shortcuts (1-4) work anywhere in the window."""

    label_triggered = Signal(str)

    def __init__(self, parent=None):
        super().__init__("Labels", parent)
        self.setObjectName("labelBar")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.label_actions: dict[str, QAction] = {}

    def set_labels(self, labels: list[Label]) -> None:
        for action in self.label_actions.values():
            action.deleteLater()
        self.clear()
        self.label_actions = {}
        for label in labels:
            action = QAction(static_icon("mdi6.circle", label.color), f"{label.hotkey} {label.name}", self)
            action.setObjectName(f"tag_{label.name}")
            if label.hotkey:
                action.setShortcut(QKeySequence(label.hotkey))
            action.setToolTip(guideline_tooltip(label))
            action.setStatusTip(f"Tag the selection as {label.name}, or relabel the selected span")
            action.triggered.connect(lambda _=False, name=label.name: self.label_triggered.emit(name))
            self.addAction(action)
            button = self.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setObjectName(f"labelButton_{label.name}")
            self.label_actions[label.name] = action
