"""Tag, relabel, resize, delete, undo and redo through real drags and key presses; check the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from gui.core.model import Status
from tests.qt.drive import click_span, drag, key, spans_in_db

K = Qt.Key
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def w(main_window, qtbot):
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    main_window.article_view.setFocus()
    return main_window


def _text(w):
    return w.controller.text


def test_each_hotkey_tags_the_dragged_selection_snapped_to_tokens(w, qtbot):
    text, aid = _text(w), w.controller.article.id
    assert w.store.article(aid).status == Status.TODO
    words = ["Gustavo Petro", "military action", "condemned", "two presidents"]
    expected = []
    for hotkey, (word, label) in zip((K.Key_1, K.Key_2, K.Key_3, K.Key_4),
                                      zip(words, ["CLAIM", "THREAT", "DENIAL", "STATISTIC"])):
        start = text.index(word)
        drag(qtbot, w.article_view, start + 2, start + len(word) - 2)  # half words at both ends
        key(qtbot, w, hotkey)
        expected.append((start, start + len(word), label))
    assert sorted(spans_in_db(w.store, aid)) == sorted(expected)
    assert {s.annotator for s in w.store.spans(aid)} == {"Ana Tester"}
    assert {s.origin for s in w.store.spans(aid)} == {"manual"}
    assert w.store.article(aid).status == Status.IN_PROGRESS  # set by the first tag
    assert "STATISTIC 1" in w.status_panel.counts_label.text()
    assert w.status_panel.saved_label.text() == "Saved"
    assert w.span_panel.model.rowCount() == 4


def test_label_button_tags_too_and_span_list_jumps(w, qtbot):
    text, aid = _text(w), w.controller.article.id
    start = text.index("Bogota")
    drag(qtbot, w.article_view, start, start + 3)
    button = w.label_bar.widgetForAction(w.label_bar.label_actions["DENIAL"])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert spans_in_db(w.store, aid) == [(start, start + len("Bogota"), "DENIAL")]
    assert "Bogota" in w.span_panel.model.index(0, 1).data()


def test_click_relabel_resize_delete_undo_redo(w, qtbot):
    text, aid, view = _text(w), w.controller.article.id, w.article_view
    start = text.index("real threat")
    drag(qtbot, view, start, start + len("real threat"))
    key(qtbot, w, K.Key_1)
    (span,) = w.store.spans(aid)
    view.select_span(None)

    click_span(qtbot, view, span.start, span.end)
    assert view.selected_span_id == span.id
    key(qtbot, w, K.Key_2)  # relabel
    assert spans_in_db(w.store, aid) == [(span.start, span.end, "THREAT")]

    key(qtbot, w, K.Key_Left, ALT)  # grow at start: the opening quote
    assert w.store.span(span.id).start == text.index("“real threat")
    key(qtbot, w, K.Key_Right, ALT)  # grow at end: the closing quote
    key(qtbot, w, K.Key_Right, ALT)  # and the next word
    assert text[w.store.span(span.id).start:w.store.span(span.id).end] == "“real threat” of"
    key(qtbot, w, K.Key_Right, ALT | SHIFT)  # shrink at end
    key(qtbot, w, K.Key_Left, ALT | SHIFT)  # shrink at start
    assert text[w.store.span(span.id).start:w.store.span(span.id).end] == "real threat”"

    key(qtbot, w, K.Key_Delete)
    assert spans_in_db(w.store, aid) == []
    key(qtbot, w, K.Key_Z, CTRL)
    assert spans_in_db(w.store, aid) == [(start, start + len("real threat") + 1, "THREAT")]
    key(qtbot, w, K.Key_Z, CTRL)  # undo the shrink at start
    assert text[w.store.span(span.id).start:w.store.span(span.id).end] == "“real threat”"
    key(qtbot, w, K.Key_Z, CTRL | SHIFT)
    key(qtbot, w, K.Key_Z, CTRL | SHIFT)
    assert spans_in_db(w.store, aid) == []
    assert [e[3] for e in w.store.edit_history(aid)] == ["done"] * 8
    assert w.history_view.model().rowCount() == 0  # a tab behind Spans: it follows the stack once shown
    w.findChild(QDockWidget, "historyDock").raise_()
    qtbot.waitUntil(lambda: w.history_view.model().rowCount() == 9)  # "Article opened" + eight edits
    assert w.history_view.currentIndex().row() == 8


def test_backspace_deletes_and_next_previous_jump_between_spans(w, qtbot):
    text, aid, view = _text(w), w.controller.article.id, w.article_view
    for word in ("Colombian", "Maduro", "Bogota"):
        s = text.index(word)
        drag(qtbot, view, s, s + len(word))
        key(qtbot, w, K.Key_4)
    spans = w.store.spans(aid)
    view.select_span(spans[0].id)
    key(qtbot, w, K.Key_N)
    assert view.selected_span_id == spans[1].id
    key(qtbot, w, K.Key_N)
    key(qtbot, w, K.Key_P)
    assert view.selected_span_id == spans[1].id
    key(qtbot, w, K.Key_Backspace)
    assert [s.id for s in w.store.spans(aid)] == [spans[0].id, spans[2].id]


def test_whitespace_or_punctuation_selection_is_refused_with_a_message(w, qtbot):
    aid = w.store.add_article("Petro said:   “no” .  Then he left.", "spaces")
    w.reload_articles()
    w.select_article(aid)
    text = _text(w)
    start = text.index("   ")
    drag(qtbot, w.article_view, start, start + 3)
    key(qtbot, w, K.Key_1)
    assert "whitespace" in w.statusBar().currentMessage()
    start = text.index(" . ")
    drag(qtbot, w.article_view, start, start + 3)
    key(qtbot, w, K.Key_1)
    assert "punctuation" in w.statusBar().currentMessage()
    assert w.store.spans(aid) == []
    assert w.undo_stack.count() == 0


def test_alt_while_selecting_keeps_exact_characters(w, qtbot):
    text, aid = _text(w), w.controller.article.id
    start = text.index("Gustavo")
    drag(qtbot, w.article_view, start + 2, start + 5, ALT)
    key(qtbot, w, K.Key_1)
    assert spans_in_db(w.store, aid) == [(start + 2, start + 5, "CLAIM")]


def test_offsets_stay_right_after_an_emoji(w, qtbot):
    aid = w.store.add_article("Rally 🎉🎉 in Bogota: 30 people 👍 attended.", "emoji")
    w.reload_articles()
    w.select_article(aid)
    text = _text(w)
    start = text.index("30 people")
    drag(qtbot, w.article_view, start + 1, start + 6)
    key(qtbot, w, K.Key_4)
    (span,) = w.store.spans(aid)
    assert text[span.start:span.end] == "30 people"
    start = text.index("attended")
    drag(qtbot, w.article_view, start, start + 4)
    key(qtbot, w, K.Key_1)
    assert [text[s.start:s.end] for s in w.store.spans(aid)] == ["30 people", "attended"]


def test_keyboard_only_shift_arrows_then_a_hotkey(w, qtbot):
    text, aid, view = _text(w), w.controller.article.id, w.article_view
    start = text.index("Nicolas Maduro")
    cursor = view.textCursor()
    cursor.setPosition(view.to_qt(start))
    view.setTextCursor(cursor)
    for _ in range(len("Nicolas Mad")):
        key(qtbot, w, K.Key_Right, SHIFT)
    key(qtbot, w, K.Key_2)
    assert spans_in_db(w.store, aid) == [(start, start + len("Nicolas Maduro"), "THREAT")]


def test_double_click_a_word_and_shift_click_to_extend(w, qtbot):
    from tests.qt.drive import LEFT, NO_MOD, point_at, reveal

    text, aid, view = _text(w), w.controller.article.id, w.article_view
    start = text.index("Venezuelan leader")
    reveal(view, start)
    a, b = point_at(view, start + 2), point_at(view, start + 3)
    middle = a.__class__((a.x() + b.x()) // 2, a.y())
    qtbot.mouseDClick(view.viewport(), LEFT, NO_MOD, middle)
    assert view.selection_range() == (start, start + len("Venezuelan"))
    key(qtbot, w, K.Key_4)
    end = start + len("Venezuelan leader")
    qtbot.mouseClick(view.viewport(), LEFT, NO_MOD, point_at(view, start))
    qtbot.mouseClick(view.viewport(), LEFT, SHIFT, point_at(view, end - 2))
    key(qtbot, w, K.Key_1)
    assert spans_in_db(w.store, aid) == [(start, start + len("Venezuelan"), "STATISTIC"), (start, end, "CLAIM")]


def test_offsets_stay_right_after_windows_line_breaks(w, qtbot):
    aid = w.store.add_article("Headline\r\nPetro said 30 people\r\n\r\nwere 😀 hurt in Bogota.", "crlf")
    w.reload_articles()
    w.select_article(aid)
    text = _text(w)
    for word, hotkey in (("30 people", K.Key_4), ("Bogota", K.Key_1)):
        start = text.index(word)
        drag(qtbot, w.article_view, start, start + len(word) - 1)
        key(qtbot, w, hotkey)
    assert [text[s.start:s.end] for s in w.store.spans(aid)] == ["30 people", "Bogota"]
