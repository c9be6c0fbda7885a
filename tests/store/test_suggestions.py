"""Suggestions through the store and the core edits, on a real SQLite file."""

from __future__ import annotations

import pytest

from gui.core.edits import edit_from_log, redo, undo
from gui.core.model import Span, Suggestion
from gui.core.suggest import review
from gui.core.suggest.rules import RulesSuggester
from gui.store import InvalidSpan, Store

TEXT = ("Petro denied the claim. Trump said 1.9 million immigrants left. "
        "The army threatened to attack the capital.")


def sug(start, end, label, score=0.7, suggester="rules", rule="r"):
    return Suggestion(0, start, end, label, score, suggester, "1", rule)


@pytest.fixture
def article(store):
    return store.add_article(TEXT, "t")


def test_saving_replaces_only_that_suggesters_pending_suggestions(store, article):
    assert not store.has_suggestions(article)
    store.save_suggestions(article, "rules", [sug(0, 22, "DENIAL"), sug(24, 62, "CLAIM")])
    store.save_suggestions(article, "model", [sug(24, 62, "CLAIM", 0.9, "model", "spancat")])
    merged = store.suggestions(article)
    assert [(s.start, s.end, s.label, s.suggester, s.score) for s in merged] == [
        (0, 22, "DENIAL", "rules", 0.7), (24, 62, "CLAIM", "model+rules", 0.9)]
    assert store.has_suggestions(article)

    store.save_suggestions(article, "rules", [sug(35, 57, "STATISTIC")])  # rules re-run: its old rows go
    assert [(s.label, s.suggester) for s in store.suggestions(article)] == [("CLAIM", "model"),
                                                                           ("STATISTIC", "rules")]


def test_out_of_range_suggestion_is_refused_and_nothing_changes(store, article):
    store.save_suggestions(article, "rules", [sug(0, 22, "DENIAL")])
    with pytest.raises(InvalidSpan):
        store.save_suggestions(article, "rules", [sug(24, 62, "CLAIM"), sug(0, 10_000, "CLAIM")])
    assert [s.label for s in store.suggestions(article)] == ["DENIAL"]


def test_a_rejected_span_is_never_proposed_again_for_that_article(store, article, db_path):
    other = store.add_article("Petro denied the claim. Elsewhere.", "other")
    store.save_suggestions(article, "rules", [sug(0, 22, "DENIAL")])
    store.save_suggestions(other, "rules", [sug(0, 22, "DENIAL")])
    edit, log_id = review.reject(store, store.suggestions(article)[0])
    assert store.suggestions(article) == []
    store.close()

    with Store(db_path) as again:  # also after a restart, and from another suggester
        again.save_suggestions(article, "rules", [sug(0, 22, "DENIAL")])
        again.save_suggestions(article, "model", [sug(0, 22, "DENIAL", 0.99, "model")])
        assert again.suggestions(article) == []
        assert len(again.suggestions(other)) == 1  # other articles are not affected
        assert [s.status for s in again.suggestions(article, status=None)] == ["rejected"]

        undo(again, edit, log_id)  # undoing the rejection makes it pending again
        assert [s.label for s in again.suggestions(article)] == ["DENIAL"]


def test_accept_makes_a_span_named_for_the_suggester_and_undo_redo_work(store, article):
    store.save_suggestions(article, "rules", [sug(24, 62, "CLAIM")])
    store.save_suggestions(article, "model", [sug(24, 62, "CLAIM", 0.9, "model")])
    edit, log_id = review.accept(store, store.suggestions(article)[0], annotator="ana")
    [span] = store.spans(article)
    assert (span.start, span.end, span.label, span.annotator, span.origin) == (
        24, 62, "CLAIM", "ana", "suggested:model+rules")
    assert store.suggestions(article) == []
    store.save_suggestions(article, "rules", [sug(24, 62, "CLAIM")])  # not proposed again once accepted
    assert store.suggestions(article) == []

    undo(store, edit, log_id)
    assert store.spans(article) == []
    assert [s.suggester for s in store.suggestions(article)] == ["model+rules"]

    redo(store, edit, log_id)
    assert [s.id for s in store.spans(article)] == [span.id]  # the same span comes back


