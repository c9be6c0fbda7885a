"""The frozen app's entry point: the same as ``tagdesk`` and ``python -m gui``."""

import os
import sys


def _attach_console() -> None:
    """A windowed Windows build starts without stdout/stderr; when run from a
    console (``Tagdesk.exe --version``, ``--self-test``) write to that console."""
    if sys.stdout is not None and sys.stderr is not None:
        return
    if os.name == "nt":
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            sys.stdout = sys.stdout or open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115
            sys.stderr = sys.stderr or open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115
            return
    sys.stdout = sys.stdout or open(os.devnull, "w")  # noqa: SIM115
    sys.stderr = sys.stderr or open(os.devnull, "w")  # noqa: SIM115


_attach_console()

from gui.cli import main  # noqa: E402

raise SystemExit(main())
