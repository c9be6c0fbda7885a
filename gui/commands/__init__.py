"""Headless commands of ``tagdesk``. Each feature module registers its commands
with ``@command`` and is listed in ``gui.cli.COMMAND_MODULES``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass


class UsageError(Exception):
    """A problem the user can fix; printed without a traceback, exit code 2."""


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: dict[str, Command] = {}


def command(name: str, help: str):
    """Register ``fn(args) -> int``; its docstring-free ``configure`` is set with ``.arguments``."""

    def register(fn):
        COMMANDS[name] = Command(name, help, getattr(fn, "_configure", lambda p: None), fn)
        return fn

    return register


def arguments(configure: Callable[[argparse.ArgumentParser], None]):
    """Attach an argument-adding function to a command (put it below ``@command``)."""

    def attach(fn):
        fn._configure = configure
        return fn

    return attach


def open_store(args):
    """The store named by ``--db``, migrated, with the default labels present."""
    from gui.core.seeding import ensure_labels
    from gui.store import Store

    store = Store(args.db)
    ensure_labels(store)
    if store.backup:
        print(f"Migrated {args.db}; the old database is kept as {store.backup}", file=sys.stderr)
    return store
