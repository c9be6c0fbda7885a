"""The vocabulary of Tagdesk: Article, Span, SpanMark, Label, Suggestion.

Offsets are character offsets into ``Article.text``; ``end`` is exclusive, as in
spaCy's ``Doc.char_span``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple


class Status(str, Enum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"

    @property
    def title(self) -> str:
        return self.value.replace("_", " ").capitalize()


def content_hash(text: str) -> str:
    """Stable identity of an article's text, used to deduplicate imports and merges."""
    import hashlib  # loads OpenSSL (~5-15 ms): not needed to open the window

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Label:
    name: str
    color: str
    hotkey: str = ""
    description: str = ""
    examples: tuple[str, ...] = ()
    position: int = 0


@dataclass(frozen=True)
class Article:
    id: int
    title: str
    text: str
    source: str = ""
    meta: dict = field(default_factory=dict, compare=False)
    hash: str = ""
    status: Status = Status.TODO
    created: str = ""
    updated: str = ""


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the article list: what the list shows without loading texts."""

    id: int
    title: str
    status: Status
    span_count: int
    length: int


@dataclass(frozen=True)
class Span:
    article_id: int
    start: int
    end: int
    label: str
    annotator: str = ""
    origin: str = "manual"
    id: int | None = None
    created: str = ""
    updated: str = ""

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


class SpanMark(NamedTuple):
    """A span as the open article draws and lists it: where, which label, whose.

    The workspace holds one per span (thousands); a tuple is made ~5x faster than a
    ``Span`` and read from the spans index alone. ``Store.span(id)`` reads the whole
    record (origin, times) where it is needed: a tooltip, an undoable delete."""

    id: int
    start: int
    end: int
    label: str
    annotator: str

    @classmethod
    def of(cls, span: Span) -> SpanMark:
        return cls(span.id, span.start, span.end, span.label, span.annotator)


@dataclass(frozen=True)
class Suggestion:
    article_id: int
    start: int
    end: int
    label: str
    score: float
    suggester: str
    version: str = ""
    rule: str = ""
    status: str = "pending"  # pending | accepted | rejected
    id: int | None = None
    created: str = ""
