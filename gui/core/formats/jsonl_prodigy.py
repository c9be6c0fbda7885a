"""Prodigy task JSONL: text, meta, tokens, spans (end exclusive, token_end inclusive),
stable ``_input_hash``/``_task_hash``, ``answer`` "accept" for done articles."""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import partial
from itertools import count
from pathlib import Path

from gui.core.formats.common import (
    ExportItem,
    ExportOptions,
    ExportReport,
    checked_span,
    gc_paused,
    split_span_key,
    stable_hash,
    token_offsets,
    token_range,
)
from gui.core.formats.registry import DatasetFormat, register_format
from gui.core.importer import ArticleRecord
from gui.core.model import Status
from gui.core.textfile import RefusedFile, guess_title

_ESCAPED: dict[str, str] = {}
_PREFIXES: dict[str, str] = {}  # token text -> '{"text":"…","start":'
# Offsets, indices and each token's '"id"/"ws"' tail are looked up in tables built for
# the longest text so far (and dropped after each export), not formatted per token. A
# table is never changed once built, only replaced: a writer in another thread keeps
# reading the one it took.
_TABLE_MAX = 1 << 18  # longer texts (~40k words) format their numbers
_EMPTY: tuple[list[str], tuple[list[str], list[str]]] = (["-1"], ([], []))
_tables_now = _EMPTY  # (numbers: str(i) at i and "-1" last, so a token_end of -1 is right;
#                        tails: [ws][id] -> ',"id":<id>,"ws":<ws>},')


class _Numbers:
    """The numbers table of a text too long for one: formats each number."""

    def __getitem__(self, i: int) -> str:
        return str(i)


class _Tails:
    def __init__(self, ws: str):
        self.ws = ws

    def __getitem__(self, i: int) -> str:
        return f',"id":{i},"ws":{self.ws}}},'


_LONG = (_Numbers(), (_Tails("false"), _Tails("true")))


def _tables(length: int):
    """(numbers, tails) covering every offset and token index of a text of ``length``."""
    global _tables_now
    if length > _TABLE_MAX:
        return _LONG
    tables = _tables_now
    if len(tables[0]) <= length + 1:
        size = min(2 * length, _TABLE_MAX) + 2  # grow geometrically: few rebuilds
        numbers = [*map(str, range(size)), "-1"]
        tails = ([f',"id":{i},"ws":false}},' for i in range(size)],
                 [f',"id":{i},"ws":true}},' for i in range(size)])
        tables = _tables_now = (numbers, tails)
    return tables


def _drop_tables() -> None:
    global _tables_now
    _tables_now = _EMPTY


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


def tokens_json(text: str, starts: list[int], ends: list[int]) -> str:
    """The ``tokens`` list as JSON, built as text: the same value as dumping the dicts,
    in a third of the time (the export's hottest loop). Numbers and each token's
    ``"id"``/``"ws"`` tail come from tables, so a token costs a few lookups."""
    if not starts:
        return "[]"
    nexts = starts[1:]
    last = ends[-1]
    nexts.append(last + 1 if last < len(text) else last)  # a token is followed by whitespace
    get = _PREFIXES.get
    num, tails = _tables(len(text))
    return "[" + "".join([f'{get(t := text[s:e]) or _prefix(t)}{num[s]},"end":{num[e]}{tails[e < nx][i]}'
                          for i, s, e, nx in zip(count(), starts, ends, nexts)])[:-1] + "]"


# span_key -> ('"label":<label>,"text":', ',"annotator":<annotator>,"origin":<origin>}', annotator)
_KEYS: dict[str, tuple[str, str, str]] = {}


