"""The rules suggester on the seed articles, and its pattern files."""

from __future__ import annotations

import json

from gui.core.suggest.rules import RulesSuggester
from tests.core.suggest.conftest import spans_of

SEED0, SEED2 = "000_e079cc345460b2ca", "002_f6adad5d88b8c5a2"


def test_statistics_in_the_long_seed_cover_number_noun_and_qualifiers(rules, seed_texts):
    text = seed_texts[SEED0]
    stats = spans_of(rules.suggest([text])[0], text, "STATISTIC")
    for expected in ("605,000 people between 20 January and 10 December 2025", "1.9 million immigrants",
                     "more than 30 strikes", "more than 110 people", "just under an hour", "20 years"):
        assert expected in stats
    assert not any("180" in s or "37" in s for s in stats)  # a figure of speech, an age


def test_claims_cover_the_clause_with_its_attribution(rules, seed_texts):
    text = seed_texts[SEED0]
    claims = spans_of(rules.suggest([text])[0], text, "CLAIM")
    assert "Federal officials said she tried to run over agents with her car" in claims
    assert ("According to the BBC, Trump floated the idea of military action after US strikes on Venezuela "
            "and the seizure of Venezuelan leader Nicolas Maduro") in claims
    # a quotation with its speaker, across the sentences inside the quote
    assert ("“One, talking about peace with groups that are bandits. And the other, developing a military "
            "offensive against those who don’t want peace,” he said") in claims
    assert not any(c.startswith("If both sides shifted") for c in claims)  # a question is not a claim


def test_threats_and_denial_in_the_long_seed(rules, seed_texts):
    text = seed_texts[SEED0]
    found = rules.suggest([text])[0]
    threats = spans_of(found, text, "THREAT")
    assert "The BBC reported Trump repeatedly told Petro to “watch his ass,”" in threats
    assert any("we are going to start now hitting land" in t for t in threats)
    assert spans_of(found, text, "DENIAL") == ["Petro denied the claim and pushed back with his own biography"]


def test_short_seed(rules, seed_texts):
    text = seed_texts[SEED2]
    found = rules.suggest([text])[0]
    assert "Petro said the United States is treating other nations as part of a US 'empire'" in spans_of(
        found, text, "CLAIM")
    assert "It comes after Trump threatened Colombia with military action" in spans_of(found, text, "THREAT")
    assert "He also accused US Immigration and Customs Enforcement (ICE) agents of acting like 'Nazi brigades'" \
        in spans_of(found, text, "CLAIM")
    for s in found:
        assert 0 <= s.score <= 1 and s.suggester == "rules" and s.version and s.rule
        assert text[s.start:s.end] == text[s.start:s.end].strip()  # no space at either end


def test_written_texts_cover_denials_and_money(rules):
    text = ("The senator said on Sunday that she had not taken any money from the lobby group. "
            "Records show the group donated $25,000 to her campaign in 2023.")
    found = rules.suggest([text])[0]
    assert spans_of(found, text, "DENIAL") == [
        "The senator said on Sunday that she had not taken any money from the lobby group"]
    assert "$25,000" in spans_of(found, text, "STATISTIC")


def test_empty_and_blank_articles_give_no_suggestions(rules):
    assert rules.suggest(["", "   \n\n ", "Hello."]) == [[], [], []]


def _write(folder, name, rows):
    (folder / name).write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n",
                               encoding="utf-8")


def test_patterns_reload_when_a_file_changes(tmp_path):
    _write(tmp_path, "denial.jsonl", [{"id": "deny", "pattern": [{"LOWER": "denied"}], "extend": "sentence"}])
    rules = RulesSuggester(tmp_path)
    text = "Petro denied the claim. Trump rejected it."
    assert [(text[s.start:s.end], s.rule) for s in rules.suggest([text])[0]] == [
        ("Petro denied the claim", "deny")]
    before = rules.version
    _write(tmp_path, "denial.jsonl", [{"id": "reject", "pattern": [{"LOWER": "rejected"}], "extend": "sentence"},
                                      "// a comment line"])
    assert [(text[s.start:s.end], s.rule) for s in rules.suggest([text])[0]] == [
        ("Trump rejected it", "reject")]
    assert rules.version != before


def test_a_broken_pattern_is_reported_with_file_and_line_and_the_rest_work(tmp_path):
    _write(tmp_path, "denial.jsonl", [
        {"id": "ok", "pattern": [{"LOWER": "denied"}]},
        '{"id": "bad json", "pattern": [',
        {"id": "bad attr", "pattern": [{"LOWERCASE": "x"}]},
        {"id": "bad op", "pattern": [{"LOWER": "x", "OP": "??"}]},
    ])
    _write(tmp_path, "threat.jsonl", [{"id": "t", "pattern": [{"LOWER": "threatened"}], "extend": "sentence"}])
    rules = RulesSuggester(tmp_path)
    where = sorted((e.path.name, e.line) for e in rules.errors)
    assert where == [("denial.jsonl", 2), ("denial.jsonl", 3), ("denial.jsonl", 4)]
    assert all(str(e).startswith(str(tmp_path / "denial.jsonl") + ":") for e in rules.errors)
    text = "He denied it. She threatened them."
    assert {s.label for s in rules.suggest([text])[0]} == {"DENIAL", "THREAT"}
