"""The headless command line, run as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def tagdesk(*args, db=None, env=None):
    cmd = [sys.executable, "-m", "gui"]
    if db is not None:
        cmd += ["--db", str(db)]
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(cmd + list(args), capture_output=True, text=True, env=full_env, timeout=120)


def test_version():
    from gui import __version__

    result = tagdesk("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"tagdesk {__version__}"


def test_import_list_stats_labels(tmp_path):
    db = tmp_path / "t.db"
    (tmp_path / "a.txt").write_text("Strike warning\n\nTrump said 30 strikes would start.")
    result = tagdesk("import", "--seeds", str(tmp_path / "a.txt"), db=db)
    assert result.returncode == 0, result.stderr
    assert "1 article(s) added" in result.stdout and "2 seed article(s) added" in result.stdout

    listing = json.loads(tagdesk("list", "--json", db=db).stdout)
    assert [a["title"] for a in listing][-1] == "Strike warning"
    assert len(listing) == 3

    stats = json.loads(tagdesk("stats", "--json", db=db).stdout)
    assert stats["articles"] == 3 and stats["articles_by_status"] == {"todo": 3}

    labels = tagdesk("labels", db=db).stdout
    assert [line.split()[1] for line in labels.splitlines()] == ["CLAIM", "THREAT", "DENIAL", "STATISTIC"]


def test_tagdesk_db_environment_variable(tmp_path):
    db = tmp_path / "env.db"
    (tmp_path / "a.txt").write_text("Some article.")
    assert tagdesk("import", str(tmp_path / "a.txt"), env={"TAGDESK_DB": str(db)}).returncode == 0
    assert db.exists()


def test_errors_are_one_line_on_stderr_with_exit_2(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    result = tagdesk("import", str(bad), db=tmp_path / "t.db")
    assert result.returncode == 2
    assert "bad.txt" in result.stderr and "Traceback" not in result.stderr

    future = tmp_path / "future.db"
    import sqlite3

    conn = sqlite3.connect(future)
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    result = tagdesk("list", db=future)
    assert result.returncode == 2
    assert "newer Tagdesk" in result.stderr and "Traceback" not in result.stderr
