"""The shortcuts that make rule matching fast must find exactly what spaCy's Matcher
finds the plain way: loosened repeats, anchor windows, batches of Docs, batched
sentence starts."""

from __future__ import annotations

import pytest

from gui.core.suggest.matching import matcher_form


@pytest.fixture(scope="module")
def nlp():
    from gui.core.suggest.pipeline import blank_pipeline

    return blank_pipeline()


ACCUSED = [{"LOWER": "accused"}, {"IS_SENT_START": False, "OP": "{0,3}"}, {"LOWER": "of"}]


def test_a_bounded_repeat_runs_loosened_and_held_to_its_lengths():
    loose, lengths = matcher_form(ACCUSED)
    assert loose[1]["OP"] == "*" and lengths == (2, 5)
    assert matcher_form([{"LOWER": "a"}, {"OP": "{1,4}"}, {"LOWER": "b"}])[1] == (3, 6)
    # two variable tokens: the length no longer says what each took, so no loosening
    two = [{"LOWER": "a", "OP": "?"}, {"OP": "{0,4}"}, {"LOWER": "b"}]
    assert matcher_form(two) == (two, None)


@pytest.mark.parametrize("text", [
    "They accused of theft.",                          # nothing between
    "They accused him of theft.",
    "They accused the old man of theft.",              # 3 between: the most allowed
    "They accused the very old man of theft.",         # 4 between: no match
    "He accused them of lying and of theft of cars.",  # several ends from one start
])
def test_the_loosened_pattern_finds_what_the_original_finds(nlp, text):
    from spacy.matcher import Matcher

    doc = nlp(text)
    original, loosened = Matcher(nlp.vocab), Matcher(nlp.vocab)
    original.add("p", [ACCUSED])
    loose, (low, high) = matcher_form(ACCUSED)
    loosened.add("p", [loose])
    expected = sorted((s, e) for _, s, e in original(doc))
    assert sorted((s, e) for _, s, e in loosened(doc) if low <= e - s <= high) == expected


TEXTS = [
    "The minister said prices rose 5% since March. “We will strike,” he warned.",
    "",
    "Officials denied the claim. Police accused the group of arson on Friday, a spokesperson said.",
    "Headline without a stop\n\nMore than 110 people were hurt between 20 January and 10 December 2025.",
    "He called it a “180-degree shift”. Is this a claim? Union leaders threatened sanctions.",
]


def test_a_batch_gives_what_each_doc_alone_gives(rules, nlp):
    together = rules.suggest(TEXTS * 3, batch_size=4)
    alone = [rules.suggest_doc(doc) for doc in nlp.pipe(TEXTS * 3, batch_size=1)]
    assert together == alone
    assert any(together)  # the texts do hold suggestions


def test_sentence_starts_are_the_same_per_doc_and_per_batch(nlp):
    one_by_one = [[t.is_sent_start for t in nlp(text)] for text in TEXTS]
    batched = [[t.is_sent_start for t in doc] for doc in nlp.pipe(TEXTS, batch_size=3)]
    assert batched == one_by_one
    starts = [t.text for t in nlp(TEXTS[3]) if t.is_sent_start]
    assert starts == ["Headline", "More"]  # a line break ends a headline
