"""Running the app and a bare PySide6 window as processes that quit once shown
(tests/support/quit_after_show.py, bare_window.py), for start-up and memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = [str(ROOT / "tests" / "support" / "quit_after_show.py")]  # = python -m gui, quitting when shown
BARE = [str(ROOT / "tests" / "support" / "bare_window.py")]


def env() -> dict:
    """As an installed app runs: with bytecode caches. A shell with PYTHONDONTWRITEBYTECODE
    set would make every start compile Tagdesk's ~50 modules again (~0.1-0.2 s), which no
    installed copy does (pip compiles on install); the warm-up run writes the caches, in a
    temporary folder so that the checkout stays clean."""
    home = Path(tempfile.mkdtemp(prefix="bench-home-"))
    environment = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
                   "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(home / "pycache")}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def run_shown(args: list[str], environment: dict) -> tuple[float, dict]:
    """Wall time from process start to exit (it quits as soon as its window is shown),
    and the JSON line it printed when shown."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=environment,
                          cwd=ROOT, timeout=300)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{args[0]} exited {done.returncode}: {done.stderr[-1500:]}")
    report = json.loads([line for line in done.stdout.splitlines() if line.startswith("{")][-1])
    return elapsed, report
