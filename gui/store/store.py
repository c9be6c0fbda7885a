"""``Store``: every read and write of Tagdesk data goes through here.

Each public write runs in one ``BEGIN IMMEDIATE`` transaction that is committed
before the method returns; calls nested inside ``transaction()`` share it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import cached_property, partial
from pathlib import Path

from gui.core.model import Article, ArticleSummary, Label, Span, SpanMark, Status, content_hash
from gui.store.connection import open_database, wrap
from gui.store.errors import DuplicateArticle, InvalidSpan, StoreError, UnknownLabel
from gui.store.schema import sort_key
from gui.store.suggestions import SuggestionStore


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _span(row) -> Span:
    return Span(
        id=row[0], article_id=row[1], start=row[2], end=row[3], label=row[4],
        annotator=row[5] or "", origin=row[6] or "", created=row[7] or "", updated=row[8] or "",
    )


_SPAN_COLUMNS = 'id, article_id, start, "end", label, annotator, origin, created, updated'


_new_mark = partial(tuple.__new__, SpanMark)


def spans_of_rows(rows) -> list[Span]:
    """``_span`` for many rows of ``_SPAN_COLUMNS``, ~3x faster: a frozen dataclass's
    ``__init__`` sets each field through ``object.__setattr__``; here each new instance's
    ``__dict__`` is filled in one call. Equal in every way to ``Span(...)`` (Span has no
    ``__post_init__`` nor slots: tests/store/test_span_loading.py checks both)."""
    new, out = object.__new__, []
    append = out.append
    for id_, article_id, start, end, label, annotator, origin, created, updated in rows:
        span = new(Span)
        span.__dict__.update(article_id=article_id, start=start, end=end, label=label,
                             annotator=annotator or "", origin=origin or "", id=id_,
                             created=created or "", updated=updated or "")
        append(span)
    return out


class Store(SuggestionStore):
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.conn, self.backup = open_database(self.path)
        self._savepoints = 0
        self._texts: dict[int, tuple[str, str]] = {}  # article id -> (hash, text), for _sort_key

    @cached_property
    def db(self):
        """sqlite-utils over the same connection, made on first use (it imports numpy)."""
        return wrap(self.conn)

    @classmethod
    def open(cls, path: str | Path) -> Store:
        return cls(path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """One atomic unit of work. Nested calls become savepoints of the outer one.

        SQLite errors (a locked database, a full disk) come out as ``StoreError``
        naming the file, and nothing of the unit is kept.
        """
        if self.conn.in_transaction:
            self._savepoints += 1
            name = f"nested_{self._savepoints}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:  # a RAISE(ROLLBACK) may have ended it already
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"Could not write to {self.path}: {exc}.") from exc
        try:
            yield self
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self._rollback()
            raise StoreError(f"Could not write to {self.path}: {exc}. Nothing was saved.") from exc
        except BaseException:
            self._rollback()
            raise

    @contextmanager
    def _one_statement(self) -> Iterator[Store]:
        """For a write of a single statement, atomic by itself: inside a transaction it
        needs no savepoint of its own (two statements more per row; import writes a
        row per file, tests/benchmarks/bench_import.py)."""
        if self.conn.in_transaction:
            yield self
        else:
            with self.transaction():
                yield self

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def _one(self, sql: str, params: Iterable = ()):
        return self.conn.execute(sql, tuple(params)).fetchone()

    # -- settings -----------------------------------------------------------------

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self._one("SELECT value FROM settings WHERE key = ?", (key,))
        return default if row is None else row[0]

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- labels -------------------------------------------------------------------

    def labels(self) -> list[Label]:
        rows = self.conn.execute(
            "SELECT name, color, hotkey, description, examples, position FROM labels "
            "ORDER BY position, name"
        )
        return [
            Label(name=r[0], color=r[1] or "#888888", hotkey=r[2] or "", description=r[3] or "",
                  examples=tuple(json.loads(r[4] or "[]")), position=r[5] or 0)
            for r in rows
        ]

    def label_names(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT name FROM labels")}

    def upsert_label(self, label: Label) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO labels (name, color, hotkey, description, examples, position) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET color = excluded.color, "
                "hotkey = excluded.hotkey, description = excluded.description, "
                "examples = excluded.examples, position = excluded.position",
                (label.name, label.color, label.hotkey, label.description,
                 json.dumps(list(label.examples)), label.position))

    def ensure_labels(self, labels: Iterable[Label]) -> list[str]:
        """Add the labels that are missing; returns the names added."""
        existing = self.label_names()
        added = []
        with self.transaction():
            for label in labels:
                if label.name not in existing:
                    self.upsert_label(label)
                    added.append(label.name)
        return added

    # -- articles -----------------------------------------------------------------

    def add_article(self, text: str, title: str, source: str = "", meta: dict | None = None) -> int:
        """Insert an article; raises ``DuplicateArticle`` when the same text is stored."""
        digest = content_hash(text)
        existing = self.article_id_by_hash(digest)
        if existing is not None:
            raise DuplicateArticle(f"“{title}” is already in the database (article {existing}).", existing)
        stamp = now()
        with self._one_statement():
            cur = self.conn.execute(
                "INSERT INTO articles(title, text, source, meta, hash, status, created, updated, length) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (title, text, source, json.dumps(meta or {}), digest, Status.TODO.value, stamp, stamp, len(text)),
            )
        return cur.lastrowid

    def article_id_by_hash(self, digest: str) -> int | None:
        row = self._one("SELECT id FROM articles WHERE hash = ?", (digest,))
        return None if row is None else row[0]

    def article(self, article_id: int) -> Article:
        row = self._one(
            "SELECT id, title, text, source, meta, hash, status, created, updated "
            "FROM articles WHERE id = ?", (article_id,))
        if row is None:
            raise StoreError(f"There is no article {article_id}.")
        return Article(id=row[0], title=row[1], text=row[2], source=row[3] or "",
                       meta=json.loads(row[4] or "{}"), hash=row[5], status=Status(row[6]),
                       created=row[7] or "", updated=row[8] or "")

    def article_summaries(self, status: Status | None = None) -> list[ArticleSummary]:
        sql = ("SELECT a.id, a.title, a.status, "
               "(SELECT count(*) FROM spans s WHERE s.article_id = a.id), coalesce(a.length, length(a.text)) "
               "FROM articles a")
        params: tuple = ()
        if status is not None:
            sql += " WHERE a.status = ?"
            params = (Status(status).value,)
        rows = self.conn.execute(sql + " ORDER BY a.id", params)
        return [ArticleSummary(r[0], r[1], Status(r[2]), r[3], r[4]) for r in rows]

    def article_count(self) -> int:
        return self._one("SELECT count(*) FROM articles")[0]

    def set_status(self, article_id: int, status: Status) -> None:
        status = Status(status)
        with self.transaction():
            cur = self.conn.execute("UPDATE articles SET status = ?, updated = ? WHERE id = ?",
                                    (status.value, now(), article_id))
            if cur.rowcount == 0:
                raise StoreError(f"There is no article {article_id}.")

    def delete_article(self, article_id: int) -> Article:
        """Remove an article with its spans, suggestions and edit history (one transaction)."""
        article = self.article(article_id)
        with self.transaction():
            for table in ("spans", "suggestions", "edit_log"):
                self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return article

    def _article_length(self, article_id: int) -> int:
        row = self._one("SELECT coalesce(length, length(text)) FROM articles WHERE id = ?", (article_id,))
        if row is None:
            raise InvalidSpan(f"There is no article {article_id}.")
        return row[0]

    # -- spans --------------------------------------------------------------------

    def _validate(self, article_id: int, start: int, end: int, label: str) -> None:
        length = self._article_length(article_id)
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length):
            raise InvalidSpan(
                f"A span must satisfy 0 ≤ start < end ≤ {length} (the article's length); "
                f"got start={start}, end={end}.")
        if label not in self.label_names():
            raise UnknownLabel(f"There is no label “{label}”.")

    def _sort_key(self, article_id: int, start: int, end: int) -> str:
        """The span's ``sort_key``, cut from the article's text read once per article (and
        content hash). Left to the trigger, ``substr`` walks the text up to the span on
        every write: ~0.3 ms at the end of a 300 KB article, per span of a bulk add."""
        digest = self._one("SELECT hash FROM articles WHERE id = ?", (article_id,))[0]
        cached = self._texts.get(article_id)
        if cached is None or cached[0] != digest:
            if len(self._texts) >= 8:
                self._texts.clear()
            cached = self._texts[article_id] = (
                digest, self._one("SELECT text FROM articles WHERE id = ?", (article_id,))[0])
        return sort_key(cached[1][start:end])

    def add_span(self, span: Span) -> Span:
        """Store ``span``; a span that carries an id (a redo) keeps it."""
        stamp = now()
        created = span.created or stamp
        with self._one_statement():  # validating only reads
            self._validate(span.article_id, span.start, span.end, span.label)
            cur = self.conn.execute(
                f"INSERT INTO spans({_SPAN_COLUMNS}, sort_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (span.id, span.article_id, span.start, span.end, span.label, span.annotator,
                 span.origin, created, stamp, self._sort_key(span.article_id, span.start, span.end)),
            )
        return self.span(cur.lastrowid if span.id is None else span.id)

    def span(self, span_id: int) -> Span:
        row = self._one(f"SELECT {_SPAN_COLUMNS} FROM spans WHERE id = ?", (span_id,))
        if row is None:
            raise InvalidSpan(f"There is no span {span_id}.")
        return _span(row)

    def spans(self, article_id: int) -> list[Span]:
        rows = self.conn.execute(
            f"SELECT {_SPAN_COLUMNS} FROM spans WHERE article_id = ? ORDER BY start, \"end\", id",
            (article_id,)).fetchall()
        return spans_of_rows(rows)

    def span_marks(self, article_id: int) -> list[SpanMark]:
        """The article's spans in text order, as the workspace shows them. The index
        ``idx_spans_article_marks`` holds every column read: no table lookups."""
        rows = self.conn.execute(
            'SELECT id, start, "end", label, coalesce(annotator, \'\') FROM spans WHERE article_id = ? '
            'ORDER BY start, "end", id', (article_id,))
        return list(map(_new_mark, rows))  # tuple.__new__ in C: no Python frame per span

    def has_span(self, article_id: int, start: int, end: int, label: str) -> bool:
        return self._one('SELECT 1 FROM spans WHERE article_id = ? AND start = ? AND "end" = ? AND label = ? '
                         "LIMIT 1", (article_id, start, end, label)) is not None

    def delete_span(self, span_id: int) -> Span:
        span = self.span(span_id)
        with self.transaction():
            self.conn.execute("DELETE FROM spans WHERE id = ?", (span_id,))
        return span

    def update_span(self, span_id: int, *, start: int | None = None, end: int | None = None,
                    label: str | None = None) -> Span:
        old = self.span(span_id)
        start = old.start if start is None else start
        end = old.end if end is None else end
        label = old.label if label is None else label
        with self.transaction():
            self._validate(old.article_id, start, end, label)
            self.conn.execute(
                'UPDATE spans SET start = ?, "end" = ?, label = ?, updated = ?, sort_key = ? WHERE id = ?',
                (start, end, label, now(), self._sort_key(old.article_id, start, end), span_id))
        return self.span(span_id)

    def label_counts(self, article_id: int | None = None) -> dict[str, int]:
        sql, params = "SELECT label, count(*) FROM spans", ()
        if article_id is not None:
            sql, params = sql + " WHERE article_id = ?", (article_id,)
        return dict(self.conn.execute(sql + " GROUP BY label", params).fetchall())

    def span_count(self) -> int:
        return self._one("SELECT count(*) FROM spans")[0]

    # -- edit log (undo across restarts) ------------------------------------------

    def log_edit(self, article_id: int, kind: str, payload: dict) -> int:
        """Record an applied edit. Undone edits of that article can no longer be redone."""
        with self.transaction():
            self.conn.execute("DELETE FROM edit_log WHERE article_id = ? AND state = 'undone'",
                              (article_id,))
            cur = self.conn.execute(
                "INSERT INTO edit_log(article_id, kind, payload, state, created) "
                "VALUES (?, ?, ?, 'done', ?)",
                (article_id, kind, json.dumps(payload), now()))
        return cur.lastrowid

    def set_edit_state(self, log_id: int, state: str, payload: dict | None = None) -> None:
        if state not in ("done", "undone"):
            raise ValueError(state)
        with self.transaction():
            if payload is None:
                self.conn.execute("UPDATE edit_log SET state = ? WHERE id = ?", (state, log_id))
            else:
                self.conn.execute("UPDATE edit_log SET state = ?, payload = ? WHERE id = ?",
                                  (state, json.dumps(payload), log_id))

    def edit_history(self, article_id: int) -> list[tuple[int, str, dict, str]]:
        """(log id, kind, payload, state) of an article's edits, oldest first."""
        rows = self.conn.execute(
            "SELECT id, kind, payload, state FROM edit_log WHERE article_id = ? ORDER BY id",
            (article_id,))
        return [(r[0], r[1], json.loads(r[2]), r[3]) for r in rows]
