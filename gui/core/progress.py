"""Long-running core work reports ``progress(done, total, message)``; a callback
that returns False (or raises ``Cancelled``) stops it."""

from __future__ import annotations

from collections.abc import Callable


class Cancelled(Exception):
    """The user stopped a long run (import, export, suggesting, training)."""


ProgressFn = Callable[[int, int, str], bool | None]
