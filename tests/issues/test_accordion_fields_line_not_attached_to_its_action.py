"""Blind set 2026-12-06 (rothwick, an HTML accordion printed by Chromium): every action is a
numbered heading on a shaded button band, its panel below it a description paragraph and one
line of fields, "Lead: <owner> | Timescale: <when>". All rows were found (by the list
strategy, from the numbers) but the description and the fields line were lost, owner and
timeframe empty: the panel's text is set left of the padded heading, so it read as text
outside the item; the band round the heading read as a card the panel lay outside; and the
second label on the line, behind a delimiter, was no label at all.

A line of "Label: value" pairs separated by a delimiter (| ; ·), whose labels recur under every
heading, is the block's fields; a box round the heading alone is its band, no card; the blocks'
text set left of their headings, at one offset under each, is still theirs. Drawn with
reportlab; invented wording, labels from the owner/timeframe roles of header_aliases.yaml."""
from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract import pdf_to_document
from normalise import interpret_document

W, H = A4
SECTIONS = [
    ("1. Being seen", [
        ("1.1", "Open a showcase of workshop projects in the main library",
         "Each term the showcase will feature the work of one workshop team and the people behind it.",
         "Library Services", "Spring 2027"),
        ("1.2", "Write a monthly column about technical teams for the staff newsletter",
         "The column will be written by technicians in turn and cover teaching and research support.",
         "Internal Communications", "Monthly"),
        ("1.3", "Name technical teams in the credits of published datasets",
         "A short credit line will be added to the data deposit checklist.",
         "Research Data Office", "From March 2027"),
    ]),
    ("2. Growing careers", [
        ("2.1", "Fund a place on a leadership course for two technicians each year",
         "Places will be offered through an open call and the course fees paid centrally.",
         "Staff Development Unit", "Each autumn"),
        ("2.2", "Set up job shadowing between faculty workshops",
         "Technicians will spend up to five days in another faculty's workshop.",
         "Faculty Technical Managers", "2027-28"),
    ]),
]


def _pdf(sep: str) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 20)
    c.drawString(50, H - 70, "Technical Staff Action Plan 2026-2029")
    c.setFont("Helvetica", 10)
    c.drawString(50, H - 95, "Select a heading to expand each action.")
    y = H - 130
    for title, items in SECTIONS:
        c.setFont("Helvetica-Bold", 15)
        c.drawString(50, y, title)
        y -= 32
        for ident, heading, text, owner, when in items:
            c.setFillColorRGB(0.92, 0.94, 0.97)                  # the button's band round the heading
            c.rect(58, y - 8, W - 116, 24, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
            c.setFont("Helvetica-Bold", 11)
            c.drawString(70, y, f"{ident} {heading}")            # padded: right of the panel's text
            c.setFont("Helvetica", 10)
            c.drawString(60, y - 26, text)
            c.setFont("Helvetica", 9)
            c.drawString(60, y - 44, f"Owner: {owner} {sep} Due: {when}")
            y -= 76
        y -= 10
    c.showPage()
    c.save()
    return buf.getvalue()


ROWS = [(ident, heading, owner, when) for _, items in SECTIONS for ident, heading, _, owner, when in items]


@pytest.mark.parametrize("sep", ["|", "·", ";"])
def test_a_line_of_fields_under_each_heading_gives_owner_and_timeframe(sep):
    actions = interpret_document(pdf_to_document(_pdf(sep), "accordion.pdf")).actions
    assert [(a.action_id, a.action_text, a.owner, a.timeframe) for a in actions] == ROWS


def test_the_description_under_each_heading_is_kept():
    actions = interpret_document(pdf_to_document(_pdf("|"), "accordion.pdf")).actions
    texts = [text for _, items in SECTIONS for _, _, text, _, _ in items]
    assert [a.description for a in actions] == texts
    assert [a.section for a in actions] == ["Being seen"] * 3 + ["Growing careers"] * 2
