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

from gui.core.model import Label, Span
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
    span_lines: list[int] = field(default_factory=list)  # per span, when spans have their own lines


@dataclass(frozen=True)
class ImportOptions:
    """How foreign labels come in: ``label_map`` renames, ``only`` keeps a subset (after
    renaming), an unknown label is added as a new label or refuses the file."""

    label_map: dict[str, str] = field(default_factory=dict)
    only: frozenset[str] | None = None
    new_labels: bool = False


@dataclass
class FileResult:
    path: Path
    added: list[int] = field(default_factory=list)
    duplicates: list[int] = field(default_factory=list)
    spans: int = 0
    spans_on_existing: int = 0
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
            elif f.duplicates and not f.added and not f.spans_on_existing:
                out.append(f"{shown(f.path)}: already imported, nothing added")
            elif f.spans_on_existing:
                out.append(f"{shown(f.path)}: {f.spans_on_existing} span(s) added to articles already present")
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


def _load_format_readers() -> None:
    import gui.core.formats  # noqa: F401  (registers the dataset readers)


def iter_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Named files as given; folders recursively, only files a reader knows, each
    real folder once (so a symlink loop ends). In a folder, a .txt with a brat .ann
    beside it is read through that .ann."""
    _load_format_readers()
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
                    if candidate.suffix.lower() == ".txt" and candidate.with_suffix(".ann").exists():
                        continue
                    yield candidate


def read_file(path: Path) -> tuple[list[ArticleRecord], list[str]]:
    _load_format_readers()
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


_NEW_LABEL_COLORS = ["#8E6C8A", "#2E9E8F", "#C77C02", "#6B8E23", "#7A5CC2", "#B0555F"]


def _prepared_spans(store: Store, record: ArticleRecord, result: FileResult,
                    options: ImportOptions) -> tuple[list[Span], int]:
    """The record's spans with labels mapped and filtered (and how many were left out);
    unknown labels added or refused."""
    known = store.label_names()
    out = []
    for i, span in enumerate(record.spans):
        label = options.label_map.get(span.label, span.label)
        if options.only is not None and label not in options.only:
            continue
        if label not in known:
            line = record.span_lines[i] if i < len(record.span_lines) else record.line
            if not options.new_labels:
                raise RefusedFile(result.path, f"unknown label “{label}”: map it (--map {label}=CLAIM), "
                                               "leave it out (--only) or add it (--new-labels)", line)
            store.upsert_label(Label(label, _NEW_LABEL_COLORS[len(known) % len(_NEW_LABEL_COLORS)],
                                     position=len(known)))
            known.add(label)
            result.warnings.append(f"{result.path}: added the new label “{label}”")
        out.append(Span(0, span.start, span.end, label, span.annotator, span.origin))
    return out, len(record.spans) - len(out)


def write_records(store: Store, records: list[ArticleRecord], result: FileResult,
                  options: ImportOptions | None = None) -> None:
    """Write one file's records in one transaction (a savepoint inside an import
    batch): all of them or none. The spans of an article already present are added
    to it, except those it already has."""
    from gui.store.datasets import span_keys

    options = options or ImportOptions()
    left_out = 0
    with store.transaction():
        for record in records:
            record = _checked_record(result.path, record)
            spans, skipped = _prepared_spans(store, record, result, options)
            left_out += skipped
            try:
                article_id = store.add_article(record.text, record.title, record.source, record.meta)
                for span in spans:
                    store.add_span(Span(article_id, span.start, span.end, span.label,
                                        span.annotator, span.origin))
            except DuplicateArticle as dup:
                result.duplicates.append(dup.existing_id)
                have = span_keys(store, dup.existing_id)
                for span in spans:
                    if (span.start, span.end, span.label) not in have:
                        have.add((span.start, span.end, span.label))
                        store.add_span(Span(dup.existing_id, span.start, span.end, span.label,
                                            span.annotator, span.origin))
                        result.spans_on_existing += 1
                continue
            except StoreError as exc:  # e.g. a span outside its text: the file and line are named
                raise RefusedFile(result.path, str(exc), record.line) from None
            result.spans += len(spans)
            result.added.append(article_id)
    if left_out:
        result.warnings.append(f"{result.path}: {left_out} span(s) left out by --only")


# Files are committed together, one fsync per batch instead of one per file (16x
# faster, tests/benchmarks/bench_import.py); each file is a savepoint in the batch,
# so a refused file still changes nothing. A batch holds the write lock this long
# at most, so tags saved meanwhile wait no longer than that.
BATCH_SECONDS = 0.2


def import_paths(store: Store, paths: Iterable[Path | str],
                 progress: Callable[[int, Path], bool] | None = None,
                 options: ImportOptions | None = None) -> ImportReport:
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
                    report.files.append(_import_file(store, path, options))
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


def _import_file(store: Store, path: Path, options: ImportOptions | None = None) -> FileResult:
    result = FileResult(path)
    try:
        records, warnings = read_file(path)
        result.warnings.extend(warnings)
        write_records(store, records, result, options)
    except RefusedFile as exc:
        result.error = str(exc)
        result.added.clear()
        result.duplicates.clear()
        result.spans = result.spans_on_existing = 0
        result.warnings = [w for w in result.warnings if "added the new label" not in w]
    except StoreError as exc:
        result.error = f"{shown(path)}: {exc}"
        result.added.clear()
    except OSError as exc:  # a reader that opens files itself met one that vanished
        result.error = f"{shown(path)}: cannot be read ({exc.strerror or exc})"
    return result
