"""What every suggester shares: the ``Suggester`` protocol and merging of proposals.

A suggester turns texts into ``Suggestion``s (``article_id`` 0: the caller knows
which article a text belongs to). spaCy is imported lazily by each suggester, on
first use, never when this package is imported.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Protocol, runtime_checkable

from gui.core.model import Suggestion
from gui.core.progress import Cancelled, ProgressFn  # noqa: F401 (re-exported)

#: ``progress(done, total, message)``; returning False asks the work to stop.

PROVENANCE_SEP = "+"


@runtime_checkable
class Suggester(Protocol):
    name: str
    version: str

    def suggest(self, texts: Sequence[str], batch_size: int = 16) -> list[list[Suggestion]]:
        """One list of suggestions per text, in text order (``nlp.pipe`` with batching)."""


def key(s: Suggestion) -> tuple[int, int, str]:
    return (s.start, s.end, s.label)


def merge_suggestions(suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    """One suggestion per (start, end, label). When several suggesters propose the
    same span, the provenances are joined ("model+rules") and the best score kept."""
    groups: dict[tuple, list[Suggestion]] = {}
    for s in suggestions:
        groups.setdefault((s.article_id, *key(s)), []).append(s)
    merged = []
    for items in groups.values():
        items.sort(key=lambda s: s.suggester)
        if len(items) == 1:
            merged.append(items[0])
            continue
        best = max(items, key=lambda s: s.score)
        names, versions, rules = [], [], []
        for s in items:
            for name, version, rule in _provenance(s):
                if name not in names:
                    names.append(name)
                    versions.append(version)
                    rules.append(rule)
        merged.append(replace(
            best, suggester=PROVENANCE_SEP.join(names), version=PROVENANCE_SEP.join(versions),
            rule=" | ".join(r for r in rules if r), id=min((s.id for s in items if s.id is not None),
                                                       default=None)))
    merged.sort(key=lambda s: (s.start, s.end, s.label))
    return merged


def _provenance(s: Suggestion) -> list[tuple[str, str, str]]:
    names = s.suggester.split(PROVENANCE_SEP)
    versions = s.version.split(PROVENANCE_SEP) if s.version else [""] * len(names)
    rules = s.rule.split(" | ") if len(names) > 1 else [s.rule]
    return list(zip(names, versions + [""] * len(names), rules + [""] * len(names)))


def suggester_names(s: Suggestion) -> list[str]:
    return s.suggester.split(PROVENANCE_SEP)


def origin_of(s: Suggestion) -> str:
    """The ``Span.origin`` of an accepted suggestion (see CONTEXT.md)."""
    return f"suggested:{s.suggester}"
