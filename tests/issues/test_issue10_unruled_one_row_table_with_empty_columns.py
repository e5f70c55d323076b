"""Issue #10 (held-out zoo, scans-007: 0 of 2 rows): a table without rules holding one row,
two of its six columns empty, and its two numbered actions in one cell ("1.1 ... 1.2 ...")
was not read at all: a header was only recognised with three lines of two or more cells
below it, and a one-row table has two (after that its action cell wraps on its own). Now a
lone phrase under a later column (not at the left margin, where prose starts) counts as a
table line too, with at least two lines of several cells still needed to see the columns.
A reportlab table with no rules (extract/strategies/unruled.py)."""
from __future__ import annotations

import io

import pytest

from tests.tableplans import run

ACTIONS = ["Campus based staff to visit the two smaller sites to engage with technicians across all campuses "
           "once it is safe to do so, and report back to the working group",
           "Hold sessions in several locations or online so that technicians on every site can take part, "
           "wherever their location makes engagement hard"]
AIM = "Ensure inclusion across all campuses for technicians"


def _pdf() -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    style = getSampleStyleSheet()["BodyText"]
    head = ["Sponsor", "Support needed", "Objective", "Measure", "Deliverable", "Schedule"]
    cell = "<br/>".join(f"1.{k + 1} {a}" for k, a in enumerate(ACTIONS))
    data = [[Paragraph(f"<b>{h}</b>", style) for h in head],
            [Paragraph("Action Plan manager / OD", style), Paragraph("", style), Paragraph(AIM, style),
             Paragraph("", style), Paragraph(cell, style), Paragraph("Ongoing", style)]]
    table = Table(data, colWidths=[90, 70, 160, 60, 240, 70])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=landscape(A4), invariant=1).build(
        [Paragraph("Kelmscott University Technician Commitment Action Plan 2027-2029", style), Spacer(1, 12),
         Paragraph("The actions below were drawn up by the technician steering group.", style), Spacer(1, 12), table])
    return buf.getvalue()


@pytest.fixture(scope="module")
def plan():
    return run(_pdf(), "unruled-one-row.pdf")


def test_both_numbered_actions_of_the_one_row_are_read(plan):
    doc, got = plan
    assert [(r["action_id"], r["action_text"]) for r in got] == [("1.1", ACTIONS[0]), ("1.2", ACTIONS[1])], doc["warnings"]
    assert {(r["owner"], r["timeframe"], r["aim"]) for r in got} == {("Action Plan manager / OD", "Ongoing", AIM)}
