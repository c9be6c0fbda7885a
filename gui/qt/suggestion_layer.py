"""``SuggestionLayer``: the pending suggestions of the article an ``ArticleView`` shows.

They are drawn apart from accepted spans: a light fill and a dashed outline in the
label's colour (the selected one with a thicker outline). Like spans, they are bucketed
by block, painted only on the visible lines, and a change repaints only the lines of the
suggestions that changed. A suggestion is known by its (start, end, label).
"""

from __future__ import annotations

import html
from bisect import bisect_right
from collections import defaultdict

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from gui.core.model import Suggestion


def key_of(s: Suggestion) -> tuple[int, int, str]:
    return (s.start, s.end, s.label)


class SuggestionLayer:
    def __init__(self, view):
        self.view = view
        self.items: dict[tuple, Suggestion] = {}
        self.buckets: dict[int, list[Suggestion]] = defaultdict(list)
        self.selected: tuple | None = None

    # -- content ------------------------------------------------------------------

    def clear(self) -> None:
        self.items, self.buckets, self.selected = {}, defaultdict(list), None

    def set(self, suggestions: list[Suggestion]) -> None:
        """Show exactly ``suggestions``; repaint the lines of those that came or went."""
        new = {(s.start, s.end, s.label): s for s in suggestions}
        old = self.items
        came = [s for k, s in new.items() if (o := old.get(k)) is None or o.score != s.score
                or o.suggester != s.suggester or o.rule != s.rule]  # cheaper than comparing whole objects
        gone = [old[k] for k in old.keys() - new.keys()] + [old[key_of(s)] for s in came if key_of(s) in old]
        for s in gone:
            for b in self._blocks_of(s):
                self.buckets[b] = [x for x in self.buckets[b] if key_of(x) != key_of(s)]
            del self.items[key_of(s)]
        for s in came:
            self.items[key_of(s)] = s
            for b in self._blocks_of(s):
                self.buckets[b].append(s)
        if self.selected not in self.items:
            self.selected = None
        changed = [*gone, *came]
        if len(changed) > 64:  # a whole new set (an article opened): one repaint
            self.view.viewport().update()
            return
        for s in changed:
            self.view._update_range(s.start, s.end)

    def _blocks_of(self, s: Suggestion) -> range:
        starts = self.view._block_starts
        first = bisect_right(starts, s.start) - 1
        last = bisect_right(starts, max(s.start, s.end - 1)) - 1
        return range(max(first, 0), last + 1)

    def ordered(self) -> list[Suggestion]:
        return sorted(self.items.values(), key=lambda s: (s.start, s.end, s.label))

    def at(self, cp: int) -> list[Suggestion]:
        block = bisect_right(self.view._block_starts, cp) - 1
        return sorted((s for s in self.buckets.get(block, ()) if s.start <= cp < s.end),
                      key=lambda s: (s.end - s.start, s.label))

    def select(self, key: tuple | None) -> Suggestion | None:
        previous = self.items.get(self.selected)
        self.selected = key if key in self.items else None
        current = self.items.get(self.selected)
        for s in (previous, current):
            if s is not None:
                self.view._update_range(s.start, s.end)
        return current

    # -- painting -----------------------------------------------------------------

    def paint_block(self, painter: QPainter, block, geometry: QRectF, suggestions, clip) -> None:
        """A faint fill and a dashed outline; a suggestion that wraps onto the next line is
        left open at the break, so one suggestion reads as one shape."""
        view = self.view
        pos = block.position()
        for _line, r, x1, x2, s in view._fragments(block, geometry, suggestions, clip):
            colour = QColor(view._bars.get(s.label, QColor("#888")))
            chosen = key_of(s) == self.selected
            fill = QColor(colour)
            fill.setAlpha(40 if chosen else 18)
            colour.setAlpha(255 if chosen else 170)
            box = QRectF(x1 - 0.5, r.top() + 1.5, x2 - x1 + 1, r.height() - 3)
            painter.fillRect(box, fill)
            pen = QPen(colour, 2.0 if chosen else 1.0)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(box.topLeft(), box.topRight())
            painter.drawLine(box.bottomLeft(), box.bottomRight())
            if self._on_line(block, geometry, r, view.to_qt(s.start) - pos):
                painter.drawLine(box.topLeft(), box.bottomLeft())  # the suggestion starts on this line
            if self._on_line(block, geometry, r, view.to_qt(s.end) - 1 - pos):
                painter.drawLine(box.topRight(), box.bottomRight())  # ... and ends on it

    @staticmethod
    def _on_line(block, geometry: QRectF, line_rect: QRectF, unit: int) -> bool:
        """Whether position ``unit`` of the block lies on the line drawn at ``line_rect``."""
        if not 0 <= unit < max(1, len(block.text())):
            return False
        line = block.layout().lineForTextPosition(unit)
        return line.isValid() and abs(line.y() + geometry.top() - line_rect.top()) < 0.5

    def tooltip(self, suggestions: list[Suggestion]) -> str:
        rows = []
        for s in suggestions:
            colour = self.view._bars.get(s.label, QColor("#888")).name()
            by = ", ".join(s.suggester.split("+"))
            rule = f"<br>rule: {html.escape(s.rule)}" if s.rule else ""
            rows.append(
                f"<p style='margin:2px 0'><b style='color:{colour}'>{html.escape(s.label)}</b> "
                f"suggestion · score {s.score:.2f}<br>by {html.escape(by)}{rule}<br>"
                f"<span style='color:gray'>Enter or A accepts, X rejects, Tab goes to the next</span><br>"
                f"“{html.escape(self.view._text[s.start:s.end][:160])}”</p>")
        return "".join(rows)
