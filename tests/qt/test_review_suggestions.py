"""The review table lists pending suggestions (origin filter "pending suggestions"); A and
X accept and reject them through the window's undo stack, Enter opens the article at one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from gui.core.suggest.review import suggest_articles
from gui.qt.review_view import ReviewView
from gui.store.span_table import PENDING
from gui.store.suggestion_table import ordered_ids, rows_by_id
from tests.qt.test_review_flow import review_action

CTRL = Qt.KeyboardModifier.ControlModifier


def status_of(store, row) -> str:
    return store.conn.execute('SELECT status FROM suggestions WHERE article_id = ? AND start = ? AND "end" = ? '
                              "AND label = ?", (row.article_id, row.start, row.end, row.label)).fetchone()[0]


def test_pending_rows_accept_reject_undo_and_open(qtbot, main_window):
    w, store = main_window, main_window.store
    suggest_articles(store)  # set-up: every seed article suggested for
    w.suggestion_flow.reload()
    pending = len(store.suggestions())
    review_action(w, "Review spans").trigger()  # the review table is built on first use
    assert w.findChild(QDockWidget, "reviewDock").isVisible()
    view = w.findChild(ReviewView)
    view.origin_filter.setCurrentIndex(view.origin_filter.findData(PENDING))
    qtbot.waitUntil(lambda: view.model.total == pending and view.model.row(0).pending, timeout=10_000)
    assert view.count_label.text() == f"{pending} pending suggestion(s)"

    open_id = w.controller.article.id
    row = next(view.model.row(i) for i in range(view.model.rowCount()) if view.model.row(i).article_id == open_id)
    view.table.setFocus()
    view.table.selectRow(view.model._rows.index(row))
    with qtbot.waitSignal(view.model.loaded, timeout=10_000):
        qtbot.keyClick(view.table, Qt.Key.Key_A)
    assert status_of(store, row) == "accepted"
    span = [s for s in store.spans(open_id) if (s.start, s.end, s.label) == (row.start, row.end, row.label)]
    assert len(span) == 1 and span[0].origin.startswith("suggested:rules") and span[0].annotator == "Ana Tester"
    assert w.undo_stack.count() == 1 and span[0].id in w.article_view._spans  # the open article shows it
    assert view.model.total == pending - 1

    qtbot.keyClick(w.article_view, Qt.Key.Key_Z, CTRL)  # the window's undo reverts the table's edit
    assert status_of(store, row) == "pending" and store.spans(open_id) == []

    with qtbot.waitSignal(view.model.loaded, timeout=10_000):
        view.refresh()
    view.table.setFocus()
    view.table.selectRow(view.model._rows.index(next(r for r in view.model._rows if r.id == row.id)))
    with qtbot.waitSignal(view.model.loaded, timeout=10_000):
        qtbot.keyClick(view.table, Qt.Key.Key_X)
    assert status_of(store, row) == "rejected" and store.spans(open_id) == []
    assert (row.start, row.end, row.label) not in w.article_view.suggestions.items

    other = next(r for r in view.model._rows if r.article_id != open_id)
    view.table.selectRow(view.model._rows.index(other))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)  # opens the other article at the suggestion
    assert w.controller.article.id == other.article_id
    assert w.article_view.suggestions.selected == (other.start, other.end, other.label)


def test_pending_rows_are_merged_filtered_and_sorted(store):
    from gui.core.model import Suggestion

    aid = store.add_article("Petro said the claim was false. Trump said 30 strikes would follow.", "Alpha")
    store.save_suggestions(aid, "rules", [Suggestion(aid, 0, 30, "CLAIM", 0.7, "rules", rule="said"),
                                          Suggestion(aid, 43, 53, "STATISTIC", 0.6, "rules")])
    store.save_suggestions(aid, "model", [Suggestion(aid, 0, 30, "CLAIM", 0.9, "model")])
    ids = ordered_ids(store, sort="score", descending=True)
    rows = rows_by_id(store, ids)
    assert [(r.label, r.score) for r in rows] == [("CLAIM", 0.9), ("STATISTIC", 0.6)]
    assert rows[1].text == "30 strikes" and rows[0].origin.startswith("suggested:") and rows[0].pending
    assert set(rows[0].origin.split(":")[1].split(" ")[0].split("+")) == {"rules", "model"}
    from gui.store.span_table import SpanFilter

    assert len(ordered_ids(store, SpanFilter(label="STATISTIC"))) == 1
    assert len(ordered_ids(store, SpanFilter(text="strikes"))) == 1
    store.set_suggestion_status(aid, 43, 53, "STATISTIC", "rejected")
    assert rows_by_id(store, ids) == rows[:1]  # decided ones drop out
