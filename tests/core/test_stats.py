"""The numbers of the dashboard and of ``tagdesk stats``."""

from __future__ import annotations

from gui.core.model import Span, Status
from gui.core.stats import corpus_stats


def add_suggestion(store, article_id, label, rule, status):
    # The suggestions helper owns the API that fills this table; its shape is fixed by migration 2.
    store.db["suggestions"].insert({"article_id": article_id, "start": 0, "end": 2, "label": label,
                                    "score": 0.5, "suggester": "rules", "version": "1", "rule": rule,
                                    "status": status, "created": "2026-01-01"})


def test_corpus_stats(store):
    a = store.add_article("aa bb cc dd", "A")
    b = store.add_article("ee ff", "B")
    store.add_article("gg", "C")
    store.set_status(a, Status.DONE)
    store.set_status(b, Status.IN_PROGRESS)
    store.add_span(Span(a, 0, 2, "CLAIM", "ana", created="2026-11-20T10:00:00.000+00:00"))
    store.add_span(Span(a, 3, 5, "CLAIM", "ben", created="2026-11-20T18:00:00.000+00:00"))
    store.add_span(Span(b, 0, 2, "THREAT", "ana", created="2026-11-22T09:00:00.000+00:00"))
    store.add_span(Span(b, 3, 5, "THREAT", "", created="2026-11-22T09:30:00.000+00:00"))
    for status in ("accepted", "accepted", "rejected"):
        add_suggestion(store, a, "STATISTIC", "number+noun", status)
    add_suggestion(store, a, "CLAIM", "", "pending")

    stats = corpus_stats(store)
    assert stats.articles == 3 and stats.spans == 4
    assert stats.articles_by_status == {"done": 1, "in_progress": 1, "todo": 1}
    assert stats.spans_by_label == {"CLAIM": 2, "THREAT": 2, "DENIAL": 0, "STATISTIC": 0}
    assert stats.label_colors["CLAIM"].startswith("#")
    assert stats.spans_by_annotator == {"ana": 2, "(unnamed)": 1, "ben": 1}
    assert stats.spans_by_day == {"2026-11-20": 2, "2026-11-22": 2}
    stat = stats.suggestions_by_label["STATISTIC"]
    assert (stat.accepted, stat.rejected, stat.pending) == (2, 1, 0)
    assert stat.accept_rate == 2 / 3
    assert stats.suggestions_by_label["CLAIM"].accept_rate is None  # nothing decided yet
    # a suggestion without a rule is counted under its suggester
    assert set(stats.suggestions_by_rule) == {"number+noun", "rules"}
    data = stats.to_dict()
    assert data["suggestions_by_rule"]["number+noun"]["accept_rate"] == 2 / 3
    assert "spans: 4" in stats.lines()


def test_empty_corpus(store):
    stats = corpus_stats(store)
    assert stats.articles == 0 and stats.spans == 0 and stats.spans_by_day == {}
    assert stats.suggestions_by_label == {}
