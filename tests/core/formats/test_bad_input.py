"""A malformed line refuses the whole file, naming the file, the line and the reason;
nothing from that file reaches the database."""

from __future__ import annotations

import json

import pytest

from gui.core.importer import import_paths
from tests.core.formats.helpers import stored

GOOD = {"text": "Petro denied the claim.", "spans": [{"start": 0, "end": 5, "label": "DENIAL"}]}


def _jsonl(*objs_or_raw) -> str:
    return "".join((o if isinstance(o, str) else json.dumps(o)) + "\n" for o in objs_or_raw)


JSONL_CASES = {
    "bad JSON": (_jsonl(GOOD, '{"text": "Broken', GOOD), 2, "not valid JSON"),
    "outside the text (Prodigy)": (_jsonl(GOOD, {"text": "Short.", "spans": [{"start": 0, "end": 60,
                                                                             "label": "CLAIM"}]}), 2,
                                   "outside the text"),
    "end before start (doccano new)": (_jsonl({"text": "One two three.", "label": [[0, 3, "CLAIM"]]},
                                              {"text": "Four five.", "label": [[5, 2, "CLAIM"]]}), 2,
                                       "ends before it starts"),
    "end before start (doccano old)": (_jsonl({"text": "Four five.", "labels": [[5, 2, "CLAIM"]]}), 1,
                                       "ends before it starts"),
    "text does not match (Prodigy)": (_jsonl(GOOD, GOOD | {"text": "Other text here."},
                                             {"text": "Trump said so.", "spans": [
                                                 {"start": 0, "end": 5, "label": "CLAIM", "text": "Biden"}]}),
                                      3, "'Biden'"),
    "text does not match (Label Studio)": (_jsonl({"data": {"text": "Trump said so."}, "annotations": [
        {"result": [{"type": "labels", "value": {"start": 0, "end": 5, "text": "Trum", "labels": ["CLAIM"]}}]}]}),
        1, "'Trum'"),
    "not an object": (_jsonl(GOOD, "[1, 2]"), 2, "expected a JSON object"),
    "unknown shape": (_jsonl({"body": "x"}), 1, "neither a Prodigy"),
    "unknown label": (_jsonl(GOOD, {"text": "Markets fell.", "spans": [{"start": 0, "end": 7,
                                                                       "label": "Content"}]}), 2,
                      "unknown label “Content”"),
}


@pytest.mark.parametrize("case", sorted(JSONL_CASES))
def test_bad_jsonl_line_refuses_the_whole_file(store, tmp_path, case):
    content, line, reason = JSONL_CASES[case]
    path = tmp_path / "tasks.jsonl"
    path.write_text(content, encoding="utf-8")
    before = stored(store)
    report = import_paths(store, [path])
    assert len(report.refused) == 1
    error = report.refused[0].error
    assert f"{path}, line {line}:" in error and reason in error
    assert stored(store) == before and store.span_count() == 0 and store.article_count() == 0


def test_bad_label_studio_json_names_the_task_line(store, tmp_path):
    path = tmp_path / "ls.json"
    tasks = [{"data": {"text": "A fine task."}},
             {"data": {"text": "Bad task."}, "annotations": [{"result": [
                 {"type": "labels", "value": {"start": 4, "end": 99, "labels": ["CLAIM"]}}]}]}]
    path.write_text("[\n" + ",\n".join(json.dumps(t) for t in tasks) + "\n]\n", encoding="utf-8")
    report = import_paths(store, [path])
    assert f"{path}, line 3:" in report.refused[0].error and "outside the text" in report.refused[0].error
    broken = tmp_path / "broken.json"
    broken.write_text('[\n{"data": {"text": "x"}},\n{"data": \n', encoding="utf-8")
    assert f"{broken}, line 4:" in import_paths(store, [broken]).refused[0].error
    assert store.article_count() == 0


def test_bad_brat_line_refuses_the_pair(store, tmp_path):
    (tmp_path / "doc.txt").write_text("Petro denied the claim.", encoding="utf-8")
    (tmp_path / "doc.ann").write_text("T1\tDENIAL 0 5\tPetro\nT2\tCLAIM 17 99\tclaim.\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text("Trump said so.", encoding="utf-8")
    (tmp_path / "other.ann").write_text("T1\tCLAIM 0 5\tTrump\nT2\tCLAIM five six\tsaid\n", encoding="utf-8")
    (tmp_path / "third.txt").write_text("Markets fell.", encoding="utf-8")
    (tmp_path / "third.ann").write_text("T1\tCLAIM 0 7\tMarket\n", encoding="utf-8")
    report = import_paths(store, [tmp_path])
    errors = sorted(f.error for f in report.refused)
    assert len(errors) == 3
    assert f"{tmp_path / 'doc.ann'}, line 2:" in errors[0] and "outside the text" in errors[0]
    assert f"{tmp_path / 'other.ann'}, line 2:" in errors[1] and "bad offsets" in errors[1]
    assert f"{tmp_path / 'third.ann'}, line 1:" in errors[2] and "does not match" in errors[2]
    assert store.article_count() == 0, "the .txt of a refused pair is not imported on its own"


def test_bad_csv_row_refuses_the_file(store, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("title,text,label,start,end\nA,Petro denied it.,DENIAL,0,5\nB,Trump said so.,CLAIM,9,x\n",
                    encoding="utf-8")
    report = import_paths(store, [path])
    assert f"{path}, line 3:" in report.refused[0].error and "whole number" in report.refused[0].error
    no_text = tmp_path / "notext.csv"
    no_text.write_text("title,body\nA,B\n", encoding="utf-8")
    assert "no “text” column" in import_paths(store, [no_text]).refused[0].error
    assert store.article_count() == 0


def test_bad_docbin_refuses_the_file(store, tmp_path):
    path = tmp_path / "corpus.spacy"
    path.write_bytes(b"\x92\xa3not a docbin at all")
    report = import_paths(store, [path])
    assert str(path) in report.refused[0].error and "not a spaCy DocBin" in report.refused[0].error
    assert store.article_count() == 0


def test_refused_file_keeps_no_new_label(store, tmp_path):
    from gui.core.importer import ImportOptions

    path = tmp_path / "tasks.jsonl"
    path.write_text(_jsonl({"text": "Markets fell.", "spans": [{"start": 0, "end": 7, "label": "Content"}]},
                           '{"text": '), encoding="utf-8")
    report = import_paths(store, [path], options=ImportOptions(new_labels=True))
    assert "line 2" in report.refused[0].error
    assert "Content" not in store.label_names() and store.article_count() == 0
