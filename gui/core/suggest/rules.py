"""``RulesSuggester``: spaCy ``Matcher`` patterns from ``resources/patterns`` on a
blank English pipeline, each match grown to its clause, sentence or quantity.

Always available: it needs no trained weights. Patterns reload when their files
change; a broken pattern is skipped and reported, the others keep working.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
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


@dataclass(frozen=True)
class _Anchor:
    """Words (LOWER hashes) or flags a required token of a pattern must have. A sentence
    lacking a hit for any one anchor of a pattern cannot match: the Matcher never sees it."""

    lowers: tuple[int, ...] = ()
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Group:
    pattern: Pattern
    matcher: object
    anchors: tuple[_Anchor, ...]  # empty: run on the whole Doc


_FLAG_ATTRS = ("LIKE_NUM", "IS_CURRENCY", "IS_DIGIT")


def _required(op) -> bool:
    if op in (None, "1", "+"):
        return True
    return isinstance(op, str) and op.startswith("{") and op[1:].split(",")[0].strip("}").strip() not in ("", "0")


def _anchor(spec: dict, strings) -> _Anchor | None:
    if not _required(spec.get("OP")):
        return None
    for key in ("LOWER", "ORTH", "TEXT", "NORM"):
        value = spec.get(key)
        if isinstance(value, str):
            return _Anchor(lowers=(strings.add(value.lower()),))
        if isinstance(value, dict) and set(value) == {"IN"}:
            return _Anchor(lowers=tuple(strings.add(str(v).lower()) for v in value["IN"]))
    flags = tuple(a for a in _FLAG_ATTRS if spec.get(a) is True)
    return _Anchor(flags=flags) if flags else None


def _anchors(pattern: list[dict], strings) -> tuple[_Anchor, ...]:
    return tuple(a for a in (_anchor(spec, strings) for spec in pattern) if a is not None)


def _matches(doc, groups: list[_Group]):
    """(pattern, start, end) of every match; each anchored pattern runs only on the
    sentences holding its anchor (patterns match within a sentence)."""
    import numpy
    from spacy.attrs import IS_CURRENCY, IS_DIGIT, LIKE_NUM, LOWER, SENT_START

    if not len(doc):
        return
    columns = doc.to_array([LOWER, LIKE_NUM, IS_CURRENCY, IS_DIGIT, SENT_START])
    lower = columns[:, 0]
    flags = {"LIKE_NUM": columns[:, 1] == 1, "IS_CURRENCY": columns[:, 2] == 1, "IS_DIGIT": columns[:, 3] == 1}
    starts = columns[:, 4].astype("int64") == 1
    starts[0] = True
    sent_of = numpy.cumsum(starts) - 1
    bounds = numpy.append(numpy.flatnonzero(starts), len(doc))
    n_sents = len(bounds) - 1
    hits: dict[_Anchor, object] = {}
    for group in groups:
        if not group.anchors:
            for _, start, end in group.matcher(doc):
                yield group.pattern, start, end
            continue
        possible = numpy.ones(n_sents, dtype=bool)
        for anchor in group.anchors:
            if anchor not in hits:
                hit = numpy.isin(lower, numpy.asarray(anchor.lowers, dtype=lower.dtype))
                for flag in anchor.flags:
                    hit |= flags[flag]
                hits[anchor] = numpy.bincount(sent_of[hit], minlength=n_sents) > 0
            possible &= hits[anchor]
        for sent in numpy.flatnonzero(possible):
            offset, stop = int(bounds[sent]), int(bounds[sent + 1])
            for _, start, end in group.matcher(doc[offset:stop]):
                yield group.pattern, offset + start, offset + end


class RulesSuggester:
    name = "rules"

    def __init__(self, patterns_folder: Path | None = None, nlp=None):
        self._cache = PatternCache(patterns_folder)
        self._nlp = nlp
        self._groups: list[_Group] | None = None
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
        for p in (g.pattern for g in self._refresh()):
            if p.role == "suggest":
                counts[p.label] = counts.get(p.label, 0) + 1
        return counts

    def _refresh(self) -> list[_Group]:
        with self._lock:
            pattern_set, reloaded = self._cache.get()
            if not reloaded and self._groups is not None:
                return self._groups
            from spacy.matcher import Matcher

            groups, self._add_errors = [], []
            for p in pattern_set.patterns:
                matcher = Matcher(self.nlp.vocab, validate=False)
                try:
                    matcher.add(p.id or "pattern", [p.pattern])
                except Exception as exc:  # spaCy rejects an operator or attribute value
                    file, _, line = p.where.rpartition(":")
                    self._add_errors.append(PatternError(self._cache.folder / file, int(line or 0),
                                                         f"spaCy refused the pattern: {exc}"))
                    continue
                groups.append(_Group(p, matcher, _anchors(p.pattern, self.nlp.vocab.strings)))
            self._groups = groups
            # a new pattern set is a new version of this suggester
            digest = hashlib.sha1(repr([(p.label, p.id, p.pattern, p.extend, p.role, p.score)
                                        for p in pattern_set.patterns]).encode()).hexdigest()
            self.version = f"{RULES_VERSION}.{digest[:8]}"
            return groups

    def suggest(self, texts: Sequence[str], batch_size: int = 64) -> list[list[Suggestion]]:
        groups = self._refresh()
        return [self.suggest_doc(doc, groups) for doc in self.nlp.pipe(texts, batch_size=batch_size)]

    def suggest_doc(self, doc, groups=None) -> list[Suggestion]:
        groups = groups if groups is not None else self._refresh()
        tails: dict[str, dict[int, int]] = {}
        excluded: dict[str, list[tuple[int, int]]] = {}
        found = []
        for p, start, end in _matches(doc, groups):
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
