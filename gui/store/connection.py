"""Opening a database file: version check, backup, migration, pragmas."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from gui.store.errors import SchemaTooNew, StoreError
from gui.store.schema import MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    import sqlite_utils

BUSY_TIMEOUT_MS = 10_000
T = TypeVar("T")


def _read_version(path: Path) -> tuple[int, int]:
    """The schema version and the number of schema objects, read in one snapshot
    (another process may be creating the database at this moment)."""
    if not path.exists() or path.stat().st_size == 0:
        return 0, 0
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                           isolation_level=None)
    try:
        conn.execute("BEGIN")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        conn.execute("COMMIT")
        return version, objects
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise
        raise StoreError(f"{path} is not a Tagdesk database ({exc}).") from None
    finally:
        conn.close()


def backup_path(path: Path, version: int) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    return path.with_name(f"{path.stem}.v{version}-backup-{stamp}{path.suffix}")


def _backup(path: Path, version: int) -> Path:
    target = backup_path(path, version)
    src = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)  # consistent even if a WAL file holds recent commits
    finally:
        dst.close()
        src.close()
    return target


def open_database(path: Path) -> tuple[sqlite3.Connection, Path | None]:
    """Open ``path``, migrating it to the current schema.

    Returns the connection and, when an older schema was migrated, the backup made first.
    A database written by a newer Tagdesk is refused and left untouched.
    """
    path = Path(path)
    version, objects = retry_busy(path, lambda: _read_version(path))
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"{path} was written by a newer Tagdesk (schema version {version}); "
            f"this Tagdesk reads schema versions up to {SCHEMA_VERSION}. "
            "Update Tagdesk to open it."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    backup = _backup(path, version) if 0 < version < SCHEMA_VERSION else None
    if version == 0 and objects:
        # An SQLite file that is not ours (tables but no version) is not touched.
        raise StoreError(f"{path} is an SQLite file but not a Tagdesk database.")
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    try:
        retry_busy(path, lambda: _prepare(conn))
        retry_busy(path, lambda: _migrate(conn, path))
    except BaseException:
        conn.close()
        raise
    return conn, backup


def wrap(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """sqlite-utils' helpers over ``conn``, for migrations and tests. Imported here,
    not at start-up: sqlite_utils pulls numpy (~0.3 s). ``Database(conn)`` only turns
    recursive triggers on, which ``_prepare`` has already done."""
    import sqlite_utils

    return sqlite_utils.Database(conn)


def _prepare(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite_utils.Database(conn) did: REPLACE fires delete triggers
    if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        conn.execute("PRAGMA journal_mode = wal")
    conn.execute("PRAGMA synchronous = FULL")  # a committed tag survives a power cut, not only a crash


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    """One migration per transaction. The version is read again under the write
    lock: two processes opening a new database at once (the window and a command)
    must not both run the same migration."""
    db = None
    while conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:  # no lock when current
        conn.execute("BEGIN IMMEDIATE")
        try:
            number = conn.execute("PRAGMA user_version").fetchone()[0]
            if number > SCHEMA_VERSION:
                raise SchemaTooNew(f"{path} was written by a newer Tagdesk (schema version {number}).")
            if number == SCHEMA_VERSION:  # another process migrated it meanwhile
                conn.execute("COMMIT")
                return
            db = db or wrap(conn)
            MIGRATIONS[number](db)
            conn.execute(f"PRAGMA user_version = {number + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def is_busy(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


def retry_busy(path: Path, fn: Callable[[], T], seconds: float = BUSY_TIMEOUT_MS / 1000) -> T:
    """Run ``fn``, again while SQLite answers "database is locked" for up to ``seconds``.

    busy_timeout makes SQLite wait for a lock by itself, except where waiting could
    deadlock or a lock is being set up (first open of a new file, journal-mode switch,
    WAL recovery after a crash): there it answers SQLITE_BUSY at once, and the whole
    step is retried here. Still busy after ``seconds`` is a ``StoreError``.
    """
    deadline = time.monotonic() + seconds
    delay = 0.005
    while True:
        try:
            return fn()
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                raise
            if time.monotonic() >= deadline:
                raise StoreError(f"Could not write to {path}: another program keeps the database "
                                 f"busy ({exc}). Nothing was saved.") from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.1)
