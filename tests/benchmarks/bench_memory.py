"""Memory: peak resident memory of the app showing its window on a database of
10,000 articles, against a process showing a bare PySide6 window. Target: <= +150 MB.

``python -m tests.benchmarks.bench_memory``
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.benchmarks.common import Result, print_results, synthetic_articles
from tests.benchmarks.procs import APP, BARE, env, run_shown

ARTICLES = 10_000


def measure(corpus: Path | None) -> list[Result]:
    from gui.core.seeding import ensure_labels
    from gui.store import Store

    db = Path(tempfile.mkdtemp(prefix="bench-memory-")) / "memory.db"
    with Store(db) as store:
        ensure_labels(store)
        store.set_setting("seeded", "1")
        with store.transaction():
            for title, text in synthetic_articles(ARTICLES, words=600):
                store.add_article(text, title)
    environment = env()
    app = max(run_shown(APP + ["--db", str(db)], environment)[1]["peak_rss_kb"] for _ in range(2))
    bare = max(run_shown(BARE, environment)[1]["peak_rss_kb"] for _ in range(2))
    mb = 1024
    return [Result(f"memory, {ARTICLES:,} articles in the database", app / mb, "bare PySide6 window process",
                   bare / mb, "extra", 150, unit="MB",
                   note="" if (app - bare) / mb <= 150 else
                   "next: the article list loads every summary; page it (fetchMore)")]


if __name__ == "__main__":
    print_results(measure(None))
