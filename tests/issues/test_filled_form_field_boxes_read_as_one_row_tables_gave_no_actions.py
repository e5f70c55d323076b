"""Blind round 10 (harbury, a filled PDF form): each action a block, "Action" beside a box
holding it, then "Lead [box]  Deadline [box]  Pillar [box]" on one row, the values typed into
the form's fields (a text field, a drop-down for the pillar). 0 of 19 actions, status
"success": the field boxes, touching one another, were taken for ruled tables (each row of
boxes a one-row table, its values the header, the label between two boxes a cell), the
action's box a section row over it; and the labels, printed a few points off their values'
baselines (the page prints the label, the field's appearance its value), were read as lines
of their own.

Now a filled form is flattened when it is opened (extract/pdf.py), a one-row "table" whose
cells alternate labels (the same text in every block) and values is a form's line of fields,
no table (ruled.lines_of_fields), and a label printed left of a box that holds its value, on
the box's first row, is that field's label (blocks.fields_beside_boxes), so the repeated
blocks of the same labels are records. A block left blank gives no row. Drawn with reportlab
(AcroForm text fields and a combo box, filled): other wording and geometry than harbury's —
a bold heading over each entry with no band, "Commitment" in a tall box, "Owner" and "Complete
by" side by side, "Theme" on a row of its own. The texts are written for the test."""
from __future__ import annotations

import io

from tests.tableplans import run

ENTRIES = [  # (commitment, owner, complete by, theme)
    ("Display a photograph and role of each technician at the entrance to every workshop", "Estates Manager",
     "March 2026", "Visibility"),
    ("Add a technician representative to the faculty research committee", "Dean of Science", "Autumn term 2025",
     "Visibility"),
    ("Fund professional registration fees for technicians in their first two years", "HR Reward Team", "Ongoing",
     "Recognition"),
    ("Create a mentoring scheme pairing new technicians with experienced colleagues", "Learning and Development",
     "January 2027", "Career Development"),
    ("Map the skills of technical teams and publish the results", "Technical Services Director", "June 2026",
     "Sustainability"),
    ("Train two apprentices a year in the chemistry stores", "Chemistry Operations Lead", "2026 and 2027",
     "Sustainability"),
]
THEMES = {"Visibility": "V", "Recognition": "R", "Career Development": "CD", "Sustainability": "S"}


def _form() -> bytes:
    """Two pages of entries, the last one left blank, then a sign-off row of fields."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas
    buf = io.BytesIO()
    cv = Canvas(buf, pagesize=A4, invariant=1)
    form = cv.acroForm
    w, h = A4
    style = dict(fontName="Helvetica", borderWidth=0.5, borderColor=colors.HexColor("#1F618D"),
                 fillColor=colors.HexColor("#EBF5FB"), textColor=colors.black)

    def masthead() -> float:
        cv.setFont("Helvetica-Bold", 14)
        cv.drawString(40, h - 45, "Technician Commitment Action Plan 2025-2027")
        cv.setFont("Helvetica", 10)
        cv.drawString(40, h - 62, "Northfold College of Science and Technology - submission form")
        return h - 95
    y = masthead()
    cv.setFont("Helvetica", 8.5)
    cv.drawString(40, y, "Use one entry per commitment. Pick the theme from the list. Leave spare entries empty.")
    y -= 25
    for k, entry in enumerate(ENTRIES + [("", "", "", "")]):
        if y < 170:
            cv.showPage()
            y = masthead()
        commitment, owner, due, theme = entry
        cv.setFont("Helvetica-Bold", 10.5)
        cv.drawString(40, y, f"Entry {k + 1}")
        cv.setFont("Helvetica", 9)
        cv.drawString(46, y - 24, "Commitment")
        form.textfield(name=f"commitment_{k}", value=commitment, x=130, y=y - 52, width=420, height=34,
                       fieldFlags="multiline", fontSize=10, **style)
        # the row of boxes just under the commitment's box (their rules all but touch), each
        # label set a few points above its value's baseline
        cv.drawString(46, y - 67, "Owner")
        form.textfield(name=f"owner_{k}", value=owner, x=130, y=y - 74, width=170, height=20, fontSize=9, **style)
        cv.drawString(320, y - 67, "Complete by")
        form.textfield(name=f"due_{k}", value=due, x=390, y=y - 74, width=160, height=20, fontSize=9, **style)
        cv.drawString(46, y - 94, "Theme")
        form.choice(name=f"theme_{k}", value=theme or " ", options=[" "] + list(THEMES), x=130, y=y - 102,
                    width=170, height=20, fieldFlags="combo", fontSize=9, **style)
        y -= 135
    cv.setFont("Helvetica-Bold", 12)
    cv.drawString(40, y + 5, "Sign-off")
    cv.setFont("Helvetica", 9)
    cv.drawString(46, y - 22, "Agreed by")
    form.textfield(name="agreed", value="Prof. Ada Lindqvist, Principal", x=130, y=y - 28, width=220, height=18,
                   fontSize=9, **style)
    cv.showPage()
    cv.save()
    return buf.getvalue()


def test_each_filled_block_of_a_form_is_one_action_with_its_fields():
    doc, got = run(_form(), "northfold-form.pdf")
    assert [(r["action_id"], r["action_text"], r["owner"], r["timeframe"], list(r["pillars"])) for r in got] == \
        [(str(k + 1), c, o, d, [THEMES[t]]) for k, (c, o, d, t) in enumerate(ENTRIES)]


def test_a_block_left_blank_gives_no_row_and_the_fields_no_table():
    from extract import pdf_to_document
    doc = pdf_to_document(_form(), "northfold-form.pdf")
    assert [t.strategy for t in doc.tables] == ["narrative"]
    body = [r for r in doc.tables[0].rows if r.kind.value == "body"]
    assert len(body) == len(ENTRIES)
