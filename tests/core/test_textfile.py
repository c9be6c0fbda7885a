from __future__ import annotations

import codecs

import pytest

from gui.core.textfile import RefusedFile, decode_bytes, guess_title


def test_utf8_with_and_without_bom():
    assert decode_bytes("Petro’s “threat”".encode(), "a.txt").text == "Petro’s “threat”"
    decoded = decode_bytes(codecs.BOM_UTF8 + "Ünïcode".encode(), "a.txt")
    assert decoded.text == "Ünïcode" and decoded.warning == ""


def test_utf16_with_bom():
    assert decode_bytes("Bogotá".encode("utf-16"), "a.txt").text == "Bogotá"


def test_cp1252_is_decoded_and_the_user_is_told_by_name():
    decoded = decode_bytes("line one\nCaf\u00e9 \u201cquoted\u201d".encode("cp1252"), "old/news.txt")
    assert decoded.text == "line one\nCafé “quoted”"
    assert decoded.encoding == "cp1252"
    assert "old/news.txt" in decoded.warning and "line 2" in decoded.warning


def test_newlines_are_normalised():
    assert decode_bytes(b"a\r\nb\rc\n", "a.txt").text == "a\nb\nc\n"


@pytest.mark.parametrize("data,reason", [
    (b"", "empty"),
    (b"  \n\t\n", "empty"),
    (b"PK\x03\x04\x00\x00binary", "NUL"),
    (bytes(range(1, 32)) * 50, "control characters"),
])
def test_binary_and_empty_files_are_refused_with_the_file_name(data, reason):
    with pytest.raises(RefusedFile, match=reason) as info:
        decode_bytes(data, "in/bad.txt")
    assert "in/bad.txt" in str(info.value)


@pytest.mark.parametrize("text,title", [
    ("# Heading here\n\nBody.", "Heading here"),
    ("Petro warns of real threat\n\nBody text follows.", "Petro warns of real threat"),
    ("They had a phone call. Then it went wrong.\nMore.", "fallback"),
    ("Just one line with no body", "fallback"),
])
def test_title_guess(text, title):
    assert guess_title(text, "fallback") == title
