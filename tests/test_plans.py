"""Plans as entities (issue 13, point 2 and 3): one plan per institution and period, its
copies and progress reports, the preferred copy, progress rows attached to plan actions.
Run on the real sample dataset (data/raw: three plans in ten files)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tcpipe.dataset.plans import assemble, plan_rows, read_link_decisions
from tcpipe.dataset.schema import ACTIONS


@pytest.fixture(scope="module")
def assembly(sample_run):
    _, actions, documents = sample_run
    return assemble(documents, actions), actions, documents


def _by_file(assembly):
    asm, _, documents = assembly
    files = {d["document_id"]: d["source_file"] for d in documents}
    return {files[k]: v for k, v in asm.roles.items()}, files


def test_three_plans_from_ten_files(assembly):
    asm, _, _ = assembly
    rows = {(p["institution"], p["period_start"]): p for p in plan_rows(asm)}
    assert set(rows) == {("University of Essex", 2020), ("University of Essex", 2024), ("University of Portsmouth", None)}
    # a text layer over OCR, a ruled table read whole over the unruled copy
    assert rows[("University of Essex", 2020)]["preferred_source_file"] == "essex-2020-23-action-plan.pdf"
    assert set(rows[("University of Essex", 2020)]["renderings"]) == {
        "essex-2020-23-action-plan-scan.pdf", "essex-2020-23-action-plan-unruled.pdf"}
    # the original over the web copies
    assert rows[("University of Portsmouth", None)]["preferred_source_file"] == "portsmouth-action-plan.pdf"
    # the progress report is the plan's report, not a copy of it
    essex24 = rows[("University of Essex", 2024)]
    assert essex24["progress_reports"] == ["essex-2024-27-progress-report.pdf"]
    assert "essex-2024-27-progress-report.pdf" not in essex24["renderings"]
    assert essex24["n_actions"] == 65
    assert rows[("University of Essex", 2020)]["next_plan_id"] == essex24["plan_id"]
    assert essex24["previous_plan_id"] == rows[("University of Essex", 2020)]["plan_id"]


def test_roles_and_links_in_documents(assembly):
    roles, files = _by_file(assembly)
    assert roles["essex-2024-27-progress-report.pdf"].plan_role == "progress_report"
    assert roles["essex-2024-27-progress-report.pdf"].reports_on == roles["essex-2024-27-action-plan.pdf"].plan_id
    assert roles["essex-2024-27-progress-report.pdf"].duplicate_of is None
    assert files[roles["essex-2024-27-action-plan.docx"].duplicate_of] == "essex-2024-27-action-plan.pdf"
    assert roles["essex-2024-27-action-plan.docx"].plan_role == "rendering"
    assert "essex-technician-commitment-webpage.pdf" not in roles   # no actions: no plan
    plans = [r for r in roles.values() if r.plan_role == "plan"]
    assert len(plans) == 3


def test_every_progress_row_is_attached_to_its_plan_action(assembly):
    asm, actions, _ = assembly
    by_row = {a["row_id"]: a for a in actions}
    report = [a for a in actions if a["source_file"] == "essex-2024-27-progress-report.pdf"]
    assert len(report) == 22
    for r in report:
        att = asm.attachments[r["row_id"]]
        target = by_row[att.plan_row_id]
        assert target["source_file"] == "essex-2024-27-action-plan.pdf"
        assert target["action_id"] == r["action_id"] and att.score > 0.5


def test_consecutive_essex_plans_are_linked_with_fates(assembly):
    asm, actions, _ = assembly
    ((earlier, later, res),) = asm.cycles
    assert (earlier.period_start, later.period_start) == (2020, 2024)
    e_rows = [a for a in actions if a["source_file"] == "essex-2020-23-action-plan.pdf"]
    assert {asm.fates[a["row_id"]] for a in e_rows} <= {"continued", "completed", "dropped"}
    assert len(e_rows) == len([a for a in e_rows if a["row_id"] in asm.fates])
    by_row = {a["row_id"]: a for a in actions}
    pairs = {(by_row[l.from_row_id]["action_id"], by_row[l.to_row_id]["action_id"]) for l in res.links}
    assert ("C7.a", "S4.2") in pairs       # coffee mornings carried forward
    assert any(v for v in asm.new.values()) and not all(asm.new.values())


def test_link_decisions_section(tmp_path: Path):
    f = tmp_path / "overrides.yaml"
    f.write_text("reviewer: A\noverrides: []\nlinks:\n  - {from: aa, to: bb, confirm: true}\n"
                 "  - {from: cc, to: dd, confirm: false, note: different topic}\n")
    assert read_link_decisions(f) == {("aa", "bb"): True, ("cc", "dd"): False}
    # an unusable entry is noted (the overrides reader's INVALID entry, reported in the run
    # summary) and skipped; the other decisions still apply
    f.write_text("links:\n  - {from: aa, to: bb}\n  - {from: cc, to: dd, confirm: false}\n")
    assert read_link_decisions(f) == {("cc", "dd"): False}
    from tcpipe.dataset.overrides import apply_overrides_list, read_overrides
    bad = [o for o in read_overrides(f) if o.kind == "invalid"]
    assert [o.where for o in bad] == [f"{f} links entry 1"] and "confirm" in bad[0].note
    _, notes = apply_overrides_list(ACTIONS.empty_table(), read_overrides(f))
    assert any("links entry 1" in n and "not applied" in n for n in notes)
    assert read_link_decisions(None) == {}


def test_a_report_whose_plan_is_missing_stands_for_it():
    # it is the plan's only document, so its plan (never a report on itself: blind round 3)
    docs = [dict(document_id="r", source_file="x-progress.pdf", status="success", institution="U", period_start=2021,
                 period_end=2024, plan_title="T", ocr=False, notes=[])]
    acts = [dict(row_id=f"r{i}", document_id="r", action_text=f"action {i}", rag_status="green", progress="ok")
            for i in range(3)]
    asm = assemble(docs, acts)
    assert len(asm.plans) == 1 and asm.roles["r"].plan_role == "plan" and asm.roles["r"].reports_on is None
    assert all(a.plan_row_id is None for a in asm.attachments.values()) or not asm.attachments


def test_coverage_counts_each_plan_once(sample_run):
    from tcpipe.tools.coverage import coverage, load_registry, rows
    _, _, documents = sample_run
    got = {r["institution"]: r for r in rows(coverage(documents, load_registry()), only="covered")}
    essex = got["University of Essex"]
    assert essex["actions"] == 54 + 65        # not 314: each plan once, from its preferred copy
    assert essex["plans"] == ["essex-2020-23-action-plan.pdf", "essex-2024-27-action-plan.pdf"]
    assert essex["progress_reports"] == ["essex-2024-27-progress-report.pdf"]
    assert len(essex["copies"]) == 3
    assert got["University of Portsmouth"]["actions"] == 21
