from __future__ import annotations

import os

from gui.core.importer import import_paths
from gui.core.seeding import first_run


def test_import_folder_recursively_with_titles(store, tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "deep" / "deeper").mkdir(parents=True)
    (corpus / "a.txt").write_text("Strike warning\n\nTrump said strikes would start.", encoding="utf-8")
    (corpus / "deep" / "b.md").write_text("# Denial\n\nPetro denied the claim.", encoding="utf-8")
    (corpus / "deep" / "deeper" / "c_file.txt").write_text("No title line here. Just text.\nMore.")
    (corpus / "deep" / "image.png").write_bytes(b"\x89PNG\x00\x00")
    report = import_paths(store, [corpus])
    assert report.added == 3 and not report.refused
    titles = sorted(s.title for s in store.article_summaries())
    assert titles == ["Denial", "Strike warning", "c file"]


def test_importing_twice_adds_nothing_and_says_so(store, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Same article text.")
    import_paths(store, [f])
    report = import_paths(store, [f])
    assert report.added == 0 and report.duplicates == 1
    assert any("already imported" in line for line in report.lines())
    assert store.article_count() == 1


def test_refused_files_change_nothing_and_are_named(store, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"abc\x00def")
    good = tmp_path / "good.txt"
    good.write_text("A good article.")
    report = import_paths(store, [empty, binary, tmp_path / "missing.txt", tmp_path / "x.pdf", good])
    assert [os.path.basename(str(f.path)) for f in report.refused] == [
        "empty.txt", "bin.txt", "missing.txt", "x.pdf"]
    assert all(str(f.path) in f.error for f in report.refused)
    assert store.article_count() == 1


def test_cp1252_file_imports_with_a_warning(store, tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Caf\u00e9 owner says prices rose 12%.".encode("cp1252"))
    report = import_paths(store, [f])
    assert report.added == 1
    assert any("latin.txt" in w and "Windows-1252" in w for w in report.files[0].warnings)
    assert store.article(report.files[0].added[0]).text.startswith("Café")


def test_symlink_loop_ends(store, tmp_path):
    root = tmp_path / "loop"
    root.mkdir()
    (root / "a.txt").write_text("Looped article.")
    os.symlink(root, root / "again")
    report = import_paths(store, [root])
    assert report.added == 1 and report.duplicates == 0


def test_first_run_imports_seeds_once(store):
    assert len(first_run(store)) == 2
    titles = [s.title for s in store.article_summaries()]
    assert all(t and not t.endswith(".txt") for t in titles)
    assert first_run(store) == []
    for summary in store.article_summaries():
        store.conn.execute("DELETE FROM articles WHERE id = ?", (summary.id,))
    assert first_run(store) == []  # an editor who removed the seeds does not get them back
