"""Blind round 2 (fenwick, stannington): two identity readings.

1. A cover sets the institution's name large and bold and the plan's title below it, then a
   paragraph in the title's size and weight ("Prepared by ... A tick shows ..."). The title
   ran on into the paragraph. A short line over a much wider one was not wrapped into it
   (where the actions are set smaller, so the title's size reads as a heading); and a title
   set in the body's own style runs on only while unfinished (where it is the body's size).
2. A period written as a range of academic years ("2025/26 – 2027/28") was read as its first
   academic year (2025-2026); it runs from the start of the first to the end of the last."""
from __future__ import annotations

import io

import pytest

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from tests.tableplans import run

ACTIONS = ["Put a named technical contact on every core facility web page",
           "Run an open day with the technicians of every department",
           "Give technicians a standing item at all-staff meetings"]


def _cover_pdf(action_size: float) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    _, h = A4
    c.setFont("Helvetica-Bold", 16)
    c.drawString(50, h - 60, "Quarrendon Institute of Marine Science")
    c.setFont("Helvetica", 10)
    c.drawString(50, h - 78, "Technician Commitment Action Plan 2025-28")
    c.drawString(50, h - 91, "Prepared by the technical staff network and agreed by the executive board of the institute in June")
    c.drawString(50, h - 104, "2025. Each action below names its lead and the date it is due.")
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, h - 140, "Visibility")
    c.setFont("Helvetica", action_size)
    for n, a in enumerate(ACTIONS, start=1):
        c.drawString(50, h - 140 - 22 * n, f"{n}. {a}")
        c.drawString(70, h - 151 - 22 * n, "Lead: Technical Staff Forum; due July 2026")
    c.showPage()
    c.save()
    return buf.getvalue()


def _slides_pdf() -> bytes:
    buf = io.BytesIO()
    size = landscape(A4)
    c = canvas.Canvas(buf, pagesize=size, invariant=1)
    c.setFont("Helvetica-Bold", 30)
    c.drawString(60, 330, "Technician Commitment Action Plan 2025/26 – 2027/28")
    c.setFont("Helvetica", 16)
    c.drawString(60, 290, "Quarrendon Metropolitan University")
    c.showPage()
    c.setFont("Helvetica-Bold", 24)
    c.drawString(60, 520, "Visibility")
    c.setFont("Helvetica", 14)
    for n, a in enumerate(ACTIONS, start=1):
        c.drawString(60, 480 - 30 * n, f"{n}. {a}")
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("action_size", [10, 8.5])
def test_title_does_not_swallow_the_paragraph_below(action_size):
    doc, _ = run(_cover_pdf(action_size), "cover.pdf")
    assert doc["plan_title"] == "Technician Commitment Action Plan 2025-28"
    assert (doc["period_start"], doc["period_end"]) == (2025, 2028)


def test_range_of_academic_years_runs_to_the_end_of_the_last():
    doc, _ = run(_slides_pdf(), "slides.pdf")
    assert (doc["period_start"], doc["period_end"]) == (2025, 2028)
