"""Files the packaged app needs that are made from the sources at build time.

    python packaging/assets.py version            # the version, from gui/__init__.py
    python packaging/assets.py icons OUT          # PNGs 16..1024, tagdesk.ico, tagdesk.icns
    python packaging/assets.py linux OUT          # share/: .desktop, metainfo, hicolor icons
    python packaging/assets.py versioninfo OUT    # Windows version resource (text form)

Icons are rendered from resources/icon.svg with PySide6's QtSvg (no system tools),
and the .ico / .icns containers are written here with PNG payloads, so every
platform can make every icon. Only the standard library is needed at import time:
the PyInstaller spec imports this module.
"""

from __future__ import annotations

import ast
import datetime as _dt
import os
import re
import shutil
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "org.tagdesk.Tagdesk"
ICON_NAME = "tagdesk"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# .icns element types holding PNG data, by pixel size (ic10 is 512@2x).
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def read_version(root: Path = ROOT) -> str:
    """``__version__`` from gui/__init__.py, read without importing the package."""
    tree = ast.parse((root / "gui" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__version__" for t in node.targets):
            return ast.literal_eval(node.value)
    raise SystemExit("gui/__init__.py has no __version__")


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``0.10.0rc1`` -> (0, 10, 0, 0): the leading digits of each dotted part."""
    numbers = [int(re.match(r"\d*", part).group() or 0) for part in version.split(".")[:4]]
    return tuple((numbers + [0, 0, 0, 0])[:4])


# -- icons ------------------------------------------------------------------------

def render_pngs(svg: Path, out: Path, sizes=PNG_SIZES) -> dict[int, Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 - keeps Qt alive
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out / f"{ICON_NAME}-{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"could not write {path}")
        written[size] = path
    return written


def write_ico(pngs: dict[int, Path], path: Path) -> None:
    """A Windows .ico whose images are PNGs (Vista and later read them)."""
    sizes = [s for s in ICO_SIZES if s in pngs]
    blobs = [pngs[s].read_bytes() for s in sizes]
    offset = 6 + 16 * len(sizes)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    entries = b""
    for size, blob in zip(sizes, blobs):
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    path.write_bytes(header + entries + b"".join(blobs))


def write_icns(pngs: dict[int, Path], path: Path) -> None:
    """A macOS .icns whose elements are PNGs (10.7 and later)."""
    body = b""
    for size, kind in ICNS_TYPES.items():
        if size in pngs:
            blob = pngs[size].read_bytes()
            body += kind + struct.pack(">I", 8 + len(blob)) + blob
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def make_icons(out: Path, root: Path = ROOT) -> dict[str, Path]:
    pngs = render_pngs(root / "resources" / "icon.svg", out / "png")
    write_ico(pngs, out / f"{ICON_NAME}.ico")
    write_icns(pngs, out / f"{ICON_NAME}.icns")
    return {"ico": out / f"{ICON_NAME}.ico", "icns": out / f"{ICON_NAME}.icns", "png": out / "png"}


# -- Linux desktop integration ----------------------------------------------------

def release_date() -> str:
    """The build's date; SOURCE_DATE_EPOCH makes it reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc) if epoch else _dt.datetime.now(_dt.timezone.utc)
    return when.date().isoformat()


def make_linux_share(out: Path, root: Path = ROOT, pngs: Path | None = None) -> Path:
    """``out/share`` laid out as under /usr/share (or ~/.local/share)."""
    linux = root / "packaging" / "linux"
    share = out / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy2(linux / f"{ICON_NAME}.desktop", share / "applications" / f"{ICON_NAME}.desktop")
    template = (linux / f"{APP_ID}.metainfo.xml.in").read_text(encoding="utf-8")
    metainfo = template.replace("@VERSION@", read_version(root)).replace("@DATE@", release_date())
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(metainfo, encoding="utf-8")
    rendered = render_pngs(root / "resources" / "icon.svg", pngs or out / "png", HICOLOR_SIZES)
    for size, png in rendered.items():
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, target / f"{ICON_NAME}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy2(root / "resources" / "icon.svg", scalable / f"{ICON_NAME}.svg")
    return share


# -- Windows version resource ---------------------------------------------------------

def versioninfo_text(version: str) -> str:
    """The text form PyInstaller's ``EXE(version=...)`` reads (a VSVersionInfo repr)."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": "Tagdesk", "FileDescription": "Tagdesk", "FileVersion": version,
        "InternalName": "Tagdesk", "OriginalFilename": "Tagdesk.exe", "ProductName": "Tagdesk",
        "ProductVersion": version, "LegalCopyright": "MIT License",
    }
    string_structs = ",\n            ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
            {string_structs}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])]),
  ]
)
"""


def main(argv: list[str]) -> int:
    if argv[:1] == ["version"]:
        print(read_version())
    elif argv[:1] == ["icons"] and len(argv) == 2:
        for path in make_icons(Path(argv[1])).values():
            print(path)
    elif argv[:1] == ["linux"] and len(argv) == 2:
        print(make_linux_share(Path(argv[1])))
    elif argv[:1] == ["versioninfo"] and len(argv) == 2:
        Path(argv[1]).write_text(versioninfo_text(read_version()), encoding="utf-8")
        print(argv[1])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
