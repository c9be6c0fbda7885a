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


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _m1_initial,
    _m2_suggestions_and_edit_log,
]
SCHEMA_VERSION = len(MIGRATIONS)
