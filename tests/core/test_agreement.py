"""Agreement numbers checked against values worked out by hand.

The text "aa bb cc dd ee ff gg hh ii jj" has ten tokens; token i covers characters
[3i, 3i + 2). Labels: C = CLAIM, S = STATISTIC, O = no label.
"""

from __future__ import annotations

import pytest

from gui.core.agreement import (
    cohen_kappa,
    compare,
    krippendorff_alpha,
    overall,
    tokenize,
)
from gui.core.model import Span

TEXT = "aa bb cc dd ee ff gg hh ii jj"
TEXTS = {1: TEXT}


def s(start, end, label, who):
    return Span(1, start, end, label, annotator=who)


def test_tokens_are_word_runs_and_single_punctuation():
    assert tokenize("Petro's 30% cut.") == [(0, 5), (5, 6), (6, 7), (8, 10), (10, 11), (12, 15), (15, 16)]
    assert len(tokenize(TEXT)) == 10


def test_perfect_agreement():
    # A and B: CLAIM on tokens 0-1, STATISTIC on tokens 3-4.
    spans = [s(0, 5, "CLAIM", "A"), s(9, 14, "STATISTIC", "A"),
             s(0, 5, "CLAIM", "B"), s(9, 14, "STATISTIC", "B")]
    pair = compare(spans, TEXTS).pairs[0]
    # exact: 2 of 2 spans matched each way -> P = R = F1 = 1
    assert overall(pair.exact).f1 == 1.0 and overall(pair.overlap).f1 == 1.0
    # tokens A = B = C C O S S O O O O O; po = 1;
    # pe = .2*.2 (C) + .2*.2 (S) + .6*.6 (O) = .44; kappa = (1 - .44) / (1 - .44) = 1
    assert pair.kappa == pytest.approx(1.0)
    assert pair.kappa_per_label == {"CLAIM": pytest.approx(1.0), "STATISTIC": pytest.approx(1.0)}


def test_no_agreement():
    # A: CLAIM on tokens 0-1; B: CLAIM on tokens 5-6.
    spans = [s(0, 5, "CLAIM", "A"), s(15, 20, "CLAIM", "B")]
    report = compare(spans, TEXTS)
    pair = report.pairs[0]
    # no span matched, exactly or by overlap: P = R = 0 -> F1 = 0
    assert overall(pair.exact).f1 == 0.0 and overall(pair.overlap).f1 == 0.0
    # A = C C O O O O O O O O, B = O O O O O C C O O O
    # po = 6/10 (tokens 2,3,4,7,8,9); pe = .2*.2 + .8*.8 = .68; kappa = (.6 - .68) / .32 = -.25
    assert pair.kappa == pytest.approx(-0.25)
    assert report.worst_articles[0].article_id == 1
    assert report.worst_articles[0].unmatched == 2  # both spans lack a counterpart
    assert report.worst_articles[0].token_disagreement == pytest.approx(0.4)


def test_partial_overlap():
    # A: CLAIM tokens 0-2 [0, 8), STATISTIC token 3 [9, 11)
    # B: CLAIM tokens 1-4 [3, 14), STATISTIC token 3 [9, 11)
    spans = [s(0, 8, "CLAIM", "A"), s(9, 11, "STATISTIC", "A"),
             s(3, 14, "CLAIM", "B"), s(9, 11, "STATISTIC", "B")]
    pair = compare(spans, TEXTS).pairs[0]
    # exact: CLAIM 0 of 1 each way -> F1 0; STATISTIC 1 of 1 -> F1 1;
    # overall R = 1/2 (A), P = 1/2 (B) -> F1 = .5
    assert pair.exact["CLAIM"].f1 == 0.0 and pair.exact["STATISTIC"].f1 == 1.0
    assert overall(pair.exact).f1 == pytest.approx(0.5)
    # overlap: the two CLAIMs share characters 3..8 -> every span matched -> F1 = 1
    assert overall(pair.overlap).f1 == pytest.approx(1.0)
    # tokens A = C C C S O O O O O O
    #        B = O C C C+S C O O O O O
    # po = 7/10 (tokens 1, 2, 5-9). A: C 3, S 1, O 6; B: O 6, C 3, C+S 1.
    # pe = (3*3 [C] + 6*6 [O] + 1*0 [S] + 0*1 [C+S]) / 100 = .45; kappa = (.7 - .45) / .55 = 5/11
    assert pair.kappa == pytest.approx(5 / 11)
    # CLAIM binary: A T T T F F F F F F F, B F T T T T F F F F F
    # po = 7/10; pe = .3*.4 + .7*.6 = .54; kappa = .16 / .46 = 8/23
    assert pair.kappa_per_label["CLAIM"] == pytest.approx(8 / 23)
    # STATISTIC binary: identical (token 3 only) -> 1
    assert pair.kappa_per_label["STATISTIC"] == pytest.approx(1.0)


