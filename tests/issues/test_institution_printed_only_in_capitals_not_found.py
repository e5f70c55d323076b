"""Blind test (ashcombe newsletter): the institution was not found because its name is
printed only in capitals, "ASHCOMBE UNIVERSITY", in the masthead (elsewhere the text says
just "Ashcombe"). The name patterns wanted capitalised words in mixed case. A run of words
in capitals is now read as a name would be in title case (normalise.meta.uncapitalise), and
the name comes out title-cased; single capitalised words (acronyms) are left alone."""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tests.tableplans import run

ACTIONS = ["Publish a directory of technical staff and their skills",
           "Hold an annual technician conference with external speakers",
           "Fund professional registration fees for every technician who asks"]


def _pdf(masthead: str) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, 800, masthead)
    c.setFont("Helvetica-Bold", 22)
    c.drawString(50, 770, "Technicians at the Heart of Hollowmere")
    c.setFont("Helvetica", 13)
    c.drawString(50, 750, "Our Technician Commitment Action Plan 2025–2028")
    c.setFont("Helvetica", 10)
    c.drawString(50, 720, "Hollowmere signed the Technician Commitment in 2017. This is our third plan.")
    for n, a in enumerate(ACTIONS, start=1):
        c.drawString(50, 690 - 20 * n, f"{n}. {a}")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_institution_printed_in_capitals_is_read_and_title_cased():
    doc, rows = run(_pdf("HOLLOWMERE UNIVERSITY"), "newsletter.pdf")
    assert doc["institution"] == "Hollowmere University"
    assert {r["institution"] for r in rows} == {"Hollowmere University"}


def test_capital_runs_are_title_cased_acronyms_kept():
    from normalise.meta import uncapitalise
    assert uncapitalise("THE UNIVERSITY OF HOLLOWMERE") == "the University of Hollowmere"
    assert uncapitalise("UCL and HR teams") == "UCL and HR teams"
