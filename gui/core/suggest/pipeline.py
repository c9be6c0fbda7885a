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
        """A headline or paragraph ends at a line break even without a full stop."""
        for token in doc[:-1]:
            if "\n" in token.text or "\n" in token.whitespace_:
                doc[token.i + 1].is_sent_start = True
        return doc


def blank_pipeline():
    """A new ``spacy.blank("en")`` with line-break and punctuation sentence splitting."""
    import spacy

    _register()
    nlp = spacy.blank("en")
    nlp.add_pipe("tagdesk_line_breaks")
    nlp.add_pipe("sentencizer")
    return nlp


def shared_blank_pipeline():
    global _nlp
    with _lock:
        if _nlp is None:
            _nlp = blank_pipeline()
        return _nlp
