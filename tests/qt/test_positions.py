"""Code-point offsets against a real QTextDocument: emoji (UTF-16 pairs) and CRLF line breaks."""

from __future__ import annotations

import pytest

from gui.core.positions import PositionMap


@pytest.mark.parametrize("text", ["a😀b😀😀c", "a\r\nb😀\r\n\r\nc", "plain", "😀\r\n"])
def test_position_map_matches_a_text_document(text):
    from PySide6.QtGui import QTextCursor, QTextDocument

    doc = QTextDocument()
    doc.setPlainText(text)
    m = PositionMap(text)
    assert m.to_document(len(text)) == doc.characterCount() - 1
    for cp in range(len(text) + 1):
        if text[cp - 1:cp + 1] == "\r\n":
            continue  # between \r and \n: no document position of its own
        pos = m.to_document(cp)
        assert m.to_cp(pos) == cp
        cursor = QTextCursor(doc)
        cursor.setPosition(pos)
        cursor.setPosition(0, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText().replace("\u2029", "\n") == text[:cp].replace("\r\n", "\n")
