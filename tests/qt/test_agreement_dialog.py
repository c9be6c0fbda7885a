from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from gui.core.model import Span
from gui.qt.agreement_dialog import AgreementDialog

TEXT = "aa bb cc dd ee ff gg hh ii jj"


def test_report_for_the_ticked_editors(qtbot, store):
    aid = store.add_article(TEXT, "shared")
    for who, start, end in (("ana", 0, 8), ("ben", 3, 14), ("carla", 0, 8)):
        store.add_span(Span(aid, start, end, "CLAIM", who))
    dialog = AgreementDialog(store)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.computed, timeout=10_000):
        dialog.show()
    assert dialog.report.annotators == ["ana", "ben", "carla"]
    assert "Krippendorff's alpha" in dialog.report_view.toPlainText()
    assert dialog.worst.count() == 1

    dialog.editors.item(2).setCheckState(Qt.CheckState.Unchecked)  # carla out
    with qtbot.waitSignal(dialog.computed, timeout=10_000):
        qtbot.mouseClick(dialog.findChild(QPushButton, "compareButton"), Qt.MouseButton.LeftButton)
    assert dialog.report.annotators == ["ana", "ben"]
    # ana C C C O..., ben O C C C C O...: po = .7, pe = .3*.4 + .7*.6 = .54 -> kappa = 8/23
    assert dialog.report.pairs[0].kappa == pytest.approx(8 / 23)
    rect = dialog.worst.visualItemRect(dialog.worst.item(0))
    with qtbot.waitSignal(dialog.open_span_requested) as blocker:
        qtbot.mouseClick(dialog.worst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(dialog.worst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [aid, 0, 0]
