"""The only code in Tagdesk that touches SQLite."""

from gui.store.errors import (
    DuplicateArticle,
    InvalidSpan,
    SchemaTooNew,
    StoreError,
    UnknownLabel,
)
from gui.store.store import Store

__all__ = [
    "DuplicateArticle",
    "InvalidSpan",
    "SchemaTooNew",
    "Store",
    "StoreError",
    "UnknownLabel",
]
