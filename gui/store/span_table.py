"""Paged, filtered, sorted reads of every span in the corpus (the review table).

Two steps so 100,000 spans stay fluid: ``ordered_ids`` gives the ids of every matching
span in display order (one SQL sort that never reads article texts), and ``rows_by_id``
reads one page of them, cutting each span's keyword-in-context out of its text with
``substr``. Sorting by the span's text reads the index on ``spans.sort_key`` (its first
characters, lower-cased; migration 7): only spans whose keys tie at full length are cut
out of their articles to settle their order. Filtering on the span's text looks in those
keys, and reads an article's text (once, in Python) only for spans longer than their key.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from gui.store.schema import SORT_KEY_CHARS

CONTEXT = 90  # characters read either side of a span, before trimming to its sentence

# Origins are "manual", "suggested:<suggester>", "imported:<format>:<file>", "adjudicated"...
ORIGINS = ("manual", "suggested", "imported", "adjudicated", "merged")
PENDING = "pending"  # the origin filter that lists pending suggestions instead (see suggestion_table)

_SCORE = ('(SELECT max(g.score) FROM suggestions g WHERE g.article_id = s.article_id '
          'AND g.start = s.start AND g."end" = s."end" AND g.label = s.label)')
SORT_KEYS = {
    "label": "s.label",
    "context": "s.sort_key",  # the span's text, lower-cased (Python's lower()): see _by_text
    "article": "(SELECT title FROM articles WHERE id = s.article_id)",
    "annotator": "s.annotator",
    "origin": "s.origin",
    "score": _SCORE,
}


@dataclass(frozen=True)
class SpanFilter:
    label: str | None = None
    annotator: str | None = None
    origin: str | None = None  # one of ORIGINS: matches "suggested:rules" too
    status: str | None = None  # the article's status
    text: str = ""  # in the span's text or the article's title, ignoring case: see ordered_ids

    def where(self) -> tuple[str, list]:
        """SQL for every condition but ``text`` (which Python's lower() decides)."""
        clauses, params = [], []
        if self.label:
            clauses.append("s.label = ?")
            params.append(self.label)
        if self.annotator is not None:
            clauses.append("coalesce(s.annotator, '') = ?")
            params.append(self.annotator)
        if self.origin:
            clauses.append("(s.origin = ? OR s.origin LIKE ? ESCAPE '\\')")
            params += [self.origin, self.origin.replace("%", "\\%").replace("_", "\\_") + ":%"]
        if self.status:
            clauses.append("s.article_id IN (SELECT id FROM articles WHERE status = ?)")
            params.append(self.status)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


@dataclass(frozen=True)
class SpanRow:
    id: int
    article_id: int
    start: int
    end: int
    label: str
    annotator: str
    origin: str
    title: str
    before: str  # the span's sentence up to the span
    text: str
    after: str  # the rest of the sentence
    score: float | None
    pending: bool = False  # a pending suggestion (``id`` is one of its rows), not a span


_SENTENCE_END = re.compile(r"[.!?]['\"”’)]*\s+|\n")


def _trim_before(before: str) -> str:
    cut = 0
    for m in _SENTENCE_END.finditer(before):
        cut = m.end()
    return before[cut:].lstrip()


def _trim_after(after: str) -> str:
    m = _SENTENCE_END.search(after)
    return (after if m is None else after[:m.end()]).rstrip()


def count(store, spans: SpanFilter = SpanFilter()) -> int:
    if spans.text:
        return len(ordered_ids(store, spans))
    where, params = spans.where()
    return store.conn.execute(f"SELECT count(*) FROM spans s{where}", params).fetchone()[0]


def ordered_ids(store, spans: SpanFilter = SpanFilter(), sort: str = "article",
                descending: bool = False) -> list[int]:
    """The ids of every span ``spans`` lets through, in display order."""
    direction = "DESC" if descending else "ASC"
    if sort == "context" and not spans.text:
        return _by_text(store, spans, descending)
    if sort == "article" and not spans.text:
        return _by_article(store, spans, descending)
    if not spans.text:
        where, params = spans.where()
        order = f"{SORT_KEYS[sort]} {direction}, s.article_id, s.start, s.id"
        return [r[0] for r in store.conn.execute(f"SELECT s.id FROM spans s{where} ORDER BY {order}", params)]
    where, params = spans.where()
    needle = spans.text.lower()
    # Only spans that may hold the needle: their key holds it, their key may be cut, or
    # their article's title holds it. Python decides below, as it always has.
    titled = [i for i, title in store.conn.execute("SELECT id, title FROM articles") if needle in title.lower()]
    where += (" AND " if where else " WHERE ") + (
        f"(instr(s.sort_key, ?) > 0 OR s.sort_key IS NULL OR length(s.sort_key) >= {SORT_KEY_CHARS} "
        "OR s.article_id IN (SELECT value FROM json_each(?)))")
    params += [needle, json.dumps(titled)]
    sort_sql = "NULL" if sort in ("context", "article") else SORT_KEYS[sort]
    by_article: dict[int, list[tuple]] = {}
    for row in store.conn.execute(f'SELECT s.article_id, s.start, s.id, s."end", {sort_sql}, s.sort_key '
                                  f"FROM spans s{where}", params):
        by_article.setdefault(row[0], []).append(row)
    keyed = []
    for article_id, rows in by_article.items():
        title = store.conn.execute("SELECT title FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
        in_title = bool(needle) and needle in title.lower()
        text = None  # read only for a span longer than its sort key
        for _, start, span_id, end, key, span_text in rows:
            if span_text is None or len(span_text) >= SORT_KEY_CHARS:  # the key may be cut: the whole text
                if text is None:
                    text = store.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
                span_text = text[start:end].lower()
            if needle and not in_title and needle not in span_text:
                continue
            keyed.append(({"context": span_text, "article": title}.get(sort, key), article_id, start, span_id))
    if sort in ("context", "article"):
        keyed.sort(reverse=descending)  # plain tuples: str, int, int, int
    else:
        keyed.sort(key=lambda k: ((k[0] is None, k[0] if k[0] is not None else 0), k[1], k[2], k[3]),
                   reverse=descending)
    return [k[3] for k in keyed]


def _by_article(store, spans: SpanFilter, descending: bool) -> list[int]:
    """Ids by article title (then article id, start, id; only the title reversed when
    ``descending``). The spans come in (article, start, id) order from an index, and the
    few articles are sorted by title: no title looked up, and no sort, per span."""
    where, params = spans.where()
    by_article: dict[int, list[int]] = {}
    for span_id, article_id in store.conn.execute(
            f"SELECT s.id, s.article_id FROM spans s{where} ORDER BY s.article_id, s.start, s.id", params):
        by_article.setdefault(article_id, []).append(span_id)
    direction = "DESC" if descending else "ASC"
    ids: list[int] = []
    for (article_id,) in store.conn.execute(f"SELECT id FROM articles ORDER BY title {direction}, id"):
        ids += by_article.get(article_id, ())
    return ids


def _by_text(store, spans: SpanFilter, descending: bool) -> list[int]:
    """Ids in the order of (span text lower-cased, article, start, id), all reversed when
    ``descending``: the order the table has always shown. The index gives it, except
    among spans whose keys are equal at full length (their texts may differ further on):
    those are cut out of their articles and sorted here."""
    direction = "DESC" if descending else "ASC"
    where, params = spans.where()
    ids = [r[0] for r in store.conn.execute(
        f"SELECT s.id FROM spans s{where} ORDER BY s.sort_key {direction}, s.article_id {direction}, "
        f"s.start {direction}, s.id {direction}", params)]
    also = where.replace(" WHERE ", " AND ", 1)
    tied_keys = (f"SELECT s.sort_key FROM spans s WHERE length(s.sort_key) >= {SORT_KEY_CHARS}{also} "
                 "GROUP BY s.sort_key HAVING count(DISTINCT s.article_id || ':' || s.start || ':' || s.\"end\") > 1")
    rows = store.conn.execute(
        'SELECT s.id, s.sort_key, s.article_id, s.start, substr(a.text, s.start + 1, s."end" - s.start) '
        f"FROM spans s JOIN articles a ON a.id = s.article_id WHERE s.sort_key IN ({tied_keys}){also}",
        params + params).fetchall()
    if not rows:
        return ids
    tied: dict[str, list[tuple]] = {}
    for span_id, key, article_id, start, text in rows:
        tied.setdefault(key, []).append((text.lower(), article_id, start, span_id))
    position = {span_id: i for i, span_id in enumerate(ids)}
    for group in tied.values():
        slots = sorted(position[k[3]] for k in group)
        for slot, k in zip(slots, sorted(group, reverse=descending)):
            ids[slot] = k[3]
    return ids


def page(store, spans: SpanFilter = SpanFilter(), sort: str = "article", descending: bool = False,
         limit: int = 256, offset: int = 0) -> list[SpanRow]:
    return rows_by_id(store, ordered_ids(store, spans, sort, descending)[offset:offset + limit])


def rows_by_id(store, ids: list[int]) -> list[SpanRow]:
    """The rows of ``ids``, in that order (ids no longer in the store are left out)."""
    if not ids:
        return []
    rows = store.conn.execute(
        f'SELECT s.id, s.article_id, s.start, s."end", s.label, coalesce(s.annotator, \'\'), '
        f"coalesce(s.origin, ''), a.title, "
        f"substr(a.text, max(s.start - {CONTEXT}, 0) + 1, s.start - max(s.start - {CONTEXT}, 0)), "
        f'substr(a.text, s.start + 1, s."end" - s.start), substr(a.text, s."end" + 1, {CONTEXT}), {_SCORE} '
        f"FROM spans s JOIN articles a ON a.id = s.article_id WHERE s.id IN ({','.join('?' * len(ids))})", ids)
    by_id = {}
    for r in rows:
        by_id[r[0]] = SpanRow(*r[:8], _trim_before(r[8]), r[9], _trim_after(r[10]), r[11])
    return [by_id[i] for i in ids if i in by_id]
