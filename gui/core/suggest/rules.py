"""``RulesSuggester``: spaCy ``Matcher`` patterns from ``resources/patterns`` on a
blank English pipeline, each match grown to its clause, sentence or quantity.

Always available: it needs no trained weights. Patterns reload when their files
change; a broken pattern is skipped and reported, the others keep working.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from gui.core.model import Suggestion
from gui.core.spacy_import import ensure_spacy
from gui.core.suggest.matching import (
    AnchorTable,
    Batch,
    CompiledPattern,
    compile_pattern,
    find_matches,
    matcher_form,
    tails_after,
)
from gui.core.suggest.patterns import Pattern, PatternCache, PatternError
from gui.core.suggest.spans import DocIndex

RULES_VERSION = "1"
MAX_TAIL_TOKENS = 12
#: Docs are matched in batches (``matching.Batch``) of at most this many tokens, which
#: bounds the anchor-hit arrays (tokens × anchors booleans) for very long articles.
BATCH_TOKENS = 50_000

#: The label guide's hard cases: reported speech that is a threat is a THREAT, and the
#: sentence that reports a denial is the DENIAL; a CLAIM suggestion lying (almost)
#: inside one of those gives way to it, when that one is at least as sure (a bare
#: "military action" inside a claim does not make the claim a threat).
GIVES_WAY = {"CLAIM": ("THREAT", "DENIAL")}
GIVE_WAY_COVER = 0.8
#: "Headline-style questions and the writer's own speculation are not CLAIM".
NOT_IN_QUESTIONS = {"CLAIM", "THREAT"}


def _grow(index: DocIndex, pattern: Pattern, start: int, end: int, tails: dict) -> tuple[int, int]:
    if pattern.extend == "sentence":
        start, end = index.sentence_bounds(start, end)
    elif pattern.extend == "clause":
        start, end = index.clause_bounds(start, end)
    elif pattern.extend == "quantity":
        # swallow qualifiers that follow ("since March", "a year", "between ... and ...")
        while end in tails:
            end = tails[end]
        return index.trim_stop_tail(start, end)
    return index.settle(start, end)


class _Item(NamedTuple):
    """A suggestion in the making (a ``Suggestion`` is built only for those kept)."""
    start: int
    end: int
    label: str
    score: float
    rule: str


def _drop_nested(items: list[_Item]) -> list[_Item]:
    """Of the same label, a span inside another adds nothing for the editor."""
    by_key: dict[tuple, _Item] = {}
    for s in items:
        k = (s.start, s.end, s.label)
        if k not in by_key or by_key[k].score < s.score:
            by_key[k] = s
    ordered = sorted(by_key.values(), key=lambda s: (s.label, s.start, -s.end))
    kept: list[_Item] = []
    for s in ordered:
        if kept and kept[-1].label == s.label and kept[-1].start <= s.start and s.end <= kept[-1].end:
            continue
        kept.append(s)
    return sorted(kept, key=lambda s: (s.start, s.end, s.label))


def _give_way(items: list[_Item]) -> list[_Item]:
    kept = []
    by_label: dict[str, list[_Item]] = {}
    for s in items:
        by_label.setdefault(s.label, []).append(s)
    rivals = {label: [o for other in others for o in by_label.get(other, ())]
              for label, others in GIVES_WAY.items()}
    for s in items:
        against = rivals.get(s.label)
        if not against:
            kept.append(s)
            continue
        stronger = [o for o in against if o.score >= s.score and o.start < s.end and s.start < o.end]
        if not stronger or max(min(s.end, o.end) - max(s.start, o.start) for o in stronger) < GIVE_WAY_COVER * (
                s.end - s.start):
            kept.append(s)
    return kept


def _batches(docs, size: int, tokens: int = BATCH_TOKENS):
    """Docs in lists of ``size``, or fewer once they hold ``tokens`` tokens."""
    batch, count = [], 0
    for doc in docs:
        batch.append(doc)
        count += len(doc)
        if len(batch) >= size or count >= tokens:
            yield batch
            batch, count = [], 0
    if batch:
        yield batch


class RulesSuggester:
    name = "rules"

    def __init__(self, patterns_folder: Path | None = None, nlp=None):
        self._cache = PatternCache(patterns_folder)
        self._nlp = nlp
        self._compiled: list[CompiledPattern] | None = None
        self._table = AnchorTable()
        self._add_errors: list[PatternError] = []
        self._lock = threading.Lock()
        self.version = RULES_VERSION

    @property
    def nlp(self):
        if self._nlp is None:
            from gui.core.suggest.pipeline import shared_blank_pipeline

            self._nlp = shared_blank_pipeline()
        return self._nlp

    @property
    def errors(self) -> list[PatternError]:
        """Every broken pattern, as file:line and reason (the others still work)."""
        self._refresh()
        return self._cache.get()[0].errors + self._add_errors

    def pattern_counts(self) -> dict[str, int]:
        """Usable ``suggest`` patterns per label."""
        counts: dict[str, int] = {}
        for c in self._refresh():
            if c.pattern.role == "suggest":
                counts[c.pattern.label] = counts.get(c.pattern.label, 0) + 1
        return counts

    def _refresh(self) -> list[CompiledPattern]:
        with self._lock:
            pattern_set, reloaded = self._cache.get()
            if not reloaded and self._compiled is not None:
                return self._compiled
            ensure_spacy()
            from spacy.matcher import Matcher

            strings = self.nlp.vocab.strings
            compiled, table, self._add_errors = [], AnchorTable(), []
            for p in pattern_set.patterns:
                matcher = Matcher(self.nlp.vocab, validate=False)
                runs, lengths = matcher_form(p.pattern)
                try:
                    matcher.add(p.id or "pattern", [runs])
                except Exception as exc:  # spaCy rejects an operator or attribute value
                    file, _, line = p.where.rpartition(":")
                    self._add_errors.append(PatternError(self._cache.folder / file, int(line or 0),
                                                         f"spaCy refused the pattern: {exc}"))
                    continue
                compiled.append(compile_pattern(p, matcher, table, strings, lengths))
            table.freeze()
            self._compiled, self._table = compiled, table
            # a new pattern set is a new version of this suggester
            digest = hashlib.sha1(repr([(p.label, p.id, p.pattern, p.extend, p.role, p.score)
                                        for p in pattern_set.patterns]).encode()).hexdigest()
            self.version = f"{RULES_VERSION}.{digest[:8]}"
            return compiled

    def suggest(self, texts: Sequence[str], batch_size: int = 64) -> list[list[Suggestion]]:
        compiled, table = self._refresh(), self._table  # pattern files looked at once per call
        out: list[list[Suggestion]] = []
        for docs in _batches(self.nlp.pipe(texts, batch_size=batch_size), batch_size):
            out += self._suggest(docs, compiled, table)
        return out

    @staticmethod
    def _tails(index: DocIndex, compiled: list[CompiledPattern], found) -> dict[str, dict[int, int]]:
        """Qualifiers a ``quantity`` match may swallow, looked for only right after one
        (and after a qualifier, for chains such as "in March, a year earlier")."""
        tails: dict[str, dict[int, int]] = {}
        for label in {p.label for p, _, _ in found if p.extend == "quantity"}:
            patterns = [c for c in compiled if c.pattern.role == "tail" and c.pattern.label == label]
            tail = tails.setdefault(label, {})
            ends = {end for p, _, end in found if p.label == label and p.extend == "quantity"}
            for _ in range(3):
                new = set()
                for _p, start, end in tails_after(index, patterns, ends, MAX_TAIL_TOKENS):
                    if tail.get(start, start) < end:
                        tail[start] = end
                        new.add(end)
                ends = new - set(tail)
                if not ends:
                    break
        return tails

    def suggest_doc(self, doc) -> list[Suggestion]:
        compiled = self._refresh()
        return self._suggest([doc], compiled, self._table)[0]

    def _suggest(self, docs: list, compiled: list[CompiledPattern], table: AnchorTable) -> list[list[Suggestion]]:
        indexes = DocIndex.many(docs)
        main = [c for c in compiled if c.pattern.role != "tail"]
        matches = find_matches(Batch(indexes, table), main)
        return [self._suggest_index(index, compiled, found) for index, found in zip(indexes, matches)]

    def _suggest_index(self, index: DocIndex, compiled: list[CompiledPattern], matches) -> list[Suggestion]:
        excluded: dict[str, list[tuple[int, int]]] = {}
        found = []
        for p, start, end in matches:
            if p.role == "exclude":
                excluded.setdefault(p.label, []).append((start, end))
            else:
                found.append((p, start, end))
        tails = self._tails(index, compiled, found)
        items, grown = [], set()
        sent_of, questions, none = index.sent_of, index.questions, {}
        for p, start, end in found:
            spans = excluded.get(p.label)
            if spans and any(s < end and start < e for s, e in spans):
                continue
            if questions and p.label in NOT_IN_QUESTIONS and sent_of[start] in questions:
                continue  # index.is_question(start)
            if p.extend == "sentence":  # one sentence, however many triggers it holds
                key = (p.label, p.id, sent_of[start], sent_of[end - 1])
                if key in grown:
                    continue
                grown.add(key)
            start, end = _grow(index, p, start, end, tails.get(p.label, none))
            if start < end:
                items.append(_Item(*index.chars(start, end), p.label, p.score, p.id))
        return [Suggestion(article_id=0, start=i.start, end=i.end, label=i.label, score=i.score, suggester=self.name,
                           version=self.version, rule=i.rule) for i in _drop_nested(_give_way(items))]
