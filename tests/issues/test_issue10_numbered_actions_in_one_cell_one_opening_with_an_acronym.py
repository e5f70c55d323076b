"""Issue #10 (held-out zoo seed 31337, web-table-000: 63 of 65 rows): a cell holding several
numbered actions ("1 To continue ...", "2 To review ...", "3 TCWG representatives to keep
...", "4 Continue ...") gave "2" and "3" as one action: a bare number opened an item only
before a capitalised word ("3 Staff"), not before an acronym ("3 TCWG"). A bare number
before an acronym now opens the next item where it continues the running list after a
finished sentence; a number inside a sentence wrapped onto a line ("Recruit up to" / "2 FTE
technicians") still does not. A reportlab ruled table."""
from __future__ import annotations

import pytest

from tests.tableplans import ruled_pdf, run

ACTIONS = ["To continue the termly meetings of the Technician Forum (TF).",
           "To review the TF membership and its terms of reference each year.",
           "TF representatives to keep their departments informed of meeting outcomes.",
           "Continue to identify staff in technical roles as the workforce changes."]
WRAPPED = "Recruit up to<br/>2 FTE apprentice technicians in the engineering workshops."


@pytest.fixture(scope="module")
def plan():
    cell = "<br/>".join(f"{n} {a}" for n, a in enumerate(ACTIONS, start=1))
    rows = [["V1", cell, "Forum Chair", "Termly"], ["V2", WRAPPED, "Workshop Manager", "2026"]]
    return run(ruled_pdf(["Ref", "Action", "Lead", "When"], rows), "numbered-acronym.pdf")


def test_each_numbered_action_is_a_row(plan):
    doc, got = plan
    assert [r["action_text"] for r in got] == ACTIONS + ["Recruit up to 2 FTE apprentice technicians in the "
                                                         "engineering workshops."], doc["warnings"]
    assert [r["action_id"] for r in got][:4] == ["V1.1", "V1.2", "V1.3", "V1.4"]
