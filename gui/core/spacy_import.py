"""Importing spaCy from worker threads.

spaCy's package imports itself in cycles; two threads importing it for the first time
at once (the tokenizer worker and the suggestion worker both start when an article
opens) can each see the other's half-initialised modules and fail with
"cannot import name ... from partially initialized module". Every lazy import of
spaCy in the app goes through ``ensure_spacy()`` first, so the first one runs alone.

The same holds for spaCy's one-time registration of its pipeline factories (done by
the first ``Language()``): two threads registering at once compare the functions by
their source code, which a frozen app does not ship ("could not get source code").
So the registration happens here too, under the same lock.
"""

from __future__ import annotations

import threading

_LOCK = threading.Lock()
_done = False


def ensure_spacy():
    """Import spaCy (once, one thread at a time) and return the module."""
    global _done
    if not _done:
        with _LOCK:
            import spacy
            from spacy.pipeline.factories import register_factories

            register_factories()
            _done = True
    import spacy

    return spacy
