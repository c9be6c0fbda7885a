"""First run: ask the editor's name (default: the OS user). Every span records it."""

from __future__ import annotations

import getpass

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog

NAME_KEY = "editor/name"


def default_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return "editor"


def stored_name() -> str | None:
    value = QSettings().value(NAME_KEY)
    return str(value) if value else None


def store_name(name: str) -> None:
    QSettings().setValue(NAME_KEY, name)


class EditorNameDialog(QInputDialog):
    """Non-blocking: ``open()`` it; on accept the name is stored and ``textValueSelected`` fires."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("editorNameDialog")
        self.setWindowTitle("Welcome to Tagdesk")
        self.setLabelText("Your name, recorded on every span you tag:")
        self.setTextValue(stored_name() or default_name())
        self.textValueSelected.connect(self._on_selected)

    def _on_selected(self, name: str) -> None:
        store_name(name.strip() or default_name())
