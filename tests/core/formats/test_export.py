"""What each export writes, its filters, and that it never leaves a half-written file."""

from __future__ import annotations

import csv
import json

import pytest

from gui.core.formats.common import ExportOptions, ExportRefused
from gui.core.formats.export import export_dataset
from gui.core.formats.registry import FORMATS, DatasetFormat, register_format
from gui.core.model import Status
from tests.core.formats.helpers import add_article, add_suggestion, fresh_store, word_spans

T1 = "Trump said 30 strikes would start now."
T2 = "Petro denied the claim on Sunday."
T3 = "Nothing tagged here."


@pytest.fixture
def corpus(store):
    a = add_article(store, T1, "Strikes", word_spans(T1, (0, 5, "CLAIM"), (2, 3, "STATISTIC")), Status.DONE)
    b = add_article(store, T2, "Denial", [(0, 22, "DENIAL", "bob")], Status.IN_PROGRESS)
    c = add_article(store, T3, "Empty")
    add_suggestion(store, b, 26, 32, "STATISTIC", 0.75)
    return store, (a, b, c)


def _jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_prodigy_tasks(corpus, tmp_path):
    store, (a, b, c) = corpus
    report = export_dataset(store, tmp_path / "out.jsonl", "jsonl")
    tasks = _jsonl(tmp_path / "out.jsonl")
    assert report.articles == 3 and report.spans == 3 and [t["meta"]["article_id"] for t in tasks] == [a, b, c]
    first = tasks[0]
    assert first["answer"] == "accept" and "answer" not in tasks[1]
    assert first["meta"] == {"article_id": a, "title": "Strikes", "source": "test", "status": "done"}
    words = [t["text"] for t in first["tokens"]]
    assert words == ["Trump", "said", "30", "strikes", "would", "start", "now", "."]
    assert first["tokens"][0] == {"text": "Trump", "start": 0, "end": 5, "id": 0, "ws": True}
    assert first["spans"][1] == {"start": 11, "end": 21, "token_start": 2, "token_end": 3, "label": "STATISTIC",
                                 "text": "30 strikes", "annotator": "ann", "origin": "manual"}
    assert first["_annotator_id"] == "ann" and tasks[1]["_annotator_id"] == "bob"
    assert all(s["origin"] == "manual" for t in tasks for s in t["spans"])  # no suggestion unless asked


def test_hashes_are_stable_across_runs_and_databases(corpus, tmp_path):
    store, _ = corpus
    export_dataset(store, tmp_path / "one.jsonl", "jsonl")
    export_dataset(store, tmp_path / "two.jsonl", "jsonl")
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    other = fresh_store(tmp_path / "other.db")
    add_article(other, T1, "Strikes", word_spans(T1, (0, 5, "CLAIM"), (2, 3, "STATISTIC")), Status.DONE)
    export_dataset(other, tmp_path / "three.jsonl", "jsonl")
    one, three = _jsonl(tmp_path / "one.jsonl")[0], _jsonl(tmp_path / "three.jsonl")[0]
    assert (one["_input_hash"], one["_task_hash"]) == (three["_input_hash"], three["_task_hash"])
    assert one["_input_hash"] != _jsonl(tmp_path / "one.jsonl")[1]["_input_hash"]
    other.add_span(other.spans(1)[0].__class__(1, 0, 5, "THREAT"))
    export_dataset(other, tmp_path / "four.jsonl", "jsonl")
    four = _jsonl(tmp_path / "four.jsonl")[0]
    assert four["_input_hash"] == one["_input_hash"] and four["_task_hash"] != one["_task_hash"]
    other.close()


