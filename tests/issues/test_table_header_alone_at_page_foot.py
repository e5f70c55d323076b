"""Issue #10 (overview + detail): a detailed table whose header row printed alone at the
foot of a page, its rows overleaf, lost its header: the one-row grid was dropped as too
short to be a table, so the rows were read without their column names (roles guessed
from content; in the zoo the aim column was taken for the actions, so the overview's
actions were not recognised in them and came out twice). A header alone at a page's foot with the columns of
the next page's first grid starts that table. Drawn with reportlab's canvas (rules and
text placed exactly): an overview table, then the detail's header in the bottom margin
region of page 1 and its rows at the top of page 2."""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, landscape

from tests.tableplans import plan_rows, run

W, H = landscape(A4)
ROWS = plan_rows(8, seed=21)
AIM = "Raise the profile of technical staff"
DETAIL = ["Our aim", "Steps we will take", "Lead", "Timing"]
COLS = [50, 230, 560, 700, W - 50]          # the detail's column edges


def _grid(c, top: float, cols: list[float], rows: list[list[str]], height: float = 24) -> float:
    """Rules and text of a table whose first row's top is at `top` (points from the bottom)."""
    y = top
    for row in rows:
        c.line(cols[0], y, cols[-1], y)
        for x0, text in zip(cols, row):
            c.drawString(x0 + 4, y - 15, text)
        y -= height
    c.line(cols[0], y, cols[-1], y)
    for x in cols:
        c.line(x, top, x, y)
    return y


def _pdf() -> bytes:
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), invariant=1)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(50, H - 50, "University of Exampleton Technician Commitment Action Plan 2025-2028")
    c.setFont("Helvetica", 9)
    y = _grid(c, H - 80, [50, 110, W - 50], [["No.", "Action"]] + [[r.ref, r.action] for r in ROWS])
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, 110, "Detailed action plan")
    c.setFont("Helvetica-Bold", 9)
    _grid(c, 95, COLS, [DETAIL])                                   # the header, alone at the foot
    c.showPage()
    c.setFont("Helvetica", 9)
    _grid(c, H - 40, COLS, [[AIM if i == 0 else "", r.action, r.lead, r.date] for i, r in enumerate(ROWS)])
    c.showPage()
    c.save()
    return buf.getvalue()


def test_detail_rows_keep_the_header_printed_on_the_page_before():
    doc, got = run(_pdf(), "header-alone.pdf")
    assert [r["action_text"] for r in got] == [r.action for r in ROWS]      # each action once
    assert [(r["owner"], r["timeframe"]) for r in got] == [(r.lead, r.date) for r in ROWS]
    roles = {(t["header"], t["role"]) for t in doc["table_roles"] if t["table"] == 1}
    assert ("Steps we will take", "action_text") in roles, roles
