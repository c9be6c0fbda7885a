"""First run: ask the editor's name (default: the OS user). Every span records it."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from gui.core.annotator import default_annotator, set_annotator


class EditorNameDialog(QInputDialog):
    """Non-blocking: ``open()`` it; on accept the name is saved in the database and
    ``textValueSelected`` fires."""

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("editorNameDialog")
        self.setWindowTitle("Welcome to Tagdesk")
        self.setLabelText("Your name, recorded on every span you tag:")
        self.setTextValue(default_annotator(store))
        self.textValueSelected.connect(self._on_selected)

    def _on_selected(self, name: str) -> None:
        set_annotator(self.store, name)
