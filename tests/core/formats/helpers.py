"""Building stores for format tests: real SQLite files, real spans."""

from __future__ import annotations

import re
from pathlib import Path

from gui.core.model import Span, Status


def fresh_store(path: Path):
    from gui.core.seeding import ensure_labels
    from gui.store import Store

    store = Store(path)
    ensure_labels(store)
    return store


def add_article(store, text: str, title: str, spans=(), status: Status | None = None) -> int:
    """``spans``: (start, end, label, annotator) tuples."""
    article_id = store.add_article(text, title, "test")
    for start, end, label, annotator in spans:
        store.add_span(Span(article_id, start, end, label, annotator, "manual"))
    if status is not None:
        store.set_status(article_id, status)
    return article_id


def word_spans(text: str, *pairs: tuple[int, int, str]) -> list[tuple[int, int, str, str]]:
    """Spans from word indices: (first word, last word, label) -> char offsets."""
    words = [m.span() for m in re.finditer(r"\w+", text)]
    return [(words[a][0], words[b][1], label, "ann") for a, b, label in pairs]


def add_suggestion(store, article_id: int, start: int, end: int, label: str, score: float,
                   suggester: str = "rules") -> None:
    """A pending suggestion, written through the store's connection (the suggestion API
    belongs to the suggestion feature; its table is in the schema)."""
    with store.transaction():
        store.db["suggestions"].insert({"article_id": article_id, "start": start, "end": end, "label": label,
                                        "score": score, "suggester": suggester, "version": "1", "rule": "r",
                                        "status": "pending", "created": "2026-01-01"})


def stored(store) -> dict[str, tuple[str, list[tuple]]]:
    """text -> (title, sorted (start, end, label, annotator) spans) of every article."""
    out = {}
    for summary in store.article_summaries():
        article = store.article(summary.id)
        out[article.text] = (article.title, sorted((s.start, s.end, s.label, s.annotator)
                                                   for s in store.spans(article.id)))
    return out
