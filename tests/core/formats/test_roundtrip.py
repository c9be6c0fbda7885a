"""Property: export then import gives the same articles and spans, for every format
that can hold them; CoNLL reports exactly the spans it leaves out."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gui.core.formats.export import export_dataset
from gui.core.importer import import_paths
from tests.core.formats.helpers import add_article, fresh_store, stored

LABELS = ["CLAIM", "THREAT", "DENIAL", "STATISTIC"]
CHARS = list("abcxyz ABC  éß,.'\"\\-:;()?!0123\n\t") + ["\n\n", "😀", "中文", "ﬁ", "\u2028", "1.9"]
texts = st.lists(st.sampled_from(CHARS), min_size=1, max_size=40).map("".join).filter(lambda t: t.strip())


@st.composite
def articles(draw):
    """1-3 articles with distinct texts and random, often overlapping spans that
    start and end on non-whitespace (as Tagdesk spans do: they snap to tokens)."""
    result = []
    for text in draw(st.lists(texts, min_size=1, max_size=3, unique=True)):
        starts = [i for i, c in enumerate(text) if not c.isspace()]
        ends = [i + 1 for i, c in enumerate(text) if not c.isspace()]
        spans = set()
        for _ in range(draw(st.integers(0, 6))):
            start = draw(st.sampled_from(starts))
            later = [e for e in ends if e > start]
            end = draw(st.sampled_from(later))
            spans.add((start, end, draw(st.sampled_from(LABELS)), draw(st.sampled_from(["", "ann", "bob"]))))
        unique = {}
        for s in sorted(spans):
            unique.setdefault(s[:3], s)  # one annotator per (start, end, label)
        title = draw(st.text(alphabet="abc XYZ'", min_size=1, max_size=12).filter(str.strip))
        result.append((text, title.strip(), sorted(unique.values())))
    return result


FULL = ["jsonl", "spacy", "doccano", "labelstudio"]  # text, title, spans and annotators
NAMES = {"jsonl": "out.jsonl", "spacy": "out.spacy", "doccano": "doccano.jsonl",
         "labelstudio": "ls.json", "brat": "brat"}


def _export_import(data, fmt):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        source = fresh_store(tmp / "source.db")
        for text, title, spans in data:
            add_article(source, text, title, spans)
        report = export_dataset(source, tmp / NAMES[fmt], fmt)
        assert report.dropped == [] and report.articles == len(data)
        target = fresh_store(tmp / "target.db")
        imported = import_paths(target, [tmp / NAMES[fmt]])
        assert imported.refused == [], imported.lines()
        result = stored(target), stored(source)
        source.close()
        target.close()
        return result


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.sampled_from(FULL))
def test_round_trip_keeps_articles_spans_and_annotators(data, fmt):
    got, expected = _export_import(data, fmt)
    assert got == expected


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_brat_round_trip_keeps_texts_and_spans(data):
    """brat has no title and no annotator: the texts and (start, end, label) survive."""
    got, expected = _export_import(data, "brat")
    assert {t: [s[:3] for s in spans] for t, (_, spans) in got.items()} == \
           {t: [s[:3] for s in spans] for t, (_, spans) in expected.items()}


def _conll_spans(conll: str, texts: list[str]) -> list[set[tuple[int, int, str]]]:
    """Decode a CoNLL file back to character spans, finding each token in its text."""
    out = []
    for doc, text in zip(conll.split("-DOCSTART- -X- O O\n")[1:], texts):
        pos, spans, current = 0, set(), None
        for line in doc.splitlines():
            if not line:
                continue
            word, _, _, tag = line.split(" ")
            start = text.index(word, pos)
            pos = start + len(word)
            if tag.startswith("B-") or tag == "O":
                if current:
                    spans.add(tuple(current))
                current = [start, pos, tag[2:]] if tag != "O" else None
            else:
                assert current and current[2] == tag[2:], "I- continues a span of its label"
                current[1] = pos
        if current:
            spans.add(tuple(current))
        out.append(spans)
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_conll_reports_exactly_the_spans_it_leaves_out(data):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        store = fresh_store(tmp / "s.db")
        ids = [add_article(store, text, title, spans) for text, title, spans in data]
        report = export_dataset(store, tmp / "out.conll", "conll")
        written = _conll_spans((tmp / "out.conll").read_text(encoding="utf-8"), [t for t, _, _ in data])
        store.close()
    for article_id, (text, _, spans), kept in zip(ids, data, written):
        everything = {s[:3] for s in spans}
        dropped = {(d.start, d.end, d.label) for d in report.dropped if d.article_id == article_id}
        assert kept == everything - dropped
        assert dropped <= everything
        ordered = sorted(kept)
        assert all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:])), "CoNLL spans never overlap"
        for start, end, label in dropped:  # the rule: a longer (or as long, earlier) kept span beat it
            winners = [k for k in kept if k[0] < end and start < k[1]]
            assert any((k[1] - k[0], -k[0]) >= (end - start, -start) for k in winners)


def test_token_split_keeps_words_whole_where_no_span_cuts():
    from gui.core.formats.common import tokenize

    text = "Petro's 1.9 million, 605,000 people."
    assert [text[s:e] for s, e in tokenize(text)] == ["Petro", "'", "s", "1.9", "million", ",", "605,000",
                                                      "people", "."]
    assert [text[s:e] for s, e in tokenize(text, [2, 9, 15])] == [
        "Pe", "tro", "'", "s", "1", ".9", "mil", "lion", ",", "605,000", "people", "."]
    assert re.sub(r"\s", "", text) == "".join(text[s:e] for s, e in tokenize(text))
