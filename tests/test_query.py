"""Query: DuckDB views over the real sample dataset, the worked examples in docs/analysis.md,
and the command line's output formats."""
from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pytest

from tcpipe.tools import query
from tcpipe.dataset.schema import ACTIONS, DOCUMENTS
from tcpipe.dataset.writer import write_parquet

ROOT = Path(__file__).resolve().parent.parent
ANALYSIS = ROOT / "docs" / "analysis.md"


@pytest.fixture(scope="module")
def dataset(sample_run) -> Path:
    return sample_run[0].out_dir


@pytest.fixture(scope="module")
def scored_dataset(sample_run, tmp_path_factory) -> tuple[Path, list[dict]]:
    """The real rows with model scores put on them, as a model would: the labels view
    must carry each final label's score."""
    _, actions, documents = sample_run
    rows = [dict(r) for r in actions]
    for i, r in enumerate(rows):
        r["pillar_scores"] = [(p, round(0.5 + 0.01 * (i % 40), 2)) for p in (r["pillars"] or [])] + [("EI", 0.1)]
        r["talent_scores"] = [(t, 0.9) for t in (r["talent"] or [])]
    out = tmp_path_factory.mktemp("scored")
    write_parquet(pa.Table.from_pylist(rows, schema=ACTIONS), out / "actions.parquet")
    write_parquet(pa.Table.from_pylist(documents, schema=DOCUMENTS), out / "documents.parquet")
    return out, rows


def test_views_hold_the_dataset(dataset, sample_run):
    _, actions, documents = sample_run
    assert actions, "the sample run gave no actions: nothing to query"
    assert query.run_query("SELECT count(*) FROM actions", dataset)[1] == [(len(actions),)]
    assert query.run_query("SELECT count(*) FROM documents", dataset)[1] == [(len(documents),)]
    cols, rows = query.run_query("SELECT kind, label, name FROM taxonomy ORDER BY kind, label", dataset)
    assert {r[1] for r in rows if r[0] == "talent"} == {f"R{i}" for i in range(1, 17)}
    assert {r[1] for r in rows if r[0] == "pillar"} == {"V", "R", "CD", "S", "EI"}


def _plan_actions(sample_run):
    """The actions of each plan's preferred copy: what labels and the examples count."""
    _, actions, documents = sample_run
    preferred = {d["document_id"] for d in documents if d["plan_role"] == "plan"}
    return [a for a in actions if a["document_id"] in preferred]


def test_labels_view_is_one_row_per_action_and_label(dataset, sample_run):
    actions = _plan_actions(sample_run)
    assert 0 < len(actions) < len(sample_run[1]), "each plan once: copies and reports left out"
    cols, rows = query.run_query("SELECT row_id, kind, label, source, score, in_document FROM labels", dataset)
    expected = Counter()
    for a in actions:
        for p in a["pillars"]:
            expected[(a["row_id"], "pillar", p, a["pillars_source"], p in a["pillars_document"])] += 1
        for t in a["talent"]:
            expected[(a["row_id"], "talent", t, a["talent_source"], t in a["talent_document"])] += 1
    got = Counter((r[0], r[1], r[2], r[3], r[5]) for r in rows)
    assert got == expected
    assert sum(expected.values()) > 0, "no labels in the sample: the plans' own tags should give some"


def test_labels_view_carries_scores(scored_dataset, sample_run):
    out, rows = scored_dataset
    preferred = {a["row_id"] for a in _plan_actions(sample_run)}
    rows = [r for r in rows if r["row_id"] in preferred]
    _, got = query.run_query("SELECT row_id, kind, label, score FROM labels", out)
    want = {}
    for r in rows:
        for k, v in r["pillar_scores"]:
            if k in r["pillars"]:
                want[(r["row_id"], "pillar", k)] = v
        for k, v in r["talent_scores"]:
            want[(r["row_id"], "talent", k)] = v
    assert {(a, b, c): float(s) for a, b, c, s in got} == pytest.approx(want)


def _analysis_queries() -> list[tuple[str, str]]:
    """(heading, sql) for every ```sql block, under the nearest heading above it."""
    out, heading, block = [], "", None
    for line in ANALYSIS.read_text(encoding="utf-8").splitlines():
        if block is not None:
            if line.startswith("```"):
                out.append((heading, "\n".join(block)))
                block = None
            else:
                block.append(line)
        elif line.startswith("```sql"):
            block = []
        elif line.startswith("#"):
            heading = line.lstrip("#").strip()
    return out


def test_every_worked_example_in_the_docs_runs(dataset):
    examples = _analysis_queries()
    assert len(examples) >= 4, "docs/analysis.md should hold the worked SQL examples"
    for title, sql in examples:
        cols, _ = query.run_query(sql, dataset)
        assert cols, f"example {title!r} returned no columns"


