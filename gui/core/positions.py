"""Python offsets count code points; a text document counts UTF-16 code units and
reads "\\r\\n" as one line break.

A character outside the Basic Multilingual Plane (an emoji) is one code point but
two UTF-16 units; "\\r\\n" is two code points but one document position. Every
offset after either differs. ``PositionMap`` converts both ways in O(log n), and
costs nothing for texts with neither.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

_SHIFTS = re.compile("[\U00010000-\U0010ffff]|\r\n")


class PositionMap:
    def __init__(self, text: str):
        events = []  # (code point after which positions shift, shift)
        # A C-speed check first: the regular expression is slow on long texts.
        astral = len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)
        for m in _SHIFTS.finditer(text) if astral or "\r\n" in text else ():
            events.append((m.start(), 1) if m.end() - m.start() == 1 else (m.start() + 1, -1))
        self._cp = [cp for cp, _ in events]
        self._cum = list(accumulate(d for _, d in events))
        self._after = [cp + 1 + cum for cp, cum in zip(self._cp, self._cum)]
        self.shifted = bool(events)

    def to_document(self, cp: int) -> int:
        if not self.shifted:
            return cp
        k = bisect_left(self._cp, cp)
        return cp + (self._cum[k - 1] if k else 0)

    def to_cp(self, pos: int) -> int:
        """Code-point offset of a document position (one inside a surrogate pair rounds up)."""
        if not self.shifted:
            return pos
        k = bisect_right(self._after, pos)
        return pos - (self._cum[k - 1] if k else 0)
