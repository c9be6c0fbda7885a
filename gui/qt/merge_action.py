"""File -> Merge database…: bring in another editor's Tagdesk database, in a worker.

    install_merge_action(window)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from gui.core.merge import MergeReport, merge_database
from gui.qt.workers import Task
from gui.store import Store


class MergeWorker(QObject):
    """Runs one merge with its own ``Store`` and reports the outcome as a sentence."""

    merged = Signal(object)  # MergeReport
    failed = Signal(str)

    def __init__(self, db_path: Path, parent=None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.task: Task | None = None

    def start(self, other: Path) -> None:
        db_path = self.db_path

        def work(progress):
            with Store(db_path) as store:
                return merge_database(store, other, progress=progress)

        self.task = Task(work, "Merging", self)
        self.task.finished.connect(self.merged)
        self.task.failed.connect(self.failed)
        self.task.start()


def install_merge_action(window: QMainWindow) -> MergeWorker:
    """File -> Merge database… on ``window`` (which has ``.store``; ``reload_articles`` if any)."""
    worker = MergeWorker(window.store.path, window)

    def choose() -> None:
        path, _ = QFileDialog.getOpenFileName(window, "Merge another editor's database", "",
                                              "Tagdesk database (*.db *.sqlite);;All files (*)")
        if path:
            worker.start(Path(path))

    def on_merged(report: MergeReport) -> None:
        if hasattr(window, "reload_articles"):
            window.reload_articles()
        window.statusBar().showMessage(report.lines()[0], 10_000)

    worker.merged.connect(on_merged)
    def on_failed(message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Merge", message, parent=window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the message names a user's file
        box.open()  # not exec(): the window keeps working

    worker.failed.connect(on_failed)
    menu = next((a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "File"), None)
    menu = menu or window.menuBar().addMenu("&File")
    action = QAction("&Merge database…", window)
    action.triggered.connect(choose)
    menu.insertAction(menu.actions()[-1] if menu.actions() else None, action)
    return worker
