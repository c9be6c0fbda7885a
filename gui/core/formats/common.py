"""What every dataset format shares: the export item, the report, tokens, hashes,
span checks for importers and writing a file so that it appears whole or not at all."""

from __future__ import annotations

import gc
import hashlib
import json
import os
import secrets
import shutil
import threading
from collections import namedtuple
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import starmap
from pathlib import Path

from gui.core.formats.tokens import token_offsets, token_range, tokenize  # noqa: F401 (re-exported)
from gui.core.model import Article, Span, Suggestion
from gui.core.textfile import RefusedFile

# A span as the store reads it for an export: a plain row in this column order; rows
# read without timestamps stop after ``origin``.
SpanRow = namedtuple("SpanRow", "article_id start end label annotator origin created updated",
                     defaults=("", ""))


def span_key(label: str, annotator: str, origin: str) -> str:
    """A span's label, annotator and origin as one string, the way the store can read them
    for an export (``store.datasets.SPAN_KEY``): one text cell per span instead of three
    (each cell the sqlite3 module turns into a str costs ~0.4 us). Lengths are in UTF-8
    bytes, as SQLite counts a BLOB (its length() of a text stops at a NUL)."""
    return f"{len(label.encode())},{len(annotator.encode())},{label}{annotator}{origin}"


def split_span_key(key: str) -> tuple[str, str, str]:
    """``span_key``'s (label, annotator, origin)."""
    label_len, annotator_len, rest = key.split(",", 2)
    a = int(label_len)
    b = a + int(annotator_len)
    data = rest.encode()
    return data[:a].decode(), data[a:b].decode(), data[b:].decode()


class ExportItem:
    """One article as it leaves: its spans and, if asked for, its pending suggestions.

    The store hands over ``rows`` (tuples in ``SpanRow`` order); ``spans`` turns them
    into ``SpanRow``s on first use. The JSONL writer reads the rows directly: building
    an object per span cost more than writing it. It reads ``keyed`` rows when the store
    handed those over: (article_id, start, end, ``span_key``)."""

    __slots__ = ("article", "_spans", "_rows", "_keyed", "suggestions")

    def __init__(self, article: Article, spans: list | None = None, suggestions: list[Suggestion] | None = None,
                 rows: list[tuple] | None = None, keyed: list[tuple] | None = None):
        self.article = article
        self._spans = spans
        self._rows = rows
        self._keyed = keyed
        self.suggestions = suggestions or []

    @property
    def keyed(self) -> list[tuple]:
        if self._keyed is None:
            self._keyed = [(r[0], r[1], r[2], span_key(r[3], r[4], r[5])) for r in self.rows]
        return self._keyed

    @property
    def spans(self) -> list:
        if self._spans is None:
            self._spans = list(starmap(SpanRow, self._rows or ()))
        return self._spans

    @property
    def rows(self) -> list[tuple]:
        if self._rows is None and self._keyed is not None:
            self._rows = [(r[0], r[1], r[2], *split_span_key(r[3])) for r in self._keyed]
        elif self._rows is None:
            self._rows = [(s.article_id, s.start, s.end, s.label, s.annotator, s.origin, s.created, s.updated)
                          for s in self._spans or ()]
        return self._rows

    def spans_with_suggestions(self) -> list[Span]:
        """Spans plus suggestions turned into spans (origin ``suggestion:<suggester>``)."""
        extra = [Span(s.article_id, s.start, s.end, s.label, "", f"suggestion:{s.suggester}")
                 for s in self.suggestions]
        return sorted(self.spans + extra, key=lambda s: (s.start, s.end, s.label))


@dataclass(frozen=True)
class DroppedSpan:
    article_id: int
    title: str
    start: int
    end: int
    label: str
    reason: str

    def __str__(self) -> str:
        return f"article {self.article_id} “{self.title}” {self.start}-{self.end} {self.label}: {self.reason}"


@dataclass
class ExportReport:
    format: str
    paths: list[Path] = field(default_factory=list)
    articles: int = 0
    spans: int = 0
    suggestions: int = 0
    dropped: list[DroppedSpan] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cancelled: bool = False

    def lines(self, limit: int = 20) -> list[str]:
        if self.cancelled:
            return ["export cancelled; nothing was written"]
        out = list(self.warnings)
        if self.dropped:
            out.append(f"{len(self.dropped)} span(s) could not be written in {self.format} and were left out:")
            out.extend(f"  {d}" for d in self.dropped[:limit])
            if len(self.dropped) > limit:
                out.append(f"  … and {len(self.dropped) - limit} more")
        where = ", ".join(str(p) for p in self.paths)
        extra = f" and {self.suggestions} pending suggestion(s)" if self.suggestions else ""
        out.append(f"{self.articles} article(s), {self.spans} span(s){extra} written to {where}")
        return out


class ExportCancelled(Exception):
    """The progress callback returned False."""


class ExportRefused(Exception):
    """An export that cannot start (the target exists, a bad option); nothing was written."""


# -- stable hashes (Prodigy's _input_hash / _task_hash) ---------------------------------

def stable_hash(*parts: object) -> int:
    """A signed 32-bit int from the parts (ints, strings, lists and tuples of them): the
    same on every run and machine (``repr`` of these types is stable; ``hash`` is not)."""
    digest = hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(digest, "little", signed=True)


# -- writing many small objects -----------------------------------------------------------

_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = False


@contextmanager
def gc_paused():
    """Run a block without the cyclic garbage collector: for writers that make hundreds of
    thousands of short-lived tuples and strings and no reference cycles (freed by their
    reference counts all the same), which the collector would otherwise scan ~150 times
    for nothing: ~13% of the JSONL export. Nested and concurrent pauses are counted; the
    collector comes back when the last one ends, if it was on before the first."""
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


