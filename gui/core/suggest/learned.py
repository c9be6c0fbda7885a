"""The learned model: a spaCy ``span_finder`` + ``spancat`` trained on the CPU on the
editor's own spans (articles marked done), saved in the data dir with a version.

``train_model`` reports progress per epoch and stops when asked; it holds back part of
the articles and measures character-level P/R/F1 on them. ``ModelSuggester`` loads a
saved model and suggests with its probabilities as scores.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from gui.core.model import Suggestion
from gui.core.spacy_import import ensure_spacy
from gui.core.suggest.base import Cancelled, ProgressFn
from gui.core.suggest.metrics import Score, char_scores

SPANS_KEY = "sc"
META_FILE = "tagdesk.json"
MIN_SPANS = 25
MIN_ARTICLES = 2
MAX_SPAN_TOKENS = 80
_MODEL_DIR = re.compile(r"^spancat-v(\d+)$")


class TooFewTags(Exception):
    """Not enough tagged material to learn from; the message says how much more."""


@dataclass(frozen=True)
class TaggedText:
    text: str
    spans: tuple[tuple[int, int, str], ...]


@dataclass
class TrainResult:
    path: Path
    version: str
    scores: dict[str, Score] = field(default_factory=dict)
    train_articles: int = 0
    heldout_articles: int = 0
    spans: int = 0

    def lines(self) -> list[str]:
        out = [f"model {self.version} saved in {self.path}",
               f"trained on {self.train_articles} article(s), measured on {self.heldout_articles} held back "
               f"({self.spans} spans in all)"]
        return out + [s.row() for s in self.scores.values()]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line: the units the model reads."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _examples(nlp, items: Sequence[TaggedText]):
    ensure_spacy()
    from spacy.training import Example

    examples = []
    for item in items:
        for p_start, p_end in paragraphs(item.text):
            doc = nlp.make_doc(item.text[p_start:p_end])
            ref = doc.copy()
            spans = []
            for start, end, label in item.spans:
                if p_start <= start and end <= p_end:
                    span = ref.char_span(start - p_start, end - p_start, label=label, alignment_mode="expand")
                    if span is not None and len(span) <= MAX_SPAN_TOKENS:
                        spans.append(span)
            ref.spans[SPANS_KEY] = spans
            examples.append(Example(doc, ref))
    return examples


def new_pipeline(labels: Sequence[str]):
    ensure_spacy()
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("span_finder", config={"spans_key": SPANS_KEY, "threshold": 0.3,
                                        "max_length": MAX_SPAN_TOKENS})
    spancat = nlp.add_pipe("spancat", config={
        "spans_key": SPANS_KEY, "threshold": 0.5,
        "suggester": {"@misc": "spacy.preset_spans_suggester.v1", "spans_key": SPANS_KEY}})
    for label in labels:
        spancat.add_label(label)
    return nlp


def _next_version(folder: Path) -> int:
    numbers = [int(m.group(1)) for p in folder.glob("spancat-v*") if (m := _MODEL_DIR.match(p.name))]
    return max(numbers, default=0) + 1


def latest_model(folder: Path) -> Path | None:
    if not folder.is_dir():
        return None
    found = [(int(m.group(1)), p) for p in folder.iterdir()
             if (m := _MODEL_DIR.match(p.name)) and (p / META_FILE).exists()]
    return max(found)[1] if found else None


def check_enough(items: Sequence[TaggedText], min_spans: int = MIN_SPANS,
                 min_articles: int = MIN_ARTICLES) -> None:
    spans = sum(len(i.spans) for i in items)
    articles = sum(1 for i in items if i.spans)
    if spans < min_spans or articles < min_articles:
        needs = []
        if spans < min_spans:
            needs.append(f"{min_spans - spans} more tagged span(s) ({spans} of {min_spans})")
        if articles < min_articles:
            needs.append(f"{min_articles - articles} more tagged article(s) marked done "
                         f"({articles} of {min_articles})")
        raise TooFewTags("Not enough tags to learn from yet: it needs " + " and ".join(needs) + ".")


def train_model(items: Sequence[TaggedText], folder: Path, labels: Sequence[str], *, epochs: int = 20,
                heldout: float = 0.2, seed: int = 0, progress: ProgressFn | None = None,
                min_spans: int = MIN_SPANS, min_articles: int = MIN_ARTICLES) -> TrainResult:
    """Train on the CPU, measure on the held-back articles, save as ``spancat-v<N>``.

    Raises ``TooFewTags`` (with how many more are needed) and ``Cancelled``.
    """
    ensure_spacy()
    from spacy.util import fix_random_seed, minibatch

    items = [i for i in items if i.text.strip()]
    check_enough(items, min_spans, min_articles)
    fix_random_seed(seed)
    rng = random.Random(seed)
    order = list(range(len(items)))
    rng.shuffle(order)
    n_held = max(1, round(len(items) * heldout))
    held = [items[i] for i in order[:n_held]]
    train = [items[i] for i in order[n_held:]]

    nlp = new_pipeline(labels)
    examples = _examples(nlp, train)
    optimizer = nlp.initialize(lambda: examples)
    for epoch in range(epochs):
        if progress is not None and progress(epoch, epochs, f"Training: epoch {epoch + 1} of {epochs}") is False:
            raise Cancelled()
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=8):
            nlp.update(batch, sgd=optimizer, drop=0.1, losses=losses, annotates=["span_finder"])
    if progress is not None and progress(epochs, epochs, "Measuring on held-back articles") is False:
        raise Cancelled()

    folder.mkdir(parents=True, exist_ok=True)
    version = str(_next_version(folder))
    path = folder / f"spancat-v{version}"
    suggester = ModelSuggester(path, nlp=nlp, version=version)
    predicted = suggester.suggest([i.text for i in held])
    scores = char_scores([list(i.spans) for i in held],
                         [[(s.start, s.end, s.label) for s in p] for p in predicted], labels)
    nlp.to_disk(path)
    meta = {"version": version, "trained": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "labels": list(labels), "epochs": epochs, "train_articles": len(train),
            "heldout_articles": len(held), "spans": sum(len(i.spans) for i in items),
            "scores": {k: {"precision": v.precision, "recall": v.recall, "f1": v.f1} for k, v in scores.items()}}
    (path / META_FILE).write_text(json.dumps(meta, indent=2), encoding="utf-8")
    return TrainResult(path, version, scores, len(train), len(held), meta["spans"])


class ModelSuggester:
    """Suggests with a saved (or just trained) spancat model; scores are its probabilities."""

    name = "model"

    def __init__(self, path: Path, nlp=None, version: str | None = None):
        self.path = Path(path)
        self._nlp = nlp
        if version is None:
            meta = json.loads((self.path / META_FILE).read_text(encoding="utf-8"))
            version = str(meta["version"])
        self.version = version

    @property
    def nlp(self):
        if self._nlp is None:
            ensure_spacy()
            import spacy

            self._nlp = spacy.load(self.path)
        return self._nlp

    def suggest(self, texts: Sequence[str], batch_size: int = 32) -> list[list[Suggestion]]:
        units = [(n, start, end) for n, text in enumerate(texts) for start, end in paragraphs(text)]
        results: list[list[Suggestion]] = [[] for _ in texts]
        docs = self.nlp.pipe((texts[n][s:e] for n, s, e in units), batch_size=batch_size)
        for (n, offset, _), doc in zip(units, docs):
            group = doc.spans.get(SPANS_KEY, [])
            scores = group.attrs.get("scores") if hasattr(group, "attrs") else None
            for i, span in enumerate(group):
                score = float(scores[i]) if scores is not None and i < len(scores) else 0.5
                results[n].append(Suggestion(
                    0, offset + span.start_char, offset + span.end_char, span.label_, min(1.0, score),
                    self.name, self.version, rule=f"spancat v{self.version}"))
        return results
