"""The baseline for start-up and memory: a bare PySide6 main window, shown, then
quit at once. Prints the same JSON line as quit_after_show.py."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.support.procinfo import inet_sockets, rss_kb  # noqa: E402

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()


def report_when_shown() -> None:
    handle = window.windowHandle()
    if not (handle is not None and handle.isExposed()):
        QTimer.singleShot(5, report_when_shown)
        return
    print(json.dumps({"shown": True, "rss_kb": rss_kb(), "peak_rss_kb": rss_kb("VmHWM"),
                      "inet_sockets": inet_sockets()}), flush=True)
    app.quit()


QTimer.singleShot(0, report_when_shown)
raise SystemExit(app.exec())
