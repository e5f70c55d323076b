"""SQL over the dataset through DuckDB, for answers without writing code.

Views over the Parquet files of one dataset folder:

  actions        actions.parquet, one row per atomic action (every file: copies too)
  documents      documents.parquet, one record per input file
  plans          plans.parquet, one row per plan (institution and period)
  plan_actions   the actions of each plan's preferred document, with plan_id: each plan
                 counted once (copies and progress reports left out)
  labels         long format over plan_actions: one row per action and final label (kind
                 'pillar' or 'talent'), with where the label came from (source), the
                 model's score, and whether the plan itself (in_document) and the model
                 (in_model) gave it
  status_history per plan action and progress report: report date, rag_status, progress
  action_links   action_links.parquet, links between consecutive plans' actions
  taxonomy       the label vocabulary: kind, label, name, text_status, confidence (the
                 five pillar codes and R1..R16, from models/taxonomy/)

docs/analysis.md has worked examples.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import decimal
import io
import json
import sys
from pathlib import Path
from typing import Any, Sequence

import duckdb

from normalise.vocabulary import pillar_concepts, talent_ids

PILLARS = list(pillar_concepts())   # [(code, name)] from models/taxonomy/pillars.yaml
TALENT = list(talent_ids())

PLAN_ACTIONS_SQL = """
CREATE VIEW plan_actions AS
SELECT a.*, d.plan_id
FROM actions a JOIN documents d USING (document_id)
WHERE d.plan_role = 'plan' OR d.document_id IN (SELECT preferred_document_id FROM plans)
"""

STATUS_HISTORY_SQL = """
CREATE VIEW status_history AS
SELECT d.reports_on AS plan_id, p.row_id AS plan_row_id, p.institution, p.period_start, p.period_end,
       p.action_id, p.action_text, d.report_date, r.source_file AS report_file, r.row_id AS report_row_id,
       r.rag_status, r.progress, r.plan_match, r.plan_match_score,
       row_number() OVER (PARTITION BY p.row_id ORDER BY d.report_date DESC NULLS LAST, r.source_file DESC) = 1
         AS latest
FROM actions r
JOIN documents d ON d.document_id = r.document_id
JOIN actions p ON p.row_id = r.plan_row_id
WHERE d.plan_role = 'progress_report'
"""

LABELS_SQL = """
CREATE VIEW labels AS
WITH a AS (
  SELECT row_id, document_id, source_file, plan_id, institution, period_start, period_end, action_id,
         pillars, pillar_scores, pillars_source, pillars_document, pillars_model,
         talent, talent_scores, talent_source, talent_document, talent_model
  FROM plan_actions
),
p AS (SELECT a.*, unnest(pillars) AS label FROM a),
t AS (SELECT a.*, unnest(talent) AS label FROM a)
SELECT row_id, document_id, source_file, plan_id, institution, period_start, period_end, action_id,
       'pillar' AS kind, label, pillars_source AS source,
       element_at(pillar_scores, label)[1] AS score,
       list_contains(pillars_document, label) AS in_document,
       list_contains(pillars_model, label) AS in_model
FROM p
UNION ALL
SELECT row_id, document_id, source_file, plan_id, institution, period_start, period_end, action_id,
       'talent' AS kind, label, talent_source AS source,
       element_at(talent_scores, label)[1] AS score,
       list_contains(talent_document, label) AS in_document,
       list_contains(talent_model, label) AS in_model
FROM t
"""


class DatasetMissing(FileNotFoundError):
    pass


def _sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def taxonomy_rows() -> list[tuple[str, str, str | None, str | None, str | None]]:
    """(kind, label, name, text_status, confidence) from models/taxonomy/ when it loads,
    else the bare codes: the view exists either way."""
    try:
        from normalise.classify.taxonomy import load_taxonomies
        tax = load_taxonomies()
        rows = [(kind, c.id, c.preferred_label, c.provenance.text_status, str(c.provenance.confidence))
                for kind, key in (("pillar", "pillars"), ("talent", "talent")) for c in tax[key].concepts]
        if {r[1] for r in rows if r[0] == "talent"} == set(TALENT):
            return rows
    except Exception:  # noqa: BLE001 - no taxonomy shipped: fall back to the codes
        pass
    return [("pillar", code, name, None, None) for code, name in PILLARS] + \
           [("talent", r, None, None, None) for r in TALENT]


def connect(dataset: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the views actions, documents, plans,
    plan_actions, labels, status_history, action_links and taxonomy over the dataset in
    `dataset` (a folder holding actions.parquet and documents.parquet; plans.parquet and
    action_links.parquet when the dataset has them, else those views are empty)."""
    dataset = Path(dataset)
    files = {name: dataset / f"{name}.parquet" for name in ("actions", "documents")}
    missing = [str(p) for p in files.values() if not p.exists()]
    if missing:
        raise DatasetMissing(f"no dataset in {dataset} (missing {', '.join(missing)}): run `make extract` first")
    con = duckdb.connect(":memory:")
    for name, path in files.items():
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({_sql_str(str(path.resolve()))})")
    from ..dataset.schema import ACTION_LINKS, PLANS
    for name, schema in (("plans", PLANS), ("action_links", ACTION_LINKS)):
        path = dataset / f"{name}.parquet"
        if path.exists():
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({_sql_str(str(path.resolve()))})")
        else:       # a dataset written before plans existed: the views are there, empty
            con.register(f"_{name}_empty", schema.empty_table())
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM _{name}_empty")
    con.execute(PLAN_ACTIONS_SQL)
    con.execute(STATUS_HISTORY_SQL)
    con.execute(LABELS_SQL)
    con.execute("CREATE TABLE taxonomy (kind VARCHAR, label VARCHAR, name VARCHAR, text_status VARCHAR, "
                "confidence VARCHAR)")
    con.executemany("INSERT INTO taxonomy VALUES (?, ?, ?, ?, ?)", taxonomy_rows())
    return con


