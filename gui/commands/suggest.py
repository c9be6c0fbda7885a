"""suggest, train, patterns check."""

from __future__ import annotations

import sys

from gui.commands import UsageError, arguments, command, open_store


def _suggest_args(p):
    which = p.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="every article (the default)")
    which.add_argument("--article", type=int, metavar="ID", help="one article")
    p.add_argument("--suggester", choices=["rules", "model", "pretrained"], action="append",
                   help="which suggester to run (repeatable; default: every one available)")


def _stderr_progress(done: int, total: int, message: str) -> bool:
    print(f"\r{message}: {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)
    return True


@command("suggest", "pre-suggest spans with the rules, the learned model or a pretrained pipeline")
@arguments(_suggest_args)
def cmd_suggest(args) -> int:
    from gui.core.suggest.registry import SuggesterUnavailable, available_suggesters, get_suggester
    from gui.core.suggest.review import suggest_articles

    with open_store(args) as store:
        try:
            suggesters = ([get_suggester(n, store) for n in dict.fromkeys(args.suggester)]
                          if args.suggester else available_suggesters(store))
        except SuggesterUnavailable as exc:
            raise UsageError(str(exc)) from None
        ids = [store.article(args.article).id] if args.article is not None else None
        report = suggest_articles(store, ids, suggesters, progress=_stderr_progress)
        counts = store.suggestion_counts(args.article)
    print(f"{report.line()} with {', '.join(s.name for s in suggesters)}")
    for label, n in sorted(counts.items()):
        print(f"  {label:<10} {n} pending")
    return 0


def _train_args(p):
    p.add_argument("--epochs", type=int, default=20, help="passes over the tagged articles (default 20)")
    p.add_argument("--heldout", type=float, default=0.2,
                   help="share of the done articles held back to measure the model (default 0.2)")


@command("train", "learn a span model from the spans of articles marked done")
@arguments(_train_args)
def cmd_train(args) -> int:
    from gui.core.suggest.learned import TooFewTags, train_model
    from gui.core.suggest.registry import forget_suggesters, models_dir
    from gui.core.suggest.training_data import tagged_texts

    if args.epochs < 1 or not 0 < args.heldout < 1:
        raise UsageError("--epochs must be at least 1 and --heldout between 0 and 1.")
    with open_store(args) as store:
        items = tagged_texts(store)
        labels = [label.name for label in store.labels()]
    try:
        result = train_model(items, models_dir(), labels, epochs=args.epochs, heldout=args.heldout,
                             progress=_stderr_progress)
    except TooFewTags as exc:
        raise UsageError(str(exc)) from None
    forget_suggesters()
    print("\n".join(result.lines()))
    return 0


def _patterns_args(p):
    p.add_argument("action", choices=["check", "copy"],
                   help="check: validate the pattern files; copy: make an editable copy in the data dir")
    p.add_argument("--folder", default=None, help="pattern folder (default: the bundled resources/patterns)")


@command("patterns", "check the suggestion pattern files (file:line of every error), or copy them to edit")
@arguments(_patterns_args)
def cmd_patterns(args) -> int:
    from pathlib import Path

    from gui.core.suggest.patterns import copy_patterns, patterns_dir
    from gui.core.suggest.rules import RulesSuggester

    if args.action == "copy":
        copied = copy_patterns(Path(args.folder) if args.folder else None)
        for path in copied:
            print(f"copied {path}")
        print(f"{len(copied)} file(s) copied; edit them, then run “tagdesk patterns check”")
        return 0
    folder = Path(args.folder) if args.folder else patterns_dir()
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder of pattern files.")
    rules = RulesSuggester(folder)
    errors = rules.errors
    counts = rules.pattern_counts()
    for error in errors:
        print(error, file=sys.stderr)
    print(f"{sum(counts.values())} suggesting pattern(s) usable in {folder}: "
          + ", ".join(f"{label} {n}" for label, n in sorted(counts.items())))
    if errors:
        print(f"{len(errors)} error(s); the other patterns keep working", file=sys.stderr)
        return 2
    return 0
