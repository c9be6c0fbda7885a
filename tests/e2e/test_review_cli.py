"""agreement, merge, search and stats as real subprocesses."""

from __future__ import annotations

import json

from gui.core.model import Span
from gui.core.seeding import ensure_labels
from gui.store import Store
from tests.e2e.test_cli import tagdesk

TEXT = "aa bb cc dd ee ff gg hh ii jj"


def make_db(path, annotator, spans):
    with Store(path) as store:
        ensure_labels(store)
        aid = store.add_article(TEXT, "shared")
        for start, end, label in spans:
            store.add_span(Span(aid, start, end, label, annotator))


def test_merge_twice_then_agreement(tmp_path):
    ours, theirs = tmp_path / "ana.db", tmp_path / "ben.db"
    make_db(ours, "ana", [(0, 8, "CLAIM"), (9, 11, "STATISTIC")])
    make_db(theirs, "ben", [(3, 14, "CLAIM"), (9, 11, "STATISTIC")])
    first = tagdesk("merge", str(theirs), db=ours)
    assert first.returncode == 0, first.stderr
    assert "0 article(s) added, 1 matched; 2 span(s) added" in first.stdout
    second = tagdesk("merge", str(theirs), db=ours)
    assert "0 span(s) added, 2 already present" in second.stdout

    result = tagdesk("agreement", "--annotators", "ana,ben", "--json", db=ours)
    assert result.returncode == 0, result.stderr
    pair = json.loads(result.stdout)["pairs"][0]
    assert pair["exact"]["overall"]["f1"] == 0.5  # the partial-overlap example of tests/core
    assert pair["overlap"]["overall"]["f1"] == 1.0
    assert abs(pair["token_kappa"] - 5 / 11) < 1e-9
    text = tagdesk("agreement", db=ours).stdout
    assert "ana vs ben" in text and "articles that disagree most" in text

    bad = tagdesk("agreement", "--annotators", "ana,zoe", db=ours)
    assert bad.returncode == 2 and "no spans by zoe" in bad.stderr and "Traceback" not in bad.stderr


def test_search_tag_and_stats(tmp_path):
    db = tmp_path / "t.db"
    make_db(db, "ana", [])
    listed = tagdesk("search", "dd ee", db=db)
    assert listed.returncode == 0 and "1 hit(s) in 1 article(s)" in listed.stdout
    tagged = json.loads(tagdesk("search", "--regex", r"[a-c]{2}", "--tag", "CLAIM", "--annotator", "ana",
                                "--json", db=db).stdout)
    assert tagged["tagged"] == 3 and len(tagged["hits"]) == 3
    stats = json.loads(tagdesk("stats", "--json", db=db).stdout)
    assert stats["spans_by_label"]["CLAIM"] == 3 and stats["spans_by_annotator"] == {"ana": 3}
    again = json.loads(tagdesk("search", "--regex", r"[a-c]{2}", "--tag", "CLAIM", "--annotator", "ana",
                               "--json", db=db).stdout)
    assert again["tagged"] == 0  # already tagged: nothing doubled

    for args, message in ((["--regex", "(x"], "not a valid regular expression"),
                          (['"*'], "no word to search for"),
                          (["aa", "--tag", "NOPE"], "no label")):
        result = tagdesk("search", *args, db=db)
        assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
