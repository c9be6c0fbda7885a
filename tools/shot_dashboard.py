"""Screenshot the dashboard on a demo database: run under xvfb-run with QT_QPA_PLATFORM=xcb.

    xvfb-run -a -s "-screen 0 1400x900x24" env QT_QPA_PLATFORM=xcb \\
        python tools/shot_dashboard.py /tmp/demo.db docs/dashboard.png
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gui.core.model import Span, Status  # noqa: E402
from gui.core.seeding import ensure_labels, import_seeds  # noqa: E402
from gui.store import Store  # noqa: E402


def fill(store: Store) -> None:
    """Seed articles, three editors' spans over a week, and decided suggestions."""
    ensure_labels(store)
    import_seeds(store)
    rng = random.Random(6)
    texts = {s.id: store.article(s.id).text for s in store.article_summaries()}
    for i in range(8):
        aid = store.add_article(f"Briefing {i}. " + " ".join(rng.choice(list(texts.values())).split()[:400]),
                                f"Briefing {i}")
        texts[aid] = store.article(aid).text
    labels = ["CLAIM"] * 5 + ["STATISTIC"] * 3 + ["THREAT"] * 2 + ["DENIAL"]
    with store.transaction():
        for aid, text in texts.items():
            words = [m.span() for m in re.finditer(r"\w+", text)]
            for editor, share in (("ana", 30), ("ben", 18), ("carla", 9)):
                for _ in range(rng.randint(share // 2, share)):
                    i = rng.randrange(len(words) - 8)
                    day = rng.choice([18, 19, 19, 20, 21, 21, 21, 24, 25])
                    store.add_span(Span(aid, words[i][0], words[i + rng.randint(0, 6)][1], rng.choice(labels),
                                        editor, "manual", created=f"2026-11-{day:02d}T10:00:00.000+00:00"))
        ids = list(texts)
        for aid, status in zip(ids, [Status.DONE] * 4 + [Status.IN_PROGRESS] * 3 + [Status.SKIPPED]):
            store.set_status(aid, status)
        # The suggestions API belongs to another module; a demo writes the table's rows directly.
        for rule, label, p in (("number+noun", "STATISTIC", 0.8), ("said-clause", "CLAIM", 0.55),
                               ("denied-verb", "DENIAL", 0.7), ("threat-lexicon", "THREAT", 0.35)):
            for _ in range(rng.randint(25, 45)):
                status = rng.choices(["accepted", "rejected", "pending"], [p, 1 - p, 0.3])[0]
                store.db["suggestions"].insert({"article_id": rng.choice(ids), "start": 0, "end": 1,
                                                "label": label, "score": rng.random(), "suggester": "rules",
                                                "version": "1", "rule": rule, "status": status,
                                                "created": "2026-11-20"})


def main(db: str, out: str) -> int:
    from PySide6.QtCore import QTimer

    from gui.qt.app import make_application
    from gui.qt.dashboard import DashboardDialog

    store = Store(db)
    if store.article_count() == 0:
        fill(store)
    app = make_application()
    dialog = DashboardDialog(store)
    dialog.resize(1380, 860)

    def shoot(_stats) -> None:
        QTimer.singleShot(800, lambda: (dialog.grab().save(out), app.quit()))

    dialog.loaded.connect(shoot)
    dialog.show()
    app.exec()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
