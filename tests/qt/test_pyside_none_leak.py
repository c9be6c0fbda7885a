"""PySide6 6.12.0 drops a reference to None on every call that returns None and
aborts the interpreter after ~5,000 calls. Run the pattern in a subprocess so a
future bump of the pin is checked, not trusted."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = """
from PySide6.QtWidgets import QApplication, QPlainTextEdit
app = QApplication([])
w = QPlainTextEdit()
for _ in range(20_000):
    w.setExtraSelections([])
print("survived")
"""


def test_20000_calls_returning_none_do_not_abort():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"
