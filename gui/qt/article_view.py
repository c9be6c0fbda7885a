"""``ArticleView``: the article text with its spans. It shows and selects; it never
edits. Requests go out as signals (``span_requested``, ``span_selected``).

Painting: each span is a translucent tint of its label's colour (overlaps blend)
plus a solid bar under the text in one lane per label present on that line, so
nested and overlapping spans all stay visible. Only the blocks in the viewport
are painted, and an edit updates only the blocks its spans cover: opening an
article with thousands of spans costs little more than ``setPlainText``. Pending
suggestions are a separate layer (``SuggestionLayer``): dashed outlines, light fill.

Offsets: signals and spans use Python code-point offsets; Qt positions are UTF-16
units (and read "\\r\\n" as one break), converted by ``PositionMap``.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from bisect import bisect_right
from collections import defaultdict

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QTextCursor, QTextLine
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QToolTip

from gui.core.model import Label, Span, SpanMark
from gui.core.positions import PositionMap
from gui.qt.suggestion_layer import SuggestionLayer

BAR, BAR_GAP = 2.0, 1.0


class ArticleView(QPlainTextEdit):
    span_requested = Signal(int, int, str, bool)  # start, end, label, exact (Alt held)
    span_selected = Signal(int)  # span id, or -1 for none
    suggestion_selected = Signal(object)  # the Suggestion, or None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setMouseTracking(True)
        self.document().setDocumentMargin(12)
        self._labels: dict[str, Label] = {}
        self._lane: dict[str, int] = {}
        self._tints: dict[str, QColor] = {}
        self._bars: dict[str, QColor] = {}
        self._spans: dict[int, SpanMark] = {}
        self._buckets: dict[int, list[SpanMark]] = defaultdict(list)  # block number -> spans in it
        self._block_starts: list[int] = [0]
        self._map = PositionMap("")
        self._text = ""
        self.selected_span_id: int | None = None
        self.exact_selection = False
        self._press_pos = None
        self.suggestions = SuggestionLayer(self)
        # The whole record of a span (origin, times) for its tooltip: the view holds marks.
        self.span_details: Callable[[int], Span | None] = lambda _span_id: None
        self.selectionChanged.connect(self._on_selection_changed)

    # -- content ------------------------------------------------------------------

    def set_labels(self, labels: list[Label]) -> None:
        self._labels = {label.name: label for label in labels}
        self._lane = {label.name: i for i, label in enumerate(labels)}
        self._update_colours()

    def set_article(self, text: str, spans: list[SpanMark]) -> None:
        self.selected_span_id = None
        self.suggestions.clear()
        self._text = text
        self._map = PositionMap(text)
        self.setPlainText(text)  # plain text: never interpreted as HTML
        starts, block = [], self.document().firstBlock()
        while block.isValid():
            starts.append(block.position())
            block = block.next()
        self._block_starts = [self._map.to_cp(u) for u in starts] if self._map.shifted else starts
        self._spans = {s.id: s for s in spans}
        self._buckets = buckets = defaultdict(list)
        block_starts = self._block_starts
        ends = block_starts[1:] + [len(text) + 1]  # the first position after each block
        for span in spans:
            first = bisect_right(block_starts, span.start) - 1
            if span.end <= ends[first]:
                buckets[first].append(span)
            else:
                for b in range(first, bisect_right(block_starts, span.end - 1)):
                    buckets[b].append(span)
        self.viewport().update()

    def apply_changes(self, removed: list[SpanMark], added: list[SpanMark]) -> None:
        """Repaint only the blocks the changed spans cover."""
        for span in removed:
            for b in self._blocks_of(span):
                bucket = self._buckets[b]
                bucket[:] = [s for s in bucket if s.id != span.id]
            self._spans.pop(span.id, None)
        for span in added:
            self._add(span)
        if self.selected_span_id is not None and self.selected_span_id not in self._spans:
            self.select_span(None)
        for span in [*removed, *added]:
            self._update_range(span.start, span.end)

    def _add(self, span: SpanMark) -> None:
        self._spans[span.id] = span
        for b in self._blocks_of(span):
            self._buckets[b].append(span)

    def _blocks_of(self, span: SpanMark) -> range:
        first = bisect_right(self._block_starts, span.start) - 1
        last = bisect_right(self._block_starts, max(span.start, span.end - 1)) - 1
        return range(max(first, 0), last + 1)

    # -- offsets ------------------------------------------------------------------

    def to_qt(self, cp: int) -> int:
        return self._map.to_document(cp)

    def to_cp(self, pos: int) -> int:
        return self._map.to_cp(pos)

    def selection_range(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.to_cp(cursor.selectionStart()), self.to_cp(cursor.selectionEnd())

    def set_suggestions(self, suggestions) -> None:
        self.suggestions.set(suggestions)
        if self.suggestions.selected is None:
            self.suggestion_selected.emit(None)

    def select_suggestion(self, key: tuple | None, reveal: bool = False) -> None:
        if key is not None and self.selected_span_id is not None:
            self.select_span(None)
        s = self.suggestions.select(key)
        if s is not None and reveal:
            self.set_selection(s.start, s.start)
            self.centerCursor()
        self.suggestion_selected.emit(s)

    def set_selection(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.to_qt(start))
        cursor.setPosition(self.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def spans_at(self, cp: int) -> list[SpanMark]:
        block = bisect_right(self._block_starts, cp) - 1
        return sorted((s for s in self._buckets.get(block, ()) if s.start <= cp < s.end),
                      key=lambda s: (s.end - s.start, s.id))

    def char_at(self, point) -> int | None:
        """Code-point offset of the character under a viewport point, if any."""
        block = self.cursorForPosition(point).block()
        geometry = self.blockBoundingGeometry(block).translated(self.contentOffset())
        layout = block.layout()
        local = QPointF(point) - geometry.topLeft()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if line.rect().top() <= local.y() < line.rect().bottom():
                if not (line.x() <= local.x() < line.x() + line.naturalTextWidth()):
                    return None
                unit = line.xToCursor(local.x(), QTextLine.CursorPosition.CursorOnCharacter)
                return self.to_cp(block.position() + unit)
        return None

    # -- requests and selection ----------------------------------------------------

    def request_tag(self, label: str) -> bool:
        """Ask to tag the text selection with ``label``; False when nothing is selected."""
        selection = self.selection_range()
        if selection is None:
            return False
        self.span_requested.emit(*selection, label, self.exact_selection)
        return True

    def select_span(self, span_id: int | None, reveal: bool = False) -> None:
        previous = self._spans.get(self.selected_span_id)
        self.selected_span_id = span_id if span_id in self._spans else None
        span = self._spans.get(self.selected_span_id)
        if span is not None and self.suggestions.selected is not None:
            self.select_suggestion(None)
        if previous is not None:
            self._update_range(previous.start, previous.end)
        if span is not None:
            self._update_range(span.start, span.end)
            if reveal:
                cursor = self.textCursor()
                cursor.setPosition(self.to_qt(span.start))
                self.setTextCursor(cursor)
                self.centerCursor()
        self.span_selected.emit(-1 if span is None else span.id)

    def _on_selection_changed(self) -> None:
        if self.textCursor().hasSelection():
            mods = QApplication.keyboardModifiers()
            self.exact_selection = bool(mods & Qt.KeyboardModifier.AltModifier)
            if self.selected_span_id is not None:
                self.select_span(None)
            if self.suggestions.selected is not None:  # Enter must not accept a suggestion elsewhere
                self.select_suggestion(None)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        if (self._press_pos is not None and (pos - self._press_pos).manhattanLength() < 4
                and not self.textCursor().hasSelection()
                and event.button() == Qt.MouseButton.LeftButton):
            cp = self.char_at(pos)
            hits = self.spans_at(cp) if cp is not None else []
            if hits and self.selected_span_id in {s.id for s in hits}:  # a second click goes one layer out
                ids = [s.id for s in hits]
                self.select_span(ids[(ids.index(self.selected_span_id) + 1) % len(ids)])
            elif hits:
                self.select_span(hits[0].id)
            else:
                pending = self.suggestions.at(cp) if cp is not None else []
                self.select_span(None)
                self.select_suggestion((pending[0].start, pending[0].end, pending[0].label) if pending else None)
        self._press_pos = None

    # -- tooltip ------------------------------------------------------------------

    def viewportEvent(self, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.ToolTip:
            cp = self.char_at(event.pos())
            hits = self.spans_at(cp) if cp is not None else []
            pending = self.suggestions.at(cp) if cp is not None else []
            if hits or pending:
                tip = self.tooltip_for(hits) + self.suggestions.tooltip(pending)
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def tooltip_for(self, spans: list[SpanMark]) -> str:
        rows = []
        for s in spans:
            colour = self._bars.get(s.label, QColor("#888")).name()
            record = self.span_details(s.id)
            origin = f" · {html.escape(record.origin)}" if record is not None and record.origin else ""
            when = (f"<span style='color:gray'>{html.escape(record.updated[:16].replace('T', ' '))} UTC</span><br>"
                    if record is not None and record.updated else "")
            rows.append(
                f"<p style='margin:2px 0'><b style='color:{colour}'>{html.escape(s.label)}</b> "
                f"· {html.escape(s.annotator or 'unknown')}{origin}<br>{when}"
                f"“{html.escape(self._text[s.start:s.end][:160])}”</p>")
        return "".join(rows)

    # -- painting -----------------------------------------------------------------

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.PaletteChange:
            self._update_colours()
        super().changeEvent(event)

    def _update_colours(self) -> None:
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        for name, label in self._labels.items():
            base = QColor(label.color)
            tint = QColor(base)
            tint.setAlpha(90 if dark else 52)
            self._tints[name] = tint
            self._bars[name] = base.lighter(135) if dark else base
        self.viewport().update()

    def _update_range(self, start: int, end: int) -> None:
        """Schedule a repaint of the visible lines spanning ``[start, end)``."""
        doc = self.document()
        a, b = self.to_qt(start), self.to_qt(max(start, end - 1))
        offset = self.contentOffset()
        top = self._line_rect(doc.findBlock(a), a, offset).top()
        bottom = self._line_rect(doc.findBlock(b), b, offset).bottom()
        rect = QRect(0, int(top) - 1, self.viewport().width(), int(bottom - top) + 3)
        rect = rect.intersected(self.viewport().rect())
        if not rect.isEmpty():
            self.viewport().update(rect)

    def _line_rect(self, block, pos: int, offset) -> QRectF:
        """The viewport rectangle of the line holding ``pos``, or of its block when not laid out."""
        geometry = self.blockBoundingGeometry(block).translated(offset)
        line = block.layout().lineForTextPosition(pos - block.position())
        return line.rect().translated(geometry.topLeft()) if line.isValid() else geometry

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if self._spans or self.suggestions.items:
            painter = QPainter(self.viewport())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_visible(painter, event.rect(), self._paint_tints)
            self._paint_visible(painter, event.rect(), self.suggestions.paint_block, self.suggestions.buckets)
            painter.end()
        super().paintEvent(event)
        if self.selected_span_id is not None:
            painter = QPainter(self.viewport())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_visible(painter, event.rect(), self._paint_selected)
            painter.end()

    def _paint_visible(self, painter: QPainter, rect: QRect, paint_block, buckets=None) -> None:
        buckets = self._buckets if buckets is None else buckets
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > rect.bottom():
                break
            if geometry.bottom() >= rect.top() and block.isVisible():
                spans = buckets.get(block.blockNumber())
                if spans:
                    paint_block(painter, block, geometry, spans, rect)
            block = block.next()

    def _fragments(self, block, geometry: QRectF, spans: list[SpanMark], clip: QRect | None = None):
        """(line, rect, x1, x2, span) for every piece of every span on the block's lines within ``clip``."""
        layout = block.layout()
        start_cp = self._block_starts[block.blockNumber()]
        end_cp = start_cp + len(block.text())
        pos = block.position()
        pieces = []
        lines = [layout.lineAt(i) for i in range(layout.lineCount())]
        line_starts = [line.textStart() for line in lines]
        if clip is not None:  # only the lines being repainted
            top, bottom = clip.top() - geometry.top(), clip.bottom() - geometry.top()
            shown = [i for i, line in enumerate(lines) if line.y() + line.height() >= top and line.y() <= bottom]
            if not shown:
                return []
            first_line, last_line = shown[0], shown[-1]
        else:
            first_line, last_line = 0, len(lines) - 1
        for span in spans:
            a = self.to_qt(max(span.start, start_cp)) - pos
            b = self.to_qt(min(span.end, end_cp)) - pos
            for i in range(max(first_line, bisect_right(line_starts, a) - 1), last_line + 1):
                line = lines[i]
                ls = line_starts[i]
                if ls >= b:
                    break
                lo, hi = max(a, ls), min(b, ls + line.textLength())
                if lo >= hi:
                    continue
                x1 = _x(line.cursorToX(lo))
                x2 = _x(line.cursorToX(hi))
                r = line.rect().translated(geometry.topLeft())
                pieces.append((i, r, min(x1, x2) + geometry.left(), max(x1, x2) + geometry.left(), span))
        return pieces

    def _paint_tints(self, painter: QPainter, block, geometry: QRectF, spans: list[SpanMark], clip: QRect) -> None:
        pieces = self._fragments(block, geometry, spans, clip)
        painter.setPen(Qt.PenStyle.NoPen)
        lanes: dict[int, list[int]] = defaultdict(list)
        for line, _r, _x1, _x2, span in pieces:
            lane = self._lane.get(span.label, 0)
            if lane not in lanes[line]:
                lanes[line].append(lane)
        for line, r, x1, x2, span in pieces:
            painter.fillRect(QRectF(x1, r.top(), x2 - x1, r.height()), self._tints.get(span.label, Qt.gray))
        for line, r, x1, x2, span in pieces:
            order = sorted(lanes[line])
            k = order.index(self._lane.get(span.label, 0))
            y = r.bottom() - BAR - k * (BAR + BAR_GAP)
            painter.fillRect(QRectF(x1 + 0.5, y, x2 - x1 - 1, BAR), self._bars.get(span.label, Qt.gray))

    def _paint_selected(self, painter: QPainter, block, geometry: QRectF, spans: list[SpanMark], clip: QRect) -> None:
        selected = [s for s in spans if s.id == self.selected_span_id]
        if not selected:
            return
        pen = QPen(self._bars.get(selected[0].label, Qt.gray), 2.0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for _line, r, x1, x2, _span in self._fragments(block, geometry, selected, clip):
            painter.drawRoundedRect(QRectF(x1 - 1, r.top() + 1, x2 - x1 + 2, r.height() - 2), 3, 3)


def _x(value) -> float:
    return value[0] if isinstance(value, tuple) else value
