"""A child process that tags a real database through ``gui.core.edits`` (the code
path the GUI's undo commands call) and prints one JSON line per step:

- ``{"try": ...}`` just before an edit starts (the one a kill may interrupt),
- ``{"ack": ...}`` only after ``perform``/``undo``/``redo`` returned, i.e. after
  the edit was committed: what the editor was told is saved.

Run by tests/reliability/test_kill9.py and test_two_writers.py, never by pytest.
Usage: python edit_worker.py DB --articles 1,2 [--shared 3] [--seconds S] [--seed N] [--name W]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the worktree, as pytest's pythonpath

from gui.core.edits import AddSpan, Relabel, RemoveSpan, Resize, edit_from_log, perform, redo, undo  # noqa: E402
from gui.core.model import Span  # noqa: E402
from gui.store import Store, StoreError  # noqa: E402

LABELS = ["CLAIM", "THREAT", "DENIAL", "STATISTIC"]


def say(**fields) -> None:
    print(json.dumps(fields), flush=True)


class ArticleHistory:
    """The undo and redo stacks of one article, rebuilt from the edit log on start,
    as the workspace does after a restart."""

    def __init__(self, store: Store, article_id: int):
        self.article_id = article_id
        self.length = len(store.article(article_id).text)
        self.done: list[tuple[int, object]] = []
        self.undone: list[tuple[int, object]] = []
        for log_id, kind, payload, state in store.edit_history(article_id):
            (self.done if state == "done" else self.undone).append((log_id, edit_from_log(kind, payload)))
        self.undone.reverse()  # the oldest undone edit is redone first


def random_edit(rng: random.Random, store: Store, hist: ArticleHistory, name: str, adds_only: bool):
    article = hist.article_id
    spans = [] if adds_only else store.spans(article)
    choice = rng.random()
    if adds_only or not spans or choice < 0.5:
        start = rng.randrange(0, hist.length - 1)
        end = rng.randrange(start + 1, min(hist.length, start + 80) + 1)
        return AddSpan(article, Span(article, start, end, rng.choice(LABELS), annotator=name))
    span = rng.choice(spans)
    if choice < 0.7:
        return Relabel(article, span_id=span.id, label=rng.choice(LABELS))
    if choice < 0.85:
        start = rng.randrange(0, hist.length - 1)
        return Resize(article, span_id=span.id, start=start, end=rng.randrange(start + 1, hist.length + 1))
    return RemoveSpan(article, span)


def step(rng, store, hist: ArticleHistory, name: str, adds_only: bool) -> None:
    roll = rng.random()
    if not adds_only and roll < 0.12 and hist.done:
        log_id, edit = hist.done[-1]
        say(**{"try": "undo", "log": log_id, "article": hist.article_id})
        undo(store, edit, log_id)
        hist.done.pop()
        hist.undone.append((log_id, edit))
        say(ack="undo", log=log_id, article=hist.article_id)
    elif not adds_only and roll < 0.18 and hist.undone:
        log_id, edit = hist.undone[-1]
        say(**{"try": "redo", "log": log_id, "article": hist.article_id})
        redo(store, edit, log_id)
        hist.undone.pop()
        hist.done.append((log_id, edit))
        say(ack="redo", log=log_id, article=hist.article_id)
    else:
        edit = random_edit(rng, store, hist, name, adds_only)
        say(**{"try": "perform", "kind": edit.kind, "article": hist.article_id})
        log_id = perform(store, edit)
        hist.undone.clear()  # log_edit drops the article's undone edits
        hist.done.append((log_id, edit))
        say(ack="perform", log=log_id, article=hist.article_id, kind=edit.kind)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--articles", required=True, help="comma-separated ids this worker edits freely")
    parser.add_argument("--shared", type=int, default=None, help="an article every worker adds spans to")
    parser.add_argument("--seconds", type=float, default=3600.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--name", default="worker")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    store = Store(args.db)
    own = [ArticleHistory(store, int(a)) for a in args.articles.split(",")]
    shared = ArticleHistory(store, args.shared) if args.shared else None
    say(ready=True)
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        try:
            if shared is not None and rng.random() < 0.3:
                step(rng, store, shared, args.name, adds_only=True)
            else:
                step(rng, store, rng.choice(own), args.name, adds_only=False)
        except StoreError as exc:  # a lost edit: the tests fail on any of these
            say(error=str(exc))
        except Exception:  # a crash the editor would see: the tests fail on it
            say(crash=traceback.format_exc())
            return 1
    say(finished=True)
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
