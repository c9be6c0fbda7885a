"""User text inside tooltips and labels. Qt guesses whether a string is rich text,
so a title such as ``<b>Smith</b> &amp; Sons`` would render bold and decoded. Wrapping
the escaped text in a paragraph makes Qt read it as rich text and show it literally."""

from __future__ import annotations

import html


def literal(text: str) -> str:
    """Rich text that displays ``text`` exactly, line breaks included."""
    return f"<p style='white-space:pre-wrap; margin:0'>{html.escape(text)}</p>"
