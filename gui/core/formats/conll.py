"""CoNLL-2003 style BIO, one token per line: ``word -X- _ TAG``; each article starts
with ``-DOCSTART- -X- O O``; sentences (blank-line separated) end at line breaks.

CoNLL cannot hold overlapping spans. The rule: the longest span wins (in
characters); on a tie the earliest start, then the earliest end, then the label
in alphabetical order. A span that shares a token with a span already kept is
left out, and so is a span that covers no token (only whitespace). Every span
left out is reported with its article and offsets."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from gui.core.formats.common import (
    DroppedSpan,
    ExportItem,
    ExportOptions,
    ExportReport,
    token_range,
    tokenize,
)
from gui.core.formats.registry import DatasetFormat, register_format


def choose(item: ExportItem, spans) -> tuple[list[tuple[int, int]], list[tuple[object, int, int]],
                                              list[DroppedSpan]]:
    """(tokens, kept as (span, first token, last token), dropped) for one article."""
    a = item.article
    tokens = tokenize(a.text, [s.start for s in spans] + [s.end for s in spans])
    starts = [t[0] for t in tokens]
    ends = [t[1] for t in tokens]
    taken = [None] * len(tokens)
    kept, dropped = [], []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start, s.end, s.label)):
        first, last = token_range(starts, ends, span.start, span.end)
        if first > last:
            dropped.append(DroppedSpan(a.id, a.title, span.start, span.end, span.label, "covers no token"))
            continue
        clash = next((taken[i] for i in range(first, last + 1) if taken[i] is not None), None)
        if clash is not None:
            dropped.append(DroppedSpan(a.id, a.title, span.start, span.end, span.label,
                                       f"overlaps {clash.label} {clash.start}-{clash.end}, which was kept"))
            continue
        for i in range(first, last + 1):
            taken[i] = span
        kept.append((span, first, last))
    return tokens, sorted(kept, key=lambda k: k[1]), dropped


def document(item: ExportItem, spans, report: ExportReport) -> list[str]:
    text = item.article.text
    tokens, kept, dropped = choose(item, spans)
    report.dropped.extend(sorted(dropped, key=lambda d: (d.start, d.end, d.label)))
    tags = ["O"] * len(tokens)
    inside = [False] * (len(tokens) + 1)  # token i continues a kept span from i-1
    for span, first, last in kept:
        tags[first] = f"B-{span.label}"
        for i in range(first + 1, last + 1):
            tags[i] = f"I-{span.label}"
            inside[i] = True
    lines = ["-DOCSTART- -X- O O", ""]
    for i, (start, end) in enumerate(tokens):
        if i and not inside[i] and "\n" in text[tokens[i - 1][1]:start] and lines[-1] != "":
            lines.append("")
        lines.append(f"{text[start:end]} -X- _ {tags[i]}")
    if lines[-1] != "":
        lines.append("")
    return lines


def write(items: Iterable[ExportItem], path: Path, options: ExportOptions, report: ExportReport) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for item in items:
            spans = item.spans_with_suggestions() if options.suggestions else item.spans
            f.write("\n".join(document(item, spans, report)) + "\n")


register_format(DatasetFormat("conll", "CoNLL-2003 BIO", ".conll", write))
