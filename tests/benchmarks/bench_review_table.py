"""The review table over 100,000 spans: first page, a deep page, sorted and filtered.

    python -m tests.benchmarks.bench_review_table

Limit (same run): loading every span row at once (``SELECT * FROM spans``), what a
model without paging would have to do before showing anything.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from gui.core.seeding import ensure_labels
from gui.store import Store, span_table
from gui.store.span_table import SpanFilter
from tests.benchmarks.common import Result, best_of, print_results

SPANS = 100_000
ARTICLES = 500


def build(path: Path) -> Store:
    store = Store(path)
    ensure_labels(store)
    rng = random.Random(1)
    words = "the minister said that more than thirty strikes would follow unless talks resume".split()
    with store.transaction():
        for i in range(ARTICLES):
            store.add_article(" ".join(rng.choice(words) for _ in range(2500)) + f" {i}.", f"Article {i}")
    labels = ["CLAIM", "THREAT", "DENIAL", "STATISTIC"]
    rows = []
    for i in range(SPANS):
        start = rng.randrange(0, 12_000)
        rows.append({"article_id": rng.randrange(1, ARTICLES + 1), "start": start, "end": start + rng.randint(3, 60),
                     "label": rng.choice(labels), "annotator": rng.choice(["ana", "ben", "carla"]),
                     "origin": rng.choice(["manual", "suggested:rules", "imported:conll:x"]),
                     "created": "2026-11-20T10:00:00", "updated": ""})
    with store.transaction():  # bench fixture: bulk rows straight into the table
        store.db["spans"].insert_all(rows, batch_size=5000)
    return store


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        store = build(Path(tmp) / "bench.db")
        print(f"built {SPANS:,} spans over {ARTICLES} articles in {time.perf_counter() - start:.1f} s")
        everything = best_of(lambda: store.conn.execute("SELECT * FROM spans").fetchall(), 3)
        limit = "SELECT * FROM spans (all rows)"
        ids = span_table.ordered_ids(store)
        cases = [
            ("ordered ids + first page, by article", lambda: span_table.rows_by_id(
                store, span_table.ordered_ids(store)[:256])),
            ("a page deep down (ids known)", lambda: span_table.rows_by_id(store, ids[90_000:90_256])),
            ("first page, by label desc", lambda: span_table.page(store, sort="label", descending=True)),
            ("first page, by annotator, filter origin", lambda: span_table.page(
                store, SpanFilter(origin="suggested"), sort="annotator")),
            ("count + first page, filter label+status", lambda: (
                span_table.count(store, SpanFilter(label="CLAIM", status="todo")),
                span_table.page(store, SpanFilter(label="CLAIM", status="todo")))),
            ("first page, sorted by span text", lambda: span_table.page(store, sort="context")),
            ("first page, filter text 'strikes'", lambda: span_table.page(store, SpanFilter(text="strikes"))),
        ]
        results = [Result(name, best_of(fn, 3), limit, everything, "time", 1.0) for name, fn in cases]
        print_results(results)
        store.close()


if __name__ == "__main__":
    main()
