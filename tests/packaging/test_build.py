"""The packaged app, built for real: ``python -m pytest -m packaging`` (a few minutes).

Runs packaging/build.sh (clean checkout of HEAD, fresh venv, PyInstaller), then the
frozen app's --version and --self-test, its window under Xvfb, and the Linux
tarball and install.sh. Set TAGDESK_BUILD_KEEP_VENV=1 to reuse build/venv.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from gui import __version__

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(sys.platform == "win32", reason="Windows builds with packaging/build.ps1"),
]

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
EXE = DIST / ("Tagdesk.app/Contents/MacOS/Tagdesk" if sys.platform == "darwin" else "Tagdesk/Tagdesk")


@pytest.fixture(scope="module")
def built():
    args = ["--keep-venv"] if os.environ.get("TAGDESK_BUILD_KEEP_VENV") else []
    started = time.perf_counter()
    result = subprocess.run([str(ROOT / "packaging" / "build.sh"), *args], capture_output=True, text=True,
                            timeout=3600)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    size = sum(f.stat().st_size for f in (DIST / "Tagdesk").rglob("*") if f.is_file() and not f.is_symlink())
    print(f"\nbuild: {seconds:.0f} s, dist/Tagdesk: {size / 2**20:.0f} MiB")
    return result


def frozen(*args, env=None, timeout=300):
    return subprocess.run([str(EXE), *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})})


def test_version(built):
    result = frozen("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"tagdesk {__version__}"


def test_self_test_passes_on_the_bundled_files(built, tmp_path):
    result = frozen("--self-test", env={"TAGDESK_DB": str(tmp_path / "user.db")})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(frozen," in result.stdout and "self-test passed" in result.stdout
    # resources and seeds come from inside the bundle, not from this checkout
    assert f"resources at {EXE.parent}" in result.stdout or "Contents" in result.stdout
    assert str(ROOT / "resources") not in result.stdout
    assert not (tmp_path / "user.db").exists()


def test_headless_commands_work_frozen(built, tmp_path):
    db = tmp_path / "t.db"
    assert frozen("--db", str(db), "import", "--seeds").returncode == 0
    listing = frozen("--db", str(db), "list")
    assert listing.returncode == 0 and "Petro" in listing.stdout


def test_the_bundle_holds_no_test_suites_and_only_english(built):
    internal = EXE.parent / "_internal" if sys.platform != "darwin" else EXE.parents[1] / "Frameworks"
    names = {p.name for p in internal.rglob("*")}
    assert "tests" not in {p.name for p in (internal / "spacy").iterdir()}
    assert not any(n.startswith(("libQt6WebEngine", "libQt6Quick", "libQt63D")) for n in names)
    assert not (internal / "tkinter").exists()


def test_the_bundle_holds_the_qt_modules_the_window_uses(built):
    """The dashboard draws with QtCharts; an exclude list once dropped it."""
    internal = EXE.parent / "_internal" if sys.platform != "darwin" else EXE.parents[1] / "Frameworks"
    names = {p.name for p in internal.rglob("*")}
    for module in ("QtCharts", "QtSvg", "QtWidgets"):
        assert any(n.startswith(module + ".") for n in names), module


@pytest.mark.skipif(not (shutil.which("xvfb-run") and shutil.which("xwininfo")) or sys.platform != "linux",
                    reason="needs xvfb-run and xwininfo (x11-utils)")
def test_the_frozen_app_opens_a_window_under_xvfb(built, tmp_path):
    # The main window is the one with Tagdesk's window class (Qt's helper windows have none).
    main_window = 'xwininfo -root -tree | grep \'("Tagdesk" "Tagdesk")\''
    script = (f'"{EXE}" --db "{tmp_path / "w.db"}" & pid=$!; '
              f'for i in $(seq 60); do sleep 0.5; {main_window} >/dev/null && break; done; '
              f'{main_window}; kill $pid')
    result = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "bash", "-c", script],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "xcb", "XDG_CONFIG_HOME": str(tmp_path)})
    assert '("Tagdesk" "Tagdesk")' in result.stdout, result.stdout + result.stderr
    width, height = (int(n) for n in result.stdout.split(")")[-1].split()[0].split("+")[0].split("x"))
    assert width > 400 and height > 300, result.stdout
    assert (tmp_path / "w.db").exists()  # the window opened (and seeded) its database


@pytest.mark.skipif(sys.platform != "linux", reason="Linux tarball")
def test_linux_tarball_and_install_script(built, tmp_path):
    import platform

    tarball = DIST / f"Tagdesk-{__version__}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(tarball) as tar:
        names = set(tar.getnames())
    assert {"Tagdesk/Tagdesk", "Tagdesk/install.sh", "Tagdesk/share/applications/tagdesk.desktop"} <= names

    prefix = tmp_path / "prefix"
    result = subprocess.run([str(EXE.parent / "install.sh")], env={**os.environ, "PREFIX": str(prefix)},
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    desktop = (prefix / "share/applications/tagdesk.desktop").read_text()
    assert f'Exec="{EXE}"' in desktop
    assert (prefix / "share/icons/hicolor/256x256/apps/tagdesk.png").is_file()
    assert (prefix / "bin/tagdesk").resolve() == EXE.resolve()
    subprocess.run([str(EXE.parent / "install.sh"), "--uninstall"], env={**os.environ, "PREFIX": str(prefix)},
                   check=True, capture_output=True)
    assert not (prefix / "share/applications/tagdesk.desktop").exists() and not (prefix / "bin/tagdesk").exists()


def test_windows_version_info_is_what_pyinstaller_reads(built, tmp_path):
    """build.ps1 cannot run here. PyInstaller's reader needs pefile (Windows only), so evaluate
    the text the way it does, with its class names, and check those classes exist in it."""
    import re

    path = tmp_path / "version_info.txt"
    venv_python = ROOT / "build" / "venv" / "bin" / "python"
    subprocess.run([str(venv_python), str(ROOT / "packaging" / "assets.py"), "versioninfo", str(path)], check=True,
                   capture_output=True)
    site = subprocess.run([str(venv_python), "-c", "import PyInstaller, os; print(os.path.dirname(PyInstaller.__file__))"],
                          capture_output=True, text=True, check=True).stdout.strip()
    source = (Path(site) / "utils" / "win32" / "versioninfo.py").read_text()
    text = path.read_text()
    used = set(re.findall(r"\b([A-Z][A-Za-z]+)\(", text))
    assert used and all(f"class {name}" in source for name in used), used
    calls = {}
    namespace = {name: (lambda name: lambda *a, **k: calls.setdefault(name, (a, k)))(name) for name in used}
    eval(text, namespace)  # noqa: S307 - our own generated file, as PyInstaller does
    version = tuple(int(n) for n in __version__.split(".")[:3]) + (0,)
    assert calls["FixedFileInfo"][1]["filevers"] == version
