"""retry_busy: what SQLite answers with an immediate SQLITE_BUSY is tried again."""

from __future__ import annotations

import sqlite3

import pytest

from gui.store import StoreError
from gui.store.connection import retry_busy


def test_busy_is_retried_until_it_succeeds(tmp_path):
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise sqlite3.OperationalError("database is locked")
        return "done"

    assert retry_busy(tmp_path / "t.db", flaky) == "done"
    assert len(calls) == 3


def test_other_errors_are_not_retried(tmp_path):
    calls = []

    def broken():
        calls.append(1)
        raise sqlite3.OperationalError("no such table: spans")

    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        retry_busy(tmp_path / "t.db", broken)
    assert len(calls) == 1


def test_busy_for_too_long_is_a_store_error_naming_the_file(tmp_path):
    # A real lock held by another connection, and a connection that does not wait for it.
    path = tmp_path / "t.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t(x)")
    holder.execute("BEGIN IMMEDIATE")
    impatient = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        with pytest.raises(StoreError, match=r"t\.db.*Nothing was saved"):
            retry_busy(path, lambda: impatient.execute("BEGIN IMMEDIATE"), seconds=0.05)
    finally:
        impatient.close()
        holder.execute("ROLLBACK")
        holder.close()
