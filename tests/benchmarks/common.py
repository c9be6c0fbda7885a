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
                         # "extra": ratio = seconds - limit, in ``unit`` (lower is better),
                         #          e.g. memory: seconds and limit_seconds hold MB
    target: float        # the ratio to reach (<= for "time"/"extra", >= for "throughput")
    note: str = ""
    unit: str = "s"      # "s" (shown in ms) or "MB" (for kind "extra")

    @property
    def ratio(self) -> float:
        if self.kind == "time":
            return self.seconds / self.limit_seconds
        if self.kind == "extra":
            return self.seconds - self.limit_seconds
        return self.limit_seconds / self.seconds

    @property
    def ok(self) -> bool:
        return self.ratio >= self.target if self.kind == "throughput" else self.ratio <= self.target

    def _value(self, value: float) -> str:
        return f"{value * 1000:>10.1f} ms" if self.unit == "s" else f"{value:>10.1f} {self.unit:<2}"

    def row(self) -> str:
        op = ">=" if self.kind == "throughput" else "<="
        verdict = "OK" if self.ok else "MISS"
        if self.kind == "extra":
            ratio, target = f"{self.ratio:>+7.1f}{self.unit}", f"+{self.target:g}{self.unit}"
        else:
            ratio, target = f"{self.ratio:>7.2f}x", f"{self.target:g}x"
        return (f"{self.path:<48} {self._value(self.seconds)}  {self.limit:<34} "
                f"{self._value(self.limit_seconds)}  {ratio:>9}  {op} {target:<7} {verdict}"
                + (f"  ({self.note})" if self.note else ""))


HEADER = (f"{'path':<48} {'time':>13}  {'limit (same run)':<34} {'limit':>13}  {'ratio':>9}  target")


def best_of(fn: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of ``repeat`` runs: the least disturbed by the other core's load."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def best_of_interleaved(fns: list[Callable[[], object]], repeat: int = 5) -> list[float]:
    """The fastest of ``repeat`` runs of each of ``fns``, taken in turns (a, b, a, b, ...)
    after one untimed warm-up run of each: a path and its limit see the same load, the
    same warm caches (spaCy's tokenizer cache, the allocator), the same CPU clock."""
    for fn in fns:
        fn()
    times = [[] for _ in fns]
    for _ in range(repeat):
        for fn, runs in zip(fns, times):
            gc.collect()
            start = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - start)
    return [min(runs) for runs in times]


# Every Result printed in this process, so the runner (tests/benchmarks/__main__.py)
# can take the rows of a module that only has a main().
PRINTED: list[Result] = []


def print_results(results: list[Result]) -> None:
    PRINTED.extend(results)
    print(HEADER)
    for r in results:
        print(r.row())


_WORDS = ("the minister said prices rose percent last year union leaders warned strike talks fail "
          "government denied claim wages fell since report officials threatened sanctions economy "
          "growth inflation figures according to statement spokesperson rejected accusation police "
          "protest city council budget million billion vote election court ruling").split()


def synthetic_articles(n: int, words: int = 400, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` deterministic (title, text) pairs of about ``words`` words, all distinct."""
    import random

    rng = random.Random(seed)
    out = []
    for i in range(n):
        sentences, count = [], 0
        while count < words:
            length = rng.randint(8, 24)
            sentence = " ".join(rng.choice(_WORDS) for _ in range(length))
            sentences.append(sentence[0].upper() + sentence[1:] + ".")
            count += length
        title = f"Report {i}: " + " ".join(rng.choice(_WORDS) for _ in range(5))
        out.append((title, f"{title}\n\n" + " ".join(sentences) + f" (No. {i})"))
    return out
