"""Blind round 2 (fenwick): a table with one tick column per pillar (headers V, R, CD, S, or
the pillars' names; each cell a mark or empty). The columns were "unknown headers kept as
extra fields" and the rows' pillars came from the model, though the plan tags every row
itself. A group of columns each headed by one pillar alone and holding only marks is the
plan's own tagging: each row's pillars_document is the pillars whose columns it ticks."""
from __future__ import annotations

import pytest

from tests.tableplans import ruled_pdf, run

ACTIONS = [
    ("A1", "Publish the names of the technical staff on every facility web page", {0}),
    ("A2", "Add technicians to the nomination panel of the annual staff awards", {0, 1}),
    ("A3", "Fund two places a year on the institute's management programme for technicians", {2}),
    ("A4", "Record every technician's training in the shared skills register", {2, 3}),
    ("A5", "Plan the succession of the senior technical roles in each department", {3}),
]
CODES = ["V", "R", "CD", "S"]


@pytest.mark.parametrize("heads,mark", [(CODES, "x"),
                                        (["Visibility", "Recognition", "Career Development", "Sustainability"], "Y")])
def test_pillar_tick_columns_tag_each_row(heads, mark):
    rows = [[ref, text] + [mark if k in ticks else "" for k in range(4)] + ["Head of Technical Services", "July 2026"]
            for ref, text, ticks in ACTIONS]
    pdf = ruled_pdf(["Ref", "Action", *heads, "Owner", "Target date"], rows,
                    col_widths=[40, 220, 75, 80, 105, 95, 100, 60])
    doc, actions = run(pdf, "ticks.pdf")
    got = {a["action_id"]: a for a in actions}
    assert sorted(got) == [r for r, _, _ in ACTIONS]
    for ref, _, ticks in ACTIONS:
        assert got[ref]["pillars_document"] == [CODES[k] for k in sorted(ticks)], ref
        assert not got[ref]["extra_fields"], ref
        assert got[ref]["owner"] == "Head of Technical Services"
