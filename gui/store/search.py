"""Full-text search across articles: FTS5 phrase / prefix / word queries, or a regex.

The index (``articles_fts``, schema migration 3) finds the articles; the hits and
their character offsets are then found in each article's text by Python, so the
offsets are the ones spans use. The user's words are always quoted before they
reach FTS5, so no input is read as FTS syntax; what still fails comes out as a
``SearchError`` with a sentence, never an sqlite traceback.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field

from gui.store.errors import StoreError

MODES = ("phrase", "prefix", "words", "regex")
WORD_RE = re.compile(r"\w+")


class SearchError(StoreError):
    """A query that cannot run; the message says why."""


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    title: str
    start: int
    end: int
    before: str
    match: str
    after: str


@dataclass
class SearchResult:
    query: str
    mode: str
    hits: list[SearchHit] = field(default_factory=list)
    articles: int = 0  # articles with at least one hit
    truncated: bool = False  # stopped at the limit


def _fts_query(words: list[str], mode: str) -> str:
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if mode == "words":
        return " ".join(quoted)
    phrase = '"' + " ".join(words).replace('"', '""') + '"'
    return phrase + ("*" if mode == "prefix" else "")


def _text_pattern(words: list[str], mode: str) -> re.Pattern:
    escaped = [re.escape(w) for w in words]
    if mode == "words":
        body = "(?:" + "|".join(escaped) + ")"
    else:
        body = r"\W+".join(escaped) + (r"\w*" if mode == "prefix" else "")
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE)


def compile_query(query: str, mode: str) -> tuple[str | None, re.Pattern]:
    """(FTS5 MATCH expression or None for regex, pattern that finds hits in a text)."""
    if mode not in MODES:
        raise SearchError(f"Unknown search mode “{mode}”; use one of {', '.join(MODES)}.")
    if mode == "regex":
        if not query:
            raise SearchError("Type a regular expression to search for.")
        try:
            return None, re.compile(query)
        except re.error as exc:
            raise SearchError(f"“{query}” is not a valid regular expression: {exc.msg} "
                              f"(at position {exc.pos}).") from None
    words = WORD_RE.findall(query)
    if not words:
        raise SearchError(f"“{query}” has no word to search for; type letters or digits "
                          "(or choose regular expression).")
    return _fts_query(words, mode), _text_pattern(words, mode)


def _candidates(store, fts: str | None):
    if fts is None:
        return store.conn.execute("SELECT id, title, text FROM articles ORDER BY id")
    try:
        return store.conn.execute(
            "SELECT a.id, a.title, a.text FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY a.id", (fts,)).fetchall()
    except sqlite3.DatabaseError as exc:
        raise SearchError(f"The search could not run ({exc}). Try fewer special characters.") from None


def search(store, query: str, mode: str = "phrase", limit: int = 5000, context: int = 60) -> SearchResult:
    """Every hit of ``query`` (up to ``limit``), with ``context`` characters either side."""
    fts, pattern = compile_query(query.strip() if mode != "regex" else query, mode)
    result = SearchResult(query, mode)
    for article_id, title, text in _candidates(store, fts):
        found = False
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue  # an empty match tags nothing
            if len(result.hits) >= limit:
                result.truncated = True
                return result
            found = True
            result.hits.append(SearchHit(article_id, title, m.start(), m.end(),
                                         text[max(0, m.start() - context):m.start()], m.group(),
                                         text[m.end():m.end() + context]))
        result.articles += found
    return result


def fts_article_ids(store, query: str, mode: str = "phrase") -> list[int]:
    """The articles the index matches (no offsets): what tests use to see the index in sync."""
    fts, _ = compile_query(query, mode)
    return [row[0] for row in _candidates(store, fts)]
