"""A demo database for the workspace screenshot: the seed articles, spans of all four
labels (one overlap) tagged as edits, so the history shows them; pending suggestions
are made by the app itself when the article opens.

    python tools/shot_workspace_db.py /tmp/demo.db
    PYTHON=python SHOT_DELAY=12 XDG_CONFIG_HOME=/tmp/demo-cfg tools/screenshot.sh docs/screenshot.png --db /tmp/demo.db
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gui.core.annotator import set_annotator  # noqa: E402
from gui.core.edits import AddSpan, perform  # noqa: E402
from gui.core.model import Span, Status  # noqa: E402
from gui.core.seeding import first_run  # noqa: E402
from gui.store import Store  # noqa: E402

TAGS = [("Colombian President Gustavo Petro said he sees a “real threat” of US military action against Colombia",
         "CLAIM"),
        ("“real threat” of US military action against Colombia", "THREAT"),
        ("Trump said a military operation targeting Colombia “sounds good,”", "THREAT"),
        ("605,000 people between 20 January and 10 December 2025", "STATISTIC"),
        ("1.9 million immigrants", "STATISTIC"),
        ("watch his ass", "THREAT"),
        ("language Petro condemned", "DENIAL")]


def main(path: Path) -> None:
    path.unlink(missing_ok=True)
    with Store(path) as store:
        first_run(store)
        set_annotator(store, "Maria Editor")
        aid = store.article_summaries()[0].id
        text = store.article(aid).text
        for phrase, label in TAGS:
            start = text.index(phrase)
            perform(store, AddSpan(aid, Span(aid, start, start + len(phrase), label, "Maria Editor")))
        store.set_status(aid, Status.IN_PROGRESS)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
