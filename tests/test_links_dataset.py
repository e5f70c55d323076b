"""The fictional Northbridge pair end to end (rendered to PDFs with reportlab, read by the
real pipeline): plan identity, plan grouping, progress rows attached to plan actions with
the unmatched row kept, links and fates in the dataset, and a reviewer's link decisions
from the overrides file. Figures against the gold: `make evaluate-links`."""
from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tcpipe.run.batch import run_batch
from tests.links.render import render_all


def _read(out: Path, name: str) -> list[dict]:
    return pq.read_table(out / f"{name}.parquet").to_pylist()


@pytest.fixture(scope="module")
def nb(tmp_path_factory):
    base = tmp_path_factory.mktemp("northbridge")
    raw = base / "raw"
    render_all(raw, only=["northbridge"])
    out = base / "out"
    run_batch([raw], out, workers=2, progress=False)
    return raw, out


def test_identity_and_plans(nb):
    _, out = nb
    docs = {d["source_file"]: d for d in _read(out, "documents")}
    assert {d["institution"] for d in docs.values()} == {"University of Northbridge"}   # not Essex, named once
    assert docs["northbridge-2021-24-progress-report.pdf"]["plan_role"] == "progress_report"
    plans = _read(out, "plans")
    assert [(p["period_start"], p["period_end"]) for p in plans] == [(2021, 2024), (2024, 2027)]
    assert plans[0]["next_plan_id"] == plans[1]["plan_id"]
    assert plans[0]["progress_reports"] == ["northbridge-2021-24-progress-report.pdf"]


def test_progress_rows_attached_and_the_stray_row_kept(nb):
    _, out = nb
    actions = _read(out, "actions")
    by_row = {a["row_id"]: a for a in actions}
    report = [a for a in actions if a["source_file"] == "northbridge-2021-24-progress-report.pdf"]
    assert len(report) == 41
    stray = [a for a in report if a["plan_match"] == "unmatched"]
    assert [a["action_text"] for a in stray] == ["Support for laboratory reopening after the building works."]
    attached = [a for a in report if a["plan_row_id"]]
    assert all(by_row[a["plan_row_id"]]["source_file"] == "northbridge-2021-24-action-plan.pdf" for a in attached)
    fund = next(a for a in report if a["action_text"].startswith("Central training fund"))
    assert by_row[fund["plan_row_id"]]["action_id"] == "CD1.3" and fund["plan_match"] == "text"


def test_links_fates_and_a_reviewers_decisions(nb, tmp_path):
    raw, out = nb
    actions = {a["row_id"]: a for a in _read(out, "actions")}
    links = _read(out, "action_links")
    assert links and all(l["kind"] in ("continued", "split", "merged") for l in links)
    # the evidence: shared key terms wherever the two texts share a word; a link on meaning
    # alone (a continuation that shares no word, as the gold has) shows its similarities
    assert all(bool(l["shared_terms"]) == (l["similarity_words"] > 0) for l in links)
    assert sum(bool(l["shared_terms"]) for l in links) >= 0.9 * len(links)
    pairs = {(actions[l["from_row_id"]]["action_id"], actions[l["to_row_id"]]["action_id"]): l for l in links}
    assert ("S2.3", "S3.1") in pairs                      # the shared equipment database carried forward
    earlier = [a for a in actions.values() if a["source_file"] == "northbridge-2021-24-action-plan.pdf"]
    fates = {a["action_id"]: a["fate"] for a in earlier}
    assert fates["V1.4"] == "completed" and fates["S1.1"] == "completed"   # the progress report says so
    assert set(fates.values()) <= {"continued", "completed", "dropped"}
    later = [a for a in actions.values() if a["source_file"] == "northbridge-2024-27-action-plan.pdf"]
    assert any(a["is_new"] for a in later) and not all(a["is_new"] for a in later)
    # a reviewer rejects one link and confirms another the machine did not make
    rid = {a["action_id"]: a["row_id"] for a in earlier}
    lid = {a["action_id"]: a["row_id"] for a in later}
    rejected = pairs[("S2.3", "S3.1")]
    overrides = tmp_path / "overrides.yaml"
    overrides.write_text(f"""reviewer: T. Tester
overrides: []
links:
  - {{from: {rejected['from_row_id']}, to: {rejected['to_row_id']}, confirm: false}}
  - {{from: {rid['V2.4']}, to: {lid['V1.2']}, confirm: true}}
""")
    out2 = tmp_path / "out"
    run_batch([raw], out2, workers=2, progress=False, overrides=overrides)
    links2 = _read(out2, "action_links")
    got = {(l["from_row_id"], l["to_row_id"]): l for l in links2}
    assert (rejected["from_row_id"], rejected["to_row_id"]) not in got
    assert got[(rid["V2.4"], lid["V1.2"])]["reviewer_decision"] == "confirmed"
    fate = {a["row_id"]: a["fate"] for a in _read(out2, "actions")}
    assert fate[rid["V2.4"]] == "continued"
