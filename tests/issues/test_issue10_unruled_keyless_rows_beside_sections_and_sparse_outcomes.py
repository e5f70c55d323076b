"""Issue #10 (held-out zoo seed 31337, unruled-002: 8 of 14 rows): a whitespace table without
row keys, its first column ("Target outcome") filled on a few rows only, section headings
("Pillar 1: Visibility") printed in that column (here 12 outcomes and 3 headings
beside 30 actions), leads printed once over several actions,
statements without a full stop. The section headings made the first column look busy, so
rows opened only where it had text and every action beside a blank outcome was glued to the
row above; and a statement opening the next page was glued to the last one of the page
before, which stopped short without a full stop.

Now section headings do not count when choosing the column whose paragraphs open the rows,
and a line overleaf opens a row when its first word would have fitted on the line above it.
A reportlab table with no rules."""
from __future__ import annotations

import io

import pytest

from tests.tableplans import LEADS, plan_rows, run

ITEMS = plan_rows(30, seed=1931)
SECTIONS = ["Pillar 1: Visibility", "Pillar 2: Recognition", "Pillar 3: Career Development"]
OUTCOMES = [f"{w} reported to the board each year" for w in
            ("Uptake", "Attendance", "Take-up", "Feedback", "Numbers", "Progress", "Spending", "Awards",
             "Registrations", "Promotions", "Vacancies", "Secondments")]


def _layout() -> list[tuple[str | None, int, str | None, str | None]]:
    """(section heading or None, item index, outcome or None, lead or None) in print order."""
    out = []
    for i in range(len(ITEMS)):
        section = SECTIONS[i // 10] if i % 10 == 0 else None
        outcome = OUTCOMES[2 * (i // 5) + (i % 5 == 3)] if i % 5 in (1, 3) else None
        lead = _lead_of(i) if (i % 10) % 3 == 0 else None   # merged down, never across a section
        out.append((section, i, outcome, lead))
    return out


def _lead_of(i: int) -> str:
    return LEADS[(i // 10 * 4 + (i % 10) // 3) % len(LEADS)]


def _pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    style = getSampleStyleSheet()["BodyText"]
    data = [[Paragraph(f"<b>{h}</b>", style) for h in ["Target outcome", "Activity description", "Named lead"]]]
    spans = []
    for section, i, outcome, lead in _layout():
        if section:
            data.append([Paragraph(f"<b>{section}</b>", style), "", ""])
            spans.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
        data.append([Paragraph(outcome or "", style), Paragraph(ITEMS[i].action.rstrip("."), style),
                     Paragraph(lead or "", style)])
    table = Table(data, colWidths=[120, 250, 110], repeatRows=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)] + spans))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1, topMargin=56).build(
        [Paragraph("Ravensholt University Technician Commitment Action Plan 2026 to 2029", style), Spacer(1, 12), table])
    return buf.getvalue()


@pytest.fixture(scope="module")
def plan():
    return run(_pdf(), "unruled-keyless-sections.pdf")


def test_each_action_is_its_own_row(plan):
    doc, got = plan
    assert doc["page_count"] >= 2
    assert [r["action_text"] for r in got] == [ITEMS[i].action.rstrip(".") for i in range(len(ITEMS))], doc["warnings"]


def test_each_action_sits_under_its_section_heading(plan):
    _, got = plan
    assert [r["section"] for r in got] == [SECTIONS[i // 10] for i in range(len(ITEMS))]
