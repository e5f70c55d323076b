"""Blind set 2026-12-06-2 (harrowfield, python-docx then LibreOffice, no table): actions are
Word bullets under two heading levels, sub-actions bullets one level further in, and after
each action an italic line "Owner: <who> Deadline: <when>". Rows and texts were right, but
the line of fields was dropped (owner/timeframe 0.00): it sits a paragraph gap below its
item, so it read as prose after the list; and its second label follows the owner's words
with no delimiter ("... Infrastructure Deadline:").

A line made of "Label: value" pairs whose labels recur across such lines, below an item, is
that item's fields; a further label needs no delimiter: it is the ending of the words before
a colon that recurs as often as its last word. Sub-items with no line of their own share
their parent's. Drawn with reportlab; invented wording, labels from the owner/timeframe
roles of header_aliases.yaml."""
from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract import pdf_to_document
from normalise import interpret_document

W, H = A4
PLAN = [
    ("Being seen", [
        ("Aim 1: Make workshop teams known across the college", [
            ("Build an online register of workshop staff and the machines they keep.", "Head of Estates Manager",
             "August 2027", ["Agree the register's entries with the workshop forum.",
                             "Move the old machine lists into the register."]),
            ("Add a staff profile page for every workshop technician.", "Web Content Manager", "January 2027", []),
        ]),
        ("Aim 2: Show the work of workshop teams", [
            ("Hold a yearly open day in the workshops for pupils and families.", "Outreach Officer",
             "Each June", []),
        ]),
    ]),
    ("Growing careers", [
        ("Aim 3: Open routes to promotion", [
            ("Write a career ladder for workshop grades with sample job descriptions.", "People Partner",
             "May 2028", ["Test the ladder with two departments first."]),
            ("Fund two trainee workshop posts each year.", "Trainee Scheme Manager", "From September 2027", []),
        ]),
    ]),
]


def _pdf() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 22)
    c.drawString(50, H - 70, "Northgate College Workshop Staff Plan 2026-2029")
    c.setFont("Helvetica", 10)
    c.drawString(50, H - 95, "Each action names who leads it and when it is due.")
    y = H - 130
    for pillar, aims in PLAN:
        c.setFont("Helvetica-Bold", 15)
        c.drawString(50, y, pillar)
        y -= 24
        for aim, actions in aims:
            c.setFont("Helvetica-Bold", 13)
            c.drawString(50, y, aim)
            y -= 20
            for text, owner, when, subs in actions:
                c.setFont("Helvetica", 10)
                c.drawString(50, y, "\u2022")
                c.drawString(64, y, text)
                y -= 22
                c.setFont("Helvetica-Oblique", 10)
                c.drawString(78, y, f"Owner: {owner} Deadline: {when}")
                y -= 22
                c.setFont("Helvetica", 10)
                for sub in subs:
                    c.drawString(64, y, "\u2022")
                    c.drawString(78, y, sub)
                    y -= 15
                y -= 6 if subs else 0
            y -= 8
    c.showPage()
    c.save()
    return buf.getvalue()


def _actions():
    return interpret_document(pdf_to_document(_pdf(), "bullets.pdf")).actions


def _rows():
    return [(t, o, w) for _, aims in PLAN for _, acts in aims for text, o, w, subs in acts
            for t in [text, *subs]]


def test_the_italic_line_under_each_bullet_gives_owner_and_timeframe():
    assert [(a.action_text, a.owner, a.timeframe) for a in _actions()] == _rows()


def test_two_heading_levels_give_section_and_aim():
    """The larger heading with no items of its own (a pillar) is the section; the smaller one
    over the bullets (an objective) their aim."""
    actions = _actions()
    want = [(pillar, aim.split(": ", 1)[1]) for pillar, aims in PLAN for aim, acts in aims
            for _, _, _, subs in acts for _ in range(1 + len(subs))]
    assert [(a.section, a.aim) for a in actions] == want
