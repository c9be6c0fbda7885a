"""Full-text search: the FTS5 index stays in sync, queries are safe, hits carry offsets."""

from __future__ import annotations

import sqlite_utils
import pytest

from gui.core.importer import import_paths
from gui.core.model import Span
from gui.store import Store
from gui.store.schema import MIGRATIONS
from gui.store.search import SearchError, fts_article_ids, search

TEXT_A = "Petro denied the claim.\n\nTrump said more than 30 strikes would follow."
TEXT_B = "The strike on the boat killed 11 people. Strikers and strikebreakers met."


def test_index_follows_import_and_delete(store, tmp_path):
    (tmp_path / "a.txt").write_text("Strike warning\n\n" + TEXT_A)
    (tmp_path / "b.md").write_text("# Boat\n\n" + TEXT_B)
    assert fts_article_ids(store, "strikes") == []
    report = import_paths(store, [tmp_path])
    a, b = sorted(report.files, key=lambda f: f.path.name)
    (a_id,), (b_id,) = a.added, b.added
    assert fts_article_ids(store, "strikes") == [a_id]
    assert fts_article_ids(store, "boat") == [b_id]  # title and text are both indexed
    store.add_span(Span(b_id, 4, 10, "CLAIM", annotator="ana"))
    store.delete_article(b_id)
    assert fts_article_ids(store, "boat") == []
    assert fts_article_ids(store, "strikes") == [a_id]
    assert store.span_count() == 0  # the article's spans went with it
    # sqlite-utils sees the same index enable_fts would have made
    assert store.db["articles"].detect_fts() == "articles_fts"


def test_migration_indexes_existing_articles(db_path):
    db = sqlite_utils.Database(db_path)
    for number, migrate in enumerate(MIGRATIONS[:2], start=1):
        migrate(db)
        db.execute(f"PRAGMA user_version = {number}")
    db["articles"].insert({"title": "old", "text": TEXT_A, "hash": "h", "status": "todo"})
    db.close()
    with Store(db_path) as store:
        assert fts_article_ids(store, "denied claim", "words") == [1]


def test_phrase_prefix_words_and_offsets(store):
    a = store.add_article(TEXT_A, "A")
    b = store.add_article(TEXT_B, "B")
    result = search(store, "30 strikes")
    assert [(h.article_id, h.start, h.end, h.match) for h in result.hits] == [
        (a, TEXT_A.index("30"), TEXT_A.index("30") + 10, "30 strikes")]
    assert result.hits[0].before.endswith("more than ") and result.hits[0].after.startswith(" would")
    # a phrase must be contiguous: "strikes would" yes, "strikes follow" no
    assert len(search(store, "strikes would").hits) == 1
    assert search(store, "strikes follow").hits == []
    prefix = search(store, "strike", "prefix")
    assert [h.match for h in prefix.hits] == ["strikes", "strike", "Strikers", "strikebreakers"]
    assert prefix.articles == 2
    words = search(store, "petro boat", "words")
    assert words.hits == []  # words must all be in one article
    assert [h.match for h in search(store, "petro claim", "words").hits] == ["Petro", "claim"]
    assert b  # noqa


def test_user_text_is_never_fts_syntax(store):
    store.add_article('He said "NEAR" and AND OR NOT* (x)', "syntax")
    assert len(search(store, 'said "NEAR').hits) == 1
    assert len(search(store, "AND OR NOT").hits) == 1
    with pytest.raises(SearchError, match="no word to search for"):
        search(store, '"*()')
    with pytest.raises(SearchError, match="Unknown search mode"):
        search(store, "x", "fuzzy")


def test_regex_mode(store):
    store.add_article(TEXT_A, "A")
    store.add_article(TEXT_B, "B")
    hits = search(store, r"\d+ (?:strikes|people)", "regex").hits
    assert [h.match for h in hits] == ["30 strikes", "11 people"]
    with pytest.raises(SearchError, match=r"not a valid regular expression: .*position 0"):
        search(store, "(unclosed", "regex")
    assert search(store, r"\b", "regex").hits == []  # empty matches are not hits


def test_limit_truncates(store):
    store.add_article("x " * 50, "many")
    result = search(store, "x", limit=10)
    assert len(result.hits) == 10 and result.truncated
