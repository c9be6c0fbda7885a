"""``SpanTableModel``: every span of the corpus as table rows, fetched a page at a time.

A thin adapter over ``gui.store.span_table``: a filter or sort asks the store for the
ordered span ids (SQL WHERE / ORDER BY) in a worker with its own ``Store`` (at 100,000
spans that takes a noticeable fraction of a second), then Qt's ``canFetchMore``/
``fetchMore`` read the rows a page at a time as the view scrolls. ``loaded`` tells when
new ids are in. It holds the ids and the rows fetched.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from gui.qt.kwic_delegate import KwicRole
from gui.qt.rich_text import literal
from gui.qt.workers import Task
from gui.store import Store, span_table, suggestion_table
from gui.store.span_table import PENDING, SpanFilter, SpanRow

SpanRowRole = Qt.ItemDataRole.UserRole + 41
COLUMNS = [("label", "Label"), ("context", "In context"), ("article", "Article"),
           ("annotator", "Annotator"), ("origin", "Origin"), ("score", "Score")]
PAGE = 256


def _table(spans: SpanFilter):
    """Where the rows come from: the spans, or (origin filter "pending") pending suggestions."""
    return suggestion_table if spans.origin == PENDING else span_table


class SpanTableModel(QAbstractTableModel):
    loaded = Signal()  # the rows of the latest filter / sort / refresh are in

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.filter = SpanFilter()
        self.sort_key, self.descending = "article", False
        self.total = 0
        self._ids: list[int] = []
        self._rows: list[SpanRow] = []
        self._colors: dict[str, str] = {}
        self._generation = 0  # answers to older queries are dropped; 0: nothing asked yet

    # -- loading --------------------------------------------------------------------

    def reload(self, keep: int = 0) -> None:
        """Re-run the query in a worker; then show ``keep`` rows at least (an edit does not
        scroll the view home). ``loaded`` is emitted when the rows are in."""
        self._generation += 1
        generation, path = self._generation, self.store.path
        spans, sort, descending = self.filter, self.sort_key, self.descending

        def work(progress):
            with Store(path) as worker_store:  # a connection belongs to its thread
                return _table(spans).ordered_ids(worker_store, spans, sort, descending)

        task = Task(work, "Sorting spans", self)
        task.finished.connect(lambda ids: self._on_ids(ids, generation, keep))
        task.done.connect(task.deleteLater)
        task.start()

    def _on_ids(self, ids: list[int], generation: int, keep: int) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._colors = {label.name: label.color for label in self.store.labels()}
        self._ids = ids
        self.total = len(ids)
        self._rows = _table(self.filter).rows_by_id(self.store, ids[:max(PAGE, keep)])
        self.endResetModel()
        self.loaded.emit()

    def set_filter(self, spans: SpanFilter) -> None:
        self.filter = spans
        self.reload()

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 (Qt API)
        return not parent.isValid() and len(self._rows) < len(self._ids)

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        start = len(self._rows)
        rows = _table(self.filter).rows_by_id(self.store, self._ids[start:start + PAGE])
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = COLUMNS[column][0]
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self._generation:  # a view sets its sort column before anyone looks: no query yet
            self.reload()

    # -- Qt model API ---------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None

    def row(self, index_or_row) -> SpanRow:
        return self._rows[index_or_row if isinstance(index_or_row, int) else index_or_row.row()]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == SpanRowRole:
            return r
        if role == KwicRole and key == "context":
            return (r.before, r.text, r.after, self._colors.get(r.label))
        if role == Qt.ItemDataRole.DisplayRole:
            return {"label": r.label, "context": f"{r.before}[{r.text}]{r.after}", "article": r.title,
                    "annotator": r.annotator, "origin": r.origin,
                    "score": "" if r.score is None else f"{r.score:.2f}"}[key]
        if role == Qt.ItemDataRole.ToolTipRole and key in ("context", "article"):
            return literal(r.text if key == "context" else r.title)
        if role == Qt.ItemDataRole.DecorationRole and key == "label":
            from PySide6.QtGui import QColor

            return QColor(self._colors.get(r.label, "#888888"))
        return None
