"""Reading another editor's Tagdesk database without changing it (for ``tagdesk merge``).

The file is opened read-only (``mode=ro``): it is not migrated, not backed up, not
touched. Any schema version this Tagdesk knows is read; the columns merge needs have
been there since version 1.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from gui.core.model import Label, Span
from gui.store.connection import _read_version
from gui.store.errors import SchemaTooNew, StoreError
from gui.store.schema import SCHEMA_VERSION


@dataclass
class OtherArticle:
    title: str
    text: str
    source: str
    meta: dict
    status: str
    spans: list[Span] = field(default_factory=list)


class OtherDatabase:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(f"{self.path} does not exist.")
        version, _objects = _read_version(self.path)
        if version == 0:
            raise StoreError(f"{self.path} is not a Tagdesk database.")
        if version > SCHEMA_VERSION:
            raise SchemaTooNew(f"{self.path} was written by a newer Tagdesk (schema version {version}); "
                               "update Tagdesk to merge it.")
        self.conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> OtherDatabase:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _query(self, sql: str, params=()):
        try:
            return self.conn.execute(sql, params)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"Could not read {self.path}: {exc}.") from None

    def labels(self) -> list[Label]:
        rows = self._query("SELECT name, color, hotkey, description, examples, position FROM labels")
        return [Label(r[0], r[1] or "#888888", r[2] or "", r[3] or "", tuple(json.loads(r[4] or "[]")),
                      r[5] or 0) for r in rows]

    def article_count(self) -> int:
        return self._query("SELECT count(*) FROM articles").fetchone()[0]

    def articles(self) -> Iterator[OtherArticle]:
        """Every article with its spans (article ids are this file's own, so spans carry id 0)."""
        rows = self._query("SELECT id, title, text, source, meta, status FROM articles ORDER BY id").fetchall()
        for aid, title, text, source, meta, status in rows:
            spans = [Span(0, r[0], r[1], r[2], annotator=r[3] or "", origin=r[4] or "", created=r[5] or "")
                     for r in self._query('SELECT start, "end", label, annotator, origin, created FROM spans '
                                          'WHERE article_id = ? ORDER BY start, "end", id', (aid,))]
            yield OtherArticle(title, text, source or "", json.loads(meta or "{}"), status or "todo", spans)
