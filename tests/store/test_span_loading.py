"""store.spans() builds Span objects without Span.__init__ (it is the bulk of opening a
long article): they must be the very objects Span(...) would make, NULLs included."""

from __future__ import annotations

import dataclasses

from gui.core.model import Span, SpanMark
from gui.store.store import spans_of_rows


def test_fast_spans_equal_constructed_ones(store):
    article = store.add_article("Petro said the strike was a real threat to Colombia.", "t")
    made = [store.add_span(Span(article, 0, 5, "CLAIM", "ed", "manual")),
            store.add_span(Span(article, 0, 10, "THREAT", "ed2", "suggested:rules")),
            store.add_span(Span(article, 15, 21, "DENIAL"))]
    store.conn.execute("UPDATE spans SET annotator = NULL, origin = NULL, updated = NULL WHERE id = ?",
                       (made[2].id,))
    loaded = store.spans(article)
    expected = sorted([*made[:2], dataclasses.replace(made[2], annotator="", origin="", updated="")],
                      key=lambda s: (s.start, s.end, s.id))
    assert loaded == expected
    assert [hash(s) for s in loaded] == [hash(s) for s in expected]
    assert [repr(s) for s in loaded] == [repr(s) for s in expected]
    assert all(type(s) is Span for s in loaded)
    assert dataclasses.replace(loaded[0], label="STATISTIC").label == "STATISTIC"


def test_span_stays_a_plain_frozen_dataclass():
    # spans_of_rows fills __dict__ directly: that is only equal to Span(...) while Span has no
    # __post_init__ (it would be skipped) and no __slots__ (there would be no __dict__).
    assert not hasattr(Span, "__post_init__") and not hasattr(Span, "__slots__")
    assert Span.__dataclass_params__.frozen
    assert [f.name for f in dataclasses.fields(Span)] == [
        "article_id", "start", "end", "label", "annotator", "origin", "id", "created", "updated"]
    row = (7, 1, 2, 5, "CLAIM", None, None, None, None)
    assert spans_of_rows([row]) == [Span(1, 2, 5, "CLAIM", "", "", 7, "", "")]


def test_span_marks_are_the_spans_seen_from_the_workspace(store):
    text = "Petro said the strike was a real threat to Colombia. Café owners “denied” it."
    article = store.add_article(text, "t")
    other = store.add_article("Another article entirely.", "u")
    made = [store.add_span(Span(article, 0, 5, "CLAIM", "ed", "manual")),
            store.add_span(Span(article, 0, 10, "THREAT", "ed2", "suggested:rules")),
            store.add_span(Span(article, 53, 57, "DENIAL")),
            store.add_span(Span(other, 0, 7, "CLAIM", "ed"))]
    store.conn.execute("UPDATE spans SET annotator = NULL WHERE id = ?", (made[2].id,))
    marks = store.span_marks(article)
    assert marks == [SpanMark.of(s) for s in store.spans(article)]
    assert [m.annotator for m in marks] == ["ed", "ed2", ""]
    assert store.has_span(article, 0, 10, "THREAT") and not store.has_span(article, 0, 10, "CLAIM")
    assert not store.has_span(other, 0, 5, "CLAIM")
    plan = store.conn.execute('EXPLAIN QUERY PLAN SELECT id, start, "end", label, coalesce(annotator, \'\') '
                              'FROM spans WHERE article_id = ? ORDER BY start, "end", id', (article,)).fetchall()
    assert "COVERING INDEX idx_spans_article_marks" in plan[0][-1]  # no lookup in the table per span
    assert store.article_summaries()[0].length == len(text)
