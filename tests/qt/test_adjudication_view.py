"""Adjudication keys write the reviewer's final spans to the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui.core.model import Span
from gui.qt.adjudication_view import AdjudicationView, install_adjudication
from gui.store.review_queries import spans_of_annotator

TEXT = "Petro 😀 denied the claim. Trump said 30 strikes would follow."


@pytest.fixture
def view(qtbot, store):
    aid = store.add_article(TEXT, "Strikes")
    other = store.add_article("Nothing shared here.", "Other")
    agreed = TEXT.index("Petro")
    stat = TEXT.index("30 strikes")
    said = TEXT.index("Trump")
    store.add_span(Span(aid, agreed, TEXT.index(" the"), "DENIAL", "ana"))
    store.add_span(Span(aid, agreed, TEXT.index(" the"), "DENIAL", "ben"))
    store.add_span(Span(aid, stat, stat + 10, "STATISTIC", "ana"))
    store.add_span(Span(aid, said, len(TEXT) - 1, "CLAIM", "ben"))
    store.add_span(Span(other, 0, 7, "CLAIM", "ana"))
    store.set_setting("annotator", "rev")
    v = AdjudicationView(store)
    qtbot.addWidget(v)
    v.resize(1100, 600)
    v.show()
    qtbot.waitExposed(v)
    v.activateWindow()
    v.load("ana", "ben")
    v.list.setFocus()
    return v


def final(view):
    return [(s.label, TEXT[s.start:s.end], s.origin) for s in spans_of_annotator(view.store, view.article_id, "rev")]


def test_only_articles_both_tagged_are_offered(view):
    assert [view.article_combo.itemText(i) for i in range(view.article_combo.count())] == ["Strikes"]
    assert len(view.agreed) == 1 and len(view.groups) == 1  # STATISTIC inside ben's CLAIM: one group
    assert view.status.text() == "1 agreed, 0/1 disagreement(s) decided"


def test_keys_take_a_b_both_neither_and_agreed(qtbot, view):
    qtbot.keyClick(view.list, Qt.Key.Key_A)
    assert final(view) == [("STATISTIC", "30 strikes", "adjudicated")]
    qtbot.keyClick(view.list, Qt.Key.Key_B)  # change of mind: replaces
    assert final(view) == [("CLAIM", "Trump said 30 strikes would follow", "adjudicated")]
    qtbot.keyClick(view.list, Qt.Key.Key_C)
    assert sorted(final(view)) == [("CLAIM", "Trump said 30 strikes would follow", "adjudicated"),
                                   ("STATISTIC", "30 strikes", "adjudicated")]
    assert "→  both" in view.list.item(0).text()
    qtbot.keyClick(view.list, Qt.Key.Key_N)
    assert final(view) == []
    assert "→  neither" in view.list.item(0).text()
    qtbot.keyClick(view.list, Qt.Key.Key_G)
    assert final(view) == [("DENIAL", "Petro 😀 denied", "adjudicated")]  # offsets right past the emoji
    assert view.status.text() == "1 agreed, 1/1 disagreement(s) decided"
    kinds = [k for _, k, _, _ in view.store.edit_history(view.article_id)]
    assert kinds == ["adjudicate"] * 5  # A, B, C, N, G: one undoable edit each
    # ana's and ben's layers are untouched
    assert len(spans_of_annotator(view.store, view.article_id, "ana")) == 2


def test_highlights_follow_utf16_positions(view):
    selections = view.text_a.extraSelections()
    texts = sorted(s.cursor.selectedText() for s in selections)
    assert texts == ["30 strikes", "Petro 😀 denied"]


def test_installs_on_the_main_window(qtbot, main_window):
    action = install_adjudication(main_window)
    action.trigger()
    assert main_window.findChild(AdjudicationView) is not None


def test_a_neither_decision_is_still_decided_when_the_view_is_opened_again(qtbot, view):
    qtbot.keyClick(view.list, Qt.Key.Key_N)
    assert final(view) == [] and "→  neither" in view.list.item(0).text()
    store = view.store
    view.close()
    again = AdjudicationView(store)  # a new session on the same database
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    again.load("ana", "ben")
    assert "→  neither" in again.list.item(0).text()
    assert again.status.text() == "1 agreed, 1/1 disagreement(s) decided"
    again.list.setFocus()
    qtbot.keyClick(again.list, Qt.Key.Key_A)  # a change of mind replaces it
    assert [(s.label, TEXT[s.start:s.end]) for s in spans_of_annotator(store, again.article_id, "rev")] == [
        ("STATISTIC", "30 strikes")]
    assert "→  a" in again.list.item(0).text()
