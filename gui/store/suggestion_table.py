"""Pending suggestions as review-table rows: the same ``SpanFilter`` and ``SpanRow`` as
``span_table``, so the review table lists them with an origin filter "pending".

A row is one merged suggestion (every suggester's row for the same article, start, end
and label); its id is the smallest row id, which ``Store.suggestion`` reads back merged.
"""

from __future__ import annotations

from gui.store.span_table import CONTEXT, SpanFilter, SpanRow, _trim_after, _trim_before

_GROUPS = ('SELECT min(g.id), g.article_id, g.start, g."end", g.label, group_concat(g.suggester, \'+\'), '
           "max(g.score), a.title FROM suggestions g JOIN articles a ON a.id = g.article_id "
           "WHERE g.status = 'pending'{where} GROUP BY g.article_id, g.start, g.\"end\", g.label")


def _where(spans: SpanFilter) -> tuple[str, list]:
    clauses, params = [], []
    if spans.label:
        clauses.append("g.label = ?")
        params.append(spans.label)
    if spans.annotator:  # the suggester stands where a span's annotator would
        clauses.append("g.suggester = ?")
        params.append(spans.annotator)
    if spans.status:
        clauses.append("a.status = ?")
        params.append(spans.status)
    if spans.text:
        clauses.append('(instr(lower(substr(a.text, g.start + 1, g."end" - g.start)), lower(?)) > 0 '
                       "OR instr(lower(a.title), lower(?)) > 0)")
        params += [spans.text, spans.text]
    return "".join(" AND " + c for c in clauses), params


def count(store, spans: SpanFilter = SpanFilter()) -> int:
    return len(ordered_ids(store, spans))


def ordered_ids(store, spans: SpanFilter = SpanFilter(), sort: str = "article",
                descending: bool = False) -> list[int]:
    """The ids of every pending suggestion ``spans`` lets through, in display order."""
    where, params = _where(spans)
    rows = store.conn.execute(_GROUPS.format(where=where), params).fetchall()
    column = {"label": 4, "annotator": 5, "origin": 5, "score": 6, "article": 7}.get(sort)
    if sort == "context":
        texts = {}
        for aid in {r[1] for r in rows}:
            texts[aid] = store.conn.execute("SELECT text FROM articles WHERE id = ?", (aid,)).fetchone()[0]
        rows.sort(key=lambda r: (texts[r[1]][r[2]:r[3]].lower(), r[1], r[2], r[0]), reverse=descending)
    elif column is not None:
        rows.sort(key=lambda r: (r[column] if r[column] is not None else "", r[1], r[2], r[0]), reverse=descending)
    else:
        rows.sort(key=lambda r: (r[1], r[2], r[0]), reverse=descending)
    return [r[0] for r in rows]


def rows_by_id(store, ids: list[int]) -> list[SpanRow]:
    """The rows of ``ids`` (as from ``ordered_ids``), in that order; decided ones are left out."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    where = (f' AND (g.article_id, g.start, g."end", g.label) IN (SELECT article_id, start, "end", label '
             f"FROM suggestions WHERE id IN ({marks}))")
    sql = _GROUPS.format(where=where).replace(
        "a.title FROM", f"a.title, substr(a.text, max(g.start - {CONTEXT}, 0) + 1, g.start - max(g.start - "
        f'{CONTEXT}, 0)), substr(a.text, g.start + 1, g."end" - g.start), substr(a.text, g."end" + 1, '
        f"{CONTEXT}) FROM")
    by_id = {}
    for r in store.conn.execute(sql, ids):
        by_id[r[0]] = SpanRow(r[0], r[1], r[2], r[3], r[4], "", f"suggested:{r[5]} (pending)", r[7],
                              _trim_before(r[8]), r[9], _trim_after(r[10]), r[6], pending=True)
    return [by_id[i] for i in ids if i in by_id]
