"""``tagdesk --self-test``: prove that an installation (above all a frozen one) has
everything it needs, without a display and without touching the user's data.

The test is a list of named steps run in order on one shared context: a temporary
database, a seed article imported into it, ``spacy.blank("en")``, the rule
suggester, a tiny spancat pipeline built, initialised and updated once (so the
training parts of spaCy and thinc are present), and one JSONL export read back.
Qt-free: it runs in the normal test suite too (tests/e2e/test_selftest.py).
"""

from __future__ import annotations

import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ANNOTATOR = "self-test"


class SelfTestFailure(Exception):
    """A step found something missing or wrong; the message says what."""


@dataclass
class Context:
    workdir: Path
    store: object = None
    article_id: int = 0
    nlp: object = None
    spans: list = field(default_factory=list)  # gui.core.model.Span, as stored
    export_path: Path | None = None


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[Context], str]  # returns a one-line result for the summary


# -- steps ------------------------------------------------------------------------

def step_bundled_files(ctx: Context) -> str:
    from gui.core.paths import resources_dir, seeds_dir

    resources, seeds = resources_dir(), seeds_dir()
    for needed in (resources / "labels.json", resources / "icon.svg", seeds / "index.json"):
        if not needed.is_file():
            raise SelfTestFailure(f"{needed} is missing")
    return f"resources at {resources}, seeds at {seeds}"


def step_commands(ctx: Context) -> str:
    """Every module in gui.cli.COMMAND_MODULES imports (they are loaded by name)."""
    from gui.cli import build_parser
    from gui.commands import COMMANDS

    build_parser()
    return f"{len(COMMANDS)} commands: {', '.join(sorted(COMMANDS))}"


def step_database(ctx: Context) -> str:
    from gui.core.seeding import ensure_labels
    from gui.store import Store

    ctx.store = Store(ctx.workdir / "selftest.db")
    labels = ensure_labels(ctx.store) or sorted(ctx.store.label_names())
    return f"{ctx.store.path.name} with labels {', '.join(labels)}"


def step_import_seed(ctx: Context) -> str:
    from gui.core.seeding import import_seeds

    added = import_seeds(ctx.store)
    if not added:
        raise SelfTestFailure("no seed article was imported")
    ctx.article_id = added[0]
    article = ctx.store.article(ctx.article_id)
    return f"{len(added)} seed article(s); first: {len(article.text):,} characters"


def step_spacy_blank(ctx: Context) -> str:
    import spacy
    from spacy.language import Language

    ctx.nlp = spacy.blank("en")
    for factory in ("spancat", "span_finder"):
        if not Language.has_factory(factory):
            raise SelfTestFailure(f"spaCy's {factory} factory is not registered")
    for arch in ("spacy.SpanCategorizer.v1", "spacy.SpanFinder.v1", "spacy.HashEmbedCNN.v2"):
        spacy.registry.architectures.get(arch)  # raises RegistryError when missing
    doc = ctx.nlp(ctx.store.article(ctx.article_id).text)
    return f"spaCy {spacy.__version__}, blank('en') made {len(doc):,} tokens"


def step_rule_suggester(ctx: Context) -> str:
    from gui.core.model import Span
    from gui.core.suggest.base import origin_of
    from gui.core.suggest.rules import RulesSuggester

    text = ctx.store.article(ctx.article_id).text
    found = RulesSuggester().suggest([text])[0]
    if not found:
        raise SelfTestFailure("the rule suggester found nothing in the seed article")
    with ctx.store.transaction():
        for s in found:
            ctx.store.add_span(Span(ctx.article_id, s.start, s.end, s.label, ANNOTATOR, origin_of(s)))
    ctx.spans = ctx.store.spans(ctx.article_id)
    labels = sorted({s.label for s in ctx.spans})
    return f"{len(ctx.spans)} span(s) over {', '.join(labels)}, e.g. {ctx.spans[0].text_in(text)!r}"


