"""Dataset formats: each module writes one format and registers its reader with
``gui.core.importer``. Importing this package registers them all (no spaCy, no Qt:
those are imported inside the functions that need them)."""

from gui.core.formats import brat, conll, csv_spans, doccano, jsonl_prodigy, jsonl_reader, labelstudio  # noqa: F401
from gui.core.formats import spacy_docbin  # noqa: F401
from gui.core.formats.registry import FORMATS, DatasetFormat, ordered_formats, register_format  # noqa: F401
