"""One tag inserts one row in the span list: only the rows that moved are repainted,
and the rows shown stay right."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from gui.core.model import Span
from tests.qt.drive import PaintLog, drag, key, spans_in_db


def _open_with_many_spans(w, qtbot):
    aid, text = w.controller.article.id, w.controller.text
    words = [m for m in re.finditer(r"\w{4,}", text)][:80]
    with w.store.transaction():
        for m in words[10:70]:
            w.store.add_span(Span(aid, m.start(), m.end(), "CLAIM", "seed"))
    other = next(s.id for s in w.store.article_summaries() if s.id != aid)
    w.select_article(other)
    w.select_article(aid)
    w.article_view.setFocus()
    qtbot.wait(50)
    return aid, text, words


def test_a_row_added_below_the_visible_rows_repaints_none_of_them(main_window, qtbot):
    w = main_window
    aid, text, words = _open_with_many_spans(w, qtbot)
    table = w.span_panel.table
    assert 0 <= table.row_at(table.viewport().height() - 1) < 60  # the list is taller than the panel
    log = PaintLog(table.viewport())
    late = words[75]  # after every stored span: its row goes last, out of sight
    drag(qtbot, w.article_view, late.start(), late.end())
    key(qtbot, w, Qt.Key.Key_2)
    qtbot.wait(20)
    assert (late.start(), late.end(), "THREAT") in spans_in_db(w.store, aid)
    assert w.span_panel.model.rowCount() == 61
    first_row = table.row_rect(0)
    assert not any(r.intersects(first_row) for r in log.rects)

    early = words[0]  # before every stored span: row 0, every visible row moves down
    log.rects.clear()
    drag(qtbot, w.article_view, early.start(), early.end())
    key(qtbot, w, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: any(r.intersects(first_row) for r in log.rects))
    assert (early.start(), early.end(), "DENIAL") in spans_in_db(w.store, aid)
    assert table.model().index(0, 0).data() == "DENIAL"

    log.rects.clear()
    key(qtbot, w, Qt.Key.Key_Delete)  # the new span is selected: delete it, row 0 goes
    qtbot.waitUntil(lambda: any(r.intersects(first_row) for r in log.rects))
    assert (early.start(), early.end(), "DENIAL") not in spans_in_db(w.store, aid)
    assert table.model().index(0, 0).data() == "CLAIM" and w.span_panel.model.rowCount() == 61