def test_filters_by_status_label_and_annotator(corpus, tmp_path):
    store, (a, b, c) = corpus
    cases = {ExportOptions(statuses=("done", "in_progress")): ([a, b], 3),
             ExportOptions(labels=("STATISTIC",)): ([a], 1),
             ExportOptions(annotator="bob"): ([b], 1),
             ExportOptions(statuses=("todo",)): ([c], 0)}
    for i, (options, (ids, spans)) in enumerate(cases.items()):
        report = export_dataset(store, tmp_path / f"{i}.jsonl", "jsonl", options)
        tasks = _jsonl(tmp_path / f"{i}.jsonl")
        assert [t["meta"]["article_id"] for t in tasks] == ids and report.spans == spans
        assert sum(len(t["spans"]) for t in tasks) == spans
    with pytest.raises(ExportRefused, match="NOPE"):
        export_dataset(store, tmp_path / "x.jsonl", "jsonl", ExportOptions(labels=("NOPE",)))


def test_pending_suggestions_go_to_label_studio_predictions(corpus, tmp_path):
    store, (a, b, c) = corpus
    export_dataset(store, tmp_path / "ls.json", "labelstudio", ExportOptions(suggestions=True))
    tasks = json.loads((tmp_path / "ls.json").read_text(encoding="utf-8"))
    assert [t["data"]["article_id"] for t in tasks] == [a, b, c]
    denial = tasks[1]
    assert denial["annotations"] == [{"tagdesk_annotator": "bob", "result": [
        {"id": "r0", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 0, "end": 22, "text": "Petro denied the claim", "labels": ["DENIAL"]}}]}]
    (prediction,) = denial["predictions"]
    assert prediction["score"] == 0.75 and prediction["result"][0]["score"] == 0.75
    assert prediction["result"][0]["value"]["text"] == "Sunday"
    export_dataset(store, tmp_path / "plain.json", "labelstudio")
    assert all("predictions" not in t for t in json.loads((tmp_path / "plain.json").read_text()))


def test_doccano_and_csv(corpus, tmp_path):
    store, (a, b, c) = corpus
    export_dataset(store, tmp_path / "d.jsonl", "doccano", ExportOptions(suggestions=True))
    lines = _jsonl(tmp_path / "d.jsonl")
    assert lines[1]["text"] == T2 and lines[1]["label"] == [[0, 22, "DENIAL"], [26, 32, "STATISTIC"]]
    export_dataset(store, tmp_path / "s.csv", "csv")
    with open(tmp_path / "s.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [(r["article_id"], r["label"], r["text"], r["annotator"]) for r in rows] == [
        (str(a), "CLAIM", "Trump said 30 strikes would start", "ann"), (str(a), "STATISTIC", "30 strikes", "ann"),
        (str(b), "DENIAL", "Petro denied the claim", "bob")]
    assert rows[0]["origin"] == "manual" and rows[0]["created"] and rows[0]["title"] == "Strikes"


def test_spacy_docbin_spans_ents_user_data_and_split(corpus, tmp_path):
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    store, (a, b, c) = corpus
    add_article(store, "Overlap: Trump threatened strikes.",
                "Overlap", [(9, 33, "CLAIM", ""), (15, 25, "THREAT", "")])
    export_dataset(store, tmp_path / "c.spacy", "spacy", ExportOptions(spans_key="news"))
    docs = list(DocBin().from_disk(tmp_path / "c.spacy").get_docs(Vocab()))
    assert [d.text for d in docs] == [T1, T2, T3, "Overlap: Trump threatened strikes."]
    assert [(s.text, s.label_) for s in docs[0].spans["news"]] == [
        ("Trump said 30 strikes would start", "CLAIM"), ("30 strikes", "STATISTIC")]
    assert [(e.text, e.label_) for e in docs[1].ents] == [("Petro denied the claim", "DENIAL")]
    assert docs[0].ents == () and docs[3].ents == ()  # overlapping spans: no ents
    assert docs[1].user_data["tagdesk"]["title"] == "Denial" and docs[1].user_data["tagdesk"]["article_id"] == b

    report = export_dataset(store, tmp_path / "split.spacy", "spacy", ExportOptions(split=0.5, seed=3))
    assert report.paths == [tmp_path / "split-train.spacy", tmp_path / "split-dev.spacy"]
    train = [d.user_data["tagdesk"]["article_id"] for d in
             DocBin().from_disk(tmp_path / "split-train.spacy").get_docs(Vocab())]
    dev = [d.user_data["tagdesk"]["article_id"] for d in DocBin().from_disk(tmp_path / "split-dev.spacy").get_docs(Vocab())]
    assert len(train) == 2 and len(dev) == 2 and sorted(train + dev) == [1, 2, 3, 4]
    again = export_dataset(store, tmp_path / "again.spacy", "spacy", ExportOptions(split=0.5, seed=3))
    assert [d.user_data["tagdesk"]["article_id"] for d in
            DocBin().from_disk(again.paths[0]).get_docs(Vocab())] == train


