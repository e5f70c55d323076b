"""Blind round 6 (stanmere): an action ending "... in the Network. [TCR – R8]" wrapped at the
dash, so its cell's last line read "– R8]", and a dash opening a line is a bullet: the cell
split into two actions, the real one ending in "[TCR" and one reading "R8]" with the row's
owner and dates copied (precision 0.95). A line that goes on inside a bracket the text
before it opened is never a new item (normalise.subactions.split_items)."""
from __future__ import annotations

from tests.tableplans import ruled_pdf, run

ROWS = [["VIS-05", "Create a welcome pack for new technical staff that explains how to get involved "
                   "in the Network. [TCR<br/>– R8]", "Network Chair", "Jun 2025"],
        ["VIS-06", "Run a stand at every staff induction fair", "Comms", "Ongoing"],
        ["VIS-07", "Publish the plan and its progress:<br/>– on the intranet<br/>– in the staff bulletin",
         "Comms", "2025"]]


def test_a_line_inside_an_open_bracket_is_no_new_item():
    _, rows = run(ruled_pdf(["Ref", "Action", "Lead", "Complete by"], ROWS), "stanmere-like.pdf")
    got = [(r["action_id"] or r["parent_id"], r["action_text"]) for r in rows]
    assert got[0] == ("VIS-05", "Create a welcome pack for new technical staff that explains how to get "
                                "involved in the Network."), got
    assert rows[0]["talent_document"] == ["R8"]
    assert not any(t.startswith("R8") for _, t in got), got
    # dashes opening lines outside brackets still open items
    assert [t for i, t in got if i == "VIS-07"][-2:] == ["on the intranet", "in the staff bulletin"], got
