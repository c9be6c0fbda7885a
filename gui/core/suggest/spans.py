"""Growing a token match into the span an editor would tag, on the ``Doc``.

All of it is token and sentence logic over spaCy's ``Doc``: sentence bounds from
the sentencizer, clause bounds at clause punctuation, quotes balanced so a
quotation is never cut in half, and trailing punctuation trimmed. ``DocIndex``
reads the token attributes once per Doc (``Doc.to_array``) so that this costs
list lookups, not a ``Token`` object per step.
"""

from __future__ import annotations

OPEN_QUOTES = ("“", "‘", "«")
CLOSE_QUOTES = ("”", "’", "»")
STRAIGHT = ('"', "'")
CLAUSE_PUNCT = (",", ";", ":", "—", "–", "(", ")")
TRAILING = (".", ",", ";", ":", "—", "–", "-", "…")
UNIT_SYMBOLS = ("%", "‰")
MAX_QUOTE_TOKENS = 150
FLAG_ATTRS = ("LIKE_NUM", "IS_CURRENCY", "IS_DIGIT")


class DocIndex:
    """Per-Doc arrays: sentences, quotes (+1 opening, -1 closing), punctuation, offsets."""

    def __init__(self, doc):
        import numpy
        from spacy.attrs import (IDX, IS_CURRENCY, IS_DIGIT, IS_PUNCT, IS_SPACE, IS_STOP, LENGTH, LIKE_NUM,
                                 LOWER, ORTH, SENT_START, SPACY)

        self.doc = doc
        n = self.n = len(doc)
        cols = doc.to_array([ORTH, LOWER, SPACY, IS_SPACE, IS_STOP, IS_PUNCT, LIKE_NUM, IS_CURRENCY, IS_DIGIT,
                             SENT_START, IDX, LENGTH])
        orth, self.lower = cols[:, 0], cols[:, 1]
        kinds = token_kinds(orth)  # one lookup for every special token

        def among(kind: int):
            return (kinds & kind) != 0

        space_after, is_space = cols[:, 2] == 1, cols[:, 3] == 1
        before = numpy.ones(n, dtype=bool)
        before[1:] = space_after[:-1] | is_space[:-1]
        after = space_after.copy()
        if n:
            after[-1] = True
        straight = among(K_STRAIGHT)
        straight_open = straight & before & ~after  # 'word : opens ; word' or word'word : closes
        quote = (among(K_OPEN) | straight_open).astype("int8") - (among(K_CLOSE) | (
            straight & ~straight_open)).astype("int8")
        self.quote = quote.tolist()
        self.clause_punct = among(K_CLAUSE).tolist()
        self.trailing = (among(K_TRAILING) | is_space).tolist()
        self.weak_tail = ((cols[:, 4] == 1) | (cols[:, 5] == 1) | is_space).tolist()
        self.unit_symbol = among(K_UNIT).tolist()
        self.flags = {"LIKE_NUM": cols[:, 6] == 1, "IS_CURRENCY": cols[:, 7] == 1, "IS_DIGIT": cols[:, 8] == 1}
        self.idx, self.length = cols[:, 10].tolist(), cols[:, 11].tolist()
        starts = cols[:, 9].astype("int64") == 1
        if n:
            starts[0] = True
        self.sent_of_array = numpy.cumsum(starts) - 1
        self.sent_of = self.sent_of_array.tolist()
        self.bounds_array = numpy.append(numpy.flatnonzero(starts), n)
        self.bounds = self.bounds_array.tolist()
        marks = numpy.flatnonzero(among(K_QUESTION))
        self.questions = {self.sent_of[i] for i in marks.tolist() if i >= self.bounds[self.sent_of[i] + 1] - 3}

    def chars(self, start: int, end: int) -> tuple[int, int]:
        return self.idx[start], self.idx[end - 1] + self.length[end - 1]

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        return self.bounds[self.sent_of[start]], self.bounds[self.sent_of[end - 1] + 1]

    def is_question(self, start: int) -> bool:
        """The sentence ends with a question mark (headline questions are not claims)."""
        return self.sent_of[start] in self.questions

    def clause_bounds(self, start: int, end: int) -> tuple[int, int]:
        """Between the clause punctuation around the match, inside its sentence. A comma
        inside a quotation does not end the clause, and a quotation the match sits in
        belongs to the clause that reports it."""
        s_start, s_end = self.sentence_bounds(start, end)
        quote, punct = self.quote, self.clause_punct
        depth, left = 0, start
        for i in range(start - 1, s_start - 1, -1):
            if quote[i] < 0:
                depth += 1
            elif quote[i] > 0:
                depth = max(0, depth - 1)
            elif punct[i] and depth == 0:
                break
            left = i
        depth, right = 0, end
        for i in range(end, s_end):
            if quote[i] > 0:
                depth += 1
            elif quote[i] < 0:
                if depth == 0:
                    break
                depth -= 1
            elif punct[i] and depth == 0:
                break
            right = i + 1
        return left, right

    def balance_quotes(self, start: int, end: int) -> tuple[int, int]:
        """Extend so that every quotation the span touches is whole."""
        quote = self.quote
        depth = lowest = 0
        for i in range(start, end):
            depth += quote[i]
            lowest = min(lowest, depth)
        if lowest < 0:  # a closing quote whose opening lies to the left
            need = -lowest
            for i in range(start - 1, max(-1, start - MAX_QUOTE_TOKENS), -1):
                need -= quote[i]
                if need == 0:
                    start = i
                    break
        depth -= lowest
        if depth > 0:  # an opening quote whose closing lies to the right
            for i in range(end, min(self.n, end + MAX_QUOTE_TOKENS)):
                depth += quote[i]
                if depth == 0:
                    end = i + 1
                    break
        return start, end

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """No leading or trailing space or clause punctuation; a closing quote stays."""
        while start < end and self.trailing[start]:
            start += 1
        while end > start and self.trailing[end - 1]:
            end -= 1
        return start, end

    def trim_stop_tail(self, start: int, end: int) -> tuple[int, int]:
        """A quantity ends on content ("%" included), not on "the", "in" or a comma."""
        while end > start + 1 and not self.unit_symbol[end - 1] and self.weak_tail[end - 1]:
            end -= 1
        return start, end


