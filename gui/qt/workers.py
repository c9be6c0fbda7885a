"""Slow work off the UI thread: a function runs in the thread pool, reports
progress, can be cancelled, and hands its result back on the UI thread.

    task = Task(lambda progress: import_paths(..., progress), "Importing", parent=self)
    task.finished.connect(self._on_imported)     # result, on the UI thread
    task.failed.connect(self._on_error)          # one-line message
    task.progress.connect(bar.update)            # (done, total, message)
    task.start()                                 # connect first, then start
    task.cancel()                                # cooperative

The function receives a ``Progress``; it calls ``progress.update(done, total, msg)``
and stops when ``progress.cancelled`` is true (or lets ``update`` raise
``Cancelled``). A worker that needs the database opens its own ``Store``: an
SQLite connection belongs to the thread that uses it.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from gui.core.progress import Cancelled


class Progress:
    def __init__(self, task: Task):
        self._task = task
        self._event = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def update(self, done: int, total: int = 0, message: str = "") -> None:
        if self._event.is_set():
            raise Cancelled()
        self._task._emit(self._task.progress, done, total, message)

    def __call__(self, done: int, total: int = 0, message: str = "") -> bool:
        """Callback form for core functions: returns False once cancelled."""
        if self._event.is_set():
            return False
        self._task._emit(self._task.progress, done, total, message)
        return True


class Task(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()  # after any of finished, failed, cancelled

    def __init__(self, fn: Callable[[Progress], object], name: str = "", parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self._fn = fn
        self._progress = Progress(self)
        self.running = False

    def start(self, pool: QThreadPool | None = None) -> Task:
        """Run in the thread pool. Connect to the signals before calling this."""
        self.running = True
        (pool or QThreadPool.globalInstance()).start(_Runnable(self))
        return self

    def cancel(self) -> None:
        self._progress._event.set()

    @property
    def is_cancelled(self) -> bool:
        return self._progress.cancelled

    def _emit(self, signal, *args) -> None:
        """Emit from the worker thread. When the window that owned the task closed
        meanwhile, the task's C++ object is gone: cancel the work, report nothing."""
        try:
            signal.emit(*args)
        except RuntimeError:  # "Signal source has been deleted"
            self._progress._event.set()

    def _run(self) -> None:
        try:
            result = self._fn(self._progress)
        except Cancelled:
            self._emit(self.cancelled)
        except Exception as exc:  # shown as a message, never a traceback dialog
            traceback.print_exc()
            self._emit(self.failed, str(exc) or exc.__class__.__name__)
        else:
            if self._progress.cancelled:
                self._emit(self.cancelled)
            else:
                self._emit(self.finished, result)
        finally:
            self.running = False
            self._emit(self.done)


class _Runnable(QRunnable):
    def __init__(self, task: Task):
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self.task._run()
