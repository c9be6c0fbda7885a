"""The article list: a thin Qt model over the store's article summaries."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPointF, QRect, QSortFilterProxyModel, Qt
from PySide6.QtGui import QIcon, QPalette, QStaticText
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate

from gui.core.model import ArticleSummary, Status
from gui.qt.icons import static_icon
from gui.qt.rich_text import literal

STATUS_ICONS = {
    Status.TODO: ("mdi6.circle-outline", "#8a8f98"),
    Status.IN_PROGRESS: ("mdi6.circle-half-full", "#3F7FE8"),
    Status.DONE: ("mdi6.check-circle", "#2e9d5b"),
    Status.SKIPPED: ("mdi6.debug-step-over", "#b07d2b"),
}

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2


class ArticleListModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ArticleSummary] = []
        self._icons = {s: static_icon(name, color, "white") for s, (name, color) in STATUS_ICONS.items()}

    def status_icon(self, status: Status):
        return self._icons[status]

    def set_articles(self, rows: list[ArticleSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            spans = "1 span" if row.span_count == 1 else f"{row.span_count} spans"
            return f"{row.title}\n{row.status.title} · {spans}"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons[row.status]
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(f"{row.title}\n{row.length:,} characters · {row.status.title}")
        if role == ArticleIdRole:
            return row.id
        if role == StatusRole:
            return row.status.value
        return None

    def update_row(self, article_id: int, **changes) -> None:
        """Change one row in place (its status or span count) without resetting the list."""
        from dataclasses import replace

        row = self.row_of(article_id)
        if row >= 0:
            self._rows[row] = replace(self._rows[row], **changes)
            # Naming the roles lets the filter proxy skip re-filtering (and the list a full
            # repaint) when only the span count changed: one tag repaints one row.
            roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole]
            if "status" in changes:
                roles += [Qt.ItemDataRole.DecorationRole, StatusRole]
            self.dataChanged.emit(self.index(row), self.index(row), roles)

    def row_of(self, article_id: int) -> int:
        for i, row in enumerate(self._rows):
            if row.id == article_id:
                return i
        return -1

    def summary(self, row: int) -> ArticleSummary:
        return self._rows[row]


class ArticleFilterModel(QSortFilterProxyModel):
    """The article list filtered by status ("" shows all)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFilterRole(StatusRole)

    def set_status(self, status: str) -> None:
        self.setFilterFixedString(status or "")


_TEXT_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole})


class _RowDelegate(QStyledItemDelegate):
    """A row: the status icon, then the title and "status · N spans" on two lines, each
    elided to the row and laid out once (the style shaped and elided both lines on every
    paint, and every tag repaints the open article's row)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._lines: dict[tuple[str, int], QStaticText] = {}

    def sizeHint(self, option, index):  # noqa: N802 (Qt API)
        size = super().sizeHint(option, index)
        size.setWidth(1)  # a row is as wide as the list, and its title elided to fit
        return size

    def _line(self, text: str, width: int, metrics) -> QStaticText:
        line = self._lines.get((text, width))
        if line is None:
            if len(self._lines) > 4096:
                self._lines.clear()
            line = self._lines[(text, width)] = QStaticText(
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
            line.setTextFormat(Qt.TextFormat.PlainText)
        return line

    def paint(self, painter, option, index) -> None:
        widget = option.widget
        style = widget.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        rect, metrics = option.rect, option.fontMetrics
        selected = option.state & QStyle.StateFlag.State_Selected
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        side = option.decorationSize.height()
        if icon is not None:
            icon.paint(painter, QRect(rect.left() + 4, rect.top() + (rect.height() - side) // 2, side, side),
                       mode=QIcon.Mode.Selected if selected else QIcon.Mode.Normal)
        x = rect.left() + side + 10
        width = rect.right() - x - 4
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(role))
        lines = str(index.data(Qt.ItemDataRole.DisplayRole) or "").split("\n")
        height = metrics.height()
        top = rect.top() + (rect.height() - height * len(lines)) / 2
        for i, text in enumerate(lines):
            painter.drawStaticText(QPointF(x, top + i * height), self._line(text, width, metrics))


class ArticleListView(QListView):
    """The list of articles, rows of one height with the title elided (its tooltip has it
    whole). QListView lays out and repaints every row whenever one row's data changes,
    since a row might have changed size; here none can, and each tag changes one row's
    span count: that row alone is repainted."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setUniformItemSizes(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(_RowDelegate(self))

    def dataChanged(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:  # noqa: N802
        if top_left == bottom_right and roles and _TEXT_ROLES.issuperset(roles):
            self.update(top_left)
            return
        super().dataChanged(top_left, bottom_right, roles)
