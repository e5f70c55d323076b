"""Blind Gantt plan (tests/blind/20261206, kestrel-bay): a ruled table with a header of two
rows (years merged across their terms over 'Aut | Spr | Sum', the first columns' names merged
down beside them), repeated on page 2. Only the first header row was known as the header, so
overleaf the repeated SECOND header row was read as the rest of page 1's last row, cut by the
page break: nine spurious fields ('2025/26': 'Aut', 'column': 'Spr', ...) on that row. Every
header row a later page repeats is dropped before stitching, and the column names are read
down the header's rows ('2025/26 Aut'). Two ways to print such a header: the first columns'
names merged down over both header rows, or printed in the second row under blank cells (no
merged cell, the header rows known only by being repeated overleaf). Drawn with reportlab's
canvas (rules, shaded term cells and text placed exactly)."""
from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4, landscape

from tests.tableplans import plan_rows, run

W, H = landscape(A4)
ROWS = plan_rows(22, seed=11)
PER_PAGE = 14
YEARS = ["2025/26", "2026/27", "2027/28"]
TERMS = ["Aut", "Spr", "Sum"]
X = [40, 75, 420, 540] + [540 + 30 * (i + 1) for i in range(9)]   # No. | Action | Lead | 9 terms
HEAD_H, ROW_H = 16, 22


def _header(c, top: float, merged_down: bool) -> float:
    """Two header rows from `top`; returns the bottom."""
    mid, bottom = top - HEAD_H, top - 2 * HEAD_H
    c.setFont("Helvetica-Bold", 8)
    c.line(X[0], top, X[-1], top)
    c.line(X[0] if not merged_down else X[3], mid, X[-1], mid)      # no rule under merged-down names
    names_y = (top - HEAD_H - 5) if merged_down else (mid - 11)
    for x, name in zip(X, ["No.", "Action", "Lead"]):
        c.drawString(x + 3, names_y, name)
    for k, year in enumerate(YEARS):
        c.drawString(X[3 + 3 * k] + 3, top - 11, year)
        for j, term in enumerate(TERMS):
            c.drawString(X[3 + 3 * k + j] + 3, mid - 11, term)
    for i, x in enumerate(X):
        term_inner = i > 3 and i < len(X) - 1 and (i - 3) % 3 != 0
        c.line(x, mid if term_inner else top, x, bottom)   # terms split only under their year
    return bottom


def _body(c, top: float, rows) -> None:
    c.setFont("Helvetica", 8)
    y = top
    c.line(X[0], y, X[-1], y)
    for r in rows:
        i = int(r.ref) - 1
        first, length = i % 7, 2 + i % 3                   # the shaded terms: the action's timing
        c.setFillColorRGB(0.2, 0.45, 0.7)
        for k in range(first, min(first + length, 9)):
            c.rect(X[3 + k], y - ROW_H, X[4 + k] - X[3 + k], ROW_H, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        for x, text in zip(X, [r.ref, r.action, r.lead]):
            c.drawString(x + 3, y - 14, text)
        c.line(X[0], y - ROW_H, X[-1], y - ROW_H)
        for x in X:
            c.line(x, y, x, y - ROW_H)
        y -= ROW_H


def _pdf(merged_down: bool) -> bytes:
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), invariant=1)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, H - 45, "University of Exampleton Technician Commitment Delivery Timeline 2025-2028")
    for page, chunk in enumerate((ROWS[:PER_PAGE], ROWS[PER_PAGE:])):
        top = H - 70 if page == 0 else H - 40
        _body(c, _header(c, top, merged_down), chunk)
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("merged_down", [True, False], ids=["names-merged-down", "names-in-second-row"])
def test_repeated_second_header_row_is_no_rest_of_the_last_row(merged_down):
    doc, got = run(_pdf(merged_down), "gantt.pdf")
    assert [(r["action_id"], r["action_text"], r["owner"]) for r in got] == \
        [(r.ref, r.action, r.lead) for r in ROWS]
    last_on_page_1 = got[PER_PAGE - 1]
    assert last_on_page_1["page_end"] == 1
    assert [r["action_id"] for r in got if r["extra_fields"]] == []
    roles = {t["header"]: t["role"] for t in doc["table_roles"]}
    assert {"2025/26 Aut", "2027/28 Sum"} <= set(roles), roles
