"""The golden output of the rules suggester: what it suggested on a fixed, varied corpus
before its speed-ups, byte for byte. A faster suggester must give exactly this.

    python -m tests.core.suggest.golden --write   # only when the suggestions are meant to change

The corpus: the seed articles and the hand-tagged eval texts as they are, variants of
them (sentences shuffled, quotes straightened, line breaks, lower case), and
deterministic synthetic text made of the pattern files' own words, corpus words,
numbers, currency, quotes and clause punctuation in random order (unbalanced quotes,
questions, empty sentences, emoji). Two pattern sets: the bundled files, and the same
patterns with their ``extend`` cycled plus a few operator-heavy patterns (so that each
way of growing a match runs on every kind of match).
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"
GOLDEN = DATA / "golden" / "rules_suggestions.jsonl"
EXTENDS = ("match", "clause", "sentence", "quantity")
EXTRA_PATTERNS = {  # a label of their own, so that no bundled suggestion hides them
    "probe": [
        {"id": "x-title-run", "pattern": [{"IS_TITLE": True, "OP": "+"}, {"LOWER": {"IN": ["said", "says"]}}],
         "extend": "clause", "score": 0.5},
        {"id": "x-star", "pattern": [{"LOWER": "the"}, {"OP": "*", "IS_ALPHA": True}, {"LOWER": "claim"}],
         "extend": "match", "score": 0.65},
        {"id": "x-unanchored", "pattern": [{"IS_UPPER": True}, {"IS_DIGIT": True}], "extend": "sentence",
         "score": 0.9},
        {"id": "x-quote-open", "pattern": [{"TEXT": {"IN": ["“", "\""]}}, {"IS_ALPHA": True, "OP": "{1,3}"},
                                           {"LOWER": "war"}], "extend": "clause", "score": 0.7},
        {"id": "x-digit-match", "pattern": [{"IS_DIGIT": True}, {"LOWER": {"IN": ["people", "years"]}}],
         "extend": "match", "score": 0.6},
    ],
}


def _texts_of_data() -> list[str]:
    from gui.core.paths import seeds_dir
    from gui.core.textfile import read_text_file

    texts = [read_text_file(p).text for p in sorted(seeds_dir().glob("*.txt"))]
    for name in ("eval.jsonl", "heldout.jsonl"):
        texts += [json.loads(line)["text"] for line in (DATA / "eval" / name).read_text(encoding="utf-8")
                  .splitlines() if line.strip()]
    return texts


def _pattern_words(folder: Path) -> list[str]:
    words: set[str] = set()

    def walk(value):
        if isinstance(value, str):
            words.add(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                if k in ("IN", "NOT_IN", "LOWER", "TEXT", "ORTH", "NORM"):
                    walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("//"):
                for token in json.loads(line)["pattern"]:
                    walk(token)
    return sorted(words)


PUNCT = [",", ",", ";", ":", "—", "–", "(", ")", "“", "”", "‘", "’", '"', "'", "«", "»", "?", "!", ".", "…",
         "%", "$", "€", "£", "-", "?", "\n", "\n\n", "🙂"]
NUMBERS = ["25", "1.9", "605,000", "2025", "1999", "one", "ten", "first", "3", "40", "110", "180", "12.5", "37",
           "half", "a", "an", "million", "billion"]


def _synthetic(rng: random.Random, vocab: list[str], corpus_words: list[str], sentences: int) -> str:
    out = []
    for _ in range(sentences):
        words = []
        for _ in range(rng.randint(0, 28)):
            r = rng.random()
            if r < 0.42:
                w = rng.choice(vocab)
            elif r < 0.72:
                w = rng.choice(corpus_words)
            elif r < 0.88:
                w = rng.choice(PUNCT)
            else:
                w = rng.choice(NUMBERS)
            style = rng.random()
            if style < 0.12:
                w = w.title()
            elif style < 0.15:
                w = w.upper()
            words.append(w)
            if rng.random() < 0.15:  # glued to the next word: 'word"word', '(word', 'word,'
                words.append("")
        text = " ".join(words).replace("  ", "")
        out.append(text + rng.choice([".", ". ", "?", "!", "", "\n", ".\n\n", "?”", ".’ "]))
    return " ".join(out)


def _variants(rng: random.Random, text: str) -> list[str]:
    sentences = re.split(r"(?<=[.?!])\s+", text)
    shuffled = sentences[:]
    rng.shuffle(shuffled)
    straight = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return [" ".join(shuffled), straight, text.replace(". ", ".\n"), text.lower(),
            text.replace(",", " ,").replace("said", "SAID"), text[len(text) // 3: 2 * len(text) // 3]]


def corpus() -> list[str]:
    from gui.core.suggest.patterns import bundled_patterns_dir

    rng = random.Random(20261125)
    base = _texts_of_data()
    texts = ["", "   \n\n ", "Hello.", "?", "“", "He said", "said.", "'", "25 %", "$"] + base
    for text in base:
        texts += _variants(rng, text)
    vocab = _pattern_words(bundled_patterns_dir())
    corpus_words = sorted({w for t in base for w in t.split()})
    for i in range(260):
        texts.append(_synthetic(rng, vocab, corpus_words, rng.randint(1, 12 if i % 5 else 40)))
    return texts


def variant_patterns(folder: Path) -> None:
    """The bundled patterns, ``extend`` cycled per line, plus ``EXTRA_PATTERNS``, into ``folder``."""
    from gui.core.suggest.patterns import bundled_patterns_dir

    for path in sorted(bundled_patterns_dir().glob("*.jsonl")):
        rows = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            row = json.loads(line)
            if row.get("role", "suggest") == "suggest":
                row["extend"] = EXTENDS[(EXTENDS.index(row.get("extend", "match")) + n) % len(EXTENDS)]
            rows.append(row)
        (folder / path.name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    for stem, rows in EXTRA_PATTERNS.items():
        (folder / f"{stem}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def lines_of(name: str, suggestions) -> list[str]:
    return [json.dumps({"set": name, "text": i, "s": [[s.start, s.end, s.label, s.score, s.rule] for s in found]},
                       ensure_ascii=False) + "\n" for i, found in enumerate(suggestions)]


def golden_output(tmp: Path, batch_size: int = 64) -> str:
    """What ``golden.jsonl`` holds, computed by the current code."""
    from gui.core.suggest.rules import RulesSuggester

    texts = corpus()
    variant_patterns(tmp)
    out = lines_of("bundled", RulesSuggester().suggest(texts, batch_size=batch_size))
    variant = RulesSuggester(tmp)
    assert not variant.errors, variant.errors
    out += lines_of("variant", variant.suggest(texts, batch_size=batch_size))
    return "".join(out)


def main(argv=None) -> int:
    import argparse
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="overwrite the golden file with today's output")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        text = golden_output(Path(tmp))
    if args.write:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
        print(f"wrote {GOLDEN} ({len(text)} chars, {text.count(chr(10))} lines)")
        return 0
    same = GOLDEN.read_text(encoding="utf-8") == text
    print("identical" if same else "DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
