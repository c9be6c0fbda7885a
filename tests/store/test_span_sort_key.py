"""The review table's sort by span text: ``spans.sort_key`` (migration 7) gives the
order the table has always shown (Python's lower(), then article, start, id), and the
triggers keep the key right on every write path."""

from __future__ import annotations

import random
import sqlite3
import shutil
from pathlib import Path

from gui.core.edits import AddSpan, Relabel, Resize, perform, redo, undo
from gui.core.merge import merge_database
from gui.core.model import Span
from gui.core.seeding import ensure_labels
from gui.store import Store
from gui.store.schema import SORT_KEY_CHARS, sort_key
from gui.store.span_table import SpanFilter, ordered_ids, page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LONG = "The minister said that more than thirty strikes would follow unless talks resume. "  # > 64 chars
WORDS = ["Über", "über", "État", "état", "zeta", "Zeta", "alpha", "ALPHA", "straße", "STRASSE", "İstanbul",
         "istanbul", "ΣΟΦΟΣ", "σοφος", "🌶 hot", "Ä", "a", "b", "B", "_x", "1999", "  lead"]


def _corpus(store, seed: int = 7) -> list[int]:
    """Articles and spans that make the sort's hard cases: case and accents, letters that
    lower-case to two characters, emoji, equal texts in different places and layers, and
    long spans equal in their first 64 characters but not after."""
    rng = random.Random(seed)
    ids = []
    for n in range(4):
        text = " ".join(rng.choice(WORDS) for _ in range(60))
        text += " " + LONG + "Then prices fell." + " " + LONG.upper() + "then PRICES rose. " + LONG + "Then prices fell."
        article = store.add_article(text, f"Article {n}")
        for _ in range(40):
            start = rng.randrange(0, len(text) - 1)
            end = min(len(text), start + rng.randint(1, 90))
            span = store.add_span(Span(article, start, end, rng.choice(["CLAIM", "THREAT"]),
                                       rng.choice(["ana", "ben"])))
            ids.append(span.id)
        at = [i for i in range(len(text)) if text.startswith(LONG, i) or text.startswith(LONG.upper(), i)]
        for start in at:  # the 64-character keys tie; the texts differ at "fell" / "rose"
            for annotator in ("ana", "ben"):  # and the same span twice, in two layers
                ids.append(store.add_span(Span(article, start, start + len(LONG) + 10, "CLAIM", annotator)).id)
    return ids


def _python_order(store, spans: SpanFilter | None = None, descending: bool = False) -> list[int]:
    spans = spans or SpanFilter()
    keyed = []
    for row in store.conn.execute('SELECT s.id, s.article_id, s.start, s."end", a.text, s.label, a.title '
                                  "FROM spans s JOIN articles a ON a.id = s.article_id"):
        span_id, article_id, start, end, text, label, title = row
        if spans.label and label != spans.label:
            continue
        needle = spans.text.lower()
        if needle not in text[start:end].lower() and needle not in title.lower():
            continue
        keyed.append((text[start:end].lower(), article_id, start, span_id))
    return [k[3] for k in sorted(keyed, reverse=descending)]


def _stale_keys(store) -> list[int]:
    """Ids of spans whose stored key is not the key of their text."""
    rows = store.conn.execute('SELECT s.id, s.start, s."end", s.sort_key, a.text FROM spans s '
                              "JOIN articles a ON a.id = s.article_id")
    return [span_id for span_id, start, end, key, text in rows if key != sort_key(text[start:end])]


def test_sorting_by_text_is_sorting_the_texts_in_python(store):
    _corpus(store)
    assert _stale_keys(store) == []
    tied = store.conn.execute("SELECT count(*) FROM spans WHERE length(sort_key) = ?", (SORT_KEY_CHARS,))
    assert tied.fetchone()[0] > 8  # the corpus does reach the cut keys, which SQL alone cannot order
    assert ordered_ids(store, sort="context") == _python_order(store)
    assert ordered_ids(store, sort="context", descending=True) == _python_order(store, descending=True)
    claims = SpanFilter(label="CLAIM")
    assert ordered_ids(store, claims, sort="context") == _python_order(store, claims)
    assert ordered_ids(store, claims, sort="context", descending=True) == _python_order(store, claims, True)
    for needle in ("RESUME. THEN", "fell", "ÉTAT", "icle 2", "ΣΟΦ"):  # past the cut key, in titles, any case
        found = SpanFilter(text=needle)
        assert ordered_ids(store, found, sort="context") == _python_order(store, found), needle
        assert sorted(ordered_ids(store, found, sort="label")) == sorted(_python_order(store, found)), needle
    assert ordered_ids(store, SpanFilter(text="resume. then"), sort="context", descending=True) == _python_order(
        store, SpanFilter(text="resume. then"), descending=True) != []
    rows = page(store, sort="context", limit=5, offset=3)
    assert [r.id for r in rows] == _python_order(store)[3:8]


