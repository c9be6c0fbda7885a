"""What every benchmark reports: a path's time, its limit measured in the same run,
and the ratio against the target. Absolute times on shared 2-core machines are
noisy; ratios against a baseline measured alongside are not (much)."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    path: str            # what was measured, e.g. "suggest (rules), 200 articles"
    seconds: float       # the path's time
    limit: str           # the baseline, e.g. "spacy.blank('en') tokenizer"
    limit_seconds: float
    kind: str            # "time": ratio = seconds / limit (lower is better)
                         # "throughput": ratio = limit / seconds (higher is better)
    target: float        # the ratio to reach (<= for "time", >= for "throughput")
    note: str = ""

    @property
    def ratio(self) -> float:
        if self.kind == "time":
            return self.seconds / self.limit_seconds
        return self.limit_seconds / self.seconds

    @property
    def ok(self) -> bool:
        return self.ratio <= self.target if self.kind == "time" else self.ratio >= self.target

    def row(self) -> str:
        op = "<=" if self.kind == "time" else ">="
        verdict = "OK" if self.ok else "MISS"
        return (f"{self.path:<48} {self.seconds * 1000:>10.1f} ms  {self.limit:<34} "
                f"{self.limit_seconds * 1000:>10.1f} ms  {self.ratio:>7.2f}x  {op} {self.target:<5g} {verdict}"
                + (f"  ({self.note})" if self.note else ""))


HEADER = (f"{'path':<48} {'time':>13}  {'limit (same run)':<34} {'limit':>13}  {'ratio':>8}  target")


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of ``repeat`` runs: the least disturbed by the other core's load."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def print_results(results: list[Result]) -> None:
    print(HEADER)
    for r in results:
        print(r.row())