def run_query(sql: str, dataset: Path) -> tuple[list[str], list[tuple]]:
    """Column names and rows of `sql` run over the dataset's views."""
    con = connect(dataset)
    try:
        cur = con.execute(sql)
        if cur.description is None:
            return [], []
        return [d[0] for d in cur.description], cur.fetchall()
    finally:
        con.close()


# ---------------------------------------------------------------- formatting

def _plain(value: Any) -> Any:
    """A JSON-ready value."""
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, dict):
        if set(value) == {"key", "value"} and isinstance(value["key"], list):   # a DuckDB map
            return {str(k): _plain(v) for k, v in zip(value["key"], value["value"])}
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return value.hex()
    return value


def _cell(value: Any) -> str:
    """One value as text for a table or CSV cell: lists as 'V, CD', maps as 'V=0.91'."""
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, list):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={_cell(v)}" for k, v in value.items())
    return " ".join(str(value).split())


def format_table(columns: Sequence[str], rows: Sequence[tuple], max_width: int = 60) -> str:
    if not columns:
        return "(no result)"
    cells = [[_cell(v) for v in row] for row in rows]
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    numeric = [all(isinstance(r[i], (int, float, decimal.Decimal)) or r[i] is None for r in rows) and rows
               for i in range(len(columns))]

    def line(vals):
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(vals, widths, numeric)).rstrip()

    out = [line(columns), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def format_csv(columns: Sequence[str], rows: Sequence[tuple]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for row in rows:
        w.writerow([_cell(v) for v in row])
    return buf.getvalue()


def format_json(columns: Sequence[str], rows: Sequence[tuple]) -> str:
    return json.dumps([{c: _plain(v) for c, v in zip(columns, row)} for row in rows], indent=1,
                      ensure_ascii=False, default=str) + "\n"


FORMATS = {"table": format_table, "csv": format_csv, "json": format_json}


def format_result(columns: Sequence[str], rows: Sequence[tuple], fmt: str = "table") -> str:
    return FORMATS[fmt](columns, rows)


# ---------------------------------------------------------------- command line

HELP = """Run SQL over the dataset with DuckDB and print the result.

Views: actions (one row per action, every file), documents (one per input file), plans
(one per plan), plan_actions (the actions of each plan's preferred copy: each plan once),
labels (one row per plan action and final label: kind 'pillar'|'talent', label, source,
score, in_document, in_model, with row_id, plan_id, institution, period_start,
period_end, source_file), status_history (per plan action and progress report:
report_date, rag_status, progress, latest), action_links (links between consecutive
plans: from_row_id, to_row_id, kind, score, shared_terms ...) and taxonomy (kind, label,
name, text_status, confidence). Worked examples: docs/analysis.md.

example:
  python -m tcpipe.tools.query "SELECT institution, label, count(*) AS actions FROM labels
      WHERE kind = 'pillar' GROUP BY ALL ORDER BY ALL" --dataset data/processed
  python -m tcpipe.tools.query "SELECT * FROM documents" --format csv --output /tmp/documents.csv
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m tcpipe.tools.query", description=HELP,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sql", help="the SQL to run; '-' reads it from standard input, @FILE from a file")
    p.add_argument("--dataset", default="data/processed",
                   help="folder with actions.parquet and documents.parquet (default: data/processed)")
    p.add_argument("--format", choices=sorted(FORMATS), default=None,
                   help="table (default on screen), csv or json (default for --output by its extension)")
    p.add_argument("--output", default=None, help="write the result to this file instead of printing it")
    p.add_argument("--max-width", type=int, default=60, help="widest table cell before cutting (default: 60)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    sql = args.sql
    if sql == "-":
        sql = sys.stdin.read()
    elif sql.startswith("@"):
        sql = Path(sql[1:]).read_text(encoding="utf-8")
    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
        fmt = suffix if suffix in ("csv", "json") else "table"
    try:
        columns, rows = run_query(sql, Path(args.dataset))
    except DatasetMissing as exc:
        print(exc, file=sys.stderr)
        return 2
    except duckdb.Error as exc:
        print(f"query failed: {exc}", file=sys.stderr)
        return 1
    text = format_table(columns, rows, args.max_width) if fmt == "table" else format_result(columns, rows, fmt)
    if args.output:
        from ..dataset.writer import write_text
        write_text(text if text.endswith("\n") else text + "\n", Path(args.output))
        print(f"{len(rows)} rows written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
