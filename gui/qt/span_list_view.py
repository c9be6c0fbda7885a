"""``SpanListView``: the rows of the span list, painted in one pass.

A QTableView spent ~6 ms repainting a panel of ~20 rows (three cells a row, each
asking the model ~8 roles through Python and shaping its text anew), and every tag
repaints the rows below the new one. This view paints the visible rows itself, with
each row's text shaped once (``QStaticText``, kept until the column width changes):
~0.7 ms for the same panel. It reads the rows from the same ``SpanTableModel``.

Click a row or press Enter on it to jump to the span; arrows, Page Up/Down, Home and
End move the current row; hovering a row's text shows the whole span.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import (
    QAbstractScrollArea, QAbstractSlider, QScrollBar, QStyle, QStyleOptionSlider, QToolTip, QWidget,
)

from gui.core.model import Label, SpanMark

COLUMNS = ("Label", "Text", "Annotator")
PAD = 6  # left padding of every column, and the space between a row's text and its edges
DOT = 8


class _Header(QWidget):
    """The column titles above the rows."""

    def __init__(self, view: SpanListView):
        super().__init__(view)
        self._view = view

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Button))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        painter.setPen(palette.color(QPalette.ColorRole.ButtonText))
        for title, (x, width) in zip(COLUMNS, self._view.columns()):
            painter.drawText(QRect(x + PAD, 0, width - PAD, self.height()),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)
        painter.end()


class _QuietScrollBar(QScrollBar):
    """Repaints after a range change only when its handle moved by a pixel. A tag changes
    the range by one row, which in a long list leaves the handle where it was, and the
    repaint (Fusion's gradients, and the dock under the bar) cost more than the new row."""

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Vertical, parent)
        self._handle = QRect()

    def _handle_rect(self) -> QRect:
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        return self.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option,
                                           QStyle.SubControl.SC_ScrollBarSlider, self)

    def sliderChange(self, change) -> None:  # noqa: N802 (Qt API)
        if change == QAbstractSlider.SliderChange.SliderRangeChange and self._handle.isValid() \
                and self._handle_rect() == self._handle:
            return
        super().sliderChange(change)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self._handle = self._handle_rect()  # the handle as painted
        super().paintEvent(event)


