"""Two worker threads that load spaCy for the first time at once (the tokenizer and the
suggester when an article opens) must both get a working spaCy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CODE = """
import threading
from gui.core.tokens import load_tokenizer
from gui.core.suggest.rules import RulesSuggester

errors = []
def run(fn):
    try:
        fn()
    except Exception as exc:
        errors.append(repr(exc))

threads = [threading.Thread(target=run, args=(f,)) for f in (load_tokenizer, lambda: RulesSuggester().suggest(['Officials said 30 people left.']))]
for t in threads: t.start()
for t in threads: t.join()
print(errors)
raise SystemExit(1 if errors else 0)
"""


def test_two_threads_loading_spacy_at_once_both_succeed():
    for _ in range(3):  # the race is not certain on every run; a few fresh processes catch it
        done = subprocess.run([sys.executable, "-c", CODE], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr[-2000:]
