"""Inter-annotator agreement: how far several editors' spans over the same articles agree.

Qt-free; the store gives the spans and texts (``agreement_report(store, ...)``), the
numbers come from plain functions over ``Span`` lists so tests can check them by hand.

Choices, and why:

* **Coverage.** An editor has *covered* an article when they made at least one span in it.
  Pairwise numbers use the articles both editors covered; an article only one of them
  opened says nothing about agreement (the other editor's silence is not an "O" label).
* **Span F1.** Editor A is taken as reference and B as prediction (F1 is symmetric, so the
  order does not matter). *Exact*: same start, end and label. *Overlap*: a span counts as
  matched when the other editor has a span of the same label sharing at least one
  character. Precision = matched B spans / B spans, recall = matched A spans / A spans.
* **Tokens.** A simple core tokenizer (runs of word characters, or single other
  non-space characters: ``\\w+|[^\\w\\s]``) rather than spaCy's: it needs no model load,
  runs in the store's thread, and both editors are measured on the same units, which is
  all kappa needs. Differences with spaCy's tokens (contractions, hyphens) do not change
  which tokens two editors both covered.
* **A token's label** when spans overlap: the sorted set of labels covering it, joined
  with ``+`` (``CLAIM+STATISTIC``), ``O`` when none. No information is thrown away and no
  label is ranked above another. Per label we also give a binary kappa (inside a span of
  that label or not), which is what an editor usually wants to see.
* **More than two editors: Krippendorff's alpha (nominal)**, not Fleiss' kappa. Fleiss
  assumes every unit is rated by the same number of raters; in a newsroom not every
  editor covers every article, and alpha handles such missing data by design (units
  with fewer than two values simply do not count). For two editors with full data alpha
  is close to Scott's pi, so it reads on the same scale as kappa.
* Undefined values (no spans at all; expected agreement of 1) are ``None``, shown "n/a".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from itertools import combinations

from gui.core.model import Span

TOKEN_RE = re.compile(r"\w+|[^\w\s]")
OUTSIDE = "O"


def tokenize(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of the tokens of ``text``."""
    return [m.span() for m in TOKEN_RE.finditer(text)]


# -- span F1 -------------------------------------------------------------------------

@dataclass
class F1:
    a_spans: int = 0
    b_spans: int = 0
    a_matched: int = 0
    b_matched: int = 0

    @property
    def precision(self) -> float | None:
        return self.b_matched / self.b_spans if self.b_spans else None

    @property
    def recall(self) -> float | None:
        return self.a_matched / self.a_spans if self.a_spans else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None if (p is None and r is None) else 0.0
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def add(self, other: F1) -> None:
        self.a_spans += other.a_spans
        self.b_spans += other.b_spans
        self.a_matched += other.a_matched
        self.b_matched += other.b_matched

    def to_dict(self) -> dict:
        return {**asdict(self), "precision": self.precision, "recall": self.recall, "f1": self.f1}


def _matches(span: Span, others: list[Span], overlap: bool) -> bool:
    if overlap:
        return any(o.label == span.label and o.start < span.end and span.start < o.end for o in others)
    return any(o.label == span.label and o.start == span.start and o.end == span.end for o in others)


def span_f1(a: list[Span], b: list[Span], overlap: bool = False) -> dict[str, F1]:
    """Per label F1 of B against A for one article; key ``None`` not used (see ``overall``)."""
    result: dict[str, F1] = defaultdict(F1)
    for span in a:
        result[span.label].a_spans += 1
        result[span.label].a_matched += _matches(span, b, overlap)
    for span in b:
        result[span.label].b_spans += 1
        result[span.label].b_matched += _matches(span, a, overlap)
    return dict(result)


def overall(per_label: dict[str, F1]) -> F1:
    total = F1()
    for value in per_label.values():
        total.add(value)
    return total


# -- token labels and kappa -----------------------------------------------------------

def token_labels(tokens: list[tuple[int, int]], spans: Iterable[Span]) -> list[frozenset[str]]:
    """The set of labels covering each token (a token is covered when a span overlaps it)."""
    labels: list[set[str]] = [set() for _ in tokens]
    starts = [t[0] for t in tokens]
    import bisect

    for span in spans:
        i = max(bisect.bisect_right(starts, span.start) - 1, 0)
        while i < len(tokens) and tokens[i][0] < span.end:
            if tokens[i][1] > span.start:
                labels[i].add(span.label)
            i += 1
    return [frozenset(s) for s in labels]


