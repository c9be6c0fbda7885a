"""Finding pattern matches fast: each pattern runs only where it can match.

Every required token of a pattern that names its words (``LOWER``/``ORTH``/``TEXT``
value or ``IN`` list) or a flag (``LIKE_NUM``, ``IS_CURRENCY``, ``IS_DIGIT``) is an
anchor. spaCy's ``Matcher`` reads a pattern only in windows around a hit of its first
anchor that has a hit of every other anchor at a distance the pattern allows, in the
same sentence; the window ends where the last such anchor leaves no more room. A
pattern made only of such word tokens (no operators) is matched directly on the
``LOWER`` array. Patterns match within a sentence.

The array work runs on a ``Batch`` of Docs end to end, once per pattern per batch. A
bounded repeat (``{0,12}``) runs as ``*`` held to its lengths (see ``matcher_form``).
Together these make the Matcher's share about a quarter of the tokenizer's time
(whole-Doc runs of all patterns cost 5-6x the tokenizer).
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
    rest: int | None = None          # most tokens from the last anchor to the end of a match


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
    rest = 0
    for spec in p.pattern:
        anchor = anchor_of(spec, strings)
        if anchor is not None:
            if first_seen:
                offsets.append((least, most))
            anchors.append(table.add(anchor))
            first_seen, rest = True, 0
        width = token_span(spec.get("OP"))
        rest = None if rest is None or width is None else rest + width
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
                           offsets=offsets, lengths=lengths, rest=rest)


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

    def token_hits(self, lower, flags: dict):
        """(anchors × tokens) booleans, one row per anchor."""
        import numpy

        hits = numpy.zeros((len(self.anchors), len(lower)), dtype=bool)
        if len(self.hashes) and len(lower):
            lower = lower.astype("uint64")
            pos = numpy.searchsorted(self.hashes, lower).clip(0, len(self.hashes) - 1)
            found = numpy.flatnonzero(self.hashes[pos] == lower)
            hits[:, found] = self.member[pos[found]].T
        for j, anchor in enumerate(self.anchors):
            for flag in anchor.flags:
                hits[j] |= flags[flag]
        return hits


class Batch:
    """Several Docs read as one: their tokens and sentences end to end, so that the
    array work of each pattern (anchor hits, candidate windows) runs once per batch
    rather than once per Doc. Sentences never cross Docs, and neither do matches."""

    def __init__(self, indexes: list[DocIndex], table: AnchorTable):
        import numpy

        self.indexes = indexes
        self.starts = numpy.concatenate(([0], numpy.cumsum([ix.n for ix in indexes]))).astype("int64")
        self.n = n = int(self.starts[-1])
        counts = [len(ix.bounds) - 1 for ix in indexes]
        sentence_starts = numpy.concatenate([ix.bounds_array[:-1] + start for ix, start in
                                             zip(indexes, self.starts.tolist())] + [numpy.zeros(0, "int64")])
        self.bounds = numpy.append(sentence_starts, n).astype("int64")
        self.doc_of_sentence = numpy.repeat(numpy.arange(len(indexes)), counts)
        self.sent_of = numpy.repeat(numpy.arange(len(self.bounds) - 1), numpy.diff(self.bounds))
        self.hits = table.token_hits(_joined([ix.lower for ix in indexes], "uint64"),
                                     {f: _joined([ix.flags[f] for ix in indexes], bool) for f in FLAG_ATTRS})
        for ix, start, stop in zip(indexes, self.starts.tolist(), self.starts[1:].tolist()):
            ix.hits = self.hits[:, start:stop]
        self._counts: dict[int, object] = {}
        self._positions: dict[int, object] = {}

    def positions(self, anchor: int):
        """Where the anchor's hits are, ascending."""
        import numpy

        found = self._positions.get(anchor)
        if found is None:
            found = self._positions[anchor] = numpy.flatnonzero(self.hits[anchor])
        return found

    def counts(self, anchor: int):
        """Running count of the anchor's hits (``counts[j] - counts[i]``: hits in ``i:j``)."""
        import numpy

        found = self._counts.get(anchor)
        if found is None:
            found = self._counts[anchor] = numpy.concatenate(([0], numpy.cumsum(self.hits[anchor], dtype="int32")))
        return found


def _joined(arrays, dtype):
    import numpy

    return numpy.concatenate(arrays) if arrays else numpy.zeros(0, dtype)


