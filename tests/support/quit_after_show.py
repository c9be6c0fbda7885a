"""Start Tagdesk exactly as ``python -m gui [args]`` does, and quit as soon as the
main window is shown (exposed). Prints one JSON line: the resident memory then and
the network sockets the process holds. Used by the no-network test and the start-up
and memory benchmarks; gui/ needs no hook for it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import gui.qt.app as app_module  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.support.procinfo import inet_sockets, rss_kb  # noqa: E402

_open_main_window = app_module.open_main_window


def _report_when_shown(window) -> None:
    handle = window.windowHandle()
    if not (window.isVisible() and handle is not None and handle.isExposed()):
        QTimer.singleShot(5, lambda: _report_when_shown(window))
        return
    print(json.dumps({"shown": True, "title": window.windowTitle(), "rss_kb": rss_kb(),
                      "peak_rss_kb": rss_kb("VmHWM"), "inet_sockets": inet_sockets()}), flush=True)
    QApplication.instance().quit()


def open_and_quit_when_shown(db_path):
    window = _open_main_window(db_path)
    QTimer.singleShot(0, lambda: _report_when_shown(window))
    return window


app_module.open_main_window = open_and_quit_when_shown

from gui.cli import main  # noqa: E402

raise SystemExit(main(sys.argv[1:]))
