"""The span list: label, text and annotator of the open article's spans, filterable by label."""

from __future__ import annotations

from bisect import bisect_left
from operator import attrgetter

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from gui.core.model import Label, SpanMark
from gui.qt.icons import static_icon
from gui.qt.span_list_view import SpanListView

SpanIdRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Label", "Text", "Annotator")
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole,
                    SpanIdRole})


_key = attrgetter("start", "end", "id")


class SpanTableModel(QAbstractTableModel):
    """A thin adapter over the controller's spans, in text order, optionally of one label.

    It filters itself rather than through a QSortFilterProxyModel: the proxy made
    every repaint of the panel three times slower, and an edit repaints it.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._text = ""
        self._all: list[SpanMark] = []
        self._all_keys: list[tuple] = []
        self._rows: list[SpanMark] = []
        self._keys: list[tuple] = []
        self._label = ""
        self._icons = {}

    def set_labels(self, labels: list[Label]) -> None:
        self._icons = {label.name: static_icon("mdi6.circle", label.color) for label in labels}

    def set_spans(self, text: str, spans: list[SpanMark]) -> None:
        keys = list(map(_key, spans))
        if keys != sorted(keys):  # the store gives them in order already (sorting that is one pass, in C)
            spans = sorted(spans, key=_key)
            keys = list(map(_key, spans))
        self.beginResetModel()
        self._text = text
        self._all, self._all_keys = list(spans), keys
        self._filter()
        self.endResetModel()

    def set_label_filter(self, label: str) -> None:
        self.beginResetModel()
        self._label = label or ""
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        if self._label:
            self._rows = [s for s in self._all if s.label == self._label]
            self._keys = list(map(_key, self._rows))
        else:
            self._rows, self._keys = list(self._all), list(self._all_keys)

    def apply_changes(self, removed: list[SpanMark], added: list[SpanMark]) -> None:
        for span in removed:
            key = _key(span)
            i = bisect_left(self._all_keys, key)
            if i < len(self._all) and self._all[i].id == span.id:
                del self._all[i], self._all_keys[i]
            row = self.row_of(span)
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row], self._keys[row]
                self.endRemoveRows()
        for span in added:
            key = _key(span)
            i = bisect_left(self._all_keys, key)
            self._all.insert(i, span)
            self._all_keys.insert(i, key)
            if self._label and span.label != self._label:
                continue
            row = bisect_left(self._keys, key)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, span)
            self._keys.insert(row, key)
            self.endInsertRows()

    def row_of(self, span: SpanMark) -> int:
        row = bisect_left(self._keys, _key(span))
        return row if row < len(self._rows) and self._rows[row].id == span.id else -1

    def span_at(self, row: int) -> SpanMark:
        return self._rows[row]

    def line_of(self, span: SpanMark) -> str:
        """The text column: the span's text on one line, at most 80 characters."""
        return " ".join(self._text[span.start:min(span.end, span.start + 120)].split())[:80]

    def tooltip_of(self, span: SpanMark) -> str:
        return self._text[span.start:span.end][:1000]  # plain text tooltip

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES:  # the delegate asks ~8 roles per cell on every paint
            return None
        span = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return span.label
            if column == 1:
                return self.line_of(span)
            return span.annotator
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._icons.get(span.label)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return self.tooltip_of(span)
        if role == SpanIdRole:
            return span.id
        return None


class SpanListPanel(QWidget):
    span_activated = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = SpanTableModel(self)
        self.filter = QComboBox()
        self.filter.setObjectName("spanLabelFilter")
        self.filter.currentIndexChanged.connect(self._on_filter_changed)
        self.table = SpanListView(self.model)
        self.table.setObjectName("spanTable")
        self.table.activated.connect(self.span_activated)
        # The list follows the selected span once the editor pauses: scrolling it
        # repaints the whole panel, which must not delay a keystroke.
        self._follow_timer = QTimer(self)
        self._follow_timer.setSingleShot(True)
        self._follow_timer.setInterval(150)
        self._follow_timer.timeout.connect(self._on_follow)
        self._pending: SpanMark | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)

    def set_labels(self, labels: list[Label]) -> None:
        self.model.set_labels(labels)
        self.table.set_labels(labels)
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem("All labels", "")
        for label in labels:
            self.filter.addItem(static_icon("mdi6.circle", label.color), label.name, label.name)
        self.filter.blockSignals(False)

    def _on_filter_changed(self, _index: int) -> None:
        self.model.set_label_filter(self.filter.currentData() or "")

    def follow(self, span: SpanMark | None) -> None:
        self._pending = span
        self._follow_timer.start()

    def _on_follow(self) -> None:
        if self._pending is not None:
            self.show_span(self._pending)

    def show_span(self, span: SpanMark) -> None:
        self.table.set_current(span if self.model.row_of(span) >= 0 else None, reveal=True)
