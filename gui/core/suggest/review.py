"""What the workspace and the CLI call: suggest for articles and store the results,
accept or reject (one or in bulk) as logged, undoable edits.

Every function takes the ``Store`` of the calling thread. ``suggest_*`` run spaCy:
call them from a worker, never on the UI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from gui.core.edits import perform
from gui.core.model import Suggestion
from gui.core.suggest.base import Cancelled, ProgressFn
from gui.core.suggest.edits import (
    ACCEPT,
    REJECT,
    AcceptSuggestion,
    Decision,
    RejectSuggestion,
    ReviewSuggestions,
)


@dataclass
class SuggestReport:
    articles: int = 0
    saved: int = 0
    cancelled: bool = False

    def line(self) -> str:
        verb = "stopped after" if self.cancelled else "suggested for"
        return f"{self.saved} suggestion(s) {verb} {self.articles} article(s)"


def _suggesters(store, suggesters):
    from gui.core.suggest.registry import available_suggesters

    return list(suggesters) if suggesters is not None else available_suggesters(store)


def suggest_article(store, article_id: int, suggesters: Sequence | None = None) -> list[Suggestion]:
    """Run the suggesters on one article, store what they propose, return its pending suggestions."""
    suggest_articles(store, [article_id], suggesters)
    return store.suggestions(article_id)


def suggest_articles(store, article_ids: Sequence[int] | None = None, suggesters: Sequence | None = None,
                     progress: ProgressFn | None = None, batch_size: int = 32) -> SuggestReport:
    """Suggest over many articles (all when ``article_ids`` is None), ``batch_size`` texts
    per ``nlp.pipe`` call and per transaction. ``progress`` returning False stops after
    the current batch; what was stored so far stays."""
    chosen = _suggesters(store, suggesters)
    ids = list(article_ids) if article_ids is not None else [a.id for a in store.article_summaries()]
    report = SuggestReport()
    for first in range(0, len(ids), batch_size):
        if progress is not None and progress(first, len(ids), "Suggesting") is False:
            report.cancelled = True
            return report
        batch = [store.article(i) for i in ids[first:first + batch_size]]
        texts = [a.text for a in batch]
        per_suggester = [(s, s.suggest(texts, batch_size=batch_size)) for s in chosen]
        with store.transaction():
            for n, article in enumerate(batch):
                for suggester, results in per_suggester:
                    items = [replace(x, article_id=article.id) for x in results[n]]
                    report.saved += store.save_suggestions(article.id, suggester.name, items)
        report.articles += len(batch)
    if progress is not None:
        progress(len(ids), len(ids), "Suggested")
    return report


def accept(store, suggestion: Suggestion, annotator: str = "") -> tuple[AcceptSuggestion, int]:
    """Accept: the suggestion becomes a Span (origin ``suggested:<suggester>``). Returns the
    edit and its log id, for ``gui.core.edits.undo``/``redo``."""
    edit = AcceptSuggestion(suggestion.article_id, Decision.of(suggestion), annotator)
    return edit, perform(store, edit)


def reject(store, suggestion: Suggestion) -> tuple[RejectSuggestion, int]:
    """Reject: never proposed again for this article (until the edit is undone)."""
    edit = RejectSuggestion(suggestion.article_id, Decision.of(suggestion))
    return edit, perform(store, edit)


def bulk_targets(store, label: str, min_score: float = 0.0, max_score: float | None = None,
                 article_id: int | None = None) -> list[Suggestion]:
    """The pending suggestions a bulk action would decide: of ``label``, with
    ``min_score <= score < max_score``, in one article or (None) every article."""
    return store.suggestions(article_id, label=label, min_score=min_score, max_score=max_score)


def bulk_preview(store, label: str, min_score: float = 0.0, max_score: float | None = None,
                 article_id: int | None = None) -> int:
    """How many suggestions the bulk action would decide (for the confirm dialog)."""
    return len(bulk_targets(store, label, min_score, max_score, article_id))


def bulk_review(store, action: str, label: str, min_score: float = 0.0, max_score: float | None = None,
                article_id: int | None = None, annotator: str = "") -> tuple[ReviewSuggestions, int] | None:
    """Accept or reject every matching pending suggestion as ONE edit (one undo).
    "Reject the rest of this label" is ``bulk_review(store, "reject", label)`` after the
    accept. Returns None when nothing matched (nothing is logged)."""
    if action not in (ACCEPT, REJECT):
        raise ValueError(f"action must be {ACCEPT!r} or {REJECT!r}")
    targets = bulk_targets(store, label, min_score, max_score, article_id)
    if not targets:
        return None
    where = f"article {article_id}" if article_id is not None else "every article"
    bound = f" with score ≥ {min_score:g}" if min_score else ""
    edit = ReviewSuggestions(article_id if article_id is not None else 0, action,
                             [Decision.of(s) for s in targets], annotator,
                             f"{action.capitalize()} {len(targets)} {label} suggestion(s){bound} in {where}")
    return edit, perform(store, edit)


__all__ = ["Cancelled", "SuggestReport", "accept", "bulk_preview", "bulk_review", "bulk_targets", "reject",
           "suggest_article", "suggest_articles"]
