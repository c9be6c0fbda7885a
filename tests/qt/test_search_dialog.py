"""The search dialog: results with context, jump to a hit, tag every hit as one edit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui.core.bulk_edits import CORPUS
from gui.qt.search_dialog import SearchDialog, install_search_dialog

TEXT_A = "Trump said more than 30 strikes would follow. Then 30 strikes came."
TEXT_B = "No more than 30 strikes, said Petro."


@pytest.fixture
def dialog(qtbot, store):
    store.add_article(TEXT_A, "A")
    store.add_article(TEXT_B, "B")
    store.set_setting("annotator", "ana")
    d = SearchDialog(store)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def search_for(qtbot, dialog, text, mode="phrase"):
    dialog.mode.setCurrentIndex(dialog.mode.findData(mode))
    dialog.query.clear()
    qtbot.keyClicks(dialog.query, text)
    with qtbot.waitSignal(dialog.searched, timeout=10_000):
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)


def test_results_with_context_and_jump(qtbot, dialog):
    search_for(qtbot, dialog, "30 strikes")
    assert dialog.model.rowCount() == 3
    assert dialog.status.text() == "3 hit(s) in 2 article(s)"
    assert dialog.model.index(0, 1).data() == "Trump said more than [30 strikes] would follow. Then 30 strikes came."
    index = dialog.model.index(2, 0)
    rect = dialog.results.visualRect(index)
    with qtbot.waitSignal(dialog.open_span_requested) as blocker:
        # Qt 6 item views see a double click as press, release, double-click press
        qtbot.mouseClick(dialog.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(dialog.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [2, 13, 23]


def test_bad_regex_is_a_message(qtbot, dialog):
    search_for(qtbot, dialog, "(30", "regex")
    assert "not a valid regular expression" in dialog.status.text()
    assert dialog.model.rowCount() == 0 and not dialog.tag_button.isEnabled()


def test_tag_every_hit_previews_then_adds_one_edit(qtbot, dialog, store):
    search_for(qtbot, dialog, "strike", "prefix")
    dialog.tag_label.setCurrentIndex(dialog.tag_label.findData("STATISTIC"))
    assert dialog.preview.text() == "Tag 3 hit(s) as STATISTIC"
    qtbot.mouseClick(dialog.tag_button, Qt.MouseButton.LeftButton)
    spans = [s for aid in (1, 2) for s in store.spans(aid)]
    assert [(s.article_id, s.text_in(TEXT_A if s.article_id == 1 else TEXT_B), s.annotator) for s in spans] == [
        (1, "strikes", "ana"), (1, "strikes", "ana"), (2, "strikes", "ana")]
    assert [k for _, k, _, _ in store.edit_history(CORPUS)] == ["add_spans"]  # one undoable edit
    assert dialog.preview.text() == "Tag 0 hit(s) as STATISTIC (3 already tagged)"
    assert not dialog.tag_button.isEnabled()


def test_installs_on_the_main_window(qtbot, main_window):
    action = install_search_dialog(main_window)
    action.trigger()
    dialog = main_window.findChild(SearchDialog, "searchDialog")
    assert dialog is not None and dialog.isVisible()
