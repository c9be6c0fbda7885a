"""Databases of every older schema version (tests/fixtures/schema_vN.db) migrate,
with a backup left beside them; a database from a newer Tagdesk is refused and left
untouched, by the store and by the command line."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from gui.cli import main as cli
from gui.core.edits import AddSpan, perform, undo
from gui.core.model import Span, SpanMark
from gui.store import SchemaTooNew, Store
from gui.store.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def sql_dump(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_an_older_database_migrates_with_a_backup_beside_it(tmp_path, version):
    fixture = FIXTURES / f"schema_v{version}.db"
    assert fixture.exists(), (f"no fixture for schema version {version}: "
                              "run python tests/fixtures/make_schema_fixtures.py and commit it")
    db = tmp_path / "newsroom.db"
    shutil.copy(fixture, db)
    original = sql_dump(db)
    articles = rows(db, "SELECT id, title, text, status FROM articles ORDER BY id")
    spans = rows(db, 'SELECT id, article_id, start, "end", label FROM spans ORDER BY id')

    with Store(db) as store:
        assert store.backup is not None and store.backup.parent == tmp_path
        assert store.backup.name.startswith(f"newsroom.v{version}-backup-")
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [(a.id, a.title, a.text, a.status.value)
                for a in (store.article(i) for i, *_ in articles)] == articles
        assert sorted((s.id, s.article_id, s.start, s.end, s.label)
                      for a, *_ in articles for s in store.spans(a)) == spans
        assert [s.length for s in store.article_summaries()] == [len(text) for _, _, text, _ in articles]
        assert store.conn.execute("SELECT count(*) FROM articles WHERE length IS NULL").fetchone()[0] == 0
        assert [store.span_marks(a) for a, *_ in articles] == [
            [SpanMark.of(s) for s in store.spans(a)] for a, *_ in articles]
        # The migrated database takes new edits, and undo puts it back.
        edit = AddSpan(1, Span(1, 0, 5, "CLAIM"))
        log_id = perform(store, edit)
        assert edit.span.id > max(s[0] for s in spans)
        undo(store, edit, log_id)
        backup = store.backup
    assert sql_dump(backup) == original  # the backup is the old database, as it was
    assert {p.name for p in tmp_path.iterdir()} >= {"newsroom.db", backup.name}


def test_the_command_line_migrates_and_says_where_the_backup_is(tmp_path, capsys):
    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema_v1.db", db)
    assert cli(["--db", str(db), "stats", "--json"]) == 0
    out = capsys.readouterr()
    assert '"articles": 2' in out.out
    assert "old.v1-backup-" in out.err
    assert list(tmp_path.glob("old.v1-backup-*.db"))


def _future_database(tmp_path: Path) -> Path:
    db = tmp_path / "future.db"
    shutil.copy(FIXTURES / "schema_v1.db", db)
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    return db


def test_a_future_database_is_refused_and_left_untouched(tmp_path):
    db = _future_database(tmp_path)
    before = db.read_bytes()
    with pytest.raises(SchemaTooNew, match=rf"newer Tagdesk \(schema version {SCHEMA_VERSION + 1}\)"):
        Store(db)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.db"]  # no backup, no -wal, no -shm


def test_the_command_line_refuses_a_future_database_with_a_message(tmp_path, capsys):
    db = _future_database(tmp_path)
    before = db.read_bytes()
    assert cli(["--db", str(db), "import", str(FIXTURES / "make_schema_fixtures.py")]) == 2
    err = capsys.readouterr().err
    assert "future.db" in err and "newer Tagdesk" in err and "Traceback" not in err
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.db"]
