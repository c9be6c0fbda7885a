"""Span ids are never reused, so undo and redo can put a span back under its id."""

from __future__ import annotations

import json

import sqlite_utils

from gui.core.edits import AddSpan, RemoveSpan, perform, redo, undo
from gui.core.model import Span
from gui.store import Store
from gui.store.schema import MIGRATIONS


def test_undoing_a_removal_after_another_article_added_a_span(store):
    a = store.add_article("Prices rose 12% last year.", "A")
    b = store.add_article("The union warned of strikes.", "B")
    add = AddSpan(a, Span(a, 0, 6, "CLAIM"))
    perform(store, add)
    removal = RemoveSpan(a, add.span)
    removal_log = perform(store, removal)
    other = AddSpan(b, Span(b, 4, 9, "THREAT"))
    perform(store, other)
    assert other.span.id != add.span.id  # the freed id is not handed out again
    undo(store, removal, removal_log)
    assert store.span(add.span.id).article_id == a
    assert store.span(other.span.id).article_id == b


def test_redoing_an_add_gets_its_id_back(store):
    a = store.add_article("Prices rose 12% last year.", "A")
    add = AddSpan(a, Span(a, 0, 6, "CLAIM"))
    log_id = perform(store, add)
    undo(store, add, log_id)
    other = store.add_span(Span(a, 7, 10, "STATISTIC"))  # saved by another path meanwhile
    redo(store, add, log_id)
    assert other.id != add.span.id
    assert store.span(add.span.id).label == "CLAIM"


def test_migration_starts_ids_above_those_in_the_undo_history(db_path):
    db = sqlite_utils.Database(db_path)
    for migration in MIGRATIONS[:2]:
        migration(db)
    db.execute("PRAGMA user_version = 2")
    db["labels"].insert({"name": "CLAIM", "color": "#000", "hotkey": "1", "description": "",
                         "examples": "[]", "position": 0})
    db["articles"].insert({"id": 1, "title": "t", "text": "Prices rose.", "hash": "h", "status": "todo"})
    db["spans"].insert({"id": 3, "article_id": 1, "start": 0, "end": 6, "label": "CLAIM"})
    span7 = {"article_id": 1, "start": 7, "end": 11, "label": "CLAIM", "annotator": "", "origin": "manual",
             "id": 7, "created": "", "updated": ""}
    db["edit_log"].insert({"article_id": 1, "kind": "add_span", "state": "undone",
                           "payload": json.dumps({"article_id": 1, "span": span7})})
    db.close()
    with Store(db_path) as store:
        new = store.add_span(Span(1, 0, 5, "CLAIM"))
        assert new.id == 8
        assert sorted(s.id for s in store.spans(1)) == [3, 8]
