"""Ordered ids and pages of the review table: SQL sorts and the Python path agree."""

from __future__ import annotations

from gui.core.model import Span, Status
from gui.store.span_table import SpanFilter, count, ordered_ids, page


def test_sorts_and_text_filters(store):
    b = store.add_article("zeta alpha mid", "B title")
    a = store.add_article("beta gamma", "A title")
    s1 = store.add_span(Span(b, 0, 4, "CLAIM", "ana")).id   # zeta
    s2 = store.add_span(Span(b, 5, 10, "THREAT", "ben")).id  # alpha
    s3 = store.add_span(Span(a, 0, 4, "DENIAL", "ana")).id   # beta
    assert ordered_ids(store, sort="context") == [s2, s3, s1]
    assert ordered_ids(store, sort="context", descending=True) == [s1, s3, s2]
    assert ordered_ids(store, sort="article") == [s3, s1, s2]  # by title, then position
    assert ordered_ids(store, SpanFilter(text="ALP")) == [s2]
    assert ordered_ids(store, SpanFilter(text="a title")) == [s3]  # the title matches
    assert ordered_ids(store, SpanFilter(text="a", annotator="ana"), sort="label") == [s1, s3]
    assert count(store, SpanFilter(text="zeta")) == 1 and count(store, SpanFilter(label="THREAT")) == 1
    store.set_status(a, Status.DONE)
    assert ordered_ids(store, SpanFilter(status="done")) == [s3]
    assert ordered_ids(store, SpanFilter(status="todo"), sort="annotator", descending=True) == [s2, s1]
    assert ordered_ids(store, SpanFilter(origin="manual")) == [s3, s1, s2]  # "manual" is every span here
    (row,) = page(store, SpanFilter(label="THREAT"))
    assert (row.before, row.text, row.after, row.title) == ("zeta ", "alpha", " mid", "B title")


def test_by_article_sorts_titles_then_article_then_position(store):
    """Only the title is reversed when descending; equal titles keep article id order."""
    articles = [store.add_article(text, title) for text, title in
                (("one two three", "Beta"), ("four five six", "alpha"), ("seven eight", "Beta"), ("nine ten", "Zed"))]
    spans = {}
    for article in articles:
        for start, end in ((4, 7), (0, 3), (0, 2)):
            spans[(article, start, end)] = store.add_span(Span(article, start, end, "CLAIM", "ana")).id
    titles = {a: t for a, t in zip(articles, ("Beta", "alpha", "Beta", "Zed"))}
    for descending in (False, True):
        by_title = sorted(articles, key=lambda a: titles[a], reverse=descending)  # stable: equal titles by id
        expected = [spans[k] for a in by_title for k in sorted((k for k in spans if k[0] == a),
                                                                key=lambda k: (k[1], spans[k]))]
        assert ordered_ids(store, sort="article", descending=descending) == expected
    store.set_status(articles[2], Status.DONE)
    assert ordered_ids(store, SpanFilter(status="done"), sort="article", descending=True) == [
        spans[(articles[2], 0, 3)], spans[(articles[2], 0, 2)], spans[(articles[2], 4, 7)]]
