"""Training the span model on a small tagged set, saving, reloading, suggesting."""

from __future__ import annotations

import json

import pytest

from gui.core.model import Span, Status
from gui.core.suggest.base import Cancelled
from gui.core.suggest.learned import META_FILE, ModelSuggester, TaggedText, TooFewTags, latest_model, train_model
from gui.core.suggest.training_data import tagged_texts

LABELS = ["CLAIM", "THREAT", "DENIAL", "STATISTIC"]


def _items(records):
    return [TaggedText(r["text"], tuple((s["start"], s["end"], s["label"]) for s in r["spans"]))
            for r in records]


@pytest.fixture(scope="module")
def trained(tmp_path_factory, eval_records):
    folder = tmp_path_factory.mktemp("models")
    small = _items([r for r in eval_records if r["id"].startswith("written")] +
                   [r for r in eval_records if r["id"] == "seed-002"])
    seen = []
    result = train_model(small, folder, LABELS, epochs=8, heldout=0.25,
                         progress=lambda done, total, message: seen.append((done, total)) or True)
    return folder, small, result, seen


def test_training_saves_a_versioned_model_with_heldout_scores(trained):
    folder, small, result, seen = trained
    assert result.path == folder / "spancat-v1" and result.version == "1"
    assert latest_model(folder) == result.path
    meta = json.loads((result.path / META_FILE).read_text())
    assert meta["heldout_articles"] == result.heldout_articles >= 1
    assert meta["train_articles"] + meta["heldout_articles"] == len(small)
    assert set(meta["scores"]) == set(LABELS)
    assert all(0 <= v["f1"] <= 1 for v in meta["scores"].values())
    assert seen[0] == (0, 8) and seen[-1] == (8, 8)


def test_a_reloaded_model_suggests_what_it_learned(trained):
    folder, small, result, _ = trained
    model = ModelSuggester(latest_model(folder))  # from disk, not the trained object
    assert model.version == "1"
    texts = [i.text for i in small]
    predicted = model.suggest(texts + [""])
    assert predicted[-1] == []  # an empty text: nothing, no error
    found = [s for per_text in predicted for s in per_text]
    assert found and all(0 <= s.score <= 1 and s.label in LABELS and s.suggester == "model" for s in found)
    for n, per_text in enumerate(predicted[:-1]):
        for s in per_text:
            assert 0 <= s.start < s.end <= len(texts[n])
    # it learned the claims of the texts it saw: most predicted CLAIM characters are gold CLAIM characters
    gold = {(n, c) for n, i in enumerate(small) for a, b, lab in i.spans if lab == "CLAIM" for c in range(a, b)}
    pred = {(n, c) for n, p in enumerate(predicted[:-1]) for s in p if s.label == "CLAIM"
            for c in range(s.start, s.end)}
    assert pred and len(pred & gold) / len(pred) > 0.5


def test_too_few_tags_says_how_many_more_are_needed(tmp_path):
    items = [TaggedText("Petro denied the claim.", ((0, 22, "DENIAL"),))]
    with pytest.raises(TooFewTags, match=r"24 more tagged span\(s\) \(1 of 25\).*1 more tagged article"):
        train_model(items, tmp_path, LABELS)
    assert not any(tmp_path.iterdir())


def test_training_stops_when_cancelled_and_saves_nothing(tmp_path, eval_records):
    items = _items([r for r in eval_records if r["id"].startswith("written")])
    with pytest.raises(Cancelled):
        train_model(items, tmp_path, LABELS, epochs=5,
                    progress=lambda done, total, message: done < 1)
    assert latest_model(tmp_path) is None


def test_training_data_is_the_spans_of_done_articles(store):
    done = store.add_article("Petro denied the claim.", "a")
    todo = store.add_article("Trump said 30 strikes.", "b")
    store.add_span(Span(done, 0, 22, "DENIAL"))
    store.add_span(Span(todo, 0, 21, "CLAIM"))
    store.set_status(done, Status.DONE)
    assert tagged_texts(store) == [TaggedText("Petro denied the claim.", ((0, 22, "DENIAL"),))]
