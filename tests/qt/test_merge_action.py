from __future__ import annotations

from gui.core.model import Span
from gui.core.seeding import ensure_labels
from gui.qt.merge_action import install_merge_action
from gui.store import Store


def test_file_merge_brings_in_the_other_database(qtbot, main_window, tmp_path):
    other = tmp_path / "ben.db"
    with Store(other) as store:
        ensure_labels(store)
        aid = store.add_article("Ben's article about 30 strikes.", "Ben's")
        store.add_span(Span(aid, 20, 30, "STATISTIC", "ben"))
    worker = install_merge_action(main_window)
    file_menu = main_window.menuBar().actions()[0].menu()
    assert "&Merge database…" in [a.text() for a in file_menu.actions()]
    before = main_window.store.article_count()
    with qtbot.waitSignal(worker.merged, timeout=10_000):
        worker.start(other)
    assert main_window.store.article_count() == before + 1
    assert main_window.article_model.rowCount() == before + 1  # the list follows
    with qtbot.waitSignal(worker.failed, timeout=10_000) as blocker:
        worker.start(tmp_path / "missing.db")
    assert "does not exist" in blocker.args[0]