def _key_parts(key: str) -> tuple[str, str, str]:
    parts = _KEYS.get(key)
    if parts is None:
        if len(_KEYS) > 10_000:  # labels, annotators, origins: few combinations; a bound, not a leak
            _KEYS.clear()
        label, annotator, origin = split_span_key(key)
        dump = partial(json.dumps, ensure_ascii=False)
        parts = _KEYS[key] = (f'"label":{dump(label)},"text":',
                              f',"annotator":{dump(annotator)},"origin":{dump(origin)}}}', annotator)
    return parts


def key_parts(keyed: list[tuple]) -> dict[str, tuple[str, str, str]]:
    """The JSON pieces of each distinct span key of these rows (quoted once per export)."""
    return {key: _key_parts(key) for key in {r[3] for r in keyed}}


def spans_json(text: str, keyed: list[tuple], starts: list[int], ends: list[int],
               parts: dict[str, tuple[str, str, str]]) -> list[str]:
    """Each span row, (article_id, start, end, span_key), as a JSON object, built as
    text like the tokens; ``parts`` is ``key_parts(keyed)``."""
    if not keyed:
        return []
    num = _tables(len(text))[0]
    quote, backslash = '"', "\\"
    return [f'{{"start":{num[s]},"end":{num[e]},"token_start":{num[bisect_left(starts, s)]},'
            f'"token_end":{num[bisect_right(ends, e) - 1]},{(p := parts[key])[0]}'
            f'{quote + t + quote if (t := text[s:e]).isprintable() and quote not in t and backslash not in t else _quoted(t)}'
            f'{p[1]}'
            for _, s, e, key in keyed]


def task_line(item: ExportItem, with_suggestions: bool, dumps) -> str:
    """One Prodigy task as a JSON line: ``dumps`` serialises the head, spans and tokens
    are formatted as text (the same JSON values as dumping dicts, in half the time)."""
    article = item.article
    text = article.text
    rows = item.keyed  # article_id, start, end, span_key
    suggestions = item.suggestions if with_suggestions else []
    cuts = [r[1] for r in rows] + [r[2] for r in rows]
    cuts += [s.start for s in suggestions] + [s.end for s in suggestions]
    starts, ends = token_offsets(text, cuts)
    parts = key_parts(rows)
    spans = spans_json(text, rows, starts, ends, parts)
    for sug in suggestions:
        first, last = token_range(starts, ends, sug.start, sug.end)
        spans.append(dumps({"start": sug.start, "end": sug.end, "token_start": first, "token_end": last,
                            "label": sug.label, "text": text[sug.start:sug.end], "annotator": "",
                            "origin": f"suggestion:{sug.suggester}", "score": sug.score}))
    input_hash = stable_hash(article.hash or text)
    spans_text = ",".join(spans)
    head = {
        "text": text,
        "meta": {"article_id": article.id, "title": article.title, "source": article.source,
                 "status": article.status.value},
        "_input_hash": input_hash,
        "_task_hash": stable_hash(input_hash, spans_text),  # the input and all it says about the spans
    }
    annotators = {p[2] for p in parts.values()} - {""}
    if len(annotators) == 1:
        head["_annotator_id"] = annotators.pop()
    if article.status == Status.DONE:
        head["answer"] = "accept"
    return (dumps(head)[:-1] + ',"spans":[' + spans_text + '],"tokens":'
            + tokens_json(text, starts, ends) + "}\n")


def task(item: ExportItem, with_suggestions: bool = False) -> dict:
    """One Prodigy task as a dict (what a line of the export holds)."""
    import srsly

    return json.loads(task_line(item, with_suggestions, srsly.json_dumps))


def write(items: Iterable[ExportItem], path: Path, options: ExportOptions, report: ExportReport) -> None:
    import srsly

    dumps = srsly.json_dumps
    try:
        with gc_paused(), open(path, "w", encoding="utf-8", newline="\n") as f:
            for item in items:
                f.write(task_line(item, options.suggestions, dumps))
    finally:
        _drop_tables()


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


register_format(DatasetFormat("jsonl", "Prodigy JSONL", ".jsonl", write, span_keys=True))
