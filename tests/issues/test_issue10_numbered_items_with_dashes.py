"""Issue #10 (progress_report and web_table zoo: 12 of 22 and 10 of 19 rows): a cell that
lists several actions numbered "1 - Create ...", "2 – Monitor ...", "7 To recruit ..."
(a number, then a dash or nothing, then the sentence) was read as one action: the splitter
knew "1." and "1)" only. Now a number followed by a dash, or by a capitalised word, opens
an item too (normalise/subactions.py _NUMBER; still only in sequence after the first, and
never before a lower-case word: "12 months of ..." is no item). A ruled table (reportlab)."""
from __future__ import annotations

import pytest

from tests.tableplans import LEADS, plan_rows, ruled_pdf, run

ITEMS = plan_rows(18, seed=51)
STYLES = ["{n} - ", "{n} – ", "{n} ", "{n}. "]
OBJECTIVES = ["Improve recognition of technical staff", "Support professional registration",
              "Plan the technical workforce", "Share good practice", "Grow the next generation",
              "Develop line managers"]


def _rows():
    out, n = [], 0
    for k, objective in enumerate(OBJECTIVES):
        cell = []
        for _ in range(3):
            n += 1
            cell.append(STYLES[n % len(STYLES)].format(n=n) + ITEMS[n - 1].action)
        out.append([objective, "<br/>".join(cell), LEADS[k % len(LEADS)], "12 months of monitoring"])
    return out


@pytest.fixture(scope="module")
def plan():
    return run(ruled_pdf(["Objective", "Initiative", "Accountable lead", "Timeline"], _rows(),
                         col_widths=[160, 360, 140, 100]), "dash-numbered.pdf")


def test_each_numbered_item_is_its_own_action(plan):
    doc, got = plan
    assert [r["action_text"] for r in got] == [r.action for r in ITEMS], doc["warnings"]
    assert [r["action_id"] for r in got] == [str(i + 1) for i in range(len(ITEMS))]
    assert [r["owner"] for r in got] == [LEADS[k % len(LEADS)] for k in range(len(OBJECTIVES)) for _ in range(3)]
