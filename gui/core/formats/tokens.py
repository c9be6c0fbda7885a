"""Tokens for the formats that carry them (Prodigy JSONL, spaCy, CoNLL).

A token is a run of word characters (``str.isalnum()`` or ``_``, as regex ``\\w``), where
``.``, ``,`` or ``:`` between a word character and a digit joins the run ("1.9",
"605,000", "10:30"), or a single other non-space character. Between two tokens there
is only whitespace. Tokens are split further at span boundaries so that every span
covers whole tokens.

Classifying characters with numpy (imported on first use) instead of a regex match
per token makes the JSONL export several times cheaper per token."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

_SPACE, _WORD, _OTHER = 0, 1, 2
_tables = None  # (class per BMP code point, decimal digit per BMP code point)


def _char_class(ch: str) -> int:
    return _SPACE if ch.isspace() else _WORD if (ch.isalnum() or ch == "_") else _OTHER


def _load_tables():
    global _tables
    if _tables is None:
        import numpy as np

        chars = [chr(i) for i in range(0x10000)]
        classes = np.fromiter((_char_class(c) for c in chars), dtype=np.uint8, count=0x10000)
        digits = np.fromiter((c.isdecimal() for c in chars), dtype=bool, count=0x10000)
        _tables = classes, digits
    return _tables


def _base_tokens(text: str):
    """(starts, ends, joined): ``joined[i]`` tells that characters i and i + 1 are in one
    token, so an offset i + 1 falls inside it."""
    import numpy as np

    classes, digits = _load_tables()
    codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    if int(codes.max(initial=0)) < 0x10000:
        cls = classes[codes]
        dig = digits[codes]
    else:  # characters beyond the BMP (emoji): classify those few one by one
        inside = codes < 0x10000
        cls = np.zeros(len(codes), dtype=np.uint8)
        dig = np.zeros(len(codes), dtype=bool)
        cls[inside] = classes[codes[inside]]
        dig[inside] = digits[codes[inside]]
        for i in np.flatnonzero(~inside):
            ch = chr(int(codes[i]))
            cls[i] = _char_class(ch)
            dig[i] = ch.isdecimal()
    word = cls == _WORD
    if len(codes) > 2:  # "1.9", "605,000", "10:30": a joiner between a word character and a digit
        mid = codes[1:-1]
        joiner = ((mid == 46) | (mid == 44) | (mid == 58)) & word[:-2] & dig[2:]  # . , :
        word[1:-1] |= joiner
    # a token starts at a non-space character unless it continues a word run, and ends
    # likewise: both come out in order, with no sort of runs and single characters
    both = word[1:] & word[:-1]  # character i and i + 1 are in one word run
    starts = cls != _SPACE
    ends = starts.copy()
    starts[1:] &= ~both
    ends[:-1] &= ~both
    return np.flatnonzero(starts).tolist(), (np.flatnonzero(ends) + 1).tolist(), both


def token_offsets(text: str, cuts: Iterable[int] = ()) -> tuple[list[int], list[int]]:
    """Tokens as parallel lists (starts, ends), split further at every offset in
    ``cuts`` (span boundaries)."""
    import numpy as np

    starts, ends, joined = _base_tokens(text)
    cuts = np.fromiter(cuts, dtype=np.int64)
    cuts = cuts[(cuts > 0) & (cuts < len(text))]
    inside: dict[int, list[int]] = {}
    for cut in set(cuts[joined[cuts - 1]].tolist()):  # only the few cuts inside a token change anything
        i = bisect.bisect_right(starts, cut) - 1
        if i >= 0 and starts[i] < cut < ends[i]:
            inside.setdefault(i, []).append(cut)
    if inside:
        new_starts, new_ends = [], []
        for i, (start, end) in enumerate(zip(starts, ends)):
            for cut in sorted(inside.get(i, ())):
                new_starts.append(start)
                new_ends.append(cut)
                start = cut
            new_starts.append(start)
            new_ends.append(end)
        starts, ends = new_starts, new_ends
    return starts, ends


def tokenize(text: str, cuts: Iterable[int] = ()) -> list[tuple[int, int]]:
    """``token_offsets`` as (start, end) pairs."""
    return list(zip(*token_offsets(text, cuts)))


def token_range(starts: list[int], ends: list[int], start: int, end: int) -> tuple[int, int]:
    """Indices (first, last inclusive) of the tokens inside [start, end); first > last if none.
    ``starts``/``ends`` are the tokens' offsets."""
    return bisect.bisect_left(starts, start), bisect.bisect_right(ends, end) - 1
