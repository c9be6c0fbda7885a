"""First run: the default labels and the seed articles."""

from __future__ import annotations

import json

from gui.core.labels import default_labels
from gui.core.paths import seeds_dir
from gui.core.textfile import read_text_file
from gui.store import DuplicateArticle, Store

SEEDED_KEY = "seeded"


def ensure_labels(store: Store) -> list[str]:
    return store.ensure_labels(default_labels())


def import_seeds(store: Store) -> list[int]:
    """Import the bundled seed articles (titles from ``seeds/index.json``)."""
    folder = seeds_dir()
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    added = []
    with store.transaction():
        for entry in index["articles"]:
            text = read_text_file(folder / entry["file"]).text
            try:
                added.append(store.add_article(text, entry["title"], entry.get("source", ""),
                                               {"seed": entry["file"]}))
            except DuplicateArticle:
                pass
        store.set_setting(SEEDED_KEY, "1")
    return added


def first_run(store: Store) -> list[int]:
    """Labels always; seeds once, into a database that has never held articles."""
    ensure_labels(store)
    if store.get_setting(SEEDED_KEY) is None and store.article_count() == 0:
        return import_seeds(store)
    return []
