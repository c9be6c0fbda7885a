"""Tag all occurrences, article status keys and filter, first-run name, reopening where the editor left off."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from gui.core.model import Status
from gui.qt.app import make_application, open_main_window
from tests.qt.drive import key, tag_word

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def w(main_window):
    main_window.article_view.setFocus()
    return main_window


def _answer(qtbot, w, yes=True) -> str:
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "tagAllConfirm") is not None)
    box = w.findChild(QMessageBox, "tagAllConfirm")
    text = box.text()
    button = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.Cancel
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "tagAllConfirm") is None or not box.isVisible())
    w.activateWindow()  # the editor is back in the window
    qtbot.waitUntil(w.isActiveWindow)
    w.article_view.setFocus()
    return text


def test_tag_all_occurrences_in_the_article_is_counted_first_and_one_undo_step(w, qtbot):
    store, aid, text = w.store, w.controller.article.id, w.controller.text
    n = text.count("Petro")
    tag_word(qtbot, w, "Petro", K.Key_1)
    key(qtbot, w, K.Key_T, CTRL)
    assert f"Found {n - 1} untagged occurrences" in _answer(qtbot, w, yes=False)
    assert len(store.spans(aid)) == 1  # cancelled: nothing added
    key(qtbot, w, K.Key_T, CTRL)
    _answer(qtbot, w)
    spans = store.spans(aid)
    assert len(spans) == n and {text[s.start:s.end] for s in spans} == {"Petro"}
    assert {s.label for s in spans} == {"CLAIM"}
    assert w.span_panel.model.rowCount() == n
    key(qtbot, w, K.Key_Z, CTRL)  # the whole batch is one step
    assert len(store.spans(aid)) == 1
    key(qtbot, w, K.Key_Z, CTRL | SHIFT)
    assert len(store.spans(aid)) == n


def test_tag_all_occurrences_in_all_articles(w, qtbot):
    store = w.store
    first, second = (s.id for s in store.article_summaries())
    in_second = store.article(second).text.count("Petro")
    tag_word(qtbot, w, "Petro", K.Key_2)
    key(qtbot, w, K.Key_T, CTRL | SHIFT)
    text = _answer(qtbot, w)
    total = store.article(first).text.count("Petro") + in_second
    assert f"Found {total - 1} untagged occurrences" in text and "all articles" in text
    assert len(store.spans(second)) == in_second
    assert w.article_model.summary(w.article_model.row_of(second)).span_count == in_second
    key(qtbot, w, K.Key_Z, CTRL)
    assert store.spans(second) == [] and len(store.spans(first)) == 1
    row = w.article_model.row_of(second)
    assert w.article_model.summary(row).span_count == 0  # the other article's row follows the undo
    key(qtbot, w, K.Key_Z, CTRL | SHIFT)
    assert len(store.spans(second)) == in_second
    assert w.article_model.summary(row).span_count == in_second
    assert f"{in_second} spans" in w.article_model.index(row).data()


def test_status_keys_move_on_and_the_list_filters_by_status(w, qtbot):
    store = w.store
    first, second = (s.id for s in store.article_summaries())
    key(qtbot, w, K.Key_Return, CTRL)  # done, and on to the next article not done
    assert store.article(first).status == Status.DONE
    assert w.controller.article.id == second
    w.article_view.setFocus()
    key(qtbot, w, K.Key_Return, CTRL | SHIFT)  # skipped
    assert store.article(second).status == Status.SKIPPED
    assert "Every article is done" in w.statusBar().currentMessage()
    combo = w.status_filter
    combo.setCurrentIndex(combo.findData(Status.DONE.value))
    assert w.article_list.model().rowCount() == 1
    assert w.article_list.model().index(0, 0).data().startswith(store.article(first).title)
    combo.setCurrentIndex(combo.findData(""))
    assert w.article_list.model().rowCount() == 2
    assert "Done" in w.article_model.index(0).data()


def test_first_run_asks_the_editors_name_and_spans_record_it(qtbot, db_path):
    make_application()
    QSettings().clear()
    window = open_main_window(db_path)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.findChild(QInputDialog, "editorNameDialog") is not None)
    dialog = window.findChild(QInputDialog, "editorNameDialog")
    assert dialog.textValue()  # the OS user by default
    dialog.setTextValue("Maria Editor")
    dialog.accept()
    assert window.store.get_setting("annotator") == "Maria Editor"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.article_view.setFocus()
    tag_word(qtbot, window, "Petro", K.Key_1)
    assert [s.annotator for s in window.store.spans(window.controller.article.id)] == ["Maria Editor"]
    window.store.close()


def test_reopening_restores_article_scroll_and_selection(qtbot, db_path, editor_name):
    make_application()
    w = open_main_window(db_path)
    qtbot.addWidget(w)
    w.resize(700, 300)
    second = w.store.article_summaries()[1].id
    w.select_article(second)
    text = w.controller.text
    start = text.index("Petro")
    w.article_view.set_selection(start, start + 5)
    w.article_view.verticalScrollBar().setValue(3)
    w.close()
    w.store.close()

    w = open_main_window(db_path)
    qtbot.addWidget(w)
    assert w.controller.article.id == second
    assert w.article_view.selection_range() == (start, start + 5)
    qtbot.waitUntil(lambda: w.article_view.verticalScrollBar().value() == 3)
    w.store.close()


def test_done_under_a_to_do_filter_goes_to_the_next_article_to_do(w, qtbot):
    store = w.store
    ids = [s.id for s in store.article_summaries()]
    third = store.add_article("A third article about Petro.", "third")
    w.reload_articles()
    w.status_filter.setCurrentIndex(w.status_filter.findData(Status.TODO.value))
    w.select_article(ids[0])
    w.article_view.setFocus()
    key(qtbot, w, K.Key_Return, CTRL)
    assert store.article(ids[0]).status == Status.DONE
    assert w.controller.article.id == ids[1]
    assert w.article_list.model().rowCount() == 2  # the done one left the filtered list
    w.article_view.setFocus()
    key(qtbot, w, K.Key_Return, CTRL)
    assert w.controller.article.id == third
