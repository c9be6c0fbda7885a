"""Reviewing suggestions in the workspace with real keys, the rules suggester on spaCy's
blank English pipeline, and the database checked after each step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from tests.qt.drive import key

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def statuses(store, aid: int) -> dict[tuple, str]:
    rows = store.conn.execute('SELECT start, "end", label, status FROM suggestions WHERE article_id = ?', (aid,))
    return {(a, b, c): s for a, b, c, s in rows}


def suggested_spans(store, aid: int) -> list[tuple]:
    return [(s.start, s.end, s.label, s.origin) for s in store.spans(aid) if s.origin.startswith("suggested")]


def trigger(w, name: str) -> None:
    w.suggestion_flow.actions[name].trigger()


@pytest.fixture
def w(main_window, qtbot):
    """The window with the first article suggested for (through the menu, in a worker)."""
    trigger(main_window, "article")
    aid = main_window.controller.article.id
    qtbot.waitUntil(lambda: len(main_window.article_view.suggestions.items) > 3, timeout=30000)
    assert main_window.store.suggestions(aid)
    main_window.article_view.setFocus()
    return main_window


def test_tab_selects_a_suggestion_enter_accepts_ctrl_z_undoes(w, qtbot):
    aid, view = w.controller.article.id, w.article_view
    first = view.suggestions.ordered()[0]
    key(qtbot, w, K.Key_Tab)
    assert view.suggestions.selected == (first.start, first.end, first.label)
    key(qtbot, w, K.Key_Tab)
    key(qtbot, w, K.Key_Backtab, SHIFT)  # Shift+Tab comes back
    assert view.suggestions.selected == (first.start, first.end, first.label)

    key(qtbot, w, K.Key_Return)
    k = (first.start, first.end, first.label)
    assert suggested_spans(w.store, aid) == [(*k, "suggested:rules")]
    assert statuses(w.store, aid)[k] == "accepted"
    assert k not in view.suggestions.items and any(s.start == first.start for s in view._spans.values())
    assert w.undo_stack.count() == 1
    assert w.suggestion_flow.count_label.text() == f"{len(w.store.suggestions(aid))} suggestions"

    key(qtbot, w, K.Key_Z, CTRL)
    assert suggested_spans(w.store, aid) == [] and statuses(w.store, aid)[k] == "pending"
    assert k in view.suggestions.items and view._spans == {}

    view.select_suggestion(k)
    key(qtbot, w, K.Key_A)  # A accepts too
    assert suggested_spans(w.store, aid) == [(*k, "suggested:rules")]


def test_x_rejects_it_stays_rejected_and_ctrl_z_brings_it_back(w, qtbot):
    aid, view = w.controller.article.id, w.article_view
    key(qtbot, w, K.Key_Tab)
    k = view.suggestions.selected
    key(qtbot, w, K.Key_X)
    assert statuses(w.store, aid)[k] == "rejected" and k not in view.suggestions.items
    assert view.suggestions.selected is not None and view.suggestions.selected != k  # moved to the next
    assert w.store.spans(aid) == []

    key(qtbot, w, K.Key_Z, CTRL)
    assert statuses(w.store, aid)[k] == "pending" and k in view.suggestions.items
    key(qtbot, w, K.Key_Z, CTRL | SHIFT)  # redo
    assert statuses(w.store, aid)[k] == "rejected"

    before = len(w.store.suggestions(aid))
    trigger(w, "article")  # suggest again: the rejected one does not come back
    qtbot.waitUntil(lambda: not w._tasks, timeout=30000)
    assert statuses(w.store, aid)[k] == "rejected"
    assert len(w.store.suggestions(aid)) == before and k not in view.suggestions.items


def test_a_store_error_shows_a_message_and_pushes_nothing(w, qtbot, db_path):
    import sqlite3

    aid, view = w.controller.article.id, w.article_view
    key(qtbot, w, K.Key_Tab)
    k = view.suggestions.selected
    w.store.conn.execute("PRAGMA busy_timeout = 100")
    other = sqlite3.connect(str(db_path), timeout=0.1)
    other.execute("BEGIN IMMEDIATE")
    try:
        key(qtbot, w, K.Key_Return)
    finally:
        other.execute("ROLLBACK")
        other.close()
    box = w.findChild(QMessageBox, "errorMessage")
    assert box is not None and box.isVisible()
    assert w.undo_stack.count() == 0 and statuses(w.store, aid)[k] == "pending" and w.store.spans(aid) == []
    box.close()


def test_bulk_accept_by_slider_writes_the_previewed_count_as_one_undo(w, qtbot):
    from gui.qt.bulk_review_dialog import BulkReviewDialog

    aid = w.controller.article.id
    key(qtbot, w, K.Key_B, CTRL)
    dialog = w.findChild(BulkReviewDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.label_box.setCurrentText("CLAIM")
    dialog.slider.setFocus()
    qtbot.keyClick(dialog.slider, K.Key_Home)
    all_claims = dialog.count()
    for _ in range(72):
        qtbot.keyClick(dialog.slider, K.Key_Right)  # t = 0.72: the 0.75 claims, not the 0.7 ones
    assert dialog.threshold == pytest.approx(0.72)
    previewed = dialog.count()
    assert 0 < previewed < all_claims and f"{previewed} CLAIM" in dialog.preview.text()
    qtbot.keyClick(dialog, K.Key_Return)

    accepted = [k for k, s in statuses(w.store, aid).items() if s == "accepted"]
    assert len(accepted) == previewed == len(suggested_spans(w.store, aid))
    assert all(k[2] == "CLAIM" for k in accepted) and w.undo_stack.count() == 1
    assert len(w.article_view._spans) == previewed

    key(qtbot, w, K.Key_Z, CTRL)  # one undo reverts the whole bulk action
    assert suggested_spans(w.store, aid) == [] and "accepted" not in statuses(w.store, aid).values()


def test_bulk_reject_the_rest_of_a_label_in_every_article(w, qtbot):
    from gui.core.suggest.review import suggest_articles
    from gui.qt.bulk_review_dialog import BulkReviewDialog

    suggest_articles(w.store)  # both seed articles (test set-up, not the UI thread's job)
    w.suggestion_flow.open_bulk()
    dialog = w.findChild(BulkReviewDialog)
    dialog.label_box.setCurrentText("THREAT")
    for button in (dialog.reject_button, dialog.every_article):  # click the radio's indicator
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))
    assert dialog.action == "reject" and dialog.scope is None
    dialog.slider.setValue(60)
    expected = {(s.article_id, s.start, s.end) for s in w.store.suggestions(label="THREAT") if s.score < 0.6}
    assert dialog.count() == len(expected) > 0 and len({a for a, _, _ in expected}) == 2
    dialog.accept()
    rows = w.store.conn.execute("SELECT article_id, start, \"end\" FROM suggestions WHERE status = 'rejected'")
    assert {tuple(r) for r in rows} == expected


def test_opening_an_article_suggests_for_it_in_the_background(main_window, qtbot):
    w = main_window
    other = next(a.id for a in w.store.article_summaries() if a.id != w.controller.article.id)
    assert not w.store.has_suggestions(other)
    w.suggestion_flow.actions["on_open"].trigger()  # the preference, on
    assert QSettings().value("suggest/on_open", type=bool)
    w.select_article(other)
    assert w.controller.article.id == other  # the article is open while suggesting goes on
    qtbot.waitUntil(lambda: bool(w.store.suggestions(other) and w.article_view.suggestions.items), timeout=30000)
    assert len(w.article_view.suggestions.items) == len(w.store.suggestions(other))


def test_suggest_for_all_articles_can_be_cancelled(qtbot, db_path, editor_name):
    from gui.qt.app import open_main_window
    from gui.store import Store

    with Store(db_path) as store:
        from gui.core.seeding import first_run

        first_run(store)
        with store.transaction():  # enough batches that the cancel lands long before the end
            for n in range(1500):
                store.add_article(f"Officials said {n} people were evacuated. The mayor denied report {n}.",
                                  f"A{n}")
    w = open_main_window(db_path)
    qtbot.addWidget(w)
    clicked = []

    def cancel_on_first_report(*_):
        if not clicked:
            clicked.append(True)
            qtbot.mouseClick(w.task_widget.cancel_button, Qt.MouseButton.LeftButton)

    trigger(w, "all")
    task = w._tasks[-1]
    assert w.task_widget.isVisible() and not w.suggestion_flow.actions["all"].isEnabled()
    task.progress.connect(cancel_on_first_report)
    with qtbot.waitSignal(task.cancelled, timeout=30000):
        pass
    qtbot.waitUntil(lambda: w.suggestion_flow.actions["all"].isEnabled())
    assert "stopped" in w.statusBar().currentMessage()
    suggested = w.store.conn.execute("SELECT count(DISTINCT article_id) FROM suggestions").fetchone()[0]
    assert suggested < len(w.store.article_summaries())  # it stopped before the end
    w.store.close()


def test_learning_with_too_few_tags_says_how_many_more(main_window, qtbot):
    from gui.core.suggest.registry import models_dir

    trigger(main_window, "learn")
    qtbot.waitUntil(lambda: main_window.findChild(QMessageBox, "learnMessage") is not None, timeout=30000)
    box = main_window.findChild(QMessageBox, "learnMessage")
    assert "more tagged span" in box.text() and "Not enough tags" in box.text()
    assert not models_dir().exists() or not any(models_dir().iterdir())
    assert main_window.store.conn.execute("SELECT count(*) FROM edit_log").fetchone()[0] == 0
    box.close()


def test_hover_text_of_a_suggestion_is_escaped(w):
    from dataclasses import replace

    s = w.article_view.suggestions.ordered()[0]
    tip = w.article_view.suggestions.tooltip([replace(s, rule="<b>x</b>", suggester="rules+model")])
    assert "&lt;b&gt;x&lt;/b&gt;" in tip and "score" in tip and "rules, model" in tip and s.label in tip


def test_learning_from_done_articles_reports_scores_and_the_model_is_used(qtbot, db_path, editor_name):
    from gui.core.model import Span, Status
    from gui.core.suggest.learned import latest_model
    from gui.core.suggest.registry import available_suggesters, models_dir
    from gui.qt.app import open_main_window
    from gui.store import Store

    with Store(db_path) as store:  # four tiny articles, tagged and done: enough to learn from
        from gui.core.seeding import first_run

        first_run(store)
        for a in range(4):
            lines = [f"Officials said {a * 10 + n} people were evacuated." for n in range(4)]
            aid = store.add_article("\n".join(lines), f"Tiny {a}")
            pos = 0
            for line in lines:
                count = line.split()[2]
                start = pos + line.index(count)
                store.add_span(Span(aid, start, start + len(count) + len(" people"), "STATISTIC", "t", "manual"))
                store.add_span(Span(aid, pos, pos + len(line) - 1, "CLAIM", "t", "manual"))
                pos += len(line) + 1
            store.set_status(aid, Status.DONE)
    w = open_main_window(db_path)
    qtbot.addWidget(w)
    trigger(w, "learn")
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "learnMessage") is not None, timeout=120_000)
    text = w.findChild(QMessageBox, "learnMessage").text()
    assert "STATISTIC: P" in text and "F1" in text
    assert latest_model(models_dir()) is not None
    assert "model" in [s.name for s in available_suggesters(w.store)]  # the registry forgot its old list
    w.store.close()


def test_clicking_a_suggestion_selects_it(w, qtbot):
    from tests.qt.drive import click_span

    s = w.article_view.suggestions.ordered()[0]
    click_span(qtbot, w.article_view, s.start, s.end)
    picked = w.article_view.suggestions.items[w.article_view.suggestions.selected]
    assert picked.start <= (s.start + s.end) // 2 < picked.end
    assert w.suggestion_flow.actions["accept"].isEnabled()
    key(qtbot, w, K.Key_A)
    assert [(x.start, x.end, x.label) for x in w.store.spans(w.controller.article.id)] == \
        [(picked.start, picked.end, picked.label)]


def test_hovering_a_suggestion_shows_label_score_suggester_and_rule(w, qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    from tests.qt.drive import point_at, reveal

    view = w.article_view
    s = next(x for x in view.suggestions.ordered() if not view.spans_at(x.start))
    reveal(view, s.start)
    a, b = point_at(view, s.start), point_at(view, s.start + 1)
    pos = a.__class__((a.x() + b.x()) // 2, a.y())
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    tip = QToolTip.text()
    assert s.label in tip and f"score {s.score:.2f}" in tip and "rules" in tip and f"rule: {s.rule}" in tip
    assert w.store.suggestions(w.controller.article.id)  # hovering decided nothing
    assert w.undo_stack.count() == 0


def test_a_pending_suggestion_is_drawn_apart_from_an_accepted_span(w, qtbot):
    from tests.qt.test_article_view import _colours_between

    view = w.article_view
    s = next(x for x in view.suggestions.ordered() if not view.spans_at(x.start) and x.end - x.start > 12)
    view.select_suggestion((s.start, s.end, s.label), reveal=True)
    qtbot.wait(10)
    pending = _colours_between(view, s.start + 2, s.start + 10)
    bar = view._bars[s.label].name()
    assert bar in pending  # the selected suggestion's dashed outline, in its label's colour
    key(qtbot, w, K.Key_Return)
    view.select_span(None)
    view.select_suggestion(None)
    qtbot.wait(10)
    accepted = _colours_between(view, s.start + 2, s.start + 10)
    assert bar in accepted and accepted != pending  # a span: tint and solid bar instead
    assert [(x.start, x.end) for x in w.store.spans(w.controller.article.id)] == [(s.start, s.end)]
