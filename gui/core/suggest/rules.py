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

from gui.core.model import Suggestion
from gui.core.suggest import spans as S
from gui.core.suggest.patterns import Pattern, PatternCache, PatternError

RULES_VERSION = "1"
MAX_TAIL_TOKENS = 12


def _grow(doc, pattern: Pattern, start: int, end: int, tails: dict) -> tuple[int, int]:
    if pattern.extend == "sentence":
        start, end = S.sentence_bounds(doc, start, end)
    elif pattern.extend == "clause":
        start, end = S.clause_bounds(doc, start, end)
    elif pattern.extend == "quantity":
        # swallow qualifiers that follow ("since March", "a year", "between ... and ...")
        while end in tails:
            end = tails[end]
        return S.trim_stop_tail(doc, start, end)
    start, end = S.balance_quotes(doc, start, end)
    return S.trim(doc, start, end)


def _drop_nested(items: list[Suggestion]) -> list[Suggestion]:
    """Of the same label, a span inside another adds nothing for the editor."""
    by_key: dict[tuple, Suggestion] = {}
    for s in items:
        k = (s.start, s.end, s.label)
        if k not in by_key or by_key[k].score < s.score:
            by_key[k] = s
    ordered = sorted(by_key.values(), key=lambda s: (s.label, s.start, -s.end))
    kept: list[Suggestion] = []
    for s in ordered:
        if kept and kept[-1].label == s.label and kept[-1].start <= s.start and s.end <= kept[-1].end:
            continue
        kept.append(s)
    return sorted(kept, key=lambda s: (s.start, s.end, s.label))


#: The label guide's hard cases: reported speech that is a threat is a THREAT, and the
#: sentence that reports a denial is the DENIAL; a CLAIM suggestion lying (almost)
#: inside one of those gives way to it, when that one is at least as sure (a bare
#: "military action" inside a claim does not make the claim a threat).
GIVES_WAY = {"CLAIM": ("THREAT", "DENIAL")}
GIVE_WAY_COVER = 0.8
#: "Headline-style questions and the writer's own speculation are not CLAIM".
NOT_IN_QUESTIONS = {"CLAIM", "THREAT"}


def _give_way(items: list[Suggestion]) -> list[Suggestion]:
    kept = []
    for s in items:
        stronger = [o for o in items if o.label in GIVES_WAY.get(s.label, ()) and o.score >= s.score]
        covered = max((min(s.end, o.end) - max(s.start, o.start) for o in stronger), default=0)
        if covered < GIVE_WAY_COVER * (s.end - s.start):
            kept.append(s)
    return kept


class RulesSuggester:
    name = "rules"

    def __init__(self, patterns_folder: Path | None = None, nlp=None):
        self._cache = PatternCache(patterns_folder)
        self._nlp = nlp
        self._matcher = None
        self._by_key: dict[str, Pattern] = {}
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
        self._refresh()
        counts: dict[str, int] = {}
        for p in self._by_key.values():
            if p.role == "suggest":
                counts[p.label] = counts.get(p.label, 0) + 1
        return counts

    def _refresh(self):
        with self._lock:
            pattern_set, reloaded = self._cache.get()
            if not reloaded and self._matcher is not None:
                return self._matcher
            from spacy.matcher import Matcher

            matcher = Matcher(self.nlp.vocab, validate=False)
            self._by_key, self._add_errors = {}, []
            for i, p in enumerate(pattern_set.patterns):
                key = f"{p.label}|{p.role}|{i}"
                try:
                    matcher.add(key, [p.pattern])
                except Exception as exc:  # spaCy rejects an operator or attribute value
                    file, _, line = p.where.rpartition(":")
                    self._add_errors.append(PatternError(self._cache.folder / file, int(line or 0),
                                                         f"spaCy refused the pattern: {exc}"))
                    continue
                self._by_key[key] = p
            self._matcher = matcher
            # a new pattern set is a new version of this suggester
            digest = hashlib.sha1(repr([(p.label, p.id, p.pattern, p.extend, p.role, p.score)
                                        for p in pattern_set.patterns]).encode()).hexdigest()
            self.version = f"{RULES_VERSION}.{digest[:8]}"
            return matcher

    def suggest(self, texts: Sequence[str], batch_size: int = 64) -> list[list[Suggestion]]:
        matcher = self._refresh()
        return [self.suggest_doc(doc, matcher) for doc in self.nlp.pipe(texts, batch_size=batch_size)]

    def suggest_doc(self, doc, matcher=None) -> list[Suggestion]:
        matcher = matcher or self._refresh()
        strings = doc.vocab.strings
        tails: dict[str, dict[int, int]] = {}
        excluded: dict[str, list[tuple[int, int]]] = {}
        found = []
        for match_id, start, end in matcher(doc):
            p = self._by_key.get(strings[match_id])
            if p is None:
                continue
            if p.role == "tail":
                tail = tails.setdefault(p.label, {})
                if end - start <= MAX_TAIL_TOKENS and tail.get(start, start) < end:
                    tail[start] = end
            elif p.role == "exclude":
                excluded.setdefault(p.label, []).append((start, end))
            else:
                found.append((p, start, end))
        items = []
        for p, start, end in found:
            if any(s < end and start < e for s, e in excluded.get(p.label, ())):
                continue
            if p.label in NOT_IN_QUESTIONS and S.is_question(doc, start, end):
                continue
            start, end = _grow(doc, p, start, end, tails.get(p.label, {}))
            if start >= end:
                continue
            items.append(Suggestion(
                article_id=0, start=doc[start].idx, end=doc[end - 1].idx + len(doc[end - 1].text),
                label=p.label, score=p.score, suggester=self.name, version=self.version, rule=p.id))
        return _drop_nested(_give_way(items))