def test_undo_from_the_edit_log_after_a_restart(store, article, db_path):
    store.save_suggestions(article, "rules", [sug(0, 22, "DENIAL")])
    review.accept(store, store.suggestions(article)[0], annotator="ana")
    store.close()
    with Store(db_path) as again:
        log_id, kind, payload, state = again.edit_history(article)[-1]
        assert (kind, state) == ("accept_suggestion", "done")
        undo(again, edit_from_log(kind, payload), log_id)
        assert again.spans(article) == [] and len(again.suggestions(article)) == 1


def test_a_suggestion_on_an_already_tagged_span_is_not_proposed(store, article):
    store.add_span(Span(article, 0, 22, "DENIAL", annotator="ana"))
    assert store.save_suggestions(article, "rules", [sug(0, 22, "DENIAL"), sug(0, 22, "CLAIM")]) == 1
    assert [s.label for s in store.suggestions(article)] == ["CLAIM"]


def test_bulk_accept_by_label_and_score_is_one_edit_with_a_preview_count(store, article):
    second = store.add_article("Officials said 605,000 people left. Petro said the US is an empire.", "b")
    store.save_suggestions(article, "rules", [sug(24, 62, "CLAIM", 0.9), sug(0, 22, "DENIAL", 0.9),
                                              sug(35, 57, "STATISTIC", 0.8)])
    store.save_suggestions(second, "rules", [sug(0, 34, "CLAIM", 0.8), sug(36, 66, "CLAIM", 0.4)])

    assert review.bulk_preview(store, "CLAIM", 0.5, article_id=article) == 1
    assert review.bulk_preview(store, "CLAIM", 0.5) == 2  # every article
    edit, log_id = review.bulk_review(store, "accept", "CLAIM", 0.5, annotator="ana")
    assert sorted((s.article_id, s.start, s.label) for a in (article, second) for s in store.spans(a)) == [
        (article, 24, "CLAIM"), (second, 0, "CLAIM")]
    assert store.edit_history(0)[-1][1] == "review_suggestions"

    # "reject the rest of this label"
    rest, rest_log = review.bulk_review(store, "reject", "CLAIM")
    assert [s.score for s in store.suggestions(second, status="rejected")] == [0.4]
    assert review.bulk_preview(store, "CLAIM") == 0
    assert review.bulk_review(store, "reject", "CLAIM") is None  # nothing left: nothing logged

    undo(store, rest, rest_log)
    undo(store, edit, log_id)  # one undo takes back the whole bulk accept
    assert store.span_count() == 0
    assert review.bulk_preview(store, "CLAIM") == 3
    assert {s.label for s in store.suggestions(article)} == {"CLAIM", "DENIAL", "STATISTIC"}


def test_suggest_article_with_the_rules_stores_and_returns_pending(store, article):
    pending = review.suggest_article(store, article, [RulesSuggester()])
    assert {(TEXT[s.start:s.end], s.label) for s in pending} >= {
        ("Petro denied the claim", "DENIAL"), ("1.9 million immigrants", "STATISTIC")}
    assert all(s.article_id == article and s.status == "pending" for s in pending)


def test_empty_article_gets_no_suggestions_and_no_error(store):
    blank = store.add_article(" \n ", "blank")
    assert review.suggest_article(store, blank, [RulesSuggester()]) == []


def test_suggesting_over_the_corpus_reports_progress_and_stops_when_asked(seeded_store):
    calls = []
    report = review.suggest_articles(seeded_store, None, [RulesSuggester()], batch_size=1,
                                     progress=lambda d, t, m: calls.append((d, t)) or len(calls) < 2)
    assert report.cancelled and report.articles == 1 and calls == [(0, 2), (1, 2)]
    full = review.suggest_articles(seeded_store, None, [RulesSuggester()])
    assert full.articles == 2 and not full.cancelled
    assert seeded_store.suggestion_counts()["CLAIM"] > 20
