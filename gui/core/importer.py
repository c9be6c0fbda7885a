"""Importing files into the store: one file is all-or-nothing.

A reader turns one file into ``ArticleRecord``s. Readers are registered by file
suffix; plain ``.txt``/``.md`` is here, annotated formats register their own.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from gui.core.model import Span
from gui.core.textfile import RefusedFile, guess_title, read_text_file, shown
from gui.store import DuplicateArticle, Store, StoreError


@dataclass
class ArticleRecord:
    text: str
    title: str
    source: str = ""
    meta: dict = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)  # article_id is filled in on import
    line: int | None = None  # where the record starts in its file, for messages


@dataclass
class FileResult:
    path: Path
    added: list[int] = field(default_factory=list)
    duplicates: list[int] = field(default_factory=list)
    spans: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def refused(self) -> bool:
        return bool(self.error)


@dataclass
class ImportReport:
    files: list[FileResult] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(len(f.added) for f in self.files)

    @property
    def duplicates(self) -> int:
        return sum(len(f.duplicates) for f in self.files)

    @property
    def refused(self) -> list[FileResult]:
        return [f for f in self.files if f.refused]

    def lines(self) -> list[str]:
        out = []
        for f in self.files:
            out.extend(f.warnings)
            if f.error:
                out.append(f"refused: {f.error}")
            elif f.duplicates and not f.added:
                out.append(f"{shown(f.path)}: already imported, nothing added")
        out.append(f"{self.added} article(s) added, {self.duplicates} already present, "
                   f"{len(self.refused)} file(s) refused")
        return out


Reader = Callable[[Path], tuple[list[ArticleRecord], list[str]]]


def read_plain_text(path: Path) -> tuple[list[ArticleRecord], list[str]]:
    decoded = read_text_file(path)
    title = guess_title(decoded.text, fallback=shown(path.stem).replace("_", " "))
    return [ArticleRecord(decoded.text, title, source=shown(path))], [decoded.warning] if decoded.warning else []


READERS: dict[str, Reader] = {".txt": read_plain_text, ".md": read_plain_text}


def register_reader(suffix: str, reader: Reader) -> None:
    READERS[suffix.lower()] = reader


def iter_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Named files as given; folders recursively, only files a reader knows, each
    real folder once (so a symlink loop ends)."""
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield path
            continue
        for root, dirs, files in os.walk(path, followlinks=True):
            real = Path(root).resolve()
            if real in seen:
                dirs[:] = []
                continue
            seen.add(real)
            dirs.sort()
            for name in sorted(files):
                candidate = Path(root) / name
                if candidate.suffix.lower() in READERS and not name.startswith("."):
                    yield candidate


def read_file(path: Path) -> tuple[list[ArticleRecord], list[str]]:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise RefusedFile(path, f"is not a format Tagdesk imports (known: {known})")
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise RefusedFile(path, "does not exist") from None
    except OSError as exc:
        raise RefusedFile(path, f"cannot be read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(mode):  # a FIFO or a device would block the import or never end
        raise RefusedFile(path, "is not a regular file")
    return reader(path)


# A record's text is held whole in memory and in the article view; see MAX_TEXT_BYTES.
MAX_ARTICLE_CHARS = 10_000_000


def _checked_record(path: Path, record: ArticleRecord) -> ArticleRecord:
    """Refuse what SQLite or the views cannot hold, naming the file and line."""
    if len(record.text) > MAX_ARTICLE_CHARS:
        raise RefusedFile(path, f"holds an article of {len(record.text):,} characters; "
                                f"at most {MAX_ARTICLE_CHARS:,} are imported", record.line)
    try:
        record.text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise RefusedFile(path, f"its text has a character that is not valid Unicode "
                                f"(U+{ord(exc.object[exc.start]):04X} at character {exc.start})",
                          record.line) from None
    safe = lambda value: value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")  # noqa: E731
    record.title, record.source = safe(record.title), safe(record.source)
    return record


def write_records(store: Store, records: list[ArticleRecord], result: FileResult) -> None:
    """Write one file's records in one transaction (a savepoint inside an import
    batch): all of them or none."""
    with store.transaction():
        for record in records:
            record = _checked_record(result.path, record)
            try:
                article_id = store.add_article(record.text, record.title, record.source, record.meta)
                for span in record.spans:
                    store.add_span(Span(article_id, span.start, span.end, span.label,
                                        span.annotator, span.origin))
            except DuplicateArticle as dup:
                result.duplicates.append(dup.existing_id)
                continue
            except StoreError as exc:  # e.g. a span outside its text: the file and line are named
                raise RefusedFile(result.path, str(exc), record.line) from None
            result.spans += len(record.spans)
            result.added.append(article_id)


# Files are committed together, one fsync per batch instead of one per file (16x
# faster, tests/benchmarks/bench_import.py); each file is a savepoint in the batch,
# so a refused file still changes nothing. A batch holds the write lock this long
# at most, so tags saved meanwhile wait no longer than that.
BATCH_SECONDS = 0.2


def import_paths(store: Store, paths: Iterable[Path | str],
                 progress: Callable[[int, Path], bool] | None = None) -> ImportReport:
    """Import files and folders. ``progress(i, path)`` returning False cancels
    (what was imported before stays)."""
    report = ImportReport()
    files = enumerate(iter_files(paths))
    more = True
    while more:
        more = False
        first = len(report.files)
        try:
            with store.transaction():
                deadline = time.monotonic() + BATCH_SECONDS
                for i, path in files:
                    if progress is not None and progress(i, path) is False:
                        break
                    report.files.append(_import_file(store, path))
                    if time.monotonic() >= deadline:
                        more = True
                        break
        except StoreError as exc:  # the batch could not be committed (disk full): none of it was kept
            for result in report.files[first:]:
                if result.added and not result.error:
                    result.error = f"{shown(result.path)}: {exc}"
                    result.added.clear()
            more = False
    return report


def _import_file(store: Store, path: Path) -> FileResult:
    result = FileResult(path)
    try:
        records, warnings = read_file(path)
        result.warnings.extend(warnings)
        write_records(store, records, result)
    except RefusedFile as exc:
        result.error = str(exc)
        result.added.clear()
        result.duplicates.clear()
        result.spans = 0
    except StoreError as exc:
        result.error = f"{shown(path)}: {exc}"
        result.added.clear()
    except OSError as exc:  # a reader that opens files itself met one that vanished
        result.error = f"{shown(path)}: cannot be read ({exc.strerror or exc})"
    return result
