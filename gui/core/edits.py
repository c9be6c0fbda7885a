"""Qt-free edits: each one changes the store, can be reverted, and is logged.

``perform``/``undo``/``redo`` run an edit and its edit-log entry in one
transaction, so what the screen shows as saved is on disk, and the undo history
survives a restart (``edit_from_log`` rebuilds an edit from its log payload).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from gui.core.model import Span


@dataclass
class Edit:
    article_id: int
    kind = "edit"

    def apply(self, store) -> None:
        raise NotImplementedError

    def revert(self, store) -> None:
        raise NotImplementedError

    def describe(self) -> str:
        return self.kind

    def payload(self) -> dict:
        return asdict(self)

    def span_ids(self) -> list[int]:
        """The spans this edit touches, so views repaint only those."""
        ids = [getattr(self, "span_id", None)]
        ids += [s.id for s in [getattr(self, "span", None), *getattr(self, "spans", ())] if s is not None]
        return [i for i in ids if i]


def _span_from(data: dict | Span) -> Span:
    return data if isinstance(data, Span) else Span(**data)


@dataclass
class AddSpan(Edit):
    span: Span = None
    kind = "add_span"

    def __post_init__(self):
        self.span = _span_from(self.span)

    def apply(self, store) -> None:
        self.span = store.add_span(self.span)  # keeps the id on redo

    def revert(self, store) -> None:
        store.delete_span(self.span.id)

    def describe(self) -> str:
        return f"Tag {self.span.label}"


@dataclass
class RemoveSpan(Edit):
    span: Span = None
    kind = "remove_span"

    def __post_init__(self):
        self.span = _span_from(self.span)

    def apply(self, store) -> None:
        self.span = store.delete_span(self.span.id)

    def revert(self, store) -> None:
        store.add_span(self.span)

    def describe(self) -> str:
        return f"Remove {self.span.label}"


@dataclass
class Relabel(Edit):
    span_id: int = 0
    label: str = ""
    old_label: str = ""
    kind = "relabel"

    def apply(self, store) -> None:
        self.old_label = store.span(self.span_id).label
        store.update_span(self.span_id, label=self.label)

    def revert(self, store) -> None:
        store.update_span(self.span_id, label=self.old_label)

    def describe(self) -> str:
        return f"Relabel to {self.label}"


@dataclass
class Resize(Edit):
    span_id: int = 0
    start: int = 0
    end: int = 0
    old: tuple[int, int] = field(default=(0, 0))
    kind = "resize"

    def apply(self, store) -> None:
        span = store.span(self.span_id)
        self.old = (span.start, span.end)
        store.update_span(self.span_id, start=self.start, end=self.end)

    def revert(self, store) -> None:
        store.update_span(self.span_id, start=self.old[0], end=self.old[1])

    def describe(self) -> str:
        return "Resize span"


@dataclass
class AddSpans(Edit):
    """Several spans in one edit ("tag all occurrences", "tag every hit"): one undo
    step, one transaction.

    ``article_id`` is the article whose history holds the edit (``CORPUS`` for the
    corpus-wide history); the spans may belong to other articles too. Undo skips a
    span that a later edit elsewhere already removed.
    """

    spans: list[Span] = field(default_factory=list)
    kind = "add_spans"

    def __post_init__(self):
        self.spans = [_span_from(s) for s in self.spans]

    def apply(self, store) -> None:
        self.spans = [store.add_span(s) for s in self.spans]

    def revert(self, store) -> None:
        from gui.store.errors import InvalidSpan

        for span in self.spans:
            try:
                store.delete_span(span.id)
            except InvalidSpan:
                pass  # removed by a later edit in another article's history

    def describe(self) -> str:
        labels = sorted({s.label for s in self.spans})
        return f"Tag {len(self.spans)} spans as {', '.join(labels)}"


CORPUS = 0  # the edit-log "article" of edits that span the corpus

EDIT_KINDS: dict[str, type[Edit]] = {
    cls.kind: cls for cls in (AddSpan, RemoveSpan, Relabel, Resize, AddSpans)}


def register_edit(cls: type[Edit]) -> type[Edit]:
    """Class decorator for edits defined elsewhere (suggestions, bulk edits)."""
    EDIT_KINDS[cls.kind] = cls
    return cls


# Modules that define more edit kinds; loaded before a logged edit is rebuilt.
EDIT_MODULES = ("gui.core.suggest", "gui.core.bulk_edits")


def edit_from_log(kind: str, payload: dict) -> Edit:
    if kind not in EDIT_KINDS:
        import importlib

        for module in EDIT_MODULES:
            importlib.import_module(module)
    cls = EDIT_KINDS[kind]
    data = dict(payload)
    if "old" in data and isinstance(data["old"], list):
        data["old"] = tuple(data["old"])
    return cls(**data)


def perform(store, edit: Edit) -> int:
    """Apply ``edit`` and log it, in one transaction. Returns the log id."""
    with store.transaction():
        edit.apply(store)
        return store.log_edit(edit.article_id, edit.kind, edit.payload())


def undo(store, edit: Edit, log_id: int) -> None:
    with store.transaction():
        edit.revert(store)
        store.set_edit_state(log_id, "undone")


def redo(store, edit: Edit, log_id: int) -> None:
    with store.transaction():
        edit.apply(store)
        store.set_edit_state(log_id, "done", edit.payload())
