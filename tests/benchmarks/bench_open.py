"""Opening a long article with thousands of spans, adding/removing one span, scrolling.

    QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.bench_open

Limits measured in the same run: ``setPlainText`` of the same text in a plain
QPlainTextEdit of the same size and font (open), that open (one edit), and
scrolling the plain editor page by page (scrolling).
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_TMP = Path(tempfile.mkdtemp(prefix="tagdesk-bench-"))
os.environ["XDG_CONFIG_HOME"] = str(_TMP / "config")  # keep QSettings away from the user's

from PySide6.QtCore import QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit  # noqa: E402

from gui.core.model import Span  # noqa: E402
from tests.benchmarks.common import Result, best_of, print_results  # noqa: E402

WORDS, SPANS = 50_000, 5_000
VOCAB = ("the president said that 1.9 million people were denied entry while officials "
         "warned of strikes against cartels in Colombia and Venezuela, according to the BBC").split()


def synthetic_article(seed: int = 7) -> str:
    rng = random.Random(seed)
    paragraphs, words = [], 0
    while words < WORDS:
        n = rng.randint(60, 180)
        paragraphs.append(" ".join(rng.choice(VOCAB) for _ in range(n)) + ".")
        words += n
    return "\n".join(paragraphs)


def synthetic_spans(text: str, article_id: int, labels: list[str], seed: int = 11) -> list[Span]:
    """Spans on word boundaries; about a third nest in or overlap another."""
    rng = random.Random(seed)
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == " "]
    spans = []
    while len(spans) < SPANS:
        i = rng.randrange(len(starts) - 12)
        j = i + rng.randint(1, 8)
        end = starts[j] - 1
        spans.append(Span(article_id, starts[i], end, rng.choice(labels), "bench"))
        if rng.random() < 0.33 and len(spans) < SPANS:  # an overlapping or nested one
            k = i + rng.randint(0, j - i)
            spans.append(Span(article_id, starts[k], starts[min(k + rng.randint(1, 6), len(starts) - 1)] - 1,
                              rng.choice(labels), "bench"))
    return spans


def paint(widget) -> None:
    """Everything changed: process the events and paint the whole viewport."""
    QApplication.processEvents()
    widget.viewport().repaint()


def paint_changes() -> None:
    """Only what changed: the pending update regions are painted as the events are processed."""
    QApplication.processEvents()


def plain_baseline(view, text: str):
    """The limit: a plain read-only editor like ``view``, and opening ``text`` in it."""
    plain = QPlainTextEdit()
    plain.setReadOnly(True)
    plain.setFont(view.font())
    plain.resize(view.size())
    plain.show()

    def plain_open():
        plain.setPlainText(text)
        paint(plain)

    return plain, plain_open


def settle() -> None:
    """Let timers fire and background work finish, so it does not run during a measurement."""
    deadline = time.perf_counter() + 0.5
    while time.perf_counter() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    QThreadPool.globalInstance().waitForDone()
    QApplication.processEvents()


def main() -> None:
    from gui.core.seeding import ensure_labels
    from gui.qt.app import make_application
    from gui.qt.main_window import MainWindow
    from gui.store import Store

    app = make_application()
    store = Store(_TMP / "bench.db")
    ensure_labels(store)
    store.set_setting("annotator", "bench")
    # The editing path alone: suggesting on open would run spaCy over the 50k words in a
    # worker during the timings (bench_suggestion_paint measures suggestions drawn).
    from PySide6.QtCore import QSettings

    QSettings().setValue("suggest/on_open", False)
    labels = [label.name for label in store.labels()]
    text = synthetic_article()
    small = store.add_article("A short article about nothing much.", "small")
    big = store.add_article(text, "big")
    with store.transaction():
        for span in synthetic_spans(text, big, labels):
            store.add_span(span)
    print(f"article: {len(text.split()):,} words, {len(text):,} characters, "
          f"{store.span_count():,} spans, {text.count(chr(10)) + 1} paragraphs")

    window = MainWindow(store)
    window.resize(1280, 800)
    window.show()
    view = window.article_view

    plain, plain_open = plain_baseline(view, text)

    def window_open():
        window.select_article(small)
        QApplication.processEvents()
        QThreadPool.globalInstance().waitForDone()
        start = time.perf_counter()
        window.select_article(big)
        paint(view)
        elapsed = time.perf_counter() - start
        settle()  # the spaCy token index starts after the paint and is built off the UI thread
        return elapsed

    def view_open():
        view.set_article("", [])
        QApplication.processEvents()
        start = time.perf_counter()
        view.set_article(text, spans)
        paint(view)
        return time.perf_counter() - start

    settle()  # spaCy loads in a worker once the first article is shown; measure after that
    baseline = best_of(plain_open, 9)
    spans = store.span_marks(big)
    read = best_of(lambda: store.span_marks(big), 5)  # SQLite + 5,000 SpanMarks: the floor of a window open
    view_opened = min(view_open() for _ in range(9))
    window_open()  # warm-up: spaCy loads once
    opened = min(window_open() for _ in range(7))
    assert window.controller.article.id == big and len(window.controller.spans) == SPANS
    assert window.controller.token_index is not None and window.controller.token_index.source == "spacy"

    # One span added (snap, disk write, views, repaint) and removed, in the middle of the screen.
    where = text.index(" cartels ", len(text) // 2) + 1
    view.set_selection(where, where + 7)
    view.centerCursor()
    paint(view)
    adds, removes = [], []
    for _ in range(15):
        view.set_selection(where + 1, where + 5)  # a partial word: it snaps
        start = time.perf_counter()
        window._on_label("THREAT")
        paint_changes()
        adds.append(time.perf_counter() - start)
        assert view.selected_span_id is not None
        start = time.perf_counter()
        window.delete_span()
        paint_changes()
        removes.append(time.perf_counter() - start)
    assert store.span_count() == SPANS

    # The floor of any edit: one logged edit committed with synchronous=FULL (an fsync).
    from gui.core.edits import AddSpan, perform, undo

    def disk_write():
        edit = AddSpan(big, Span(big, where, where + 7, "CLAIM", "bench"))
        start = time.perf_counter()
        log_id = perform(store, edit)
        elapsed = time.perf_counter() - start
        undo(store, edit, log_id)
        return elapsed

    write = min(disk_write() for _ in range(15))

    # Scrolling: page by page through the whole article.
    def scroll_through(widget):
        bar = widget.verticalScrollBar()
        bar.setValue(0)
        paint(widget)
        frames = []
        for value in range(0, bar.maximum() + 1, max(1, bar.pageStep())):
            start = time.perf_counter()
            bar.setValue(value)
            widget.viewport().repaint()
            frames.append(time.perf_counter() - start)
        return sum(frames), max(frames), len(frames)

    plain_open()
    plain_scroll = min((scroll_through(plain) for _ in range(3)), key=lambda r: r[0])
    view_scroll = min((scroll_through(view) for _ in range(3)), key=lambda r: r[0])

    results = [
        Result("open in ArticleView: text + 5,000 spans painted", view_opened, "setPlainText, plain editor",
               baseline, "time", 5.0),
        Result("open in the window (+SQLite read, span list)", opened, "setPlainText, plain editor", baseline,
               "time", 5.0, f"of which store.span_marks() {read * 1000:.1f} ms"),
        Result("add one span (snap+disk+views+repaint)", min(adds), "window open", opened, "time", 0.1),
        Result("remove one span (disk+views+repaint)", min(removes), "window open", opened, "time", 0.1),
        Result("  its disk write alone (fsync'd commit)", write, "window open", opened, "time", 0.1,
               "the floor of any edit"),
        Result(f"scroll through, {view_scroll[2]} pages", view_scroll[0],
               "same scroll, plain editor", plain_scroll[0], "time", 5.0,
               f"slowest page {view_scroll[1] * 1000:.1f} ms vs {plain_scroll[1] * 1000:.1f} ms"),
    ]
    print_results(results)
    window.close()
    store.close()
    del app


if __name__ == "__main__":
    main()
