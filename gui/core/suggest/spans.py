"""Growing a token match into the span an editor would tag, on the ``Doc``.

All of it is token and sentence logic over spaCy's ``Doc``: sentence bounds from
the sentencizer, clause bounds at clause punctuation, quotes balanced so a
quotation is never cut in half, and trailing punctuation trimmed. ``DocIndex``
reads the token attributes once per Doc (``Doc.to_array``) so that this costs
list lookups, not a ``Token`` object per step.
"""

from __future__ import annotations

from itertools import accumulate

from gui.core.spacy_import import ensure_spacy

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
        self.__dict__.update(_fields([doc])[0])

    @classmethod
    def many(cls, docs) -> list[DocIndex]:
        """One index per Doc, computed for all of them as one array (per-Doc numpy calls
        cost more than the work on a news article)."""
        out = []
        for fields in _fields(docs):
            index = cls.__new__(cls)
            index.__dict__.update(fields)
            out.append(index)
        return out

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
        depths = list(accumulate(quote[start:end])) or [0]  # the quote depth after each token
        depth, lowest = depths[-1], min(0, min(depths))
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

    def settle(self, start: int, end: int) -> tuple[int, int]:
        """``trim(*balance_quotes(start, end))``, remembered: sentences are grown to again
        and again by the triggers and labels they hold."""
        key = (start, end)
        found = self.settled.get(key)
        if found is None:
            found = self.settled[key] = self.trim(*self.balance_quotes(start, end))
        return found

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


def _fields(docs) -> list[dict]:
    """``DocIndex`` attributes of each Doc, from the Docs' columns end to end."""
    import numpy
    ensure_spacy()
    from spacy.attrs import (
        IDX,
        IS_CURRENCY,
        IS_DIGIT,
        IS_PUNCT,
        IS_SPACE,
        IS_STOP,
        LENGTH,
        LIKE_NUM,
        LOWER,
        ORTH,
        SENT_START,
        SPACY,
    )

    attrs = [ORTH, LOWER, SPACY, IS_SPACE, IS_STOP, IS_PUNCT, LIKE_NUM, IS_CURRENCY, IS_DIGIT, SENT_START, IDX,
             LENGTH]
    sizes = [len(doc) for doc in docs]
    first = numpy.concatenate(([0], numpy.cumsum(sizes)[:-1])).astype("int64")
    cols = [doc.to_array(attrs).reshape(-1, len(attrs)) for doc, size in zip(docs, sizes) if size]
    cols = numpy.concatenate(cols) if cols else numpy.zeros((0, len(attrs)), dtype="uint64")
    n = len(cols)
    heads = first[numpy.asarray(sizes) > 0]  # first token of every non-empty Doc
    kinds = token_kinds(cols[:, 0])  # one lookup for every special token

    def among(kind: int):
        return (kinds & kind) != 0

    space_after, is_space = cols[:, 2] == 1, cols[:, 3] == 1
    before = numpy.ones(n, dtype=bool)
    before[1:] = space_after[:-1] | is_space[:-1]
    before[heads] = True
    after = space_after.copy()
    after[heads[1:] - 1] = True
    if n:
        after[-1] = True
    straight = among(K_STRAIGHT)
    straight_open = straight & before & ~after  # 'word : opens ; word' or word'word : closes
    quote = (among(K_OPEN) | straight_open).astype("int8") - (among(K_CLOSE) | (
        straight & ~straight_open)).astype("int8")
    lists = {"quote": quote.tolist(), "clause_punct": among(K_CLAUSE).tolist(),
             "trailing": (among(K_TRAILING) | is_space).tolist(),
             "weak_tail": ((cols[:, 4] == 1) | (cols[:, 5] == 1) | is_space).tolist(),
             "unit_symbol": among(K_UNIT).tolist(), "idx": cols[:, 10].tolist(), "length": cols[:, 11].tolist()}
    flags = {"LIKE_NUM": cols[:, 6] == 1, "IS_CURRENCY": cols[:, 7] == 1, "IS_DIGIT": cols[:, 8] == 1}
    starts = cols[:, 9].astype("int64") == 1
    starts[heads] = True
    sent_of = numpy.cumsum(starts) - 1
    sentence_starts = numpy.flatnonzero(starts)
    marks = numpy.flatnonzero(among(K_QUESTION))
    bounds = numpy.append(sentence_starts, n)
    marks = marks[marks >= bounds[sent_of[marks] + 1] - 3]  # "?" among a sentence's last three tokens
    out = []
    for start, size in zip(first.tolist(), sizes):
        stop = start + size
        fields = {key: values[start:stop] for key, values in lists.items()}
        local = sent_of[start:stop] - (sent_of[start] if size else 0)
        s0, s1 = numpy.searchsorted(sentence_starts, [start, stop]).tolist()
        m0, m1 = numpy.searchsorted(marks, [start, stop]).tolist()
        fields.update(doc=docs[len(out)], n=size, lower=cols[start:stop, 1],
                      flags={k: v[start:stop] for k, v in flags.items()}, sent_of_array=local,
                      sent_of=local.tolist(), bounds_array=numpy.append(sentence_starts[s0:s1] - start, size),
                      questions=set((sent_of[marks[m0:m1]] - (sent_of[start] if size else 0)).tolist()))
        fields["bounds"] = fields["bounds_array"].tolist()
        fields["settled"] = {}
        out.append(fields)
    return out


K_OPEN, K_CLOSE, K_STRAIGHT, K_CLAUSE, K_TRAILING, K_UNIT, K_QUESTION = (1 << i for i in range(7))
_KINDS = ((K_OPEN, OPEN_QUOTES), (K_CLOSE, CLOSE_QUOTES), (K_STRAIGHT, STRAIGHT), (K_CLAUSE, CLAUSE_PUNCT),
          (K_TRAILING, TRAILING), (K_UNIT, UNIT_SYMBOLS), (K_QUESTION, ("?",)))
class WordKinds:
    """A bit mask per token from its ORTH hash, for a few sets of words: one sorted
    lookup per call (``numpy.isin`` sorts its input every time). Built on first use."""

    def __init__(self, kinds, dtype: str):
        self._kinds, self._dtype, self._table = kinds, dtype, None

    def __call__(self, orth):
        import numpy

        if self._table is None:
            ensure_spacy()
            from spacy.strings import hash_string

            bits: dict[int, int] = {}
            for kind, words in self._kinds() if callable(self._kinds) else self._kinds:
                for w in words:
                    bits[hash_string(w)] = bits.get(hash_string(w), 0) | kind
            keys = numpy.asarray(sorted(bits), dtype="uint64")
            self._table = (keys, numpy.asarray([bits[int(k)] for k in keys], dtype=self._dtype))
        keys, values = self._table
        pos = numpy.searchsorted(keys, orth).clip(0, len(keys) - 1)
        return numpy.where(keys[pos] == orth, values[pos], 0)


token_kinds = WordKinds(_KINDS, "int32")
"""A bit mask per token (K_OPEN, K_CLAUSE, ...) from its ORTH hash."""


_HASHES: dict[tuple[str, ...], object] = {}


def hashes(words: tuple[str, ...]):
    """The string hashes of ``words`` as a uint64 array (what ``Doc.to_array(ORTH)`` holds),
    computed once per word list."""
    found = _HASHES.get(words)
    if found is None:
        import numpy
        ensure_spacy()
        from spacy.strings import hash_string

        found = _HASHES[words] = numpy.asarray(sorted(hash_string(w) for w in words), dtype="uint64")
    return found
