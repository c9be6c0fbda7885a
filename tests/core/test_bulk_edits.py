"""Tag every hit as one edit; an adjudication decision as one edit."""

from __future__ import annotations

from gui.core.bulk_edits import CORPUS, Adjudicate, AddSpans, plan_tag_hits
from gui.core.edits import edit_from_log, perform, redo, undo
from gui.core.model import Span
from gui.store.review_queries import all_spans
from gui.store.search import search


def test_tag_every_hit_previews_then_tags_undoes_and_redoes(store):
    a = store.add_article("30 strikes. Then 30 strikes again.", "A")
    b = store.add_article("No more than 30 strikes.", "B")
    store.add_span(Span(b, 13, 23, "STATISTIC", annotator="ana"))  # already tagged by ana
    hits = search(store, "30 strikes").hits
    assert len(hits) == 3
    planned = plan_tag_hits(store, hits, "STATISTIC", "ana")
    assert len(planned) == 2  # the preview count: ana's existing span is not doubled
    assert len(plan_tag_hits(store, hits, "STATISTIC", "ben")) == 3

    edit = AddSpans(CORPUS, planned)
    log_id = perform(store, edit)
    assert store.span_count() == 3
    assert {(s.article_id, s.start, s.end) for s in all_spans(store)} == {(a, 0, 10), (a, 17, 27), (b, 13, 23)}
    history = store.edit_history(CORPUS)
    assert [(k, st) for _, k, _, st in history] == [("add_spans", "done")]

    rebuilt = edit_from_log("add_spans", history[0][2])  # as after a restart
    undo(store, rebuilt, log_id)
    assert store.span_count() == 1
    redo(store, rebuilt, log_id)
    assert store.span_count() == 3
    assert edit.describe() == "Tag 2 spans as STATISTIC"


def test_regex_hits_are_trimmed_and_empty_ones_dropped(store):
    a = store.add_article("say  30  now", "A")
    hits = search(store, r"\s+30\s+", "regex").hits
    (span,) = plan_tag_hits(store, hits, "STATISTIC")
    assert (span.start, span.end) == (5, 7)
    assert plan_tag_hits(store, search(store, r"\s+", "regex").hits, "CLAIM") == []
    assert a


def test_adjudicate_replaces_an_earlier_decision(store):
    a = store.add_article("aa bb cc dd", "A")
    first = Adjudicate(a, [], [Span(a, 0, 5, "CLAIM", "rev", "adjudicated")])
    perform(store, first)
    second = Adjudicate(a, first.add, [Span(a, 3, 8, "CLAIM", "rev", "adjudicated")])
    log_id = perform(store, second)
    assert [(s.start, s.end) for s in store.spans(a)] == [(3, 8)]
    undo(store, second, log_id)
    assert [(s.start, s.end) for s in store.spans(a)] == [(0, 5)]
