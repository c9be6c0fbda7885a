"""Reading article text from disk: encodings, binary and empty files."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path


class RefusedFile(Exception):
    """A file that cannot be imported. The message names the file (and line, if any)."""

    def __init__(self, path: Path | str, reason: str, line: int | None = None):
        where = f"{path}, line {line}" if line else f"{path}"
        super().__init__(f"{where}: {reason}")
        self.path = Path(path)
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    warning: str = ""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets mean the same in every view and export."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, path: Path | str) -> DecodedText:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 with a warning.

    Binary and empty files raise ``RefusedFile``.
    """
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise RefusedFile(path, f"starts with a UTF-16 mark but is not valid UTF-16 ({exc.reason})") from None
    else:
        if b"\x00" in data:
            line = data[: data.index(b"\x00")].count(b"\n") + 1
            raise RefusedFile(path, "contains NUL bytes; it looks like a binary file, not text", line)
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
            return _checked(
                DecodedText(
                    normalise_newlines(text),
                    "cp1252",
                    f"{path}: not valid UTF-8 (first bad byte on line {line}); read as Windows-1252. "
                    "Check its accented letters and quotes.",
                ),
                path,
            )
    return _checked(DecodedText(normalise_newlines(text), encoding), path)


def _checked(decoded: DecodedText, path: Path | str) -> DecodedText:
    text = decoded.text
    if not text.strip():
        raise RefusedFile(path, "is empty")
    if "\x00" in text:
        raise RefusedFile(path, "contains NUL characters; it looks like a binary file, not text")
    sample = text[:4096]
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise RefusedFile(path, "is full of control characters; it looks like a binary file, not text")
    return decoded


def read_text_file(path: Path) -> DecodedText:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise RefusedFile(path, "no longer exists") from None
    except OSError as exc:
        raise RefusedFile(path, f"cannot be read ({exc.strerror or exc})") from None
    return decode_bytes(data, path)


def guess_title(text: str, fallback: str) -> str:
    """The article's title: its first line when that reads as a title, else ``fallback``.

    A title line is a Markdown heading, or a short first line without closing
    punctuation that is followed by more text.
    """
    first, _, rest = text.lstrip("\ufeff").partition("\n")
    first = first.strip()
    if first.startswith("#"):
        heading = first.lstrip("#").strip()
        if heading:
            return heading
    if first and rest.strip() and len(first) <= 120 and first[-1] not in ".!?:;,\"'”’»":
        return first
    return fallback