def find_matches(batch: Batch, compiled: list[CompiledPattern]) -> list[list[tuple]]:
    """Per Doc of ``batch``: (pattern, start, end) of every match, pattern by pattern."""
    import numpy

    out: list[list[tuple]] = [[] for _ in batch.indexes]
    n, hits, starts = batch.n, batch.hits, batch.starts
    if not n:
        return out
    for c in compiled:
        if c.words is not None:
            k = len(c.words)
            if k > n:
                continue
            ok = hits[c.words[0], : n - k + 1].copy()
            for offset in range(1, k):
                ok &= hits[c.words[offset], offset: n - k + 1 + offset]
            if k > 1:
                ok &= batch.sent_of[: n - k + 1] == batch.sent_of[k - 1:]
            found = numpy.flatnonzero(ok)
            docs = batch.doc_of_sentence[batch.sent_of[found]].tolist()
            for d, start in zip(docs, (found - starts[docs]).tolist()):
                out[d].append((c.pattern, start, start + k))
            continue
        if not c.anchors:
            for d, ix in enumerate(batch.indexes):
                out[d].extend(_run(c, ix.doc, 0, ix.n))
            continue
        for d, offset, stop in _windows(batch, c):
            ix = batch.indexes[d]
            out[d].extend(_run(c, ix.doc, offset, stop))
    return out


def _run(c: CompiledPattern, doc, offset: int, stop: int):
    """The ``Matcher`` of ``c`` on ``doc[offset:stop]``, held to the pattern's lengths."""
    matches = c.matcher(doc[offset:stop] if offset or stop < len(doc) else doc)
    if c.lengths is None:
        return [(c.pattern, offset + start, offset + end) for _, start, end in matches]
    low, high = c.lengths
    return [(c.pattern, offset + start, offset + end) for _, start, end in matches if low <= end - start <= high]


def _candidates(batch: Batch, c: CompiledPattern):
    """Hits of the pattern's first anchor that have a hit of every other anchor at a
    distance the pattern allows, inside their sentence: a match cannot place its
    anchors anywhere else."""
    import numpy

    first = batch.positions(c.anchors[0])
    if not len(first) or not c.offsets:
        return first, None
    ends = batch.bounds[batch.sent_of[first] + 1]
    keep = numpy.ones(len(first), dtype=bool)
    for anchor, (least, most) in zip(c.anchors[1:], c.offsets):
        counts = batch.counts(anchor)
        left = numpy.minimum(first + least, ends)
        right = ends if most is None else numpy.minimum(first + most + 1, ends)
        keep &= counts[right] > counts[left]
    # the last hit of the last anchor in reach: no match of this candidate ends later
    # than ``rest`` tokens after it
    last = numpy.searchsorted(batch.positions(c.anchors[-1]), right[keep]) - 1
    return first[keep], batch.positions(c.anchors[-1])[last]


def _windows(batch: Batch, c: CompiledPattern):
    """(doc, start, stop) stretches the Matcher must read: around each candidate hit of
    the pattern's first anchor when its length is bounded, else the sentences holding
    one; merged when they touch inside a Doc."""
    import numpy

    first, last = _candidates(batch, c)
    if not len(first):
        return []
    sent = batch.sent_of[first]
    if c.max_length is None:
        sent = numpy.unique(sent)
        lows, highs = batch.bounds[sent], batch.bounds[sent + 1]
    else:
        lows = numpy.maximum(batch.bounds[sent], first - c.lead)
        highs = numpy.minimum(batch.bounds[sent + 1], first - c.lead + c.max_length)
        if last is not None and c.rest is not None:
            highs = numpy.minimum(highs, last + c.rest)
    docs = batch.doc_of_sentence[sent]
    merged: list[list[int]] = []
    for d, start, stop in zip(docs.tolist(), lows.tolist(), highs.tolist()):
        if merged and merged[-1][0] == d and start <= merged[-1][2]:
            merged[-1][2] = max(merged[-1][2], stop)
        else:
            merged.append([d, start, stop])
    starts = batch.starts.tolist()
    return [(d, start - starts[d], stop - starts[d]) for d, start, stop in merged]


def tails_after(index: DocIndex, compiled: list[CompiledPattern], ends: set[int], longest: int):
    """(pattern, start, end) of tail patterns that begin exactly at one of ``ends``
    (after ``find_matches`` on a batch holding ``index``, which set its anchor hits)."""
    doc, bounds, sent_of, hits = index.doc, index.bounds, index.sent_of, index.hits
    for end in sorted(ends):
        if end >= index.n:
            continue
        stop = min(bounds[sent_of[end] + 1], end + longest)
        for c in compiled:
            if c.anchors and not c.lead and not hits[c.anchors[0], end]:
                continue  # its first token cannot be the one at ``end``
            for p, start, stop_ in _run(c, doc, end, stop):
                if start == end:
                    yield p, start, stop_
