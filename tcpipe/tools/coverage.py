"""Coverage: which signatories in the institution registry (models/institutions.csv) have
plans in the dataset, for which periods, and which failed.

A document whose institution was not resolved (a failed file has no text to read) is
matched through its file name with normalise.meta.resolve_institution; documents that
match no signatory are listed apart, so nothing is left out of the count.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from extract.issues import IssueCode

from .query import DatasetMissing

READ = ("success", "partial")     # statuses under which a document gave actions
# issue codes that say why a document's institution is doubtful or unplaced (by code, never
# by the wording of the message)
INSTITUTION_CODES = frozenset({IssueCode.INSTITUTION_UNCERTAIN.value, IssueCode.INSTITUTION_NOT_IN_REGISTRY.value})


@dataclass
class Plan:
    source_file: str
    period_start: int | None
    period_end: int | None
    status: str
    n_actions: int
    problem: str | None = None     # first error or warning, for failed and skipped files
    role: str | None = None        # plan / rendering / progress_report (documents.plan_role)
    counts: bool = True            # its plan's preferred document: the copy whose actions count

    @property
    def period(self) -> str:
        if self.period_start is None:
            return "period unknown"
        return f"{self.period_start}-{self.period_end}" if self.period_end != self.period_start else str(self.period_start)


@dataclass
class Signatory:
    name: str
    signed_year: int | None
    status: str                    # the registry's: confirmed / probable / indirect / added ...
    plans: list[Plan] = field(default_factory=list)

    @property
    def coverage(self) -> str:
        """covered: at least one document read; failed: documents, none read; missing: no document."""
        if any(p.status in READ and p.n_actions for p in self.plans):
            return "covered"
        return "failed" if self.plans else "missing"


@dataclass
class Coverage:
    signatories: list[Signatory]
    unmatched: list[tuple[Plan, str]]      # documents matching no signatory, with why

    def counts(self) -> dict[str, int]:
        out = {"covered": 0, "failed": 0, "missing": 0}
        for s in self.signatories:
            out[s.coverage] += 1
        return out


def load_registry(path: Path | None = None) -> list[Signatory]:
    from normalise.meta import MODELS_DIR
    path = Path(path or MODELS_DIR / "institutions.csv")
    out = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            year = (row.get("signed_year") or "").strip()
            out.append(Signatory(row["name"].strip(), int(year) if year.isdigit() else None,
                                 (row.get("status") or "").strip()))
    return out


def coverage(documents: list[dict], registry: list[Signatory], preferred: set[str] | None = None) -> Coverage:
    """Pure: documents records (as in documents.parquet) against the registry. `preferred`:
    the document ids whose actions count for their plan (plans.parquet preferred_document_id:
    a plan known only from its progress report counts from it); without it, the documents
    whose role is `plan` (or that have none)."""
    from normalise.meta import parse_period, resolve_institution
    by_name = {s.name: s for s in registry}
    unmatched: list[tuple[Plan, str]] = []
    for d in sorted(documents, key=lambda d: (d.get("period_start") or 0, d["source_file"])):
        msgs = list(d.get("errors") or []) + [i["message"] for i in d.get("issues") or []
                                              if i.get("code") in INSTITUTION_CODES]
        if d["status"] not in READ:
            msgs += list(d.get("warnings") or [])
        start, end = d.get("period_start"), d.get("period_end")
        if start is None:       # a failed file has no text: its name may still give the period
            start, end = parse_period(Path(d["source_file"]).stem.replace("_", " "))
        role = d.get("plan_role")
        counts = d.get("document_id") in preferred if preferred is not None and d.get("plan_id") \
            else role in (None, "plan")
        plan = Plan(d["source_file"], start, end, d["status"], d.get("n_actions") or 0, msgs[0] if msgs else None,
                    role, counts)
        name, why = d.get("institution"), None
        if name is None:
            name, why = resolve_institution("", d["source_file"])
        if name in by_name:
            by_name[name].plans.append(plan)
        else:
            unmatched.append((plan, why or f"{name} is not in the registry"))
    return Coverage(registry, unmatched)


def dataset_coverage(dataset: Path, registry: Path | None = None) -> Coverage:
    from ..dataset.writer import read_parquet
    path = Path(dataset) / "documents.parquet"
    if not path.exists():
        raise DatasetMissing(f"no dataset in {dataset} (missing {path}): run `make extract` first")
    plans = Path(dataset) / "plans.parquet"
    preferred = {r["preferred_document_id"] for r in read_parquet(plans).to_pylist()} if plans.exists() else None
    return coverage(read_parquet(path).to_pylist(), load_registry(registry), preferred)


# ---------------------------------------------------------------- output

def rows(cov: Coverage, only: str | None = None) -> list[dict]:
    """One line per signatory, then one per unmatched document."""
    out = []
    for s in sorted(cov.signatories, key=lambda s: ({"failed": 0, "covered": 1, "missing": 2}[s.coverage], s.name)):
        if only and s.coverage != only:
            continue
        read = [p for p in s.plans if p.status in READ and p.n_actions]
        bad = [p for p in s.plans if p not in read]
        out.append(dict(
            institution=s.name, signed=s.signed_year, registry_status=s.status, coverage=s.coverage,
            periods=sorted({p.period for p in read}), failed_periods=sorted({p.period for p in bad}),
            # each plan once: the actions of its preferred copy; copies and progress reports listed apart
            actions=sum(p.n_actions for p in read if p.counts),
            plans=[p.source_file for p in read if p.counts],
            copies=[p.source_file for p in read if p.role == "rendering"],
            progress_reports=[p.source_file for p in read if p.role == "progress_report"],
            failed=[f"{p.source_file} ({p.status}: {p.problem})" if p.problem else f"{p.source_file} ({p.status})"
                    for p in bad]))
    if not only or only == "unmatched":
        for p, why in cov.unmatched:
            out.append(dict(institution=None, signed=None, registry_status=None, coverage="unmatched",
                            periods=[p.period] if p.status in READ else [], actions=p.n_actions,
                            plans=[p.source_file] if p.status in READ else [],
                            failed=[] if p.status in READ else [f"{p.source_file} ({p.status})"], why=why))
    return out


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


def format_table(cov: Coverage, only: str | None = None) -> str:
    lines = []
    counts = cov.counts()
    lines.append(f"signatories in the registry: {len(cov.signatories)}  (with a plan read: {counts['covered']}, "
                 f"only failed files: {counts['failed']}, no plan in the dataset: {counts['missing']}); "
                 f"documents matching no signatory: {len(cov.unmatched)}")
    data = rows(cov, only)
    cols = ("institution", "coverage", "periods", "actions", "plans", "copies", "progress_reports", "failed")
    cells = [[_text(r["institution"] if r["institution"] else f"? ({r.get('why')})")] +
             [_text(r.get(c)) for c in cols[1:]] for r in data]
    cells = [[c if len(c) <= 70 else c[:69] + "…" for c in row] for row in cells]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(cols)]
    lines.append("")
    lines.append("  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip())
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join(lines) + "\n"


def format_csv(cov: Coverage, only: str | None = None) -> str:
    buf = io.StringIO()
    cols = ["institution", "signed", "registry_status", "coverage", "periods", "actions", "plans", "copies",
            "progress_reports", "failed", "why"]
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for r in rows(cov, only):
        w.writerow({k: _text(r.get(k)) if isinstance(r.get(k), list) else r.get(k) for k in cols})
    return buf.getvalue()


def format_json(cov: Coverage, only: str | None = None) -> str:
    return json.dumps({"counts": cov.counts(), "unmatched": len(cov.unmatched), "rows": rows(cov, only)},
                      indent=1, ensure_ascii=False) + "\n"


FORMATS = {"table": format_table, "csv": format_csv, "json": format_json}

HELP = """List which signatories in models/institutions.csv have plans in the dataset, for
which periods, and which have only failed files (or none at all). Documents that match
no signatory are listed at the end with the reason.

example:
  python -m tcpipe.tools.coverage --dataset data/processed
  python -m tcpipe.tools.coverage --dataset /tmp/ds --only failed --format csv --output /tmp/failed.csv
"""


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tcpipe.tools.coverage", description=HELP,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dataset", default="data/processed", help="dataset folder (default: data/processed)")
    p.add_argument("--registry", default=None, help="institution registry CSV (default: models/institutions.csv)")
    p.add_argument("--only", choices=["covered", "failed", "missing", "unmatched"], default=None,
                   help="list only signatories in this state")
    p.add_argument("--format", choices=sorted(FORMATS), default=None,
                   help="table (default on screen), csv or json (default for --output by its extension)")
    p.add_argument("--output", default=None, help="write to this file instead of printing")
    args = p.parse_args(argv)
    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
        fmt = suffix if suffix in FORMATS else "table"
    try:
        cov = dataset_coverage(Path(args.dataset), Path(args.registry) if args.registry else None)
    except DatasetMissing as exc:
        print(exc, file=sys.stderr)
        return 2
    text = FORMATS[fmt](cov, args.only)
    if args.output:
        from ..dataset.writer import write_text
        write_text(text, Path(args.output))
        print(f"coverage written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
