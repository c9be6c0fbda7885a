"""Character-level precision, recall and F1 per label: how suggestion quality is
measured (against spans tagged by people)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    label: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> str:
        return (f"{self.label:<10} P {self.precision:5.2f}  R {self.recall:5.2f}  F1 {self.f1:5.2f}  "
                f"(chars: tp {self.tp}, fp {self.fp}, fn {self.fn})")


def _chars(spans: Iterable[tuple[int, int, str]], label: str, doc: int) -> set[tuple[int, int]]:
    return {(doc, i) for start, end, lab in spans if lab == label for i in range(start, end)}


def char_scores(gold: list[list[tuple[int, int, str]]], predicted: list[list[tuple[int, int, str]]],
                labels: Iterable[str]) -> dict[str, Score]:
    """``gold[i]``/``predicted[i]``: (start, end, label) of document i."""
    scores = {}
    for label in labels:
        g: set = set()
        p: set = set()
        for doc, (gs, ps) in enumerate(zip(gold, predicted)):
            g |= _chars(gs, label, doc)
            p |= _chars(ps, label, doc)
        scores[label] = Score(label, len(g & p), len(p - g), len(g - p))
    return scores
