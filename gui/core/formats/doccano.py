"""doccano sequence-labelling JSONL: ``{"text", "label": [[start, end, "LABEL"]]}``.

Reads the old shape (``labels``), the new one (``label``) and the relation
export (``entities`` with ``start_offset``/``end_offset``)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from gui.core.formats.common import (
    ExportItem,
    ExportOptions,
    ExportReport,
    checked_span,
)
from gui.core.formats.registry import DatasetFormat, register_format
from gui.core.importer import ArticleRecord
from gui.core.textfile import RefusedFile, guess_title


def line_dict(item: ExportItem, with_suggestions: bool = False) -> dict:
    a = item.article
    spans = item.spans_with_suggestions() if with_suggestions else item.spans
    return {"id": a.id, "text": a.text, "label": [[s.start, s.end, s.label] for s in spans],
            "title": a.title, "source": a.source, "status": a.status.value,
            "annotators": [[s.start, s.end, s.label, s.annotator] for s in spans if s.annotator]}


def write(items: Iterable[ExportItem], path: Path, options: ExportOptions, report: ExportReport) -> None:
    import srsly

    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for item in items:
            f.write(srsly.json_dumps(line_dict(item, options.suggestions)) + "\n")


def is_doccano(obj: dict) -> bool:
    return "text" in obj and any(k in obj for k in ("label", "labels", "entities"))


def record(obj: dict, path: Path, line: int) -> ArticleRecord:
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RefusedFile(path, "has no text", line)
    annotators = {}
    for entry in obj.get("annotators") or []:
        if isinstance(entry, list) and len(entry) == 4:
            annotators[(entry[0], entry[1], entry[2])] = str(entry[3])
    spans = []
    if "entities" in obj:
        for e in obj.get("entities") or []:
            if not isinstance(e, dict):
                raise RefusedFile(path, f"an entity is not an object: {e!r}", line)
            spans.append(checked_span(path, line, text, e.get("start_offset"), e.get("end_offset"),
                                      e.get("label"), fmt="doccano"))
    raw = obj.get("label", obj.get("labels")) or []
    if not isinstance(raw, list):
        raise RefusedFile(path, "“label” is not a list of [start, end, label]", line)
    for entry in raw:
        if not (isinstance(entry, list) and len(entry) == 3):
            raise RefusedFile(path, f"a label must be [start, end, \"LABEL\"], got {entry!r} "
                                    "(a text classification file has no spans)", line)
        start, end, label = entry
        spans.append(checked_span(path, line, text, start, end, label, fmt="doccano",
                                  annotator=annotators.get((start, end, label), "")))
    title = obj.get("title") or guess_title(text, fallback=f"{path.stem} {line}")
    return ArticleRecord(text, str(title), source=str(obj.get("source") or path), spans=spans, line=line)


register_format(DatasetFormat("doccano", "doccano JSONL", ".jsonl", write))
