from __future__ import annotations

import json
from pathlib import Path

import pytest

from gui.core.paths import seeds_dir
from gui.core.textfile import read_text_file

EVAL = Path(__file__).resolve().parents[2] / "data" / "eval" / "eval.jsonl"


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {name: read_text_file(seeds_dir() / f"{name}.txt").text
            for name in ("000_e079cc345460b2ca", "002_f6adad5d88b8c5a2")}


@pytest.fixture(scope="session")
def eval_records() -> list[dict]:
    return [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="session")
def rules():
    from gui.core.suggest.rules import RulesSuggester

    return RulesSuggester()


def spans_of(suggestions, text, label):
    return [text[s.start:s.end] for s in suggestions if s.label == label]
