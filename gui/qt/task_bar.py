"""A status-bar widget that shows the running task's progress and a cancel button."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from gui.qt.icons import static_icon
from gui.qt.workers import Task


class TaskProgressWidget(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._task: Task | None = None
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(True)
        self.cancel_button = QToolButton()
        self.cancel_button.setIcon(static_icon("mdi6.close-circle-outline"))
        self.cancel_button.setToolTip("Cancel")
        self.cancel_button.clicked.connect(self._on_cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.label, self.bar, self.cancel_button):
            layout.addWidget(w)
        self.hide()

    def track(self, task: Task) -> None:
        self._task = task
        self.label.setText(task.name)
        self.bar.setRange(0, 0)  # busy until the first report
        task.progress.connect(self._on_progress)
        task.done.connect(self._on_done)
        self.show()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        if message:
            self.label.setText(message)

    def _on_cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.label.setText("Cancelling…")

    def _on_done(self) -> None:
        self._task = None
        self.hide()
