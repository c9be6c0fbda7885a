"""Suggestion quality on the hand-tagged eval set: character-level P/R/F1 per label.

    python -m tests.benchmarks.eval_suggest [--epochs N] [--folds K] [--no-model]

1. The rules alone, on ``eval.jsonl`` (their development set) and on ``heldout.jsonl``
   (written after the rules were tuned, never tuned on).
2. The learned model, K-fold over ``eval.jsonl``: train on K-1 parts, predict the
   held-back part; character counts are summed over the folds.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from gui.core.suggest.metrics import char_scores

DATA = Path(__file__).resolve().parents[1] / "data" / "eval"
LABELS = ["CLAIM", "THREAT", "DENIAL", "STATISTIC"]
CLAIM_TARGET = 0.80


def load(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_of(records):
    return [[(s["start"], s["end"], s["label"]) for s in r["spans"]] for r in records]


def spans_of(predicted):
    return [[(s.start, s.end, s.label) for s in per_text] for per_text in predicted]


def print_scores(title: str, scores) -> None:
    print(title)
    for s in scores.values():
        print("  " + s.row())


def evaluate_rules(records):
    from gui.core.suggest.rules import RulesSuggester

    predicted = RulesSuggester().suggest([r["text"] for r in records])
    return char_scores(gold_of(records), spans_of(predicted), LABELS)


def evaluate_model(records, folds: int, epochs: int):
    from gui.core.suggest.learned import TaggedText, train_model

    gold_all, pred_all = [], []
    for k in range(folds):
        test = [r for i, r in enumerate(records) if i % folds == k]
        train = [r for i, r in enumerate(records) if i % folds != k]
        items = [TaggedText(r["text"], tuple(g)) for r, g in zip(train, gold_of(train))]
        with tempfile.TemporaryDirectory() as folder:
            result = train_model(items, Path(folder), LABELS, epochs=epochs, heldout=0.1, min_spans=1)
            from gui.core.suggest.learned import ModelSuggester

            predicted = ModelSuggester(result.path).suggest([r["text"] for r in test])
        gold_all += gold_of(test)
        pred_all += spans_of(predicted)
        print(f"  fold {k + 1}/{folds}: trained on {len(train)} texts, tested on {len(test)}", flush=True)
    return char_scores(gold_all, pred_all, LABELS)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--no-model", action="store_true", help="only the rules")
    args = parser.parse_args(argv)

    dev, heldout = load("eval.jsonl"), load("heldout.jsonl")
    n_spans = sum(len(r["spans"]) for r in dev + heldout)
    print(f"eval set: {len(dev)} dev texts + {len(heldout)} held-out texts, {n_spans} tagged spans")
    dev_scores = evaluate_rules(dev)
    print_scores("rules alone, eval.jsonl (the rules' development set):", dev_scores)
    held_scores = evaluate_rules(heldout)
    print_scores("rules alone, heldout.jsonl (never tuned on):", held_scores)
    both = evaluate_rules(dev + heldout)
    print_scores("rules alone, both sets:", both)
    verdict = "OK" if both["CLAIM"].f1 >= CLAIM_TARGET else "MISS"
    print(f"CLAIM F1 (rules, both sets) {both['CLAIM'].f1:.2f} vs target >= {CLAIM_TARGET}: {verdict}")
    if not args.no_model:
        start = time.perf_counter()
        scores = evaluate_model(dev, args.folds, args.epochs)
        print_scores(f"learned model (span_finder + spancat, {args.folds}-fold over eval.jsonl, "
                     f"{args.epochs} epochs, {time.perf_counter() - start:.0f} s):", scores)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
