"""The JSONL writer pauses the cyclic collector and always gives it back as it was."""

from __future__ import annotations

import gc

import pytest

from gui.core.formats.common import gc_paused


def test_nested_pauses_restore_the_collector():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still runs
    assert gc.isenabled()


def test_a_failing_block_restores_the_collector():
    with pytest.raises(ValueError):
        with gc_paused():
            raise ValueError("boom")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_export_leaves_the_collector_on(store, tmp_path):
    from gui.core.formats.export import export_dataset

    store.add_article("Some text here.", "t")
    export_dataset(store, tmp_path / "out.jsonl", "jsonl")
    assert gc.isenabled() and (tmp_path / "out.jsonl").exists()
