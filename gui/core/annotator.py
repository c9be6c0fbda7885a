"""Who new spans are by: the ``annotator`` setting of the database, else the login name."""

from __future__ import annotations

import getpass

SETTING = "annotator"


def default_annotator(store) -> str:
    try:
        login = getpass.getuser()
    except Exception:  # no login name (some containers): still a name
        login = "editor"
    return store.get_setting(SETTING) or login
