"""Blind round 3 (marlowe, a strategy with its action plan as an appendix): the Contents page,
"1. Our technical community ........ 4", "2. Our values ........ 5", ..., was read as seven
numbered actions, the page numbers glued into their text ("Our values 5"); and the prose
bullets of the strategy's chapters (its values, "Care – the safety ... come first"; a survey
finding, "Time, not money, was the most common barrier ...") were counted as action-like
sentences outside any row, so the complete document was marked `partial`.

A table of contents (a run of lines ending in page numbers of the document, right-aligned,
never going down, set apart by leader dots or a gap) is never actions; a term and its gloss is
a definition and a first word set off by a comma is no imperative, so neither reads as a
missed action. Drawn with reportlab; invented wording."""
from __future__ import annotations

import io

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from tests.tableplans import run

W, H = A4
CHAPTERS = [
    ("Foreword", ["This strategy sets out the technical community we want to have by 2030."]),
    ("1. Who we are", ["Our technical staff work in every faculty and in the central research facilities."]),
    ("2. What we value", ["• Patience – a method is learnt properly before it is taught to others",
                          "• Care – the safety of students and colleagues always comes first",
                          "• Craft – work done well whether or not anyone is watching",
                          "• Trust – equipment and know-how are shared between teams",
                          "• Respect – every role in a project is named and thanked",
                          "• Challenge – we question how things have always been done"]),
    ("3. What you told us", ["• Time, not money, was the barrier to training most often named",
                             "• Most felt their work on published research went unseen",
                             "• Fewer than half had talked about their career in the last year"]),
    ("4. Our ambitions", ["We want technical careers here to be chosen, not fallen into."]),
]
ACTIONS = [
    ("1", "Create an online directory of technical staff and the facilities they run", "Head of Operations",
     "By July 2026"),
    ("2", "Feature a technical team in every issue of the staff magazine", "Communications Office", "Each issue"),
    ("3", "Reserve a technician place on each faculty research committee", "University Secretary", "From 2026"),
    ("4", "Fund the first year of professional registration fees for technical staff", "Technical Board",
     "Ongoing"),
    ("5", "Write guidance for authors on naming technicians in papers and data records", "Library Services",
     "By December 2026"),
    ("6", "Open the leadership programme to senior technical staff", "Organisational Development",
     "From January 2027"),
]


def _pdf(leaders: bool) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 28)
    c.drawString(70, H - 250, "Technical Careers Strategy 2025-2030")
    c.setFont("Helvetica", 11)
    c.drawString(70, H - 290, "Westmarch University")
    c.showPage()
    c.setFont("Helvetica-Bold", 20)
    c.drawString(70, H - 80, "Contents")
    entries = [title for title, _ in CHAPTERS] + ["Appendix: Technician Commitment Action Plan"]
    y = H - 120
    for k, title in enumerate(entries):
        c.setFont("Helvetica", 11)
        page = str(k + 3)
        c.drawString(90, y, title)
        if leaders:
            dots_from = 90 + c.stringWidth(title, "Helvetica", 11) + 6
            dots = "." * int((500 - dots_from) / c.stringWidth(".", "Helvetica", 11))
            c.drawString(dots_from, y, dots)
        c.drawRightString(520, y, page)
        y -= 22
    c.showPage()
    for title, lines in CHAPTERS:
        c.setFont("Helvetica-Bold", 18)
        c.drawString(70, H - 80, title)
        y = H - 120
        for line in lines:
            c.setFont("Helvetica", 11)
            c.drawString(70, y, line)
            y -= 24
        c.showPage()
    c.setFont("Helvetica-Bold", 18)
    c.drawString(70, H - 80, "Appendix: Technician Commitment Action Plan")
    style = getSampleStyleSheet()["BodyText"]
    table = Table([["No.", "What we will do", "Lead", "When"]]
                  + [[n, Paragraph(a, style), Paragraph(lead, style), Paragraph(when, style)]
                     for n, a, lead, when in ACTIONS], colWidths=[30, 250, 120, 90])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    _, h = table.wrapOn(c, 490, 600)
    table.drawOn(c, 50, H - 110 - h)
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("leaders", [True, False], ids=["leader-dots", "gap"])
def test_a_contents_page_gives_no_actions(leaders):
    doc, got = run(_pdf(leaders), "strategy.pdf")
    assert [(r["action_id"], r["action_text"], r["owner"], r["timeframe"]) for r in got] == ACTIONS, doc["warnings"]


def test_values_and_findings_are_no_missed_actions():
    doc, _ = run(_pdf(True), "strategy.pdf")
    assert doc["status"] == "success", doc["issues"]
    assert "action_text_outside_rows" not in [i["code"] for i in doc["issues"]]
