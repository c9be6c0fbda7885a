"""File -> Import… / Export… and dropping files on the window. A main window
installs it with one line: ``DatasetActions(self)``.

Import and export run in a ``Task`` (their own ``Store``), with progress and cancel
in the status bar; the result is reported in a message box."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QMessageBox,
)

from gui.qt.icons import static_icon
from gui.qt.task_bar import TaskProgressWidget
from gui.qt.workers import Task

if TYPE_CHECKING:
    from gui.core.formats.common import ExportOptions
    from gui.qt.export_dialog import ExportDialog

IMPORT_FILTER = ("Articles and datasets (*.txt *.md *.jsonl *.json *.spacy *.ann *.zip *.csv);;"
                 "All files (*)")


class DatasetActions(QObject):
    """Adds Import…/Export… to the window's File menu and accepts dropped files."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.task: Task | None = None
        self.dialog: ExportDialog | None = None
        self.message: QMessageBox | None = None
        self.progress_widget = TaskProgressWidget()
        window.statusBar().addPermanentWidget(self.progress_widget)
        self.import_action = QAction(static_icon("mdi6.file-import-outline"), "&Import…", window)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self._on_import_triggered)
        self.export_action = QAction(static_icon("mdi6.file-export-outline"), "&Export…", window)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self._on_export_triggered)
        menu = next((a.menu() for a in window.menuBar().actions()
                     if a.menu() is not None and a.text().replace("&", "") == "File"), None)
        if menu is None:
            menu = window.menuBar().addMenu("&File")
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, [self.import_action, self.export_action])
        if first is not None:
            menu.insertSeparator(first)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    @property
    def db_path(self) -> Path:
        return self.window.store.path

    # -- import -------------------------------------------------------------------

    def import_files(self, paths: list[Path]) -> None:
        from gui.core.importer import ImportOptions, import_paths, iter_files

        db_path = self.db_path

        def work(progress):
            from gui.store import Store

            files = list(iter_files(paths))
            with Store(db_path) as store:
                return import_paths(store, files, lambda i, p: progress(i, len(files), f"Importing {p.name}"),
                                    ImportOptions(new_labels=True))

        # on a cancel or a failure, whatever was imported before it shows too
        self._start(Task(work, "Importing"), self._on_imported,
                    "Import cancelled. The files imported before stay; each file is all or nothing.",
                    on_stopped=self._reload_articles)

    def _on_import_triggered(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self.window, "Import articles or datasets", "", IMPORT_FILTER)
        if names:
            self.import_files([Path(n) for n in names])

    def _reload_articles(self) -> None:
        reload = getattr(self.window, "reload_articles", None)
        if reload is not None:
            reload()

    def _on_imported(self, report) -> None:
        self._reload_articles()
        icon = QMessageBox.Icon.Warning if report.refused else QMessageBox.Icon.Information
        self._show("Import", "\n".join(report.lines()), icon)

    # -- export -------------------------------------------------------------------

    def _on_export_triggered(self) -> None:
        from gui.qt.export_dialog import ExportDialog

        labels = [label.name for label in self.window.store.labels()]
        self.dialog = ExportDialog(labels, self.window)
        self.dialog.accepted.connect(self._on_export_accepted)
        self.dialog.open()

    def _on_export_accepted(self) -> None:
        dialog = self.dialog
        self.export(dialog.format_name(), dialog.path(), dialog.options())

    def export(self, fmt: str, path: Path, options: ExportOptions) -> None:
        from gui.core.formats.export import export_dataset

        db_path = self.db_path

        def work(progress):
            from gui.store import Store

            with Store(db_path) as store:
                return export_dataset(store, path, fmt, options,
                                      lambda done, total: progress(done, total, f"Exporting {done}/{total}"))

        self._start(Task(work, "Exporting"), self._on_exported, "Export cancelled; nothing was written.")

    def _on_exported(self, report) -> None:
        icon = QMessageBox.Icon.Warning if report.dropped else QMessageBox.Icon.Information
        self._show("Export", "\n".join(report.lines()), icon)

    # -- running ------------------------------------------------------------------

    def _start(self, task: Task, on_finished, cancelled_text: str, on_stopped=None) -> None:
        """Run ``task``, one at a time. ``on_stopped`` runs after a cancel or a failure."""
        if self.task is not None:
            self._show("Busy", f"{self.task.name} is still running; wait for it or cancel it.",
                       QMessageBox.Icon.Information)
            return
        self.task = task
        task.setParent(self)
        task.finished.connect(on_finished)
        task.failed.connect(lambda message: self._show(task.name, message, QMessageBox.Icon.Warning))
        task.cancelled.connect(lambda: self._show(task.name, cancelled_text, QMessageBox.Icon.Information))
        if on_stopped is not None:
            task.cancelled.connect(on_stopped)
            task.failed.connect(on_stopped)
        task.done.connect(self._on_task_done)
        self.progress_widget.track(task)
        task.start()

    def _on_task_done(self) -> None:
        self.task = None

    def _show(self, title: str, text: str, icon: QMessageBox.Icon) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # file names and titles are never HTML
        self.message = box
        box.open()

    # -- drag and drop --------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if watched is self.window and kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if event.mimeData().hasUrls():
                event.acceptProposedAction()
                return True
        elif watched is self.window and kind == QEvent.Type.Drop and event.mimeData().hasUrls():
            paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
            event.acceptProposedAction()
            if paths:
                self.import_files(paths)
            return True
        return super().eventFilter(watched, event)
