"""The main window wires the article list, the article view, the panels and the menus.

Decisions live elsewhere: edits in ``DocumentController``, painting in
``ArticleView``, actions in ``workspace_actions``, tag-all in ``tag_all``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox, QDockWidget, QMainWindow, QMessageBox, QSplitter, QUndoView, QVBoxLayout,
    QWidget,
)

from gui import __version__
from gui.core.annotator import default_annotator, stored_annotator
from gui.core.edits import perform
from gui.core.model import Status
from gui.qt.article_list import ArticleFilterModel, ArticleIdRole, ArticleListModel, ArticleListView
from gui.qt.article_view import ArticleView
from gui.qt.dataset_actions import DatasetActions
from gui.qt.document_controller import DocumentController
from gui.qt.editor_name_dialog import EditorNameDialog
from gui.qt.find_bar import FindBar
from gui.qt.guidelines_dialog import GuidelinesDialog
from gui.qt.icons import static_icon
from gui.qt.label_bar import LabelBar
from gui.qt.lazy_actions import install_lazy_actions
from gui.qt.reading_position import restore_position, save_position
from gui.qt.span_list import SpanListPanel
from gui.qt.status_panel import StatusPanel
from gui.qt.suggestion_flow import SuggestionFlow
from gui.qt.tag_all import TagAllFlow
from gui.qt.task_bar import TaskProgressWidget
from gui.qt.token_worker import token_index_task
from gui.qt.workspace_actions import build_actions
from gui.store import StoreError


class MainWindow(QMainWindow):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(f"Tagdesk — {store.path.name}")
        self.settings = QSettings()
        self.labels = store.labels()
        self.controller: DocumentController | None = None
        self.undo_stack = QUndoStack(self)
        self._tasks = []
        self.tag_all_flow = TagAllFlow(self)

        self.article_model = ArticleListModel(self)
        self.article_filter = ArticleFilterModel(self)
        self.article_filter.setSourceModel(self.article_model)
        self.article_list = ArticleListView()
        self.article_list.setObjectName("articleList")
        self.article_list.setModel(self.article_filter)
        self.article_list.selectionModel().currentChanged.connect(self._on_article_changed)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(static_icon("mdi6.filter-outline"), "All articles", "")
        for status in Status:
            self.status_filter.addItem(self.article_model.status_icon(status), status.title, status.value)
        self.status_filter.currentIndexChanged.connect(self._on_status_filter_changed)

        self.article_view = ArticleView()
        self.article_view.span_details = self._span_record
        self.article_view.set_labels(self.labels)
        self.article_view.span_requested.connect(self._on_span_requested)
        self.article_view.span_selected.connect(self._on_span_selected)
        self.find_bar = FindBar(self.article_view)
        self.find_bar.message.connect(self.show_message)

        self.setCentralWidget(self._layout())
        self.label_bar = LabelBar(self)
        self.label_bar.set_labels(self.labels)
        self.label_bar.label_triggered.connect(self._on_label)
        self.addToolBar(self.label_bar)
        self.span_panel = SpanListPanel()
        self.span_panel.set_labels(self.labels)
        self.span_panel.span_activated.connect(lambda sid: self.article_view.select_span(sid, reveal=True))
        self.history_view = QUndoView(self.undo_stack)
        self.history_view.setEmptyLabel("Article opened")
        # One row height for all: otherwise every push lays out (shapes the text of) the whole history.
        self.history_view.setUniformItemSizes(True)
        self.actions_ = build_actions(self)
        DatasetActions(self)  # File -> Import…/Export…, drop files to import
        self.suggestion_flow = SuggestionFlow(self)  # Suggestions menu, suggest on open, learn
        install_lazy_actions(self)  # File -> Merge, the Review menu: imported on first use
        spans = self._add_dock("Spans", "spanDock", self.span_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        history = self._add_dock("History", "historyDock", self.history_view, Qt.DockWidgetArea.RightDockWidgetArea)
        # History is a tab behind Spans: QUndoView resets its model on every push and then lays
        # out and repaints every row, which in sight would cost more than the rest of a tag.
        self.tabifyDockWidget(spans, history)
        spans.raise_()
        # Hidden, it still laid out every row on each push (to find the current one): it
        # follows the stack only while it is shown.
        history.visibilityChanged.connect(lambda shown: self.history_view.setStack(self.undo_stack if shown else None))
        self.resizeDocks([spans], [380], Qt.Orientation.Horizontal)
        self.status_panel = StatusPanel()
        self.status_panel.set_labels(self.labels)
        self.task_widget = TaskProgressWidget()
        self.statusBar().addPermanentWidget(self.task_widget)
        self.statusBar().addPermanentWidget(self.status_panel)
        self._on_span_selected(-1)
        self.editor = default_annotator(self.store)
        self.reload_articles()
        self._restore_state()

    def _layout(self) -> QWidget:
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.status_filter)
        box.addWidget(self.article_list)
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.article_view)
        box.addWidget(self.find_bar)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 760])
        return splitter

    def _add_dock(self, title: str, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.actions_.view_menu.addAction(dock.toggleViewAction())
        return dock

    # -- articles -----------------------------------------------------------------

    def reload_articles(self) -> None:
        current = self.current_article_id()
        self.article_model.set_articles(self.store.article_summaries())
        if current is not None:
            self.select_article(current)

    def refresh_article_rows(self) -> None:
        for summary in self.store.article_summaries():
            self.article_model.update_row(summary.id, span_count=summary.span_count, status=summary.status)

    def current_article_id(self) -> int | None:
        index = self.article_list.currentIndex()
        return index.data(ArticleIdRole) if index.isValid() else None

    def select_article(self, article_id: int) -> bool:
        row = self.article_model.row_of(article_id)
        index = self.article_filter.mapFromSource(self.article_model.index(row)) if row >= 0 else None
        if index is None or not index.isValid():
            return False
        self.article_list.setCurrentIndex(index)
        return True

    def _on_status_filter_changed(self, _index: int) -> None:
        self.article_filter.set_status(self.status_filter.currentData())

    def _on_article_changed(self, current, _previous) -> None:
        article_id = current.data(ArticleIdRole) if current.isValid() else None
        if self.controller is not None and self.controller.article.id == article_id:
            return
        self._save_position()
        if self.controller is not None:
            self.controller.deleteLater()
            self.controller = None
        if article_id is None:
            self.undo_stack.clear()
            self.article_view.set_article("", [])
            self.span_panel.model.set_spans("", [])
            return
        self.controller = c = DocumentController(self.store, article_id, self.undo_stack, self.editor, self)
        c.spans_changed.connect(self._on_spans_changed)
        c.status_changed.connect(self._on_article_status_changed)
        c.other_articles_changed.connect(self.refresh_article_rows)
        c.saved.connect(self.status_panel.set_saved)
        c.failed.connect(self.show_error)
        c.refused.connect(self.show_message)
        self.article_view.set_article(c.text, list(c.spans.values()))
        self.span_panel.model.set_spans(c.text, list(c.spans.values()))
        self.status_panel.set_counts(c.label_counts())
        self.status_panel.set_saved()
        self.setWindowTitle(f"{c.article.title} — Tagdesk")
        self.settings.setValue("window/last_article", article_id)
        restore_position(self.settings, article_id, self.article_view, len(c.text), c.spans)
        self.suggestion_flow.article_opened(c)
        QTimer.singleShot(300, c, lambda: self._start_token_index(c))  # after the article is painted

    def _start_token_index(self, c: DocumentController) -> None:
        task = token_index_task(c.text)  # unparented: it outlives a closed window; the runnable keeps it
        task.finished.connect(c.set_token_index)  # dropped if the controller is gone by then
        self.task_started(task, show=False)
        task.start()

    # -- spans --------------------------------------------------------------------

    def _on_label(self, label: str) -> None:
        span_id = self.article_view.selected_span_id
        if self.controller is None:
            return
        if span_id is not None:
            self.controller.relabel(span_id, label)
        elif not self.article_view.request_tag(label):
            self.show_message("Select some text first, or click a span to relabel it.")

    def _on_span_requested(self, start: int, end: int, label: str, exact: bool) -> None:
        span = self.controller.tag(start, end, label, exact)
        if span is not None:
            cursor = self.article_view.textCursor()
            cursor.clearSelection()
            self.article_view.setTextCursor(cursor)
            self.article_view.select_span(span.id)

    def _on_spans_changed(self, changes) -> None:
        self.article_view.apply_changes(changes.removed, changes.added)
        self.span_panel.model.apply_changes(changes.removed, changes.added)
        c = self.controller
        self.status_panel.set_counts(c.label_counts())
        self.article_model.update_row(c.article.id, span_count=len(c.spans))

    def _span_record(self, span_id: int):
        try:
            return self.store.span(span_id)
        except StoreError:
            return None  # gone, or the database is locked: the tooltip shows what the view holds

    def _on_span_selected(self, span_id: int) -> None:
        for action in self.actions_.span_actions:
            action.setEnabled(span_id >= 0)
        if span_id >= 0 and self.controller is not None and span_id in self.controller.spans:
            self.span_panel.follow(self.controller.spans[span_id])

    def delete_span(self) -> None:
        if self.article_view.selected_span_id is not None:
            self.controller.delete(self.article_view.selected_span_id)

    def resize_span(self, side: str, grow: bool) -> None:
        if self.article_view.selected_span_id is not None:
            self.controller.resize(self.article_view.selected_span_id, side, grow)

    def jump_span(self, step: int) -> None:
        if self.controller is None or not self.controller.spans:
            return
        spans = self.controller.sorted_spans()
        ids = [s.id for s in spans]
        current = self.article_view.selected_span_id
        if current in ids:
            i = (ids.index(current) + step) % len(ids)
        else:
            cursor = self.article_view.to_cp(self.article_view.textCursor().position())
            after = [k for k, s in enumerate(spans) if s.start >= cursor]
            i = (after[0] if after else 0) if step > 0 else ((after[0] if after else len(spans)) - 1)
        self.article_view.select_span(ids[i], reveal=True)

    def perform_edit(self, edit) -> None:
        """Run an edit from elsewhere (the review table, bulk review) as an undoable command."""
        if self.controller is not None:
            self.controller.apply(edit)
        else:
            perform(self.store, edit)

    def open_span(self, article_id: int, start: int, end: int) -> None:
        """Open the article and select the span (or pending suggestion) at ``start``-``end``."""
        if not self.select_article(article_id) or self.controller is None:
            return
        view = self.article_view
        span = next((s for s in self.controller.sorted_spans() if (s.start, s.end) == (start, end)), None)
        pending = [k for k in view.suggestions.items if k[:2] == (start, end)]
        if span is not None:
            view.select_span(span.id, reveal=True)
        elif pending:
            view.select_suggestion(pending[0], reveal=True)
        else:
            view.set_selection(start, end)
        view.setFocus()

    def tag_all(self, corpus: bool) -> None:
        span = self.controller.spans.get(self.article_view.selected_span_id) if self.controller else None
        if span is not None:
            self.tag_all_flow.start(span, corpus)

    # -- status -------------------------------------------------------------------

    def set_status(self, status: Status, advance: bool) -> None:
        if self.controller is None:
            return
        article_id = self.controller.article.id  # a status filter may switch articles meanwhile
        if self.controller.set_status(status) and advance:
            self._go_to_next_not_done(article_id)

    def _on_article_status_changed(self, status: Status) -> None:
        self.article_model.update_row(self.controller.article.id, status=status)
        self.show_message(f"Article marked {status.title.lower()}.")

    def _go_to_next_not_done(self, article_id: int) -> None:
        rows = self.article_model.rowCount()
        start = self.article_model.row_of(article_id)
        for k in range(1, rows):
            summary = self.article_model.summary((start + k) % rows)
            if summary.status not in (Status.DONE, Status.SKIPPED) and self.select_article(summary.id):
                return
        self.show_message("Every article is done or skipped.")

    # -- messages, dialogs, tasks -------------------------------------------------

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def show_error(self, text: str) -> None:
        self.status_panel.set_failed(text)
        self.statusBar().showMessage(text, 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, "Not saved", text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("errorMessage")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def task_started(self, task, show: bool = True) -> None:
        self._tasks.append(task)
        task.done.connect(lambda: self._tasks.remove(task) if task in self._tasks else None)
        if show:
            self.task_widget.track(task)

    def show_guidelines(self) -> None:
        GuidelinesDialog(self.labels, self).open()

    def ask_editor_name(self) -> None:
        if not self.isVisible():  # closed before the first-run prompt was due
            return
        dialog = EditorNameDialog(self.store, self)
        dialog.textValueSelected.connect(self._on_editor_named)
        dialog.open()

    def _on_editor_named(self, _name: str) -> None:
        self.editor = default_annotator(self.store)
        if self.controller is not None:
            self.controller.annotator = self.editor
        self.show_message(f"Spans you tag are recorded as {self.editor}.")

    def show_about(self) -> None:
        QMessageBox.about(self, "About Tagdesk",
                          f"Tagdesk {__version__}\nTag claims, threats, denials and statistics "
                          f"in news articles.\n\nDatabase: {self.store.path}")

    def zoom(self, step: int) -> None:
        (self.article_view.zoomIn if step > 0 else self.article_view.zoomOut)(1)
        self.settings.setValue("view/zoom", self.article_view.font().pointSizeF())

    # -- reopening where the editor left off ----------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        if self.settings.value("window/state") is not None:
            self.restoreState(self.settings.value("window/state"))
        zoom = self.settings.value("view/zoom")
        font = self.article_view.font()
        font.setPointSizeF(float(zoom) if zoom else font.pointSizeF() * 1.15)
        self.article_view.setFont(font)
        last = self.settings.value("window/last_article")
        if not (last is not None and self.select_article(int(last))) and self.article_filter.rowCount():
            self.article_list.setCurrentIndex(self.article_filter.index(0, 0))

    def _save_position(self) -> None:
        if self.controller is not None:
            save_position(self.settings, self.controller.article.id, self.article_view)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if stored_annotator(self.store) is None and self.findChild(EditorNameDialog) is None:
            QTimer.singleShot(200, self, self.ask_editor_name)  # first run: once the window is on screen

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self._save_position()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        for task in list(self._tasks):
            task.cancel()
        super().closeEvent(event)