def category(labels: frozenset[str]) -> str:
    return "+".join(sorted(labels)) if labels else OUTSIDE


def cohen_kappa(a: list[str], b: list[str]) -> float | None:
    """Cohen's kappa of two equally long label sequences: (po - pe) / (1 - pe)."""
    n = len(a)
    if n == 0 or n != len(b):
        return None
    po = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return None if pe == 1 else (po - pe) / (1 - pe)


def krippendorff_alpha(units: Iterable[list[str]]) -> float | None:
    """Nominal alpha. Each unit is the list of values it got (one per editor who coded it).

    alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c * n_k, where o is the
    coincidence matrix (each pair of values within a unit weighs 1 / (m_u - 1)).
    """
    disagree = 0.0  # sum over c != k of o_ck
    totals: Counter = Counter()  # n_c
    for values in units:
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        for c, n_c in counts.items():
            totals[c] += n_c
            disagree += n_c * (m - n_c) / (m - 1)
    n = sum(totals.values())
    expected = n * n - sum(v * v for v in totals.values())  # sum_{c != k} n_c n_k
    if n < 2 or expected == 0:
        return None
    return 1 - (n - 1) * disagree / expected


# -- the report ------------------------------------------------------------------------

@dataclass
class PairAgreement:
    a: str
    b: str
    articles: int
    exact: dict[str, F1]
    overlap: dict[str, F1]
    kappa: float | None
    kappa_per_label: dict[str, float | None]

    def to_dict(self) -> dict:
        return {
            "annotators": [self.a, self.b], "articles": self.articles,
            "exact": {"overall": overall(self.exact).to_dict(),
                      **{k: v.to_dict() for k, v in sorted(self.exact.items())}},
            "overlap": {"overall": overall(self.overlap).to_dict(),
                        **{k: v.to_dict() for k, v in sorted(self.overlap.items())}},
            "token_kappa": self.kappa, "token_kappa_per_label": dict(sorted(self.kappa_per_label.items())),
        }


@dataclass
class ArticleDisagreement:
    article_id: int
    title: str
    unmatched: int  # spans without an exact counterpart, summed over pairs
    token_disagreement: float  # share of (token, pair) with different labels


@dataclass
class AgreementReport:
    annotators: list[str]
    pairs: list[PairAgreement]
    alpha: float | None = None
    alpha_per_label: dict[str, float | None] = field(default_factory=dict)
    worst_articles: list[ArticleDisagreement] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"annotators": self.annotators, "pairs": [p.to_dict() for p in self.pairs],
                "krippendorff_alpha": self.alpha, "krippendorff_alpha_per_label": self.alpha_per_label,
                "articles_that_disagree_most": [asdict(w) for w in self.worst_articles]}


def _by_annotator_article(spans: Iterable[Span]) -> dict[str, dict[int, list[Span]]]:
    layers: dict[str, dict[int, list[Span]]] = defaultdict(lambda: defaultdict(list))
    for span in spans:
        layers[span.annotator][span.article_id].append(span)
    return layers


