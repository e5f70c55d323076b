"""Issue #10 (zoo progress_report: 20 of 22 rows, ids 13-16 lost): a ruled table whose "ID"
column is left blank (the plan prints "13 – To continue ..." in the action text) had a row
cut by a page break, closed by a rule at the foot of the page. The stitcher's evidence came
from the key column (blank on both sides: no evidence) and one cell starting in lower case
(+1 of the 2 needed), so the row's rest on the next page became a row of its own: "the
Technician Commitment Working Group. 14 – To review ..." with no id, and action 13 cut in two.
Now a row whose cells mostly go on mid-phrase (three or more: lower case after an open
sentence, or after "Supported by:") is the rest of the row above, whatever the key column
says. A Word table (LibreOffice prints each page's piece closed by a rule), rows split over pages (extract/strategies/ruled.py)."""
from __future__ import annotations

import io

import pytest

from tests.tableplans import docx_pdf, run

OBJECTIVES = ["To have a formal mechanism for raising challenges affecting technical staff and for identifying best "
              "practice and successes across every faculty and professional service",
              "To make the expertise of technical staff easy to find for researchers, students and partners "
              "inside and outside the institution, through profiles and case studies"]
COSTS = ["Administrative support to schedule and minute the meetings of the group and its sub-groups through the year",
         "Web team time and a small budget for photography and the printing of case studies for open days"]
LEADS = ["Action owner: Technician Commitment Chair supported by the faculty operations managers and representatives",
         "Action owner: Communications team supported by the faculty technical managers and the web editors"]
WHEN = ["Termly meetings and an annual review of the terms of reference in the autumn term of each year",
        "Profiles live by the end of the spring term and case studies added every term after that one"]
ACTIONS = [[f"To continue the termly meetings of the working group number {i}, with minutes shared with every "
            f"department and a summary sent to the senior leadership team after each meeting" for i in range(4)],
           [f"To publish a profile of the technical team number {i} on the website, with the contact details "
            f"of its manager and a list of the facilities and equipment it runs for researchers" for i in range(4)]]
GROUPS = 7


def _action(g: int, j: int) -> str:
    return ACTIONS[g % 2][j].replace("number", f"in area {g + 1},")


def _ids(g: int) -> list[int]:
    return [g * 4 + j + 1 for j in range(4)]


def _pdf() -> bytes:
    def build(doc) -> None:
        from docx.enum.section import WD_ORIENT
        from docx.shared import Cm
        sec = doc.sections[0]
        sec.orientation, sec.page_width, sec.page_height = WD_ORIENT.LANDSCAPE, sec.page_height, sec.page_width
        doc.add_paragraph("Westbrook College Technician Commitment progress report 2025")
        table = doc.add_table(rows=1, cols=6)
        table.style = "Table Grid"
        for cell, h in zip(table.rows[0].cells, ["ID", "Objective", "Cost implications", "Accountable lead",
                                                 "Timeline", "Initiative"]):
            cell.text = h
        for g in range(GROUPS):
            cells = table.add_row().cells
            for cell, text in zip(cells[1:5], [OBJECTIVES[g % 2], COSTS[g % 2], LEADS[g % 2], WHEN[g % 2]]):
                cell.text = text
            cells[5].text = f"{_ids(g)[0]} – {_action(g, 0)}"
            for j, n in enumerate(_ids(g)[1:], 1):
                cells[5].add_paragraph(f"{n} – {_action(g, j)}")
        for row in table.rows:
            for cell, w in zip(row.cells, [1.0, 4.5, 4.0, 4.0, 3.5, 8.5]):
                cell.width = Cm(w)
    return docx_pdf(build)


@pytest.fixture(scope="module")
def plan():
    return run(_pdf(), "row-cut-ids-in-text.pdf")


def test_every_action_keeps_its_id_and_whole_text(plan):
    doc, got = plan
    assert doc["page_count"] >= 3
    want = [(str(n), _action(g, j)) for g in range(GROUPS) for j, n in enumerate(_ids(g))]
    assert [(r["action_id"], r["action_text"]) for r in got] == want, doc["warnings"]
