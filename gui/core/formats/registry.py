"""The dataset formats Tagdesk writes, by name."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from gui.core.formats.common import ExportItem, ExportOptions, ExportReport

Writer = Callable[[Iterable[ExportItem], Path, ExportOptions, ExportReport], None]


@dataclass(frozen=True)
class DatasetFormat:
    name: str          # the --format value
    title: str         # what the GUI shows
    suffix: str        # the usual file suffix ("" for a folder)
    write: Writer      # writes items to a path (a temporary one, renamed when complete)
    folder: bool = False  # writes a folder (or a .zip when the target ends in .zip)
    span_times: bool = False  # writes the spans' created/updated timestamps
    span_keys: bool = False  # reads ExportItem.keyed (label, annotator, origin in one string)


FORMATS: dict[str, DatasetFormat] = {}
ORDER = ["jsonl", "spacy", "doccano", "labelstudio", "brat", "conll", "csv"]  # as menus list them


def ordered_formats() -> list[DatasetFormat]:
    return sorted(FORMATS.values(), key=lambda f: ORDER.index(f.name) if f.name in ORDER else len(ORDER))


def register_format(fmt: DatasetFormat) -> DatasetFormat:
    FORMATS[fmt.name] = fmt
    return fmt
