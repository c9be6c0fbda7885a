"""The Prodigy JSONL export writes exactly the bytes it wrote before it was made
faster: the golden files came from the export as it was, for the same database."""

from __future__ import annotations

import pytest

from gui.core.formats.export import export_dataset
from tests.core.formats.golden_corpus import CASES, GOLDEN, build
from tests.core.formats.helpers import fresh_store


@pytest.fixture(scope="module")
def golden_store(tmp_path_factory):
    store = fresh_store(tmp_path_factory.mktemp("golden") / "golden.db")
    build(store)
    yield store
    store.close()


@pytest.mark.parametrize("name, options", CASES, ids=[name for name, _ in CASES])
def test_export_is_byte_identical_to_golden(golden_store, tmp_path, name, options):
    out = tmp_path / name
    export_dataset(golden_store, out, "jsonl", options)
    written, expected = out.read_bytes(), (GOLDEN / name).read_bytes()
    assert written.count(b"\n") == expected.count(b"\n")
    for n, (ours, theirs) in enumerate(zip(written.split(b"\n"), expected.split(b"\n")), 1):
        assert ours == theirs, f"{name} line {n} differs"
    assert written == expected


def test_golden_corpus_is_varied(golden_store):
    """The corpus holds what the byte check is meant to cover."""
    conn = golden_store.conn
    texts = [r[0] for r in conn.execute("SELECT text FROM articles")]
    assert "" in texts and any(ord(c) > 0xFFFF for t in texts for c in t)
    assert any(not c.isprintable() and not c.isspace() for t in texts for c in t)
    assert conn.execute("SELECT count(*) FROM spans WHERE annotator IS NULL").fetchone()[0] > 0
    assert conn.execute("SELECT count(*) FROM spans WHERE origin IS NULL").fetchone()[0] > 0
    overlapping = conn.execute("SELECT count(*) FROM spans a JOIN spans b ON a.article_id = b.article_id "
                               'AND a.id < b.id AND a.start < b."end" AND b.start < a."end"').fetchone()[0]
    assert overlapping > 10
    assert conn.execute("SELECT count(*) FROM suggestions WHERE status = 'pending'").fetchone()[0] > 5


NAMES = [("CLAIM", "", ""), ("Zitat “ü”", "Zoë 😀", "imported:jsonl:x.jsonl"), ("a,b", "1,2,", ",,"),
         ("L", "nul\x00inside", "q\"uote\\")]


@pytest.mark.parametrize("label, annotator, origin", NAMES)
def test_span_key_round_trip(label, annotator, origin):
    from gui.core.formats.common import span_key, split_span_key

    assert split_span_key(span_key(label, annotator, origin)) == (label, annotator, origin)


def test_export_item_rows_and_keyed_agree():
    from gui.core.formats.common import ExportItem, span_key
    from gui.core.model import Article

    article = Article(id=1, title="t", text="abc")
    rows = [(1, 0, 1, *names) for names in NAMES]
    keyed = [(1, 0, 1, span_key(*names)) for names in NAMES]
    assert ExportItem(article, rows=rows).keyed == keyed
    assert ExportItem(article, keyed=keyed).rows == rows