def compare(spans: Iterable[Span], texts: dict[int, str], annotators: list[str] | None = None,
            titles: dict[int, str] | None = None, worst: int = 10) -> AgreementReport:
    """Agreement between ``annotators`` (default: everyone with spans) over ``texts``."""
    layers = _by_annotator_article(spans)
    names = sorted(layers) if annotators is None else list(annotators)
    labels = sorted({s.label for layer in layers.values() for arts in layer.values() for s in arts})
    tokens = {aid: tokenize(text) for aid, text in texts.items()}
    token_cats: dict[tuple[str, int], list[frozenset[str]]] = {}

    def cats(name: str, aid: int) -> list[frozenset[str]]:
        key = (name, aid)
        if key not in token_cats:
            token_cats[key] = token_labels(tokens[aid], layers[name].get(aid, ()))
        return token_cats[key]

    report = AgreementReport(annotators=names, pairs=[])
    per_article: dict[int, list[float]] = defaultdict(lambda: [0, 0.0, 0])
    for a, b in combinations(names, 2):
        shared = sorted(set(layers[a]) & set(layers[b]) & set(texts))
        exact: dict[str, F1] = defaultdict(F1)
        loose: dict[str, F1] = defaultdict(F1)
        seq_a: list[frozenset[str]] = []
        seq_b: list[frozenset[str]] = []
        for aid in shared:
            sa, sb = layers[a][aid], layers[b][aid]
            for label, value in span_f1(sa, sb).items():
                exact[label].add(value)
            for label, value in span_f1(sa, sb, overlap=True).items():
                loose[label].add(value)
            ta, tb = cats(a, aid), cats(b, aid)
            seq_a += ta
            seq_b += tb
            row = per_article[aid]
            row[0] += sum(1 for s in sa if not _matches(s, sb, False)) + sum(
                1 for s in sb if not _matches(s, sa, False))
            row[1] += sum(x != y for x, y in zip(ta, tb))
            row[2] += len(ta)
        kappa = cohen_kappa([category(x) for x in seq_a], [category(x) for x in seq_b])
        per_label = {lab: cohen_kappa([lab in x for x in seq_a], [lab in x for x in seq_b]) for lab in labels}
        report.pairs.append(PairAgreement(a, b, len(shared), dict(exact), dict(loose), kappa, per_label))

    if len(names) > 2:
        units: list[list[frozenset[str]]] = []
        for aid in texts:
            coders = [n for n in names if aid in layers[n]]
            if len(coders) < 2:
                continue
            columns = [cats(n, aid) for n in coders]
            units.extend(list(values) for values in zip(*columns))
        report.alpha = krippendorff_alpha([category(v) for v in unit] for unit in units)
        report.alpha_per_label = {lab: krippendorff_alpha([lab in v for v in unit] for unit in units)
                                  for lab in labels}

    ranked = sorted(per_article.items(), key=lambda kv: (-kv[1][0], -(kv[1][1] / max(kv[1][2], 1)), kv[0]))
    report.worst_articles = [
        ArticleDisagreement(aid, (titles or {}).get(aid, ""), int(u), round(d / max(n, 1), 4))
        for aid, (u, d, n) in ranked[:worst] if u or d
    ]
    return report


def agreement_report(store, annotators: list[str] | None = None, worst: int = 10) -> AgreementReport:
    """Load every span of ``annotators`` (default: all) from ``store`` and compare them."""
    from gui.store.review_queries import all_spans, article_texts

    spans = all_spans(store, annotators)
    spans = [s for s in spans if s.annotator]  # spans without an annotator belong to nobody
    texts, titles = article_texts(store, {s.article_id for s in spans})
    names = annotators or sorted({s.annotator for s in spans})
    return compare(spans, texts, names, titles, worst)


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x + 0.0:.3f}" if abs(x) >= 0.0005 else "0.000"


def report_lines(report: AgreementReport) -> list[str]:
    lines = [f"annotators: {', '.join(report.annotators) or '(none)'}"]
    if len(report.annotators) < 2:
        lines.append("Agreement needs at least two annotators with spans.")
    for pair in report.pairs:
        lines.append(f"\n{pair.a} vs {pair.b}: {pair.articles} article(s) covered by both")
        lines.append(f"  {'label':<12} {'exact F1':>9} {'overlap F1':>11} {'kappa':>7}")
        for label in sorted(set(pair.exact) | set(pair.kappa_per_label)):
            lines.append(f"  {label:<12} {_fmt(pair.exact.get(label, F1()).f1):>9} "
                         f"{_fmt(pair.overlap.get(label, F1()).f1):>11} {_fmt(pair.kappa_per_label.get(label)):>7}")
        lines.append(f"  {'overall':<12} {_fmt(overall(pair.exact).f1):>9} "
                     f"{_fmt(overall(pair.overlap).f1):>11} {_fmt(pair.kappa):>7}")
    if len(report.annotators) > 2:
        lines.append(f"\nKrippendorff's alpha (nominal, all annotators): {_fmt(report.alpha)}")
        for label, value in sorted(report.alpha_per_label.items()):
            lines.append(f"  {label:<12} {_fmt(value)}")
    if report.worst_articles:
        lines.append("\narticles that disagree most:")
        for w in report.worst_articles:
            lines.append(f"  {w.article_id:>5}  {w.unmatched:>3} unmatched span(s), "
                         f"{w.token_disagreement:.0%} tokens differ  {w.title}")
    return lines
