"""Kill -9 at random moments while edits are being saved: nothing acknowledged is
lost, nothing half-written is kept, and the file stays a sound SQLite database."""

from __future__ import annotations

import os
import random
import signal
import time

from tests.reliability.conftest import start_worker
from tests.reliability.journal import (
    Acknowledged,
    connect,
    in_flight,
    integrity_problems,
    read_messages,
    replay_problems,
)

KILLS = 60


def _wait_ready(out, proc, timeout=30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and b'"ready"' in out.read_bytes():
            return
        time.sleep(0.005)


def test_kill_9_during_edits_loses_nothing_acknowledged(tagged_db, tmp_path):
    db, articles = tagged_db
    seed = int(os.environ.get("TAGDESK_KILL_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    acked_total = interrupted = 0
    for round_ in range(KILLS):
        conn = connect(db)
        expected = Acknowledged.from_db(conn)
        conn.close()
        out = tmp_path / f"worker-{round_}.jsonl"
        proc = start_worker(db, out, articles, seed=rng.randrange(1 << 30), name=f"k{round_}")
        if rng.random() < 0.85:
            _wait_ready(out, proc)       # mostly while editing ...
            time.sleep(rng.uniform(0.0, 0.25))
        else:
            time.sleep(rng.uniform(0.0, 0.4))  # ... sometimes while opening the database
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        stderr = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
        messages = read_messages(out)
        context = f"(round {round_}, seed {seed}; worker stderr: {stderr[-2000:]})"
        assert not [m for m in messages if "crash" in m or "error" in m], (messages[-3:], context)
        assert proc.returncode == -signal.SIGKILL, context

        for msg in messages:
            expected.apply(msg)
        acked_total += sum(1 for m in messages if "ack" in m)
        flight = in_flight(messages)
        interrupted += flight is not None
        conn = connect(db)
        try:
            assert integrity_problems(conn) == [], context
            assert replay_problems(conn) == [], context
            assert expected.problems(conn, flight) == [], context
        finally:
            conn.close()
    assert acked_total > 0, "the workers never got to edit: the test proved nothing"
    print(f"{KILLS} kills, {acked_total} acknowledged edits, {interrupted} kills inside an edit, seed {seed}")
