"""Tag all occurrences of the selected span's phrase: count first, then one undoable edit."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from gui.core.model import Span
from gui.core.occurrences import occurrences_in_corpus, occurrences_in_text
from gui.qt.workers import Task


def _scan_corpus(path, phrase: str, label: str, annotator: str, progress) -> list[Span]:
    from gui.store import Store

    with Store(path) as store:  # a worker opens its own connection
        return occurrences_in_corpus(store, phrase, label, annotator, progress)


class TagAllFlow(QObject):
    """Finds, asks, applies. ``window`` gives the controller, messages and the list refresh."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.box: QMessageBox | None = None
        self._pending = None

    def start(self, span: Span, corpus: bool) -> None:
        controller = self.window.controller
        phrase = controller.text[span.start:span.end]
        if not corpus:
            found = occurrences_in_text(controller.text, controller.article.id, phrase, span.label,
                                        controller.annotator, list(controller.spans.values()),
                                        controller.token_index)
            self._confirm(controller, found, phrase, span.label, "in this article")
            return
        path, label, annotator = controller.store.path, span.label, controller.annotator
        task = Task(lambda p: _scan_corpus(path, phrase, label, annotator, p), "Finding occurrences")
        self._pending = (controller, phrase, label)
        task.finished.connect(self._on_scanned)  # bound methods: dropped if this flow is gone
        task.failed.connect(self.window.show_error)
        self.window.task_started(task)
        task.start()

    def _on_scanned(self, found: list[Span]) -> None:
        controller, phrase, label = self._pending
        self._confirm(controller, found, phrase, label, "in all articles")

    def _confirm(self, controller, found: list[Span], phrase: str, label: str, where: str) -> None:
        if controller is not self.window.controller:
            return  # the editor moved on to another article meanwhile
        short = phrase if len(phrase) < 60 else phrase[:57] + "…"
        if not found:
            self.window.show_message(f"No untagged occurrences of “{short}” {where}.")
            return
        n = len(found)
        box = QMessageBox(QMessageBox.Icon.Question, "Tag all occurrences",
                          f"Found {n} untagged occurrence{'s' if n != 1 else ''} of “{short}” {where}.\n"
                          f"Tag {'them all' if n != 1 else 'it'} as {label}?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("tagAllConfirm")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the phrase is user text
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda _r: self._on_answer(box, controller, found, label))
        self.box = box
        box.open()

    def _on_answer(self, box: QMessageBox, controller, found: list[Span], label: str) -> None:
        self.box = None
        box.setObjectName("")  # answered: no longer the pending question
        box.deleteLater()
        if box.clickedButton() is not box.button(QMessageBox.StandardButton.Yes):
            return
        if controller is self.window.controller and controller.add_many(found):
            articles = len({s.article_id for s in found})
            self.window.show_message(
                f"Tagged {len(found)} occurrences as {label}"
                + (f" in {articles} articles." if articles > 1 else "."))
