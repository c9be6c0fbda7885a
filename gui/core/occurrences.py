"""Tag all occurrences: find the other places a tagged phrase occurs, as new spans."""

from __future__ import annotations

from collections.abc import Callable

from gui.core.model import Span
from gui.core.tokens import TokenIndex, find_occurrences


def occurrences_in_text(text: str, article_id: int, phrase: str, label: str, annotator: str,
                        existing: list[Span], index: TokenIndex | None = None) -> list[Span]:
    """New spans for ``phrase`` in ``text``, skipping places already tagged with ``label``."""
    taken = {(s.start, s.end) for s in existing if s.label == label}
    return [Span(article_id, s, e, label, annotator)
            for s, e in find_occurrences(text, phrase, index) if (s, e) not in taken]


def occurrences_in_corpus(store, phrase: str, label: str, annotator: str,
                          progress: Callable[[int, int, str], bool] | None = None) -> list[Span]:
    """New spans for ``phrase`` in every article of ``store`` (read only; nothing is written)."""
    summaries = store.article_summaries()
    found: list[Span] = []
    for i, summary in enumerate(summaries):
        if progress is not None and progress(i, len(summaries), summary.title) is False:
            return []
        article = store.article(summary.id)
        if phrase in article.text:
            found += occurrences_in_text(article.text, article.id, phrase, label, annotator,
                                         store.spans(article.id))
    return found
