"""Numbered schema migrations. ``PRAGMA user_version`` holds the number applied.

Add a migration by appending a function; never edit one that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable

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


FTS_TOKENIZER = "unicode61 remove_diacritics 0"


def _m3_article_search(db: sqlite_utils.Database) -> None:
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
    db.execute("CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN "
               "INSERT INTO articles_fts (articles_fts, rowid, title, text) "
               "VALUES('delete', old.rowid, old.title, old.text); "
               "INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); END")


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _m1_initial,
    _m2_suggestions_and_edit_log,
    _m3_article_search,
]
SCHEMA_VERSION = len(MIGRATIONS)
