"""A brat corpus with T, E, R, A, N and # lines and discontinuous spans."""

from __future__ import annotations

from gui.core.formats.export import export_dataset
from gui.core.importer import import_paths
from tests.core.formats.helpers import fresh_store

TEXT = ("Trump said strikes on land\nwould start now.\n"
        "Petro denied the claim, and said 30 strikes killed 110 people 😀 at sea.\n")


def _at(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def _corpus(folder):
    said, = [_at("Trump said strikes on land")]
    multi = (_at("strikes on land")[0], _at("land")[1]), (_at("would")[0], _at("now")[1])  # crosses a line break
    denied = _at("Petro denied the claim")
    stat = _at("30 strikes")
    people = _at("110 people")
    gap = (_at("said", 1), _at("strikes", 1))  # "said ... strikes": a real gap
    t_lines = [
        f"T1\tCLAIM {said[0]} {said[1]}\tTrump said strikes on land",
        f"T2\tTHREAT {multi[0][0]} {multi[0][1]};{multi[1][0]} {multi[1][1]}\tstrikes on land would start now",
        f"T3\tDENIAL {denied[0]} {denied[1]}\tPetro denied the claim",
        f"T4\tSTATISTIC {stat[0]} {stat[1]}\t30 strikes",
        f"T5\tSTATISTIC {people[0]} {people[1]}\t110 people",
    ]
    gap_line = f"T6\tCLAIM {gap[0][0]} {gap[0][1]};{gap[1][0]} {gap[1][1]}\tsaid strikes"
    other = ["E1\tTHREAT:T2 Agent:T1", "R1\tCause Arg1:T3 Arg2:T4", "A1\tNegated E1",
             "#1\tAnnotatorNotes T1\tchecked", "N1\tReference T3 Wikipedia:123\tPetro"]
    (folder / "story.txt").write_text(TEXT, encoding="utf-8")
    lines = [t_lines[0], other[0], t_lines[1], other[1], t_lines[2], gap_line, t_lines[3], t_lines[4], *other[2:]]
    (folder / "story.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "annotation.conf").write_text("[entities]\nCLAIM\n", encoding="utf-8")
    return t_lines, gap


def test_brat_corpus_imports_with_right_offsets_and_exports_identical_t_lines(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    t_lines, gap = _corpus(corpus)
    store = fresh_store(tmp_path / "t.db")
    report = import_paths(store, [corpus])
    assert not report.refused and report.added == 1, report.lines()
    article_id = report.files[0].added[0]
    spans = {(s.label, TEXT[s.start:s.end]) for s in store.spans(article_id)}
    assert spans == {("CLAIM", "Trump said strikes on land"), ("THREAT", "strikes on land\nwould start now"),
                     ("DENIAL", "Petro denied the claim"), ("STATISTIC", "30 strikes"),
                     ("STATISTIC", "110 people"), ("CLAIM", "said 30 strikes")}
    warnings = "\n".join(report.lines())
    assert "discontinuous span T6" in warnings and f"cut to its extent {gap[0][0]}-{gap[1][1]}" in warnings
    assert "discontinuous span T2" not in warnings  # split only at a line break: nothing is lost
    assert "5 non-T line(s) ignored (1 #, 1 A, 1 E, 1 N, 1 R)" in warnings
    assert all(s.origin == "imported:brat:story.ann" for s in store.spans(article_id))

    report = export_dataset(store, tmp_path / "out", "brat")
    written = (tmp_path / "out" / f"article-{article_id:05d}.ann").read_bytes()
    expected_gap = f"T4\tCLAIM {gap[0][0]} {gap[1][1]}\tsaid 30 strikes"  # sorted by start: it comes 4th
    expected = [*t_lines[:3], expected_gap, t_lines[3].replace("T4", "T5"), t_lines[4].replace("T5", "T6")]
    assert written == ("\n".join(expected) + "\n").encode("utf-8")
    assert (tmp_path / "out" / f"article-{article_id:05d}.txt").read_bytes() == TEXT.encode("utf-8")
    conf = (tmp_path / "out" / "annotation.conf").read_text()
    assert conf.startswith("[entities]\nCLAIM\nDENIAL\nSTATISTIC\nTHREAT\n")
    store.close()


def _exported_zip(tmp_path, db_name: str):
    """The brat corpus imported into a fresh store, exported to out.zip: (store, zip path)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _corpus(corpus)
    store = fresh_store(tmp_path / db_name)
    import_paths(store, [corpus])
    export_dataset(store, tmp_path / "out.zip", "brat")
    return store, tmp_path / "out.zip"


def test_brat_zip_export_holds_the_pairs(tmp_path):
    import zipfile

    store, _ = _exported_zip(tmp_path, "t.db")
    with zipfile.ZipFile(tmp_path / "out.zip") as z:
        assert sorted(z.namelist()) == ["annotation.conf", "article-00001.ann", "article-00001.txt"]
        assert z.read("article-00001.txt").decode("utf-8") == TEXT
    store.close()


def test_a_brat_zip_imports_whole_and_a_bad_file_in_it_refuses_all_of_it(tmp_path):
    import zipfile

    source, _ = _exported_zip(tmp_path, "source.db")
    (article,) = [s.id for s in source.article_summaries()]
    expected = sorted((s.start, s.end, s.label) for s in source.spans(article))
    source.close()

    target = fresh_store(tmp_path / "target.db")
    report = import_paths(target, [tmp_path / "out.zip"])
    assert report.added == 1 and not report.refused
    (imported,) = target.article_summaries()
    assert target.article(imported.id).text == TEXT
    assert sorted((s.start, s.end, s.label) for s in target.spans(imported.id)) == expected
    assert target.article(imported.id).source.endswith("out.zip/article-00001.txt")

    with zipfile.ZipFile(tmp_path / "out.zip") as z, zipfile.ZipFile(tmp_path / "bad.zip", "w") as bad:
        for name in z.namelist():
            bad.writestr(name, z.read(name))
        bad.writestr("second.txt", "Another story.\n")
        bad.writestr("second.ann", "T1\tCLAIM 0 7\tAnother\nT2\tCLAIM 3 99\tno\n")
    before = list(target.conn.iterdump())
    report = import_paths(target, [tmp_path / "bad.zip"])
    (refused,) = report.refused
    assert "bad.zip/second.ann, line 2" in refused.error
    assert list(target.conn.iterdump()) == before  # nothing of the archive went in
    (tmp_path / "junk.zip").write_bytes(b"PK\x03\x04 not really a zip")
    (junk,) = import_paths(target, [tmp_path / "junk.zip"]).refused
    assert "junk.zip" in junk.error and "zip" in junk.error
    with zipfile.ZipFile(tmp_path / "escape.zip", "w") as escape:
        escape.writestr("../outside.ann", "T1\tCLAIM 0 3\tAno\n")
        escape.writestr("../outside.txt", "Another story.\n")
    (escaped,) = import_paths(target, [tmp_path / "escape.zip"]).refused
    assert "outside the archive" in escaped.error and not (tmp_path / "outside.ann").exists()
    assert list(target.conn.iterdump()) == before
    target.close()