def test_conll_reports_what_it_leaves_out(corpus, tmp_path):
    store, (a, b, c) = corpus
    report = export_dataset(store, tmp_path / "c.conll", "conll")
    assert [str(d) for d in report.dropped] == [
        f"article {a} “Strikes” 11-21 STATISTIC: overlaps CLAIM 0-33, which was kept"]
    assert any("1 span(s) could not be written in conll" in line for line in report.lines())
    lines = (tmp_path / "c.conll").read_text().splitlines()
    assert lines[:4] == ["-DOCSTART- -X- O O", "", "Trump -X- _ B-CLAIM", "said -X- _ I-CLAIM"]


def test_never_overwrites_without_force(corpus, tmp_path):
    store, _ = corpus
    target = tmp_path / "out.jsonl"
    target.write_text("keep me")
    with pytest.raises(ExportRefused, match="already exists"):
        export_dataset(store, target, "jsonl")
    assert target.read_text() == "keep me"
    export_dataset(store, target, "jsonl", ExportOptions(force=True))
    assert len(_jsonl(target)) == 3
    (tmp_path / "folder").mkdir()
    with pytest.raises(ExportRefused):
        export_dataset(store, tmp_path / "folder", "brat")
    export_dataset(store, tmp_path / "folder", "brat", ExportOptions(force=True))
    assert (tmp_path / "folder" / "annotation.conf").exists()
    with pytest.raises(ExportRefused, match="is a file"):  # never a folder in place of a file
        export_dataset(store, target, "brat", ExportOptions(force=True))
    with pytest.raises(ExportRefused, match="is a folder"):
        export_dataset(store, tmp_path / "folder", "jsonl", ExportOptions(force=True))
    (tmp_path / "folder" / "thesis.docx").write_text("precious")
    with pytest.raises(ExportRefused, match="not a brat export"):
        export_dataset(store, tmp_path / "folder", "brat", ExportOptions(force=True))
    assert (tmp_path / "folder" / "thesis.docx").read_text() == "precious"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_cancel_leaves_nothing(corpus, tmp_path, fmt):
    store, _ = corpus
    seen = []

    def progress(done, total):
        seen.append((done, total))
        return done < 2

    out = tmp_path / "out" / f"data{FORMATS[fmt].suffix}"
    out.parent.mkdir()
    report = export_dataset(store, out, fmt, progress=progress)
    assert report.cancelled and seen[-1] == (2, 3)
    assert list(out.parent.iterdir()) == []


def test_a_failing_export_leaves_nothing(corpus, tmp_path):
    store, _ = corpus

    def write(items, path, options, report):
        with open(path, "w") as f:
            for item in items:
                f.write(item.article.text)
                raise OSError("disk full")

    register_format(DatasetFormat("failing", "Failing", ".txt", write))
    try:
        with pytest.raises(OSError, match="disk full"):
            export_dataset(store, tmp_path / "out.txt", "failing")
    finally:
        del FORMATS["failing"]
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("tagdesk.db")] == []
