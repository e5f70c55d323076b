"""Issue #10 point 9: a document whose coverage shows many action-like sentences outside
the rows it read is `partial`, never a quiet success. A ruled table of three actions, then
a page of plain sentences of intent that no strategy reads as rows."""
from __future__ import annotations

import io

from tests.tableplans import plan_rows, run


def _pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Table, TableStyle
    from reportlab.lib import colors
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 11)
    c.drawString(50, 800, "University of Exampleton Technician Commitment Action Plan 2025-2028")
    rows = plan_rows(15, seed=4)
    t = Table([["Ref", "Action", "Lead"]] + [[r.ref, r.action, r.lead] for r in rows[:3]], colWidths=[40, 330, 150])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    w, h = t.wrapOn(c, 500, 300)
    t.drawOn(c, 50, 760 - h)
    y = 640
    for r in rows[3:]:     # the other actions as loose lines, set in a second text column
        c.drawString(300 - 250, y, r.action)
        y -= 28
    c.showPage()
    c.save()
    return buf.getvalue()


def test_many_action_like_lines_outside_rows_make_the_document_partial():
    doc, got = run(_pdf(), "loose.pdf")
    codes = [i["code"] for i in doc["issues"]]
    assert len(got) == 3
    assert "action_text_outside_rows" in codes and doc["status"] == "partial", doc["issues"]
    loose = next(i["message"] for i in doc["issues"] if i["code"] == "action_text_outside_rows")
    assert loose.startswith("12 action-like sentence(s) outside any row")
    runs = next(i["message"] for i in doc["issues"] if i["code"] == "strategies_run")
    assert "ruled_table: layout detection pointed to it (3 rows)" in runs
