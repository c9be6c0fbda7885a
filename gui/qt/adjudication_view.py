"""``AdjudicationView``: two editors' spans on one article side by side; one key per decision.

For the selected disagreement: **A** takes A's spans, **B** takes B's, **C** takes both
(combine), **N** neither; **G** copies the spans both editors agree on. Down/Up move
between disagreements. Decisions become the reviewer's own spans (origin
``adjudicated``) through ``perform_edit``, the same undo seam as the review table.

    install_adjudication(window)   # Review -> Adjudicate… (Ctrl+Shift+J)
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from gui.core.adjudication import align, decide, take_agreed
from gui.core.annotator import default_annotator
from gui.core.edits import perform
from gui.qt.review_menu import edit_performer, review_menu
from gui.store.review_queries import (
    annotators, neither_decisions, set_neither_decision, shared_articles, spans_of_annotator,
)

KEYS = [("A", "a", "Take A's"), ("B", "b", "Take B's"), ("C", "both", "Both"), ("N", "neither", "Neither")]


def _utf16_offsets(text: str):
    """Map Python (code point) offsets to QTextDocument (UTF-16) positions."""
    astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
    return lambda offset: offset + bisect.bisect_left(astral, offset)


class AdjudicationView(QWidget):
    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.perform_edit = lambda edit: perform(self.store, edit)  # the undo seam; replace it
        self.article_id: int | None = None
        self.text = ""
        self.groups, self.agreed = [], []

        self.a_combo, self.b_combo = QComboBox(objectName="annotatorA"), QComboBox(objectName="annotatorB")
        self.article_combo = QComboBox(objectName="articleCombo")
        self.reviewer = QLineEdit(default_annotator(store), objectName="reviewer")
        self.reviewer.setMaximumWidth(160)
        for combo in (self.a_combo, self.b_combo):
            combo.currentIndexChanged.connect(self._on_pair_changed)
        self.article_combo.currentIndexChanged.connect(self._on_article_changed)
        self.text_a, self.text_b = QPlainTextEdit(objectName="textA"), QPlainTextEdit(objectName="textB")
        for view in (self.text_a, self.text_b):
            view.setReadOnly(True)
        self.a_title, self.b_title = QLabel(), QLabel()
        self.list = QListWidget(objectName="disagreements")
        self.list.currentRowChanged.connect(self._on_row_changed)
        self.status = QLabel(objectName="adjudicationStatus")

        top = QHBoxLayout()
        for text, widget in (("Editor A", self.a_combo), ("Editor B", self.b_combo),
                             ("Article", self.article_combo), ("Reviewer", self.reviewer)):
            top.addWidget(QLabel(text))
            top.addWidget(widget, 2 if widget is self.article_combo else 0)
        texts = QGridLayout()
        texts.addWidget(self.a_title, 0, 0)
        texts.addWidget(self.b_title, 0, 1)
        texts.addWidget(self.text_a, 1, 0)
        texts.addWidget(self.text_b, 1, 1)
        buttons = QHBoxLayout()
        for key, choice, text in KEYS:
            button = QPushButton(f"{text}  [{key}]", objectName=f"take_{choice}")
            button.clicked.connect(lambda _=False, c=choice: self.decide(c))
            buttons.addWidget(button)
        agree = QPushButton("Take agreed spans  [G]", objectName="take_agreed", clicked=self.take_agreed)
        buttons.addWidget(agree)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(texts, 3)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._add_keys()
        self._fill_annotators()

    def _add_keys(self) -> None:
        bindings = [(k, lambda _=False, c=c: self.decide(c)) for k, c, _ in KEYS] + [
            ("G", self.take_agreed), ("Down", lambda: self._move(1)), ("Up", lambda: self._move(-1))]
        for key, slot in bindings:
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    # -- choosing what to compare -------------------------------------------------------------

    def _fill_annotators(self) -> None:
        names = annotators(self.store)
        for combo, default in ((self.a_combo, 0), (self.b_combo, 1)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(names)
            combo.setCurrentIndex(min(default, len(names) - 1))
            combo.blockSignals(False)
        self._on_pair_changed()

    def load(self, a: str, b: str, article_id: int | None = None) -> None:
        """Compare ``a`` with ``b`` (on ``article_id``, else the first article both tagged)."""
        self.a_combo.setCurrentText(a)
        self.b_combo.setCurrentText(b)
        if article_id is not None:
            self.article_combo.setCurrentIndex(max(self.article_combo.findData(article_id), 0))

    def _on_pair_changed(self) -> None:
        self.article_combo.blockSignals(True)
        self.article_combo.clear()
        a, b = self.a_combo.currentText(), self.b_combo.currentText()
        if a and b and a != b:
            for aid, title in shared_articles(self.store, a, b):
                self.article_combo.addItem(title, aid)
        self.article_combo.blockSignals(False)
        self._on_article_changed()

    def _on_article_changed(self) -> None:
        self.article_id = self.article_combo.currentData()
        self.text = self.store.article(self.article_id).text if self.article_id is not None else ""
        self._to_utf16 = _utf16_offsets(self.text)
        for view in (self.text_a, self.text_b):
            view.setPlainText(self.text)  # plain text: never read as HTML
        self.refresh()
        self.list.setCurrentRow(0 if self.groups else -1)

    # -- showing ----------------------------------------------------------------------------

    def final(self):
        return spans_of_annotator(self.store, self.article_id, self.reviewer.text().strip())

    def refresh(self) -> None:
        a, b = self.a_combo.currentText(), self.b_combo.currentText()
        self.a_title.setText(f"A: {a}")
        self.b_title.setText(f"B: {b}")
        if self.article_id is None:
            self.groups, self.agreed = [], []
            self.list.clear()
            self.status.setText("Pick two editors who both tagged an article.")
            return
        self.spans_a = spans_of_annotator(self.store, self.article_id, a)
        self.spans_b = spans_of_annotator(self.store, self.article_id, b)
        self.agreed, self.groups = align(self.spans_a, self.spans_b)
        final = self.final()
        neither = neither_decisions(self.store, self.article_id, self.reviewer.text().strip())
        # What the final spans show wins; "neither" leaves none, so it is read from where it was kept.
        decisions = [g.decision_in(final) or ("neither" if (g.start, g.end) in neither else None) for g in self.groups]
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for i, (group, decision) in enumerate(zip(self.groups, decisions)):
            self.list.addItem(f"{i + 1}. A: {self._describe(group.a)}   |   B: {self._describe(group.b)}"
                              f"   →  {decision or 'undecided'}")
        self.list.setCurrentRow(min(row, len(self.groups) - 1))
        self.list.blockSignals(False)
        decided = sum(1 for d in decisions if d)
        self.status.setText(f"{len(self.agreed)} agreed, {decided}/{len(self.groups)} disagreement(s) decided")
        self._highlight()

    def _describe(self, spans) -> str:
        if not spans:
            return "—"
        return "; ".join(f"{s.label} “{' '.join(self.text[s.start:s.end].split())[:50]}”" for s in spans)

    def _highlight(self) -> None:
        colors = {label.name: label.color for label in self.store.labels()}
        current = self.groups[self.list.currentRow()] if 0 <= self.list.currentRow() < len(self.groups) else None
        for view, spans in ((self.text_a, self.spans_a), (self.text_b, self.spans_b)):
            selections = []
            for span in spans:
                strong = current is not None and span.start < current.end and current.start < span.end
                fmt = QTextCharFormat()
                color = QColor(colors.get(span.label, "#888888"))
                color.setAlpha(150 if strong else 55)
                fmt.setBackground(color)
                if strong:
                    fmt.setFontUnderline(True)
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(view.document())
                cursor.setPosition(self._to_utf16(span.start))
                cursor.setPosition(self._to_utf16(span.end), QTextCursor.MoveMode.KeepAnchor)
                selection.cursor, selection.format = cursor, fmt
                selections.append(selection)
            view.setExtraSelections(selections)
            if current is not None:
                cursor = QTextCursor(view.document())
                cursor.setPosition(self._to_utf16(current.start))
                view.setTextCursor(cursor)
                view.centerCursor()

    # -- deciding ---------------------------------------------------------------------------

    def decide(self, choice: str) -> None:
        row = self.list.currentRow()
        reviewer = self.reviewer.text().strip()
        if not (0 <= row < len(self.groups)) or not reviewer:
            return
        group = self.groups[row]
        edit = decide(self.article_id, reviewer, self.final(), group, choice)
        if edit.add or edit.remove:
            self.perform_edit(edit)
        set_neither_decision(self.store, self.article_id, reviewer, group.start, group.end, choice == "neither")
        self.refresh()
        self._move(1)

    def take_agreed(self) -> None:
        reviewer = self.reviewer.text().strip()
        if self.article_id is None or not reviewer:
            return
        edit = take_agreed(self.article_id, reviewer, self.final(), self.agreed)
        if edit.add:
            self.perform_edit(edit)
        self.refresh()

    def _move(self, step: int) -> None:
        if self.groups:
            self.list.setCurrentRow(min(max(self.list.currentRow() + step, 0), len(self.groups) - 1))

    def _on_row_changed(self, _row: int) -> None:
        if self.article_id is not None:
            self._highlight()


def install_adjudication(window: QMainWindow) -> QAction:
    """Review -> Adjudicate… (Ctrl+Shift+J) on ``window`` (which has ``.store``)."""
    holder: dict[str, QDialog] = {}

    def show() -> None:
        if "dialog" not in holder:
            dialog = QDialog(window, objectName="adjudicationDialog", windowTitle="Adjudicate")
            view = AdjudicationView(window.store, dialog)
            view.perform_edit = edit_performer(window, window.store)
            QVBoxLayout(dialog).addWidget(view)
            dialog.resize(1200, 760)
            holder["dialog"] = dialog
        holder["dialog"].findChild(AdjudicationView)._fill_annotators()
        holder["dialog"].show()
        holder["dialog"].raise_()

    action = QAction("&Adjudicate…", window)
    action.setShortcut(QKeySequence("Ctrl+Shift+J"))
    action.triggered.connect(show)
    review_menu(window).addAction(action)
    return action
