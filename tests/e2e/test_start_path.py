"""Opening the window imports only what the first window needs (start-up target: <= 1.5x
a bare PySide6 window, tests/benchmarks/bench_startup.py). Run as ``python -m gui``
would, in a subprocess, quitting once the window is shown; the database it opens,
its seeds and its labels must be there as usual."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gui.cli import window_args

ROOT = Path(__file__).resolve().parents[2]
# Each is imported later, when first used: by a menu action, an icon not bundled, a
# migration, a suggester, a command. (Reading an article's pending suggestions loads the
# small gui.core.suggest package; the suggesters themselves load in a worker.)
NOT_AT_START = ("qtawesome", "qtpy", "sqlite_utils", "numpy", "spacy", "PySide6.QtCharts",
                "gui.qt.dashboard", "gui.qt.review_view", "gui.qt.search_dialog", "gui.qt.adjudication_view",
                "gui.qt.agreement_dialog", "gui.qt.merge_action", "gui.commands.corpus", "gui.core.suggest.rules",
                "gui.core.suggest.learned", "gui.core.formats", "gui.qt.export_dialog", "gui.qt.bulk_review_dialog")


def test_window_start_imports_none_of_the_heavy_modules(tmp_path):
    from gui.core.seeding import first_run
    from gui.store import Store

    db = tmp_path / "t.db"
    with Store(db) as store:  # an existing, current database: no migration at start
        first_run(store)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-X", "importtime", str(ROOT / "tests/support/quit_after_show.py"),
                           "--db", str(db)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    shown = json.loads([line for line in done.stdout.splitlines() if line.startswith("{")][-1])
    assert shown["shown"] and "Tagdesk" in shown["title"]
    imported = {m.group(1) for m in re.finditer(r"^import time:.*\|\s+(\S+)$", done.stderr, re.MULTILINE)}
    assert "gui.qt.main_window" in imported  # the check sees the app's imports
    loaded = sorted(name for name in imported if name.startswith(NOT_AT_START))
    assert loaded == []
    with Store(db) as store:
        assert len(store.article_summaries()) >= 1 and len(store.labels()) == 4


@pytest.mark.parametrize(("argv", "expected"), [
    ([], (None, [])),
    (["--db", "x.db"], (Path("x.db"), [])),
    (["--db=x.db", "-style=fusion"], (Path("x.db"), ["-style=fusion"])),
    (["list"], None),  # a command
    (["--db", "x.db", "stats", "--json"], None),
    (["--help"], None), (["-h"], None), (["--version"], None), (["--self-test"], None),
    (["--d", "x.db"], None),  # an abbreviation: argparse decides
    (["--db"], None),  # missing value: argparse says so
])
def test_only_a_plain_window_start_skips_the_full_parser(argv, expected):
    assert window_args(argv) == expected


def test_a_command_still_goes_through_the_full_parser(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "gui", "--db", str(tmp_path / "t.db"), "labels"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "CLAIM" in done.stdout
