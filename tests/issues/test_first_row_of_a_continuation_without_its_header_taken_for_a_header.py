"""Blind round 5 (tests/blind/20261207): the first body row of a table's continuation page,
printed without the table's header, was taken for that page's header and lost (Ashcombe 2.4,
"Include technical staff in the long service celebration held each spring"). Where the page
is not stitched to the one before (here a heading of its own, "Action plan (continued)",
stands over it), its first row is read as a header unless it reads as data, and a row id of
the form "2.4" matched none of the row-key patterns, so nothing said it was data.

A first row whose id has the shape of the ids of the rows below it ("2.4" over "3.1",
"3.2": digits in the same places) reads as data, as one matching the row-key patterns does:
the continuation keeps every row and takes the columns of the table before. A real header
row over such rows ("Ref | Action | ...") is still the header. Drawn with reportlab."""
from __future__ import annotations

import io

import pytest

from tests.tableplans import plan_rows, run

ROWS = [(f"{i // 4 + 1}.{i % 4 + 1}", r.action, r.lead, r.date) for i, r in enumerate(plan_rows(16, seed=7))]
HEADER = ["Ref", "Action", "Responsible", "Complete by"]
ON_PAGE_1 = 9


def _pdf(repeat_header: bool) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    styles = getSampleStyleSheet()
    body = styles["BodyText"]

    def table(rows, header: bool):
        data = ([HEADER] if header else []) + [[ref, Paragraph(a, body), Paragraph(lead, body), date]
                                               for ref, a, lead, date in rows]
        t = Table(data, colWidths=[40, 250, 130, 90])
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return t
    buf = io.BytesIO()
    story = [Paragraph("University of Exampleton Technician Commitment Action Plan 2025-2028", styles["Title"]),
             Spacer(1, 12), table(ROWS[:ON_PAGE_1], True), PageBreak(),
             Paragraph("Action plan (continued)", styles["Heading2"]), table(ROWS[ON_PAGE_1:], repeat_header)]
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(story)
    return buf.getvalue()


@pytest.mark.parametrize("repeat_header", [False, True], ids=["header-not-repeated", "header-repeated"])
def test_continuation_under_its_own_heading_keeps_its_first_row(repeat_header):
    doc, got = run(_pdf(repeat_header), "continued.pdf")
    assert [(r["action_id"], r["action_text"], r["owner"], r["timeframe"]) for r in got] == ROWS
    assert [r["page_start"] for r in got] == [1] * ON_PAGE_1 + [2] * (len(ROWS) - ON_PAGE_1)
