"""Properties every agreement number must have, whatever the spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gui.core.agreement import compare, overall
from gui.core.model import Span

TEXT = " ".join(f"w{i}" for i in range(30))  # 30 tokens of 2-3 characters
LABELS = ["CLAIM", "THREAT", "STATISTIC"]


def layer(who):
    span = st.tuples(st.integers(0, len(TEXT) - 2), st.integers(1, 25), st.sampled_from(LABELS)).map(
        lambda t: Span(1, t[0], min(t[0] + t[1], len(TEXT)), t[2], who))
    return st.lists(span, min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(layer("A"), layer("B"))
def test_f1_and_kappa_are_symmetric_and_bounded(a, b):
    ab, ba = compare(a + b, {1: TEXT}).pairs[0], compare(b + a, {1: TEXT}, ["B", "A"]).pairs[0]
    for mode in ("exact", "overlap"):
        f_ab, f_ba = overall(getattr(ab, mode)).f1, overall(getattr(ba, mode)).f1
        assert f_ab == f_ba and 0.0 <= f_ab <= 1.0
    assert overall(ab.exact).f1 <= overall(ab.overlap).f1  # an exact match is also an overlap
    assert ab.kappa == ba.kappa or abs(ab.kappa - ba.kappa) < 1e-12
    assert ab.kappa is None or -1.0 <= ab.kappa <= 1.0


@settings(max_examples=40, deadline=None)
@given(layer("A"))
def test_identical_layers_agree_perfectly(a):
    b = [Span(1, s.start, s.end, s.label, "B") for s in a]
    c = [Span(1, s.start, s.end, s.label, "C") for s in a]
    report = compare(a + b + c, {1: TEXT})
    assert all(overall(p.exact).f1 == 1.0 for p in report.pairs)
    assert all(p.kappa in (None, 1.0) or abs(p.kappa - 1.0) < 1e-12 for p in report.pairs)
    assert report.alpha is None or abs(report.alpha - 1.0) < 1e-12
    assert report.worst_articles == []
