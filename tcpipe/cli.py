"""Command line: `tcplans extract|query|...`. Thin wrapper over tcpipe's Python API."""
from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

EXTRACT_HELP = """Extract actions from Technician Commitment plans (PDF, DOCX, HTML) into a Parquet dataset.

Takes files or folders (searched recursively for *.pdf, *.docx, *.html, *.htm; hidden
paths skipped). Writes OUT/actions.parquet (one row per atomic action) and
OUT/documents.parquet (one record per input file).
Unchanged files are not reprocessed; each file runs in its own worker with a time
and memory limit, so one bad file never stops the batch.

Documents already in OUT that these inputs do not name are never removed silently:
  --add     add these inputs (or update the documents whose files they now are), keep the rest
  --mirror  make OUT mirror the inputs: documents not among them are removed (listed first)
Without either, a run that would remove documents stops before writing and lists them.
A document is its content (document_id: SHA-256 of the file); the same file given twice
is processed once, and two different files with the same name are both kept.
No plan found, or every input failed: exit code 1, OUT left untouched.
One run writes OUT at a time: a second waits for it (or fails at once with --no-wait).

example:
  tcplans extract data/raw --out data/processed
  tcplans extract plans/essex-2024-27.pdf other-plans/ --out /tmp/ds --jobs 2
"""


def _summary(report) -> str:
    lines = ["", "=" * 64,
             f"documents: {report.documents}  ({', '.join(f'{k} {v}' for k, v in sorted(report.statuses.items()))})",
             f"actions:   {report.actions}",
             f"processed now: {len(report.processed)}, unchanged and reused: {len(report.reused)}"]
    if report.failed:
        lines.append("failures:")
        lines += [f"  {name}: {reason}" for name, reason in report.failed]
    if report.warned:
        lines.append("warnings:")
        lines += [f"  {name} ({status}): {reason}" for name, status, reason in report.warned]
    for note in report.override_notes:
        lines.append(f"overrides: {note}")
    if report.mode:
        lines.append(f"mode:      {report.mode}")
    for old, new in report.updated:
        lines.append(f"updated:   {old} (the file changed)" + (f", now {new}" if new != old else ""))
    if report.removed:
        lines.append(f"removed ({len(report.removed)}, not in the inputs): " + ", ".join(report.removed))
    if report.kept:
        lines.append(f"kept from before (not given this time): {len(report.kept)}")
    for path, name in report.duplicates:
        lines.append(f"same file as {name}, processed once: {path}")
    lines += [f"dataset:   {report.out_dir / 'actions.parquet'}",
              f"           {report.out_dir / 'documents.parquet'}", "=" * 64]
    return "\n".join(lines)


def _default_overrides() -> Path | None:
    path = Path("data/overrides.yaml")
    return path if path.exists() else None


def cmd_extract(args: argparse.Namespace) -> int:
    from .run.batch import CacheMissing, Limits, NoInputs, NothingUsable, WouldRemove, run_batch
    from .run.lock import DatasetBusy
    limits = Limits(seconds=args.timeout, memory_mb=args.memory_mb)
    mode = "add" if args.add else "mirror" if args.mirror else None
    if mode:
        print(f"mode: {mode}" + (" (documents in the output that are not among the inputs are removed)"
                                 if mode == "mirror" else " (documents already in the output are kept)"),
              file=sys.stderr)

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)
    try:
        report = run_batch([Path(p) for p in args.inputs], Path(args.out), workers=args.jobs,
                           password=args.password, limits=limits, progress=not args.quiet,
                           scheduler=args.scheduler,
                           overrides=Path(args.overrides) if args.overrides else _default_overrides(),
                           mode=mode, wait=not args.no_wait, say=say)
    except NothingUsable as exc:
        print(_summary(exc.report), file=sys.stderr)
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (NoInputs, WouldRemove, CacheMissing, DatasetBusy) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - only the user's mistakes below; the rest re-raised
        # tcpipe.dataset.overrides (pyarrow) is imported only when an overrides file is read: if it
        # is not loaded, the error cannot be an OverridesError.
        overrides_mod = sys.modules.get("tcpipe.dataset.overrides")
        expected = (FileNotFoundError,) + ((overrides_mod.OverridesError,) if overrides_mod else ())
        if not isinstance(exc, expected):
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(_summary(report))
    return 0


# Commands whose options live in their own module (tcpipe/<name>.py).
PASS_THROUGH = {
    "query": "run SQL over the dataset (views actions, documents, labels)",
    "report": "write the institution comparison report (OUT/report/index.html)",
    "review": "write review pages: page images with boxes beside the extracted rows",
    "coverage": "which signatories have plans in the dataset, for which periods, which failed",
}


def build_parser(describe_all: bool = True) -> argparse.ArgumentParser:
    """The whole command line. describe_all=False leaves out the descriptions of the
    pass-through commands, which would import their modules (duckdb, pyarrow): main()
    builds it that way, since it hands those commands to their module itself, so that
    `tcplans extract` starts quickly."""
    parser = argparse.ArgumentParser(prog="tcplans", description="Technician Commitment action plans to research data.",
                                     epilog="example:\n  tcplans extract data/raw --out data/processed",
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="extract plans into the Parquet dataset", description=EXTRACT_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", help="plan files (PDF, DOCX, HTML) or folders")
    p.add_argument("--out", default="data/processed", help="output folder (default: data/processed)")
    p.add_argument("--jobs", type=int, default=0, help="worker processes (default: all cores)")
    p.add_argument("--password", default=None, help="password for encrypted PDFs")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per document (default: 120)")
    p.add_argument("--memory-mb", type=int, default=2048, help="memory a worker may add while reading one document, in MB (default: 2048)")
    p.add_argument("--scheduler", default=None, help="Dask scheduler address (tcp://host:8786) to run on a cluster")
    p.add_argument("--overrides", default=None,
                   help="reviewer corrections keyed by row_id (default: data/overrides.yaml if present)")
    modes = p.add_mutually_exclusive_group()
    modes.add_argument("--add", action="store_true",
                       help="add these inputs to OUT (updating documents whose files changed), keep the others")
    modes.add_argument("--mirror", action="store_true",
                       help="make OUT mirror the inputs: documents not among them are removed (listed first); "
                            "make extract uses this")
    p.add_argument("--no-wait", action="store_true",
                   help="fail at once if another run is writing OUT (default: wait for it)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_extract)
    for name, summary in PASS_THROUGH.items():
        description = (getattr(importlib.import_module(f"tcpipe.tools.{name}"), "HELP", summary) if describe_all
                       else summary)
        sp = sub.add_parser(name, help=summary, add_help=False, description=description,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
        sp.add_argument("args", nargs=argparse.REMAINDER, help=f"see `tcplans {name} --help`")
        sp.set_defaults(func=lambda a, n=name: importlib.import_module(f"tcpipe.tools.{n}").main(a.args))
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in PASS_THROUGH:  # the module parses its own options
        return importlib.import_module(f"tcpipe.tools.{argv[0]}").main(argv[1:])
    args = build_parser(describe_all=False).parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
