"""The blank English pipeline the rules run on: tokenizer, newline sentence breaks,
sentencizer. Built once per process (``spacy.blank("en")`` takes about a second)."""

from __future__ import annotations

import threading

_lock = threading.Lock()
_nlp = None


def _register() -> None:
    from spacy.language import Language

    if "tagdesk_line_breaks" in Language.factories:
        return

    @Language.component("tagdesk_line_breaks")
    def line_breaks(doc):
        """A headline or paragraph ends at a line break even without a full stop.
        (The tokenizer makes a line break a space token; only those are looked at.)"""
        import numpy
        from spacy.attrs import IS_SPACE

        for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]):
            if "\n" in doc[int(i)].text:
                doc[int(i) + 1].is_sent_start = True
        return doc

    @Language.component("tagdesk_quote_starts")
    def quote_starts(doc):
        """The sentencizer keeps an opening quote with the sentence before it
        ('biography. “For 20 years'); it belongs to the sentence it opens."""
        import numpy
        from spacy.attrs import ORTH

        opening = [doc.vocab.strings.add(q) for q in OPENING]
        for i in numpy.flatnonzero(numpy.isin(doc.to_array(ORTH)[:-1], opening)):
            token, nxt = doc[int(i)], doc[int(i) + 1]
            if nxt.is_sent_start and not token.whitespace_ and token.i > 0:
                token.is_sent_start = True
                nxt.is_sent_start = False
        return doc


OPENING = {"“", "‘", '"', "'", "«", "("}


def blank_pipeline():
    """A new ``spacy.blank("en")`` with line-break and punctuation sentence splitting."""
    import spacy

    _register()
    nlp = spacy.blank("en")
    nlp.add_pipe("tagdesk_line_breaks")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("tagdesk_quote_starts")
    return nlp


def shared_blank_pipeline():
    global _nlp
    with _lock:
        if _nlp is None:
            _nlp = blank_pipeline()
        return _nlp