def _training_examples(nlp, text: str, spans) -> list:
    """The first two paragraphs holding spans, as spaCy Examples."""
    from spacy.training import Example

    examples, offset = [], 0
    for paragraph in text.split("\n"):
        start, end = offset, offset + len(paragraph)
        offset = end + 1
        inside = [s for s in spans if start <= s.start and s.end <= end]
        if not inside:
            continue
        doc = nlp.make_doc(paragraph)
        char_spans = [doc.char_span(s.start - start, s.end - start, s.label, alignment_mode="expand")
                      for s in inside]
        examples.append(Example.from_dict(doc, {"spans": {"sc": [
            (c.start_char, c.end_char, c.label_) for c in char_spans if c is not None]}}))
        if len(examples) == 2:
            break
    return examples


def step_spancat_training(ctx: Context) -> str:
    import spacy

    from gui.core.labels import default_labels

    nlp = spacy.blank("en")
    spancat = nlp.add_pipe("spancat", config={"spans_key": "sc"})
    for label in default_labels():
        spancat.add_label(label.name)
    examples = _training_examples(nlp, ctx.store.article(ctx.article_id).text, ctx.spans)
    if not examples:
        raise SelfTestFailure("no paragraph of the seed article holds a span to train on")
    optimizer = nlp.initialize(lambda: examples)
    losses: dict[str, float] = {}
    nlp.update(examples, sgd=optimizer, losses=losses)
    predicted = nlp(examples[0].reference.text)
    return (f"spancat over {len(examples)} example(s): loss {losses['spancat']:.3f}, "
            f"{len(predicted.spans['sc'])} candidate span(s) scored")


def step_export_jsonl(ctx: Context) -> str:
    import srsly

    from gui.core.formats.export import export_dataset

    ctx.export_path = ctx.workdir / "selftest.jsonl"
    report = export_dataset(ctx.store, ctx.export_path, "jsonl")
    count, how = report.articles, "Prodigy JSONL"
    records = list(srsly.read_jsonl(ctx.export_path))
    exported = sum(len(r.get("spans", [])) for r in records)
    if len(records) != count or exported != ctx.store.span_count():
        raise SelfTestFailure(
            f"{ctx.export_path.name} holds {len(records)} record(s) and {exported} span(s); "
            f"expected {count} and {ctx.store.span_count()}")
    for record in records:
        for span in record.get("spans", []):
            if not record["text"][span["start"]:span["end"]].strip():
                raise SelfTestFailure(f"{ctx.export_path.name}: span {span} covers no text")
    return f"{how}: {len(records)} record(s), {exported} span(s), {ctx.export_path.stat().st_size:,} bytes"


STEPS = [
    Step("bundled files", step_bundled_files),
    Step("commands", step_commands),
    Step("database", step_database),
    Step("import seed", step_import_seed),
    Step("spaCy blank('en')", step_spacy_blank),
    Step("rule suggester", step_rule_suggester),
    Step("spancat training", step_spancat_training),
    Step("export JSONL", step_export_jsonl),
]


def run(out=None, err=None, steps: list[Step] | None = None) -> int:
    """Run every step, print one line each and a summary; 0 when all passed, else 1
    with the failing step named on ``err``."""
    from gui import __version__

    out, err = out or sys.stdout, err or sys.stderr
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    print(f"Tagdesk {__version__} self-test ({frozen}, Python {platform.python_version()}, "
          f"{platform.system()} {platform.machine()})", file=out)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tagdesk-selftest-") as tmp:
        ctx = Context(Path(tmp))
        try:
            for number, step in enumerate(steps or STEPS, 1):
                t0 = time.perf_counter()
                try:
                    result = step.run(ctx)
                except Exception as exc:  # noqa: BLE001 - every failure becomes one message
                    print(f"FAIL {number}. {step.name}: {type(exc).__name__}: {exc}", file=err)
                    print("tagdesk: self-test FAILED", file=err)
                    return 1
                print(f"ok   {number}. {step.name} ({time.perf_counter() - t0:.2f} s): {result}", file=out)
        finally:
            if ctx.store is not None:
                ctx.store.close()
    print(f"self-test passed: {len(steps or STEPS)} steps in {time.perf_counter() - started:.1f} s", file=out)
    return 0
