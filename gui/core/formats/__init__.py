"""Dataset formats: each module writes one format and registers its reader with
``gui.core.importer``. Importing this package registers them all (no spaCy, no Qt:
those are imported inside the functions that need them)."""

from gui.core.formats import (  # noqa: F401
    brat,
    conll,
    csv_spans,
    doccano,
    jsonl_prodigy,
    jsonl_reader,
    labelstudio,
    spacy_docbin,  # noqa: F401
)
from gui.core.formats.registry import (  # noqa: F401
    FORMATS,
    DatasetFormat,
    ordered_formats,
    register_format,
)
