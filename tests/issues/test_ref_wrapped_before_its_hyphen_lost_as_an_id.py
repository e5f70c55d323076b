"""Blind round 6 (kingsreach, a workbook printed by Calc): a Ref column too narrow for "CD-01"
wraps it before the hyphen, "CD" over "-01" (where "R-01" wraps after it, "R-" over "01", and
was read). The wrapped lines were joined with a space, "CD -01" is no id, and all five Career
Development rows came out with no action_id. An id cut at the column edge now joins with its
separator on either side of the cut (extract.wrap.id_continues)."""
from __future__ import annotations

from extract.wrap import join_lines
from tests.tableplans import ruled_pdf, run

ROWS = [["CD<br/>-01", "Publish a career map for technical staff across all faculties", "HR", "Mar 2026"],
        ["CD<br/>-02", "Fund places on the national technical leadership programme", "OD Team", "Sep 2026"],
        ["R-<br/>01", "Add a technician category to the annual staff awards", "HR Reward", "2026"]]


def test_ids_wrapped_before_their_hyphen_are_read_whole():
    _, rows = run(ruled_pdf(["Ref", "Action", "Lead", "Deadline"], ROWS,
                            col_widths=[34, 400, 150, 150]), "narrow-refs.pdf")
    assert [r["action_id"] for r in rows] == ["CD-01", "CD-02", "R-01"], [(r["action_id"], r["action_text"]) for r in rows]


def test_a_word_before_a_dash_is_no_id():
    assert join_lines(["To", "-01"]) == "To -01"
    assert join_lines(["CD1.", ".1"]) == "CD1. .1"      # a separator printed on both sides: no id
