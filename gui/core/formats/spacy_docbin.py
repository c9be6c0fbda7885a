"""spaCy ``DocBin`` (``.spacy``): spans in ``doc.spans[key]`` ("sc" unless set),
``doc.ents`` where an article's spans do not overlap, article metadata in
``user_data["tagdesk"]``. spaCy is imported inside the functions."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from gui.core.formats.common import (
    DroppedSpan,
    ExportItem,
    ExportOptions,
    ExportReport,
    checked_span,
    tokenize,
)
from gui.core.formats.registry import DatasetFormat, register_format
from gui.core.importer import ArticleRecord, register_reader
from gui.core.spacy_import import ensure_spacy
from gui.core.textfile import RefusedFile, guess_title


def words_and_spaces(text: str, starts: set[int], ends: set[int]) -> tuple[list[str], list[bool]]:
    """Tokens covering every character (whitespace runs become tokens, a single
    space after a token is its trailing space) such that every span start and end
    falls on a token boundary."""
    cuts = sorted(starts | ends)
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for start, end in tokenize(text, cuts) + [(len(text), len(text))]:
        if start > pos:
            if words and not spaces[-1] and text[pos] == " " and pos not in starts and pos + 1 not in ends:
                spaces[-1] = True
                pos += 1
            inner = [c for c in cuts if pos < c < start]
            for a, b in zip([pos, *inner], [*inner, start]):
                if b > a:
                    words.append(text[a:b])
                    spaces.append(False)
        if end > start:
            words.append(text[start:end])
            spaces.append(False)
        pos = end
    return words, spaces


def make_doc(vocab, item: ExportItem, options: ExportOptions, report: ExportReport):
    ensure_spacy()
    from spacy.tokens import Doc

    a = item.article
    spans = item.spans_with_suggestions() if options.suggestions else item.spans
    words, spaces = words_and_spaces(a.text, {s.start for s in spans}, {s.end for s in spans})
    doc = Doc(vocab, words=words, spaces=spaces)
    assert doc.text == a.text, "tokens must rebuild the article text"
    group, annotators = [], []
    for s in spans:
        span = doc.char_span(s.start, s.end, label=s.label)
        if span is None:  # cannot happen with words_and_spaces; reported, never silent
            report.dropped.append(DroppedSpan(a.id, a.title, s.start, s.end, s.label, "not on token bounds"))
            continue
        group.append(span)
        annotators.append(s.annotator)
    doc.spans[options.spans_key] = group
    ordered = sorted(group, key=lambda sp: (sp.start, sp.end))
    if all(x.end <= y.start for x, y in zip(ordered, ordered[1:])):
        try:
            doc.ents = ordered
        except ValueError as exc:
            report.warnings.append(f"article {a.id}: spans not set as doc.ents ({exc})")
    doc.user_data["tagdesk"] = {"article_id": a.id, "title": a.title, "source": a.source,
                                "status": a.status.value, "spans_key": options.spans_key,
                                "annotators": annotators}
    return doc


def write(items: Iterable[ExportItem], path: Path, options: ExportOptions, report: ExportReport) -> None:
    ensure_spacy()
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    vocab = Vocab()
    docbin = DocBin(attrs=["ORTH", "SPACY", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
    for item in items:
        docbin.add(make_doc(vocab, item, options, report))
    path.write_bytes(docbin.to_bytes())


def read_docbin(path: Path) -> tuple[list[ArticleRecord], list[str]]:
    ensure_spacy()
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    try:
        docbin = DocBin(store_user_data=True).from_bytes(path.read_bytes())
        docs = list(docbin.get_docs(Vocab()))
    except Exception as exc:  # a corrupt or foreign file: msgpack/zlib errors of any kind
        raise RefusedFile(path, f"is not a spaCy DocBin ({exc.__class__.__name__}: {exc})") from None
    records, warnings = [], []
    for n, doc in enumerate(docs, start=1):
        meta = doc.user_data.get("tagdesk") or {}
        key = meta.get("spans_key") or "sc"
        if key in doc.spans:
            found = list(doc.spans[key])
        elif doc.spans:
            key = sorted(doc.spans)[0]
            found = list(doc.spans[key])
        else:
            found = list(doc.ents)
        annotators = meta.get("annotators") or []
        if len(annotators) != len(found):
            annotators = [""] * len(found)
        if not doc.text.strip():
            raise RefusedFile(path, f"doc {n} has no text")
        spans = [checked_span(path, None, doc.text, s.start_char, s.end_char, s.label_, fmt="spacy",
                              annotator=who) for s, who in zip(found, annotators)]
        title = meta.get("title") or guess_title(doc.text, fallback=f"{path.stem} {n}")
        records.append(ArticleRecord(doc.text, str(title), source=str(meta.get("source") or path),
                                     spans=spans, line=None))
    if not records:
        raise RefusedFile(path, "holds no docs")
    return records, warnings


register_reader(".spacy", read_docbin)
register_format(DatasetFormat("spacy", "spaCy DocBin", ".spacy", write))
