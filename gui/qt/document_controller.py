"""``DocumentController``: one per open article. It holds the store, the article,
its spans and token index, turns requests from the views into edits, pushes them
onto the window's one QUndoStack, and tells the views exactly what changed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from operator import attrgetter

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from gui.core.edits import AddSpan, AddSpans, Edit, Relabel, RemoveSpan, Resize, edit_from_log, perform
from gui.core.model import Article, Span, SpanMark, Status
from gui.core.tokens import TokenIndex
from gui.qt.commands import EditCommand, decides_suggestions, reaches_other_articles, touched_span_ids
from gui.store import Store, StoreError


@dataclass
class SpanChanges:
    """What one edit did to the open article: old versions out, new versions in."""

    removed: list[SpanMark] = field(default_factory=list)
    added: list[SpanMark] = field(default_factory=list)
    suggestions: bool = False  # it accepted or rejected suggestions: the pending ones changed


class DocumentController(QObject):
    spans_changed = Signal(object)  # SpanChanges
    status_changed = Signal(object)  # Status
    other_articles_changed = Signal()  # an edit, its undo or redo changed spans of other articles
    saved = Signal(str)  # what was saved
    failed = Signal(str)  # a store error, as a message
    refused = Signal(str)  # a request that was not an edit (whitespace selection, ...)

    def __init__(self, store: Store, article_id: int, stack: QUndoStack, annotator: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.stack = stack
        self.annotator = annotator
        self.article: Article = store.article(article_id)
        self.spans: dict[int, SpanMark] = {m.id: m for m in store.span_marks(article_id)}
        self._counts = Counter(map(attrgetter("label"), self.spans.values()))
        self.token_index: TokenIndex | None = None  # the whole text, once a worker built it
        self._restore_history()

    # -- queries ------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self.article.text

    def label_counts(self) -> Counter:
        return +self._counts

    def sorted_spans(self) -> list[SpanMark]:
        return sorted(self.spans.values(), key=lambda s: (s.start, s.end, s.id))

    def _tokens(self, start: int, end: int) -> TokenIndex:
        return self.token_index or TokenIndex.around(self.text, start, end)

    def set_token_index(self, index: TokenIndex) -> None:
        """The whole text's spaCy tokens, built by a worker; until then snapping uses a local window."""
        if index.text == self.text:
            self.token_index = index

    def snap(self, start: int, end: int) -> tuple[int, int] | None:
        index = self._tokens(start, end)
        snapped = index.snap(start, end)
        if snapped is None:
            self.refused.emit(index.reason)
        return snapped

    # -- edits --------------------------------------------------------------------

    def tag(self, start: int, end: int, label: str, exact: bool = False) -> Span | None:
        if exact:
            snapped = (start, end) if self.text[start:end].strip() else None
            if snapped is None:
                self.refused.emit("The selection is only whitespace; nothing was tagged.")
        else:
            snapped = self.snap(start, end)
        if snapped is None:
            return None
        if self.store.has_span(self.article.id, *snapped, label):
            self.refused.emit(f"This text is already tagged {label}.")
            return None
        edit = AddSpan(self.article.id, Span(self.article.id, *snapped, label, self.annotator))
        if not self.apply(edit):
            return None
        return edit.span

    def relabel(self, span_id: int, label: str) -> bool:
        if self.spans[span_id].label == label:
            return False
        return self.apply(Relabel(self.article.id, span_id, label))

    def delete(self, span_id: int) -> bool:
        return self.apply(RemoveSpan(self.article.id, self.store.span(span_id)))  # the whole record, for undo

    def resize(self, span_id: int, side: str, grow: bool) -> bool:
        span = self.spans[span_id]
        index = self._tokens(span.start, span.end)
        start, end = (index.grow if grow else index.shrink)(span.start, span.end, side)
        if (start, end) == (span.start, span.end):
            self.refused.emit("The span cannot " + ("grow" if grow else "shrink") + " further there.")
            return False
        return self.apply(Resize(self.article.id, span_id, start, end))

    def add_many(self, spans: list[Span]) -> bool:
        return bool(spans) and self.apply(AddSpans(self.article.id, spans))

    def apply(self, edit: Edit) -> bool:
        """Write ``edit`` to disk, then push its command. A store error pushes nothing."""
        try:
            log_id = perform(self.store, edit)
        except StoreError as exc:
            self.report_error(str(exc))
            return False
        self.stack.push(EditCommand(self, edit, log_id))
        self.refresh_spans(set(touched_span_ids(edit)), decides_suggestions(edit))
        self.announce_other_articles(edit)
        if self.article.status == Status.TODO and self.spans:
            self.set_status(Status.IN_PROGRESS)
        return True

    def set_status(self, status: Status) -> bool:
        try:
            self.store.set_status(self.article.id, status)
        except StoreError as exc:
            self.report_error(str(exc))
            return False
        self.article = replace(self.article, status=status)
        self.status_changed.emit(status)
        return True

    # -- after an edit, undo or redo ---------------------------------------------------

    def refresh_spans(self, span_ids: set[int], suggestions: bool = False) -> None:
        """Re-read the touched spans from the store and announce the difference."""
        changes = SpanChanges(suggestions=suggestions)
        for span_id in span_ids:
            old = self.spans.pop(span_id, None)
            try:
                span = self.store.span(span_id)
            except StoreError:
                span = None
            new = SpanMark.of(span) if span is not None and span.article_id == self.article.id else None
            if old == new:
                if old is not None:
                    self.spans[span_id] = old
                continue
            if old is not None:
                changes.removed.append(old)
                self._counts[old.label] -= 1
            if new is not None:
                self.spans[span_id] = new
                changes.added.append(new)
                self._counts[new.label] += 1
        self.spans_changed.emit(changes)
        self.saved.emit(self.stack.undoText() or "")

    def announce_other_articles(self, edit: Edit) -> None:
        if reaches_other_articles(edit, self.article.id):
            self.other_articles_changed.emit()

    def report_error(self, message: str) -> None:
        self.failed.emit(message)

    # -- undo history across restarts ---------------------------------------------

    def _restore_history(self) -> None:
        """Rebuild the undo stack from the edit log: done entries undoable, undone redoable."""
        self.stack.clear()
        done = 0
        for log_id, kind, payload, state in self.store.edit_history(self.article.id):
            try:
                edit = edit_from_log(kind, payload)
            except (KeyError, TypeError):
                continue  # an edit kind this version does not know: not undoable here
            command = EditCommand(self, edit, log_id)
            self.stack.push(command)  # its first redo is a no-op: the log says it is applied
            if state == "done":
                done = self.stack.count()
        # Undone entries are the tail of the log; step back over them without touching the store.
        tail = [self.stack.command(i) for i in range(done, self.stack.count())]
        for command in tail:
            command.silent = True
        self.stack.setIndex(done)
        for command in tail:
            command.silent = False
        self.stack.setClean()
