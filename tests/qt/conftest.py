from __future__ import annotations

import pytest


@pytest.fixture
def editor_name(db_path):
    """The editor's name is asked on first run; tests answer it beforehand (see test_first_run).

    QSettings caches its folder for the process, so each test starts from cleared settings.
    """
    from PySide6.QtCore import QSettings

    from gui.core.annotator import set_annotator
    from gui.qt.app import make_application
    from gui.store import Store

    make_application()
    QSettings().clear()
    QSettings().setValue("suggest/on_open", False)  # no background suggestions unless a test turns them on
    with Store(db_path) as store:
        set_annotator(store, "Ana Tester")
    return "Ana Tester"


@pytest.fixture
def main_window(qtbot, db_path, editor_name):
    from gui.qt.app import make_application, open_main_window

    make_application()
    window = open_main_window(db_path)
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    window.store.close()
