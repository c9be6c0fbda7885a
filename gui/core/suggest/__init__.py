"""Suggestions: spans proposed by rules, a pretrained pipeline or the learned model.

Nothing here imports spaCy at module level; each suggester loads it on first use.
Importing the package registers the suggestion edits with ``gui.core.edits``.
"""

from gui.core.suggest import edits as _edits  # noqa: F401  (registers AcceptSuggestion & co.)
