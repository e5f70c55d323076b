"""Issue #10 (unruled zoo family: 11 of 23 rows): in a whitespace table without row keys,
an aim printed once over several actions (a first cell merged down, blank beside the later
actions) hid those actions: a row opened only where the first column had text, so each
later action was glued onto the one above. Now, after a row gap, a line with cells in two
or more columns opens a row even with its first column blank (one cell's next paragraph
fills one column only), and that row takes the aim printed above it (marked as spanned,
as a merged cell's value is in a ruled table); a section heading ends the merged aim.
A reportlab table with no rules (extract/strategies/unruled.py)."""
from __future__ import annotations

import io

import pytest

from tests.tableplans import DATES, LEADS, plan_rows, run

ITEMS = plan_rows(21, seed=61)
AIMS = ["Share technical knowledge beyond the institution", "Ensure technical staff are represented on committees",
        "Monitor representation on University committees", "Give technical staff a voice in decisions",
        "Offer clear and flexible career pathways", "Plan the technical workforce for the future",
        "Grow the next generation of technical staff", "Fund training for every technician",
        "Celebrate the work of technical staff", "Build links with local schools and colleges"]
GROUPS: list[list[int]] = []
_i = 0
for _k in range(len(AIMS)):
    _n = 1 + (_k * 2) % 3
    if _i < len(ITEMS):
        GROUPS.append(list(range(_i, min(_i + _n, len(ITEMS)))))
    _i += _n


def _pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    style = getSampleStyleSheet()["BodyText"]
    data = [[Paragraph(f"<b>{h}</b>", style) for h in ["Our aim", "Action to be delivered", "Timing", "Lead"]]]
    for k, g in enumerate(GROUPS):
        for j, i in enumerate(g):
            data.append([Paragraph(AIMS[k] if j == 0 else "", style), Paragraph(ITEMS[i].action, style),
                         Paragraph(DATES[i % len(DATES)], style), Paragraph(LEADS[i % len(LEADS)], style)])
    table = Table(data, colWidths=[140, 200, 80, 110], repeatRows=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 10)]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(
        [Paragraph("Westbrook College Technician Commitment Action Plan 2024-2027", style), Spacer(1, 12), table])
    return buf.getvalue()


@pytest.fixture(scope="module")
def plan():
    return run(_pdf(), "unruled-merged-aim.pdf")


def test_each_action_is_a_row_under_its_aim(plan):
    doc, got = plan
    assert [r["action_text"] for r in got] == [ITEMS[i].action for g in GROUPS for i in g], doc["warnings"]
    assert [r["aim"] for r in got] == [AIMS[k] for k, g in enumerate(GROUPS) for _ in g]
    assert [(r["owner"], r["timeframe"]) for r in got] == \
        [(LEADS[i % len(LEADS)], DATES[i % len(DATES)]) for g in GROUPS for i in g]
