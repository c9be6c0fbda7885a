"""Shared fixtures. Qt runs offscreen; QSettings go to a temporary folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Keep QSettings, the data dir and TAGDESK_DB away from the real user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("TAGDESK_DB", raising=False)
    yield


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "tagdesk.db"


@pytest.fixture
def store(db_path):
    from gui.core.seeding import ensure_labels
    from gui.store import Store

    s = Store(db_path)
    ensure_labels(s)
    yield s
    s.close()


@pytest.fixture
def seeded_store(store):
    from gui.core.seeding import import_seeds

    import_seeds(store)
    return store
