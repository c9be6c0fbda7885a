"""``SearchDialog``: full-text search across the articles, jump to a hit, tag every hit.

The search runs in a ``Task`` (its own ``Store`` on the worker thread); the results come
back to the UI thread as a ``SearchResult``. "Tag every hit" previews how many spans it
would add, then adds them as ONE ``AddSpans`` edit through ``perform_edit`` (the undo seam).

    install_search_dialog(window)   # Review -> Search articles… (Ctrl+Shift+F)
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from gui.core.annotator import default_annotator
from gui.core.bulk_edits import CORPUS, AddSpans, plan_tag_hits
from gui.core.edits import perform
from gui.qt.kwic_delegate import KwicDelegate, KwicRole
from gui.qt.review_menu import edit_performer, review_menu, span_opener
from gui.qt.workers import Task
from gui.store import Store
from gui.store.search import SearchError, SearchResult, search

MODES = [("Phrase", "phrase"), ("Prefix", "prefix"), ("All words", "words"), ("Regular expression", "regex")]


class SearchResultModel(QAbstractTableModel):
    """Hits as rows: article title, hit in context."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.hits = []

    def set_hits(self, hits) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Article", "Hit in context")[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title if index.column() == 0 else f"{hit.before}[{hit.match}]{hit.after}"
        if role == KwicRole and index.column() == 1:
            return (hit.before, hit.match, hit.after, "#E8B03F")
        return None


class SearchDialog(QDialog):
    open_span_requested = Signal(int, int, int)
    searched = Signal(object)  # the SearchResult, or None after an error

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Search articles")
        self.store = store
        self.perform_edit = lambda edit: perform(self.store, edit)  # the undo seam; replace it
        self.result: SearchResult | None = None
        self._task: Task | None = None
        self._planned = []

        self.query = QLineEdit(placeholderText="Words, a phrase, a prefix or a regular expression",
                               objectName="searchQuery")
        self.query.returnPressed.connect(self.run_search)
        self.mode = QComboBox(objectName="searchMode")
        for text, value in MODES:
            self.mode.addItem(text, value)
        go = QPushButton("Search", objectName="searchButton", clicked=self.run_search)
        self.status = QLabel(objectName="searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # the message may quote the user's query

        self.model = SearchResultModel(self)
        self.results = QTableView(objectName="searchResults")
        self.results.setModel(self.model)
        self.results.setItemDelegateForColumn(1, KwicDelegate(self.results))
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.verticalHeader().hide()
        self.results.setWordWrap(False)
        self.results.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.results.setColumnWidth(0, 200)
        self.results.doubleClicked.connect(self._on_open)

        self.tag_label = QComboBox(objectName="tagLabel")
        for label in store.labels():
            self.tag_label.addItem(label.name, label.name)
        self.tag_label.currentIndexChanged.connect(self._update_preview)
        self.tag_button = QPushButton("Tag every hit", objectName="tagButton", clicked=self.tag_every_hit)
        self.preview = QLabel(objectName="tagPreview")

        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.mode)
        top.addWidget(go)
        bottom = QHBoxLayout()
        bottom.addWidget(self.preview, 1)
        bottom.addWidget(QLabel("Label:"))
        bottom.addWidget(self.tag_label)
        bottom.addWidget(self.tag_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addLayout(bottom)
        self.resize(900, 560)
        self._update_preview()

    # -- searching ------------------------------------------------------------------------

    def run_search(self) -> None:
        query, mode, path = self.query.text(), self.mode.currentData(), self.store.path
        if self._task is not None and self._task.running:
            self._task.cancel()

        def work(progress):
            with Store(path) as worker_store:  # a connection belongs to its thread
                try:
                    return search(worker_store, query, mode)
                except SearchError as exc:
                    return exc

        self.status.setText("Searching…")
        self._task = Task(work, "Searching", self)
        self._task.finished.connect(self._on_result)
        self._task.failed.connect(lambda message: self._on_result(SearchError(message)))
        self._task.start()

    def _on_result(self, result) -> None:
        if isinstance(result, SearchError):
            self.result = None
            self.model.set_hits([])
            self.status.setText(str(result))
            self.status.setStyleSheet("color: #B3261E")
        else:
            self.result = result
            self.model.set_hits(result.hits)
            more = " (showing the first ones)" if result.truncated else ""
            self.status.setText(f"{len(result.hits):,} hit(s) in {result.articles:,} article(s){more}")
            self.status.setStyleSheet("")
        self._update_preview()
        self.searched.emit(self.result)

    # -- tagging --------------------------------------------------------------------------

    def _update_preview(self) -> None:
        label = self.tag_label.currentData()
        hits = self.result.hits if self.result else []
        self._planned = plan_tag_hits(self.store, hits, label, default_annotator(self.store)) if label else []
        skipped = len(hits) - len(self._planned)
        note = f" ({skipped} already tagged)" if skipped and hits else ""
        self.preview.setText(f"Tag {len(self._planned):,} hit(s) as {label}{note}" if hits else "")
        self.tag_button.setEnabled(bool(self._planned))

    def tag_every_hit(self) -> None:
        if self._planned:
            self.perform_edit(AddSpans(CORPUS, list(self._planned)))
        self._update_preview()

    def _on_open(self, index) -> None:
        hit = self.model.hits[index.row()]
        self.open_span_requested.emit(hit.article_id, hit.start, hit.end)


def install_search_dialog(window: QMainWindow) -> QAction:
    """Review -> Search articles… (Ctrl+Shift+F) on ``window`` (which has ``.store``)."""
    holder: dict[str, SearchDialog] = {}

    def show() -> None:
        if "dialog" not in holder:
            dialog = SearchDialog(window.store, window)
            dialog.setObjectName("searchDialog")
            dialog.perform_edit = edit_performer(window, window.store)
            dialog.open_span_requested.connect(span_opener(window))
            holder["dialog"] = dialog
        holder["dialog"].show()
        holder["dialog"].raise_()
        holder["dialog"].query.setFocus()

    action = QAction("&Search articles…", window)
    action.setShortcut(QKeySequence("Ctrl+Shift+F"))
    action.triggered.connect(show)
    review_menu(window).addAction(action)
    return action
