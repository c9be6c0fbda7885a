"""Build an article's spaCy token index off the UI thread (spaCy loads there, once)."""

from __future__ import annotations

from gui.core.tokens import TokenIndex, spacy_token_offsets
from gui.qt.workers import Task


def token_index_task(text: str, parent=None) -> Task:
    """A Task whose ``finished`` carries the TokenIndex of ``text``. Connect, then start()."""
    return Task(lambda _progress: TokenIndex(text, spacy_token_offsets(text), "spacy"),
                "Loading the tokenizer", parent)
