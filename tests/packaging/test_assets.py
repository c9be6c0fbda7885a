"""Files made at build time from the sources: icons, Linux desktop files, version."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from gui import __version__

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import assets  # noqa: E402


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def icons(tmp_path_factory):
    out = tmp_path_factory.mktemp("icons")
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "assets.py"), "icons", str(out)],
                            capture_output=True, text=True, env={"QT_QPA_PLATFORM": "offscreen",
                                                                 "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    return out


def test_the_version_is_read_from_gui_init():
    assert assets.read_version() == __version__
    assert assets.version_tuple("1.2.3") == (1, 2, 3, 0)
    assert assets.version_tuple("0.10.0rc1") == (0, 10, 0, 0)


def test_pngs_are_rendered_at_every_size_and_are_not_blank(icons):
    for size in assets.PNG_SIZES:
        data = (icons / "png" / f"tagdesk-{size}.png").read_bytes()
        assert png_size(data) == (size, size)
    from PySide6.QtGui import QImage

    image = QImage(str(icons / "png" / "tagdesk-256.png"))
    assert image.pixelColor(0, 0).alpha() == 0  # rounded corner: transparent
    assert image.pixelColor(128, 128).name() != image.pixelColor(0, 0).name()


def test_ico_holds_png_images_up_to_256(icons):
    data = (icons / "tagdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(assets.ICO_SIZES))
    for i, size in enumerate(assets.ICO_SIZES):
        w, h, _, _, planes, bpp, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i: 22 + 16 * i])
        assert (w or 256, h or 256, bpp) == (size, size, 32)
        assert png_size(data[offset:offset + length]) == (size, size)


def test_icns_holds_png_elements_whose_lengths_add_up(icons):
    data = (icons / "tagdesk.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    found, pos = {}, 8
    while pos < len(data):
        kind, length = data[pos:pos + 4], struct.unpack(">I", data[pos + 4:pos + 8])[0]
        found[kind] = png_size(data[pos + 8:pos + length])
        pos += length
    assert pos == len(data)
    assert found == {kind: (size, size) for size, kind in assets.ICNS_TYPES.items()}


@pytest.fixture(scope="module")
def share(tmp_path_factory):
    out = tmp_path_factory.mktemp("linux")
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "assets.py"), "linux", str(out)],
                            capture_output=True, text=True, env={"QT_QPA_PLATFORM": "offscreen",
                                                                 "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    return out / "share"


def test_linux_share_has_desktop_file_metainfo_and_hicolor_icons(share):
    desktop = (share / "applications" / "tagdesk.desktop").read_text()
    assert "Exec=tagdesk" in desktop and "Icon=tagdesk" in desktop
    for size in assets.HICOLOR_SIZES:
        png = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "tagdesk.png"
        assert png_size(png.read_bytes()) == (size, size)
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "tagdesk.svg").is_file()
    root = ElementTree.parse(share / "metainfo" / f"{assets.APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == assets.APP_ID
    assert root.find("launchable").text == "tagdesk.desktop"
    assert root.find("releases/release").get("version") == __version__
    assert "@" not in (share / "metainfo" / f"{assets.APP_ID}.metainfo.xml").read_text()


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="apt-get install desktop-file-utils")
def test_desktop_file_validates(share):
    result = subprocess.run(["desktop-file-validate", str(share / "applications" / "tagdesk.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stdout.lower(), result.stdout


@pytest.mark.skipif(not (shutil.which("appstreamcli") or shutil.which("appstream-util")),
                    reason="apt-get install appstream (or appstream-util)")
def test_metainfo_validates(share):
    path = str(share / "metainfo" / f"{assets.APP_ID}.metainfo.xml")
    if shutil.which("appstreamcli"):
        cmd = ["appstreamcli", "validate", "--no-net", path]
    else:
        cmd = ["appstream-util", "validate-relax", "--nonet", path]
    result = subprocess.run(cmd, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_windows_version_info_carries_the_version():
    text = assets.versioninfo_text("1.2.3")
    assert "filevers=(1, 2, 3, 0)" in text and "StringStruct('ProductVersion', '1.2.3')" in text
    compile(text, "version_info.txt", "eval")  # PyInstaller evaluates it as Python
