"""File -> Export… through the dialog and files dropped on the window, against the database."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from gui.core.model import Span
from gui.qt.dataset_actions import DatasetActions


def _actions(window) -> DatasetActions:
    (actions,) = window.findChildren(DatasetActions)
    return actions


def _file_menu_texts(window):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    return [a.text() for a in menu.actions()]


def _open_dialog(qtbot, window):
    actions = _actions(window)
    actions.export_action.trigger()
    dialog = actions.dialog
    qtbot.waitExposed(dialog)
    return actions, dialog


def _wait_message(qtbot, actions):
    qtbot.waitUntil(lambda: actions.message is not None and actions.task is None, timeout=20000)
    return actions.message.text()


def test_menu_has_import_and_export_before_quit(main_window):
    assert _file_menu_texts(main_window)[:2] == ["&Import…", "&Export…"]
    assert _file_menu_texts(main_window)[-1] == "&Quit"


def test_export_dialog_writes_the_selected_spans(qtbot, main_window, tmp_path):
    store = main_window.store
    first, second = [s.id for s in store.article_summaries()]
    store.add_span(Span(first, 0, 5, "CLAIM", "ed"))
    store.add_span(Span(second, 0, 5, "THREAT", "ed"))
    actions, dialog = _open_dialog(qtbot, main_window)
    qtbot.keyClicks(dialog.format_combo, "doccano")  # keyboard search in the combo
    assert dialog.format_name() == "doccano"
    qtbot.mouseClick(dialog.label_boxes["CLAIM"], Qt.MouseButton.LeftButton)
    target = tmp_path / "claims.jsonl"
    qtbot.keyClicks(dialog.path_edit, str(target))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    text = _wait_message(qtbot, actions)
    assert "1 article(s), 1 span(s) written to" in text
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    article = store.article(first)
    assert lines == [{"id": first, "text": article.text, "label": [[0, 5, "CLAIM"]], "title": article.title,
                      "source": article.source, "status": "todo", "annotators": [[0, 5, "CLAIM", "ed"]]}]


def test_export_asks_before_replacing_a_file(qtbot, main_window, tmp_path):
    target = tmp_path / "existing.jsonl"
    target.write_text("keep me")
    actions, dialog = _open_dialog(qtbot, main_window)
    assert dialog.format_name() == "jsonl"  # the first in the list
    qtbot.keyClicks(dialog.path_edit, str(target))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.confirm_box is not None and dialog.confirm_box.isVisible())
    qtbot.mouseClick(dialog.confirm_box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and target.read_text() == "keep me" and actions.task is None

    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.confirm_box.isVisible())
    qtbot.mouseClick(dialog.confirm_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    _wait_message(qtbot, actions)
    tasks = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(tasks) == main_window.store.article_count() == 2


def _drop(window, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    return drop


def test_dropping_dataset_files_imports_them_with_spans(qtbot, main_window, tmp_path):
    good = tmp_path / "tasks.jsonl"
    good.write_text(json.dumps({"text": "Petro denied the claim on Sunday.", "meta": {"title": "Denial"},
                                "spans": [{"start": 0, "end": 22, "label": "DENIAL", "annotator": "ed"}]}) + "\n",
                    encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Fine."}\n{"text": \n', encoding="utf-8")
    before = main_window.article_model.rowCount()
    actions = _actions(main_window)
    assert _drop(main_window, [good, bad]).isAccepted()
    text = _wait_message(qtbot, actions)
    assert "1 article(s) added" in text and f"{bad}, line 2" in text
    assert actions.message.icon() == QMessageBox.Icon.Warning
    store = main_window.store
    assert store.article_count() == before + 1
    (denial,) = [s for s in store.article_summaries() if s.title == "Denial"]
    assert [(s.start, s.end, s.label, s.annotator, s.origin) for s in store.spans(denial.id)] == [
        (0, 22, "DENIAL", "ed", "imported:jsonl:tasks.jsonl")]
    assert main_window.article_model.rowCount() == before + 1  # the list shows it
    assert not any("Fine." == store.article(s.id).text for s in store.article_summaries())


def test_cancel_button_stops_an_export_and_leaves_no_file(qtbot, main_window, tmp_path):
    """The export waits behind a busy one-thread pool, so the cancel click surely comes first."""
    import threading

    from PySide6.QtCore import QRunnable, QThreadPool

    class Blocker(QRunnable):
        def __init__(self):
            super().__init__()
            self.release = threading.Event()

        def run(self):
            self.release.wait(10)

    pool = QThreadPool.globalInstance()
    old = pool.maxThreadCount()
    pool.setMaxThreadCount(1)
    blocker = Blocker()
    pool.start(blocker)
    try:
        actions, dialog = _open_dialog(qtbot, main_window)
        target = tmp_path / "never.jsonl"
        qtbot.keyClicks(dialog.path_edit, str(target))
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        assert actions.progress_widget.isVisible()
        qtbot.mouseClick(actions.progress_widget.cancel_button, Qt.MouseButton.LeftButton)
    finally:
        blocker.release.set()
    text = _wait_message(qtbot, actions)
    pool.setMaxThreadCount(old)
    assert text == "Export cancelled; nothing was written."
    assert list(tmp_path.iterdir()) == [p for p in tmp_path.iterdir() if p.name.startswith("tagdesk.db")]
    assert not target.exists() and not actions.progress_widget.isVisible()
