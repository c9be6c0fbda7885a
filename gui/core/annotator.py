"""Who new spans are by: the database's ``annotator`` setting, else the login name.

Each editor works in a database of their own (merged later), so the name lives in
that database: the window, the command line and every span agree on it.
"""

from __future__ import annotations

import getpass

SETTING = "annotator"


def login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): still a name
        return "editor"


def stored_annotator(store) -> str | None:
    """The name the editor gave, or None before they were asked."""
    return store.get_setting(SETTING) or None


def set_annotator(store, name: str) -> str:
    name = name.strip() or login_name()
    store.set_setting(SETTING, name)
    return name


def default_annotator(store) -> str:
    return stored_annotator(store) or login_name()
