"""Edits over many spans at once: plan "tag every hit" (an ``AddSpans`` logged under
``CORPUS``, the corpus-wide history), adjudicate a disagreement.

Each is ONE edit (one undo step, one edit-log entry).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from gui.core.edits import CORPUS, AddSpans, Edit, _span_from, register_edit  # noqa: F401 (re-exported)
from gui.core.model import Span


def _delete_if_present(store, span: Span) -> None:
    from gui.store.errors import InvalidSpan

    try:
        store.delete_span(span.id)
    except InvalidSpan:
        pass  # already removed by a later edit: nothing to revert


def plan_tag_hits(store, hits: Iterable, label: str, annotator: str = "") -> list[Span]:
    """The spans "Tag every hit" would add: the preview count is ``len()`` of this.

    Hits are trimmed of surrounding whitespace; a hit the annotator already tagged with
    this label, or the same hit twice, is left out.
    """
    from gui.store.review_queries import span_keys

    keys: dict[int, set] = {}
    planned = []
    for hit in hits:
        start, end = hit.start, hit.end
        text = hit.match
        start += len(text) - len(text.lstrip())
        end -= len(text) - len(text.rstrip())
        if end <= start:
            continue
        known = keys.setdefault(hit.article_id, span_keys(store, hit.article_id))
        key = (start, end, label, annotator)
        if key in known:
            continue
        known.add(key)
        planned.append(Span(hit.article_id, start, end, label, annotator, "manual"))
    return planned


@register_edit
@dataclass
class Adjudicate(Edit):
    """The reviewer's decision on one disagreement: remove an earlier decision, add the new one."""

    remove: list[Span] = field(default_factory=list)
    add: list[Span] = field(default_factory=list)
    kind = "adjudicate"

    def __post_init__(self):
        self.remove = [_span_from(s) for s in self.remove]
        self.add = [_span_from(s) for s in self.add]

    def apply(self, store) -> None:
        for span in self.remove:
            _delete_if_present(store, span)
        self.add = [store.add_span(s) for s in self.add]

    def revert(self, store) -> None:
        for span in self.add:
            _delete_if_present(store, span)
        for span in self.remove:
            store.add_span(span)

    def describe(self) -> str:
        return f"Adjudicate ({len(self.add)} final span(s))"
