"""Numbered schema migrations. ``PRAGMA user_version`` holds the number applied.

Add a migration by appending a function; never edit one that has shipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported by _migrate only when a migration runs (it pulls numpy: ~0.3 s)
    import sqlite_utils


def _m1_initial(db: sqlite_utils.Database) -> None:
    db["settings"].create({"key": str, "value": str}, pk="key")
    db["labels"].create(
        {
            "name": str,
            "color": str,
            "hotkey": str,
            "description": str,
            "examples": str,  # JSON list
            "position": int,
        },
        pk="name",
    )
    db["articles"].create(
        {
            "id": int,
            "title": str,
            "text": str,
            "source": str,
            "meta": str,  # JSON object
            "hash": str,
            "status": str,
            "created": str,
            "updated": str,
        },
        pk="id",
        not_null={"title", "text", "hash", "status"},
        defaults={"status": "todo", "source": "", "meta": "{}"},
    )
    db["articles"].create_index(["hash"], unique=True)
    db["spans"].create(
        {
            "id": int,
            "article_id": int,
            "start": int,
            "end": int,
            "label": str,
            "annotator": str,
            "origin": str,
            "created": str,
            "updated": str,
        },
        pk="id",
        not_null={"article_id", "start", "end", "label"},
        foreign_keys=[("article_id", "articles", "id"), ("label", "labels", "name")],
    )


def _m2_suggestions_and_edit_log(db: sqlite_utils.Database) -> None:
    db["suggestions"].create(
        {
            "id": int,
            "article_id": int,
            "start": int,
            "end": int,
            "label": str,
            "score": float,
            "suggester": str,
            "version": str,
            "rule": str,
            "status": str,  # pending | accepted | rejected
            "created": str,
        },
        pk="id",
        not_null={"article_id", "start", "end", "label", "status"},
        defaults={"status": "pending"},
        foreign_keys=[("article_id", "articles", "id"), ("label", "labels", "name")],
    )
    db["edit_log"].create(
        {
            "id": int,
            "article_id": int,
            "kind": str,
            "payload": str,  # JSON, enough to apply and revert the edit again
            "state": str,  # done | undone
            "created": str,
        },
        pk="id",
        not_null={"kind", "payload", "state"},
    )
    # The queries the UI makes: spans and suggestions of one article, counts per
    # label and status, the undo history of one article.
    db["spans"].create_index(["article_id", "start"])
    db["spans"].create_index(["label"])
    db["suggestions"].create_index(["article_id", "status"])
    db["articles"].create_index(["status"])
    db["edit_log"].create_index(["article_id", "state"])


def _m3_span_ids_never_reused(db: sqlite_utils.Database) -> None:
    """Span ids become AUTOINCREMENT. With a plain INTEGER PRIMARY KEY, deleting the
    newest span freed its id for the next span of any article, and undoing the
    removal (or redoing the add) of the first span then failed on a UNIQUE
    constraint (found by tests/reliability/test_kill9.py). The sequence starts above
    every id the table or the undo history has used."""
    old_sql = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'spans'").fetchone()[0]
    new_sql = re.sub(r'("id"|\[id\]|\bid)\s+INTEGER\s+PRIMARY\s+KEY(?!\s+AUTOINCREMENT)',
                     r"\1 INTEGER PRIMARY KEY AUTOINCREMENT", old_sql, count=1, flags=re.IGNORECASE)
    new_sql = re.sub(r'^CREATE TABLE\s+("spans"|\[spans\]|spans)', 'CREATE TABLE "spans_new"', new_sql)
    indexes = [r[0] for r in db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'spans' AND sql IS NOT NULL")]
    columns = ", ".join(f'"{c.name}"' for c in db["spans"].columns)
    used = [db.execute("SELECT coalesce(max(id), 0) FROM spans").fetchone()[0]]
    for (payload,) in db.execute("SELECT payload FROM edit_log"):
        data = json.loads(payload)
        span = data.get("span") if isinstance(data, dict) else None
        for value in (data.get("span_id") if isinstance(data, dict) else None,
                      span.get("id") if isinstance(span, dict) else None):
            if isinstance(value, int):
                used.append(value)
    db.execute(new_sql)
    db.execute(f'INSERT INTO "spans_new" ({columns}) SELECT {columns} FROM "spans"')
    db.execute('DROP TABLE "spans"')
    db.execute('ALTER TABLE "spans_new" RENAME TO "spans"')
    for sql in indexes:
        db.execute(sql)
    db.execute("DELETE FROM sqlite_sequence WHERE name = 'spans'")
    db.execute("INSERT INTO sqlite_sequence(name, seq) VALUES ('spans', ?)", (max(used),))


FTS_TOKENIZER = "unicode61 remove_diacritics 0"


def _m4_article_search(db: sqlite_utils.Database) -> None:
    """Full-text search over articles(title, text), kept in sync by triggers.

    This is exactly what sqlite-utils' ``enable_fts(["title", "text"], create_triggers=True)``
    creates (same table and trigger names, so ``db["articles"].search()`` and
    ``detect_fts()`` work), written out because ``enable_fts`` runs ``executescript``,
    which COMMITs the migration's transaction half-way. Diacritics are kept so that a
    hit the index finds is also found, at its offsets, by the search in Python.
    """
    db.execute(f"CREATE VIRTUAL TABLE articles_fts USING FTS5 (title, text, tokenize='{FTS_TOKENIZER}', "
               'content="articles")')
    db.execute("INSERT INTO articles_fts (rowid, title, text) SELECT rowid, title, text FROM articles")
    db.execute("CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN "
               "INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); END")
    db.execute("CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN "
               "INSERT INTO articles_fts (articles_fts, rowid, title, text) "
               "VALUES('delete', old.rowid, old.title, old.text); END")
    db.execute("CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN "
               "INSERT INTO articles_fts (articles_fts, rowid, title, text) "
               "VALUES('delete', old.rowid, old.title, old.text); "
               "INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); END")


def _m5_spans_in_text_order(db: sqlite_utils.Database) -> None:
    """Opening an article reads its spans ``ORDER BY start, "end", id``: with the index in
    that order SQLite needs no temporary sort (~3.5 ms of a 5,000-span article)."""
    db.execute("DROP INDEX IF EXISTS idx_spans_article_id_start")
    db.execute('CREATE INDEX idx_spans_article_order ON spans (article_id, start, "end", id)')


def _m6_lengths_and_span_marks(db: sqlite_utils.Database) -> None:
    """Each article keeps its length in characters: ``length(text)`` read the whole text
    (~0.2 ms for 300 KB) to validate every edit, and every text on start-up for the list.
    Opening an article reads (id, start, end, label, annotator) of its spans from one
    covering index, without a lookup in the table per span."""
    db.execute("ALTER TABLE articles ADD COLUMN length INTEGER")
    db.execute("UPDATE articles SET length = length(text)")
    db.execute("DROP INDEX IF EXISTS idx_spans_article_order")
    db.execute('CREATE INDEX idx_spans_article_marks ON spans (article_id, start, "end", id, label, annotator)')


SORT_KEY_CHARS = 64
SORT_KEY_FUNCTION = "tagdesk_sort_key"


def sort_key(text: str | None) -> str | None:
    """What the review table sorts a span by: its text as Python lower-cases it (all of
    Unicode, unlike SQLite's ``lower()``), cut to its first ``SORT_KEY_CHARS`` characters.
    Lower-cased before the cut, so the key is always a prefix of the whole lowered text."""
    return None if text is None else text.lower()[:SORT_KEY_CHARS]


def _span_key_sql(span: str, lower: str = "lower") -> str:
    """The key of ``span`` cut from its article. The triggers use SQLite's own ``lower()``
    (ASCII only), so that any program can still write spans (sqlite3, a script) without
    Tagdesk's function; the store writes the exact key itself, and so does the migration."""
    text = (f'(SELECT substr(text, {span}.start + 1, {span}."end" - {span}.start) '
            f"FROM articles WHERE id = {span}.article_id)")
    return f"substr({lower}({text}), 1, {SORT_KEY_CHARS})"


def _m7_span_sort_keys(db: sqlite_utils.Database) -> None:
    """Each span keeps ``sort_key`` (see ``sort_key``), so the review table sorts 100,000
    spans by their text from one index instead of cutting every span out of its article.
    The store writes it with the span (``Store._sort_key``); triggers make it right, with
    SQLite's ASCII ``lower()``, on any other write: a span added without one (plain SQL),
    moved or resized without a new one, or an article's text changed. Relabelling leaves
    the text, and the key, alone."""
    db.conn.create_function(SORT_KEY_FUNCTION, 1, sort_key, deterministic=True)  # this connection only
    db.execute("ALTER TABLE spans ADD COLUMN sort_key TEXT")
    db.execute(f"UPDATE spans SET sort_key = {_span_key_sql('spans', SORT_KEY_FUNCTION)}")
    db.execute('CREATE INDEX idx_spans_sort_key ON spans (sort_key, article_id, start, id, "end")')
    db.execute("CREATE TRIGGER spans_sort_key_ai AFTER INSERT ON spans WHEN new.sort_key IS NULL BEGIN "
               f"UPDATE spans SET sort_key = {_span_key_sql('new')} WHERE id = new.id; END")
    db.execute('CREATE TRIGGER spans_sort_key_au AFTER UPDATE OF article_id, start, "end" ON spans '
               'WHEN new.sort_key IS old.sort_key AND (new.article_id IS NOT old.article_id '
               'OR new.start IS NOT old.start OR new."end" IS NOT old."end") BEGIN '
               f"UPDATE spans SET sort_key = {_span_key_sql('new')} WHERE id = new.id; END")
    db.execute("CREATE TRIGGER articles_sort_key_au AFTER UPDATE OF text ON articles "
               "WHEN new.text IS NOT old.text BEGIN "
               f"UPDATE spans SET sort_key = {_span_key_sql('spans')} WHERE article_id = new.id; END")


def _m8_span_origin_in_marks_index(db: sqlite_utils.Database) -> None:
    """The marks index also holds each span's origin: an export reads (article_id, start,
    end, label, annotator, origin) of every span in index order from the index alone,
    without a lookup in the table per span (~45 ms of the 100k-span JSONL export)."""
    db.execute("DROP INDEX IF EXISTS idx_spans_article_marks")
    db.execute('CREATE INDEX idx_spans_article_marks ON spans (article_id, start, "end", id, label, annotator, '
               "origin)")


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _m1_initial,
    _m2_suggestions_and_edit_log,
    _m3_span_ids_never_reused,
    _m4_article_search,
    _m5_spans_in_text_order,
    _m6_lengths_and_span_marks,
    _m7_span_sort_keys,
    _m8_span_origin_in_marks_index,
]
SCHEMA_VERSION = len(MIGRATIONS)
