"""Pattern files: spaCy ``Matcher`` patterns as JSONL, one file per label.

Each line of ``<label>.jsonl`` is one pattern (the bundled files are in
``resources/patterns``; ``tagdesk patterns copy`` puts an editable copy in the data
dir, which is then used instead)::

    {"id": "reporting-verb", "pattern": [{"LOWER": {"IN": ["said", "told"]}}],
     "extend": "sentence", "score": 0.7}

``pattern`` is a spaCy Matcher token pattern. ``extend`` says how a match grows
into the suggested span (see ``rules.EXTENDERS``): ``match``, ``clause``,
``sentence``, ``quantity``. ``role`` is ``"suggest"`` (default), ``"tail"`` (a
qualifier a ``quantity`` match may swallow: "since March", "a year") or
``"exclude"`` (a figure of speech: suggestions of this label overlapping it are
dropped). Blank lines and lines starting with ``//`` are ignored.

A broken line is reported as ``file:line: reason`` and skipped; the rest of the
file, and every other file, keep working. Files are re-read when they change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from gui.core.paths import data_dir, resources_dir
from gui.core.spacy_import import ensure_spacy

ROLES = ("suggest", "tail", "exclude")
EXTENDS = ("match", "clause", "sentence", "quantity")


@dataclass(frozen=True)
class Pattern:
    label: str
    id: str
    pattern: list
    extend: str = "match"
    score: float = 0.6
    role: str = "suggest"
    where: str = ""  # file:line


@dataclass(frozen=True)
class PatternError:
    path: Path
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


@dataclass
class PatternSet:
    patterns: list[Pattern] = field(default_factory=list)
    errors: list[PatternError] = field(default_factory=list)
    stamp: tuple = ()  # (name, mtime_ns, size) of every file read

    def labels(self) -> set[str]:
        return {p.label for p in self.patterns}


def bundled_patterns_dir() -> Path:
    return resources_dir() / "patterns"


def user_patterns_dir() -> Path:
    """Where an editor's own copy of the patterns lives (``tagdesk patterns copy``)."""
    return data_dir() / "patterns"


def patterns_dir() -> Path:
    """The editor's copy when there is one, else the bundled patterns."""
    user = user_patterns_dir()
    return user if any(user.glob("*.jsonl")) else bundled_patterns_dir()


def copy_patterns(target: Path | None = None) -> list[Path]:
    """Copy the bundled pattern files for editing; existing files are kept. Returns the new ones."""
    import shutil

    target = Path(target) if target is not None else user_patterns_dir()
    target.mkdir(parents=True, exist_ok=True)
    copied = []
    for source in sorted(bundled_patterns_dir().glob("*.jsonl")):
        if not (target / source.name).exists():
            shutil.copyfile(source, target / source.name)
            copied.append(target / source.name)
    return copied


def label_of(path: Path) -> str:
    return path.stem.upper()


def _stamp(folder: Path) -> tuple:
    if not folder.is_dir():
        return ()
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in folder.glob("*.jsonl")))


def _parse_line(raw: str, label: str, where: str, validator) -> Pattern:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(data, dict):
        raise ValueError("each line must be a JSON object with a \"pattern\"")
    if data.get("label", label).upper() != label:
        raise ValueError(f"label {data['label']!r} does not match the file (it holds {label} patterns)")
    pattern = data.get("pattern")
    if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
        raise ValueError("\"pattern\" must be a non-empty list of token objects, e.g. [{\"LOWER\": \"said\"}]")
    extend = data.get("extend", "match")
    if extend not in EXTENDS:
        raise ValueError(f"\"extend\" must be one of {', '.join(EXTENDS)}; got {extend!r}")
    role = data.get("role", "suggest")
    if role not in ROLES:
        raise ValueError(f"\"role\" must be one of {', '.join(ROLES)}; got {role!r}")
    score = data.get("score", 0.6)
    if not isinstance(score, (int, float)) or not 0 <= score <= 1:
        raise ValueError(f"\"score\" must be a number from 0 to 1; got {score!r}")
    problems = validator(pattern)
    if problems:
        raise ValueError("invalid token pattern: " + "; ".join(str(p) for p in problems))
    return Pattern(label=label, id=str(data.get("id") or where.rsplit("/", 1)[-1]), pattern=pattern,
                   extend=extend, score=float(score), role=role, where=where)


def _validator():
    ensure_spacy()
    from spacy.schemas import validate_token_pattern

    return validate_token_pattern


def load_patterns(folder: Path | None = None) -> PatternSet:
    """Read every ``*.jsonl`` in ``folder``; bad lines become ``PatternError``s."""
    folder = Path(folder) if folder is not None else patterns_dir()
    result = PatternSet(stamp=_stamp(folder))
    if not folder.is_dir():
        return result
    validator = _validator()
    for path in sorted(folder.glob("*.jsonl")):
        label = label_of(path)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            result.errors.append(PatternError(path, 0, f"cannot be read ({exc})"))
            continue
        for number, raw in enumerate(lines, 1):
            if not raw.strip() or raw.lstrip().startswith("//"):
                continue
            try:
                result.patterns.append(_parse_line(raw, label, f"{path.name}:{number}", validator))
            except ValueError as exc:
                result.errors.append(PatternError(path, number, str(exc)))
    return result


class PatternCache:
    """The patterns of a folder, re-read only when a file there changed (mtime/size)."""

    def __init__(self, folder: Path | None = None):
        self.folder = Path(folder) if folder is not None else patterns_dir()
        self._set: PatternSet | None = None

    def get(self) -> tuple[PatternSet, bool]:
        """(patterns, whether they were (re)loaded by this call)."""
        if self._set is None or self._set.stamp != _stamp(self.folder):
            self._set = load_patterns(self.folder)
            return self._set, True
        return self._set, False
