"""``export_dataset``: the articles and spans the filters select, in one format,
written to a temporary name and renamed when complete: a cancelled or failed
export leaves nothing behind, and an existing file is replaced only with ``force``."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path

from gui.core.formats.common import (
    ExportCancelled,
    ExportItem,
    ExportOptions,
    ExportRefused,
    ExportReport,
    check_target,
    discard,
    move_into_place,
    temp_path,
)
from gui.core.formats.registry import FORMATS

Progress = Callable[[int, int], bool]  # (done, total) -> False to cancel


def split_targets(out: Path, fmt_suffix: str) -> tuple[Path, Path]:
    """``corpus.spacy`` -> ``corpus-train.spacy``, ``corpus-dev.spacy``."""
    suffix = out.suffix or fmt_suffix
    stem = out.name[: -len(out.suffix)] if out.suffix else out.name
    return out.with_name(f"{stem}-train{suffix}"), out.with_name(f"{stem}-dev{suffix}")


def export_dataset(store, out: Path | str, fmt: str, options: ExportOptions | None = None,
                   progress: Progress | None = None) -> ExportReport:
    """Write the selected articles of ``store`` to ``out`` in format ``fmt``."""
    from gui.store.datasets import (
        articles_with_spans,
        export_article_ids,
        pending_suggestions,
    )

    options = options or ExportOptions()
    if fmt not in FORMATS:
        raise ExportRefused(f"unknown format {fmt!r} (known: {', '.join(sorted(FORMATS))})")
    dataset_format = FORMATS[fmt]
    out = Path(out)
    unknown = set(options.labels) - store.label_names()
    if unknown:
        raise ExportRefused(f"unknown label(s): {', '.join(sorted(unknown))}")
    if options.split is not None:
        if not 0 < options.split < 1:
            raise ExportRefused(f"--split must be between 0 and 1, got {options.split}")
        if dataset_format.folder and out.suffix.lower() != ".zip":
            targets = [out / "train", out / "dev"]
        else:
            targets = list(split_targets(out, dataset_format.suffix))
    else:
        targets = [out]
    if targets[0].parent == out:  # a folder format split into out/train and out/dev
        check_target(out, force=True, folder=True)
        out.mkdir(exist_ok=True)
    for target in targets:
        check_target(target, options.force, folder=dataset_format.folder and target.suffix.lower() != ".zip")

    ids = export_article_ids(store, options.statuses, options.labels, options.annotator)
    report = ExportReport(fmt)
    total = len(ids)

    def items(chosen: list[int], offset: int) -> Iterator[ExportItem]:
        for i, (article, rows) in enumerate(
                articles_with_spans(store, chosen, options.labels, options.annotator,
                                    times=dataset_format.span_times, keys=dataset_format.span_keys)):
            if progress is not None and progress(offset + i, total) is False:
                raise ExportCancelled()
            suggestions = pending_suggestions(store, article.id, options.labels) if options.suggestions else []
            report.articles += 1
            report.spans += len(rows)
            report.suggestions += len(suggestions)
            if dataset_format.span_keys:
                yield ExportItem(article, suggestions=suggestions, keyed=rows)
            else:
                yield ExportItem(article, suggestions=suggestions, rows=rows)

    parts = [ids]
    if options.split is not None:
        shuffled = list(ids)
        random.Random(options.seed).shuffle(shuffled)
        cut = round(len(shuffled) * options.split)
        if len(shuffled) >= 2:
            cut = min(max(cut, 1), len(shuffled) - 1)
        parts = [sorted(shuffled[:cut]), sorted(shuffled[cut:])]

    temps: list[Path] = []
    try:
        done = 0
        for target, chosen in zip(targets, parts):
            is_folder = dataset_format.folder and target.suffix.lower() != ".zip"
            temp = temp_path(target, folder=is_folder)
            temps.append(temp)
            dataset_format.write(items(chosen, done), temp, options, report)
            done += len(chosen)
        if progress is not None and progress(total, total) is False:
            raise ExportCancelled()
        for temp, target in zip(temps, targets):
            move_into_place(temp, target)
    except ExportCancelled:
        for temp in temps:
            discard(temp)
        report.cancelled = True
        return report
    except BaseException:
        for temp in temps:
            discard(temp)
        raise
    report.paths = targets
    return report
