"""Issue #10 point 1 (web_table zoo: 0 of 54 rows on one plan): a table whose columns are
"Milestone date | Activity description | Objective | Who is responsible" names an aim column
(the objective, "A1: Continue the Technician Group meetings.") and lists that aim's actions
in another column, one lettered item each ("a) Meet three times a year ... b) Review the
membership annually"). Each row has one of each, so the old rule (beside an aim column,
the action column has a statement in *more rows*) never held, and the objectives came out
as the actions. The action column is the one with more statements per row than the aim
column (list items counted by their markers: letters, or dotted ids "1.1 -", "1.2 -"),
whatever its header says."""
from __future__ import annotations

import pytest

from tests.tableplans import DATES, LEADS, plan_rows, ruled_pdf, run

ITEMS = plan_rows(30, seed=17)
AIMS = ["Continue the technician group meetings.", "Coordinate resource for the action plan",
        "Review technician job descriptions", "Celebrate the achievements of technical staff",
        "Improve representation on committees", "Support professional registration",
        "Build links with other institutions", "Plan the technical workforce", "Share good practice",
        "Grow the next generation of technicians", "Develop line management skills", "Fund training grants"]
# aim k lists 2 or 3 of the items, in order
GROUPS: list[list[int]] = []
_i = 0
for k in range(len(AIMS)):
    n = 2 + k % 2
    GROUPS.append(list(range(_i, min(_i + n, len(ITEMS)))))
    _i += n
GROUPS = [g for g in GROUPS if g]


def _mark(style: str, k: int, j: int) -> str:
    return f"{'abc'[j]})" if style == "letters" else f"{k + 1}.{j + 1} -"


def _rows(style: str):
    out = []
    for k, g in enumerate(GROUPS):
        acts = "<br/>".join(f"{_mark(style, k, j)} {ITEMS[i].action}" for j, i in enumerate(g))
        out.append([DATES[k % len(DATES)], acts, f"A{k + 1}: {AIMS[k]}", LEADS[k % len(LEADS)]])
    return out


@pytest.fixture(scope="module", params=["letters", "dotted"])
def plan(request):
    doc, got = run(ruled_pdf(["Milestone date", "Activity description", "Objective", "Who is responsible"],
                             _rows(request.param), col_widths=[90, 330, 220, 120]), "aim-beside-items.pdf")
    return doc, got, request.param


def test_each_listed_item_is_an_action_under_its_aim(plan):
    doc, got, style = plan
    ids = (lambda k, j: f"A{k + 1}.{'abc'[j]}") if style == "letters" else (lambda k, j: f"{k + 1}.{j + 1}")
    want = [(ITEMS[i].action, ids(k, j)) for k, g in enumerate(GROUPS) for j, i in enumerate(g)]
    assert [(r["action_text"], r["action_id"]) for r in got] == want, doc["warnings"]
    assert [(r["owner"], r["timeframe"]) for r in got] == \
        [(LEADS[k % len(LEADS)], DATES[k % len(DATES)]) for k, g in enumerate(GROUPS) for _ in g]
    assert all(AIMS[k].rstrip(".") in (r["aim"] or "") for r, k in
               zip(got, [k for k, g in enumerate(GROUPS) for _ in g]))
