"""Icons for item views: qtawesome renders its font glyph on every paint, which costs
~0.7 ms per visible row; these are rendered once into pixmaps and cached."""

from __future__ import annotations

from functools import lru_cache

import qtawesome as qta
from PySide6.QtGui import QIcon


@lru_cache(maxsize=None)
def static_icon(name: str, color: str | None = None, selected: str | None = None) -> QIcon:
    """``selected``: the colour on a selected row (for icons whose colour would vanish on it)."""
    source = qta.icon(name, color=color) if color else qta.icon(name)
    icon = QIcon()
    for size in (16, 24, 32):
        icon.addPixmap(source.pixmap(size, size))
        if selected:
            icon.addPixmap(qta.icon(name, color=selected).pixmap(size, size), QIcon.Mode.Selected)
    return icon
