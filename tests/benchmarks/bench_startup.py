"""Start-up: ``python -m gui`` on an existing database, from process start until the
main window is shown (the process then quits), against a process showing a bare
PySide6 QMainWindow the same way. Target: <= 1.5x.

``python -m tests.benchmarks.bench_startup``
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.benchmarks.common import Result, print_results
from tests.benchmarks.procs import APP, BARE, env, run_shown

REPEAT = 7


def measure(corpus: Path | None) -> list[Result]:
    from gui.core.importer import import_paths
    from gui.core.seeding import first_run
    from gui.store import Store

    db = Path(tempfile.mkdtemp(prefix="bench-startup-")) / "startup.db"
    with Store(db) as store:  # a database in use: seeded, migrated, some articles
        first_run(store)
        if corpus is not None:
            import_paths(store, [corpus])
    environment = env()
    run_shown(APP + ["--db", str(db)], environment)  # warm the disk cache and QSettings once
    run_shown(BARE, environment)
    app_times, bare_times = [], []
    for _ in range(REPEAT):  # alternated; best of REPEAT
        app_times.append(run_shown(APP + ["--db", str(db)], environment)[0])
        bare_times.append(run_shown(BARE, environment)[0])
    app, bare = min(app_times), min(bare_times)
    return [Result("start-up to first window (python -m gui)", app, "bare PySide6 window process", bare,
                   "time", 1.5, note="" if app / bare <= 1.5 else
                   "bound: PySide6 type+enum set-up of the widgets used (the Qt namespace alone ~30 ms), "
                   "~45 modules and 8 dataclasses on the start path, building the window; next: fewer "
                   "classes before first paint (docks, dialogs), then lazy panels")]


if __name__ == "__main__":
    print_results(measure(Path(sys.argv[2]) if "--corpus" in sys.argv else None))
