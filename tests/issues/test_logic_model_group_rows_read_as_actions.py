"""Blind round 9 (brackwater, a theory-of-change table: Objective | Inputs | Activities | Outputs |
Short-term outcomes | Long-term impact, a bulleted activity an action): each group row
("Priority 1 – Visibility", its words in the first cell of a row whose other cells the table's
grid still divides, left empty) was read as an action (the aim taken for a missing action); the
outcomes column was read as the timeframe because the date pattern took "decisions" for "Dec"
(month names matched as any word they open); the objective's id, set off by bold type alone ("V1
Technicians are ..."), stayed in the aim; "Inputs" was an unknown column.

A row filled in its first cell only, with a heading's words, over rows that fill that column
themselves, is a group heading (the rows' section); month names are whole words; an aim's
letter id may be set off by a space before a capitalised word; "Inputs" names resources.
Reportlab, invented wording."""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from tests.tableplans import run, table_pdf

BODY = ParagraphStyle("b", fontName="Helvetica", fontSize=8, leading=10)
BOLD = ParagraphStyle("g", parent=BODY, fontName="Helvetica-Bold", fontSize=9)
HEAD = ["Goal", "Inputs", "What we will do", "Outputs", "Outcomes (short term)", "Impact"]
GROUPS = [
    ("Theme A: Being seen", [
        ("A1", "Technical teams are visible to students", "Outreach budget £2k; marketing time",
         ["Run a stand for technical teams at every open day", "Add a technician profile to each module page"],
         "Stand at six open days; profiles on all module pages",
         "Students may ask technicians about the marketing of courses", "Applicants know the people behind the labs"),
        ("A2", "Technicians shape decisions that affect them", "Committee clerk time",
         ["Give the technical forum a standing item at Faculty Board"],
         "Standing item at every Faculty Board",
         "Faculty decisions reflect technical advice", "Technical views are routine in governance"),
    ]),
    ("Theme B: Growing careers", [
        ("B1", "Every technician can progress", "Training fund £20k; HR partner time",
         ["Publish a progression map for each technical job family", "Offer three secondments a year into junior manager roles"],
         "Maps for five job families; nine secondments",
         "Staff see separate routes to promotion", "Technical careers retain talent"),
    ]),
]


def _pdf() -> bytes:
    data = [[Paragraph(h, BOLD) for h in HEAD]]
    styles = [("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for heading, goals in GROUPS:
        data.append([Paragraph(heading, BOLD)] + [""] * 5)   # one cell filled, the grid still drawn
        for gid, goal, inputs, acts, outputs, outcome, impact in goals:
            data.append([Paragraph(f"<b>{gid}</b> {goal}", BODY), Paragraph(inputs, BODY),
                         [Paragraph(a, BODY, bulletText="\u2022") for a in acts], Paragraph(outputs, BODY),
                         Paragraph(outcome, BODY), Paragraph(impact, BODY)])
    return table_pdf(data, styles, [120, 100, 190, 120, 120, 110])


def test_group_rows_are_sections_and_outcomes_no_timeframe():
    doc, got = run(_pdf(), "logic-model.pdf")
    want = [(heading, gid, goal, a, inputs)
            for heading, goals in GROUPS for gid, goal, inputs, acts, *_ in goals for a in acts]
    assert [(r["section"], r["parent_id"], r["aim"], r["action_text"], r["resources"]) for r in got] == want, \
        doc["warnings"]
    assert [r["timeframe"] for r in got] == [None] * len(want)
