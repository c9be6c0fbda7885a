"""Reads and writes for datasets (export and annotated import), kept beside Store
so that the other store code stays as it is."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter

from gui.core.model import Article, Status, Suggestion
from gui.store.store import Store

# SpanRow's columns; most formats write no timestamps: two strings less per span
_ROW_COLUMNS = 'article_id, start, "end", label, coalesce(annotator, \'\'), coalesce(origin, \'\')'
_TIMES = ", coalesce(created, ''), coalesce(updated, '')"
# gui.core.formats.common.span_key in SQL (lengths in UTF-8 bytes)
SPAN_KEY = ("length(CAST(label AS BLOB)) || ',' || length(CAST(coalesce(annotator, '') AS BLOB)) || ','"
            " || label || coalesce(annotator, '') || coalesce(origin, '')")


def export_article_ids(store: Store, statuses: Iterable[str] = (), labels: Iterable[str] = (),
                       annotator: str | None = None) -> list[int]:
    """Ids of the articles an export writes, in id order.

    ``statuses`` keeps articles with those statuses. When ``labels`` or ``annotator``
    are given, only articles with at least one span that matches both are kept."""
    where, params = [], []
    statuses = [Status(s).value for s in statuses]
    if statuses:
        where.append(f"a.status IN ({','.join('?' * len(statuses))})")
        params += statuses
    span_where, span_params = _span_conditions(list(labels), annotator, "s.")
    params += span_params
    if span_where:
        where.append("EXISTS (SELECT 1 FROM spans s WHERE s.article_id = a.id AND "
                     + " AND ".join(span_where) + ")")
    sql = "SELECT a.id FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
    return [r[0] for r in store.conn.execute(sql + " ORDER BY a.id", params)]


def _span_conditions(labels: list[str], annotator: str | None, alias: str = "") -> tuple[list[str], list]:
    """SQL conditions (and their parameters) keeping spans of these labels and this annotator."""
    where, params = [], []
    if labels:
        where.append(f"{alias}label IN ({','.join('?' * len(labels))})")
        params += labels
    if annotator is not None:
        where.append(f"{alias}annotator = ?")
        params.append(annotator)
    return where, params


def articles_with_spans(store: Store, ids: Iterable[int], labels: Iterable[str] = (),
                        annotator: str | None = None, times: bool = True, keys: bool = False
                        ) -> Iterator[tuple[Article, list[tuple]]]:
    """The articles with these ids, in id order, each with its span rows (tuples in
    ``SpanRow`` order, filtered by label and annotator). Two ordered scans walked side
    by side: no query per article, no object per span. ``times=False`` leaves out the
    rows' created/updated; ``keys=True`` reads rows (article_id, start, end, ``SPAN_KEY``)."""
    wanted = set(ids)
    if not wanted:
        return
    where, params = _span_conditions(list(labels), annotator)
    # the order of idx_spans_article_marks: SQLite reads it without a temporary sort
    span_cursor = store.conn.execute(
        (f'SELECT article_id, start, "end", {SPAN_KEY} FROM spans' if keys
         else f"SELECT {_ROW_COLUMNS}{_TIMES if times else ''} FROM spans")
        + (" WHERE " + " AND ".join(where) if where else "") + ' ORDER BY article_id, start, "end", id', params)
    article_cursor = store.conn.execute(
        "SELECT id, title, text, source, meta, hash, status, created, updated FROM articles "
        "WHERE id BETWEEN ? AND ? ORDER BY id", (min(wanted), max(wanted)))
    groups = groupby(span_cursor, key=itemgetter(0))
    key, group = next(groups, (None, ()))
    for r in article_cursor:
        article_id = r[0]
        while key is not None and key < article_id:  # spans of articles not asked for
            key, group = next(groups, (None, ()))
        rows = []
        if key == article_id:
            rows = list(group)
            key, group = next(groups, (None, ()))
        if article_id in wanted:
            yield (Article(id=article_id, title=r[1], text=r[2], source=r[3] or "", meta=json.loads(r[4] or "{}"),
                           hash=r[5], status=Status(r[6]), created=r[7] or "", updated=r[8] or ""), rows)


def pending_suggestions(store: Store, article_id: int, labels: Iterable[str] = ()) -> list[Suggestion]:
    labels = list(labels)
    sql = ('SELECT id, article_id, start, "end", label, score, suggester, version, rule, status, created '
           "FROM suggestions WHERE article_id = ? AND status = 'pending'")
    params: list = [article_id]
    if labels:
        sql += f" AND label IN ({','.join('?' * len(labels))})"
        params += labels
    rows = store.conn.execute(sql + ' ORDER BY start, "end", id', params)
    return [Suggestion(id=r[0], article_id=r[1], start=r[2], end=r[3], label=r[4], score=r[5] or 0.0,
                       suggester=r[6] or "", version=r[7] or "", rule=r[8] or "", status=r[9],
                       created=r[10] or "") for r in rows]


def span_keys(store: Store, article_id: int) -> set[tuple[int, int, str]]:
    """(start, end, label) of an article's spans: what an annotated re-import must not repeat."""
    rows = store.conn.execute('SELECT start, "end", label FROM spans WHERE article_id = ?', (article_id,))
    return {(r[0], r[1], r[2]) for r in rows}
