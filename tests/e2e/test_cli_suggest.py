"""tagdesk suggest / train / patterns check, run as real subprocesses."""

from __future__ import annotations

import json
from pathlib import Path

from gui.core.model import Span, Status
from gui.core.seeding import ensure_labels
from gui.store import Store
from tests.e2e.test_cli import tagdesk

EVAL = Path(__file__).resolve().parents[1] / "data" / "eval" / "eval.jsonl"


def test_suggest_all_then_one_article(tmp_path):
    db = tmp_path / "t.db"
    assert tagdesk("import", "--seeds", db=db).returncode == 0
    result = tagdesk("suggest", "--all", db=db)
    assert result.returncode == 0, result.stderr
    assert "suggested for 2 article(s) with rules" in result.stdout
    assert "CLAIM" in result.stdout and "Traceback" not in result.stderr
    with Store(db) as store:
        first = store.suggestions(1)
        assert {s.label for s in first} == {"CLAIM", "THREAT", "DENIAL", "STATISTIC"}
        assert all(s.suggester == "rules" for s in first)
        count = len(store.suggestions())

    again = tagdesk("suggest", "--article", "2", "--suggester", "rules", db=db)
    assert again.returncode == 0, again.stderr
    with Store(db) as store:
        assert len(store.suggestions()) == count  # re-suggesting replaces, never duplicates

    missing = tagdesk("suggest", "--article", "99", db=db)
    assert missing.returncode == 2 and "There is no article 99" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_model_suggester_before_training_and_train_with_too_few_tags(tmp_path):
    db = tmp_path / "t.db"
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    tagdesk("import", "--seeds", db=db)
    result = tagdesk("suggest", "--suggester", "model", db=db, env=env)
    assert result.returncode == 2 and "No model has been trained yet" in result.stderr
    result = tagdesk("train", db=db, env=env)
    assert result.returncode == 2
    assert "needs 25 more tagged span(s) (0 of 25)" in result.stderr and "Traceback" not in result.stderr


def test_train_then_suggest_with_the_model(tmp_path):
    db = tmp_path / "t.db"
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    with Store(db) as store:
        ensure_labels(store)
        for line in EVAL.read_text(encoding="utf-8").splitlines()[2:]:  # the short written texts
            record = json.loads(line)
            aid = store.add_article(record["text"], record["id"])
            for s in record["spans"]:
                store.add_span(Span(aid, s["start"], s["end"], s["label"], annotator="ana"))
            store.set_status(aid, Status.DONE)
    result = tagdesk("train", "--epochs", "3", db=db, env=env)
    assert result.returncode == 0, result.stderr
    assert "model 1 saved in" in result.stdout and "CLAIM" in result.stdout
    assert "Training: epoch 3 of 3" in result.stderr  # progress goes to stderr
    assert (tmp_path / "data" / "Tagdesk" / "models" / "spancat-v1" / "tagdesk.json").exists()

    result = tagdesk("suggest", "--suggester", "model", "--suggester", "rules", db=db, env=env)
    assert result.returncode == 0, result.stderr
    assert "with model, rules" in result.stdout


def test_patterns_check_names_file_and_line_and_keeps_the_rest(tmp_path):
    assert tagdesk("patterns", "check").returncode == 0
    folder = tmp_path / "patterns"
    folder.mkdir()
    (folder / "claim.jsonl").write_text(
        '{"id": "said", "pattern": [{"LOWER": "said"}], "extend": "sentence"}\n'
        '{"id": "broken", "pattern": [{"LOWER": "told"}\n', encoding="utf-8")
    (folder / "denial.jsonl").write_text('{"pattern": [{"LOWER": "denied"}], "extend": "potato"}\n'
                                         '{"pattern": [{"LOWER": "refuted"}]}\n', encoding="utf-8")
    result = tagdesk("patterns", "check", "--folder", str(folder))
    assert result.returncode == 2
    assert f"{folder / 'claim.jsonl'}:2: not valid JSON" in result.stderr
    assert f"{folder / 'denial.jsonl'}:1: \"extend\" must be one of" in result.stderr
    assert "2 suggesting pattern(s) usable" in result.stdout and "CLAIM 1, DENIAL 1" in result.stdout
    assert "Traceback" not in result.stderr


def test_patterns_copy_makes_an_editable_copy_that_is_then_used(tmp_path):
    env = {"XDG_DATA_HOME": str(tmp_path / "data")}
    result = tagdesk("patterns", "copy", env=env)
    assert result.returncode == 0 and "4 file(s) copied" in result.stdout
    user = tmp_path / "data" / "Tagdesk" / "patterns"
    (user / "denial.jsonl").write_text('{"id": "denied", "pattern": [{"LOWER": "denied"}]}\n', encoding="utf-8")
    result = tagdesk("patterns", "check", env=env)
    assert result.returncode == 0, result.stderr
    assert str(user) in result.stdout and "DENIAL 1" in result.stdout
    assert "0 file(s) copied" in tagdesk("patterns", "copy", env=env).stdout  # the edits are kept
