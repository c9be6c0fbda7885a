"""The export tokenizer (numpy) against a plain loop written from its documented rule."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gui.core.formats.tokens import token_offsets

ALPHABET = list("ab1 2.,:;'\"\\\n\t-_") + ["😀", "ü", "\u00a0", "\u200b", "\x00", "١", "Ⅻ", "²", "𝔘", "\u3000",
                                          "\x1c", "\u2028"]


def reference(text: str, cuts: list[int]) -> tuple[list[int], list[int]]:
    """Word runs (isalnum or "_", with ".", "," or ":" between a word character and a
    digit), every other non-space character alone, split at cuts inside a token."""
    word = [c.isalnum() or c == "_" for c in text]
    joined = [i for i in range(1, len(text) - 1)
              if text[i] in ".,:" and word[i - 1] and text[i + 1].isdecimal()]
    for i in joined:
        word[i] = True
    tokens, i = [], 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        end = i + 1
        if word[i]:
            while end < len(text) and word[end]:
                end += 1
        tokens.append((i, end))
        i = end
    split = []
    for start, end in tokens:
        for cut in sorted({c for c in cuts if start < c < end}):
            split.append((start, cut))
            start = cut
        split.append((start, end))
    return [s for s, _ in split], [e for _, e in split]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET), max_size=40).map("".join), st.lists(st.integers(-2, 45), max_size=8))
def test_token_offsets_follow_the_rule(text, cuts):
    assert token_offsets(text, cuts) == reference(text, cuts)
    assert token_offsets(text, iter(cuts)) == reference(text, cuts)
