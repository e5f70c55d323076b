"""Blind Word plan (tests/blind/20261206-3, ashcombe): a table 'Ref | Action | Lead |
Timescale | Success measure' whose objectives (1.1) head their sub-actions (1.1.1, 1.1.2) in
rows of their own, with their TALENT citation ("[TCR – R6]") and no lead, date or measure.
The objectives were read as actions (29 rows for 21), the sub-actions' aim was empty, and
the citation stayed on the objective (TALENT F1 0.08). A row whose id is the parent id of the
rows after it and that fills no field of its own is their aim: its text is their `aim`, its
tags are theirs. A parent with fields of its own, or with no sub-actions, stays an action.
Drawn with reportlab (ids, wording and tags other than the blind plan's)."""
from __future__ import annotations

import io

import pytest

from tests.tableplans import run

# (ref, text, lead, when, measure); a parent row has no lead, date or measure
ROWS = [
    ("section", "Visibility – being seen"),
    ("2.1", "Make technical teams known across every faculty [TCR – R4]", "", "", ""),
    ("2.1.1", "List each technical team and its skills on the faculty web pages", "Faculty Managers",
     "By June 2026", "Every faculty lists its teams"),
    ("2.1.2", "Print a yearly digest of technical achievements for the Senate", "Commitment Lead",
     "Each November", "Digest received by Senate"),
    ("2.2", "Open committee places to technicians [TCR – R2, R8]", "", "", ""),
    ("2.2.1", "Reserve a seat for a technician on the Estates Committee", "University Secretary",
     "From 2026/27", "Seat filled"),
    ("2.3", "Record technical roles in the staff system, wherever they sit [TCR – R5]", "HR Systems Lead",
     "By May 2026", "All technical posts flagged"),
    ("section", "Recognition – being valued"),
    ("3.1", "Back professional registration [TCR – R9]", "", "", ""),
    ("3.1.1", "Cover the fees of technicians registering with a licensed body", "Technical Director",
     "Ongoing", "Thirty registrations"),
    ("3.1.2", "Train four assessors from our own technical staff", "Staff Development", "By March 2027",
     "Four assessors trained"),
    ("3.2", "Hold a technician open day in the main hall each spring", "", "", ""),
]
SUBS = {"2.1.1": ("2.1", ("R4",)), "2.1.2": ("2.1", ("R4",)), "2.2.1": ("2.2", ("R2", "R8")),
        "3.1.1": ("3.1", ("R9",)), "3.1.2": ("3.1", ("R9",))}
TEXT = {r[0]: r[1].split(" [")[0] for r in ROWS if r[0] != "section"}


def _pdf() -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    style = getSampleStyleSheet()["BodyText"]
    data: list[list] = [["Ref", "Action", "Lead", "Timescale", "Success measure"]]
    styles = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for r in ROWS:
        if r[0] == "section":
            data.append([Paragraph(f"<b>{r[1]}</b>", style), "", "", "", ""])
            styles.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
            continue
        data.append([r[0]] + [Paragraph(c, style) for c in r[1:]])
    table = Table(data, colWidths=[45, 330, 130, 110, 150], repeatRows=1)
    table.setStyle(TableStyle(styles))
    buf = io.BytesIO()
    story = [Paragraph("Thornleigh University Technician Commitment Action Plan 2026-2029", style),
             Spacer(1, 12), table]
    SimpleDocTemplate(buf, pagesize=landscape(A4), invariant=1).build(story)
    return buf.getvalue()


@pytest.fixture(scope="module")
def read():
    return run(_pdf(), "parents.pdf")


def test_parents_over_sub_actions_are_no_actions(read):
    _, got = read
    assert [r["action_id"] for r in got] == ["2.1.1", "2.1.2", "2.2.1", "2.3", "3.1.1", "3.1.2", "3.2"]
    assert any(i["code"] == "parents_as_aims" and i["message"].startswith("3 ") for i in read[0]["issues"])


def test_sub_actions_take_their_parents_text_as_aim(read):
    _, got = read
    for r in got:
        if r["action_id"] in SUBS:
            parent, _ = SUBS[r["action_id"]]
            assert (r["parent_id"], r["aim"]) == (parent, TEXT[parent]), r
        assert r["action_text"] == TEXT[r["action_id"]]


def test_parents_talent_citations_pass_to_their_sub_actions(read):
    _, got = read
    for r in got:
        want = SUBS[r["action_id"]][1] if r["action_id"] in SUBS else {"2.3": ("R5",), "3.2": ()}[r["action_id"]]
        assert tuple(r["talent_document"]) == want, r
        assert r["pillars_document"] == (["V"] if r["action_id"].startswith("2") else ["R"])


def test_parent_with_fields_or_without_children_stays_an_action(read):
    _, got = read
    by_id = {r["action_id"]: r for r in got}
    assert by_id["2.3"]["owner"] == "HR Systems Lead" and by_id["2.3"]["aim"] is None
    assert by_id["3.2"]["owner"] is None
