"""Starting the window: QApplication, the store, first-run seeding."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from gui import __version__
from gui.core.paths import resources_dir

ORG, APP = "Tagdesk", "Tagdesk"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *(argv or [])])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resources_dir() / "icon.svg")))
    return app


def open_main_window(db_path: Path):
    """The store, seeded on first run, and a shown main window for it."""
    from gui.core.seeding import first_run
    from gui.qt.main_window import MainWindow
    from gui.store import Store

    store = Store(db_path)
    first_run(store)
    window = MainWindow(store)
    window.show()
    return window


def run(db_path: Path, argv: list[str] | None = None) -> int:
    from gui.store import StoreError

    app = make_application(argv)
    try:
        window = open_main_window(db_path)
    except StoreError as exc:
        from PySide6.QtWidgets import QMessageBox  # its type and enums load in ~5 ms: only when needed

        QMessageBox.critical(None, "Tagdesk cannot open its database", str(exc))
        return 2
    if window.store.backup:
        window.statusBar().showMessage(
            f"Database upgraded; the previous version is kept as {window.store.backup.name}", 10000)
    return app.exec()
