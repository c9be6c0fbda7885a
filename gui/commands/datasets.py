"""export: the labelled articles as a dataset in one of the formats."""

from __future__ import annotations

import sys
from pathlib import Path

from gui.commands import UsageError, arguments, command, open_store
from gui.core.formats.registry import ORDER as FORMAT_NAMES
from gui.core.model import Status


def names(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _export_args(p):
    p.add_argument("out", type=Path, help="the file to write (brat: a folder, or a .zip)")
    p.add_argument("--format", "-f", required=True, choices=FORMAT_NAMES, help="the dataset format")
    p.add_argument("--status", type=names, action="extend", default=[],
                   help=f"only articles with these statuses, comma-separated ({', '.join(s.value for s in Status)})")
    p.add_argument("--labels", type=names, action="extend", default=[],
                   help="only spans with these labels (and articles that have one), comma-separated")
    p.add_argument("--annotator", help="only spans by this annotator (and articles that have one)")
    p.add_argument("--suggestions", action="store_true", help="include pending suggestions")
    p.add_argument("--spans-key", default="sc", help="spaCy: the doc.spans key (default: sc)")
    p.add_argument("--split", type=float, metavar="SHARE",
                   help="also split: SHARE of the articles to OUT-train, the rest to OUT-dev (e.g. 0.8)")
    p.add_argument("--seed", type=int, default=0, help="the split's random seed (default: 0)")
    p.add_argument("--force", action="store_true", help="overwrite OUT if it exists")


@command("export", "export articles and spans as a dataset")
@arguments(_export_args)
def cmd_export(args) -> int:
    from gui.core.formats.common import ExportOptions, ExportRefused
    from gui.core.formats.export import export_dataset

    bad = [s for s in args.status if s not in {x.value for x in Status}]
    if bad:
        raise UsageError(f"unknown status {', '.join(bad)} (known: {', '.join(s.value for s in Status)})")
    options = ExportOptions(statuses=tuple(args.status), labels=tuple(args.labels), annotator=args.annotator,
                            suggestions=args.suggestions, spans_key=args.spans_key, split=args.split,
                            seed=args.seed, force=args.force)
    with open_store(args) as store:
        try:
            report = export_dataset(store, args.out, args.format, options)
        except ExportRefused as exc:
            raise UsageError(str(exc)) from None
    for line in report.lines():
        print(line, file=sys.stderr if line.startswith(("  article", "warning")) else sys.stdout)
    return 0
