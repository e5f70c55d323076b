"""Slide cards whose statements are set like body text gave no rows (zoo family slide_cards,
variant 0: 0 of 17; found when the blind round's slide layout was randomised).

Why: (1) cards were found only as filled boxes, and a block opened only at a heading-like
line (bold or larger): a deck of outlined cards holding regular-weight statements over small
"Who: ... / Timing: ..." lines had no block at all. (2) A section title repeated at the top
of each of its slides (three "Visibility" slides of eight pages) passed as a running header
where it recurred on half the pages, so the rows lost their section and pillar. (3) Titles of
cards side by side print at one height: the second card's title was read as the first
card's title wrapping. (4) Lines cut at the boxes' borders were rebuilt without the PDF's
space glyphs, gluing "staff at" in Times, whose "f" overhangs the space.

The deck is drawn with reportlab as slide software prints: a cover, then per pillar one or
more slides of outlined rounded boxes three in a row (one slide a 2x2 grid of bold titles,
not every card with a field), the pillar's title repeated on each of its slides.
"""
from __future__ import annotations

import io
from xml.sax.saxutils import escape

import pytest
from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph

from extract import pdf_to_document
from normalise import interpret_document

W, H = 960, 540
# (slide title, grid?, bold titles?, [(statement, who, timing)])
SLIDES = [
    ("Visibility", False, False, [
        ("Name the technical staff member responsible on every laboratory door", "Estates and Facilities", "Dec 2025"),
        ("Publish short profiles of technical staff at the start of each term", "Communications Team", "Termly"),
        ("Highlight achievements of technical staff at the faculty board", "Faculty Managers", "Ongoing"),
    ]),
    ("Visibility", False, False, [
        ("Give technical staff a regular column in the staff newsletter", "Internal Comms", "Monthly"),
        ("Invite technicians to lead tours on the open days", "Outreach Office", "Each July"),
        ("Add technical contacts to every shared equipment web page", "Research Office", "March 2026"),
    ]),
    ("Visibility", False, False, [
        ("Hold a yearly technical showcase open to the whole institution", "Technician Network", "Every June"),
    ]),
    ("Recognition", True, True, [
        ("Credit technical contributions in published outputs", "Research Integrity", None),
        ("Pay professional registration fees for all applicants", "Technical Director", "Ongoing"),
        ("Nominate technical staff for national awards each year", "Awards Panel", None),
        ("Create a technician of the year prize", "HR Reward Team", "2026"),
    ]),
    ("Sustainability", False, False, [
        ("Record technical roles and retirement dates in the workforce plan", "Workforce Planning", "By Mar 2026"),
        ("Recruit two technical apprentices every year", "Apprenticeships Hub", "Annually"),
    ]),
]


def _deck() -> bytes:
    buf = io.BytesIO()
    cv = Canvas(buf, pagesize=(W, H), invariant=1)
    cv.setFont("Times-Bold", 30)
    cv.drawString(50, 300, "Technician Commitment Action Plan 2025-2028")
    cv.setFont("Times-Roman", 16)
    cv.drawString(50, 260, "Northmoor Research Institute")
    cv.showPage()
    small = ParagraphStyle("s", fontName="Times-Roman", fontSize=8.5, leading=10.6, textColor=HexColor("#595959"),
                           spaceBefore=4)
    for number, (head, grid, bold, cards) in enumerate(SLIDES, 2):
        body = ParagraphStyle("b", fontName="Times-Bold" if bold else "Times-Roman", fontSize=11, leading=13.75)
        cv.setFillColor(HexColor("#1F3864"))
        cv.rect(0, H - 70, W, 70, stroke=0, fill=1)
        cv.setFillColor(HexColor("#FFFFFF"))
        cv.setFont("Times-Bold", 24)
        cv.drawString(40, H - 47, head)
        cv.setFillColor(HexColor("#7F7F7F"))
        cv.setFont("Times-Roman", 8)
        cv.drawString(40, 18, "Northmoor Research Institute | Technician Commitment Action Plan 2025-2028")
        cv.drawRightString(W - 40, 18, str(number))
        cols, rows = (2, 2) if grid else (3, 1)
        bw, bh = (W - 80 - 18 * (cols - 1)) / cols, (H - 140 - 18 * (rows - 1)) / rows
        for i, (text, who, when) in enumerate(cards):
            r, k = divmod(i, cols)
            x, y = 40 + k * (bw + 18), H - 95 - (r + 1) * bh - r * 18
            cv.setStrokeColor(HexColor("#1F3864"))
            cv.roundRect(x, y, bw, bh, 14, stroke=1, fill=0)
            story = [Paragraph(escape(text), body), Paragraph(f"Who: {escape(who)}", small)]
            if when:
                story.append(Paragraph(f"Timing: {escape(when)}", small))
            Frame(x + 6, y + 6, bw - 12, bh - 12, showBoundary=0).addFromList(story, cv)
        cv.showPage()
    cv.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def actions():
    return interpret_document(pdf_to_document(_deck(), "northmoor-slides.pdf")).actions


def test_every_card_is_one_action_with_its_fields(actions):
    want = [c for _, _, _, cards in SLIDES for c in cards]
    assert [a.action_text for a in actions] == [t for t, _, _ in want]
    assert [a.owner for a in actions] == [w for _, w, _ in want]
    assert [a.timeframe for a in actions] == [t for _, _, t in want]


def test_a_title_repeated_on_its_slides_is_their_section(actions):
    assert [a.section for a in actions] == [head for head, _, _, cards in SLIDES for _ in cards]


def test_words_keep_their_spaces_where_glyphs_touch(actions):
    assert "staff at the" in actions[2].action_text
