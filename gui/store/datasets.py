"""Reads and writes for datasets (export and annotated import), kept beside Store
so that the other store code stays as it is."""

from __future__ import annotations

import json
from collections import namedtuple
from collections.abc import Iterable, Iterator

from gui.core.model import Article, Status, Suggestion
from gui.store.store import Store

# A read-only span row with Span's fields: an export reads 100,000s of them, and a
# frozen dataclass costs several times a tuple to build.
SpanRow = namedtuple("SpanRow", "id article_id start end label annotator origin created updated")
_ROW_COLUMNS = ('id, article_id, start, "end", label, coalesce(annotator, \'\'), coalesce(origin, \'\'), '
                "coalesce(created, ''), coalesce(updated, '')")


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
    labels = list(labels)
    span_where = []
    if labels:
        span_where.append(f"s.label IN ({','.join('?' * len(labels))})")
        params += labels
    if annotator is not None:
        span_where.append("s.annotator = ?")
        params.append(annotator)
    if span_where:
        where.append("EXISTS (SELECT 1 FROM spans s WHERE s.article_id = a.id AND "
                     + " AND ".join(span_where) + ")")
    sql = "SELECT a.id FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
    return [r[0] for r in store.conn.execute(sql + " ORDER BY a.id", params)]


def articles_with_spans(store: Store, ids: list[int], labels: Iterable[str] = (),
                        annotator: str | None = None, chunk: int = 200
                        ) -> Iterator[tuple[Article, list[SpanRow]]]:
    """Articles by id (in the given order) with their spans, filtered by label and annotator."""
    labels = list(labels)
    for i in range(0, len(ids), chunk):
        part = ids[i:i + chunk]
        marks = ",".join("?" * len(part))
        rows = store.conn.execute(
            "SELECT id, title, text, source, meta, hash, status, created, updated "
            f"FROM articles WHERE id IN ({marks})", part).fetchall()
        articles = {r[0]: Article(id=r[0], title=r[1], text=r[2], source=r[3] or "",
                                  meta=json.loads(r[4] or "{}"), hash=r[5], status=Status(r[6]),
                                  created=r[7] or "", updated=r[8] or "") for r in rows}
        sql = f"SELECT {_ROW_COLUMNS} FROM spans WHERE article_id IN ({marks})"
        params = list(part)
        if labels:
            sql += f" AND label IN ({','.join('?' * len(labels))})"
            params += labels
        if annotator is not None:
            sql += " AND annotator = ?"
            params.append(annotator)
        spans: dict[int, list[SpanRow]] = {a: [] for a in part}
        make = SpanRow._make
        for row in store.conn.execute(sql + ' ORDER BY article_id, start, "end", id', params):
            spans[row[1]].append(make(row))
        for article_id in part:
            if article_id in articles:
                yield articles[article_id], spans[article_id]


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
