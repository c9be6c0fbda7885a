"""Checking a database against what a worker acknowledged (tests/reliability/edit_worker.py).

The edit log is the journal: replaying its ``done`` rows in order must give exactly
the spans table (nothing half-written), and every edit a worker acknowledged must
be in it in the state the worker was told (nothing lost).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path


def read_messages(path: Path) -> list[dict]:
    """The worker's complete lines (a kill can cut the last one short)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return [json.loads(line) for line in text.splitlines(keepends=True) if line.endswith("\n")]


def connect(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
    problems += [f"foreign key: {r}" for r in conn.execute("PRAGMA foreign_key_check")]
    return problems


def log_states(conn: sqlite3.Connection) -> dict[int, tuple[int, str]]:
    return {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, article_id, state FROM edit_log")}


def replay_problems(conn: sqlite3.Connection) -> list[str]:
    """Replaying the done edits in order must give the spans table, field for field."""
    spans: dict[int, list] = {}
    problems = []
    for log_id, kind, payload in conn.execute(
            "SELECT id, kind, payload FROM edit_log WHERE state = 'done' ORDER BY id"):
        p = json.loads(payload)
        if kind == "add_span":
            s = p["span"]
            spans[s["id"]] = [s["article_id"], s["start"], s["end"], s["label"]]
        elif kind == "remove_span":
            if spans.pop(p["span"]["id"], None) is None:
                problems.append(f"log {log_id} removes span {p['span']['id']} that no done edit added")
        elif kind in ("relabel", "resize"):
            span = spans.get(p["span_id"])
            if span is None:
                problems.append(f"log {log_id} ({kind}) changes span {p['span_id']} that no done edit added")
            elif kind == "relabel":
                span[3] = p["label"]
            else:
                span[1], span[2] = p["start"], p["end"]
        else:
            problems.append(f"log {log_id}: unknown kind {kind}")
    stored = {r[0]: list(r[1:]) for r in conn.execute(
        'SELECT id, article_id, start, "end", label FROM spans')}
    for span_id in sorted(set(spans) | set(stored)):
        if spans.get(span_id) != stored.get(span_id):
            problems.append(f"span {span_id}: edit log says {spans.get(span_id)}, "
                            f"spans table has {stored.get(span_id)}")
    return problems


@dataclass
class Acknowledged:
    """What the workers were told: the state of each edit-log row."""

    states: dict[int, tuple[int, str]] = field(default_factory=dict)  # log id -> (article, state)

    @classmethod
    def from_db(cls, conn: sqlite3.Connection) -> Acknowledged:
        return cls(log_states(conn))

    def apply(self, msg: dict) -> None:
        if msg.get("ack") == "perform":
            for log_id, (article, state) in list(self.states.items()):
                if article == msg["article"] and state == "undone":
                    del self.states[log_id]  # log_edit drops the redo branch
            self.states[msg["log"]] = (msg["article"], "done")
        elif msg.get("ack") in ("undo", "redo"):
            self.states[msg["log"]] = (msg["article"], "undone" if msg["ack"] == "undo" else "done")

    def problems(self, conn: sqlite3.Connection, in_flight: dict | None) -> list[str]:
        """Differences between the database and the acknowledged states, allowing
        the one edit that was in flight (tried, not acknowledged) to have either
        committed whole or not at all."""
        actual = log_states(conn)
        out = []
        flight_article = in_flight.get("article") if in_flight else None
        flight_log = in_flight.get("log") if in_flight else None
        flight_kind = in_flight.get("try") if in_flight else None
        for log_id, (article, state) in self.states.items():
            got = actual.get(log_id)
            if got == (article, state):
                continue
            if flight_kind == "undo" and flight_log == log_id and got == (article, "undone"):
                continue
            if flight_kind == "redo" and flight_log == log_id and got == (article, "done"):
                continue
            if (flight_kind == "perform" and flight_article == article and state == "undone"
                    and got in (None, (article, "done"))):
                continue  # dropped by the in-flight edit, whose new row may reuse the id
            out.append(f"acknowledged edit-log row {log_id} ({state}, article {article}) "
                       f"is {'missing' if got is None else got[1]} in the database")
        extra = sorted(set(actual) - set(self.states))
        if extra:
            if not (flight_kind == "perform" and len(extra) == 1
                    and actual[extra[0]] == (flight_article, "done")):
                out.append(f"edit-log rows nobody acknowledged: {extra} (in flight: {in_flight})")
        return out


def in_flight(messages: list[dict]) -> dict | None:
    """The last edit tried and not acknowledged, if the worker died inside one."""
    last_try = None
    for msg in messages:
        if "try" in msg:
            last_try = msg
        elif "ack" in msg:
            last_try = None
    return last_try
