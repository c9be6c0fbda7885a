"""Write the icons the window shows at start-up as small SVG files in resources/icons/,
traced from qtawesome's Material Design Icons 6 font (Apache 2.0 / Pictogrammers
licence), so that start-up does not import qtawesome + qtpy (~0.4 s).

Run again after adding a name to ``gui.qt.icons.BUNDLED``:
``python tools/make_icons.py``
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QPainterPath, QRawFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gui.qt.icons import BUNDLED, ICONS_DIR  # noqa: E402

EM = 1000.0  # font units per em used for tracing; the SVG viewBox is one em square


def svg_path(path: QPainterPath) -> str:
    out, i, n = [], 0, path.elementCount()
    while i < n:
        e = path.elementAt(i)
        if e.isMoveTo():
            out.append(f"M{e.x:.1f} {e.y:.1f}")
            i += 1
        elif e.isLineTo():
            out.append(f"L{e.x:.1f} {e.y:.1f}")
            i += 1
        else:  # CurveTo + two CurveToData
            c2, end = path.elementAt(i + 1), path.elementAt(i + 2)
            out.append(f"C{e.x:.1f} {e.y:.1f} {c2.x:.1f} {c2.y:.1f} {end.x:.1f} {end.y:.1f}")
            i += 3
    return "".join(out) + "Z"


def main() -> None:
    import qtawesome

    fonts = Path(qtawesome.__file__).parent / "fonts"
    ttf = next(fonts.glob("materialdesignicons6-webfont-*.ttf"))
    charmap = json.loads(next(fonts.glob("materialdesignicons6-webfont-charmap-*.json")).read_text())
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (QRawFont needs it)
    font = QRawFont(str(ttf), EM)
    ascent = font.ascent()
    ICONS_DIR.mkdir(parents=True, exist_ok=True)
    for name in sorted({n for n in BUNDLED}):
        code = int(charmap[name.removeprefix("mdi6.")], 16)
        glyph = font.glyphIndexesForString(chr(code))[0]
        path = font.pathForGlyph(glyph)
        d = svg_path(path.translated(0, ascent))  # baseline -> top of the em square
        advance = font.advancesForGlyphIndexes([glyph])[0].x()
        height = ascent + font.descent()
        box = f"0 {(height - advance) / 2:.0f} {advance:.0f} {advance:.0f}"  # square, glyph centred
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{box}">'
               f'<path fill="#000000" fill-rule="nonzero" d="{d}"/></svg>\n')
        (ICONS_DIR / f"{name}.svg").write_text(svg)
        print(name, len(svg))


if __name__ == "__main__":
    main()
