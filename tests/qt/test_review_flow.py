"""Through the real window's Review menu: search, tag every hit, see the spans in the review table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMenu

from gui.qt.review_view import ReviewView
from gui.qt.search_dialog import SearchDialog


def review_action(window, text):
    menu = window.menuBar().findChild(QMenu, "reviewMenu")
    return next(a for a in menu.actions() if a.text().replace("&", "").startswith(text))


def test_search_tag_then_review(qtbot, main_window):
    store = main_window.store
    store.set_setting("annotator", "desk")
    review_action(main_window, "Search articles").trigger()
    dialog = main_window.findChild(SearchDialog, "searchDialog")
    qtbot.keyClicks(dialog.query, "Petro")
    with qtbot.waitSignal(dialog.searched, timeout=10_000):
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    hits = len(dialog.model.hits)
    assert hits > 3 and dialog.preview.text().startswith(f"Tag {hits} hit(s) as CLAIM")
    qtbot.mouseClick(dialog.tag_button, Qt.MouseButton.LeftButton)
    assert store.span_count() == hits

    review_action(main_window, "Review spans").trigger()
    view = main_window.findChild(ReviewView)
    assert main_window.findChild(QDockWidget, "reviewDock").isVisible()
    qtbot.waitUntil(lambda: view.model.total == hits, timeout=10_000)
    assert {view.model.row(i).text for i in range(view.model.rowCount())} == {"Petro"}
    assert {view.model.row(i).annotator for i in range(view.model.rowCount())} == {"desk"}
    # Enter on a row opens its article in the window
    view.table.setFocus()
    shown = main_window.current_article_id()
    other = next(i for i in range(view.model.rowCount()) if view.model.row(i).article_id != shown)
    view.table.selectRow(other)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert main_window.current_article_id() == view.model.row(other).article_id != shown
