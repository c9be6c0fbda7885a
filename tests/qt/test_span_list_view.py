"""The span list paints its rows itself: what it paints, its keys and tooltips, and that a
tag repaints one row of the article list rather than all of them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from gui.core.model import Span
from tests.qt.drive import PaintLog, drag, key, spans_in_db

K = Qt.Key


def _add(w, word, label):
    text = w.controller.text
    start = text.index(word)
    span = w.store.add_span(Span(w.controller.article.id, start, start + len(word), label, "Ana Tester"))
    w.controller.refresh_spans({span.id})
    return span


def _dot(table, row) -> QColor:
    """The colour at the centre of row ``row``'s label dot."""
    image = table.viewport().grab().toImage()
    dpr = image.devicePixelRatio()
    rect = table.row_rect(row)
    return image.pixelColor(int((6 + 4) * dpr), int(rect.center().y() * dpr))


def _label_colour(w, name) -> str:
    return next(label.color for label in w.store.labels() if label.name == name).lower()


def test_rows_show_each_span_in_its_label_colour_and_follow_a_relabel(main_window, qtbot):
    w = main_window
    bogota = _add(w, "Bogota", "CLAIM")
    _add(w, "Maduro", "THREAT")
    table = w.span_panel.table
    rows = [table.model().span_at(r).label for r in range(table.model().rowCount())]
    assert sorted(rows) == ["CLAIM", "THREAT"]
    row = table.model().row_of(bogota)
    assert _dot(table, row).name() == _label_colour(w, "CLAIM")
    w.article_view.select_span(bogota.id)
    w.article_view.setFocus()
    key(qtbot, w, K.Key_4)  # relabel to STATISTIC
    assert w.store.span(bogota.id).label == "STATISTIC"
    qtbot.waitUntil(lambda: _dot(table, table.model().row_of(w.store.span(bogota.id))).name()
                    == _label_colour(w, "STATISTIC"))
    below = table.row_rect(table.model().rowCount())  # no row there: only the background
    image = table.viewport().grab().toImage()
    base = table.palette().color(table.palette().ColorRole.Base).name()
    dpr = image.devicePixelRatio()
    assert {image.pixelColor(int(x * dpr), int(below.center().y() * dpr)).name()
            for x in range(0, table.viewport().width(), 7)} == {base}


def test_keys_move_through_the_rows_and_enter_jumps_to_the_span(main_window, qtbot):
    w = main_window
    spans = sorted((_add(w, word, "CLAIM") for word in ("Bogota", "Maduro", "Petro")), key=lambda s: s.start)
    table = w.span_panel.table
    table.setFocus()
    qtbot.keyClick(table, K.Key_Home)
    assert table.current_row() == 0
    qtbot.keyClick(table, K.Key_Down)
    assert table.current_row() == 1
    word = w.controller.text[spans[1].start:spans[1].end]
    assert table.accessibleDescription() == f"CLAIM: {word}, Ana Tester; row 2 of 3"
    assert w.article_view.selected_span_id != spans[1].id  # moving is not jumping
    qtbot.keyClick(table, K.Key_Return)
    assert w.article_view.selected_span_id == spans[1].id
    qtbot.keyClick(table, K.Key_End)
    qtbot.keyClick(table, K.Key_Down)  # past the end it stays on the last row
    assert table.current_row() == 2
    assert [(s.start, s.end) for s in w.store.spans(w.controller.article.id)] == [(s.start, s.end) for s in spans]


def test_hovering_a_row_shows_the_whole_span_text(main_window, qtbot):
    w = main_window
    text = w.controller.text
    start = text.index("Bogota")
    end = text.index(".", start) + 1  # a long span: the row elides it, the tooltip does not
    w.store.add_span(Span(w.controller.article.id, start, end, "CLAIM", "Ana Tester"))
    w.controller.refresh_spans({s.id for s in w.store.spans(w.controller.article.id)})
    table = w.span_panel.table
    pos = table.row_rect(0).center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, table.viewport().mapToGlobal(pos))
    QApplication.sendEvent(table.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == text[start:end]
    QToolTip.hideText()


def test_a_tag_repaints_only_its_article_row_in_the_list(main_window, qtbot):
    w = main_window
    text, aid = w.controller.text, w.controller.article.id
    listing = w.article_list
    current = listing.visualRect(listing.currentIndex())
    log = PaintLog(listing.viewport())
    start = text.index("Maduro")
    drag(qtbot, w.article_view, start, start + 6)
    key(qtbot, w, K.Key_2)
    assert (start, start + 6, "THREAT") in spans_in_db(w.store, aid)
    qtbot.waitUntil(lambda: "1 span" in listing.currentIndex().data())
    qtbot.waitUntil(lambda: bool(log.rects))
    first = w.controller.text.index("Petro")
    drag(qtbot, w.article_view, first, first + 5)
    key(qtbot, w, K.Key_1)  # the second tag: the status stays "in progress", only the count changes
    qtbot.waitUntil(lambda: "2 spans" in listing.currentIndex().data())
    qtbot.waitUntil(lambda: w.controller.token_index is not None)  # background work after opening is done
    qtbot.wait(50)
    log.rects.clear()
    drag(qtbot, w.article_view, text.index("Bogota"), text.index("Bogota") + 6)
    key(qtbot, w, K.Key_3)
    qtbot.waitUntil(lambda: "3 spans" in listing.currentIndex().data())
    qtbot.waitUntil(lambda: bool(log.rects))
    assert all(current.contains(r) for r in log.rects), (current, log.rects)
    assert listing.indexAt(QPoint(5, current.bottom() + 5)).isValid()  # rows below exist, and were not repainted


def test_the_scrollbar_handle_is_painted_where_it_is_as_rows_come(main_window, qtbot):
    w = main_window
    text = w.controller.text
    bar = w.span_panel.table.verticalScrollBar()
    words = list(dict.fromkeys(word.strip(".,“”’") for word in text.split() if len(word) > 5))[:90]
    handles = set()
    for word in words:  # one row at a time, as tags add them
        _add(w, word, "CLAIM")
        qtbot.wait(1)
        assert bar._handle == bar._handle_rect() or not bar.isVisible()  # painted where it is
        handles.add((bar._handle.top(), bar._handle.height()))
    assert len(handles) > 5 and bar.isVisible()  # the handle shrank as rows came
    assert len(w.store.spans(w.controller.article.id)) == len(words)


def test_a_tag_in_a_long_list_does_not_repaint_the_scrollbar(main_window, qtbot):
    w = main_window
    aid, text = w.controller.article.id, w.controller.text
    starts = [i for i in range(1, len(text) - 3) if text[i - 1] == " " and text[i].isalpha()][:500]
    with w.store.transaction():
        for i in starts:
            w.store.add_span(Span(aid, i, i + 3, "CLAIM", "seed"))
    other = next(s.id for s in w.store.article_summaries() if s.id != aid)
    w.select_article(other)
    w.select_article(aid)
    table = w.span_panel.table
    bar = table.verticalScrollBar()
    qtbot.waitUntil(lambda: table.model().rowCount() == len(starts) and bar.isVisible())
    log = PaintLog(bar)
    qtbot.wait(20)
    log.rects.clear()
    for word in ("Bogota", "Maduro", "Petro"):
        _add(w, word, "THREAT")
        qtbot.wait(1)
    assert table.model().rowCount() == len(starts) + 3
    assert bar._handle == bar._handle_rect()
    assert log.rects == []
