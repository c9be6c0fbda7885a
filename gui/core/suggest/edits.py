"""Accepting and rejecting suggestions as core ``Edit``s: logged, undoable, redoable.

Each edit names the span it decides by (article, start, end, label), so it stays
valid when the pending suggestions are re-computed. Accepting makes a ``Span``
whose origin names the suggester(s); undo removes it and makes the suggestion
pending again. A bulk decision is one edit: one undo reverts all of it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from gui.core.edits import Edit, register_edit
from gui.core.model import Span, Suggestion

ACCEPT, REJECT = "accept", "reject"


@dataclass
class Decision:
    """One suggestion decided: the span it names and, once accepted, the Span made."""

    article_id: int
    start: int
    end: int
    label: str
    suggester: str = ""
    span: Span | None = None

    @classmethod
    def of(cls, s: Suggestion) -> Decision:
        return cls(s.article_id, s.start, s.end, s.label, s.suggester)

    @classmethod
    def from_payload(cls, data: dict | Decision) -> Decision:
        if isinstance(data, Decision):
            return data
        data = dict(data)
        if isinstance(data.get("span"), dict):
            data["span"] = Span(**data["span"])
        return cls(**data)

    def accept(self, store, annotator: str) -> None:
        from gui.store.errors import InvalidSpan

        with store.transaction():
            if store.set_suggestion_status(self.article_id, self.start, self.end, self.label, "accepted") == 0:
                raise InvalidSpan(f"No pending {self.label} suggestion at {self.start}-{self.end} "
                                  f"in article {self.article_id}.")
            span_id = self.span.id if self.span is not None else None  # a redo keeps the id
            self.span = store.add_span(Span(self.article_id, self.start, self.end, self.label,
                                            annotator=annotator, origin=f"suggested:{self.suggester}",
                                            id=span_id))

    def unaccept(self, store) -> None:
        with store.transaction():
            store.delete_span(self.span.id)
            store.set_suggestion_status(self.article_id, self.start, self.end, self.label, "pending",
                                        from_status="accepted")

    def reject(self, store) -> None:
        store.set_suggestion_status(self.article_id, self.start, self.end, self.label, "rejected")

    def unreject(self, store) -> None:
        store.set_suggestion_status(self.article_id, self.start, self.end, self.label, "pending",
                                    from_status="rejected")


@register_edit
@dataclass
class AcceptSuggestion(Edit):
    decision: Decision = None
    annotator: str = ""
    kind = "accept_suggestion"

    def __post_init__(self):
        self.decision = Decision.from_payload(self.decision)

    def apply(self, store) -> None:
        self.decision.accept(store, self.annotator)

    def revert(self, store) -> None:
        self.decision.unaccept(store)

    def describe(self) -> str:
        return f"Accept {self.decision.label} suggestion"


@register_edit
@dataclass
class RejectSuggestion(Edit):
    decision: Decision = None
    kind = "reject_suggestion"

    def __post_init__(self):
        self.decision = Decision.from_payload(self.decision)

    def apply(self, store) -> None:
        self.decision.reject(store)

    def revert(self, store) -> None:
        self.decision.unreject(store)

    def describe(self) -> str:
        return f"Reject {self.decision.label} suggestion"


@register_edit
@dataclass
class ReviewSuggestions(Edit):
    """Accept or reject many suggestions at once. ``article_id`` 0: several articles."""

    action: str = ACCEPT
    decisions: list[Decision] = field(default_factory=list)
    annotator: str = ""
    summary: str = ""
    kind = "review_suggestions"

    def __post_init__(self):
        if self.action not in (ACCEPT, REJECT):
            raise ValueError(self.action)
        self.decisions = [Decision.from_payload(d) for d in self.decisions]

    def apply(self, store) -> None:
        with store.transaction():
            for d in self.decisions:
                d.accept(store, self.annotator) if self.action == ACCEPT else d.reject(store)

    def revert(self, store) -> None:
        with store.transaction():
            for d in reversed(self.decisions):
                d.unaccept(store) if self.action == ACCEPT else d.unreject(store)

    def describe(self) -> str:
        return self.summary or f"{self.action.capitalize()} {len(self.decisions)} suggestions"

    def payload(self) -> dict:
        return asdict(self)
