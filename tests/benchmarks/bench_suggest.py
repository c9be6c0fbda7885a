"""Rule suggestions over a corpus vs the bare ``spacy.blank("en")`` tokenizer on the same
texts, both through ``nlp.pipe`` with batching, measured in the same run.

    python -m tests.benchmarks.bench_suggest [--articles N] [--repeat R] [--stages]

Target: the rules run at >= 0.6x the tokenizer's throughput.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tests.benchmarks.common import Result, best_of_interleaved, print_results

DATA = Path(__file__).resolve().parents[1] / "data" / "eval"
TARGET = 0.6
BATCH = 64


def corpus(n: int) -> list[str]:
    """``n`` news-style articles: the seeds and the eval texts, varied so no two are equal."""
    from gui.core.paths import seeds_dir
    from gui.core.textfile import read_text_file

    texts = [read_text_file(p).text for p in sorted(seeds_dir().glob("*.txt"))]
    for name in ("eval.jsonl", "heldout.jsonl"):
        texts += [json.loads(line)["text"] for line in (DATA / name).read_text(encoding="utf-8").splitlines()]
    return [f"Report {i}. " + texts[i % len(texts)] for i in range(n)]


def print_stages(rules, blank, texts: list[str], repeat: int) -> None:
    """Where the time goes: each stage of ``RulesSuggester.suggest`` cumulatively, and
    the Matcher alone on the same windows, as multiples of the tokenizer's time. What the
    first stages cost bounds the ratio any later work can reach."""
    from gui.core.suggest import matching
    from gui.core.suggest.rules import _batches
    from gui.core.suggest.spans import DocIndex

    compiled, table = rules._refresh(), rules._table
    main_patterns = [c for c in compiled if c.pattern.role != "tail"]
    calls = []
    run = matching._run
    matching._run = lambda c, doc, a, b: calls.append((c, doc, a, b)) or run(c, doc, a, b)
    try:
        rules.suggest(texts, batch_size=BATCH)
    finally:
        matching._run = run

    def batches():
        return _batches(rules.nlp.pipe(texts, batch_size=BATCH), BATCH)

    stages = {
        "spacy.blank('en') tokenizer": lambda: list(blank.pipe(texts, batch_size=BATCH)),
        "rules nlp.pipe: tokenizer + sentence starts": lambda: list(rules.nlp.pipe(texts, batch_size=BATCH)),
        "  + DocIndex (token columns)": lambda: [DocIndex.many(docs) for docs in batches()],
        "  + anchors, windows, Matcher": lambda: [matching.find_matches(matching.Batch(DocIndex.many(docs), table),
                                                                         main_patterns) for docs in batches()],
        "  + grow, tails, give way, Suggestions (all)": lambda: rules.suggest(texts, batch_size=BATCH),
        "Matcher calls alone (same windows)": lambda: [c.matcher(doc[a:b]) for c, doc, a, b in calls],
    }
    times = best_of_interleaved(list(stages.values()), repeat=repeat)
    print(f"stages (best of {repeat}, in turns; Matcher: {len(calls)} calls, "
          f"{sum(b - a for _, _, a, b in calls)} tokens):")
    for name, seconds in zip(stages, times):
        print(f"  {name:<46} {seconds * 1000:8.1f} ms  {seconds / times[0]:5.2f}x tokenizer")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--stages", action="store_true", help="also show where the time goes")
    args = parser.parse_args(argv)

    import spacy

    from gui.core.suggest.rules import RulesSuggester

    texts = corpus(args.articles)
    chars = sum(len(t) for t in texts)
    blank = spacy.blank("en")
    rules = RulesSuggester()
    found = rules.suggest(texts[:4])  # load patterns and the pipeline outside the timing
    # In turns, both warmed on the whole corpus first: timed one after the other, the
    # tokenizer's first runs (cold cache, fresh allocator) measured up to 1.6x its warm
    # time and flattered the ratio.
    tokenize, suggest = best_of_interleaved([lambda: list(blank.pipe(texts, batch_size=BATCH)),
                                             lambda: rules.suggest(texts, batch_size=BATCH)], repeat=args.repeat)
    total = sum(len(x) for x in rules.suggest(texts, batch_size=BATCH))
    print(f"{len(texts)} articles, {chars / 1e6:.2f} M characters, {total} suggestions "
          f"({sum(len(x) for x in found)} in the first 4)")
    print_results([
        Result(f"suggest (rules), {len(texts)} articles", suggest, "spacy.blank('en') tokenizer, nlp.pipe",
               tokenize, "throughput", TARGET,
               note=f"{chars / suggest / 1e6:.2f} M chars/s vs {chars / tokenize / 1e6:.2f} M chars/s"),
    ])
    if args.stages:
        print_stages(rules, blank, texts, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
