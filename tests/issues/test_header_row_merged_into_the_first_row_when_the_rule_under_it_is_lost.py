"""Blind round 5 (tests/blind/20261207, coldharbour: a phone photo of a two-page plan): the
scan lost the rule under the shaded header row, so the header and the first body row were one
grid row. On page 1 that row was read as data ("Action Produce a short film ...", owner "Lead
Comms Team", timeframe "When Dec 2025"); on page 2, under its own heading "Action plan
(continued)", its text was short enough to read as a header, and the first action of the page
(C8) was lost with it.

A first row every filled cell of which opens with bold lines (the column names) that most
cells follow with regular lines (that row's values), over rows that open in regular type, is a
header row and a body row merged: the bold lines are made the header row, the rest the first
body row. Drawn with reportlab's canvas: a ruled table whose bold header shares its box with
the first row (no rule and no shading between them: the photo's shading is no rule once
scanned), as the photo reads, on two pages."""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4

from tests.tableplans import plan_rows, run

W, H = A4
X = [50, 95, 330, 450, 545]
HEADER = ["No.", "Action", "Lead", "When"]
ROWS = [(f"C{i + 1}", r.action, r.lead, r.date) for i, r in enumerate(plan_rows(12, seed=9))]
ON_PAGE_1 = 7
ROW_H = 30


def _table(c, top: float, rows) -> None:
    c.setFont("Helvetica-Bold", 9)
    for x, name in zip(X, HEADER):
        c.drawString(x + 3, top - 12, name)
    c.line(X[0], top, X[-1], top)
    y = top - 16       # no rule under the header: it shares its box with the first row
    for k, (ref, action, lead, date) in enumerate(rows):
        c.setFont("Helvetica", 9)
        words = action.split()
        half = (len(words) + 1) // 2
        c.drawString(X[0] + 3, y - 11, ref)
        c.drawString(X[1] + 3, y - 11, " ".join(words[:half]))
        c.drawString(X[1] + 3, y - 22, " ".join(words[half:]))
        c.drawString(X[2] + 3, y - 11, lead if len(lead) < 22 else lead[:lead.rfind(" ", 0, 22)])
        if len(lead) >= 22:
            c.drawString(X[2] + 3, y - 22, lead[lead.rfind(" ", 0, 22) + 1:])
        c.drawString(X[3] + 3, y - 11, date)
        y -= ROW_H
        c.line(X[0], y, X[-1], y)
    for x in X:
        c.line(x, top, x, y)


def _pdf() -> bytes:
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(50, H - 60, "University of Exampleton")
    c.setFont("Helvetica-Bold", 11)
    c.drawString(50, H - 78, "Technician Commitment Action Plan 2025-27")
    _table(c, H - 110, ROWS[:ON_PAGE_1])
    c.showPage()
    c.setFont("Helvetica-Bold", 11)
    c.drawString(50, H - 60, "Action plan (continued)")
    _table(c, H - 70, ROWS[ON_PAGE_1:])
    c.showPage()
    c.save()
    return buf.getvalue()


def test_header_merged_into_the_first_row_is_split_from_it():
    doc, got = run(_pdf(), "header-merged.pdf")
    assert [(r["action_id"], r["action_text"], r["owner"], r["timeframe"]) for r in got] == ROWS
    roles = {t["header"]: t["role"] for t in doc["table_roles"]}
    assert {"No.", "Action", "Lead", "When"} <= set(roles), roles
