"""What the learned model learns from: the spans of articles marked done."""

from __future__ import annotations

from gui.core.model import Status
from gui.core.suggest.learned import TaggedText


def tagged_texts(store) -> list[TaggedText]:
    items = []
    for summary in store.article_summaries(Status.DONE):
        article = store.article(summary.id)
        items.append(TaggedText(article.text, tuple((s.start, s.end, s.label) for s in store.spans(article.id))))
    return items
