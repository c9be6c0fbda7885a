from __future__ import annotations

import threading
import time

from gui.qt.workers import Task


def test_result_arrives_on_the_ui_thread(qtbot):
    ui_thread = threading.get_ident()
    seen = {}

    def work(progress):
        seen["worker"] = threading.get_ident()
        for i in range(3):
            progress.update(i + 1, 3, f"step {i}")
        return 42

    task = Task(work, "answer")
    reports = []
    task.progress.connect(lambda d, t, m: reports.append((d, t, m, threading.get_ident())))
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        task.start()
    assert blocker.args == [42]
    assert seen["worker"] != ui_thread
    assert [r[:3] for r in reports] == [(1, 3, "step 0"), (2, 3, "step 1"), (3, 3, "step 2")]
    assert all(r[3] == ui_thread for r in reports)


def test_cancel_stops_the_work(qtbot):
    started = threading.Event()
    steps = []

    def work(progress):
        started.set()
        for i in range(1000):
            progress.update(i, 1000)
            steps.append(i)
            time.sleep(0.005)
        return "finished anyway"

    task = Task(work, "long").start()
    assert started.wait(5)
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        task.cancel()
    assert len(steps) < 1000


def test_an_exception_becomes_a_message(qtbot):
    def work(progress):
        raise ValueError("articles.jsonl, line 3: bad JSON")

    task = Task(work, "broken")
    with qtbot.waitSignal(task.failed, timeout=5000) as blocker:
        task.start()
    assert blocker.args == ["articles.jsonl, line 3: bad JSON"]


def test_a_task_whose_owner_was_deleted_ends_quietly(qtbot):
    from PySide6.QtCore import QObject, QThreadPool

    owner = QObject()
    release = threading.Event()
    outcome = {}

    def work(progress):
        release.wait(5)
        try:
            progress.update(1, 1)
        except Exception as exc:  # the deleted owner turns into a cancel
            outcome["raised"] = type(exc).__name__
            raise
        return "late"

    Task(work, "orphan", parent=owner).start()
    owner.deleteLater()
    qtbot.wait(50)  # the owner (and the task with it) is deleted by the event loop
    release.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    assert outcome == {}  # progress after deletion is swallowed, not raised into the work
