from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils

from gui.store import SchemaTooNew, Store, StoreError
from gui.store.schema import MIGRATIONS, SCHEMA_VERSION


def make_v1(path):
    db = sqlite_utils.Database(path)
    MIGRATIONS[0](db)
    db.execute("PRAGMA user_version = 1")
    db["labels"].insert({"name": "CLAIM", "color": "#000", "hotkey": "1", "description": "",
                         "examples": "[]", "position": 0})
    db["articles"].insert({"title": "old", "text": "An old article.", "source": "", "meta": "{}",
                           "hash": "h1", "status": "done", "created": "", "updated": ""})
    db["spans"].insert({"article_id": 1, "start": 0, "end": 2, "label": "CLAIM", "annotator": "a",
                        "origin": "manual", "created": "", "updated": ""})
    db.close()


def test_new_database_is_at_the_current_version(db_path):
    with Store(db_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.backup is None
        assert {"articles", "spans", "labels", "suggestions", "edit_log", "settings"} <= set(
            store.db.table_names())


def test_older_database_is_backed_up_then_migrated(db_path):
    make_v1(db_path)
    with Store(db_path) as store:
        assert store.backup is not None and store.backup.exists()
        assert store.backup.name.startswith("tagdesk.v1-backup-")
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [s.label for s in store.spans(1)] == ["CLAIM"]
        assert "suggestions" in store.db.table_names()
    backup = sqlite3.connect(store.backup)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT count(*) FROM spans").fetchone()[0] == 1
    assert "suggestions" not in {r[0] for r in backup.execute("SELECT name FROM sqlite_master")}
    backup.close()


def test_newer_database_is_refused_and_left_untouched(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE future(x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(SchemaTooNew, match=f"schema version {SCHEMA_VERSION + 5}"):
        Store(db_path)
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*backup*"))


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError, match="not a Tagdesk database"):
        Store(bogus)
    assert bogus.read_text().startswith("this is not sqlite")


def test_someone_elses_sqlite_file_is_refused(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE customers(id)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a Tagdesk database"):
        Store(other)
