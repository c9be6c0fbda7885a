"""A varied, deterministic corpus for byte-exact export checks: emoji and other text
beyond the BMP, quotes, backslashes, control and invisible characters, overlapping,
nested and duplicate spans, spans that cut words, empty and blank articles, spans with
NULL annotator/origin, several annotators, every status, pending suggestions.

``tests/core/formats/golden/`` holds what the Prodigy JSONL export wrote for it before
the export was made faster; ``python -m tests.core.formats.golden_corpus`` rewrites
those files (only ever from a known-good export)."""

from __future__ import annotations

import random
from pathlib import Path

from gui.core.formats.common import ExportOptions
from gui.core.model import Label, Status
from gui.store.errors import DuplicateArticle

GOLDEN = Path(__file__).parent / "golden"

# (file name, options) of every golden export
CASES = [
    ("all.jsonl", ExportOptions()),
    ("suggestions.jsonl", ExportOptions(suggestions=True)),
    ("claims_by_ann.jsonl", ExportOptions(labels=("CLAIM", "Zitat “ü”"), annotator="ann")),
    ("done.jsonl", ExportOptions(statuses=("done", "in_progress"), suggestions=True)),
]

_PIECES = [
    "Trump", "said", "30", "strikes", "1.9", "605,000", "10:30", "3.", ",", ".", "'", '"', "“quoted”",
    "back\\slash", "\\", "tab\there", "ünïcödé", "naïve", "Ελλάδα", "北京", "עברית", "😀", "👍🏽", "🇪🇺",
    "𝔘𝔫𝔦", "a\u0301", "zero\u200bwidth", "nb\u00a0sp", "\u2028", "\x00", "\x07", "\x7f", "\x1f", "\u3000",
    "snake_case", "e-mail", "U.S.", "$5", "50%", "—", "…", "/slash/", "<b>", "&amp;", "{json}", "[1]",
    "\ufeff", "\ud7ff", "\ue000", "\uffff", "x\u0085y", "١٢٣", "Ⅻ", "²", "½",
]
_SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", "\t", " \u00a0", "\r\n"]
_ANNOTATORS = ["ann", "bob", "", None, "Zoë 😀", 'q"uote', "back\\slash"]
_ORIGINS = ["manual", "", None, "imported:jsonl:x.jsonl", "suggestion:rules"]
_EXTRA_LABEL = "Zitat “ü”"


def _text(rng: random.Random, words: int) -> str:
    out = []
    for _ in range(words):
        out.append(rng.choice(_PIECES))
        out.append(rng.choice(_SEPARATORS))
    if rng.random() < 0.5:
        out.pop()  # some texts end without whitespace
    return "".join(out)


def _insert_span(store, article_id: int, start: int, end: int, label: str, annotator, origin) -> None:
    """Written through the store's connection so that NULL annotators and origins exist
    as older databases hold them."""
    store.conn.execute('INSERT INTO spans(article_id, start, "end", label, annotator, origin, created, updated) '
                       "VALUES (?, ?, ?, ?, ?, ?, '2026-01-01', '2026-01-01')",
                       (article_id, start, end, label, annotator, origin))


def _insert_suggestion(store, article_id: int, start: int, end: int, label: str, score, suggester,
                       status: str = "pending") -> None:
    store.conn.execute("INSERT INTO suggestions(article_id, start, \"end\", label, score, suggester, version, "
                       "rule, status, created) VALUES (?, ?, ?, ?, ?, ?, '1', 'r', ?, '2026-01-01')",
                       (article_id, start, end, label, score, suggester, status))


def build(store, articles: int = 60, seed: int = 7) -> None:
    """Fill ``store`` (labels present) with the corpus."""
    rng = random.Random(seed)
    store.upsert_label(Label(_EXTRA_LABEL, "#123456"))
    labels = ["CLAIM", "THREAT", "DENIAL", "STATISTIC", _EXTRA_LABEL]
    statuses = list(Status)
    fixed = [
        ("", "Empty"),
        ("   \n\t ", "Blank"),
        ("😀", "One emoji"),
        ("x", "One letter"),
        ('Trump said "30 strikes" would start 😀 now. Petro 👍🏽 denied\\it.', "Known"),
    ]
    texts = fixed + [(_text(rng, rng.randint(1, 70)), f"Article {i} “{rng.choice(_PIECES)}”")
                     for i in range(articles)]
    with store.transaction():
        for n, (text, title) in enumerate(texts):
            try:
                article_id = store.add_article(text, title, rng.choice(["", "wire", "src/ü"]),
                                               {"n": n, "tag": rng.choice(_PIECES)})
            except DuplicateArticle:  # a duplicate random text: the corpus needs no copy
                continue
            store.set_status(article_id, statuses[n % len(statuses)])
            if not text:
                continue
            if title == "Known":
                start = text.index("30")
                _insert_span(store, article_id, start, start + 11, "STATISTIC", "ann", "manual")
                _insert_span(store, article_id, start, start + 2, "STATISTIC", "ann", "manual")  # nested
                _insert_span(store, article_id, start, start + 11, "CLAIM", None, None)  # same offsets
                _insert_span(store, article_id, start + 1, start + 5, "THREAT", "bob", "")  # cuts a word
                emoji = text.index("😀")
                _insert_span(store, article_id, emoji, emoji + 5, "CLAIM", "ann", "manual")
                _insert_span(store, article_id, len(text) - 8, len(text), "DENIAL", "ann", "manual")
                _insert_suggestion(store, article_id, 0, 5, "CLAIM", 0.5, "rules")
                _insert_suggestion(store, article_id, 0, 5, "CLAIM", 1e-7, "ner")
                _insert_suggestion(store, article_id, 2, 9, "THREAT", None, None)
                continue
            one_annotator = rng.random() < 0.3
            annotator = rng.choice(_ANNOTATORS)
            for _ in range(rng.choice([0, 1, 2, 5, 12, 30])):
                start = rng.randrange(len(text))
                end = min(len(text), start + rng.randint(1, 40))
                _insert_span(store, article_id, start, end, rng.choice(labels),
                             annotator if one_annotator else rng.choice(_ANNOTATORS), rng.choice(_ORIGINS))
            for _ in range(rng.choice([0, 0, 1, 3])):
                start = rng.randrange(len(text))
                end = min(len(text), start + rng.randint(1, 20))
                _insert_suggestion(store, article_id, start, end, rng.choice(labels),
                                   rng.choice([0.25, 0.1, 1.0, 0.333333333333, 7e-5]),
                                   rng.choice(["rules", "ner", "Zoë"]),
                                   rng.choice(["pending", "pending", "accepted", "rejected"]))


def _main() -> None:
    import tempfile

    from gui.core.formats.export import export_dataset
    from tests.core.formats.helpers import fresh_store

    GOLDEN.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = fresh_store(Path(tmp) / "golden.db")
        build(store)
        for name, options in CASES:
            export_dataset(store, GOLDEN / name, "jsonl", ExportOptions(**{**options.__dict__, "force": True}))
        store.close()


if __name__ == "__main__":
    _main()
