"""The pretrained-pipeline suggester, with a tiny pipeline this test trains and saves."""

from __future__ import annotations

import random

import pytest

from gui.core.suggest.pretrained import PretrainedSuggester
from gui.core.suggest.registry import PRETRAINED_SETTING, SuggesterUnavailable, get_suggester

SEED0 = "000_e079cc345460b2ca"
NUMBERS = {"605,000": "CARDINAL", "1.9 million": "CARDINAL", "more than 30": "CARDINAL",
           "more than 110": "CARDINAL", "180": "CARDINAL", "20": "CARDINAL", "8%": "PERCENT",
           "$300 million": "MONEY"}
EXTRA = ["Shares fell 8% on Tuesday.", "The cuts will save $300 million a year."]


def _lines(text):
    return [line for line in text.split("\n") if line.strip()]


@pytest.fixture(scope="module")
def tiny_pipeline(tmp_path_factory, seed_texts):
    """A blank English pipeline with an NER trained on the seed's lines, saved to disk."""
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed

    fix_random_seed(0)
    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    examples = []
    lines = _lines(seed_texts[SEED0])
    with_numbers = [t for t in lines if any(n in t for n in NUMBERS)]
    for text in with_numbers + [t for t in lines if t not in with_numbers][:6] + EXTRA:
        doc = nlp.make_doc(text)
        entities = [doc.char_span(text.index(n), text.index(n) + len(n), label)
                    for n, label in NUMBERS.items() if n in text]
        doc.ents = spacy.util.filter_spans([e for e in entities if e is not None])
        examples.append(Example(nlp.make_doc(text), doc))
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(0)
    for _ in range(20):
        rng.shuffle(examples)
        for batch in spacy.util.minibatch(examples, size=2):
            nlp.update(batch, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("pipeline") / "tiny_en"
    nlp.meta["name"] = "tiny_en"
    nlp.to_disk(path)
    return path


def test_entities_become_statistics_with_their_counted_noun(tiny_pipeline, seed_texts):
    text = seed_texts[SEED0]
    suggester = PretrainedSuggester(tiny_pipeline)
    found = suggester.suggest([text, ""])
    assert found[1] == []
    stats = {text[s.start:s.end]: s for s in found[0] if s.label == "STATISTIC"}
    assert "1.9 million immigrants" in stats
    assert "605,000 people" in stats
    assert not any("180" in s for s in stats)  # "a 180-degree shift" is a figure of speech
    s = stats["1.9 million immigrants"]
    assert (s.suggester, s.version, s.rule) == ("pretrained", "tiny_en-0.0.0", "entity:CARDINAL")


def test_the_dependency_parse_turns_a_reporting_verb_and_its_clause_into_a_claim():
    import spacy
    from spacy.tokens import Doc

    words = ["Petro", "said", "the", "US", "treats", "nations", "as", "an", "empire", "."]
    heads = [1, 1, 3, 4, 1, 4, 4, 8, 6, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "dobj", "prep", "det", "pobj", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    [claim] = PretrainedSuggester("unused", nlp=object()).suggest_doc(doc)
    assert (doc.text[claim.start:claim.end], claim.label, claim.rule) == (
        "Petro said the US treats nations as an empire", "CLAIM", "parse:said+ccomp")


def test_the_registry_uses_the_pipeline_set_in_preferences(store, tiny_pipeline):
    with pytest.raises(SuggesterUnavailable, match="No pretrained spaCy pipeline"):
        get_suggester("pretrained", store)
    store.set_setting(PRETRAINED_SETTING, str(tiny_pipeline))
    assert isinstance(get_suggester("pretrained", store), PretrainedSuggester)
