"""tagdesk export / import with dataset options, as a real subprocess."""

from __future__ import annotations

import json

from tests.e2e.test_cli import tagdesk


def _task(text, spans, **extra):
    return json.dumps({"text": text, "spans": [{"start": s, "end": e, "label": lab} for s, e, lab in spans],
                       **extra}) + "\n"


def test_import_with_map_only_and_new_labels_then_export(tmp_path):
    db = tmp_path / "t.db"
    src = tmp_path / "foreign.jsonl"
    src.write_text(_task("Petro denied the claim. Markets fell 3%.", [(0, 22, "Rejection"), (24, 40, "Mood"),
                                                                      (37, 39, "Number")]), encoding="utf-8")
    refused = tagdesk("import", str(src), db=db)
    assert refused.returncode == 2 and "foreign.jsonl, line 1" in refused.stderr
    assert "unknown label “Rejection”" in refused.stderr and "Traceback" not in refused.stderr

    ok = tagdesk("import", str(src), "--map", "Rejection=DENIAL", "--map", "Number=STATISTIC",
                 "--only", "DENIAL,STATISTIC", db=db)
    assert ok.returncode == 0, ok.stderr
    assert "1 article(s) added" in ok.stdout and "1 span(s) left out by --only" in ok.stdout
    stats = json.loads(tagdesk("stats", "--json", db=db).stdout)
    assert {k: n for k, n in stats["spans_by_label"].items() if n} == {"DENIAL": 1, "STATISTIC": 1}

    other = tmp_path / "other.jsonl"
    other.write_text(_task("A new text about moods.", [(6, 10, "Mood")]), encoding="utf-8")
    added = tagdesk("import", str(other), "--new-labels", db=db)
    assert added.returncode == 0 and "added the new label “Mood”" in added.stdout
    assert "Mood" in tagdesk("labels", db=db).stdout

    out = tmp_path / "out.jsonl"
    first = tagdesk("export", "--format", "jsonl", str(out), "--labels", "DENIAL", db=db)
    assert first.returncode == 0, first.stderr
    assert "1 article(s), 1 span(s) written to" in first.stdout
    task = json.loads(out.read_text(encoding="utf-8"))
    assert [s["label"] for s in task["spans"]] == ["DENIAL"]
    assert task["spans"][0]["origin"] == "imported:jsonl:foreign.jsonl"

    again = tagdesk("export", "--format", "jsonl", str(out), db=db)
    assert again.returncode == 2 and "already exists" in again.stderr and "--force" in again.stderr
    forced = tagdesk("export", "--format", "jsonl", str(out), "--force", db=db)
    assert forced.returncode == 0 and len(out.read_text().splitlines()) == 2


def test_export_conll_reports_dropped_spans_and_spacy_split(tmp_path):
    db = tmp_path / "t.db"
    src = tmp_path / "in.jsonl"
    src.write_text(_task("Trump threatened 30 strikes today.", [(0, 27, "THREAT"), (17, 27, "STATISTIC")]) +
                   _task("Petro denied it.", [(0, 12, "DENIAL")]), encoding="utf-8")
    assert tagdesk("import", str(src), db=db).returncode == 0
    conll = tagdesk("export", "-f", "conll", str(tmp_path / "c.conll"), db=db)
    assert conll.returncode == 0
    assert "1 span(s) could not be written in conll" in conll.stdout
    assert "article 1 “in 1” 17-27 STATISTIC: overlaps THREAT 0-27" in conll.stderr  # title: file and line
    split = tagdesk("export", "-f", "spacy", str(tmp_path / "c.spacy"), "--split", "0.5", "--seed", "1", db=db)
    assert split.returncode == 0, split.stderr
    assert (tmp_path / "c-train.spacy").exists() and (tmp_path / "c-dev.spacy").exists()
    bad = tagdesk("export", "-f", "csv", str(tmp_path / "x.csv"), "--status", "finished", db=db)
    assert bad.returncode == 2 and "unknown status finished" in bad.stderr
