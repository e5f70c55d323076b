"""A cover slide whose only text is the title over two lines and the institution's name under
it gave the title's second line alone ("Commitment Action Plan 2026 to 2030"; zoo slide_cards
title 0.71, blind round 4's slide deck "Action Plan 2026–2029"): the page's body size, the
median of its lines, was the title's own size, so no line was a heading. On a page with no
body text the largest type is the heading, and its wrapped lines are joined."""
from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from extract import pdf_to_document
from normalise import interpret_document


def _deck() -> bytes:
    buf = io.BytesIO()
    cv = Canvas(buf, pagesize=(960, 540), invariant=1)
    cv.setFont("Helvetica-Bold", 30)
    cv.drawString(50, 300, "Dunmere College of Technology Technician")
    cv.drawString(50, 264, "Commitment Action Plan 2026 to 2030")
    cv.setFont("Helvetica", 16)
    cv.drawString(50, 200, "Dunmere College of Technology")
    cv.showPage()
    cv.setFont("Helvetica-Bold", 24)
    cv.drawString(40, 480, "Visibility")
    cv.setFont("Helvetica", 12)
    for k, text in enumerate(["1. Publish a directory of technical staff and their skills by July 2026",
                              "2. Hold a yearly technical showcase open to the whole college",
                              "3. Name the technician responsible on every laboratory door"]):
        cv.drawString(40, 420 - 30 * k, text)
    cv.showPage()
    cv.save()
    return buf.getvalue()


def test_the_cover_title_is_read_whole():
    meta = interpret_document(pdf_to_document(_deck(), "dunmere-slides.pdf")).meta
    assert meta.plan_title == "Dunmere College of Technology Technician Commitment Action Plan 2026 to 2030"
    assert (meta.period_start, meta.period_end) == (2026, 2030)
