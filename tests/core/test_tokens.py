from __future__ import annotations

import pytest

from gui.core.tokens import TokenIndex, find_occurrences, spacy_token_offsets

TEXT = "Petro denied the claim.   More than 110 people, he said: \"we're fine\"."


@pytest.fixture(scope="module")
def spacy_index():
    return TokenIndex(TEXT, spacy_token_offsets(TEXT), "spacy")


@pytest.mark.parametrize("make", ["fallback", "spacy"])
def test_snap_widens_a_partial_selection_to_whole_words(make, spacy_index):
    index = spacy_index if make == "spacy" else TokenIndex.fallback(TEXT)
    start = TEXT.index("enied")  # inside "denied"
    end = TEXT.index("cla") + 2  # inside "claim"
    assert index.snap(start, end) == (TEXT.index("denied"), TEXT.index("claim") + len("claim"))


def test_snap_trims_surrounding_whitespace(spacy_index):
    start = TEXT.index(" the ")
    assert spacy_index.snap(start, start + 5) == (start + 1, start + 4)


@pytest.mark.parametrize("piece", ["   ", ". ", "\""])
def test_snap_refuses_whitespace_or_punctuation_with_a_reason(piece, spacy_index):
    start = TEXT.index(piece)
    assert spacy_index.snap(start, start + len(piece)) is None
    assert "nothing was tagged" in spacy_index.reason


def test_grow_and_shrink_move_one_token_at_either_end(spacy_index):
    s, e = TEXT.index("the"), TEXT.index("the") + 3
    assert spacy_index.grow(s, e, "start") == (TEXT.index("denied"), e)
    assert spacy_index.grow(s, e, "end") == (s, TEXT.index("claim") + 5)
    wide = (TEXT.index("Petro"), TEXT.index("claim") + 5)
    assert spacy_index.shrink(*wide, "start") == (TEXT.index("denied"), wide[1])
    assert spacy_index.shrink(*wide, "end") == (wide[0], TEXT.index("the") + 3)
    assert spacy_index.shrink(s, e, "end") == (s, e)  # one token stays
    assert spacy_index.grow(0, 5, "start") == (0, 5)  # at the edge


def test_find_occurrences_only_on_token_boundaries():
    text = "the claim, a claimant, the claim"
    index = TokenIndex.fallback(text)
    assert find_occurrences(text, "claim", index) == [(4, 9), (27, 32)]
    assert find_occurrences(text, "claim") == [(4, 9), (27, 32)]
    assert find_occurrences(text, "  ") == []


def test_around_indexes_only_a_window_but_snaps_the_same():
    text = "word " * 1000 + "target phrase here " + "word " * 1000
    s = text.index("arget")
    local = TokenIndex.around(text, s, s + 8)
    assert len(local) < 400
    assert local.snap(s, s + 8) == TokenIndex.fallback(text).snap(s, s + 8)


def test_spacy_tokens_in_pieces_equal_the_whole_text():
    import spacy

    text = ("Petro said:  \"we're fine\" — 1,200 U.S. troops (mid-2025) arrived.\n" * 40).strip()
    whole = [(t.idx, t.idx + len(t.text)) for t in spacy.blank("en")(text) if not t.is_space]
    assert spacy_token_offsets(text, chunk=50) == whole
