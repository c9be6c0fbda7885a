"""gui/core and gui/store must never import Qt: checked on the source and at run time."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

GUI = Path(__file__).resolve().parent.parent / "gui"
QT_MODULES = ("PySide6", "shiboken6", "qtawesome", "gui.qt")


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_core_and_store_sources_do_not_import_qt():
    offenders = [
        f"{path.relative_to(GUI.parent)} imports {name}"
        for layer in ("core", "store", "commands")
        for path in (GUI / layer).rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in QT_MODULES or name.startswith("gui.qt")
    ]
    assert offenders == []


def test_importing_every_core_and_store_module_loads_no_qt():
    modules = sorted(
        ".".join(p.relative_to(GUI.parent).with_suffix("").parts)
        for layer in ("core", "store")
        for p in (GUI / layer).rglob("*.py")
        if p.name != "__init__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'qtawesome', 'spacy')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=GUI.parent, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
