from __future__ import annotations

from gui.core.adjudication import align, decide, take_agreed
from gui.core.edits import perform
from gui.core.model import Span
from gui.store.review_queries import spans_of_annotator

TEXT = "aa bb cc dd ee ff gg hh ii jj"


def sp(start, end, label, who):
    return Span(1, start, end, label, who)


def test_align_groups_overlapping_differences():
    a = [sp(0, 5, "CLAIM", "A"), sp(9, 11, "STATISTIC", "A"), sp(15, 20, "THREAT", "A")]
    b = [sp(0, 5, "CLAIM", "B"), sp(6, 14, "CLAIM", "B"), sp(24, 26, "DENIAL", "B")]
    agreed, groups = align(a, b)
    assert agreed == [(0, 5, "CLAIM")]
    # STATISTIC [9,11) of A lies inside B's CLAIM [6,14): one group; A's THREAT alone; B's DENIAL alone
    assert [(g.start, g.end, len(g.a), len(g.b)) for g in groups] == [(6, 14, 1, 1), (15, 20, 1, 0), (24, 26, 0, 1)]
    assert groups[0].chosen("both") == [(6, 14, "CLAIM"), (9, 11, "STATISTIC")]
    assert groups[0].chosen("neither") == []


def test_decisions_write_the_reviewers_layer_and_replace_each_other(store):
    aid = store.add_article(TEXT, "one")
    a = [store.add_span(Span(aid, 0, 5, "CLAIM", "A")), store.add_span(Span(aid, 9, 11, "STATISTIC", "A"))]
    b = [store.add_span(Span(aid, 0, 5, "CLAIM", "B")), store.add_span(Span(aid, 6, 14, "CLAIM", "B"))]
    agreed, (group,) = align(a, b)
    final = lambda: spans_of_annotator(store, aid, "rev")  # noqa: E731
    perform(store, take_agreed(aid, "rev", final(), agreed))
    perform(store, decide(aid, "rev", final(), group, "a"))
    assert [(s.start, s.end, s.label, s.origin) for s in final()] == [
        (0, 5, "CLAIM", "adjudicated"), (9, 11, "STATISTIC", "adjudicated")]
    assert group.decision_in(final()) == "a"
    perform(store, decide(aid, "rev", final(), group, "b"))  # changing one's mind replaces
    assert [(s.start, s.end) for s in final()] == [(0, 5), (6, 14)]
    perform(store, decide(aid, "rev", final(), group, "neither"))
    assert [(s.start, s.end) for s in final()] == [(0, 5)]
    assert group.decision_in(final()) is None
    assert len(take_agreed(aid, "rev", final(), agreed).add) == 0  # already taken
