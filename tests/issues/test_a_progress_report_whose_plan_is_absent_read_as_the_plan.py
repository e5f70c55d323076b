"""Blind round 7 (castlegate): a progress report, "Technician Commitment Action Plan 2023–2026:
Progress Report", a Ref | Action | Update | Status table with a written update and a status
on every row, was given plan_role `plan`: its plan is not in the dataset, and the only
document of a plan was always taken for the plan (so that a tracker, the plan printed with a
status on every row, does not report on itself: test_a_tracker_reported_on_itself.py).

A document that says it is a report is one, its plan present or not: written updates on most
rows (a sentence, not a status word), or a title naming a report, with statuses or updates on
most rows. Its role is `progress_report` and `reports_on` names the plan (institution and
period) it reports on. A tracker with statuses only stays its plan. Drawn with reportlab;
invented wording."""
from __future__ import annotations

import pytest

from tcpipe.dataset.plans import assemble
from tests.tableplans import ruled_pdf, run

ROWS = [
    ("V1", "Publish a directory of technical staff on the intranet",
     "The directory went live in March 2025 with 52 entries. Staff keep their own entries up to date.", "Complete"),
    ("V2", "Hold a yearly showcase of technical work",
     "The first showcase ran in June 2025 and the second is booked for next summer.", "On track"),
    ("R1", "Pay professional registration fees for technical staff",
     "Fees were paid for 27 staff this year and the budget has been renewed.", "On track"),
    ("R2", "Name technicians in the acknowledgements of research papers",
     "Guidance has been drafted but the Research Committee has not yet approved it.", "Delayed"),
    ("CD1", "Set up a career pathway for technical roles",
     "No work has started yet; the action has moved to the final year of the plan.", "Not started"),
    ("CD2", "Open the mentoring scheme to technical staff",
     "Eleven technicians joined the scheme in its first round and more have applied.", "On track"),
]


def _report(title: str, update: bool) -> tuple[dict, list[dict]]:
    header = ["Ref", "Action", "Update", "Status"] if update else ["Ref", "Action", "Status"]
    rows = [[ref, act, upd, st] if update else [ref, act, st] for ref, act, upd, st in ROWS]
    widths = [45, 260, 340, 110] if update else [45, 560, 150]
    return run(ruled_pdf(header, rows, col_widths=widths, intro=f"Fenmoor University {title}"),
               "fenmoor-tc-2025.pdf")


@pytest.mark.parametrize("title,update", [
    ("Technician Commitment Action Plan 2023-2026: Progress Report", True),     # both kinds of evidence
    ("Technician Commitment Action Plan 2023-2026: where our actions stand", True),   # written updates
    ("Technician Commitment Action Plan 2023-2026: Progress Report", False),    # the title, with statuses
], ids=["title-and-updates", "updates", "title-and-statuses"])
def test_a_report_standing_alone_is_a_progress_report(title, update):
    doc, rows = _report(title, update)
    assert [r["action_id"] for r in rows] == [r[0] for r in ROWS], doc["warnings"]
    asm = assemble([doc], rows)
    role = asm.roles[doc["document_id"]]
    assert len(asm.plans) == 1 and role.plan_id == asm.plans[0].plan_id
    assert (asm.plans[0].period_start, asm.plans[0].period_end) == (2023, 2026)
    assert role.plan_role == "progress_report" and role.reports_on == asm.plans[0].plan_id


def test_statuses_alone_under_a_plain_title_are_a_tracker_the_plan():
    doc, rows = _report("Technician Commitment Action Plan 2023-2026", False)
    asm = assemble([doc], rows)
    role = asm.roles[doc["document_id"]]
    assert role.plan_role == "plan" and role.reports_on is None


def test_a_plan_known_only_from_its_report_still_counts_once_from_it(tmp_path):
    """The report is the plan's preferred document (plans.parquet): its actions count for the
    plan in plan_actions (the report's and labels' counts) and in coverage, as they did when it
    was given the role `plan`; a plan counted from nothing would drop the institution from
    every comparison."""
    import subprocess
    import sys

    from tcpipe.tools.coverage import dataset_coverage
    from tcpipe.tools.query import run_query
    raw = tmp_path / "raw"
    raw.mkdir()
    header = ["Ref", "Action", "Update", "Status"]
    (raw / "fenmoor-tc-2025.pdf").write_bytes(ruled_pdf(
        header, [list(r) for r in ROWS], col_widths=[45, 260, 340, 110],
        intro="Fenmoor University Technician Commitment Action Plan 2023-2026: Progress Report"))
    out = tmp_path / "ds"
    subprocess.run([sys.executable, "-m", "tcpipe.cli", "extract", str(raw), "--out", str(out), "--quiet",
                    "--jobs", "1"], check=True, capture_output=True, timeout=600)
    _, roles = run_query("SELECT plan_role, reports_on IS NOT NULL FROM documents", out)
    assert roles == [("progress_report", True)]
    _, counted = run_query("SELECT count(*), count(DISTINCT plan_id) FROM plan_actions", out)
    assert counted == [(len(ROWS), 1)]
    registry = tmp_path / "registry.csv"
    registry.write_text("name,signed_year,status\nFenmoor University,2019,confirmed\n", encoding="utf-8")
    cov = dataset_coverage(out, registry)
    fen = next(s for s in cov.signatories if s.name == "Fenmoor University")
    assert fen.coverage == "covered"
    assert sum(p.n_actions for p in fen.plans if p.counts) == len(ROWS)
