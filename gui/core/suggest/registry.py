"""Which suggesters exist here and now: rules always; the learned model once one
was trained; a pretrained pipeline when one is installed or set in preferences.

Suggesters are cached per process: loading spaCy and a model takes seconds.
"""

from __future__ import annotations

import threading
from pathlib import Path

from gui.core.paths import data_dir

PRETRAINED_SETTING = "suggest.pretrained"  # a package name or a path to a saved pipeline
DEFAULT_PRETRAINED = "en_core_web_sm"
NAMES = ("rules", "model", "pretrained")

_lock = threading.Lock()
_cache: dict[tuple, object] = {}


class SuggesterUnavailable(Exception):
    """Shown as is: why a suggester cannot run (no model trained, no pipeline installed)."""


def models_dir() -> Path:
    return data_dir() / "models"


def pretrained_source(settings_value: str | None) -> str | None:
    """The pipeline to use: the setting, else en_core_web_sm if installed, else None."""
    if settings_value:
        return settings_value
    import importlib.util

    return DEFAULT_PRETRAINED if importlib.util.find_spec(DEFAULT_PRETRAINED) else None


def get_suggester(name: str, store=None, patterns_folder: Path | None = None):
    """A ready suggester by name; ``SuggesterUnavailable`` says why one cannot run."""
    if name == "rules":
        key = ("rules", str(patterns_folder or ""))
        with _lock:
            if key not in _cache:
                from gui.core.suggest.rules import RulesSuggester

                _cache[key] = RulesSuggester(patterns_folder)
            return _cache[key]
    if name == "model":
        from gui.core.suggest.learned import ModelSuggester, latest_model

        path = latest_model(models_dir())
        if path is None:
            raise SuggesterUnavailable("No model has been trained yet: run “tagdesk train” "
                                       "(or Learn from my tags) after marking some articles done.")
        key = ("model", str(path))
        with _lock:
            if key not in _cache:
                _cache[key] = ModelSuggester(path)
            return _cache[key]
    if name == "pretrained":
        from gui.core.suggest.pretrained import PretrainedSuggester

        source = pretrained_source(store.get_setting(PRETRAINED_SETTING) if store is not None else None)
        if source is None:
            raise SuggesterUnavailable(
                f"No pretrained spaCy pipeline is installed (install {DEFAULT_PRETRAINED} "
                f"or set a pipeline folder in preferences).")
        key = ("pretrained", source)
        with _lock:
            if key not in _cache:
                _cache[key] = PretrainedSuggester(source)
            return _cache[key]
    raise SuggesterUnavailable(f"There is no suggester “{name}”; choose one of {', '.join(NAMES)}.")


def available_suggesters(store=None) -> list:
    """Every suggester that can run now, rules first."""
    found = [get_suggester("rules")]
    for name in ("model", "pretrained"):
        try:
            found.append(get_suggester(name, store))
        except SuggesterUnavailable:
            pass
    return found


def forget_suggesters() -> None:
    """Drop the cache (after training a new model, or changing preferences)."""
    with _lock:
        _cache.clear()
