"""A slide deck (16:9 pages, one objective per slide, each action a rounded box holding its
sentence and small "Owner: ... / Target: ..." text) gave 1 row of 18 (blind plan, slides).

Why: (1) a rounded box prints its sides as straight rules that stop short of each corner
(the corner is a curve), so the side rules of two boxes in a row looked like four column
rules left open at one height: the ruled finder drew the "missing" closing rule across both
boxes and read them (and the gap between) as one ruled row, stitched to the next slide's
first row of boxes. (2) Boxes side by side put their lines at one height, so every line ran
from one box into the next ("Put a named ... web Run a 'Meet the ..."), and no block reader
could see a box's title over its own fields.

The deck here is drawn with reportlab the way slide software prints: two slides of filled
rounded boxes two by two (the second slide's first row has the first slide's last row's
columns: the stitch), and one slide of three boxes in a row with a border only (no fill). Every box is one
action with its owner and target, and no ruled table is found.
"""
from __future__ import annotations

import io
from xml.sax.saxutils import escape

import pytest
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph

from extract import pdf_to_document
from normalise import interpret_document

W, H = 960, 540
SLIDES = [
    ("Goal A \u2013 Being seen", True, [
        ("Print the name of a technical lead on each shared instrument booking page", "Booking Office", "Jan 2026"),
        ("Invite local schools to a workshop tour run by technical staff", "Outreach Unit", "Each spring"),
        ("Profile one technical team in the staff bulletin every month", "Internal Comms", "Monthly"),
        ("Add a technical update slot to faculty board agendas", "Faculty Secretary", "Termly"),
    ]),
    ("Goal B \u2013 Growing careers", True, [
        ("Publish promotion criteria for technical grades with worked examples", "People Services", "June 2026"),
        ("Fund two conference places per team for technical staff each year", "Finance Partner", "Annually"),
        ("Set up peer mentoring pairs across departments", "Mentoring Lead", "From Oct 2026"),
        ("Give each technician five protected training days a year", "Heads of Department", "Sept 2026"),
    ]),
    ("Goal C \u2013 Future skills", False, [
        ("Record how each rare instrument is run so two people can operate it", "Facility Heads", "Dec 2026"),
        ("Recruit a technical apprentice in every faculty", "Apprenticeship Office", "By 2027"),
        ("Review succession plans for single-person roles with each head of school", "Director of Operations", "Yearly"),
    ]),
]


def _deck() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), invariant=1)
    c.setFont("Helvetica-Bold", 30)
    c.drawString(60, 300, "Brackenfield College")
    c.setFont("Helvetica", 22)
    c.drawString(60, 260, "Technician Commitment Action Plan 2025\u20132028")
    c.showPage()
    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=14, leading=17)
    small = ParagraphStyle("s", fontName="Helvetica", fontSize=9, leading=11)
    for number, (head, filled, actions) in enumerate(SLIDES, 2):
        c.setFont("Helvetica-Bold", 24)
        c.drawString(48, 478, head)
        c.setFont("Helvetica", 9)
        c.drawString(36, 18, "Brackenfield College | Technician Commitment")
        c.drawRightString(W - 36, 18, str(number))
        cols = 3 if len(actions) == 3 else 2
        bw = (W - 96 - (cols - 1) * 20) / cols
        bh = 150
        for i, (text, owner, due) in enumerate(actions):
            r, k = divmod(i, cols)
            x, y = 48 + k * (bw + 20), 420 - (r + 1) * bh - r * 20
            c.setStrokeColor(colors.HexColor("#3C7A84"))
            c.setFillColor(colors.HexColor("#E6F1F2"))
            c.roundRect(x, y, bw, bh, 8, fill=1 if filled else 0, stroke=1)
            c.setFillColor(colors.black)
            p = Paragraph(escape(text), title)
            _, ph = p.wrap(bw - 24, bh)
            p.drawOn(c, x + 12, y + bh - 14 - ph)
            s = Paragraph(f"Owner: {escape(owner)}<br/>Target: {escape(due)}", small)
            s.wrap(bw - 24, 40)
            s.drawOn(c, x + 12, y + 12)
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def document():
    return pdf_to_document(_deck(), "brackenfield-slides.pdf")


def test_each_box_is_one_action_with_its_owner_and_target(document):
    actions = interpret_document(document).actions
    expected = [a for _, _, acts in SLIDES for a in acts]
    assert [a.action_text for a in actions] == [t for t, _, _ in expected]
    assert [a.owner for a in actions] == [o for _, o, _ in expected]
    assert [a.timeframe for a in actions] == [d for _, _, d in expected]


def test_boxes_in_a_row_are_no_ruled_table(document):
    assert not [t for t in document.tables if t.strategy == "ruled_table"]


def test_no_action_text_left_outside_the_rows(document):
    assert not [i for i in document.issues if i.code.value == "action_text_outside_rows"]
