"""Reading ``.jsonl`` and ``.json``: each task's shape is detected (Prodigy, doccano
old and new, Label Studio). One bad line refuses the whole file."""

from __future__ import annotations

from pathlib import Path

from gui.core.formats import doccano, jsonl_prodigy, labelstudio
from gui.core.formats.common import (
    load_json_line,
    normalised,
    note,
    note_lines,
    read_lines,
)
from gui.core.importer import ArticleRecord, register_reader
from gui.core.textfile import RefusedFile


def record_for(obj, path: Path, line: int, notes: dict) -> ArticleRecord:
    if not isinstance(obj, dict):
        raise RefusedFile(path, f"expected a JSON object, got {type(obj).__name__}", line)
    if labelstudio.is_labelstudio(obj):
        rec = labelstudio.record(obj, path, line, notes)
    elif doccano.is_doccano(obj):
        rec = doccano.record(obj, path, line)
    elif "text" in obj:
        if obj.get("answer") in ("reject", "ignore") and obj.get("spans"):
            note(notes, "span(s) of tasks answered reject or ignore not imported", line, len(obj["spans"]))
            obj = {**obj, "spans": []}
        rec = jsonl_prodigy.record(obj, path, line)
    else:
        raise RefusedFile(path, "is neither a Prodigy, doccano nor Label Studio task "
                                "(no “text” and no “data”)", line)
    rec.text, rec.spans = normalised(rec.text, rec.spans)
    return rec


def read_jsonl(path: Path) -> tuple[list[ArticleRecord], list[str]]:
    records, notes = [], {}
    for i, raw in enumerate(read_lines(path), start=1):
        if raw.strip():
            records.append(record_for(load_json_line(path, i, raw), path, i, notes))
    if not records:
        raise RefusedFile(path, "has no tasks")
    return records, note_lines(path, notes)


def read_json(path: Path) -> tuple[list[ArticleRecord], list[str]]:
    return labelstudio.read_json(path, "\n".join(read_lines(path)))


register_reader(".jsonl", read_jsonl)
register_reader(".json", read_json)
