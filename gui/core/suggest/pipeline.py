"""The blank English pipeline the rules run on: spaCy's tokenizer and one component
that sets sentence starts. Built once per process (``spacy.blank("en")`` takes about a
second).

``tagdesk_sentencizer`` applies the rule of spaCy's ``sentencizer`` (a sentence starts
at the first word after one of its punctuation characters) with two additions for news
text: a headline or paragraph ends at a line break even without a full stop, and an
opening quote belongs to the sentence it opens ('biography. “For 20 years' starts the
sentence at the quote). It works on ``Doc.to_array`` columns and writes the starts with
``Doc.from_array``, a batch of Docs at a time: a fraction of the tokenizer's time, where
the per-token sentencizer and two per-token components cost as much again.
"""

from __future__ import annotations

import threading

from gui.core.spacy_import import ensure_spacy
from gui.core.suggest.spans import WordKinds

OPENING = ("“", "‘", '"', "'", "«", "(")

_lock = threading.Lock()
_nlp = None


def _register() -> None:
    ensure_spacy()
    from spacy.language import Language

    if "tagdesk_sentencizer" in Language.factories:
        return

    @Language.factory("tagdesk_sentencizer")
    def make_sentencizer(nlp, name):
        return SentenceStarts()


END, OPEN = 1, 2


def _sentencizer_kinds():
    from spacy.pipeline import Sentencizer

    return ((END, Sentencizer.default_punct_chars), (OPEN, OPENING))


# END / OPEN bits per token from its ORTH hash
_kinds = WordKinds(_sentencizer_kinds, "int8")


class SentenceStarts:
    """The ``tagdesk_sentencizer`` component. ``nlp.pipe`` hands it batches, whose Docs
    it reads as one array end to end (per-Doc numpy calls cost more than the work)."""

    def __init__(self):
        self._newline: dict[int, bool] = {}  # ORTH of a whitespace token -> holds a line break

    def __call__(self, doc):
        self.set_starts([doc])
        return doc

    def pipe(self, docs, batch_size: int = 64):
        batch = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                self.set_starts(batch)
                yield from batch
                batch = []
        if batch:
            self.set_starts(batch)
            yield from batch

    def set_starts(self, docs) -> None:
        import numpy
        ensure_spacy()
        from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SENT_START, SPACY

        docs = [doc for doc in docs if len(doc)]
        if not docs:
            return
        cols = numpy.concatenate([doc.to_array([ORTH, IS_PUNCT, IS_SPACE, SPACY]) for doc in docs])
        sizes = numpy.asarray([len(doc) for doc in docs])
        first = numpy.concatenate(([0], numpy.cumsum(sizes)[:-1]))
        n = len(cols)
        kinds = _kinds(cols[:, 0])
        ends = (kinds & END) != 0
        seen = numpy.cumsum(ends)
        words = numpy.flatnonzero(~((cols[:, 1] == 1) | ends))
        starts = numpy.zeros(n, dtype=bool)
        starts[first] = True
        if len(words):  # a word with a full stop (or ! ?) between it and the word before, in its Doc
            before = numpy.concatenate(([0], seen[words[:-1]]))
            doc_of = numpy.searchsorted(first, words, "right") - 1
            opens = numpy.ones(len(words), dtype=bool)
            opens[1:] = doc_of[1:] != doc_of[:-1]
            ahead = numpy.where(first > 0, seen[first - 1], 0)  # full stops before each Doc
            before[opens] = ahead[doc_of[opens]]
            starts[words[seen[words] > before]] = True
        spaces = numpy.flatnonzero(cols[:-1, 2] == 1)
        if len(spaces):
            strings, newline = docs[0].vocab.strings, self._newline
            for orth in set(cols[spaces, 0].tolist()) - newline.keys():
                newline[orth] = "\n" in strings[orth]
            breaks = [i + 1 for i, orth in zip(spaces.tolist(), cols[spaces, 0].tolist()) if newline[orth]]
            starts[breaks] = True
        shift = numpy.zeros(n, dtype=bool)  # an opening quote glued to a sentence's first word
        shift[:-1] = ((kinds[:-1] & OPEN) != 0) & (cols[:-1, 3] == 0) & starts[1:]
        shift[first] = False
        shift[first + sizes - 1] = False
        starts[shift] = True
        starts[1:][shift[:-1]] = False
        # SENT_START: 1 starts a sentence, -1 (as uint64, like Doc.to_array) does not
        values = numpy.where(starts, 1, -1).astype("int64").astype("uint64")
        for doc, start, size in zip(docs, first.tolist(), sizes.tolist()):
            doc.from_array([SENT_START], values[start:start + size])


def blank_pipeline():
    """A new ``spacy.blank("en")`` with sentence starts from ``tagdesk_sentencizer``."""
    ensure_spacy()
    import spacy

    _register()
    nlp = spacy.blank("en")
    nlp.add_pipe("tagdesk_sentencizer")
    return nlp


def shared_blank_pipeline():
    global _nlp
    with _lock:
        if _nlp is None:
            _nlp = blank_pipeline()
        return _nlp
