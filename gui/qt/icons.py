"""Icons, rendered once into pixmaps and cached.

The icons of the main window are Material Design Icons traced into small SVG files in
resources/icons/ (``tools/make_icons.py``): importing qtawesome + qtpy costs ~0.4 s,
too much before the window is first shown. Any other name is drawn by qtawesome,
imported on first use. qtawesome renders its font glyph on every paint (~0.7 ms per
visible row), so its icons are cached as pixmaps too.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyleOption

from gui.core.paths import resources_dir

ICONS_DIR = resources_dir() / "icons"
BUNDLED = frozenset({
    "mdi6.account-edit", "mdi6.alert-circle", "mdi6.arrow-down", "mdi6.arrow-up", "mdi6.book-open-variant",
    "mdi6.check-circle", "mdi6.check-circle-outline", "mdi6.chevron-down", "mdi6.chevron-up", "mdi6.circle",
    "mdi6.circle-half-full", "mdi6.circle-outline", "mdi6.close", "mdi6.close-circle-outline",
    "mdi6.content-save-check", "mdi6.debug-step-over", "mdi6.delete-outline", "mdi6.exit-to-app",
    "mdi6.file-export-outline", "mdi6.file-import-outline", "mdi6.filter-outline", "mdi6.folder-open-outline", "mdi6.format-list-checks", "mdi6.information-outline", "mdi6.magnify",
    "mdi6.magnify-minus-outline", "mdi6.magnify-plus-outline", "mdi6.redo", "mdi6.undo",
})
SIZES = (16, 24, 32, 48)


def _text_color() -> str:
    app = QApplication.instance()
    return app.palette().color(QPalette.ColorRole.ButtonText).name() if app is not None else "#323232"


@lru_cache(maxsize=None)
def _svg(name: str) -> str:
    return (ICONS_DIR / f"{name}.svg").read_text(encoding="utf-8")


def _bundled_pixmap(name: str, color: str, size: int) -> QPixmap:
    svg = _svg(name).replace('fill="#000000"', f'fill="{color}"', 1)
    svg = svg.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)
    pixmap = QPixmap()
    pixmap.loadFromData(svg.encode("utf-8"), "SVG")
    return pixmap


class _BundledIconEngine(QIconEngine):
    """Renders a bundled SVG at the size and in the mode asked for, once each: most
    icons (menus) are never painted, so none is rendered before it is needed."""

    def __init__(self, name: str, color: str, selected: str | None):
        super().__init__()
        self._args = (name, color, selected)
        self._pixmaps: dict[tuple[int, int], QPixmap] = {}

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        side = min(size.width(), size.height())
        key = (side, mode.value)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            name, color, selected = self._args
            pixmap = _bundled_pixmap(name, selected if selected and mode == QIcon.Mode.Selected else color, side)
            if mode == QIcon.Mode.Disabled:
                pixmap = QApplication.style().generatedIconPixmap(mode, pixmap, QStyleOption())
            self._pixmaps[key] = pixmap
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.drawPixmap(rect, self.pixmap(rect.size(), mode, state))

    def clone(self) -> QIconEngine:
        engine = _BundledIconEngine(*self._args)
        _ENGINES.append(engine)  # Qt owns the clone; keep the Python side alive with it
        return engine

    def key(self) -> str:
        return "tagdesk-bundled"


_ENGINES: list[_BundledIconEngine] = []


@lru_cache(maxsize=None)
def static_icon(name: str, color: str | None = None, selected: str | None = None) -> QIcon:
    """``name`` as qtawesome spells it (``mdi6.undo``); ``color`` defaults to the text colour;
    ``selected``: the colour on a selected row (for icons whose colour would vanish on it)."""
    if name in BUNDLED:
        engine = _BundledIconEngine(name, color or _text_color(), selected)
        _ENGINES.append(engine)
        return QIcon(engine)
    import qtawesome as qta  # only for icons not bundled, after start-up

    icon = QIcon()
    source = qta.icon(name, color=color) if color else qta.icon(name)
    for size in SIZES:
        icon.addPixmap(source.pixmap(size, size))
        if selected:
            icon.addPixmap(qta.icon(name, color=selected).pixmap(size, size), QIcon.Mode.Selected)
    return icon
