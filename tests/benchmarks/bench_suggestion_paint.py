"""Pending suggestions in the article view: a long article with thousands of spans AND
thousands of pending suggestions, opened, one suggestion decided, scrolled through.

    QT_QPA_PLATFORM=offscreen python -m tests.benchmarks.bench_suggestion_paint

Limits measured in the same run: ``setPlainText`` of the same text in a plain editor of
the same size (open, scrolling) and the view's own open (one suggestion decided).
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_CONFIG_HOME", str(Path(tempfile.mkdtemp(prefix="tagdesk-bench-")) / "config"))

from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.core.model import Label, Suggestion  # noqa: E402
from tests.benchmarks.bench_open import (  # noqa: E402
    paint,
    paint_changes,
    plain_baseline,
    synthetic_article,
    synthetic_spans,
)
from tests.benchmarks.common import Result, best_of, print_results  # noqa: E402

SUGGESTIONS = 3_000
LABELS = [Label("CLAIM", "#3f7fe8", "1"), Label("THREAT", "#e04848", "2"), Label("DENIAL", "#9a5bd9", "3"),
          Label("STATISTIC", "#e08a1e", "4")]


def measure(corpus: Path | None = None) -> list[Result]:
    from gui.qt.app import make_application
    from gui.qt.article_view import ArticleView

    make_application()
    names = [label.name for label in LABELS]
    text = synthetic_article()
    spans = [replace(s, id=i + 1) for i, s in enumerate(synthetic_spans(text, 1, names))]
    rng = random.Random(3)
    pending = [Suggestion(1, s.start, s.end, rng.choice(names), rng.random(), "rules", rule="bench")
               for s in synthetic_spans(text, 1, names, seed=5)[:SUGGESTIONS]]
    pending = list({(s.start, s.end, s.label): s for s in pending}.values())

    view = ArticleView()
    view.set_labels(LABELS)
    view.resize(900, 760)
    view.show()
    plain, plain_open = plain_baseline(view, text)

    def view_open():
        view.set_article("", [])
        QApplication.processEvents()
        start = time.perf_counter()
        view.set_article(text, spans)
        view.set_suggestions(pending)
        paint(view)
        return time.perf_counter() - start

    baseline = best_of(plain_open, 7)
    opened = min(view_open() for _ in range(7))
    middle = sorted(pending, key=lambda s: s.start)[len(pending) // 2]
    view.select_suggestion((middle.start, middle.end, middle.label), reveal=True)
    paint(view)
    decided = []
    for _ in range(15):  # one suggestion accepted or rejected, then back (undo)
        start = time.perf_counter()
        view.set_suggestions([s for s in pending if s is not middle])
        paint_changes()
        decided.append(time.perf_counter() - start)
        view.set_suggestions(pending)
        paint_changes()

    def scroll_through(widget):
        bar = widget.verticalScrollBar()
        bar.setValue(0)
        paint(widget)
        start = time.perf_counter()
        for value in range(0, bar.maximum() + 1, max(1, bar.pageStep())):
            bar.setValue(value)
            widget.viewport().repaint()
        return time.perf_counter() - start

    plain_open()
    plain_scroll = min(scroll_through(plain) for _ in range(3))
    view_scroll = min(scroll_through(view) for _ in range(3))
    note = f"{len(text.split()):,} words, {len(spans):,} spans, {len(pending):,} pending suggestions"
    return [
        Result("open: text + spans + suggestions painted", opened, "setPlainText, plain editor", baseline,
               "time", 5.0, note),
        Result("one suggestion decided (layer + repaint)", min(decided), "that open", opened, "time", 0.1),
        Result("scroll through with suggestions", view_scroll, "same scroll, plain editor", plain_scroll,
               "time", 5.0),
    ]


if __name__ == "__main__":
    print_results(measure())
