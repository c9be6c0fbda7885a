"""The review table: paged rows, filters, sorting, and edits that reach the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui.core.model import Span
from gui.qt.review_view import ReviewView, install_review_view
from gui.qt.span_table_model import PAGE
from gui.store.span_table import SpanFilter, page

TEXT = "Petro denied the claim. Trump said 30 strikes would follow! Nobody knew."


@pytest.fixture
def corpus(store):
    a = store.add_article(TEXT, "Alpha")
    b = store.add_article("Second text here.", "Beta")
    store.add_span(Span(a, 0, 22, "DENIAL", "ana", "manual"))
    store.add_span(Span(a, 35, 45, "STATISTIC", "ben", "suggested:rules"))
    store.add_span(Span(b, 0, 6, "CLAIM", "ana", "imported:conll:x.conll"))
    return store


@pytest.fixture
def view(qtbot, corpus):
    v = ReviewView(corpus)
    qtbot.addWidget(v)
    v.resize(1000, 400)
    with qtbot.waitSignal(v.model.loaded, timeout=10_000):  # rows are sorted in a worker
        v.show()
    qtbot.waitExposed(v)
    return v


def loaded(qtbot, view):
    return qtbot.waitSignal(view.model.loaded, timeout=10_000)


def labels_in_db(store):
    return sorted((s.article_id, s.start, s.label) for aid in (1, 2) for s in store.spans(aid))


def test_rows_show_the_span_in_its_sentence(view):
    assert view.model.rowCount() == 3 and view.count_label.text() == "3 span(s)"
    row = next(view.model.row(i) for i in range(3) if view.model.row(i).label == "STATISTIC")
    assert (row.before, row.text, row.after) == ("Trump said ", "30 strikes", " would follow!")
    index = view.model.index(view.model._rows.index(row), 1)
    assert index.data() == "Trump said [30 strikes] would follow!"
    assert row.title == "Alpha" and row.origin == "suggested:rules"


def test_hotkey_relabels_and_delete_removes_in_the_database(qtbot, view, corpus):
    view.table.setFocus()
    view.table.selectRow(0)  # sorted by article: Alpha's DENIAL first
    assert view.model.row(0).label == "DENIAL"
    with loaded(qtbot, view):
        qtbot.keyClick(view.table, Qt.Key.Key_2)  # THREAT's hotkey
    assert labels_in_db(corpus) == [(1, 0, "THREAT"), (1, 35, "STATISTIC"), (2, 0, "CLAIM")]
    assert [k for _, k, _, _ in corpus.edit_history(1)] == ["relabel"]  # an undoable, logged edit
    assert view.model.row(0).label == "THREAT"

    view.table.selectRow(0)
    with loaded(qtbot, view):
        qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert labels_in_db(corpus) == [(1, 35, "STATISTIC"), (2, 0, "CLAIM")]
    assert view.model.rowCount() == 2 and view.count_label.text() == "2 span(s)"
    assert view.table.selectionModel().selectedRows()[0].row() == 0  # the next span is selected


def test_edits_go_through_the_replaceable_seam(qtbot, view, corpus):
    from gui.core.edits import perform

    seen = []

    def push(edit):  # what a window's undo stack would do: run the same core edit
        seen.append(edit.kind)
        perform(corpus, edit)

    view.perform_edit = push
    view.table.selectRow(2)
    view.relabel_selected("CLAIM")  # already CLAIM: nothing to do
    view.table.selectRow(1)
    with loaded(qtbot, view):
        view.relabel_selected("CLAIM")
    assert seen == ["relabel"] and corpus.span(2).label == "CLAIM"


def test_filters_and_sorting(qtbot, view):
    with loaded(qtbot, view):
        view.annotator_filter.setCurrentIndex(view.annotator_filter.findData("ana"))
    assert {view.model.row(i).annotator for i in range(view.model.rowCount())} == {"ana"}
    with loaded(qtbot, view):
        view.origin_filter.setCurrentIndex(view.origin_filter.findData("imported"))
    assert [view.model.row(i).label for i in range(view.model.rowCount())] == ["CLAIM"]
    view.origin_filter.setCurrentIndex(0)
    with loaded(qtbot, view):
        view.annotator_filter.setCurrentIndex(0)
    assert view.model.rowCount() == 3
    view.text_filter.setText("strikes")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.row(0).label == "STATISTIC"
    view.text_filter.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    with loaded(qtbot, view):
        view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [view.model.row(i).label for i in range(3)] == ["STATISTIC", "DENIAL", "CLAIM"]


def test_enter_opens_the_article_at_the_span(qtbot, view):
    view.table.setFocus()
    view.table.selectRow(1)
    with qtbot.waitSignal(view.open_span_requested) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == [1, 35, 45]


def test_rows_are_fetched_a_page_at_a_time(qtbot, store):
    aid = store.add_article("word " * 400, "Long")
    with store.transaction():
        for i in range(PAGE * 2 + 10):
            store.add_span(Span(aid, (i % 400) * 5, (i % 400) * 5 + 4, "CLAIM", f"ed{i % 3}"))
    v = ReviewView(store)
    qtbot.addWidget(v)
    with qtbot.waitSignal(v.model.loaded, timeout=10_000):
        v.show()
    assert v.model.rowCount() == PAGE and v.model.total == PAGE * 2 + 10
    v.table.scrollToBottom()
    qtbot.waitUntil(lambda: v.model.rowCount() > PAGE)
    while v.model.canFetchMore():
        v.model.fetchMore()
    assert v.model.rowCount() == PAGE * 2 + 10
    ids = [v.model.row(i).id for i in range(v.model.rowCount())]
    assert len(set(ids)) == len(ids)  # pages neither overlap nor skip
    assert len(page(store, SpanFilter(annotator="ed1"), limit=10_000)) == (PAGE * 2 + 10 + 1) // 3


def test_installs_on_the_main_window_with_one_line(qtbot, main_window):
    from PySide6.QtWidgets import QDockWidget

    install_review_view(main_window)
    titles = [a.text() for a in main_window.menuBar().actions()]
    assert "&Review" in titles and titles[-1] == "&Help"
    dock = main_window.findChild(QDockWidget, "reviewDock")
    assert dock is not None and not dock.isVisible()
    with qtbot.waitSignal(dock.widget().model.loaded, timeout=10_000):  # rows read before the store closes
        dock.toggleViewAction().trigger()
    assert dock.isVisible()