def test_case_and_accents_sort_together_and_ties_go_by_position(store):
    article = store.add_article("Über über Zeta État alpha état", "t")
    ids = {word: store.add_span(Span(article, start, start + len(word), "CLAIM")).id
           for word, start in (("Über", 0), ("über", 5), ("Zeta", 10), ("État", 15), ("alpha", 20),
                               ("état", 26))}
    assert ordered_ids(store, sort="context") == [ids[w] for w in ("alpha", "Zeta", "État", "état", "Über", "über")]
    assert ordered_ids(store, sort="context", descending=True) == [
        ids[w] for w in ("über", "Über", "état", "État", "Zeta", "alpha")]


def test_the_sort_reads_the_index_not_the_articles(store):
    plan = store.conn.execute("EXPLAIN QUERY PLAN SELECT s.id FROM spans s "
                              "ORDER BY s.sort_key, s.article_id, s.start, s.id").fetchall()
    assert "USING COVERING INDEX idx_spans_sort_key" in " ".join(r[-1] for r in plan)


def test_the_key_follows_resize_relabel_undo_and_redo(store):
    article = store.add_article("Petro denied the claim. Trump said 30 strikes.", "t")
    edit = AddSpan(article, Span(article, 0, 5, "CLAIM"))
    add_log = perform(store, edit)
    span_id = edit.span.id

    def key() -> str:
        return store.conn.execute("SELECT sort_key FROM spans WHERE id = ?", (span_id,)).fetchone()[0]

    assert key() == "petro"
    resize = Resize(article, span_id=span_id, start=24, end=29)
    resize_log = perform(store, resize)
    assert key() == "trump"
    relabel_log = perform(store, Relabel(article, span_id=span_id, label="DENIAL"))
    assert key() == "trump" and store.span(span_id).label == "DENIAL"
    undo(store, Relabel(article, span_id=span_id, label="DENIAL", old_label="CLAIM"), relabel_log)
    undo(store, resize, resize_log)
    assert key() == "petro" and store.span(span_id).end == 5
    redo(store, resize, resize_log)
    assert key() == "trump"
    undo(store, resize, resize_log)
    undo(store, edit, add_log)
    redo(store, edit, add_log)  # the span comes back under its id, with its key
    assert key() == "petro"
    assert _stale_keys(store) == []


def test_the_key_follows_plain_sql_and_a_changed_article_text(store):
    article = store.add_article("Alpha beta gamma.", "t")
    with store.transaction():  # no Store method changes these; the triggers still hold
        store.conn.execute('INSERT INTO spans(article_id, start, "end", label) VALUES (?, 6, 10, \'CLAIM\')',
                           (article,))
        store.conn.execute("UPDATE articles SET text = 'ALPHA GAMMA BETA.' WHERE id = ?", (article,))
    assert store.conn.execute("SELECT sort_key FROM spans").fetchall() == [("gamm",)]
    with store.transaction():
        store.conn.execute('UPDATE spans SET start = 0, "end" = 5')  # a resize that names no key
    assert store.conn.execute("SELECT sort_key FROM spans").fetchall() == [("alpha",)]
    assert _stale_keys(store) == []


def test_the_store_does_not_cut_keys_from_a_text_it_read_before(store):
    first = store.add_article("Alpha beta.", "one")
    store.add_span(Span(first, 0, 5, "CLAIM"))  # the store now holds this text
    store.delete_article(first)
    second = store.add_article("Gamma delta.", "two")
    assert second == first  # the id is used again, for another text
    span = store.add_span(Span(second, 0, 5, "CLAIM"))
    store.update_span(span.id, end=4)
    assert store.conn.execute("SELECT sort_key FROM spans").fetchall() == [("gamm",)]
    assert _stale_keys(store) == []


def test_merged_spans_carry_their_keys(store, tmp_path):
    other_path = tmp_path / "ben.db"
    with Store(other_path) as other:
        ensure_labels(other)
        shared = other.add_article("Petro denied the claim. Trump said 30 strikes.", "Shared")
        other.add_span(Span(shared, 24, 46, "CLAIM", annotator="ben"))
        other.add_span(Span(other.add_article("Only ben's", "own"), 0, 4, "CLAIM", annotator="ben"))
    store.add_article("Petro denied the claim. Trump said 30 strikes.", "Shared")
    assert merge_database(store, other_path).spans_added == 2
    keys = sorted(r[0] for r in store.conn.execute("SELECT sort_key FROM spans"))
    assert keys == ["only", "trump said 30 strikes."]
    assert _stale_keys(store) == []


def test_migration_fills_the_keys_of_existing_spans(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "schema_v6.db", db)
    with Store(db) as store:
        assert store.conn.execute("SELECT count(*) FROM spans WHERE sort_key IS NULL").fetchone()[0] == 0
        assert _stale_keys(store) == []
        assert ordered_ids(store, sort="context") == _python_order(store)


def test_another_program_can_still_write_spans(store):
    """The triggers need nothing but SQLite: a plain connection (sqlite3, a script) adds a span."""
    article = store.add_article("Alpha beta gamma.", "t")
    path = store.path
    store.close()
    plain = sqlite3.connect(path)
    plain.execute('INSERT INTO spans(article_id, start, "end", label) VALUES (?, 6, 10, \'CLAIM\')', (article,))
    plain.commit()
    plain.close()
    with Store(path) as again:
        assert again.conn.execute("SELECT sort_key FROM spans").fetchall() == [("beta",)]
        assert [(s.start, s.end) for s in again.spans(article)] == [(6, 10)]
