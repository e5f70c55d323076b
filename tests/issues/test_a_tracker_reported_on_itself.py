"""Blind round 3 (thornbury tracker): a plan printed with a status on every row (a tracker),
the only copy of its plan in the dataset, was given plan_role progress_report with reports_on
its own plan_id: it reported on itself, and with no `plan` document the plan's actions were
counted nowhere. A document never reports on itself: a plan's preferred copy is its plan
(tcpipe/dataset/plans.py roles); a report joins a plan only when another document is that
plan."""
from __future__ import annotations

from tcpipe.dataset.plans import assemble
from tests.tableplans import plan_rows, ruled_pdf, run

ITEMS = plan_rows(8, seed=31)
STATUS = ["Green", "Amber", "Red", "Green"]


def _tracker():
    rows = [[f"{i + 1}", it.action, it.lead, STATUS[i % 4]] for i, it in enumerate(ITEMS)]
    return run(ruled_pdf(["No.", "Action", "Lead", "RAG"], rows, col_widths=[40, 400, 180, 110],
                         intro="University of Exampleton Technician Commitment Action Plan 2025-2028: progress tracker"),
               "exampleton-tc-tracker-2025-28.pdf")


def test_the_only_copy_of_a_plan_is_the_plan_even_with_statuses():
    doc, rows = _tracker()
    assert len(rows) == len(ITEMS) and all(r["rag_status"] for r in rows)
    asm = assemble([doc], rows)
    role = asm.roles[doc["document_id"]]
    assert len(asm.plans) == 1 and role.plan_id == asm.plans[0].plan_id
    assert role.plan_role == "plan" and role.reports_on is None
    assert role.reports_on != role.plan_id
