"""Hand-made bad files for every importer, generated in the test's folder.

``bad_files(folder, suffix)`` writes the generic bad files (encodings, NUL bytes,
empty, a 50 MB line, ...) with that suffix, plus the format-specific ones for the
suffixes whose shape is known (JSON lines / JSON with character offsets). Each
comes with what must happen: ``must_refuse`` and the ``line`` a refusal must name.
"""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass

TEXT = "The minister said prices rose 12% last year. The union denied it."


@dataclass(frozen=True)
class BadFile:
    name: str
    data: bytes
    must_refuse: bool = False
    line: int | None = None  # the line a refusal must name


def _record(spans=None, **extra) -> dict:
    """An article record; spans are given in both common conventions, Prodigy's
    ``spans: [{start, end, label}]`` and doccano's ``label: [[start, end, label]]``,
    so a reader of either meets them."""
    record = {"text": TEXT, **extra}
    if spans is not None:
        record["spans"] = spans
        record["label"] = ([[s.get("start"), s.get("end"), s.get("label")] for s in spans]
                           if isinstance(spans, list) else spans)
    return record


def generic(suffix: str) -> list[BadFile]:
    ok_line = TEXT.encode()
    return [
        BadFile("invalid_utf8", b"Caf\xc3\x28 and \xff\xfe\xfd bytes " + ok_line),
        BadFile("latin1", "Café owner says the señor’s «prices» rose.".encode("latin-1", "replace")),
        BadFile("utf16_bom", codecs.BOM_UTF16_LE + ("Bogotá " + TEXT).encode("utf-16-le")),
        BadFile("utf16_bom_odd_length", codecs.BOM_UTF16_LE + ("Bogotá").encode("utf-16-le") + b"\x00"),
        BadFile("nul_bytes", ok_line + b"\nsecond line\x00\x00\x00 binary", must_refuse=True),
        BadFile("empty", b"", must_refuse=True),
        BadFile("whitespace_only", b" \n\t \r\n", must_refuse=True),
        BadFile("control_chars", bytes(range(1, 9)) * 600, must_refuse=True),
        BadFile("huge_single_line", b"a" * (50 * 1024 * 1024), must_refuse=True),
        BadFile("lone_cr_newlines", b"Title\rBody one.\rBody two."),
    ]


def jsonl(suffix: str) -> list[BadFile]:
    good = json.dumps(_record()).encode()
    lines = lambda *records: b"\n".join(json.dumps(r).encode() for r in records) + b"\n"  # noqa: E731
    span = lambda start, end, **kw: {"start": start, "end": end, "label": "CLAIM", **kw}  # noqa: E731
    other = {"text": "A second article about strikes."}
    return [
        BadFile("truncated_jsonl", good + b"\n" + good[: len(good) // 2], must_refuse=True, line=2),
        BadFile("not_json_on_line_3", lines(_record(), other) + b"{this is not json}\n",
                must_refuse=True, line=3),
        BadFile("wrong_shape_list", lines(other, ["a", "list", "not", "an", "object"]),
                must_refuse=True, line=2),
        BadFile("wrong_shape_no_text", lines(other, {"title": "no text here"}), must_refuse=True, line=2),
        BadFile("wrong_shape_text_not_string", lines(other, {"text": 12}), must_refuse=True, line=2),
        BadFile("wrong_shape_spans_not_list", lines(other, _record(spans="CLAIM")), must_refuse=True, line=2),
        BadFile("offset_out_of_range", lines(other, _record(spans=[span(5, 9999)])), must_refuse=True, line=2),
        BadFile("offset_negative", lines(other, _record(spans=[span(-4, 3)])), must_refuse=True, line=2),
        BadFile("offsets_reversed", lines(other, _record(spans=[span(20, 10)])), must_refuse=True, line=2),
        BadFile("offsets_not_numbers", lines(other, _record(spans=[span("a", "b")])), must_refuse=True, line=2),
        BadFile("text_not_matching_offsets", lines(other, _record(spans=[span(4, 12, text="union denied")]))),
        BadFile("lone_surrogate", lines(other, {"text": "broken \ud800 text"})),
        BadFile("unknown_label", lines(other, _record(spans=[{"start": 0, "end": 3, "label": "GOSSIP"}]))),
    ]


def json_document(suffix: str) -> list[BadFile]:
    return [
        BadFile("truncated_json", b'[{"text": "' + TEXT.encode() + b'", "spans": [', must_refuse=True),
        BadFile("wrong_shape_scalar", b"42", must_refuse=True),
        BadFile("wrong_shape_string", json.dumps("just a string").encode(), must_refuse=True),
        BadFile("wrong_shape_nested", json.dumps({"data": {"articles": None}}).encode()),
        BadFile("offset_out_of_range",
                json.dumps([_record(spans=[{"start": 0, "end": 10_000, "label": "CLAIM"}])]).encode(),
                must_refuse=True),
        BadFile("offsets_reversed",
                json.dumps([_record(spans=[{"start": 9, "end": 2, "label": "CLAIM"}])]).encode(),
                must_refuse=True),
    ]


SPECIFIC = {".jsonl": jsonl, ".ndjson": jsonl, ".json": json_document}


def bad_files(suffix: str) -> list[BadFile]:
    return generic(suffix) + SPECIFIC.get(suffix, lambda s: [])(suffix)
