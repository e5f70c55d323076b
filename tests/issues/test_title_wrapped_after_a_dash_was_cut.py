"""Blind test (rothwick web page): the title came out as "Technician Commitment Action Plan
2024–": the heading wraps after the en dash, and a browser prints the two lines of a heading
so close that their boxes overlap (the second's top 0.1 pt above the first's bottom), which
the title's wrap rule (0 <= gap) refused. A wrapped line of the same heading style may
overlap by a little (models/meta.yaml title_line_overlap), a title line ending in a dash is
unfinished, and a year range's dash is joined to its end year without a space."""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from normalise.meta import load_meta_config, title_of
from tests.tableplans import run

ACTIONS = ["Launch a technicians' hub on the University website",
           "Hold an annual technician conference with external speakers",
           "Fund professional registration fees for every technician who asks"]


def _pdf() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(40, 800, "Brackwater University")
    c.setFont("Helvetica", 9)
    c.drawString(40, 785, "Study  Research  Business  About us  Jobs  Search")
    c.setFont("Helvetica-Bold", 26)     # set tight: the lines' boxes overlap a little
    c.drawString(40, 750, "Technician Commitment Action Plan 2024–")
    c.drawString(40, 750 - 30.5, "2026")
    c.setFont("Helvetica", 10)
    c.drawString(40, 700, "Brackwater University signed the Technician Commitment in 2018.")
    for n, a in enumerate(ACTIONS, start=1):
        c.drawString(40, 670 - 20 * n, f"{n}. {a}")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_heading_wrapped_after_the_dash_is_read_whole():
    doc, _ = run(_pdf(), "web-page.pdf")
    assert doc["plan_title"] == "Technician Commitment Action Plan 2024–2026"
    assert (doc["period_start"], doc["period_end"]) == (2024, 2026)


def test_title_line_ending_in_a_dash_continues_without_typography():
    lines = ["Technician Commitment Action Plan 2024–", "2026", "Brackwater University signed the Commitment."]
    assert title_of(lines, load_meta_config()) == "Technician Commitment Action Plan 2024–2026"
