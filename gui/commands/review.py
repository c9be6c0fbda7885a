"""agreement, merge, search: several editors, one corpus."""

from __future__ import annotations

import json
from pathlib import Path

from gui.commands import UsageError, arguments, command, open_store


def _agreement_args(p):
    p.add_argument("--annotators", help="comma-separated names (default: everyone with spans)")
    p.add_argument("--top", type=int, default=10, help="how many disagreeing articles to list")
    p.add_argument("--json", action="store_true", help="machine-readable output")


@command("agreement", "agreement between annotators: span F1, token kappa, Krippendorff's alpha")
@arguments(_agreement_args)
def cmd_agreement(args) -> int:
    from gui.core.agreement import agreement_report, report_lines
    from gui.store.review_queries import annotators

    names = [n.strip() for n in args.annotators.split(",") if n.strip()] if args.annotators else None
    with open_store(args) as store:
        if names is not None:
            unknown = sorted(set(names) - set(annotators(store)))
            if unknown:
                raise UsageError(f"no spans by {', '.join(unknown)} in {args.db}; "
                                 f"annotators: {', '.join(annotators(store)) or '(none)'}")
            if len(names) < 2:
                raise UsageError("--annotators needs at least two names, e.g. --annotators ana,ben")
        report = agreement_report(store, names, args.top)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print("\n".join(report_lines(report)))
    return 0


def _merge_args(p):
    p.add_argument("other", type=Path, help="another editor's Tagdesk database")
    p.add_argument("--annotator", help="name for the other file's spans that have none (default: its file name)")


@command("merge", "bring in another editor's database (idempotent)")
@arguments(_merge_args)
def cmd_merge(args) -> int:
    from gui.core.merge import merge_database

    with open_store(args) as store:
        try:
            report = merge_database(store, args.other, args.annotator)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    print("\n".join(report.lines()))
    return 0


def _search_args(p):
    p.add_argument("query", help="words to find (a phrase by default)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--regex", action="store_const", const="regex", dest="mode",
                      help="QUERY is a Python regular expression")
    mode.add_argument("--prefix", action="store_const", const="prefix", dest="mode",
                      help="the last word is a prefix (strike -> strikes, strikers)")
    mode.add_argument("--words", action="store_const", const="words", dest="mode",
                      help="all the words, anywhere in the article")
    p.add_argument("--tag", metavar="LABEL", help="tag every hit with LABEL (one undoable edit)")
    p.add_argument("--annotator", help="who the new spans are by (default: the annotator setting or login)")
    p.add_argument("--limit", type=int, default=5000)
    p.add_argument("--json", action="store_true", help="machine-readable output")


@command("search", "full-text search across the articles; --tag LABEL tags every hit")
@arguments(_search_args)
def cmd_search(args) -> int:
    from gui.core.annotator import default_annotator
    from gui.core.bulk_edits import CORPUS, AddSpans, plan_tag_hits
    from gui.core.edits import perform
    from gui.store.search import search

    mode = args.mode or "phrase"
    with open_store(args) as store:
        result = search(store, args.query, mode, args.limit)
        tagged = None
        if args.tag:
            if args.tag not in store.label_names():
                raise UsageError(f"there is no label “{args.tag}”; labels: {', '.join(sorted(store.label_names()))}")
            planned = plan_tag_hits(store, result.hits, args.tag, args.annotator or default_annotator(store))
            if planned:
                perform(store, AddSpans(CORPUS, planned))
            tagged = len(planned)
    if args.json:
        print(json.dumps({"query": args.query, "mode": mode, "articles": result.articles,
                          "truncated": result.truncated, "tagged": tagged,
                          "hits": [{"article_id": h.article_id, "title": h.title, "start": h.start,
                                    "end": h.end, "match": h.match, "before": h.before, "after": h.after}
                                   for h in result.hits]}, indent=2))
        return 0
    for h in result.hits:
        context = f"{h.before[-40:]}[{h.match}]{h.after[:40]}".replace("\n", " ")
        print(f"{h.article_id:>5} {h.start:>7}-{h.end:<7} {context}")
    print(f"{len(result.hits)} hit(s) in {result.articles} article(s)"
          + (" (stopped at --limit)" if result.truncated else ""))
    if tagged is not None:
        print(f"tagged {tagged} hit(s) as {args.tag} ({len(result.hits) - tagged} already tagged or empty)")
    return 0
