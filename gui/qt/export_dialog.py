"""File -> Export…: the dialog that picks a format, filters and a target."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit,
    QMessageBox, QToolButton, QWidget,
)

from gui.core.formats import FORMATS, ordered_formats
from gui.core.formats.common import ExportOptions
from gui.core.model import Status
from gui.qt.icons import static_icon


class ExportDialog(QDialog):
    """Format, filters and target file. Asks before replacing a file that exists."""

    def __init__(self, labels: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export dataset")
        self.force = False
        self.confirm_box: QMessageBox | None = None
        self.format_combo = QComboBox()
        for fmt in ordered_formats():
            self.format_combo.addItem(fmt.title, fmt.name)
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)
        self.status_boxes = {s: QCheckBox(s.title) for s in Status}
        self.label_boxes = {name: QCheckBox(name) for name in labels}
        self.annotator_edit = QLineEdit()
        self.annotator_edit.setPlaceholderText("everyone")
        self.suggestions_box = QCheckBox("Include pending suggestions")
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("exportPath")
        browse = QToolButton()
        browse.setIcon(static_icon("mdi6.folder-open-outline"))
        browse.setToolTip("Choose the file")
        browse.clicked.connect(self._on_browse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        self.buttons.accepted.connect(self._on_export_clicked)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout(self)
        form.addRow("Format", self.format_combo)
        form.addRow("Status (none = all)", _row(self.status_boxes.values()))
        form.addRow("Labels (none = all)", _row(self.label_boxes.values()))
        form.addRow("Annotator", self.annotator_edit)
        form.addRow("", self.suggestions_box)
        form.addRow("Save to", _row([self.path_edit, browse], stretch=False))
        form.addRow(self.buttons)

    def format_name(self) -> str:
        return self.format_combo.currentData()

    def path(self) -> Path:
        return Path(self.path_edit.text().strip()).expanduser()

    def options(self) -> ExportOptions:
        return ExportOptions(
            statuses=tuple(s.value for s, box in self.status_boxes.items() if box.isChecked()),
            labels=tuple(name for name, box in self.label_boxes.items() if box.isChecked()),
            annotator=self.annotator_edit.text().strip() or None,
            suggestions=self.suggestions_box.isChecked(), force=self.force)

    def _on_format_changed(self) -> None:
        text = self.path_edit.text().strip()
        suffix = FORMATS[self.format_name()].suffix
        if text and suffix and Path(text).suffix != suffix:
            self.path_edit.setText(str(Path(text).with_suffix(suffix)))

    def _on_browse(self) -> None:
        fmt = FORMATS[self.format_name()]
        if fmt.folder:
            path = QFileDialog.getExistingDirectory(self, "Export to folder")
        else:
            path, _ = QFileDialog.getSaveFileName(self, "Export to", f"dataset{fmt.suffix}",
                                                  options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.path_edit.setText(path)

    def _on_export_clicked(self) -> None:
        if not self.path_edit.text().strip():
            self.path_edit.setFocus()
            return
        if self.path().exists():
            box = QMessageBox(QMessageBox.Icon.Question, "Replace?",
                              f"{self.path()} already exists. Replace it?",
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setDefaultButton(QMessageBox.StandardButton.No)
            box.finished.connect(self._on_confirmed)
            self.confirm_box = box
            box.open()
            return
        self.accept()

    def _on_confirmed(self, result: int) -> None:
        if result == QMessageBox.StandardButton.Yes:
            self.force = True
            self.accept()


def _row(widgets, stretch: bool = True) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(w)
    if stretch:
        layout.addStretch(0)
    return row
