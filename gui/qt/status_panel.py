"""The permanent part of the status bar: whether the work is saved, and the spans per label."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from gui.core.model import Label
from gui.qt.icons import static_icon
from gui.qt.rich_text import literal


class StatusPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.saved_icon = QLabel()
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.counts_label)
        layout.addSpacing(12)
        layout.addWidget(self.saved_icon)
        layout.addWidget(self.saved_label)
        self._labels: list[Label] = []

    def set_labels(self, labels: list[Label]) -> None:
        self._labels = labels

    def set_counts(self, counts: dict[str, int]) -> None:
        parts = [f"<span style='color:{html.escape(label.color)}'>&#9679;</span> "
                 f"{html.escape(label.name)} {counts.get(label.name, 0)}" for label in self._labels]
        text = " &nbsp; ".join(parts)
        if text == self.counts_label.text():
            return
        self.counts_label.setText(text)
        # Grow, never shrink: a count gaining a digit must not re-lay out and repaint the
        # whole status bar (and the window around it) on every tag.
        self.counts_label.setMinimumWidth(max(self.counts_label.minimumWidth(), self.counts_label.sizeHint().width()))

    def set_saved(self, detail: str = "") -> None:
        self.saved_label.setToolTip(literal(f"Saved to disk: {detail}" if detail else "Everything is on disk"))
        if self.saved_label.text() == "Saved":
            return
        self.saved_icon.setPixmap(static_icon("mdi6.content-save-check", "#2e9d5b").pixmap(16, 16))
        self.saved_label.setText("Saved")

    def set_failed(self, message: str) -> None:
        self.saved_icon.setPixmap(static_icon("mdi6.alert-circle", "#DC3D43").pixmap(16, 16))
        self.saved_label.setText("Not saved")
        self.saved_label.setToolTip(literal(message))
