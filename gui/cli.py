"""``tagdesk``: with no command it opens the window; with one it works headless.

Every command reports problems on stderr with exit code 2, never a traceback.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from gui import __version__
from gui.core.paths import default_db_path

if TYPE_CHECKING:
    import argparse

# Each module registers its commands with gui.commands.command.
COMMAND_MODULES = ["gui.commands.corpus", "gui.commands.suggest", "gui.commands.review",
                   "gui.commands.datasets"]


def build_parser() -> argparse.ArgumentParser:
    import argparse

    from gui.commands import COMMANDS

    for module in COMMAND_MODULES:
        importlib.import_module(module)
    parser = argparse.ArgumentParser(
        prog="tagdesk", description="Tag claims, threats, denials and statistics in news articles. "
        "Run without a command to open the window.")
    parser.add_argument("--version", action="version", version=f"tagdesk {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation on a temporary database (no window) and exit")
    parser.add_argument("--db", type=Path, default=None,
                        help="database file (default: $TAGDESK_DB, else tagdesk.db in the user data dir)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for cmd in COMMANDS.values():
        p = sub.add_parser(cmd.name, help=cmd.help, description=cmd.help)
        cmd.configure(p)
        p.set_defaults(func=cmd.run)
    return parser


def window_args(argv: list[str]) -> tuple[Path | None, list[str]] | None:
    """``--db`` and Qt's own options when ``argv`` only opens the window, else None.

    Opening the window is the common case and must be quick: building the full parser
    imports every command module and argparse (~40 ms). Anything else (a command,
    --help, --version, --self-test, an abbreviation) goes to the full parser.
    """
    db, extra, tokens = None, [], iter(argv)
    for token in tokens:
        if token == "--db":
            db = next(tokens, None)
            if db is None:
                return None
        elif token.startswith("--db="):
            db = token.removeprefix("--db=")
        elif token.startswith("-") and not token.startswith("--") and token != "-h":
            extra.append(token)  # Qt's single-dash options, e.g. -style=fusion
        else:
            return None
    return (Path(db) if db else None), extra


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    quick = window_args(argv)
    if quick is not None:
        db, extra = quick
        from gui.qt.app import run

        return run(db.expanduser() if db else default_db_path(), extra)
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if args.self_test:
        from gui.selftest import run as run_selftest

        return run_selftest()
    args.db = Path(args.db).expanduser() if args.db else default_db_path()
    if args.command is None:
        from gui.qt.app import run

        return run(args.db, extra)  # Qt's own options (-platform, -style) pass through
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    from gui.commands import UsageError
    from gui.core.textfile import RefusedFile
    from gui.store import StoreError

    try:
        return args.func(args) or 0
    except (StoreError, RefusedFile, UsageError, OSError) as exc:
        print(f"tagdesk: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("tagdesk: interrupted", file=sys.stderr)
        return 130