def test_krippendorff_alpha_three_annotators():
    # text "aa bb cc dd": A and B tag CLAIM on token 0, C tags CLAIM on token 1.
    # units (tokens): t0 [C, C, O], t1 [O, O, C], t2 [O, O, O], t3 [O, O, O]; m_u = 3.
    # coincidences: o_CO = o_OC = 2*1/(3-1) per unit t0, t1 -> sum_{c!=k} o_ck = 4.
    # n_C = 3, n_O = 9, n = 12; sum_{c!=k} n_c n_k = 2*3*9 = 54.
    # alpha = 1 - (n - 1) * 4 / 54 = 1 - 44/54 = 10/54
    texts = {1: "aa bb cc dd"}
    spans = [s(0, 2, "CLAIM", "A"), s(0, 2, "CLAIM", "B"), s(3, 5, "CLAIM", "C")]
    report = compare(spans, texts)
    assert report.alpha == pytest.approx(10 / 54)
    assert report.alpha_per_label["CLAIM"] == pytest.approx(10 / 54)  # binary = same split here
    assert [(p.a, p.b) for p in report.pairs] == [("A", "B"), ("A", "C"), ("B", "C")]
    # (A, B) both C O O O: po = 1, pe = .25^2 + .75^2 = .625 -> kappa = 1
    assert report.pairs[0].kappa == pytest.approx(1.0)
    # (A, C): A = C O O O, C = O C O O: po = .5, pe = .625 -> kappa = -.125 / .375 = -1/3
    assert report.pairs[1].kappa == pytest.approx(-1 / 3)


def test_alpha_is_perfect_and_ignores_units_with_one_coder():
    # Three editors agree on article 1; article 2 is covered by A only: it does not count.
    texts = {1: "aa bb cc dd", 2: "xx yy"}
    spans = [s(0, 2, "CLAIM", n) for n in "ABC"] + [Span(2, 0, 2, "THREAT", annotator="A")]
    report = compare(spans, texts)
    assert report.alpha == pytest.approx(1.0)
    assert all(p.articles == 1 for p in report.pairs)


def test_kappa_and_alpha_edge_cases():
    assert cohen_kappa([], []) is None
    assert cohen_kappa(["O", "O"], ["O", "O"]) is None  # pe = 1: undefined
    assert krippendorff_alpha([["C"]]) is None  # nothing pairable
    # two coders, 4 units: C/C, O/O, C/O, O/O -> n_C = 3, n_O = 5, n = 8; o_CO + o_OC = 2
    # alpha = 1 - 7 * 2 / (2 * 3 * 5) = 1 - 14/30 = 8/15
    assert krippendorff_alpha([["C", "C"], ["O", "O"], ["C", "O"], ["O", "O"]]) == pytest.approx(8 / 15)


def test_report_from_the_store_uses_articles_both_covered(store):
    a1 = store.add_article(TEXT, "one")
    a2 = store.add_article("xx yy zz", "two")
    store.add_span(Span(a1, 0, 5, "CLAIM", annotator="ana"))
    store.add_span(Span(a1, 0, 5, "CLAIM", annotator="ben"))
    store.add_span(Span(a2, 0, 2, "THREAT", annotator="ana"))  # ben never covered article two
    store.add_span(Span(a2, 3, 5, "THREAT", annotator=""))  # nobody's span: ignored
    from gui.core.agreement import agreement_report, report_lines

    report = agreement_report(store)
    assert report.annotators == ["ana", "ben"]
    assert report.pairs[0].articles == 1
    assert overall(report.pairs[0].exact).f1 == 1.0
    assert any("ana vs ben" in line for line in report_lines(report))
    assert agreement_report(store, ["ana", "ben"]).to_dict()["pairs"][0]["token_kappa"] == pytest.approx(1.0)
