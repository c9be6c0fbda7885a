"""--map, --only, unknown labels, origins, annotators, spans onto articles already present."""

from __future__ import annotations

import json

from gui.core.importer import ImportOptions, import_paths
from tests.core.formats.helpers import stored

TEXT = "Petro denied the claim. Trump said 30 strikes would start."


def _ls_file(tmp_path):
    path = tmp_path / "export.jsonl"
    task = {"data": {"text": TEXT, "title": "Strikes"}, "annotations": [
        {"completed_by": {"email": "ed@news.org"}, "result": [
            {"type": "labels", "value": {"start": 0, "end": 22, "labels": ["Rejection"]}},
            {"type": "labels", "value": {"start": 24, "end": 58, "labels": ["Content"]}},
            {"type": "labels", "value": {"start": 35, "end": 45, "labels": ["Number"]}}]}],
            "predictions": [{"result": [{"type": "labels", "value": {"start": 0, "end": 5, "labels": ["X"]}}]}]}
    path.write_text(json.dumps(task) + "\n", encoding="utf-8")
    return path


def test_map_and_only_and_origin(store, tmp_path):
    path = _ls_file(tmp_path)
    report = import_paths(store, [path], options=ImportOptions(
        label_map={"Rejection": "DENIAL", "Content": "CLAIM", "Number": "STATISTIC"},
        only=frozenset({"DENIAL", "CLAIM"})))
    assert not report.refused
    article_id = report.files[0].added[0]
    spans = store.spans(article_id)
    assert [(s.start, s.end, s.label, s.annotator, s.origin) for s in spans] == [
        (0, 22, "DENIAL", "ed@news.org", "imported:labelstudio:export.jsonl"),
        (24, 58, "CLAIM", "ed@news.org", "imported:labelstudio:export.jsonl")]
    assert store.article(article_id).title == "Strikes"
    lines = "\n".join(report.lines())
    assert "1 span(s) left out by --only" in lines and "1 prediction(s) not imported" in lines


def test_unknown_label_refused_by_default_added_on_request(store, tmp_path):
    path = _ls_file(tmp_path)
    refused = import_paths(store, [path])
    assert "unknown label “Rejection”" in refused.refused[0].error and "line 1" in refused.refused[0].error
    assert store.article_count() == 0
    added = import_paths(store, [path], options=ImportOptions(new_labels=True))
    assert not added.refused and store.span_count() == 3
    assert {"Rejection", "Content", "Number"} <= store.label_names()
    assert any("added the new label “Content”" in line for line in added.lines())


def test_spans_come_onto_an_article_already_present_once(store, tmp_path):
    (tmp_path / "plain.txt").write_text(TEXT, encoding="utf-8")
    import_paths(store, [tmp_path / "plain.txt"])
    path = tmp_path / "tasks.jsonl"
    path.write_text(json.dumps({"text": TEXT, "spans": [{"start": 0, "end": 22, "label": "DENIAL"}]}) + "\n")
    first = import_paths(store, [path])
    assert first.added == 0 and first.duplicates == 1
    assert any("1 span(s) added to articles already present" in line for line in first.lines())
    again = import_paths(store, [path])
    assert any("already imported, nothing added" in line for line in again.lines())
    assert [(s.start, s.end, s.label) for s in store.spans(store.article_summaries()[0].id)] == [(0, 22, "DENIAL")]


def test_crlf_text_keeps_offsets_on_the_same_words(store, tmp_path):
    path = tmp_path / "crlf.jsonl"
    text = "Line one.\r\nPetro denied it."
    path.write_text(json.dumps({"text": text, "label": [[11, 16, "DENIAL"]]}) + "\n")
    import_paths(store, [path])
    (article_text, (_, spans)), = stored(store).items()
    assert article_text == "Line one.\nPetro denied it." and article_text[spans[0][0]:spans[0][1]] == "Petro"


def test_plain_text_csv_imports_articles_with_spans(store, tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text('title,text,label,start,end,annotator\nA,"Petro denied it.",DENIAL,0,5,ed\n'
                    'A,"Petro denied it.",CLAIM,6,15,ed\nB,"Second, with comma.",,,,\n', encoding="utf-8")
    report = import_paths(store, [path])
    assert report.added == 2 and not report.refused
    got = stored(store)
    assert got["Petro denied it."] == ("A", [(0, 5, "DENIAL", "ed"), (6, 15, "CLAIM", "ed")])
    assert got["Second, with comma."] == ("B", [])


def test_jsonl_shapes_are_detected_per_line(store, tmp_path):
    lines = [
        {"text": "Prodigy task one.", "spans": [{"start": 0, "end": 7, "label": "CLAIM"}], "_annotator_id": "p"},
        {"text": "Prodigy rejected.", "spans": [{"start": 0, "end": 7, "label": "CLAIM"}], "answer": "reject"},
        {"text": "Doccano new shape.", "label": [[0, 7, "THREAT"]]},
        {"text": "Doccano old shape.", "labels": [[8, 11, "DENIAL"]]},
        {"text": "Doccano entities here.", "entities": [{"id": 1, "label": "STATISTIC", "start_offset": 8,
                                                         "end_offset": 16}]},
        {"data": {"text": "Label Studio line."}, "annotations": [{"completed_by": 7, "result": [
            {"type": "labels", "value": {"start": 0, "end": 5, "text": "Label", "labels": ["CLAIM"]}}]}]},
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    report = import_paths(store, [path])
    assert report.added == 6 and not report.refused
    got = {text: spans for text, (_, spans) in stored(store).items()}
    assert got == {"Prodigy task one.": [(0, 7, "CLAIM", "p")], "Prodigy rejected.": [],
                   "Doccano new shape.": [(0, 7, "THREAT", "")], "Doccano old shape.": [(8, 11, "DENIAL", "")],
                   "Doccano entities here.": [(8, 16, "STATISTIC", "")], "Label Studio line.": [(0, 5, "CLAIM", "7")]}
    assert f"{path}: 1 span(s) of tasks answered reject or ignore not imported (line 2)" in report.lines()


def test_a_docbin_made_by_spacy_itself_imports_its_ents(store, tmp_path):
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    doc = nlp("Petro denied the claim.")
    doc.ents = [doc.char_span(0, 5, label="DENIAL")]
    DocBin(docs=[doc]).to_disk(tmp_path / "plain.spacy")
    report = import_paths(store, [tmp_path / "plain.spacy"])
    assert report.added == 1
    assert stored(store) == {"Petro denied the claim.": ("plain 1", [(0, 5, "DENIAL", "")])}


def test_a_tagdesk_csv_export_is_refused_with_a_reason(store, tmp_path):
    path = tmp_path / "spans.csv"
    path.write_text("article_id,title,label,start,end,text,annotator,origin,created,updated\n"
                    "1,T,CLAIM,0,5,Petro,,manual,,\n", encoding="utf-8")
    error = import_paths(store, [path]).refused[0].error
    assert f"{path}, line 1:" in error and "span export" in error and store.article_count() == 0


def test_csv_text_with_a_unicode_line_separator_stays_one_article(store, tmp_path):
    path = tmp_path / "ls.csv"
    path.write_text('title,text\nA,"First part\u2028second part, one article."\n', encoding="utf-8")
    report = import_paths(store, [path])
    assert report.added == 1 and list(stored(store)) == ["First part\u2028second part, one article."]
