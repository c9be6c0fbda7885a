"""import, list, stats, labels."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from gui.commands import UsageError, arguments, command, open_store
from gui.core.model import Status


def _import_args(p):
    p.add_argument("paths", nargs="*", type=Path, help="files or folders (searched recursively)")
    p.add_argument("--seeds", action="store_true", help="also import the bundled seed articles")
    p.add_argument("--map", action="append", default=[], metavar="SRC=DST",
                   help="rename a label of the files (repeatable), e.g. --map Content=CLAIM")
    p.add_argument("--only", metavar="LABELS", help="keep only spans with these labels (comma-separated)")
    unknown = p.add_mutually_exclusive_group()
    unknown.add_argument("--new-labels", action="store_true", help="add unknown labels as new labels")
    unknown.add_argument("--refuse-unknown", action="store_true",
                         help="refuse a file with an unknown label (the default)")


def import_options(args):
    from gui.core.importer import ImportOptions

    mapping = {}
    for item in args.map:
        src, sep, dst = item.partition("=")
        if not sep or not src.strip() or not dst.strip():
            raise UsageError(f"--map wants SRC=DST, got {item!r}")
        mapping[src.strip()] = dst.strip()
    only = frozenset(x.strip() for x in args.only.split(",") if x.strip()) if args.only else None
    return ImportOptions(label_map=mapping, only=only, new_labels=args.new_labels)


@command("import", "import articles (and their spans) from files or folders: .txt, .md, "
                   "Prodigy/doccano/Label Studio .jsonl/.json, .spacy, brat .ann, .csv")
@arguments(_import_args)
def cmd_import(args) -> int:
    from gui.core.importer import import_paths
    from gui.core.seeding import import_seeds

    options = import_options(args)
    with open_store(args) as store:
        if args.seeds:
            print(f"{len(import_seeds(store))} seed article(s) added")
        report = import_paths(store, args.paths, options=options)
    for line in report.lines():
        print(line, file=sys.stderr if line.startswith("refused") else sys.stdout)
    return 2 if report.refused else 0


def _list_args(p):
    p.add_argument("--status", choices=[s.value for s in Status], help="only articles with this status")
    p.add_argument("--json", action="store_true", help="machine-readable output")


@command("list", "list the articles")
@arguments(_list_args)
def cmd_list(args) -> int:
    with open_store(args) as store:
        rows = store.article_summaries(args.status)
    if args.json:
        print(json.dumps([{"id": r.id, "title": r.title, "status": r.status.value,
                           "spans": r.span_count, "chars": r.length} for r in rows], indent=2))
        return 0
    for r in rows:
        print(f"{r.id:>5}  {r.status.value:<11} {r.span_count:>5} spans  {r.title}")
    return 0


@command("stats", "counts of articles, spans, editors, days and suggestion outcomes")
@arguments(lambda p: p.add_argument("--json", action="store_true", help="machine-readable output"))
def cmd_stats(args) -> int:
    from gui.core.stats import corpus_stats

    with open_store(args) as store:
        stats = corpus_stats(store)
    print(json.dumps(stats.to_dict(), indent=2) if args.json else "\n".join(stats.lines()))
    return 0


@command("labels", "show the label set")
def cmd_labels(args) -> int:
    with open_store(args) as store:
        labels = store.labels()
    for label in labels:
        print(f"{label.hotkey or '-':>2}  {label.name:<10} {label.color}  {label.description}")
    return 0