def _example(word: str) -> str:
    hits = [sql for title, sql in _analysis_queries() if word.lower() in title.lower()]
    assert hits, f"no worked example titled with {word!r} in docs/analysis.md"
    return hits[0]


def test_example_actions_per_pillar_per_institution(dataset, sample_run):
    actions = _plan_actions(sample_run)
    want = Counter((a["institution"], p) for a in actions for p in a["pillars"])
    cols, rows = query.run_query(_example("per pillar"), dataset)
    assert cols[:3] == ["institution", "pillar", "actions"]
    assert {(r[0], r[1]): r[2] for r in rows} == dict(want)


def test_example_talent_never_addressed(dataset, sample_run):
    actions = _plan_actions(sample_run)
    insts = {a["institution"] for a in actions if a["institution"]}
    addressed = {i: {t for a in actions if a["institution"] == i for t in a["talent"]} for i in insts}
    want = {(i, f"R{n}") for i in insts for n in range(1, 17) if f"R{n}" not in addressed[i]}
    _, rows = query.run_query(_example("never"), dataset)
    assert {(r[0], r[1]) for r in rows} == want


def test_example_actions_due_in_a_year(dataset, sample_run):
    actions = _plan_actions(sample_run)
    sql = _example("due in")
    year = int(re.search(r"\b(20\d\d)\b", sql).group(1))
    want = sorted(a["row_id"] for a in actions if any(d.year == year for d in a["due_dates"]))
    assert len(want) > sum(1 for a in actions if a["due_date"] and a["due_date"].year == year), \
        "a cell with several deadlines is found by each year"
    cols, rows = query.run_query(sql, dataset)
    assert sorted(r[cols.index("row_id")] for r in rows) == want


def test_example_progress_status_by_pillar(dataset, sample_run):
    actions = _plan_actions(sample_run)
    status = {r["plan_row_id"]: r["rag_status"] for r in sample_run[1] if r["plan_row_id"]}
    want = Counter((p, status.get(a["row_id"]) or "no status") for a in actions for p in a["pillars"])
    assert {s for (_, s) in want} >= {"green", "amber", "red", "no status"}
    cols, rows = query.run_query(_example("status by pillar"), dataset)
    assert {(r[0], r[1]): r[2] for r in rows} == dict(want)


def test_example_carried_forward_and_completed(dataset, sample_run):
    _, actions, _ = sample_run
    cols, rows = query.run_query(_example("carried forward from"), dataset)
    pairs = {(r[cols.index("from_id")], r[cols.index("to_id")]) for r in rows}
    assert ("C7.a", "S4.2") in pairs and all(r[cols.index("kind")] in ("continued", "split", "merged") for r in rows)
    cols, rows = query.run_query(_example("share of actions completed"), dataset)
    essex = next(r for r in rows if r[0] == "University of Essex")
    e = [a for a in _plan_actions(sample_run) if a["period_start"] == 2020]
    assert essex[1] == len(e) and essex[3] == round(sum(a["fate"] == "continued" for a in e) / len(e), 3)
    _, hist = query.run_query("SELECT count(*), count(DISTINCT plan_row_id), min(report_date) FROM status_history",
                              dataset)
    assert hist[0][0] == hist[0][1] == 22 and hist[0][2].year == 2025


def test_cli_formats(dataset, capsys, tmp_path):
    sql = "SELECT row_id, institution, pillars, due_date FROM actions ORDER BY row_id"
    assert query.main([sql, "--dataset", str(dataset), "--format", "csv"]) == 0
    parsed = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert parsed[0] == ["row_id", "institution", "pillars", "due_date"]
    _, rows = query.run_query(sql, dataset)
    assert [r[0] for r in parsed[1:]] == [r[0] for r in rows]
    assert [r[2] for r in parsed[1:]] == [", ".join(r[2]) for r in rows]

    assert query.main([sql, "--dataset", str(dataset), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["row_id"] for r in records] == [r[0] for r in rows]
    assert all(isinstance(r["pillars"], list) for r in records)

    assert query.main([sql, "--dataset", str(dataset)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["row_id", "institution", "pillars", "due_date"]
    assert table[-1] == f"({len(rows)} rows)"

    out = tmp_path / "result.json"
    assert query.main([sql, "--dataset", str(dataset), "--output", str(out)]) == 0
    assert len(json.loads(out.read_text())) == len(rows)


def test_cli_errors_are_reported(dataset, tmp_path, capsys):
    assert query.main(["SELECT * FROM actions", "--dataset", str(tmp_path)]) == 2
    assert "make extract" in capsys.readouterr().err
    assert query.main(["SELECT nope FROM actions", "--dataset", str(dataset)]) == 1
    assert "query failed" in capsys.readouterr().err


def test_help_has_an_example(capsys):
    with pytest.raises(SystemExit):
        query.main(["--help"])
    assert "example:" in capsys.readouterr().out
