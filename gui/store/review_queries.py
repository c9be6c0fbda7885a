"""Corpus-wide reads for review, agreement and merge: every span, every annotator."""

from __future__ import annotations

import json
from collections.abc import Iterable

from gui.core.model import Span
from gui.store.store import _SPAN_COLUMNS, spans_of_rows


def all_spans(store, annotators: Iterable[str] | None = None) -> list[Span]:
    sql, params = f"SELECT {_SPAN_COLUMNS} FROM spans", ()
    if annotators is not None:
        names = list(annotators)
        sql += f" WHERE annotator IN ({','.join('?' * len(names))})"
        params = tuple(names)
    return spans_of_rows(store.conn.execute(sql + ' ORDER BY article_id, start, "end", id', params).fetchall())


def annotators(store) -> list[str]:
    """Everyone who has made a span, by name."""
    rows = store.conn.execute("SELECT DISTINCT annotator FROM spans WHERE coalesce(annotator, '') != '' "
                              "ORDER BY annotator")
    return [r[0] for r in rows]


def article_texts(store, article_ids: Iterable[int]) -> tuple[dict[int, str], dict[int, str]]:
    """(texts, titles) of the given articles."""
    texts: dict[int, str] = {}
    titles: dict[int, str] = {}
    ids = sorted(set(article_ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        rows = store.conn.execute(
            f"SELECT id, title, text FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        for aid, title, text in rows:
            texts[aid], titles[aid] = text, title
    return texts, titles


def spans_of_annotator(store, article_id: int, annotator: str) -> list[Span]:
    rows = store.conn.execute(
        f"SELECT {_SPAN_COLUMNS} FROM spans WHERE article_id = ? AND annotator = ? "
        'ORDER BY start, "end", id', (article_id, annotator))
    return spans_of_rows(rows)


def span_keys(store, article_id: int) -> set[tuple[int, int, str, str]]:
    """(start, end, label, annotator) of an article's spans: what makes a span a duplicate."""
    rows = store.conn.execute(
        'SELECT start, "end", label, coalesce(annotator, \'\') FROM spans WHERE article_id = ?', (article_id,))
    return {tuple(r) for r in rows}


def shared_articles(store, a: str, b: str) -> list[tuple[int, str]]:
    """(id, title) of the articles both annotators made spans in."""
    rows = store.conn.execute(
        "SELECT id, title FROM articles WHERE id IN (SELECT article_id FROM spans WHERE annotator = ? "
        "INTERSECT SELECT article_id FROM spans WHERE annotator = ?) ORDER BY id", (a, b))
    return [tuple(r) for r in rows]


def _neither_key(article_id: int, reviewer: str) -> str:
    return f"adjudication.neither.{article_id}.{reviewer}"


def neither_decisions(store, article_id: int, reviewer: str) -> set[tuple[int, int]]:
    """(start, end) of the disagreements ``reviewer`` decided as "neither" on the article:
    such a decision leaves no span behind, so it is kept as a setting."""
    raw = store.get_setting(_neither_key(article_id, reviewer))
    return {(int(a), int(b)) for a, b in json.loads(raw)} if raw else set()


def set_neither_decision(store, article_id: int, reviewer: str, start: int, end: int, neither: bool) -> None:
    decided = neither_decisions(store, article_id, reviewer)
    (decided.add if neither else decided.discard)((start, end))
    store.set_setting(_neither_key(article_id, reviewer), json.dumps(sorted(decided)))
