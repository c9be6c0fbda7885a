"""Undo across a restart, and a database that refuses a write."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.qt.drive import key, open_window, spans_in_db, tag_word

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_undo_and_redo_survive_closing_and_reopening_the_window(qtbot, db_path, editor_name):
    w = open_window(qtbot, db_path)
    aid = w.controller.article.id
    first = tag_word(qtbot, w, "Gustavo Petro", K.Key_1)
    second = tag_word(qtbot, w, "Nicolas Maduro", K.Key_2)
    key(qtbot, w, K.Key_3)  # relabel the new span (selected after tagging)
    assert spans_in_db(w.store, aid) == [(*first, "CLAIM"), (*second, "DENIAL")]
    w.close()
    w.store.close()

    w = open_window(qtbot, db_path)
    assert w.controller.article.id == aid and w.undo_stack.count() == 3
    assert spans_in_db(w.store, aid) == [(*first, "CLAIM"), (*second, "DENIAL")]  # restoring re-applied nothing
    key(qtbot, w, K.Key_Z, CTRL)
    assert spans_in_db(w.store, aid) == [(*first, "CLAIM"), (*second, "THREAT")]
    key(qtbot, w, K.Key_Z, CTRL)
    assert spans_in_db(w.store, aid) == [(*first, "CLAIM")]
    w.close()
    w.store.close()

    w = open_window(qtbot, db_path)  # the undone edits come back as redoable
    assert (w.undo_stack.index(), w.undo_stack.count()) == (1, 3)
    key(qtbot, w, K.Key_Z, CTRL | SHIFT)
    key(qtbot, w, K.Key_Z, CTRL | SHIFT)
    assert spans_in_db(w.store, aid) == [(*first, "CLAIM"), (*second, "DENIAL")]
    key(qtbot, w, K.Key_Z, CTRL)
    key(qtbot, w, K.Key_Z, CTRL)
    key(qtbot, w, K.Key_Z, CTRL)
    assert spans_in_db(w.store, aid) == []
    assert w.article_view._spans == {} and w.span_panel.model.rowCount() == 0
    w.store.close()


@pytest.fixture
def locked(db_path):
    """A second connection holding the write lock, as another process would."""
    other = sqlite3.connect(str(db_path), timeout=0.1)
    yield other
    other.close()


def test_a_locked_database_is_shown_as_an_error_and_nothing_is_saved(main_window, qtbot, locked):
    w = main_window
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.article_view.setFocus()
    aid = w.controller.article.id
    w.store.conn.execute("PRAGMA busy_timeout = 100")
    locked.execute("BEGIN IMMEDIATE")
    tag_word(qtbot, w, "Gustavo Petro", K.Key_1)
    box = w.findChild(QMessageBox, "errorMessage")
    assert box is not None and box.isVisible() and "Could not write" in box.text()
    assert w.status_panel.saved_label.text() == "Not saved"
    assert w.undo_stack.count() == 0 and w.article_view._spans == {}
    locked.execute("ROLLBACK")
    assert spans_in_db(w.store, aid) == []
    box.close()

    span = tag_word(qtbot, w, "Gustavo Petro", K.Key_1)  # the app kept running
    assert spans_in_db(w.store, aid) == [(*span, "CLAIM")]
    assert w.status_panel.saved_label.text() == "Saved"

    locked.execute("BEGIN IMMEDIATE")  # an undo refused by the store changes nothing either
    key(qtbot, w, K.Key_Z, CTRL)
    locked.execute("ROLLBACK")
    assert spans_in_db(w.store, aid) == [(*span, "CLAIM")]
    assert w.article_view._spans and w.status_panel.saved_label.text() == "Not saved"
