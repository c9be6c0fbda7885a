"""The numbers behind the dashboard and ``tagdesk stats``: one ``CorpusStats`` for both."""

from __future__ import annotations

from dataclasses import dataclass, field

UNNAMED = "(unnamed)"


@dataclass
class Outcome:
    """What editors did with the suggestions of one label or rule."""

    accepted: int = 0
    rejected: int = 0
    pending: int = 0

    @property
    def accept_rate(self) -> float | None:
        decided = self.accepted + self.rejected
        return self.accepted / decided if decided else None

    def to_dict(self) -> dict:
        return {"accepted": self.accepted, "rejected": self.rejected, "pending": self.pending,
                "accept_rate": self.accept_rate}


@dataclass
class CorpusStats:
    articles_by_status: dict[str, int] = field(default_factory=dict)
    spans_by_label: dict[str, int] = field(default_factory=dict)
    label_colors: dict[str, str] = field(default_factory=dict)
    spans_by_annotator: dict[str, int] = field(default_factory=dict)
    spans_by_day: dict[str, int] = field(default_factory=dict)
    suggestions_by_label: dict[str, Outcome] = field(default_factory=dict)
    suggestions_by_rule: dict[str, Outcome] = field(default_factory=dict)

    @property
    def articles(self) -> int:
        return sum(self.articles_by_status.values())

    @property
    def spans(self) -> int:
        return sum(self.spans_by_label.values())

    def to_dict(self) -> dict:
        return {
            "articles": self.articles, "spans": self.spans,
            "articles_by_status": self.articles_by_status, "spans_by_label": self.spans_by_label,
            "spans_by_annotator": self.spans_by_annotator, "spans_by_day": self.spans_by_day,
            "suggestions_by_label": {k: v.to_dict() for k, v in self.suggestions_by_label.items()},
            "suggestions_by_rule": {k: v.to_dict() for k, v in self.suggestions_by_rule.items()},
        }

    def tables(self) -> dict[str, tuple[list[str], list[list]]]:
        """Each chart's data as (header, rows): what the dashboard draws and saves as CSV."""
        def outcome_rows(table):
            return [[k, o.accepted, o.rejected, o.pending,
                     "" if o.accept_rate is None else round(o.accept_rate, 4)] for k, o in table.items()]

        outcome_header = ["accepted", "rejected", "pending", "accept_rate"]
        return {
            "spans_by_label": (["label", "spans"], [[k, v] for k, v in self.spans_by_label.items()]),
            "articles_by_status": (["status", "articles"], [[k, v] for k, v in self.articles_by_status.items()]),
            "spans_by_annotator": (["annotator", "spans"], [[k, v] for k, v in self.spans_by_annotator.items()]),
            "spans_by_day": (["day", "spans"], [[k, v] for k, v in self.spans_by_day.items()]),
            "suggestions_by_label": (["label", *outcome_header], outcome_rows(self.suggestions_by_label)),
            "suggestions_by_rule": (["rule", *outcome_header], outcome_rows(self.suggestions_by_rule)),
        }

    def lines(self) -> list[str]:
        out = [f"articles: {self.articles}"]
        out += [f"  {k:<11} {v}" for k, v in sorted(self.articles_by_status.items())]
        out.append(f"spans: {self.spans}")
        out += [f"  {k:<11} {v}" for k, v in self.spans_by_label.items()]
        if self.spans_by_annotator:
            out.append("spans by annotator:")
            out += [f"  {k:<11} {v}" for k, v in self.spans_by_annotator.items()]
        if self.spans_by_day:
            out.append("spans by day:")
            out += [f"  {k}  {v}" for k, v in self.spans_by_day.items()]
        for title, table in (("suggestions by label", self.suggestions_by_label),
                             ("suggestions by rule", self.suggestions_by_rule)):
            if table:
                out.append(f"{title}:  accepted rejected pending  accept rate")
                for k, o in table.items():
                    rate = "n/a" if o.accept_rate is None else f"{o.accept_rate:.0%}"
                    out.append(f"  {k:<18} {o.accepted:>8} {o.rejected:>8} {o.pending:>7}  {rate:>11}")
        return out


def _outcomes(rows) -> dict[str, Outcome]:
    table: dict[str, Outcome] = {}
    for key, status, n in rows:
        outcome = table.setdefault(key or UNNAMED, Outcome())
        if status in ("accepted", "rejected", "pending"):
            setattr(outcome, status, getattr(outcome, status) + n)
    return table


def corpus_stats(store) -> CorpusStats:
    from gui.store import stats_queries as q

    return CorpusStats(
        articles_by_status=dict(q.articles_by_status(store)),
        spans_by_label=dict(q.spans_by_label(store)),
        label_colors={label.name: label.color for label in store.labels()},
        spans_by_annotator={k or UNNAMED: v for k, v in q.spans_by_annotator(store)},
        spans_by_day=dict(q.spans_by_day(store)),
        suggestions_by_label=_outcomes(q.suggestion_outcomes(store, "label")),
        suggestions_by_rule=_outcomes(q.suggestion_outcomes(store, "rule")),
    )
