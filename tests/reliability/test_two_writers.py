"""Two processes at once on one database: nothing acknowledged is lost, and a busy
database is waited for, not reported as a lost edit."""

from __future__ import annotations

import subprocess
import sys

from gui.core.edits import AddSpan, perform
from gui.core.model import Span
from gui.store import Store
from gui.store.schema import SCHEMA_VERSION
from tests.reliability.conftest import HERE, start_worker
from tests.reliability.journal import (
    Acknowledged,
    connect,
    integrity_problems,
    read_messages,
    replay_problems,
)


def test_two_writers_tagging_at_once_lose_nothing(tagged_db, tmp_path):
    db, (a1, a2, a3, shared) = tagged_db
    outs = [tmp_path / "w1.jsonl", tmp_path / "w2.jsonl"]
    procs = [start_worker(db, outs[0], [a1, a2], shared=shared, seconds=3, seed=1, name="w1"),
             start_worker(db, outs[1], [a3], shared=shared, seconds=3, seed=2, name="w2")]
    for proc in procs:
        assert proc.wait(timeout=120) == 0, proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
    expected = Acknowledged()
    for out in outs:
        messages = read_messages(out)
        assert [m for m in messages if "error" in m or "crash" in m] == [], out.name
        assert messages and messages[-1] == {"finished": True}, (out.name, messages[-3:])
        for msg in messages:
            expected.apply(msg)
    shared_adds = [m for out in outs for m in read_messages(out)
                   if m.get("ack") == "perform" and m["article"] == shared]
    assert {m["log"] for m in shared_adds}, "the writers never met on the shared article"
    conn = connect(db)
    try:
        assert integrity_problems(conn) == []
        assert replay_problems(conn) == []
        assert expected.problems(conn, in_flight=None) == []
        annotators = {r[0] for r in conn.execute("SELECT annotator FROM spans WHERE article_id = ?", (shared,))}
        assert annotators == {"w1", "w2"}, "both writers' spans are on the shared article"
    finally:
        conn.close()


HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE settings SET value = value WHERE key = 'x'")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
print("releasing", flush=True)
conn.execute("COMMIT")
"""


def test_an_edit_waits_for_a_busy_database_instead_of_failing(tagged_db, tmp_path):
    db, articles = tagged_db
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db), "1.5"],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    with Store(db) as store:
        edit = AddSpan(articles[0], Span(articles[0], 0, 7, "CLAIM"))
        log_id = perform(store, edit)  # blocks until the other process commits
        assert holder.stdout.readline().strip() == "releasing"  # so it did wait for it
        assert store.span(edit.span.id).label == "CLAIM"
        assert store.edit_history(articles[0])[-1][0] == log_id
    holder.wait(timeout=30)
    holder.stdout.close()


def test_processes_creating_the_same_new_database_at_once_all_open_it(tmp_path):
    """The window and a command started together on a new file: every one opens it,
    no migration runs twice (it used to fail with 'table settings already exists')."""
    for attempt in range(2):
        db, go = tmp_path / f"new{attempt}.db", tmp_path / f"go{attempt}"
        procs = [subprocess.Popen([sys.executable, str(HERE / "open_worker.py"), str(db), str(go)],
                                  stdout=subprocess.PIPE, text=True) for _ in range(4)]
        for proc in procs:
            assert proc.stdout.readline().strip() == "ready"
        go.touch()
        results = [proc.communicate(timeout=60)[0].strip() for proc in procs]
        assert results == ["opened"] * 4, f"attempt {attempt}: {results}"
        conn = connect(db)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT count(*) FROM labels").fetchone()[0] == 4
        conn.close()
