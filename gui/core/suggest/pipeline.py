"""The blank English pipeline the rules run on: spaCy's tokenizer and one component
that sets sentence starts. Built once per process (``spacy.blank("en")`` takes about a
second).

``tagdesk_sentencizer`` applies the rule of spaCy's ``sentencizer`` (a sentence starts
at the first word after one of its punctuation characters) with two additions for news
text: a headline or paragraph ends at a line break even without a full stop, and an
opening quote belongs to the sentence it opens ('biography. “For 20 years' starts the
sentence at the quote). It works on ``Doc.to_array`` columns and writes the starts with
``Doc.from_array``: as fast as the tokenizer, where the per-token sentencizer and two
per-token components cost as much again.
"""

from __future__ import annotations

import threading

OPENING = ("“", "‘", '"', "'", "«", "(")

_lock = threading.Lock()
_nlp = None


def _register() -> None:
    from spacy.language import Language

    if "tagdesk_sentencizer" in Language.factories:
        return

    @Language.component("tagdesk_sentencizer")
    def sentencizer(doc):
        import numpy
        from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SENT_START, SPACY
        from spacy.pipeline import Sentencizer

        n = len(doc)
        if n == 0:
            return doc
        from gui.core.suggest.spans import hashes

        cols = doc.to_array([ORTH, IS_PUNCT, IS_SPACE, SPACY])

        def among(words):
            return numpy.isin(cols[:, 0], hashes(words))

        ends = among(tuple(Sentencizer.default_punct_chars))
        content = ~((cols[:, 1] == 1) | ends)
        seen = numpy.cumsum(ends)
        words = numpy.flatnonzero(content)
        starts = numpy.zeros(n, dtype=bool)
        starts[0] = True
        if len(words):  # a word with a full stop (or ! ?) between it and the word before
            before = numpy.concatenate(([0], seen[words[:-1]]))
            starts[words[seen[words] > before]] = True
        spaces = numpy.flatnonzero(cols[:-1, 2] == 1)
        breaks = [i + 1 for i in spaces.tolist() if "\n" in doc[i].text]
        starts[breaks] = True
        shift = numpy.zeros(n, dtype=bool)
        shift[1:-1] = among(OPENING)[1:-1] & (cols[1:-1, 3] == 0) & starts[2:]
        starts[shift] = True
        starts[1:][shift[:-1]] = False
        # SENT_START: 1 starts a sentence, -1 (as uint64, like Doc.to_array) does not
        doc.from_array([SENT_START], numpy.where(starts, 1, -1).astype("int64").astype("uint64"))
        return doc


def blank_pipeline():
    """A new ``spacy.blank("en")`` with sentence starts from ``tagdesk_sentencizer``."""
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
