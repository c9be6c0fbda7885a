"""Token boundaries of an article: what spans snap to.

``TokenIndex`` is built from ``(start, end)`` code-point offsets of the tokens
(whitespace excluded). spaCy's tokenizer (``spacy.blank("en")``) gives them once
it is loaded, off the UI thread (``spacy_token_offsets``); until then the simple
``fallback_token_offsets`` keeps tagging instant.
"""

from __future__ import annotations

import re
import threading
import time
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from gui.core.spacy_import import ensure_spacy

# A word, number or abbreviation (with inner apostrophes, hyphens, dots and
# thousands separators), or one other non-space character.
_TOKEN = re.compile(r"\w+(?:[-'’.,:/]\w+)*|[^\w\s]", re.UNICODE)
_WORDLIKE = re.compile(r"\w", re.UNICODE)


def fallback_token_offsets(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Tokens of ``text[lo:hi]`` by a regular expression, as absolute offsets."""
    hi = len(text) if hi is None else hi
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text, lo, hi)]


_lock = threading.Lock()
_nlp = None


def load_tokenizer(lang: str = "en"):
    """spaCy's blank pipeline for ``lang``; ~1 s the first time. Never call it on the UI thread."""
    global _nlp
    with _lock:
        if _nlp is None:
            ensure_spacy()
            import spacy  # lazy: importing core never loads spaCy

            _nlp = spacy.blank(lang)
        return _nlp


def spacy_token_offsets(text: str, lang: str = "en", chunk: int = 4000) -> list[tuple[int, int]]:
    """spaCy's tokens of ``text``, tokenized in pieces cut at whitespace.

    spaCy never makes a token across whitespace, so the pieces give the same
    tokens as the whole; between pieces the worker lets the UI thread run (the
    tokenizer holds the GIL while it works).
    """
    nlp = load_tokenizer(lang)
    offsets: list[tuple[int, int]] = []
    at = 0
    while at < len(text):
        end = min(len(text), at + chunk)
        while end < len(text) and not text[end].isspace():
            end += 1
        with _lock:  # one tokenizer, used by one worker at a time
            doc = nlp.make_doc(text[at:end])
        offsets += [(at + t.idx, at + t.idx + len(t.text)) for t in doc if not t.is_space]
        at = end
        time.sleep(0)  # yield the GIL
    return offsets


@dataclass(frozen=True)
class Snap:
    start: int
    end: int


class TokenIndex:
    """Sorted token offsets of one text (or of a window of it) with snapping queries."""

    def __init__(self, text: str, offsets: list[tuple[int, int]], source: str = "fallback"):
        self.text = text
        self.starts = [s for s, _ in offsets]
        self.ends = [e for _, e in offsets]
        self.source = source
        self.reason = ""

    @classmethod
    def fallback(cls, text: str) -> TokenIndex:
        return cls(text, fallback_token_offsets(text))

    @classmethod
    def around(cls, text: str, start: int, end: int, margin: int = 400) -> TokenIndex:
        """A fallback index of the text near ``[start, end)``: enough to snap or resize there."""
        lo = max(0, start - margin)
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        hi = min(len(text), end + margin)
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        return cls(text, fallback_token_offsets(text, lo, hi))

    def __len__(self) -> int:
        return len(self.starts)

    def _covering(self, start: int, end: int) -> tuple[int, int]:
        """Indices [i, j) of the tokens that overlap ``[start, end)``."""
        i = bisect_right(self.ends, start)
        j = bisect_left(self.starts, end)
        return i, j

    def snap(self, start: int, end: int) -> tuple[int, int] | None:
        """Widen ``[start, end)`` to whole tokens. None (with ``reason``) when it holds no word."""
        start, end = max(0, min(start, end)), min(len(self.text), max(start, end))
        i, j = self._covering(start, end)
        if i >= j:
            self.reason = "The selection is only whitespace; nothing was tagged."
            return None
        if not any(_WORDLIKE.search(self.text, self.starts[k], self.ends[k]) for k in range(i, j)):
            self.reason = "The selection is only punctuation; nothing was tagged."
            return None
        self.reason = ""
        return self.starts[i], self.ends[j - 1]

    def grow(self, start: int, end: int, side: str) -> tuple[int, int]:
        """One more token at the ``"start"`` or ``"end"`` side (unchanged at the text's edge)."""
        if side == "start":
            i = bisect_left(self.ends, start + 1) - 1  # last token ending at or before start
            return (self.starts[i], end) if i >= 0 else (start, end)
        j = bisect_left(self.starts, end)  # first token starting at or after end
        return (start, self.ends[j]) if j < len(self.starts) else (start, end)

    def shrink(self, start: int, end: int, side: str) -> tuple[int, int]:
        """One token fewer at ``side``; a span of one token stays as it is."""
        i, j = self._covering(start, end)
        if j - i <= 1:
            return start, end
        if side == "start":
            return self.starts[i + 1], end
        return start, self.ends[j - 2]

    def is_boundary(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, start)
        j = bisect_left(self.ends, end)
        return (i < len(self.starts) and self.starts[i] == start
                and j < len(self.ends) and self.ends[j] == end)


def find_occurrences(text: str, phrase: str, index: TokenIndex | None = None) -> list[tuple[int, int]]:
    """Every ``[start, end)`` where ``phrase`` occurs on token boundaries.

    With an index, boundaries are its tokens; without one, a match must not
    continue a word on either side (the same rule for texts never tokenized).
    """
    if not phrase.strip():
        return []
    found, n, at = [], len(phrase), text.find(phrase)
    while at >= 0:
        end = at + n
        if index is not None:
            ok = index.is_boundary(at, end)
        else:
            ok = not (at > 0 and text[at - 1].isalnum() and phrase[0].isalnum()) and not (
                end < len(text) and text[end].isalnum() and phrase[-1].isalnum())
        if ok:
            found.append((at, end))
        at = text.find(phrase, at + 1)
    return found
