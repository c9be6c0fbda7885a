"""Finding pattern matches fast: each pattern runs only where it can match.

Every required token of a pattern that names its words (``LOWER``/``ORTH``/``TEXT``
value or ``IN`` list) or a flag (``LIKE_NUM``, ``IS_CURRENCY``, ``IS_DIGIT``) is an
anchor. A sentence lacking a hit for one of a pattern's anchors cannot match, so
spaCy's ``Matcher`` never sees it. A pattern made only of such word tokens (no
operators) is matched directly on the ``LOWER`` array. Patterns match within a
sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gui.core.suggest.patterns import Pattern
from gui.core.suggest.spans import FLAG_ATTRS, DocIndex

WORD_KEYS = ("LOWER", "ORTH", "TEXT", "NORM")


@dataclass(frozen=True)
class Anchor:
    lowers: tuple[int, ...] = ()
    flags: tuple[str, ...] = ()


@dataclass
class CompiledPattern:
    pattern: Pattern
    matcher: object | None           # None: matched directly (``words``)
    anchors: list[int]               # indexes into ``AnchorTable.anchors``
    words: list[int] | None = None   # anchor index per token, for direct matching
    max_length: int | None = None    # longest match in tokens (None: unbounded)
    lead: int = 0                    # most tokens a match can have before its first anchor
    offsets: list = field(default_factory=list)  # (fewest, most) tokens from the first anchor to each other
    lengths: tuple[int, int] | None = None  # match length range the Matcher's loosened pattern is held to


def token_span(op) -> int | None:
    """Most tokens one pattern token can consume (None: unbounded)."""
    if op in (None, "1", "!", "?"):
        return 1
    if op in ("*", "+"):
        return None
    if isinstance(op, str) and op.startswith("{") and op.endswith("}"):
        parts = op[1:-1].split(",")
        high = parts[-1].strip()
        return int(high) if high else None
    return None


def token_least(op) -> int:
    """Fewest tokens one pattern token consumes."""
    if op in ("?", "*"):
        return 0
    if isinstance(op, str) and op.startswith("{") and op.endswith("}"):
        return int(op[1:-1].split(",")[0].strip() or 0)
    return 1


def matcher_form(pattern: list[dict]) -> tuple[list[dict], tuple[int, int] | None]:
    """The pattern the ``Matcher`` runs, and the match lengths to keep (None: all).

    spaCy unrolls ``{0,n}`` into n optional tokens, and its match states multiply with
    every optional token a word satisfies (``accused ... of`` cost 70 µs a token). When
    such a repeat is the pattern's only variable-width token, ``*`` (``+`` for ``{1,n}``)
    finds the same matches at a constant cost per token, and the length of a match then
    says exactly how many tokens the repeat took: matches outside the range are dropped.
    """
    widths = [(token_least(t.get("OP")), token_span(t.get("OP"))) for t in pattern]
    variable = [i for i, (low, high) in enumerate(widths) if low != high]
    if len(variable) != 1:
        return pattern, None
    i = variable[0]
    low, high = widths[i]
    if high is None or high < 3 or low > 1 or not str(pattern[i].get("OP", "")).startswith("{"):
        return pattern, None
    fixed = sum(w for j, (w, _) in enumerate(widths) if j != i)
    loose = list(pattern)
    loose[i] = {**pattern[i], "OP": "*" if low == 0 else "+"}
    return loose, (fixed + low, fixed + high)


def compile_pattern(p: Pattern, matcher, table, strings, lengths=None) -> CompiledPattern:
    anchors, lead, first_seen, total = [], 0, False, 0
    offsets, least, most = [], 0, 0  # fewest/most tokens from the first anchor
    for spec in p.pattern:
        anchor = anchor_of(spec, strings)
        if anchor is not None:
            if first_seen:
                offsets.append((least, most))
            anchors.append(table.add(anchor))
            first_seen = True
        width = token_span(spec.get("OP"))
        if first_seen:
            least += token_least(spec.get("OP"))
            most = None if most is None or width is None else most + width
        total = None if total is None or width is None else total + width
        if not first_seen:
            lead = None if lead is None or width is None else lead + width
    if is_plain_words(p.pattern):
        return CompiledPattern(p, None, anchors, words=anchors, max_length=len(p.pattern))
    bounded = total is not None and lead is not None and anchors
    return CompiledPattern(p, matcher, anchors, max_length=total if bounded else None, lead=lead or 0,
                           offsets=offsets, lengths=lengths)


def _required(op) -> bool:
    if op in (None, "1", "+"):
        return True
    return isinstance(op, str) and op.startswith("{") and op[1:].split(",")[0].strip("}").strip() not in ("", "0")


def anchor_of(spec: dict, strings) -> Anchor | None:
    if not _required(spec.get("OP")):
        return None
    for key in WORD_KEYS:
        value = spec.get(key)
        if isinstance(value, str):
            return Anchor(lowers=(strings.add(value.lower()),))
        if isinstance(value, dict) and set(value) == {"IN"}:
            return Anchor(lowers=tuple(sorted({strings.add(str(v).lower()) for v in value["IN"]})))
    flags = tuple(a for a in FLAG_ATTRS if spec.get(a) is True)
    return Anchor(flags=flags) if flags else None


def is_plain_words(pattern: list[dict]) -> bool:
    """Only ``{"LOWER": word}`` / ``{"LOWER": {"IN": [...]}}`` tokens, no operators."""
    for spec in pattern:
        if set(spec) != {"LOWER"}:
            return False
        value = spec["LOWER"]
        if not (isinstance(value, str) or (isinstance(value, dict) and set(value) == {"IN"})):
            return False
    return True


class AnchorTable:
    """All anchors of a pattern set; per Doc, which sentences hold a hit for each."""

    def __init__(self):
        self.anchors: list[Anchor] = []
        self._ids: dict[Anchor, int] = {}

    def add(self, anchor: Anchor) -> int:
        if anchor not in self._ids:
            self._ids[anchor] = len(self.anchors)
            self.anchors.append(anchor)
        return self._ids[anchor]

    def freeze(self) -> None:
        import numpy

        words = sorted({h for a in self.anchors for h in a.lowers})
        self.hashes = numpy.asarray(words, dtype="uint64")
        self.member = numpy.zeros((len(words), len(self.anchors)), dtype=bool)
        position = {h: i for i, h in enumerate(words)}
        for j, anchor in enumerate(self.anchors):
            for h in anchor.lowers:
                self.member[position[h], j] = True

    def token_hits(self, index: DocIndex):
        """(tokens × anchors) booleans."""
        import numpy

        hits = numpy.zeros((index.n, len(self.anchors)), dtype=bool)
        if len(self.hashes) and index.n:
            lower = index.lower.astype("uint64")
            pos = numpy.searchsorted(self.hashes, lower).clip(0, len(self.hashes) - 1)
            found = self.hashes[pos] == lower
            hits[found] = self.member[pos[found]]
        for j, anchor in enumerate(self.anchors):
            for flag in anchor.flags:
                hits[:, j] |= index.flags[flag]
        return hits


def find_matches(index: DocIndex, compiled: list[CompiledPattern], table: AnchorTable):
    """(pattern, start, end) of every match in the Doc of ``index``."""
    import numpy

    if not index.n:
        return
    doc, bounds = index.doc, index.bounds
    hits = index.hits = table.token_hits(index)
    present = numpy.add.reduceat(hits.astype("int32"), bounds[:-1], axis=0) > 0 if len(table.anchors) else None
    for c in compiled:
        if c.words is not None:
            k = len(c.words)
            if k > index.n:
                continue
            ok = hits[: index.n - k + 1, c.words[0]].copy()
            for offset in range(1, k):
                ok &= hits[offset: index.n - k + 1 + offset, c.words[offset]]
            if k > 1:
                ok &= index.sent_of_array[: index.n - k + 1] == index.sent_of_array[k - 1:]
            for start in numpy.flatnonzero(ok).tolist():
                yield c.pattern, start, start + k
            continue
        if not c.anchors:
            yield from _run(c, doc, 0, index.n)
            continue
        sentences = numpy.flatnonzero(present[:, c.anchors].all(axis=1))
        if not len(sentences):
            continue
        for offset, stop in _windows(index, c, hits, sentences):
            yield from _run(c, doc, offset, stop)


def _run(c: CompiledPattern, doc, offset: int, stop: int):
    """The ``Matcher`` of ``c`` on ``doc[offset:stop]``, held to the pattern's lengths."""
    matches = c.matcher(doc[offset:stop] if offset or stop < len(doc) else doc)
    if c.lengths is None:
        for _, start, end in matches:
            yield c.pattern, offset + start, offset + end
    else:
        low, high = c.lengths
        for _, start, end in matches:
            if low <= end - start <= high:
                yield c.pattern, offset + start, offset + end


