"""Blind round 5 (foxlease, ODT floating text boxes converted by LibreOffice): one action per
box, "Action n", its statement, then "Lead: ..." and "Target: ..." lines, the boxes in pairs
side by side, the right one set a little lower. A box whose statement filled its width had
its "Lead:" line read as the statement's wrapped line (the label's first word would not have
fitted on the line above), so "Lead: HR Reward" and "Target: ..." ended up in the action text
and the owner and timeframe were lost (owner 0.76, timeframe 0.86). Printed as bare text
columns with no frame, the boxes' lines interleaved: the two columns' blocks, offset by a
few points, were read as a table's centred cells and every line read across both boxes.

Now a label that recurs opening paragraphs is a field also right under a full line, and
blocks side by side of about one height set at different heights are text columns (a gap
beside a gap lines blocks up only where one block's height lies within the other's, as a
short cell centred beside a tall one does). Drawn with reportlab, with frames and without;
the texts are written for the test, each statement's second line the widest of its column."""
from __future__ import annotations

import io

import pytest

from tests.tableplans import run

BOXES = [  # (id, statement lines, lead, target)
    ("1", ["Appoint a technical champion in every", "department to speak for the technical teams"],
     "Technical Services Manager", "By March 2026"),
    ("2", ["Rewrite technician job descriptions so that", "they describe the whole of the technical work"],
     "HR Reward", "2025-26"),
    ("3", ["Open a technical training calendar for", "specialist and general skills across faculties"],
     "Staff Development", "September 2025"),
    ("4", ["Help technicians gain teaching qualifications", "such as fellowship of the Higher Education Academy"],
     "Learning and Teaching Unit", "2025-2027"),
    ("5", ["Fund places at national technician", "conferences for two members of each team"],
     "Heads of School", "Each year"),
    ("6", ["Keep a register of single points of failure", "in the technical services of every building"],
     "Technical Operations Manager", "Reviewed yearly"),
]


def _pdf(frames: bool) -> bytes:
    """Boxes in pairs side by side, the right one 18 points lower; `frames`: a border drawn
    round each box, else bare text columns."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas
    buf = io.BytesIO()
    cv = Canvas(buf, pagesize=A4, invariant=1)
    _, h = A4
    cv.setFont("Helvetica-Bold", 16)
    cv.drawString(50, h - 60, "University of Exampleton Technician Commitment Priorities 2025-2028")
    cv.setFont("Helvetica", 10)
    cv.drawString(50, h - 80, "Each box is one action, with the team who leads it and the date we aim to finish it.")
    for k, (ref, lines, lead, target) in enumerate(BOXES):
        col, row = k % 2, k // 2
        x = 50 + col * 260 + (8 if row % 2 else 0)
        top = h - 120 - row * 150 - col * 18
        if frames:
            cv.rect(x - 6, top - 112, 248, 120, stroke=1, fill=0)
        cv.setFont("Helvetica-Bold", 11)
        cv.drawString(x, top - 8, f"Action {ref}")
        cv.setFont("Helvetica", 10)
        y = top - 24
        for text in lines + [f"Lead: {lead}", f"Target: {target}"]:
            cv.drawString(x, y, text)
            y -= 13
    cv.showPage()
    cv.save()
    return buf.getvalue()


@pytest.mark.parametrize("frames", [True, False], ids=["framed", "bare-columns"])
def test_each_box_keeps_its_own_fields(frames):
    _, got = run(_pdf(frames), "boxes.pdf")
    assert sorted((r["action_id"], r["action_text"], r["owner"], r["timeframe"]) for r in got) == \
        sorted((ref, " ".join(lines), lead, target) for ref, lines, lead, target in BOXES)
