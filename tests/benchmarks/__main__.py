"""``python -m tests.benchmarks [--corpus DIR] [--only NAME]``: run every benchmark
module and print one table, headed by the date and the machine.

A benchmark module is ``tests/benchmarks/bench_<name>.py`` exposing
``measure(corpus: Path | None) -> list[Result]`` (tests/benchmarks/common.py).
Each runs in its own subprocess, so Qt and spaCy state does not leak between them
and a module that fails (or hangs past --timeout) is shown as failed in the table
while the others go on. Not run by pytest (bench_*.py are not collected).
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from tests.benchmarks.common import HEADER, Result

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def discover() -> list[str]:
    return sorted(p.stem for p in HERE.glob("bench_*.py"))


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} cores; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}")


def run_one(name: str, corpus: Path | None, out: Path) -> int:
    """In the child: measure one module and write its results as JSON."""
    module = importlib.import_module(f"tests.benchmarks.{name}")
    if hasattr(module, "measure"):
        results = module.measure(corpus)
    else:  # a module with only main(): take the rows it prints
        import inspect

        from tests.benchmarks.common import PRINTED

        sys.argv = [name]
        module.main(*([[]] if inspect.signature(module.main).parameters else []))
        results = list(PRINTED)
    out.write_text(json.dumps([dataclasses.asdict(r) for r in results]), encoding="utf-8")
    return 0


def run_all(names: list[str], corpus: Path | None, timeout: float) -> list[tuple[str, list[Result] | str]]:
    rows = []
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    for name in names:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory(prefix="tagdesk-bench-") as tmp:
            out = Path(tmp) / "results.json"
            args = [sys.executable, "-m", "tests.benchmarks", "--run-one", name, "--out", str(out)]
            if corpus is not None:
                args += ["--corpus", str(corpus)]
            started = time.perf_counter()
            try:
                done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
            except subprocess.TimeoutExpired:
                rows.append((name, f"timed out after {timeout:.0f} s"))
                continue
            if done.returncode != 0 or not out.exists():
                lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
                rows.append((name, f"failed (exit {done.returncode}): {lines[-1] if lines else 'no output'}"))
                print(done.stderr[-3000:], file=sys.stderr)
                continue
            results = [Result(**r) for r in json.loads(out.read_text(encoding="utf-8"))]
            rows.append((name, results))
            print(f"  {name}: {len(results)} result(s) in {time.perf_counter() - started:.1f} s",
                  file=sys.stderr, flush=True)
    return rows


def table(rows: list[tuple[str, list[Result] | str]], corpus: Path | None) -> str:
    lines = [f"Tagdesk benchmarks, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
             f"machine: {machine()}",
             f"corpus: {corpus if corpus else 'synthetic (deterministic, made by each benchmark)'}",
             "", HEADER]
    for name, results in rows:
        if isinstance(results, str):
            lines.append(f"{name:<48} {results}")
        else:
            lines.extend(r.row() for r in results)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="a folder of articles to use instead of a synthetic corpus")
    parser.add_argument("--only", action="append", metavar="NAME",
                        help="run only this benchmark (e.g. import or bench_import); repeatable")
    parser.add_argument("--timeout", type=float, default=900, help="seconds one benchmark module may take")
    parser.add_argument("--run-one", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.corpus is not None:
        args.corpus = args.corpus.resolve()  # the benchmarks run from the repository root
        if not args.corpus.is_dir():
            parser.error(f"--corpus {args.corpus}: not a folder")
    if args.run_one:
        return run_one(args.run_one, args.corpus, args.out)
    names = discover()
    if args.only:
        wanted = {n if n.startswith("bench_") else f"bench_{n}" for n in args.only}
        unknown = wanted - set(names)
        if unknown:
            parser.error(f"no such benchmark: {', '.join(sorted(unknown))} (known: {', '.join(names)})")
        names = [n for n in names if n in wanted]
    rows = run_all(names, args.corpus, args.timeout)
    print(table(rows, args.corpus))
    return 0 if all(not isinstance(r, str) and all(x.ok for x in r) for _, r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
