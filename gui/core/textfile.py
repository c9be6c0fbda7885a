"""Reading article text from disk: encodings, binary and empty files."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

# One text file is one article. The longest news articles are well under 1 MB; a
# bigger file is something else, and a 50 MB line would freeze the article view.
MAX_TEXT_BYTES = 10 * 1024 * 1024


def shown(path: Path | str) -> str:
    """A path as it can be printed and stored: bytes of a file name that are not
    valid UTF-8 become U+FFFD instead of lone surrogates (which cannot be encoded)."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


class RefusedFile(Exception):
    """A file that cannot be imported. The message names the file (and line, if any)."""

    def __init__(self, path: Path | str, reason: str, line: int | None = None):
        where = f"{shown(path)}, line {line}" if line else shown(path)
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
                    f"{shown(path)}: not valid UTF-8 (first bad byte on line {line}); read as Windows-1252. "
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


def read_text_file(path: Path, max_bytes: int = MAX_TEXT_BYTES) -> DecodedText:
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            raise RefusedFile(path, f"is {size / 1e6:.1f} MB; an article file can be at most "
                                    f"{max_bytes / 1e6:.0f} MB (is it really one article?)")
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
