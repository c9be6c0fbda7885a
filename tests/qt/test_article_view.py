"""What the article view shows: layered spans, tooltips, find, zoom, the span list and guidelines."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser

from gui.core.model import Span
from tests.qt.drive import click_span, key, point_at

K = Qt.Key


def _add(w, start, end, label, annotator="Ana Tester"):
    span = w.store.add_span(Span(w.controller.article.id, start, end, label, annotator))
    w.controller.refresh_spans({span.id})
    return span


def _colours_between(view, start, end) -> set[str]:
    """The colours painted on the line of ``[start, end)`` under the characters."""
    image = view.viewport().grab().toImage()
    dpr = image.devicePixelRatio()
    a, b = point_at(view, start), point_at(view, end)
    rect = view.cursorRect(view.textCursor())
    colours = set()
    for x in range(a.x() + 1, b.x() - 1):
        for y in range(a.y() - rect.height() // 2, a.y() + rect.height() // 2 + 1):
            colours.add(image.pixelColor(int(x * dpr), int(y * dpr)).name())
    return colours


def _bar(w, label) -> str:
    return w.article_view._bars[label].name()


def test_overlapping_spans_all_show_their_colour(main_window, qtbot):
    w = main_window
    text = w.controller.text
    start = text.index("Gustavo Petro said")
    _add(w, start, start + len("Gustavo Petro said"), "CLAIM")
    _add(w, start + len("Gustavo "), start + len("Gustavo Petro"), "DENIAL")
    w.article_view.setTextCursor(w.article_view.textCursor())
    qtbot.wait(10)
    inner = _colours_between(w.article_view, start + 8, start + 13)
    assert _bar(w, "CLAIM") in inner and _bar(w, "DENIAL") in inner  # both bars under the nested part
    outer = _colours_between(w.article_view, start, start + 7)
    assert _bar(w, "CLAIM") in outer and _bar(w, "DENIAL") not in outer
    assert w.store.span_count() == 2


def test_click_selects_the_innermost_span_then_the_outer_one(main_window, qtbot):
    w = main_window
    text = w.controller.text
    start = text.index("Gustavo Petro said")
    outer = _add(w, start, start + len("Gustavo Petro said"), "CLAIM")
    inner = _add(w, start + 8, start + 13, "STATISTIC")
    click_span(qtbot, w.article_view, inner.start, inner.end)
    assert w.article_view.selected_span_id == inner.id
    click_span(qtbot, w.article_view, inner.start, inner.end)
    assert w.article_view.selected_span_id == outer.id
    w.article_view.setFocus()
    key(qtbot, w, K.Key_Delete)
    assert [s.id for s in w.store.spans(w.controller.article.id)] == [inner.id]


def test_tooltip_names_label_annotator_origin_and_escapes_html(main_window):
    w = main_window
    text = w.controller.text
    start = text.index("Petro")
    span = _add(w, start, start + 5, "THREAT", annotator="<b>Eve</b> & co")
    tip = w.article_view.tooltip_for([w.controller.spans[span.id]])
    assert "THREAT" in tip and "&lt;b&gt;Eve&lt;/b&gt; &amp; co" in tip and "manual" in tip
    assert span.created[:10] in tip
    assert w.store.span(span.id).annotator == "<b>Eve</b> & co"


def test_find_bar_moves_to_next_and_previous_match_and_a_key_tags_it(main_window, qtbot):
    w = main_window
    text = w.controller.text
    w.article_view.setFocus()
    key(qtbot, w, K.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.find_bar.isVisible() and QApplication.focusWidget() is w.find_bar.edit
    qtbot.keyClicks(w.find_bar.edit, "BBC")
    qtbot.keyClick(w.find_bar.edit, K.Key_Return)
    first = text.index("BBC")
    assert w.article_view.selection_range() == (first, first + 3)
    qtbot.keyClick(w.find_bar.edit, K.Key_Return)
    second = text.index("BBC", first + 1)
    assert w.article_view.selection_range() == (second, second + 3)
    qtbot.keyClick(w.find_bar.edit, K.Key_Escape)
    assert not w.find_bar.isVisible()
    key(qtbot, w, K.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert w.article_view.selection_range() == (first, first + 3)
    key(qtbot, w, K.Key_1)
    assert [(s.start, s.end) for s in w.store.spans(w.controller.article.id)] == [(first, first + 3)]


def test_zoom_keys_change_the_text_size(main_window, qtbot):
    w = main_window
    size = w.article_view.font().pointSizeF()
    w.article_view.setFocus()
    key(qtbot, w, K.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert w.article_view.font().pointSizeF() > size
    key(qtbot, w, K.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, w, K.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert w.article_view.font().pointSizeF() < size


def test_span_list_filters_by_label_and_clicking_a_row_selects_the_span(main_window, qtbot):
    w = main_window
    text = w.controller.text
    spans = [_add(w, text.index(word), text.index(word) + len(word), label)
             for word, label in (("Bogota", "CLAIM"), ("Maduro", "THREAT"), ("Petro", "CLAIM"))]
    table = w.span_panel.table
    assert table.model().rowCount() == 3
    w.span_panel.filter.setCurrentIndex(w.span_panel.filter.findData("CLAIM"))
    assert table.model().rowCount() == 2
    assert {table.model().index(r, 1).data() for r in range(2)} == {"Bogota", "Petro"}
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.row_rect(1).center())
    assert w.article_view.selected_span_id == spans[0].id  # "Bogota" comes after "Petro"
    assert w.store.span(spans[0].id).label == "CLAIM"


def test_label_buttons_show_guidelines_and_help_lists_all_labels(main_window, qtbot):
    w = main_window
    action = w.label_bar.label_actions["DENIAL"]
    assert "rejects, refutes or denies" in action.toolTip() and action.shortcut().toString() == "3"
    w.show_guidelines()
    dialog = w.findChild(QDialog, "guidelinesDialog")
    html_text = dialog.findChild(QTextBrowser).toPlainText()
    for label in w.store.labels():
        assert label.name in html_text and label.examples[0] in html_text
    dialog.close()


def test_dark_palette_keeps_label_colours_legible(main_window):
    w = main_window
    palette = w.article_view.palette()
    palette.setColor(palette.ColorRole.Base, QColor("#1e1f22"))
    w.article_view.setPalette(palette)
    tint = w.article_view._tints["DENIAL"]
    bar = QColor(w.article_view._bars["DENIAL"])
    assert bar.lightness() > QColor(w.store.labels()[2].color).lightness()  # lifted on dark
    assert tint.alpha() > 52


def test_span_list_filter_holds_while_spans_are_added_and_removed(main_window, qtbot):
    w = main_window
    text = w.controller.text
    w.span_panel.filter.setCurrentIndex(w.span_panel.filter.findData("CLAIM"))
    model = w.span_panel.table.model()
    threat = _add(w, text.index("Maduro"), text.index("Maduro") + 6, "THREAT")
    assert model.rowCount() == 0
    claim = _add(w, text.index("Bogota"), text.index("Bogota") + 6, "CLAIM")
    assert model.rowCount() == 1 and model.index(0, 1).data() == "Bogota"
    w.article_view.select_span(threat.id)
    w.article_view.setFocus()
    key(qtbot, w, K.Key_1)  # relabel THREAT -> CLAIM: it joins the filtered list, in text order
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == ["Bogota", "Maduro"]
    w.span_panel.filter.setCurrentIndex(0)
    assert model.rowCount() == 2
    assert {s.label for s in w.store.spans(w.controller.article.id)} == {"CLAIM"} and claim.id


def test_span_list_follows_the_selected_span(main_window, qtbot):
    w = main_window
    text = w.controller.text
    spans = [_add(w, text.index(word), text.index(word) + len(word), "CLAIM") for word in ("Bogota", "Maduro")]
    w.article_view.select_span(spans[1].id)
    table = w.span_panel.table
    qtbot.waitUntil(lambda: table.current_row() == 1)
    assert w.store.span(spans[1].id).label == "CLAIM"
