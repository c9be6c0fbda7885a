"""Python offsets count code points; Qt's text positions count UTF-16 code units.

A character outside the Basic Multilingual Plane (an emoji) is one code point but
two UTF-16 units, so every offset after it differs by one. ``Utf16Map`` converts
both ways in O(log n) and costs nothing for texts without such characters.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    def __init__(self, text: str):
        self.astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_u16 = [cp + k for k, cp in enumerate(self.astral)]

    def to_utf16(self, cp: int) -> int:
        return cp + bisect_left(self.astral, cp) if self.astral else cp

    def to_cp(self, unit: int) -> int:
        """Code-point offset of a UTF-16 position (one inside a pair rounds up)."""
        return unit - bisect_left(self._astral_u16, unit - 1) if self.astral else unit
