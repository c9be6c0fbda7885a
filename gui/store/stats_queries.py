"""Counts for the statistics dashboard and ``tagdesk stats``: one GROUP BY each."""

from __future__ import annotations


def _pairs(store, sql: str, params=()) -> list[tuple]:
    return [tuple(r) for r in store.conn.execute(sql, params)]


def articles_by_status(store) -> list[tuple[str, int]]:
    return _pairs(store, "SELECT status, count(*) FROM articles GROUP BY status ORDER BY status")


def spans_by_label(store) -> list[tuple[str, int]]:
    """Every label in label order, with zero for the ones never used."""
    return _pairs(store, "SELECT l.name, (SELECT count(*) FROM spans s WHERE s.label = l.name) "
                         "FROM labels l ORDER BY l.position, l.name")


def spans_by_annotator(store) -> list[tuple[str, int]]:
    return _pairs(store, "SELECT coalesce(annotator, ''), count(*) FROM spans "
                         "GROUP BY coalesce(annotator, '') ORDER BY count(*) DESC, 1")


def spans_by_day(store) -> list[tuple[str, int]]:
    """Spans made per UTC day (``created`` is an ISO timestamp)."""
    return _pairs(store, "SELECT substr(created, 1, 10) AS day, count(*) FROM spans "
                         "WHERE coalesce(created, '') != '' GROUP BY day ORDER BY day")


def suggestion_outcomes(store, by: str) -> list[tuple[str, str, int]]:
    """(key, status, count) of suggestions, ``by`` "label" or "rule" (the suggester when no rule)."""
    key = {"label": "label", "rule": "coalesce(nullif(rule, ''), suggester, '')"}[by]
    return _pairs(store, f"SELECT {key} AS k, status, count(*) FROM suggestions GROUP BY k, status ORDER BY k")
