"""brat standoff: ``NAME.txt`` + ``NAME.ann`` pairs and an ``annotation.conf``.

Export: one pair per article, ``T1\\tLABEL start end\\ttext``; a span that crosses
line breaks is written as fragments split at them (as brat itself does). Import:
T lines; a discontinuous span is cut to its extent (with a warning); E, R, A, N, M
and # lines are ignored and counted. A .zip of pairs (as the export writes it) is
imported whole: one bad file refuses the archive."""

from __future__ import annotations

import re
import tempfile
import zipfile
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
from gui.core.importer import ArticleRecord, register_reader
from gui.core.textfile import RefusedFile, decode_bytes, guess_title

_SAFE = re.compile(r"[^A-Za-z0-9_\-]")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) split at line breaks, line breaks left out."""
    out, pos = [], start
    for i in range(start, end):
        if text[i] == "\n":
            if i > pos:
                out.append((pos, i))
            pos = i + 1
    if end > pos:
        out.append((pos, end))
    return out or [(start, end)]


def ann_lines(text: str, spans, report: ExportReport | None = None) -> list[str]:
    lines = []
    for n, span in enumerate(sorted(spans, key=lambda s: (s.start, s.end, s.label)), start=1):
        label = _SAFE.sub("_", span.label)
        if label != span.label and report is not None:
            report.warnings.append(f"brat: label “{span.label}” written as “{label}”")
        frags = fragments(text, span.start, span.end)
        where = ";".join(f"{s} {e}" for s, e in frags)
        lines.append(f"T{n}\t{label} {where}\t{' '.join(text[s:e] for s, e in frags)}")
    return lines


def conf(labels: Iterable[str]) -> str:
    names = "\n".join(sorted({_SAFE.sub("_", label) for label in labels}))
    return f"[entities]\n{names}\n\n[relations]\n\n[events]\n\n[attributes]\n"


def write(items: Iterable[ExportItem], path: Path, options: ExportOptions, report: ExportReport) -> None:
    """``path`` is a folder, or a zip file when the target ends in .zip."""
    as_zip = path.suffix.lower() == ".zip"
    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) if as_zip else None
    labels: set[str] = set()

    def put(name: str, content: str) -> None:
        if archive is not None:
            archive.writestr(name, content.encode("utf-8"))
        else:
            (path / name).write_text(content, encoding="utf-8", newline="\n")

    try:
        for item in items:
            spans = item.spans_with_suggestions() if options.suggestions else item.spans
            labels.update(s.label for s in spans)
            name = f"article-{item.article.id:05d}"
            put(f"{name}.txt", item.article.text)
            lines = ann_lines(item.article.text, spans, report)
            put(f"{name}.ann", "".join(line + "\n" for line in lines))
        put("annotation.conf", conf(labels))
    finally:
        if archive is not None:
            archive.close()


def read_ann(path: Path) -> tuple[list[ArticleRecord], list[str]]:
    txt = path.with_suffix(".txt")
    try:
        raw_text = decode_bytes(txt.read_bytes(), txt)
    except FileNotFoundError:
        raise RefusedFile(path, f"has no text file beside it ({txt.name})") from None
    text = raw_text.text  # newlines normalised; brat offsets count the file's characters
    original = _undecoded_newlines(txt, raw_text.encoding)
    warnings = [raw_text.warning] if raw_text.warning else []
    try:
        ann = decode_bytes(path.read_bytes(), path).text if path.stat().st_size else ""
    except RefusedFile as exc:
        if "is empty" not in exc.reason:
            raise
        ann = ""
    spans, lines, ignored, cut = [], [], {}, 0
    for line_no, line in enumerate(ann.split("\n"), start=1):
        if not line.strip():
            continue
        kind = line[0]
        if kind != "T":
            if kind not in "ERANM#":
                raise RefusedFile(path, f"is not a brat annotation line: {line[:40]!r}", line_no)
            ignored[kind] = ignored.get(kind, 0) + 1
            continue
        parts = line.split("\t", 2)
        if len(parts) < 2:
            raise RefusedFile(path, "a T line needs “T1<tab>LABEL start end<tab>text”", line_no)
        label, _, where = parts[1].partition(" ")
        try:
            frags = [tuple(int(x) for x in f.split()) for f in where.split(";")]
            if not frags or any(len(f) != 2 for f in frags):
                raise ValueError
        except ValueError:
            raise RefusedFile(path, f"bad offsets {where!r} (expected “start end” or "
                                    "“start end;start end”)", line_no) from None
        start, end = min(f[0] for f in frags), max(f[1] for f in frags)
        for s, e in frags:
            checked_span(path, line_no, original, s, e, label, fmt="brat")
        expected = parts[2] if len(parts) > 2 else None
        if expected is not None and expected != " ".join(original[s:e] for s, e in frags):
            raise RefusedFile(path, f"T line text {expected!r} does not match the text at {where}", line_no)
        if len(frags) > 1 and any(original[a:b].strip() for (_, a), (b, _) in zip(frags, frags[1:])):
            cut += 1
            warnings.append(f"{path}, line {line_no}: discontinuous span {parts[0]} ({where}) "
                            f"cut to its extent {start}-{end}")
        spans.append(checked_span(path, line_no, original, start, end, label, fmt="brat"))
        lines.append(line_no)
    if ignored:
        counts = ", ".join(f"{n} {k}" for k, n in sorted(ignored.items()))
        warnings.append(f"{path}: {sum(ignored.values())} non-T line(s) ignored ({counts})")
    text, spans = normalised(original, spans) if original != text else (text, spans)
    title = guess_title(text, fallback=path.stem.replace("_", " "))
    return [ArticleRecord(text, title, source=str(txt), spans=spans, line=1, span_lines=lines)], warnings


def _undecoded_newlines(txt: Path, encoding: str) -> str:
    """The .txt as decoded but with its own line ends, which brat offsets count."""
    data = txt.read_bytes()
    codec = {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16", "utf-8": "utf-8"}.get(encoding, "cp1252")
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return data.decode("latin-1")


MAX_UNPACKED = 2 << 30  # a "zip bomb" is refused before anything is unpacked


def read_zip(path: Path) -> tuple[list[ArticleRecord], list[str]]:
    """Every .ann/.txt pair in a brat .zip. Messages name ``corpus.zip/inner/name.ann``."""
    try:
        with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory(prefix="tagdesk-brat-") as tmp:
            members = [m for m in archive.infolist() if not m.is_dir()
                       and m.filename.lower().endswith((".ann", ".txt"))]
            if not any(m.filename.lower().endswith(".ann") for m in members):
                raise RefusedFile(path, "holds no brat .ann files")
            if sum(m.file_size for m in members) > MAX_UNPACKED:
                raise RefusedFile(path, "would unpack to more than 2 GB")
            root = Path(tmp).resolve()
            for member in members:
                target = (root / member.filename).resolve()
                if not target.is_relative_to(root):
                    raise RefusedFile(path, f"holds a path outside the archive: {member.filename!r}")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(member))
            records, warnings = [], []
            for member in sorted(m.filename for m in members if m.filename.lower().endswith(".ann")):
                inner = path / member  # how every message names the file
                try:
                    found, said = read_ann(root / member)
                except RefusedFile as exc:
                    raise RefusedFile(inner, exc.reason, exc.line) from None
                for record in found:
                    record.source = str(inner.with_suffix(".txt"))
                records += found
                warnings += [w.replace(str(root), str(path)) for w in said]
            return records, warnings
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError) as exc:
        raise RefusedFile(path, f"is not a zip archive Tagdesk can read ({exc})") from None


register_reader(".ann", read_ann)
register_reader(".zip", read_zip)
register_format(DatasetFormat("brat", "brat standoff (folder or .zip)", "", write, folder=True))
