"""``ReviewView``: every span of the corpus in one table, filtered, sorted, edited in place.

Keys on the table: a label's hotkey relabels the selected spans, Delete removes them,
Enter opens the article at the span (``open_span_requested``). With the origin filter
"pending suggestions" the rows are suggestions: A accepts, X rejects. Edits are core edits run
through ``self.perform_edit`` (see ``gui.qt.review_menu.edit_performer``), so they are
the same undoable edits the workspace makes.

    install_review_view(window)   # a "Review spans" dock under the Review menu
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.core.edits import Edit, Relabel, RemoveSpan, perform
from gui.core.model import Status
from gui.core.suggest.edits import AcceptSuggestion, Decision, RejectSuggestion
from gui.qt.kwic_delegate import KwicDelegate
from gui.qt.review_menu import edit_performer, review_menu, span_opener
from gui.qt.span_table_model import SpanTableModel
from gui.store.review_queries import annotators
from gui.store.span_table import ORIGINS, PENDING, SpanFilter

ALL = None  # the combo-box item that does not filter


class ReviewView(QWidget):
    open_span_requested = Signal(int, int, int)  # article id, start, end

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.perform_edit = lambda edit: perform(self.store, edit)  # the undo seam; replace it
        self.model = SpanTableModel(store, self)
        self.model.loaded.connect(self._on_loaded)
        self._select_after_load: int | None = None

        self.label_filter = self._combo("All labels", "labelFilter")
        self.annotator_filter = self._combo("All annotators", "annotatorFilter")
        self.origin_filter = self._combo("All origins", "originFilter",
                                         [(o, o) for o in ORIGINS] + [("pending suggestions", PENDING)])
        self.status_filter = self._combo("Any status", "statusFilter", [(s.title, s.value) for s in Status])
        self.text_filter = QLineEdit(placeholderText="Filter by text or title…", objectName="textFilter")
        self.text_filter.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=250, timeout=self._on_filter_changed)
        self.text_filter.textChanged.connect(self._debounce.start)
        self.count_label = QLabel(objectName="countLabel")

        self.table = QTableView(objectName="reviewTable")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(1, KwicDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 110), (2, 220), (3, 100), (4, 130), (5, 60)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._on_open)
        self.table.installEventFilter(self)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        filters = QHBoxLayout()
        for widget in (self.label_filter, self.annotator_filter, self.origin_filter, self.status_filter):
            filters.addWidget(widget)
        filters.addWidget(self.text_filter, 1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        self._labels = []

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.refresh()  # rows are read when the table is seen, not when the window starts

    def _combo(self, everything: str, name: str, items=()) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.addItem(everything, ALL)
        for text, value in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self._on_filter_changed)
        return combo

    # -- loading ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read labels, annotators and rows (after edits made elsewhere)."""
        self._labels = self.store.labels()
        self._fill(self.label_filter, [(label.name, label.name) for label in self._labels])
        self._fill(self.annotator_filter, [(n, n) for n in annotators(self.store)])
        self._build_actions()
        self.model.reload(keep=self.model.rowCount())

    def _fill(self, combo: QComboBox, items) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, value in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def _build_actions(self) -> None:
        for action in self.table.actions():
            self.table.removeAction(action)
        for label in self._labels:
            action = QAction(f"Relabel as {label.name}", self.table)
            if label.hotkey:
                action.setShortcut(QKeySequence(label.hotkey))
            action.triggered.connect(lambda _=False, name=label.name: self.relabel_selected(name))
            self.table.addAction(action)
        for text, keys, slot in (("Delete", QKeySequence.StandardKey.Delete, self.delete_selected),
                                 ("Accept suggestion", QKeySequence("A"), self.accept_selected),
                                 ("Reject suggestion", QKeySequence("X"), self.reject_selected),
                                 ("Open article at span", QKeySequence(Qt.Key.Key_Return), self._on_open)):
            action = QAction(text, self.table)
            action.setShortcut(keys)
            action.triggered.connect(lambda _=False, s=slot: s())
            self.table.addAction(action)

    def _on_loaded(self) -> None:
        noun = "pending suggestion(s)" if self.model.filter.origin == PENDING else "span(s)"
        self.count_label.setText(f"{self.model.total:,} {noun}")
        row, self._select_after_load = self._select_after_load, None
        if row is not None and self.model.rowCount():
            self.table.selectRow(min(max(row, 0), self.model.rowCount() - 1))

    # -- editing ----------------------------------------------------------------------

    def selected_rows(self):
        return [self.model.row(i) for i in sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())]

    def _run(self, edits: list[Edit]) -> None:
        if not edits:
            return
        for edit in edits:
            self.perform_edit(edit)
        self.refresh()

    def relabel_selected(self, label: str) -> None:
        self._run([Relabel(r.article_id, span_id=r.id, label=label) for r in self.selected_rows()
                   if r.label != label and not r.pending])

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        self._select_after_load = self.table.currentIndex().row()  # the next row moves up into place
        self._run([RemoveSpan(r.article_id, span=self.store.span(r.id)) for r in rows if not r.pending])

    def accept_selected(self) -> None:
        self._decide(lambda s: AcceptSuggestion(s.article_id, Decision.of(s), getattr(self.window(), "editor", "")))

    def reject_selected(self) -> None:
        self._decide(lambda s: RejectSuggestion(s.article_id, Decision.of(s)))

    def _decide(self, make_edit) -> None:
        """Accept or reject the selected pending suggestions: the workspace's edits."""
        rows = [r for r in self.selected_rows() if r.pending]
        self._select_after_load = self.table.currentIndex().row()
        self._run([make_edit(self.store.suggestion(r.id)) for r in rows])

    # -- handlers ---------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        # The table's own keys win over window shortcuts with the same key while it has focus.
        if obj is self.table and event.type() == QEvent.Type.ShortcutOverride:
            keys = {QKeySequence(a.shortcut()).toString() for a in self.table.actions()}
            if QKeySequence(event.keyCombination()).toString() in keys:
                event.accept()
                return True
        if obj is self.table and event.type() == QEvent.Type.KeyPress:
            pressed = QKeySequence(event.keyCombination()).toString()
            for action in self.table.actions():
                if pressed and QKeySequence(action.shortcut()).toString() == pressed:
                    action.trigger()
                    return True
        return super().eventFilter(obj, event)

    def _on_filter_changed(self) -> None:
        self.model.set_filter(SpanFilter(
            label=self.label_filter.currentData(), annotator=self.annotator_filter.currentData(),
            origin=self.origin_filter.currentData(), status=self.status_filter.currentData(),
            text=self.text_filter.text().strip()))

    def _on_open(self, index=None) -> None:
        index = index if index is not None and index.isValid() else self.table.currentIndex()
        if index.isValid():
            r = self.model.row(index)
            self.open_span_requested.emit(r.article_id, r.start, r.end)


def install_review_view(window: QMainWindow) -> ReviewView:
    """Add a "Review spans" dock (Ctrl+Shift+R) to ``window`` (which has ``.store``)."""
    view = ReviewView(window.store)
    view.perform_edit = edit_performer(window, window.store)
    view.open_span_requested.connect(span_opener(window))
    dock = QDockWidget("Review spans", window, objectName="reviewDock")
    dock.setWidget(view)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    action = dock.toggleViewAction()
    action.setShortcut(QKeySequence("Ctrl+Shift+R"))
    review_menu(window).addAction(action)
    return view


__all__ = ["ReviewView", "install_review_view"]