# -- importers: checked spans -------------------------------------------------------------

def origin(fmt: str, path: Path) -> str:
    return f"imported:{fmt}:{Path(path).name}"


def checked_span(path: Path, line: int | None, text: str, start, end, label, *, fmt: str,
                 annotator: str = "", expected: str | None = None) -> Span:
    """A Span for ``text`` or ``RefusedFile`` naming the file, the line and what is wrong."""
    if isinstance(start, bool) or isinstance(end, bool) or not isinstance(start, int) \
            or not isinstance(end, int):
        raise RefusedFile(path, f"span offsets must be whole numbers, got {start!r} and {end!r}", line)
    if not isinstance(label, str) or not label.strip():
        raise RefusedFile(path, f"span {start}-{end} has no label", line)
    if end < start:
        raise RefusedFile(path, f"span {start}-{end} ends before it starts", line)
    if end == start:
        raise RefusedFile(path, f"span {start}-{end} is empty", line)
    if start < 0 or end > len(text):
        raise RefusedFile(path, f"span {start}-{end} lies outside the text ({len(text)} characters)", line)
    if expected is not None and text[start:end] != expected:
        raise RefusedFile(path, f"span {start}-{end} says its text is {expected!r} but the text there is "
                                f"{text[start:end]!r}", line)
    return Span(0, start, end, label.strip(), annotator or "", origin(fmt, path))


def normalised(text: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """CRLF/CR become LF as for plain files; span offsets move with them."""
    if "\r" not in text:
        return text, spans
    mapping, pos, i = [], 0, 0
    while i < len(text):
        mapping.append(pos)
        if text[i] == "\r" and text[i + 1:i + 2] == "\n":
            mapping.append(pos)
            i += 2
        else:
            i += 1
        pos += 1
    mapping.append(pos)
    new = text.replace("\r\n", "\n").replace("\r", "\n")
    return new, [Span(0, mapping[s.start], mapping[s.end], s.label, s.annotator, s.origin) for s in spans]


def note(notes: dict[str, list[tuple[int, int]]], message: str, line: int, count: int) -> None:
    """Count something left out on ``line``; ``note_lines`` sums it up once per file."""
    notes.setdefault(message, []).append((line, count))


def note_lines(path: Path, notes: dict[str, list[tuple[int, int]]]) -> list[str]:
    out = []
    for message, where in notes.items():
        lines = ", ".join(str(line) for line, _ in where[:5]) + (", …" if len(where) > 5 else "")
        out.append(f"{path}: {sum(n for _, n in where)} {message} (line {lines})")
    return out


def load_json_line(path: Path, line_no: int, raw: str):
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise RefusedFile(path, f"is not valid JSON ({exc.msg}, column {exc.colno})", line_no) from None


def read_lines(path: Path) -> list[str]:
    """A text file's lines with the foundation's encoding rules (kept lines, no normalising)."""
    from gui.core.textfile import decode_bytes

    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise RefusedFile(path, f"cannot be read ({exc.strerror or exc})") from None
    return decode_bytes(data, path).text.split("\n")


# -- writing whole files -------------------------------------------------------------------

def check_target(path: Path, force: bool, folder: bool = False) -> None:
    """Refuse before anything is written: an existing target without ``force``; with
    it, a file in place of a folder (or back), or a folder holding more than a brat export."""
    if not path.parent.exists():
        raise ExportRefused(f"the folder {path.parent} does not exist")
    if not path.exists():
        return
    if not force:
        raise ExportRefused(f"{path} already exists; choose another name or overwrite it (--force)")
    if path.is_dir() != folder:
        raise ExportRefused(f"{path} is a {'folder' if path.is_dir() else 'file'}; it is not replaced by a "
                            f"{'folder' if folder else 'file'}")
    if folder:
        foreign = [p.name for p in path.rglob("*") if p.is_file() and p.suffix not in (".txt", ".ann", ".conf")]
        if foreign:
            raise ExportRefused(f"{path} holds files that are not a brat export ({foreign[0]}, …); "
                                "it is not replaced")


def temp_path(target: Path, folder: bool = False) -> Path:
    """A fresh hidden name beside ``target`` (same file system, so the rename is atomic),
    created with the user's usual permissions."""
    for _ in range(100):
        temp = target.with_name(f".{target.stem}.{secrets.token_hex(4)}.part{target.suffix}")
        try:
            if folder:
                temp.mkdir()
            else:
                temp.open("xb").close()
            return temp
        except FileExistsError:
            continue
    raise ExportRefused(f"cannot create a temporary file beside {target}")


def discard(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def move_into_place(temp: Path, target: Path) -> None:
    """Rename ``temp`` to ``target``; an existing target (allowed by --force) goes only then."""
    if target.is_dir() and not target.is_symlink():
        old = target.with_name(f".{target.name}.old")
        discard(old)
        target.rename(old)
        temp.rename(target)
        discard(old)
    else:
        if temp.is_dir() and target.exists():
            target.unlink()
        os.replace(temp, target)


@dataclass(frozen=True)
class ExportOptions:
    """Which articles and spans leave, and how. Empty ``statuses``/``labels`` mean all."""

    statuses: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    annotator: str | None = None
    suggestions: bool = False   # include pending suggestions
    spans_key: str = "sc"       # spaCy: doc.spans[spans_key]
    split: float | None = None  # train share, e.g. 0.8: writes a train and a dev file
    seed: int = 0
    force: bool = False         # overwrite an existing target
