"""The JSONL writer's number and tail tables give the JSON that dumping dicts gives:
for texts that grow the tables, for texts too long for them, and for a span before
the first token (token_end -1)."""

from __future__ import annotations

import json

import pytest

from gui.core.formats import jsonl_prodigy
from gui.core.formats.common import span_key, token_offsets


def _dumped_tokens(text, starts, ends):
    tokens = [{"text": text[s:e], "start": s, "end": e, "id": i,
               "ws": (starts[i + 1] if i + 1 < len(starts) else (e + 1 if e < len(text) else e)) > e}
              for i, (s, e) in enumerate(zip(starts, ends))]
    return json.dumps(tokens, ensure_ascii=False, separators=(",", ":"))


TEXTS = ["  x", "Trump said 30 \"strikes\" 😀 now.", "word " * 40 + "end", ("ab 1.9, c\\d " * 30).strip()]


@pytest.mark.parametrize("table_max", [4, 64, 1 << 18])
def test_tokens_and_spans_match_dumped_dicts(monkeypatch, table_max):
    monkeypatch.setattr(jsonl_prodigy, "_TABLE_MAX", table_max)
    jsonl_prodigy._drop_tables()
    try:
        for text in TEXTS:  # short then longer: the tables grow (or are too small) on the way
            rows = [(1, 0, 1, span_key("CLAIM", "", "manual")),  # "  x": before the first token
                    (1, 1, len(text), span_key("THREAT", "Zoë", ""))]
            starts, ends = token_offsets(text, [c for r in rows for c in r[1:3]])
            assert jsonl_prodigy.tokens_json(text, starts, ends) == _dumped_tokens(text, starts, ends)
            spans = jsonl_prodigy.spans_json(text, rows, starts, ends, jsonl_prodigy.key_parts(rows))
            first = [i for i, s in enumerate(starts) if s >= 0][0]
            assert json.loads(spans[0]) == {"start": 0, "end": 1, "token_start": first,
                                            "token_end": sum(e <= 1 for e in ends) - 1, "label": "CLAIM",
                                            "text": text[0], "annotator": "", "origin": "manual"}
            assert json.loads(spans[1])["token_end"] == len(ends) - 1
    finally:
        jsonl_prodigy._drop_tables()