def _candidates(index: DocIndex, c: CompiledPattern, hits, sentences):
    """Hits of the pattern's first anchor, in a candidate sentence, that have a hit of
    every other anchor at a distance the pattern allows, inside the sentence: a match
    cannot start its anchors anywhere else."""
    import numpy

    allowed = numpy.zeros(len(index.bounds) - 1, dtype=bool)
    allowed[sentences] = True
    first = numpy.flatnonzero(hits[:, c.anchors[0]] & allowed[index.sent_of_array])
    if not len(first) or not c.offsets:
        return first
    ends = index.bounds_array[index.sent_of_array[first] + 1]
    keep = numpy.ones(len(first), dtype=bool)
    for anchor, (least, most) in zip(c.anchors[1:], c.offsets):
        counts = numpy.concatenate(([0], numpy.cumsum(hits[:, anchor], dtype="int32")))
        left = numpy.minimum(first + least, ends)
        right = ends if most is None else numpy.minimum(first + most + 1, ends)
        keep &= counts[right] > counts[left]
    return first[keep]


def _windows(index: DocIndex, c: CompiledPattern, hits, sentences):
    """Stretches of the Doc the Matcher must read: around each candidate hit of the
    pattern's first anchor when its length is bounded, else the sentences holding one;
    merged when they touch."""
    bounds, sent_of = index.bounds, index.sent_of
    first = _candidates(index, c, hits, sentences).tolist()
    if c.max_length is None:
        spans = [(bounds[s], bounds[s + 1]) for s in sorted({sent_of[h] for h in first})]
    else:
        spans = []
        for h in first:
            sent = sent_of[h]
            spans.append((max(bounds[sent], h - c.lead), min(bounds[sent + 1], h - c.lead + c.max_length)))
    merged: list[tuple[int, int]] = []
    for start, stop in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], stop))
        else:
            merged.append((start, stop))
    return merged


def tails_after(index: DocIndex, compiled: list[CompiledPattern], ends: set[int], longest: int):
    """(pattern, start, end) of tail patterns that begin exactly at one of ``ends``
    (after ``find_matches`` on the same ``index``, which holds the anchor hits)."""
    doc, bounds, sent_of, hits = index.doc, index.bounds, index.sent_of, index.hits
    for end in sorted(ends):
        if end >= index.n:
            continue
        stop = min(bounds[sent_of[end] + 1], end + longest)
        for c in compiled:
            if c.anchors and not c.lead and not hits[end, c.anchors[0]]:
                continue  # its first token cannot be the one at ``end``
            for p, start, stop_ in _run(c, doc, end, stop):
                if start == end:
                    yield p, start, stop_
