"""Helpers for the reliability tests: a database with articles, and worker processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
WORKER = HERE / "edit_worker.py"

ARTICLE = ("The minister said on Tuesday that prices rose 12% last year, a claim the opposition "
           "denied. 'We will strike if talks fail,' the union leader warned. ") * 6


def make_database(path: Path, articles: int) -> list[int]:
    from gui.core.seeding import ensure_labels
    from gui.store import Store

    with Store(path) as store:
        ensure_labels(store)
        return [store.add_article(f"Article {i}. " + ARTICLE, f"Article {i}") for i in range(articles)]


@pytest.fixture
def tagged_db(tmp_path) -> tuple[Path, list[int]]:
    path = tmp_path / "tags.db"
    return path, make_database(path, 4)


def start_worker(db: Path, out: Path, articles: list[int], *, shared: int | None = None,
                 seconds: float | None = None, seed: int = 0, name: str = "w") -> subprocess.Popen:
    args = [sys.executable, str(WORKER), str(db), "--articles", ",".join(map(str, articles)),
            "--seed", str(seed), "--name", name]
    if shared is not None:
        args += ["--shared", str(shared)]
    if seconds is not None:
        args += ["--seconds", str(seconds)]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    with open(out, "wb") as stdout:  # a file, not a pipe: what was flushed survives the kill
        return subprocess.Popen(args, stdout=stdout, stderr=subprocess.PIPE, env=env)
