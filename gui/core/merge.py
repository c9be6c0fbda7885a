"""Bring another editor's database into this one (``tagdesk merge OTHER.db``, File -> Merge).

* Articles are matched by content hash: the same text is the same article, whatever its
  id or title in the other file. Articles this database lacks are added with their status.
* Spans keep their annotator, so each editor's work stays a separate layer (what the
  agreement report and the adjudication view compare). A span without an annotator in
  the other file is credited to ``fallback_annotator`` (default: the other file's name).
* Idempotent: a span is skipped when this database already has one with the same
  article, start, end, label and annotator, so merging twice adds nothing.
* One transaction: a merge that fails part-way changes nothing.

Another editor's *export* (JSONL, CoNLL, ...) comes in through the importers of
``gui.core.formats``; this module handles Tagdesk database files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from gui.core.model import Span, Status, content_hash


@dataclass
class MergeReport:
    path: Path
    articles_added: int = 0
    articles_matched: int = 0
    spans_added: int = 0
    spans_skipped: int = 0
    labels_added: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        lines = [f"{self.path}: {self.articles_added} article(s) added, {self.articles_matched} matched; "
                 f"{self.spans_added} span(s) added, {self.spans_skipped} already present"]
        if self.labels_added:
            lines.append(f"labels added: {', '.join(self.labels_added)}")
        return lines


def merge_database(store, other_path: str | Path, fallback_annotator: str | None = None,
                   progress: Callable[[int, int], bool] | None = None) -> MergeReport:
    from gui.store.other_database import OtherDatabase
    from gui.store.review_queries import span_keys

    other_path = Path(other_path)
    if other_path.resolve() == Path(store.path).resolve():
        raise ValueError(f"{other_path} is this database; there is nothing to merge.")
    fallback = fallback_annotator or other_path.stem
    report = MergeReport(other_path)
    with OtherDatabase(other_path) as other, store.transaction():
        known = store.label_names()
        position = len(known)
        added_labels = []
        for label in other.labels():
            if label.name not in known:
                store.upsert_label(replace(label, position=position + len(added_labels)))
                added_labels.append(label.name)
        report.labels_added = tuple(added_labels)
        total = other.article_count()
        for i, article in enumerate(other.articles()):
            if progress is not None and progress(i, total) is False:
                raise InterruptedError("Merge cancelled; nothing was changed.")
            article_id = store.article_id_by_hash(content_hash(article.text))
            if article_id is None:
                article_id = store.add_article(article.text, article.title, article.source, article.meta)
                if article.status != Status.TODO.value and article.status in {s.value for s in Status}:
                    store.set_status(article_id, Status(article.status))
                report.articles_added += 1
            else:
                report.articles_matched += 1
            keys = span_keys(store, article_id)
            for span in article.spans:
                annotator = span.annotator or fallback
                key = (span.start, span.end, span.label, annotator)
                if key in keys:
                    report.spans_skipped += 1
                    continue
                store.add_span(Span(article_id, span.start, span.end, span.label, annotator,
                                    span.origin or "merged", created=span.created))
                keys.add(key)
                report.spans_added += 1
    return report