class SpanListView(QAbstractScrollArea):
    activated = Signal(int)  # a span id: the editor clicked its row or pressed Enter on it

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self._model = model
        self._colors: dict[str, QColor] = {}
        self._static: dict[object, QStaticText] = {}  # (start, end) for the text column, or a string
        self._static_width = -1
        self._current: SpanMark | None = None
        self._header = _Header(self)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Spans of the open article")
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.viewport().setMouseTracking(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBar(_QuietScrollBar(self))
        self._row_height = self.fontMetrics().height() + PAD
        self.setViewportMargins(0, self._row_height + 2, 0, 0)
        model.modelReset.connect(self._on_reset)
        model.rowsInserted.connect(self._on_rows_moved)
        model.rowsRemoved.connect(self._on_rows_moved)
        self._update_range()

    def set_labels(self, labels: list[Label]) -> None:
        self._colors = {label.name: QColor(label.color) for label in labels}
        self.viewport().update()

    # -- geometry -----------------------------------------------------------------

    def model(self):
        return self._model

    def rowHeight(self, _row: int = 0) -> int:  # noqa: N802 (named as QTableView's)
        return self._row_height

    def columns(self) -> list[tuple[int, int]]:
        """(x, width) of the label, text and annotator columns."""
        metrics = self.fontMetrics()
        width = self.viewport().width()
        label = metrics.horizontalAdvance("STATISTIC") + DOT + 3 * PAD
        annotator = metrics.horizontalAdvance("Maria Editor") + 2 * PAD
        text = max(40, width - label - annotator)
        return [(0, label), (label, text), (label + text, annotator)]

    def first_visible_row(self) -> int:
        return self.verticalScrollBar().value() // self._row_height

    def row_at(self, y: int) -> int:
        """The row at viewport ``y``, or -1 below the last row."""
        row = (y + self.verticalScrollBar().value()) // self._row_height
        return row if 0 <= row < self._model.rowCount() else -1

    def row_rect(self, row: int) -> QRect:
        """Row ``row`` in viewport coordinates."""
        top = row * self._row_height - self.verticalScrollBar().value()
        return QRect(0, top, self.viewport().width(), self._row_height)

    def _update_range(self) -> None:
        bar = self.verticalScrollBar()
        page = self.viewport().height()
        bar.setRange(0, max(0, self._model.rowCount() * self._row_height - page))
        bar.setPageStep(page)
        bar.setSingleStep(self._row_height)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        rect = self.viewport().geometry()
        self._header.setGeometry(rect.x(), rect.y() - self._row_height - 2, rect.width(), self._row_height + 2)
        self._update_range()

    def scrollContentsBy(self, _dx: int, dy: int) -> None:  # noqa: N802 (Qt API)
        self.viewport().scroll(0, dy)  # moves the painted rows; only the uncovered strip is painted

    # -- the model changed --------------------------------------------------------

    def _on_reset(self) -> None:
        self._static.clear()
        self.verticalScrollBar().setValue(0)
        self._update_range()
        self.viewport().update()

    def _on_rows_moved(self, _parent: QModelIndex, first: int, _last: int) -> None:
        """Rows from ``first`` on moved by one (a tag or a delete): repaint only those in sight."""
        scrolled = self.verticalScrollBar().value()
        self._update_range()
        if self.verticalScrollBar().value() != scrolled:
            self.viewport().update()  # the list got shorter at the end: every row shifted
            return
        top = self.row_rect(first).top()
        height = self.viewport().height()
        if top < 0:
            self.viewport().update()
        elif top < height:
            self.viewport().update(0, top, self.viewport().width(), height - top)

    # -- the current row ----------------------------------------------------------

    def current_row(self) -> int:
        return -1 if self._current is None else self._model.row_of(self._current)

    def set_current(self, span: SpanMark | None, reveal: bool = False) -> None:
        old = self.current_row()
        self._current = span
        row = self.current_row()
        for changed in {old, row} - {-1}:
            self.viewport().update(self.row_rect(changed))
        if reveal and row >= 0:
            self.scroll_to_row(row)
        self._describe_current(row)

    def _describe_current(self, row: int) -> None:
        """The rows are painted, not widgets: a screen reader hears the current row through the
        list's accessible description, announced as it changes."""
        text = "" if row < 0 else (f"{self._current.label}: {self._model.line_of(self._current)}, "
                                   f"{self._current.annotator or 'unknown'}; row {row + 1} of {self._model.rowCount()}")
        if text != self.accessibleDescription():
            from PySide6.QtGui import QAccessible, QAccessibleEvent  # ~3 ms of type set-up: not at start-up

            self.setAccessibleDescription(text)
            QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.DescriptionChanged))

    def scroll_to_row(self, row: int) -> None:
        rect = self.row_rect(row)
        bar = self.verticalScrollBar()
        if rect.top() < 0:
            bar.setValue(bar.value() + rect.top())
        elif rect.bottom() >= self.viewport().height():
            bar.setValue(row * self._row_height - self.viewport().height() // 2)

    # -- input --------------------------------------------------------------------

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        row = self.row_at(int(event.position().y()))
        if row >= 0 and event.button() == Qt.MouseButton.LeftButton:
            span = self._model.span_at(row)
            self.set_current(span)
            self.activated.emit(span.id)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        rows = self._model.rowCount()
        key, row = event.key(), self.current_row()
        page = max(1, self.viewport().height() // self._row_height - 1)
        moves = {Qt.Key.Key_Up: row - 1, Qt.Key.Key_Down: row + 1, Qt.Key.Key_PageUp: row - page,
                 Qt.Key.Key_PageDown: row + page, Qt.Key.Key_Home: 0, Qt.Key.Key_End: rows - 1}
        if key in moves and rows:
            target = moves[key] if row >= 0 or key in (Qt.Key.Key_Home, Qt.Key.Key_End) else self.first_visible_row()
            self.set_current(self._model.span_at(min(max(target, 0), rows - 1)), reveal=True)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and row >= 0:
            self.activated.emit(self._current.id)
        else:
            super().keyPressEvent(event)

    def viewportEvent(self, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.ToolTip:
            row = self.row_at(event.pos().y())
            if row >= 0:
                QToolTip.showText(event.globalPos(), self._model.tooltip_of(self._model.span_at(row)), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # -- painting -----------------------------------------------------------------

    def _text(self, key, text: str) -> QStaticText:
        static = self._static.get(key)
        if static is None:
            static = self._static[key] = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
        return static

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        viewport = self.viewport()
        painter = QPainter(viewport)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QPalette.ColorRole.Base))
        (_, label_w), (text_x, text_w), (annotator_x, annotator_w) = self.columns()
        if text_w != self._static_width:  # elided to the column: shape again at the new width
            self._static = {k: v for k, v in self._static.items() if isinstance(k, str)}
            self._static_width = text_w
        metrics = self.fontMetrics()
        elide = metrics.elidedText
        h = self._row_height
        baseline = (h - metrics.height()) / 2
        scrolled = self.verticalScrollBar().value()
        first = max(0, (event.rect().top() + scrolled) // h)
        last = min(self._model.rowCount() - 1, (event.rect().bottom() + scrolled) // h)
        text_color = palette.color(QPalette.ColorRole.Text)
        selected_text = palette.color(QPalette.ColorRole.HighlightedText)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        width = viewport.width()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        current_id = self._current.id if self._current is not None else None
        for row in range(first, last + 1):
            span = self._model.span_at(row)
            y = row * h - scrolled
            current = span.id == current_id
            if current:
                painter.fillRect(0, y, width, h, highlight)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._colors.get(span.label, text_color))
            painter.drawEllipse(QRectF(PAD, y + (h - DOT) / 2, DOT, DOT))
            painter.setPen(selected_text if current else text_color)
            top = y + baseline
            painter.drawStaticText(QPointF(2 * PAD + DOT, top), self._text(span.label, span.label))
            key = (span.start, span.end)
            line = self._static.get(key) or self._text(
                key, elide(self._model.line_of(span), Qt.TextElideMode.ElideRight, text_w - 2 * PAD))
            painter.drawStaticText(QPointF(text_x + PAD, top), line)
            annotator = span.annotator
            painter.drawStaticText(QPointF(annotator_x + PAD, top),
                                   self._text(annotator, elide(annotator, Qt.TextElideMode.ElideRight,
                                                               annotator_w - 2 * PAD)))
        painter.end()
