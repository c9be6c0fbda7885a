"""The self-test the frozen app runs (``Tagdesk --self-test``), run here from source."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from gui import selftest

ROOT = Path(__file__).resolve().parents[2]


def test_every_step_passes_and_the_summary_names_them():
    out, err = io.StringIO(), io.StringIO()
    assert selftest.run(out, err) == 0, out.getvalue() + err.getvalue()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Tagdesk ") and "from source" in lines[0]
    assert [line.split(". ", 1)[1].split(" (")[0] for line in lines[1:-1]] == [s.name for s in selftest.STEPS]
    assert all(line.startswith("ok ") for line in lines[1:-1])
    assert lines[-1].startswith(f"self-test passed: {len(selftest.STEPS)} steps")
    assert err.getvalue() == ""


def test_a_failing_step_stops_the_run_names_itself_and_returns_1():
    def broken(ctx):
        raise selftest.SelfTestFailure("spaCy's en data is missing")

    ran_after = []
    steps = [*selftest.STEPS[:2], selftest.Step("broken", broken),
             selftest.Step("after", lambda ctx: ran_after.append(1) or "ran")]
    out, err = io.StringIO(), io.StringIO()
    assert selftest.run(out, err, steps) == 1
    assert "FAIL 3. broken: SelfTestFailure: spaCy's en data is missing" in err.getvalue()
    assert ran_after == [] and "self-test passed" not in out.getvalue()


def test_the_export_step_writes_every_stored_span_with_its_text(tmp_path):
    ctx = selftest.Context(tmp_path)
    try:
        for step in selftest.STEPS:
            step.run(ctx)
        records = [json.loads(line) for line in ctx.export_path.read_text(encoding="utf-8").splitlines()]
        stored = {(s.start, s.end, s.label) for s in ctx.store.spans(ctx.article_id)}
        article = next(r for r in records if r["meta"]["article_id"] == ctx.article_id)
        assert {(s["start"], s["end"], s["label"]) for s in article["spans"]} == stored
        tokens = article["tokens"]
        for span in article["spans"]:
            assert tokens[span["token_start"]]["start"] <= span["start"]
            assert tokens[span["token_end"]]["end"] >= span["end"]
    finally:
        ctx.store.close()


def test_tagdesk_self_test_flag_runs_it_without_touching_the_default_database(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TAGDESK_DB": str(tmp_path / "user.db")}
    result = subprocess.run([sys.executable, "-m", "gui", "--self-test"], capture_output=True, text=True,
                            env=env, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert not (tmp_path / "user.db").exists()
