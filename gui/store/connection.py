"""Opening a database file: version check, backup, migration, pragmas."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from gui.store.errors import SchemaTooNew, StoreError
from gui.store.schema import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 10_000


def _read_version(path: Path) -> int:
    if not path.exists() or path.stat().st_size == 0:
        return 0
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
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


def open_database(path: Path) -> tuple[sqlite_utils.Database, Path | None]:
    """Open ``path``, migrating it to the current schema.

    Returns the database and, when an older schema was migrated, the backup made first.
    A database written by a newer Tagdesk is refused and left untouched.
    """
    path = Path(path)
    version = _read_version(path)
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"{path} was written by a newer Tagdesk (schema version {version}); "
            f"this Tagdesk reads schema versions up to {SCHEMA_VERSION}. "
            "Update Tagdesk to open it."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    backup = _backup(path, version) if 0 < version < SCHEMA_VERSION else None
    if backup is None and version == 0 and path.exists() and path.stat().st_size:
        # An SQLite file that is not ours (tables but no version) is not touched.
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = probe.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            probe.close()
        if tables:
            raise StoreError(f"{path} is an SQLite file but not a Tagdesk database.")
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    db = sqlite_utils.Database(conn)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if db.journal_mode != "wal":
        db.enable_wal()
    db.execute("PRAGMA synchronous = FULL")  # a committed tag survives a power cut, not only a crash
    for number in range(version, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number](db)
            conn.execute(f"PRAGMA user_version = {number + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return db, backup
