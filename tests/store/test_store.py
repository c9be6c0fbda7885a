from __future__ import annotations

import sqlite3

import pytest

from gui.core.model import Span, Status
from gui.store import DuplicateArticle, InvalidSpan, Store, StoreError, UnknownLabel


def test_article_round_trip_survives_reopen(store, db_path):
    text = "Petro denied the claim. Trump said 1.9 million immigrants — “sounds good”."
    article_id = store.add_article(text, "A title", source="wire/a.txt", meta={"lang": "en"})
    store.close()

    with Store(db_path) as again:
        article = again.article(article_id)
        assert (article.text, article.title, article.source, article.meta) == (
            text, "A title", "wire/a.txt", {"lang": "en"})
        assert article.status is Status.TODO
        assert article.created and article.updated


def test_same_text_twice_is_refused_and_adds_nothing(store):
    first = store.add_article("Same words.", "one")
    with pytest.raises(DuplicateArticle) as info:
        store.add_article("Same words.", "two")
    assert info.value.existing_id == first
    assert store.article_count() == 1


def test_span_round_trip_and_counts(store, db_path):
    aid = store.add_article("Petro denied the claim.", "t")
    span = store.add_span(Span(aid, 0, 22, "DENIAL", annotator="ana", origin="manual"))
    assert span.id is not None and span.created
    store.add_span(Span(aid, 6, 12, "CLAIM", annotator="ana"))
    store.close()
    with Store(db_path) as again:
        spans = again.spans(aid)
        assert [(s.start, s.end, s.label, s.annotator) for s in spans] == [
            (0, 22, "DENIAL", "ana"), (6, 12, "CLAIM", "ana")]
        assert again.label_counts(aid) == {"DENIAL": 1, "CLAIM": 1}
        assert again.article_summaries()[0].span_count == 2


@pytest.mark.parametrize("start,end", [(-1, 3), (3, 3), (5, 2), (0, 24), (23, 30)])
def test_offsets_outside_the_text_are_refused(store, start, end):
    aid = store.add_article("Petro denied the claim.", "t")  # 23 characters
    with pytest.raises(InvalidSpan, match="0 ≤ start < end ≤ 23"):
        store.add_span(Span(aid, start, end, "CLAIM"))
    assert store.spans(aid) == []


def test_unknown_label_and_unknown_article_are_refused(store):
    aid = store.add_article("Some text here.", "t")
    with pytest.raises(UnknownLabel, match="OPINION"):
        store.add_span(Span(aid, 0, 4, "OPINION"))
    with pytest.raises(InvalidSpan, match="no article 999"):
        store.add_span(Span(999, 0, 4, "CLAIM"))
    assert store.span_count() == 0


def test_update_and_delete_span(store):
    aid = store.add_article("Petro denied the claim.", "t")
    span = store.add_span(Span(aid, 0, 5, "CLAIM"))
    updated = store.update_span(span.id, end=12, label="DENIAL")
    assert (updated.start, updated.end, updated.label) == (0, 12, "DENIAL")
    with pytest.raises(InvalidSpan):
        store.update_span(span.id, start=12)
    assert store.span(span.id).start == 0
    store.delete_span(span.id)
    assert store.spans(aid) == []


def test_a_failed_unit_keeps_nothing(store):
    aid = store.add_article("Petro denied the claim.", "t")
    with pytest.raises(UnknownLabel):
        with store.transaction():
            store.add_span(Span(aid, 0, 5, "CLAIM"))
            store.add_span(Span(aid, 6, 12, "NOPE"))
    assert store.spans(aid) == []


def test_status_and_filtering(store):
    a = store.add_article("one text", "a")
    b = store.add_article("two text", "b")
    store.set_status(b, Status.DONE)
    assert [s.id for s in store.article_summaries(Status.DONE)] == [b]
    assert [s.id for s in store.article_summaries("todo")] == [a]
    with pytest.raises(StoreError):
        store.set_status(42, Status.DONE)


def test_pragmas_wal_foreign_keys_busy_timeout(store):
    conn = store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_a_write_while_another_connection_holds_the_lock_is_a_store_error(store, db_path):
    aid = store.add_article("Petro denied the claim.", "t")
    store.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(db_path)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError, match="locked"):
            store.add_span(Span(aid, 0, 5, "CLAIM"))
    finally:
        other.rollback()
        other.close()
    assert store.spans(aid) == []
    assert store.add_span(Span(aid, 0, 5, "CLAIM")).id  # and the store keeps working


def test_edit_log_keeps_history_and_drops_redo_on_new_edit(store):
    aid = store.add_article("x y z", "t")
    first = store.log_edit(aid, "add_span", {"n": 1})
    second = store.log_edit(aid, "add_span", {"n": 2})
    store.set_edit_state(second, "undone")
    assert [(i, s) for i, _, _, s in store.edit_history(aid)] == [(first, "done"), (second, "undone")]
    third = store.log_edit(aid, "relabel", {"n": 3})
    assert [i for i, *_ in store.edit_history(aid)] == [first, third]