K_OPEN, K_CLOSE, K_STRAIGHT, K_CLAUSE, K_TRAILING, K_UNIT, K_QUESTION = (1 << i for i in range(7))
_KINDS = ((K_OPEN, OPEN_QUOTES), (K_CLOSE, CLOSE_QUOTES), (K_STRAIGHT, STRAIGHT), (K_CLAUSE, CLAUSE_PUNCT),
          (K_TRAILING, TRAILING), (K_UNIT, UNIT_SYMBOLS), (K_QUESTION, ("?",)))
_KIND_TABLE = None


def token_kinds(orth):
    """A bit mask per token (K_OPEN, K_CLAUSE, ...) from its ORTH hash: one sorted lookup."""
    import numpy

    global _KIND_TABLE
    if _KIND_TABLE is None:
        from spacy.strings import hash_string

        bits: dict[int, int] = {}
        for kind, words in _KINDS:
            for w in words:
                bits[hash_string(w)] = bits.get(hash_string(w), 0) | kind
        keys = numpy.asarray(sorted(bits), dtype="uint64")
        _KIND_TABLE = (keys, numpy.asarray([bits[int(k)] for k in keys], dtype="int32"))
    keys, values = _KIND_TABLE
    pos = numpy.searchsorted(keys, orth).clip(0, len(keys) - 1)
    return numpy.where(keys[pos] == orth, values[pos], 0)


_HASHES: dict[tuple[str, ...], object] = {}


def hashes(words: tuple[str, ...]):
    """The string hashes of ``words`` as a uint64 array (what ``Doc.to_array(ORTH)`` holds),
    computed once per word list."""
    found = _HASHES.get(words)
    if found is None:
        import numpy
        from spacy.strings import hash_string

        found = _HASHES[words] = numpy.asarray(sorted(hash_string(w) for w in words), dtype="uint64")
    return found
