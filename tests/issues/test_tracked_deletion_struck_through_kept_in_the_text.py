"""Blind round 8 (marlow-heath, a Word table printed with its markup): a tracked change prints
the deleted words struck through and the inserted ones underlined, so action 1.2's timeframe
read "October 2025 December 2025" (October deleted) and its due dates held both. A thin line
through glyphs above their baseline (models/extract.yaml strike_band) strikes them out: they
and the line are dropped when the page is read (extract.text.struck_out); an underline, under
the baseline, keeps its words."""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from tests.tableplans import run

ROWS = [("1.1", "Publish a directory of technical staff and their skills", "Comms", [("July 2026", None)]),
        ("1.2", "Hold a technician showcase open to every school", "TC Group",
         [("October 2025", "strike"), ("December 2025", "underline")]),
        ("1.3", "Fund registration fees for every technician who asks", "HR", [("Annually", "underline")])]


def _pdf() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=landscape(A4), invariant=1)
    w, h = landscape(A4)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, h - 50, "Tolcarne University Technician Commitment Action Plan 2025-2028")
    xs, y0, row_h = [40, 90, 470, 600, 800], h - 80, 40
    c.setLineWidth(0.6)
    for k in range(len(ROWS) + 2):
        c.line(xs[0], y0 - k * row_h, xs[-1], y0 - k * row_h)
    for x in xs:
        c.line(x, y0, x, y0 - (len(ROWS) + 1) * row_h)
    c.setFont("Helvetica-Bold", 10)
    for x, head in zip(xs, ["Ref", "Action", "Lead", "Timescale"]):
        c.drawString(x + 4, y0 - 16, head)
    c.setFont("Helvetica", 10)
    for k, (ref, action, lead, when) in enumerate(ROWS, start=1):
        base = y0 - k * row_h - 16
        for x, text in zip(xs, [ref, action, lead]):
            c.drawString(x + 4, base, text)
        x = xs[3] + 4
        c.setLineWidth(0.45)
        for text, mark in when:
            width = c.stringWidth(text, "Helvetica", 10)
            c.drawString(x, base, text)
            if mark == "strike":
                c.line(x, base + 2.8, x + width, base + 2.8)      # through the glyphs (PDF y up)
            elif mark == "underline":
                c.line(x, base - 1.2, x + width, base - 1.2)
            x += width + 5
        c.setLineWidth(0.6)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_struck_words_dropped_underlined_kept():
    _, rows = run(_pdf(), "tolcarne-markup.pdf")
    got = {r["action_id"]: r["timeframe"] for r in rows}
    assert got == {"1.1": "July 2026", "1.2": "December 2025", "1.3": "Annually"}, got
    assert [r["owner"] for r in rows] == ["Comms", "TC Group", "HR"]
