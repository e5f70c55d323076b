"""Blind round 5 (royal-calder, a filled form): each action is a block of labelled fields
under a heading holding only its id ("Action ref V1"), then "Action: <text>", and "Lead:
<box>  Target date: <box>" on one line, the values typed into form fields. 0 of 13: the
heading was taken for the statement (the id left inside it), the "Action:" field's text was
not the action, "Target date:" (no delimiter before it, only the gap beside the Lead box) was
read into the owner, and the note at the foot of the last page joined the last block.

Now a heading that holds only an id after a few words naming it gives the block's id, never
its statement (models/extract.yaml blocks.id_only_heading), so the block's "Action:" field
states it; a recurring label that opens after a column-wide gap cuts a line of fields as a
delimiter would (blocks.gap_offsets); and a line much farther below a block than the blocks
are set apart is not part of it (blocks.block_end_gap). Where the labels stand alone, set
apart on one line ("Lead:      Target date:"), the values in the boxes under them are read by
column, each under the label it starts beside (blocks.gap_pieces). Drawn with reportlab:
AcroForm text fields with appearance streams, values beside their labels, and a second form
with each value in a box below its label. The texts are written for the test."""
from __future__ import annotations

import io

from tests.tableplans import run

BLOCKS = [  # (section, id, action, lead, date)
    ("Priority 1 - Visibility", "V1", "Put the names of technical staff on every laboratory door", "Estates Office",
     "Dec 2025"),
    ("Priority 1 - Visibility", "V2", "Give the technical network a standing slot at the staff forum",
     "Principal's Office", "Each term"),
    ("Priority 1 - Visibility", "V3", "Post a monthly profile of a technician on the staff blog", "Communications",
     "Monthly"),
    ("Priority 2 - Recognition", "R1", "Pay the first year of professional registration fees", "HR Reward", "Ongoing"),
    ("Priority 2 - Recognition", "R2", "Open the teaching prize to technical staff", "Vice-Principal Education",
     "2026 round"),
    ("Priority 3 - Career Development", "CD1", "Offer one study day a month to every technician", "Line Managers",
     "From Oct 2025"),
    ("Priority 3 - Career Development", "CD2", "Agree promotion criteria for the technical grades", "HR",
     "Jul 2026"),
]
FOOT = "Signed off by the Technician Steering Group."


def _form(below: bool) -> bytes:
    """A printed form, one block per action, Lead and Target date on one line. `below`: each
    value in a box under its label; else beside it."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas
    buf = io.BytesIO()
    cv = Canvas(buf, pagesize=A4, invariant=1)
    form = cv.acroForm
    w, h = A4
    cv.setFont("Helvetica-Bold", 15)
    cv.drawString(36, h - 40, "University of Exampleton Technician Commitment Action Plan 2025-27")
    cv.setFont("Helvetica", 9)
    cv.drawString(36, h - 60, "Complete one block per action. Fields are typed; the printed form is the agreed plan.")
    y = h - 90
    section = None
    for k, (sec, ref, action, lead, date) in enumerate(BLOCKS):
        need = 130 if below else 90
        if y - need < 60:
            cv.showPage()
            y = h - 50
        if sec != section:
            cv.setFont("Helvetica-Bold", 12)
            cv.drawString(36, y, sec)
            y -= 20
            section = sec

        def field(name: str, value: str, x: float, top: float, width: float) -> None:
            form.textfield(name=f"{name}_{k}", value=value, x=x, y=top - 18, width=width, height=18,
                           fontName="Helvetica", fontSize=9, borderColor=colors.grey,
                           fillColor=colors.HexColor("#F4F6F7"), textColor=colors.black, forceBorder=True)
        cv.setFont("Helvetica-Bold", 9)
        cv.drawString(36, y - 12, f"Action ref {ref}")
        cv.setFont("Helvetica", 8.5)
        if below:
            cv.drawString(36, y - 31, "Action:")
            field("action", action, 36, y - 34, 440)
            cv.drawString(36, y - 71, "Lead:")
            cv.drawString(300, y - 71, "Target date:")
            field("lead", lead, 36, y - 74, 200)
            field("date", date, 300, y - 74, 150)
            y -= 110
        else:
            cv.drawString(36, y - 32, "Action:")
            field("action", action, 110, y - 20, 440)
            cv.drawString(36, y - 56, "Lead:")
            field("lead", lead, 110, y - 44, 200)
            cv.drawString(330, y - 56, "Target date:")
            field("date", date, 400, y - 44, 150)
            y -= 78
    cv.setFont("Helvetica", 8)
    cv.drawString(36, 30, FOOT)
    cv.showPage()
    cv.save()
    return buf.getvalue()


def _fields(got):
    return [(r["action_id"], r["action_text"], r["owner"], r["timeframe"]) for r in got]


def test_form_blocks_give_the_action_field_as_the_statement_and_the_heading_as_the_id():
    _, got = run(_form(below=False), "form.pdf")
    assert _fields(got) == [(ref, action, lead, date) for _, ref, action, lead, date in BLOCKS]
    assert [r["section"] for r in got] == [sec for sec, *_ in BLOCKS]


def test_form_values_in_boxes_below_their_labels():
    _, got = run(_form(below=True), "form-below.pdf")
    assert _fields(got) == [(ref, action, lead, date) for _, ref, action, lead, date in BLOCKS]
