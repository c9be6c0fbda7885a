"""A child process that opens (creating and migrating) a database the moment a
start file appears, as the window and a command started together would.
Prints "opened" or the error. Run by test_two_writers.py, never by pytest."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from gui.core.seeding import ensure_labels  # noqa: E402
from gui.store import Store  # noqa: E402

db, go = Path(sys.argv[1]), Path(sys.argv[2])
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
try:
    with Store(db) as store:
        ensure_labels(store)
    print("opened", flush=True)
except Exception as exc:  # noqa: BLE001 (the test reports any failure)
    print(f"failed: {type(exc).__name__}: {exc}", flush=True)
