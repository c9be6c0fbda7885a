"""CSV: export writes one row per span; import reads articles from a ``text`` column
(optional ``title``, ``source``, and ``label``/``start``/``end``/``annotator`` for a
span per row; rows with the same text are one article)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from gui.core.formats.common import (
    ExportItem,
    ExportOptions,
    ExportReport,
    checked_span,
    normalised,
)
from gui.core.formats.registry import DatasetFormat, register_format
from gui.core.importer import MAX_ARTICLE_CHARS, ArticleRecord, register_reader
from gui.core.textfile import RefusedFile, decode_bytes, guess_title

COLUMNS = ["article_id", "title", "label", "start", "end", "text", "annotator", "origin", "created", "updated"]


def write(items: Iterable[ExportItem], path: Path, options: ExportOptions, report: ExportReport) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(COLUMNS)
        for item in items:
            a = item.article
            for s in item.spans:
                out.writerow([a.id, a.title, s.label, s.start, s.end, a.text[s.start:s.end], s.annotator,
                              s.origin, s.created, s.updated])
            if options.suggestions:
                for s in item.suggestions:
                    out.writerow([a.id, a.title, s.label, s.start, s.end, a.text[s.start:s.end], "",
                                  f"suggestion:{s.suggester}", s.created, ""])


def _int(value: str, path: Path, line: int, column: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise RefusedFile(path, f"{column} must be a whole number, got {value!r}", line) from None


def read_csv(path: Path) -> tuple[list[ArticleRecord], list[str]]:
    decoded = decode_bytes(path.read_bytes(), path)
    csv.field_size_limit(MAX_ARTICLE_CHARS)  # an article is one field; the default limit is 128 KiB
    reader = csv.DictReader(io.StringIO(decoded.text, newline=""))  # splitlines() would split at U+2028
    try:
        columns = reader.fieldnames or []
    except csv.Error as exc:
        raise RefusedFile(path, f"is not valid CSV ({exc})", 1) from None
    if "text" not in columns:
        raise RefusedFile(path, f"has no “text” column (columns: {', '.join(columns) or 'none'})", 1)
    if {"article_id", "origin"} <= set(columns):
        raise RefusedFile(path, "is a Tagdesk span export: its “text” column holds span texts, not "
                                "articles; import the JSONL, spaCy or brat export instead", 1)
    has_spans = {"label", "start", "end"} <= set(columns)
    by_text: dict[str, ArticleRecord] = {}
    try:
        for row in reader:
            line = reader.line_num
            text = row.get("text") or ""
            if not text.strip():
                raise RefusedFile(path, "the text is empty", line)
            record = by_text.get(text)
            if record is None:
                record = by_text[text] = ArticleRecord(
                    text, row.get("title") or guess_title(text, fallback=f"{path.stem} {line}"),
                    source=row.get("source") or str(path), line=line)
            if has_spans and (row.get("label") or row.get("start") or row.get("end")):
                start = _int(row["start"], path, line, "start")
                end = _int(row["end"], path, line, "end")
                record.spans.append(checked_span(path, line, text, start, end, row["label"], fmt="csv",
                                                 annotator=row.get("annotator") or ""))
                record.span_lines.append(line)
    except csv.Error as exc:
        raise RefusedFile(path, f"is not valid CSV ({exc})", reader.line_num) from None
    records = list(by_text.values())
    for r in records:
        r.text, r.spans = normalised(r.text, r.spans)
    if not records:
        raise RefusedFile(path, "has no rows")
    return records, [decoded.warning] if decoded.warning else []


register_reader(".csv", read_csv)
register_format(DatasetFormat("csv", "CSV (one row per span)", ".csv", write, span_times=True))
