from __future__ import annotations

import pytest


@pytest.fixture
def main_window(qtbot, db_path):
    from gui.qt.app import make_application, open_main_window

    make_application()
    window = open_main_window(db_path)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    yield window
    window.store.close()
