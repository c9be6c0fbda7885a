"""Growing a token match into the span an editor would tag, on the ``Doc``.

All of it is token and sentence logic over spaCy's ``Doc``: sentence bounds from
the sentencizer, clause bounds at clause punctuation, quotes balanced so a
quotation is never cut in half, and trailing punctuation trimmed.
"""

from __future__ import annotations

OPEN_QUOTES = {"“", "‘", "«"}
CLOSE_QUOTES = {"”", "’", "»"}
STRAIGHT = {'"', "'"}
CLAUSE_PUNCT = {",", ";", ":", "—", "–", "(", ")"}
TRAILING = {".", ",", ";", ":", "—", "–", "-", "…"}
MAX_QUOTE_TOKENS = 150
UNIT_SYMBOLS = {"%", "‰"}


def quote_kind(token) -> str:
    """"open", "close" or "" for a token; straight quotes by the spaces around them."""
    text = token.text
    if text in OPEN_QUOTES:
        return "open"
    if text in CLOSE_QUOTES:
        return "close"
    if text in STRAIGHT:
        doc = token.doc
        before = token.i == 0 or bool(doc[token.i - 1].whitespace_) or doc[token.i - 1].is_space
        after = bool(token.whitespace_) or token.i + 1 == len(doc)
        if before and not after:
            return "open"
        if after or not before:
            return "close"
    return ""


def sentence_bounds(doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].sent.start, doc[end - 1].sent.end


def clause_bounds(doc, start: int, end: int) -> tuple[int, int]:
    """Between the clause punctuation around the match, inside its sentence.
    A comma inside a quotation does not end the clause, and a quotation the match
    sits in belongs to the clause that reports it."""
    s_start, s_end = sentence_bounds(doc, start, end)
    depth, left = 0, start
    for i in range(start - 1, s_start - 1, -1):
        kind = quote_kind(doc[i])
        if kind == "close":
            depth += 1
        elif kind == "open":
            depth = max(0, depth - 1)  # at 0 the match sat inside this quotation
        elif doc[i].text in CLAUSE_PUNCT and depth == 0:
            break
        left = i
    depth, right = 0, end
    for i in range(end, s_end):
        kind = quote_kind(doc[i])
        if kind == "open":
            depth += 1
        elif kind == "close":
            if depth == 0:
                break
            depth -= 1
        elif doc[i].text in CLAUSE_PUNCT and depth == 0:
            break
        right = i + 1
    return left, right


def balance_quotes(doc, start: int, end: int) -> tuple[int, int]:
    """Extend so that every quotation the span touches is whole."""
    depth, lowest = 0, 0
    for i in range(start, end):
        kind = quote_kind(doc[i])
        depth += kind == "open"
        depth -= kind == "close"
        lowest = min(lowest, depth)
    if lowest < 0:  # a closing quote whose opening lies to the left
        need = -lowest
        for i in range(start - 1, max(-1, start - MAX_QUOTE_TOKENS), -1):
            kind = quote_kind(doc[i])
            need += kind == "close"
            need -= kind == "open"
            if need == 0:
                start = i
                break
    depth -= lowest
    if depth > 0:  # an opening quote whose closing lies to the right
        for i in range(end, min(len(doc), end + MAX_QUOTE_TOKENS)):
            kind = quote_kind(doc[i])
            depth += kind == "open"
            depth -= kind == "close"
            if depth == 0:
                end = i + 1
                break
    return start, end


def trim(doc, start: int, end: int) -> tuple[int, int]:
    """No leading or trailing space or clause punctuation; keep a closing quote."""
    while start < end and (doc[start].is_space or doc[start].text in TRAILING):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in TRAILING):
        end -= 1
    return start, end


def trim_stop_tail(doc, start: int, end: int) -> tuple[int, int]:
    """A quantity ends on content, not on "the", "in" or a comma."""
    while end > start + 1 and doc[end - 1].text not in UNIT_SYMBOLS and (
            doc[end - 1].is_stop or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def is_question(doc, start: int, end: int) -> bool:
    """The sentence ends with a question mark (headline questions are not claims)."""
    sent = doc[start].sent
    return any(t.text == "?" for t in sent[-3:])
