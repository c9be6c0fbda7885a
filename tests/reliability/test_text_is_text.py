"""User text is never interpreted as HTML: an article whose title and text hold
<script>, <b> and &amp; shows them literally, in the article view, the article list
and its tooltips, and in every other model, label and tooltip of the main window
(views added later are swept too). What is checked is the text a user SEES: a
string Qt would take for rich text (Qt.mightBeRichText) is rendered first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import QLabel, QWidget

from gui.store import Store

TITLE = "Minister <b>denies</b> <script>alert('x')</script> Smith &amp; Sons"
TEXT = ("<script>alert('x')</script> The minister said <b>prices</b> rose 12% &amp; wages fell.\n"
        "<i>Smith &amp; Sons</i> denied it &lt;loudly&gt;. 🌶 <a href='http://x'>link</a>")
MARKER = "alert('x')"  # present wherever the title or the text is shown
LITERALS = ["<script>alert('x')</script>", "<b>", "&amp;"]


def visible(value: str, rich: bool | None = None) -> str:
    """What a label or tooltip showing ``value`` displays."""
    if rich is None:
        rich = QtGuiNamespace.mightBeRichText(value)
    if not rich:
        return value
    doc = QTextDocument()
    doc.setHtml(value)
    return doc.toPlainText()


@pytest.fixture
def window(qtbot, db_path):
    from gui.qt.app import make_application, open_main_window

    with Store(db_path) as store:
        from gui.core.seeding import ensure_labels

        ensure_labels(store)
        article_id = store.add_article(TEXT, TITLE, source="<b>wire</b>.txt")
    make_application()
    win = open_main_window(db_path)
    qtbot.addWidget(win)
    qtbot.waitExposed(win)
    assert win.select_article(article_id)
    qtbot.wait(20)
    yield win
    win.store.close()


def _has_children(model, index) -> bool:
    try:
        return model.hasChildren(index)
    except TypeError:  # list and table models keep it private in PySide6: they have none
        return False


def _model_strings(model: QAbstractItemModel, parent=QModelIndex(), depth=0):
    roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
             Qt.ItemDataRole.StatusTipRole, Qt.ItemDataRole.WhatsThisRole]
    for row in range(min(model.rowCount(parent), 500)):
        try:
            columns = max(1, min(model.columnCount(parent), 30))
        except TypeError:  # a list model keeps columnCount private in PySide6
            columns = 1
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in roles:
                value = model.data(index, role)
                if isinstance(value, str):
                    yield f"{type(model).__name__}[{row},{column}] {role.name}", value, role
            if depth < 3 and column == 0 and _has_children(model, index):
                yield from _model_strings(model, index, depth + 1)


def _literal_problems(where: str, shown: str) -> list[str]:
    """Text that holds the marker must show the script tag whole, and "&amp;" as typed."""
    out = []
    if LITERALS[0] not in shown:
        out.append(f"{where} shows {shown!r}: the <script> tag was eaten or escaped")
    if "Smith &" in shown and "Smith &amp;" not in shown:
        out.append(f"{where} shows {shown!r}: &amp; was decoded")
    return out


def test_article_view_and_list_show_markup_literally(window):
    assert window.store.article(window.current_article_id()).text == TEXT  # stored as typed
    assert window.store.article(window.current_article_id()).title == TITLE
    assert window.article_view.toPlainText() == TEXT
    row = window.article_model.row_of(window.current_article_id())
    display = window.article_model.index(row, 0).data(Qt.ItemDataRole.DisplayRole)
    assert TITLE in display  # the list's default delegate paints it as plain text
    assert TITLE in window.windowTitle()


def test_article_list_tooltip_shows_markup_literally(window):
    row = window.article_model.row_of(window.current_article_id())
    tooltip = window.article_model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    shown = visible(tooltip)
    for literal in LITERALS:
        assert literal in shown, f"the tooltip shows {shown!r}"


def test_every_model_label_and_tooltip_of_the_window_shows_markup_literally(window):
    """A sweep over whatever the main window holds, so a view added later is checked too.
    The article list's own tooltip is checked above."""
    problems = []
    checked = 0
    for model in window.findChildren(QAbstractItemModel):
        for where, value, role in _model_strings(model):
            if MARKER not in value:
                continue
            if model is window.article_model and role == Qt.ItemDataRole.ToolTipRole:
                continue
            checked += 1
            shown = value if role == Qt.ItemDataRole.DisplayRole else visible(value)
            problems += _literal_problems(where, shown)
    for label in window.findChildren(QLabel):
        if MARKER in label.text():
            checked += 1
            rich = {Qt.TextFormat.RichText: True, Qt.TextFormat.PlainText: False}.get(label.textFormat())
            problems += _literal_problems(f"label {label.objectName()!r}", visible(label.text(), rich))
    for widget in window.findChildren(QWidget):
        if MARKER in widget.toolTip():
            checked += 1
            problems += _literal_problems(f"tooltip of {widget.objectName()!r}", visible(widget.toolTip()))
    assert checked >= 1  # at least the article list's display text
    assert problems == []
