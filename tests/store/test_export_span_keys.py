"""The store reads an export's span keys in SQL exactly as ``span_key`` builds them."""

from __future__ import annotations

from gui.core.formats.common import span_key, split_span_key
from gui.core.model import Label
from gui.store.datasets import articles_with_spans


def test_sql_span_keys_match_python(store):
    store.upsert_label(Label("Zitat “ü”", "#123456"))
    article_id = store.add_article("one two three four", "t")
    names = [("CLAIM", None, None), ("Zitat “ü”", "Zoë 😀", "imported:x"), ("THREAT", "nul\x00inside", "a,b"),
             ("DENIAL", "", 'q"uote\\')]
    with store.transaction():
        for i, (label, annotator, origin) in enumerate(names):
            store.conn.execute('INSERT INTO spans(article_id, start, "end", label, annotator, origin) '
                               "VALUES (?, ?, ?, ?, ?, ?)", (article_id, i, i + 2, label, annotator, origin))
    [(_, keyed)] = list(articles_with_spans(store, [article_id], times=False, keys=True))
    [(_, rows)] = list(articles_with_spans(store, [article_id], times=False))
    assert [k[3] for k in keyed] == [span_key(label, annotator or "", origin or "") for label, annotator, origin
                                     in names]
    assert [(r[0], r[1], r[2], *split_span_key(r[3])) for r in keyed] == rows


def test_export_reads_span_keys_from_the_covering_index(store):
    from gui.store.datasets import SPAN_KEY

    plan = store.conn.execute(f'EXPLAIN QUERY PLAN SELECT article_id, start, "end", {SPAN_KEY} FROM spans '
                              'ORDER BY article_id, start, "end", id').fetchall()
    assert len(plan) == 1 and "COVERING INDEX idx_spans_article_marks" in plan[0][-1]  # no sort, no lookups
