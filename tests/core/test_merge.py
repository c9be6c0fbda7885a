"""Merging another editor's database: matched by content hash, spans per annotator, idempotent."""

from __future__ import annotations

import pytest

from gui.core.merge import merge_database
from gui.core.model import Label, Span, Status
from gui.core.seeding import ensure_labels
from gui.store import Store, StoreError
from gui.store.review_queries import all_spans


@pytest.fixture
def other_path(tmp_path):
    path = tmp_path / "ben.db"
    with Store(path) as other:
        ensure_labels(other)
        other.upsert_label(Label("QUOTE", "#00aa00", position=9))
        # the same text as "shared" below, under another title and id
        other.add_article("only ben has this one", "ben's own")
        shared = other.add_article("Petro denied the claim. Trump said 30 strikes.", "Shared (ben's title)")
        other.set_status(shared, Status.DONE)
        other.add_span(Span(shared, 0, 22, "DENIAL", annotator="ben", origin="manual"))
        other.add_span(Span(shared, 24, 46, "CLAIM", annotator="", origin="manual"))
        other.add_span(Span(shared, 35, 45, "QUOTE", annotator="ben"))
    return path


def test_merge_matches_by_hash_keeps_annotators_and_is_idempotent(store, other_path):
    shared = store.add_article("Petro denied the claim. Trump said 30 strikes.", "Shared")
    store.add_span(Span(shared, 0, 22, "DENIAL", annotator="ana"))
    before = other_path.read_bytes()

    report = merge_database(store, other_path)
    assert (report.articles_added, report.articles_matched) == (1, 1)
    assert (report.spans_added, report.spans_skipped) == (3, 0)
    assert report.labels_added == ("QUOTE",)
    assert store.article_count() == 2
    layers = {(s.annotator, s.label) for s in store.spans(shared)}
    # ana's DENIAL and ben's DENIAL are both kept; the unnamed span goes to the file's name
    assert layers == {("ana", "DENIAL"), ("ben", "DENIAL"), ("ben", "CLAIM"), ("ben", "QUOTE")}
    assert store.article(shared).title == "Shared"  # ours is kept
    assert other_path.read_bytes() == before  # read-only: the other file is untouched

    spans_before = len(all_spans(store))
    again = merge_database(store, other_path)
    assert (again.articles_added, again.spans_added) == (0, 0)
    assert again.spans_skipped == 3 and again.articles_matched == 2
    assert len(all_spans(store)) == spans_before


def test_new_article_keeps_its_status(store, other_path):
    merge_database(store, other_path, fallback_annotator="carla")
    summaries = {s.title: s for s in store.article_summaries()}
    assert summaries["Shared (ben's title)"].status == Status.DONE
    assert {s.annotator for s in all_spans(store)} == {"ben", "carla"}


def test_refuses_a_missing_or_foreign_file_and_changes_nothing(store, tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        merge_database(store, tmp_path / "nope.db")
    junk = tmp_path / "junk.db"
    junk.write_text("hello")
    with pytest.raises(StoreError):
        merge_database(store, junk)
    assert store.article_count() == 0


def test_cancel_changes_nothing(store, other_path):
    with pytest.raises(InterruptedError):
        merge_database(store, other_path, progress=lambda i, n: i < 1)
    assert store.article_count() == 0 and all_spans(store) == []
