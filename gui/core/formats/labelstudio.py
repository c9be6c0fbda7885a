"""Label Studio JSON tasks: ``data.text``, ``annotations[].result[]`` of type
``labels`` (one annotation per annotator), pending suggestions in ``predictions``
with their scores. Labeling config: ``<Labels name="label" toName="text">``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from gui.core.formats.common import (
    ExportItem,
    ExportOptions,
    ExportReport,
    checked_span,
    note,
    note_lines,
)
from gui.core.formats.registry import DatasetFormat, register_format
from gui.core.importer import ArticleRecord
from gui.core.textfile import RefusedFile, guess_title

FROM_NAME, TO_NAME = "label", "text"


def _region(i: int, text: str, start: int, end: int, label: str) -> dict:
    return {"id": f"r{i}", "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
            "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]}}


def task(item: ExportItem, with_suggestions: bool = False) -> dict:
    a = item.article
    by_annotator: dict[str, list] = {}
    for i, s in enumerate(item.spans):
        by_annotator.setdefault(s.annotator, []).append(_region(i, a.text, s.start, s.end, s.label))
    out = {
        "data": {"text": a.text, "title": a.title, "article_id": a.id, "source": a.source,
                 "status": a.status.value},
        "annotations": [{"result": result, "tagdesk_annotator": name}
                        for name, result in sorted(by_annotator.items())],
    }
    if with_suggestions and item.suggestions:
        by_model: dict[str, list] = {}
        for i, s in enumerate(item.suggestions):
            region = _region(i, a.text, s.start, s.end, s.label)
            region["score"] = s.score
            by_model.setdefault(f"{s.suggester} {s.version}".strip(), []).append(region)
        out["predictions"] = [{"model_version": m, "result": r,
                               "score": sum(x["score"] for x in r) / len(r)}
                              for m, r in sorted(by_model.items())]
    return out


def write(items: Iterable[ExportItem], path: Path, options: ExportOptions, report: ExportReport) -> None:
    import srsly

    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("[\n")
        for i, item in enumerate(items):
            f.write((",\n" if i else "") + srsly.json_dumps(task(item, options.suggestions)))
        f.write("\n]\n")


def is_labelstudio(obj: dict) -> bool:
    return isinstance(obj.get("data"), dict)


def _annotator(annotation: dict) -> str:
    name = annotation.get("tagdesk_annotator")
    if name is not None:
        return str(name)
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        return str(who.get("email") or who.get("id") or "")
    return "" if who is None else str(who)


def record(obj: dict, path: Path, line: int, notes: dict | None = None) -> ArticleRecord:
    data = obj["data"]
    text = data.get(TO_NAME)
    if not isinstance(text, str) or not text.strip():
        raise RefusedFile(path, "the task has no data.text", line)
    spans = []
    for annotation in obj.get("annotations") or obj.get("completions") or []:
        if not isinstance(annotation, dict) or annotation.get("was_cancelled"):
            continue
        annotator = _annotator(annotation)
        for region in annotation.get("result") or []:
            if not isinstance(region, dict) or region.get("type") not in ("labels", None):
                continue
            value = region.get("value")
            if not isinstance(value, dict) or "start" not in value:
                continue
            labels = value.get("labels") or []
            if not isinstance(labels, list) or not labels:
                raise RefusedFile(path, f"region {region.get('id', '?')} has no labels", line)
            for label in labels:
                spans.append(checked_span(path, line, text, value.get("start"), value.get("end"), label,
                                          fmt="labelstudio", annotator=annotator,
                                          expected=value.get("text")))
    predictions = sum(len(p.get("result") or []) for p in obj.get("predictions") or [] if isinstance(p, dict))
    if predictions and notes is not None:
        note(notes, "prediction(s) not imported (predictions are suggestions, not spans)", line, predictions)
    title = data.get("title") or guess_title(text, fallback=f"{path.stem} {line}")
    return ArticleRecord(text, str(title), source=str(data.get("source") or path), spans=spans, line=line)


def read_json(path: Path, raw: str) -> tuple[list[ArticleRecord], list[str]]:
    """A ``.json`` file: a list of tasks (Label Studio, or doccano/Prodigy dicts) or one task."""
    from gui.core.formats.jsonl_reader import record_for

    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise RefusedFile(path, f"is not valid JSON ({exc.msg}, column {exc.colno})", exc.lineno) from None
    tasks = data if isinstance(data, list) else [data]
    records, notes = [], {}
    starts = _task_lines(raw, len(tasks))
    for i, obj in enumerate(tasks):
        records.append(record_for(obj, path, starts[i], notes))
    return records, note_lines(path, notes)


def _task_lines(raw: str, n: int) -> list[int]:
    """The line each top-level task starts on (exported files put one task per line)."""
    lines, depth, in_str, esc, line = [], 0, False, False, 1
    for ch in raw:
        if ch == "\n":
            line += 1
        if in_str:
            if esc:
                esc = False
            elif ch == "\\":
                esc = True
            elif ch == '"':
                in_str = False
            continue
        if ch == '"':
            in_str = True
        elif ch in "{[":
            if depth == 1 and ch == "{":
                lines.append(line)
            depth += 1
        elif ch in "}]":
            depth -= 1
    return lines if len(lines) == n else [1] * n


register_format(DatasetFormat("labelstudio", "Label Studio JSON", ".json", write))
