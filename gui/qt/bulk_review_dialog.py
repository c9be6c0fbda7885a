"""``BulkReviewDialog``: accept every suggestion of a label with score >= t (t on a
slider), or reject the rest of that label (score < t), in this article or in every
article. The count of what it will decide updates live; confirming makes ONE edit
(``ReviewSuggestions``), which the caller runs as one undoable command."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from gui.core.suggest.edits import ACCEPT, REJECT, Decision, ReviewSuggestions
from gui.core.suggest.review import bulk_targets


class BulkReviewDialog(QDialog):
    def __init__(self, store, labels: list[str], article_id: int | None, annotator: str, parent=None):
        super().__init__(parent)
        self.setObjectName("bulkReviewDialog")
        self.setWindowTitle("Accept or reject suggestions in bulk")
        self.store, self.article_id, self.annotator = store, article_id, annotator
        self.label_box = QComboBox(objectName="bulkLabel")
        self.label_box.addItems(labels)
        self.accept_button = QRadioButton("Accept all suggestions with score ≥ t", objectName="bulkAccept")
        self.reject_button = QRadioButton("Reject the rest of this label (score < t)", objectName="bulkReject")
        self.accept_button.setChecked(True)
        self.this_article = QRadioButton("This article", objectName="scopeArticle")
        self.every_article = QRadioButton("Every article", objectName="scopeCorpus")
        self.this_article.setEnabled(article_id is not None)
        (self.this_article if article_id is not None else self.every_article).setChecked(True)
        self.slider = QSlider(Qt.Orientation.Horizontal, objectName="thresholdSlider")
        self.slider.setRange(0, 100)
        self.slider.setValue(80)
        self.slider.setPageStep(5)
        self.threshold_label = QLabel(objectName="thresholdLabel")
        self.threshold_label.setMinimumWidth(40)
        self.preview = QLabel(objectName="bulkPreview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)  # label names are user text
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow("Label", self.label_box)
        form.addRow("Action", self._column(self.accept_button, self.reject_button))
        threshold = QHBoxLayout()
        threshold.addWidget(self.slider, 1)
        threshold.addWidget(self.threshold_label)
        form.addRow("Score t", threshold)
        form.addRow("Where", self._column(self.this_article, self.every_article))
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        self._groups = [QButtonGroup(self), QButtonGroup(self)]
        for group, buttons in zip(self._groups, ((self.accept_button, self.reject_button),
                                                 (self.this_article, self.every_article))):
            for b in buttons:
                group.addButton(b)
            group.buttonToggled.connect(self._on_changed)
        self.label_box.currentIndexChanged.connect(self._on_changed)
        self.slider.valueChanged.connect(self._on_changed)
        self._on_changed()

    @staticmethod
    def _column(*widgets) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        for w in widgets:
            column.addWidget(w)
        return box

    # -- what the dialog would do -----------------------------------------------------

    @property
    def threshold(self) -> float:
        return self.slider.value() / 100

    @property
    def action(self) -> str:
        return ACCEPT if self.accept_button.isChecked() else REJECT

    @property
    def scope(self) -> int | None:
        return self.article_id if self.this_article.isChecked() else None

    def targets(self):
        label, t = self.label_box.currentText(), self.threshold
        if self.action == ACCEPT:
            return bulk_targets(self.store, label, min_score=t, article_id=self.scope)
        return bulk_targets(self.store, label, min_score=0.0, max_score=t, article_id=self.scope)

    def count(self) -> int:
        return len(self.targets())

    def edit(self) -> ReviewSuggestions | None:
        """The one edit that decides every target, or None when there is none."""
        targets = self.targets()
        if not targets:
            return None
        label, t = self.label_box.currentText(), self.threshold
        bound = f"score ≥ {t:.2f}" if self.action == ACCEPT else f"score < {t:.2f}"
        where = "this article" if self.scope is not None else "every article"
        summary = f"{self.action.capitalize()} {len(targets)} {label} suggestion(s), {bound}, in {where}"
        return ReviewSuggestions(self.scope if self.scope is not None else 0, self.action,
                                 [Decision.of(s) for s in targets], self.annotator, summary)

    def _on_changed(self, *_args) -> None:
        self.threshold_label.setText(f"{self.threshold:.2f}")
        n = self.count()
        verb = "accepted" if self.action == ACCEPT else "rejected"
        where = "in this article" if self.scope is not None else "in every article"
        self.preview.setText(f"{n} {self.label_box.currentText()} suggestion(s) {where} will be {verb}.")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(f"{'Accept' if self.action == ACCEPT else 'Reject'} {n}")
        ok.setEnabled(n > 0)
