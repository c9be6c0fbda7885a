"""``EditCommand``: one QUndoCommand around one Qt-free edit from ``gui.core.edits``.

The controller performs an edit (on disk) before pushing its command, so the
command's first ``redo`` (QUndoStack.push calls it) does nothing; so does the
first redo of a command rebuilt from the edit log after a restart. Later
undo/redo go through ``gui.core.edits.undo/redo``: one transaction each. When the
store refuses (a locked or full disk), the command is made obsolete, so Qt drops
it from the stack, and the controller shows the message.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from gui.core import edits
from gui.core.edits import Edit
from gui.store import StoreError


def touched_span_ids(edit: Edit) -> list[int]:
    """The spans an edit touches, including those accepting a suggestion made (its decisions)."""
    decisions = getattr(edit, "decisions", None) or [getattr(edit, "decision", None)]
    return edit.span_ids() + [d.span.id for d in decisions if d is not None and d.span is not None]


def decides_suggestions(edit: Edit) -> bool:
    """Whether ``edit`` accepts or rejects suggestions (and so changes which are pending)."""
    return bool(getattr(edit, "decisions", None) or getattr(edit, "decision", None))


def reaches_other_articles(edit: Edit, article_id: int) -> bool:
    """Whether ``edit`` changes spans of articles other than ``article_id`` (tag all in the
    corpus, tag every search hit, review suggestions across articles)."""
    return edit.article_id != article_id or any(s.article_id != article_id for s in getattr(edit, "spans", None) or ())


def _title(controller, edit: Edit) -> str:
    """The history line: the edit and, for one span, the start of its text."""
    span = getattr(edit, "span", None)
    if span is not None and span.article_id != controller.article.id:
        return edit.describe()
    span = span or controller.spans.get(getattr(edit, "span_id", None))  # the open article's
    if span is None:
        return edit.describe()
    words = " ".join(controller.text[span.start:span.end].split())
    return f"{edit.describe()} · {words if len(words) <= 34 else words[:33] + '…'}"


class EditCommand(QUndoCommand):
    def __init__(self, controller, edit: Edit, log_id: int):
        super().__init__(_title(controller, edit))
        self.controller = controller
        self.edit = edit
        self.log_id = log_id
        self._applied = True  # performed already (or restored from the log)
        self.silent = False  # stepping back over restored undone entries: the store has them undone

    def redo(self) -> None:
        if self._applied:
            return
        self._run(edits.redo, "Redo")
        self._applied = True

    def undo(self) -> None:
        if self.silent:
            self._applied = False
            return
        self._run(edits.undo, "Undo")
        self._applied = False

    def _run(self, step, verb: str) -> None:
        before = touched_span_ids(self.edit)
        try:
            step(self.controller.store, self.edit, self.log_id)
        except StoreError as exc:
            self.setObsolete(True)
            self.controller.report_error(f"{verb} failed: {exc}")
            return
        self.controller.refresh_spans(set(before) | set(touched_span_ids(self.edit)), decides_suggestions(self.edit))
        self.controller.announce_other_articles(self.edit)
