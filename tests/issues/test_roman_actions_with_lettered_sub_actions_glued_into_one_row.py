"""Blind round 2026-12-06-4 (stanmore, a US-letter Word document): actions numbered with roman
numerals (i., ii., iii.), most with lettered parts (a), (b), (c) set further right under them,
then one italic line "Lead: <owner>. Timescale: <when>." shared by the parts. First read: 3 of
19 rows. Each roman action was one row, its parts glued into its description; the parents were
emitted as actions; ids null, "ii."/"iv." left in the text ("i.", "v.", "x." read as letters
and cut); the whole fields line went to the owner, "Timescale" never split off; the closing
"Approved by ..." line under the last action read as part of its owner.

A block's number printed before its statement ("iv. Increase ...") is its id; a first
paragraph that is wholly a marked list in sequence ((a), (b), ...) holds the block's atomic
actions (ids "iv.a", "iv.b", parent "iv"), sharing its fields, the statement their aim; a field
line running on into a further label after a sentence's end, the label recurring across the
blocks, is two fields; a line set left of a field after its end, a paragraph gap below, is not
that field's. Drawn with reportlab; invented wording, labels from header_aliases.yaml."""
from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from extract import pdf_to_document
from normalise import interpret_document

W, H = letter
ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii"]
PLAN = [
    ("Theme 1. Being seen", [
        ("Raise the profile of workshop teams across the College.",
         ["Print a yearly guide to the workshops and the people who run them",
          "Hold an open afternoon in each faculty workshop"],
         "Head of Facilities", "2026–2027"),
        ("Give technical staff a seat where decisions are made.",
         ["Add a technician member to the Estates Committee",
          "Invite the technical forum chair to the annual planning day"],
         "Registrar", "By June 2027"),
        ("Publish a technician story in every staff bulletin.", [], "Communications Manager", "Monthly"),
    ]),
    ("Theme 2. Growing careers", [
        ("Support professional registration for technical staff.",
         ["Pay first-year registration fees for every applicant",
          "Train three mentors to guide applicants",
          "Report registration numbers to the College board"],
         "Technical Training Lead", "Ongoing"),
        ("Open new routes into technical work.",
         ["Take on two apprentices in the engineering workshop",
          "Offer summer placements to local college students"],
         "Apprenticeship Officer", "From September 2026"),
        ("Record the knowledge of staff close to retirement.", [], "Faculty Managers", "By March 2028"),
        ("Review this plan with the technical forum each year.", [], "Technical Forum Chair", "Annually"),
    ]),
]


def _pdf(bold: bool = True, one_line: bool = True) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, invariant=1)
    c.setFont("Helvetica-Bold", 20)
    c.drawString(72, H - 72, "Hollins College Technical Staff Plan 2026 to 2029")
    y = H - 110
    n = 0
    for section, actions in PLAN:
        c.setFont("Helvetica-Bold", 14)
        c.drawString(72, y, section)
        y -= 24
        for statement, parts, owner, when in actions:
            c.setFont("Helvetica-Bold" if bold else "Helvetica", 11)
            c.drawString(72, y, f"{ROMAN[n]}. {statement}")
            y -= 16.5
            c.setFont("Helvetica", 11)
            for k, part in enumerate(parts):
                c.drawString(112, y, f"({'abc'[k]}) {part}")
                y -= 16.5
            c.setFont("Helvetica-Oblique", 10)
            if one_line:
                c.drawString(104, y, f"Lead: {owner}. Timescale: {when}.")
            else:
                c.drawString(104, y, f"Lead: {owner}")
                y -= 14
                c.drawString(104, y, f"Timescale: {when}")
            y -= 23
            n += 1
    c.setFont("Helvetica", 10)
    c.drawString(72, y - 2, "Approved by the College Council, October 2026.")
    c.showPage()
    c.save()
    return buf.getvalue()


def _expected():
    rows, n = [], 0
    for _, actions in PLAN:
        for statement, parts, owner, when in actions:
            if parts:
                rows += [(f"{ROMAN[n]}.{'abc'[k]}", ROMAN[n], part, owner, when) for k, part in enumerate(parts)]
            else:
                rows.append((ROMAN[n], None, statement, owner, when))
            n += 1
    return rows


def _actions(bold: bool = True, one_line: bool = True):
    return interpret_document(pdf_to_document(_pdf(bold, one_line), "hollins.pdf")).actions


# bold statements read as blocks (narrative), plain ones as list items (numbered_list)
@pytest.mark.parametrize("bold", [True, False])
def test_lettered_parts_are_the_actions_with_the_roman_number_their_parent(bold):
    got = [(a.action_id, a.parent_id, (a.action_text or "").rstrip("."), a.owner, (a.timeframe or "").rstrip("."))
           for a in _actions(bold)]
    assert got == [(i, p, t.rstrip("."), o, w) for i, p, t, o, w in _expected()]


@pytest.mark.parametrize("bold", [True, False])
def test_the_roman_statement_is_its_parts_aim_and_no_row_of_its_own(bold):
    actions = _actions(bold)
    first = [a for a in actions if a.parent_id == "i"]
    assert [a.aim.rstrip(".") for a in first] == ["Raise the profile of workshop teams across the College"] * 2
    assert not any(a.description and "(a)" in a.description for a in actions)
    assert not any(a.action_text.startswith(("ii.", "iv.", "vi.")) for a in actions)


# the fields on one line, or on two ("Lead: X" over "Timescale: Y")
@pytest.mark.parametrize("one_line", [True, False])
def test_the_closing_line_is_no_part_of_the_last_owner(one_line):
    assert "Approved" not in (_actions(True, one_line)[-1].owner or "")
