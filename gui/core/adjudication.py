"""Adjudication: a reviewer settles where two editors' spans on one article differ.

``align`` splits two layers into spans both editors made (same start, end and label)
and *disagreements*: groups of the remaining spans that overlap each other (a span
neither overlaps is a disagreement on its own). For each disagreement the reviewer
takes A's spans, B's, both or neither; the result is written as the reviewer's own
spans with origin ``adjudicated``. The reviewer's layer is the "final" layer: an
export filtered to ``annotator = <reviewer>`` takes exactly the adjudicated spans.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from gui.core.bulk_edits import Adjudicate
from gui.core.model import Span

ORIGIN = "adjudicated"
CHOICES = ("a", "b", "both", "neither")


def key(span: Span) -> tuple[int, int, str]:
    return (span.start, span.end, span.label)


@dataclass(frozen=True)
class Disagreement:
    start: int  # the characters the group covers
    end: int
    a: tuple[Span, ...]
    b: tuple[Span, ...]

    def chosen(self, choice: str) -> list[tuple[int, int, str]]:
        if choice not in CHOICES:
            raise ValueError(f"choice must be one of {CHOICES}, not {choice!r}")
        picked = {"a": self.a, "b": self.b, "both": self.a + self.b, "neither": ()}[choice]
        return sorted({key(s) for s in picked})

    def decision_in(self, final: Iterable[Span]) -> str | None:
        """Which choice the reviewer's layer shows for this group (None: not decided, or neither)."""
        have = {key(s) for s in final} & {key(s) for s in self.a + self.b}
        for choice in ("both", "a", "b"):
            if have and have == set(self.chosen(choice)):
                return choice
        return None


def align(a: Iterable[Span], b: Iterable[Span]) -> tuple[list[tuple[int, int, str]], list[Disagreement]]:
    """(spans both made, disagreements in text order)."""
    a, b = list(a), list(b)
    agreed = sorted({key(s) for s in a} & {key(s) for s in b})
    shared = set(agreed)
    rest = sorted([("a", s) for s in a if key(s) not in shared] + [("b", s) for s in b if key(s) not in shared],
                  key=lambda item: (item[1].start, item[1].end))
    groups: list[list[tuple[str, Span]]] = []
    group_end = -1
    for side, span in rest:
        if groups and span.start < group_end:
            groups[-1].append((side, span))
            group_end = max(group_end, span.end)
        else:
            groups.append([(side, span)])
            group_end = span.end
    return agreed, [
        Disagreement(min(s.start for _, s in g), max(s.end for _, s in g),
                     tuple(s for side, s in g if side == "a"), tuple(s for side, s in g if side == "b"))
        for g in groups
    ]


def decide(article_id: int, reviewer: str, final: Iterable[Span], disagreement: Disagreement,
           choice: str) -> Adjudicate:
    """The edit that makes the reviewer's layer hold ``choice`` for this disagreement,
    replacing an earlier decision on it."""
    candidates = {key(s) for s in disagreement.a + disagreement.b}
    remove = [s for s in final if key(s) in candidates]
    add = [Span(article_id, start, end, label, reviewer, ORIGIN) for start, end, label in disagreement.chosen(choice)]
    return Adjudicate(article_id, remove, add)


def take_agreed(article_id: int, reviewer: str, final: Iterable[Span],
                agreed: list[tuple[int, int, str]]) -> Adjudicate:
    """The edit that copies the spans both editors made into the reviewer's layer."""
    have = {key(s) for s in final}
    return Adjudicate(article_id, [], [Span(article_id, s, e, lab, reviewer, ORIGIN)
                                       for s, e, lab in agreed if (s, e, lab) not in have])
