"""Errors the store raises. Each message is written to be shown to an editor as is."""


class StoreError(Exception):
    """Base class: anything the UI or CLI should show as a plain message."""


class InvalidSpan(StoreError):
    pass


class UnknownLabel(StoreError):
    pass


class SchemaTooNew(StoreError):
    pass


class DuplicateArticle(StoreError):
    def __init__(self, message: str, existing_id: int):
        super().__init__(message)
        self.existing_id = existing_id
