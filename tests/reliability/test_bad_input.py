"""Bad input for every importer registered in READERS (formats added later are
fuzzed too): no input raises, each refusal names the file (and line), and a refused
file leaves the database byte-for-byte as it was (its SQL dump compared)."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import string
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gui
from gui.core.importer import READERS, import_paths
from tests.reliability.bad_files import bad_files


def _load_every_reader() -> list[str]:
    """Import the plain-Python modules, so every format registers its reader."""
    for info in pkgutil.walk_packages(gui.__path__, "gui."):
        if info.name.startswith(("gui.core", "gui.store", "gui.commands", "gui.formats")):
            importlib.import_module(info.name)
    from gui.cli import COMMAND_MODULES

    for name in COMMAND_MODULES:
        importlib.import_module(name)
    return sorted(READERS)


SUFFIXES = _load_every_reader()


def dump(store) -> str:
    return "\n".join(store.conn.iterdump())


def check_import(store, path: Path, must_refuse: bool = False, line: int | None = None):
    """Import one file and check the promises; returns the file's result."""
    before = dump(store)
    report = import_paths(store, [path])  # must not raise, whatever the file holds
    (result,) = report.files
    for message in report.lines():
        message.encode("utf-8")  # printable: no lone surrogates from odd file names
    for warning in result.warnings:
        assert path.name in warning or path.stem in warning, f"a warning that does not name the file: {warning}"
    if result.refused:
        assert str(path) in result.error, f"a refusal that does not name the file: {result.error}"
        if line is not None:
            assert f"line {line}" in result.error, f"a refusal that does not name line {line}: {result.error}"
        assert dump(store) == before, f"refusing {path.name} changed the database"
    else:
        assert not must_refuse, f"{path.name} was imported: {report.lines()}"
        for article_id in result.added:
            article = store.article(article_id)
            assert article.text.strip()
            for span in store.spans(article_id):
                assert 0 <= span.start < span.end <= len(article.text)
    return result


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_hand_made_bad_files_are_refused_by_name(store, tmp_path, suffix):
    for bad in bad_files(suffix):
        path = tmp_path / f"{bad.name}{suffix}"
        path.write_bytes(bad.data)
        check_import(store, path, bad.must_refuse, bad.line)
        path.unlink()  # the 50 MB one does not stay around


def test_the_huge_line_is_refused_before_it_is_read(store, tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (50 * 1024 * 1024))
    result = check_import(store, path, must_refuse=True)
    assert "MB" in result.error and store.article_count() == 0


def test_a_file_name_that_is_not_utf8_is_imported_and_printable(store, tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/caf\xe9 report.txt"
    with open(raw, "wb") as f:
        f.write(b"Prices rose 12% last year, the minister said.")
    report = import_paths(store, [folder])
    assert report.added == 1, report.lines()
    article = store.article(report.files[0].added[0])
    assert article.source.endswith("caf\ufffd report.txt")
    for message in report.lines():
        message.encode("utf-8")


def test_a_fifo_is_refused_instead_of_blocking(store, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = check_import(store, fifo, must_refuse=True)
    assert "not a regular file" in result.error


def test_a_directory_loop_through_a_symlink_ends(store, tmp_path):
    root = tmp_path / "loop"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text("An article inside a looping folder.")
    os.symlink(root, root / "sub" / "back_to_root")
    os.symlink(root / "sub", root / "sideways")
    report = import_paths(store, [root])
    assert report.added == 1 and not report.refused
    assert store.article_count() == 1


def test_a_file_that_vanishes_mid_import_is_refused_by_name(store, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    names = [f"{i:02}.txt" for i in range(5)]
    for i, name in enumerate(names):
        (folder / name).write_text(f"Article number {i} says prices rose.")

    def vanish(i, path):
        if i == 2:
            path.unlink()  # gone between listing the folder and reading it
        return True

    before_refused = dump(store)
    report = import_paths(store, [folder], progress=vanish)
    assert report.added == 4
    (refused,) = report.refused
    assert refused.path.name == "02.txt" and "02.txt" in refused.error and "exist" in refused.error
    assert "Article number 2" not in dump(store) and before_refused != dump(store)


# -- hypothesis: random bytes, random text, random JSON of the usual shapes --------------

KEYS = ["text", "spans", "start", "end", "label", "labels", "title", "meta", "tokens", "token_start",
        "token_end", "entities", "data", "annotations", "result", "value", "id", "source"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10_000) | st.floats(allow_nan=True)
    | st.text(max_size=40) | st.sampled_from(["CLAIM", "THREAT", "DENIAL", "STATISTIC", "GOSSIP"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(KEYS), children, max_size=5),
    max_leaves=12,
)
prodigy_like = st.builds(
    lambda text, spans: {"text": text, "spans": spans, "label": [[s["start"], s["end"], s["label"]] for s in spans]},
    st.text(min_size=0, max_size=80),
    st.lists(st.fixed_dictionaries({"start": st.integers(-3, 90), "end": st.integers(-3, 90),
                                    "label": st.sampled_from(["CLAIM", "THREAT", "DENIAL", "GOSSIP"])}),
             max_size=3),
)
json_lines = st.lists(st.one_of(json_values, prodigy_like), min_size=0, max_size=5).map(
    lambda values: "\n".join(json.dumps(v) for v in values).encode())
json_doc = st.lists(prodigy_like, max_size=3).map(lambda v: json.dumps(v).encode())
delimited = st.lists(st.lists(st.text(alphabet=string.printable, max_size=12), max_size=5), max_size=6).map(
    lambda rows: "\n".join(",".join(r) if i % 2 else "\t".join(r) for i, r in enumerate(rows)).encode())
encodings = st.tuples(st.text(max_size=300), st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "cp1252", "latin-1"])
                      ).map(lambda te: te[0].encode(te[1], "replace"))
file_contents = st.one_of(st.binary(max_size=2000), encodings, json_lines, json_doc, delimited)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_fuzzed_files_never_crash_the_import(store, suffix):
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))

    @settings(max_examples=60, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(data=file_contents)
    def run(data):
        path = folder / f"fuzzed{suffix}"
        path.write_bytes(data)
        check_import(store, path)

    run()
