"""Where Tagdesk finds its bundled files and keeps its data."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Tagdesk"
_PACKAGE = Path(__file__).resolve().parent.parent


def bundled(name: str) -> Path:
    """``resources`` or ``seeds``: inside an installed wheel or frozen app they sit in
    ``gui/_bundled``; in a source checkout, at the top of the repository."""
    for candidate in (_PACKAGE / "_bundled" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"Tagdesk's {name}/ folder is missing from this installation")


def resources_dir() -> Path:
    return bundled("resources")


def seeds_dir() -> Path:
    return bundled("seeds")


def data_dir() -> Path:
    import platformdirs  # ~10 ms: only when no --db is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """``--db`` wins over ``TAGDESK_DB``, which wins over the platform data dir."""
    env = os.environ.get("TAGDESK_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "tagdesk.db"
