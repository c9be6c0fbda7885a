"""The rules suggester gives, byte for byte, what it gave before its speed-ups
(``tests/data/golden/rules_suggestions.jsonl``, see ``tests.core.suggest.golden``)."""

from __future__ import annotations

import difflib

import pytest

from tests.core.suggest.golden import GOLDEN, golden_output


@pytest.mark.parametrize("batch_size", [64, 5])
def test_suggestions_are_identical_to_the_golden_file(tmp_path, batch_size):
    expected = GOLDEN.read_text(encoding="utf-8")
    found = golden_output(tmp_path, batch_size=batch_size)
    if found != expected:
        diff = difflib.unified_diff(expected.splitlines(), found.splitlines(), "golden", "now", lineterm="", n=0)
        pytest.fail("suggestions differ from the golden file:\n" + "\n".join(list(diff)[:40]))
