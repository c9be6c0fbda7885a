"""Import of N .txt files through ``import_paths`` against raw ``sqlite3``
``executemany`` of the same rows (files read, decoded and hashed the same way, one
transaction). Target: >= 0.5x the baseline's throughput.

``python -m tests.benchmarks.bench_import [--corpus DIR]``
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.common import Result, print_results, synthetic_articles

N_FILES = 1000


def _corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, (_title, text) in enumerate(synthetic_articles(N_FILES, words=500)):
        path = folder / f"{i:05}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def measure(corpus: Path | None) -> list[Result]:
    from gui.core.importer import import_paths, iter_files
    from gui.core.model import content_hash
    from gui.core.seeding import ensure_labels
    from gui.core.textfile import guess_title, read_text_file
    from gui.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="bench-import-"))
    files = ([p for p in iter_files([corpus]) if p.suffix.lower() in (".txt", ".md")] if corpus
             else _corpus(tmp / "in"))
    if not files:
        raise SystemExit(f"no .txt or .md files in {corpus}")
    databases = (tmp / f"db{i}.db" for i in range(100))

    def fresh_db() -> Path:  # the same schema and labels for both, made outside the timing
        path = next(databases)
        with Store(path) as store:
            ensure_labels(store)
        return path

    def app_import(db: Path) -> None:
        with Store(db) as store:
            report = import_paths(store, files)
        assert report.added + report.duplicates + len(report.refused) == len(files)

    def raw_import(db: Path) -> None:
        conn = sqlite3.connect(db)
        rows = []
        for path in files:
            text = read_text_file(path).text
            rows.append((guess_title(text, path.stem), text, str(path), json.dumps({}), content_hash(text),
                         "todo", "", ""))
        with conn:
            conn.executemany("INSERT OR IGNORE INTO articles(title, text, source, meta, hash, status, "
                             "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.close()

    app_times, raw_times = [], []
    for _ in range(3):  # alternated, best of 3: the least disturbed by the other core's load
        for fn, times in ((app_import, app_times), (raw_import, raw_times)):
            db = fresh_db()
            start = time.perf_counter()
            fn(db)
            times.append(time.perf_counter() - start)
    app, raw = min(app_times), min(raw_times)
    return [Result(f"import {len(files)} text files (import_paths)", app,
                   "sqlite3 executemany, same rows", raw, "throughput", 0.5,
                   note="" if raw / app >= 0.5 else
                   "next: per file the app runs SELECT hash, SAVEPOINT, INSERT, RELEASE; "
                   "look duplicates up once per batch")]


if __name__ == "__main__":
    corpus = Path(sys.argv[sys.argv.index("--corpus") + 1]) if "--corpus" in sys.argv else None
    print_results(measure(corpus))
