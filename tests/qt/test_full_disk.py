"""A full disk: the tag is refused with a message, nothing half-written stays, and once
there is room again the next tag is saved. The database lives on a small tmpfs that the
test fills to the last byte (mounting needs root, as in CI; elsewhere the test is skipped)."""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.qt.drive import open_window, spans_in_db, tag_word

K = Qt.Key


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


@pytest.fixture
def db_path(small_disk):  # the editor_name fixture (tests/qt/conftest.py) seeds this database
    return small_disk / "tagdesk.db"


def _fill(directory: Path) -> Path:
    """Take every free byte of the file system."""
    filler = directory / "filler"
    with open(filler, "wb", buffering=0) as f:
        for chunk in (1 << 20, 1 << 12, 1):
            try:
                while True:
                    f.write(b"\0" * chunk)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    return filler


def test_a_full_disk_is_shown_as_an_error_and_nothing_is_saved(qtbot, db_path, editor_name):
    w = open_window(qtbot, db_path)
    aid = w.controller.article.id
    filler = _fill(db_path.parent)

    tag_word(qtbot, w, "Gustavo Petro", K.Key_1)
    box = w.findChild(QMessageBox, "errorMessage")
    assert box is not None and box.isVisible() and "full" in box.text() and "Nothing was saved" in box.text()
    assert w.status_panel.saved_label.text() == "Not saved"
    assert w.undo_stack.count() == 0 and w.article_view._spans == {}
    box.close()
    filler.unlink()  # room again
    assert spans_in_db(w.store, aid) == []
    assert w.store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    span = tag_word(qtbot, w, "Gustavo Petro", K.Key_1)  # the app kept running
    assert spans_in_db(w.store, aid) == [(*span, "CLAIM")]
    assert w.status_panel.saved_label.text() == "Saved"
    w.close()
    w.store.close()
