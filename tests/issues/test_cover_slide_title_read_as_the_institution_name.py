"""Blind test (thornbury slides): the title of a slide deck came out as the institution's
name: the cover slide sets "<Name> Institute of Science" largest and "Technician Commitment
Action Plan 2024–2027" below it in a smaller size, and the title was the largest heading.
When the largest line is only the institution's name, a title-styled line naming the plan
(no smaller than the body text, not a sentence) is the title."""
from __future__ import annotations

import io

from reportlab.pdfgen import canvas

from tests.tableplans import run

SLIDE = (960, 540)
ACTIONS = ["Put a named technical contact on every core facility web page",
           "Run an open day with the technicians of every department",
           "Give technicians a standing item at all-staff meetings"]


def _pdf() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=SLIDE, invariant=1)
    c.setFont("Helvetica-Bold", 34)
    c.drawString(60, 300, "Pennock Institute of Science")
    c.setFont("Helvetica", 24)
    c.drawString(60, 262, "Technician Commitment Action Plan 2024–2027")
    c.setFont("Helvetica", 14)
    c.drawString(60, 225, "Presented to the Board of Trustees, 21 June 2024")
    c.showPage()
    c.setFont("Helvetica-Bold", 26)
    c.drawString(60, 480, "Visibility")
    c.setFont("Helvetica", 14)
    for n, a in enumerate(ACTIONS, start=1):
        c.drawString(60, 440 - 30 * n, f"{n}. {a}")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_cover_slide_title_is_the_plan_not_the_institution():
    doc, _ = run(_pdf(), "slides.pdf")
    assert doc["plan_title"] == "Technician Commitment Action Plan 2024–2027"
    assert doc["institution"] == "Pennock Institute of Science"
