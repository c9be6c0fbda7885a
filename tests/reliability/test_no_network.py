"""Tagdesk works offline: starting the window, importing and every command make no
network connection. In this process the socket calls are guarded; child processes
get the same guard through a sitecustomize on PYTHONPATH (netguard/), and the
window's process is also checked for TCP/UDP sockets below Python (Qt, C code)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from gui.cli import build_parser
from gui.cli import main as cli
from gui.commands import COMMANDS
from tests.support.procinfo import inet_sockets

ROOT = Path(__file__).resolve().parents[2]
NETGUARD = Path(__file__).resolve().parent / "netguard"


@pytest.fixture
def network_attempts(monkeypatch) -> list[str]:
    """Every attempt to reach the network from this process, refused and recorded."""
    attempts: list[str] = []

    def refuse(what):
        attempts.append(what)
        raise OSError(f"network access blocked by the test: {what}")

    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            refuse(f"connect {address}")
        return real_connect(self, address)

    def connect_ex(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            refuse(f"connect_ex {address}")
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: refuse(f"getaddrinfo {a[:2]}"))
    monkeypatch.setattr(socket, "gethostbyname", lambda *a, **k: refuse(f"gethostbyname {a[:1]}"))
    return attempts


def test_the_guard_catches_a_connection(network_attempts):
    with pytest.raises(OSError, match="blocked"):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    assert network_attempts


def test_window_start_and_import_make_no_connection(network_attempts, qtbot, tmp_path):
    from gui.core.importer import import_paths
    from gui.qt.app import make_application, open_main_window

    make_application()
    window = open_main_window(tmp_path / "offline.db")
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Union leaders warned of a strike on Monday.")
    before = window.store.article_count()  # the seed articles
    report = import_paths(window.store, [corpus])
    window.reload_articles()
    qtbot.wait(50)
    assert report.added == 1 and window.store.article_count() == before + 1
    assert network_attempts == []
    assert inet_sockets() == []
    window.store.close()


def test_every_command_makes_no_connection(network_attempts, tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    (tmp_path / "b.md").write_text("# Denial\n\nThe ministry denied the figures.")
    assert cli(["--db", db, "import", "--seeds", str(tmp_path / "b.md")]) == 0
    for argv in (["list", "--json"], ["stats", "--json"], ["labels"]):
        assert cli(["--db", db, *argv]) == 0
    for name in COMMANDS:  # commands added later at least build and show their help offline
        with pytest.raises(SystemExit) as exit_:
            build_parser().parse_args([name, "--help"])
        assert exit_.value.code == 0
    capsys.readouterr()
    assert network_attempts == []


def _run_guarded(args: list[str], tmp_path: Path, log: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(NETGUARD), str(ROOT)]),
           "TAGDESK_NETGUARD_LOG": str(log), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120)


def test_the_subprocess_guard_fails_loudly(tmp_path):
    log = tmp_path / "net.log"
    done = _run_guarded(["-c", "import socket; socket.create_connection(('192.0.2.1', 80), timeout=1)"],
                        tmp_path, log)
    assert done.returncode != 0 and "NETWORK ACCESS BLOCKED" in done.stderr
    assert "192.0.2.1" in log.read_text()


def test_the_app_processes_make_no_connection(tmp_path):
    log = tmp_path / "net.log"
    db = str(tmp_path / "proc.db")
    (tmp_path / "c.txt").write_text("Prices rose 12% last year, the minister said.")
    for args in (["-m", "gui", "--db", db, "import", "--seeds", str(tmp_path / "c.txt")],
                 ["-m", "gui", "--db", db, "stats"],
                 [str(ROOT / "tests" / "support" / "quit_after_show.py"), "--db", db]):
        done = _run_guarded(args, tmp_path, log)
        assert done.returncode == 0, (args, done.stderr[-2000:])
        assert "NETWORK ACCESS BLOCKED" not in done.stderr
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["shown"] and shown["inet_sockets"] == []
    assert not log.exists(), log.read_text()
