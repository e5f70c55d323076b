"""Issue #10 (zoo ids: word_table 0.91, progress_report 0.84, web_table 0.92): a table whose
ref column numbers its rows plainly ("1", "2", ... under "Item ref"), one action per row,
gave every action no id: a row's own key was taken as the action's id only when dotted
("1.1", "V2.3"), a plain "1" being kept as a possible aim-level parent. Now a row's own key
(its ref cell printed in that row, not merged down over sibling rows) is the id of the row's
single action, dotted or not; a ref merged down over several rows stays their parent. A ruled
reportlab table (normalise/rows.py row_to_actions)."""
from __future__ import annotations

import pytest

from tests.tableplans import plan_rows, ruled_pdf, run

ITEMS = plan_rows(7, seed=19)


@pytest.fixture(scope="module")
def plan():
    rows = [[str(i + 1), it.action, it.lead, it.date] for i, it in enumerate(ITEMS)]
    return run(ruled_pdf(["Item ref", "Intervention", "Accountable lead", "Completion by"], rows), "plain-refs.pdf")


def test_each_action_keeps_its_rows_plain_number(plan):
    doc, got = plan
    assert [(r["action_id"], r["action_text"]) for r in got] == [(str(i + 1), it.action) for i, it in enumerate(ITEMS)], \
        doc["warnings"]
