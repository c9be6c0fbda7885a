"""Prodigy task JSONL: text, meta, tokens, spans (end exclusive, token_end inclusive),
stable ``_input_hash``/``_task_hash``, ``answer`` "accept" for done articles."""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import count
from pathlib import Path

from gui.core.formats.common import (ExportItem, ExportOptions, ExportReport, checked_span,
                                     stable_hash, token_lists, token_range)
from gui.core.formats.registry import DatasetFormat, register_format
from gui.core.importer import ArticleRecord
from gui.core.model import Status
from gui.core.textfile import RefusedFile, guess_title


_WS = ("false}", "true}")
_ESCAPED: dict[str, str] = {}
_PREFIXES: dict[str, str] = {}  # token text -> '{"text":"…","start":'


def _quoted(token: str) -> str:
    """A token as a JSON string: most need no escaping (no quote, backslash or control)."""
    if token.isprintable() and '"' not in token and "\\" not in token:
        return f'"{token}"'
    quoted = _ESCAPED.get(token)
    if quoted is None:
        quoted = json.dumps(token, ensure_ascii=False)
        if len(token) == 1:  # punctuation repeats; words are not kept
            _ESCAPED[token] = quoted
    return quoted


def _prefix(token: str) -> str:
    if len(_PREFIXES) > 500_000:  # a bound, not a leak, across many exports
        _PREFIXES.clear()
    prefix = _PREFIXES[token] = '{"text":' + _quoted(token) + ',"start":'
    return prefix


def tokens_json(text: str, texts: list[str], starts: list[int], ends: list[int]) -> str:
    """The ``tokens`` list as JSON, built as text: the same value as dumping the dicts,
    in half the time (the export's hottest loop)."""
    if not starts:
        return "[]"
    nexts = starts[1:]
    last = ends[-1]
    nexts.append(last + 1 if last < len(text) else last)  # a token is followed by whitespace
    get = _PREFIXES.get
    return "[" + ",".join([f'{get(t) or _prefix(t)}{s},"end":{e},"id":{i},"ws":{_WS[e < nx]}'
                           for i, t, s, e, nx in zip(count(), texts, starts, ends, nexts)]) + "]"


def _parts(item: ExportItem, with_suggestions: bool) -> tuple[dict, tuple[list, list, list]]:
    """The task without its tokens, and the tokens (texts, starts, ends)."""
    article = item.article
    text = article.text
    rows = item.rows  # (id, article_id, start, end, label, annotator, origin, created, updated)
    suggestions = item.suggestions if with_suggestions else []
    cuts = [r[2] for r in rows] + [r[3] for r in rows]
    cuts += [s.start for s in suggestions] + [s.end for s in suggestions]
    tokens = token_lists(text, cuts)
    _, starts, ends = tokens
    out_spans = [{"start": r[2], "end": r[3], "token_start": bisect_left(starts, r[2]),
                  "token_end": bisect_right(ends, r[3]) - 1, "label": r[4], "text": text[r[2]:r[3]],
                  "annotator": r[5], "origin": r[6]} for r in rows]
    for sug in suggestions:
        first, last = token_range(starts, ends, sug.start, sug.end)
        out_spans.append({"start": sug.start, "end": sug.end, "token_start": first, "token_end": last,
                          "label": sug.label, "text": text[sug.start:sug.end], "annotator": "",
                          "origin": f"suggestion:{sug.suggester}", "score": sug.score})
    input_hash = stable_hash(article.hash or text)
    result = {
        "text": text,
        "meta": {"article_id": article.id, "title": article.title, "source": article.source,
                 "status": article.status.value},
        "_input_hash": input_hash,
        "_task_hash": stable_hash(input_hash, [(s["start"], s["end"], s["label"]) for s in out_spans]),
        "spans": out_spans,
    }
    annotators = {r[5] for r in rows if r[5]}
    if len(annotators) == 1:
        result["_annotator_id"] = annotators.pop()
    if article.status == Status.DONE:
        result["answer"] = "accept"
    return result, tokens


def task(item: ExportItem, with_suggestions: bool = False) -> dict:
    """One Prodigy task as a dict."""
    result, tokens = _parts(item, with_suggestions)
    result["tokens"] = json.loads(tokens_json(item.article.text, *tokens))
    return result


def task_line(item: ExportItem, with_suggestions: bool, dumps) -> str:
    """One Prodigy task as a JSON line (``dumps`` serialises the rest)."""
    result, tokens = _parts(item, with_suggestions)
    head = dumps(result)
    return head[:-1] + ',"tokens":' + tokens_json(item.article.text, *tokens) + "}\n"


def write(items: Iterable[ExportItem], path: Path, options: ExportOptions, report: ExportReport) -> None:
    import srsly

    dumps = srsly.json_dumps
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for item in items:
            f.write(task_line(item, options.suggestions, dumps))


def record(obj: dict, path: Path, line: int) -> ArticleRecord:
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RefusedFile(path, "has no text", line)
    annotator = obj.get("_annotator_id") or obj.get("_session_id") or ""
    spans_in = obj.get("spans") or []
    if not isinstance(spans_in, list):
        raise RefusedFile(path, "“spans” is not a list", line)
    spans = []
    for s in spans_in:
        if not isinstance(s, dict):
            raise RefusedFile(path, f"a span is not an object: {s!r}", line)
        spans.append(checked_span(path, line, text, s.get("start"), s.get("end"), s.get("label"),
                                  fmt="jsonl", annotator=str(s.get("annotator", annotator) or ""),
                                  expected=s.get("text")))
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    title = meta.get("title") or guess_title(text, fallback=f"{path.stem} {line}")
    return ArticleRecord(text, str(title), source=str(meta.get("source") or path), spans=spans, line=line,
                         meta={k: v for k, v in meta.items() if k not in ("title", "source")})


register_format(DatasetFormat("jsonl", "Prodigy JSONL", ".jsonl", write))
