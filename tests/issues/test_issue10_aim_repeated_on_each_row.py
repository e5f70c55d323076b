"""Issue #10 point 1 (held-out zoo, web_table: 0 of 65 rows on one plan). Three ways the
column roles went wrong on headers the alias file does not know, each decided now by what
the column holds:

* "Principle addressed | Commitment | Milestone date | Sponsor | Strategic priority": the
  aim ("Strategic priority") is printed again on each of its actions' rows rather than
  merged down, so the old test for the action column beside an aim (a statement in *more
  rows* than the aim) failed, no action column was chosen and the aims came out as the
  actions. Beside an aim, the action column is the one with more *distinct* statements.
* "Action ref" over ids like "V1", "CD2" (which also read as pillar codes): the header's
  role wins where the content bears it out, even when another role's share is higher.
* "Timing" over "Termly", "Annual review in the spring term": a timeframe column."""
from __future__ import annotations

from tests.tableplans import LEADS, PILLAR_CODES, plan_rows, ruled_pdf, run

ITEMS = plan_rows(24, seed=29)
AIMS = ["Make the work of technical staff visible across the University.",
        "Give technicians a voice in decisions that affect them.",
        "Grow the skills and careers of technical staff.",
        "Plan the technical workforce for the future."]
TIMING = ["Termly meetings", "Annual review in the spring term", "Each autumn term", "Termly"]


def _aim(i: int) -> int:
    return i // 6


def test_aim_printed_on_each_row_is_not_the_action():
    rows = [[ITEMS[i].pillar, f"{i + 1} - {ITEMS[i].action}", TIMING[i % 4], LEADS[i % len(LEADS)], AIMS[_aim(i)]]
            for i in range(len(ITEMS))]
    doc, got = run(ruled_pdf(["Principle addressed", "Commitment", "Milestone date", "Sponsor", "Strategic priority"],
                             rows, col_widths=[90, 260, 110, 130, 170]), "aim-repeated.pdf")
    assert [r["action_text"] for r in got] == [it.action for it in ITEMS], doc["warnings"]
    assert [r["action_id"] for r in got] == [str(i + 1) for i in range(len(ITEMS))]
    assert [r["aim"] for r in got] == [AIMS[_aim(i)] for i in range(len(ITEMS))]
    assert [r["owner"] for r in got] == [LEADS[i % len(LEADS)] for i in range(len(ITEMS))]


def test_action_ref_over_pillar_coded_ids_and_a_timing_column():
    refs = [f"{PILLAR_CODES[ITEMS[i].pillar]}{i + 1}" for i in range(len(ITEMS))]
    rows = [[refs[i], ITEMS[i].action, TIMING[i % 4], LEADS[i % len(LEADS)]] for i in range(len(ITEMS))]
    doc, got = run(ruled_pdf(["Action ref", "Intervention", "Timing", "Accountable lead"], rows,
                             col_widths=[70, 360, 160, 170]), "ref-timing.pdf")
    roles = {c["header"]: c["role"] for c in doc["table_roles"]}
    assert roles == {"Action ref": "ref", "Intervention": "action_text", "Timing": "timeframe",
                     "Accountable lead": "owner"}, doc["table_roles"]
    # the ref is kept (whether a flat ref is the action's id or its aim's is decided in rows.py)
    assert [r["action_id"] or r["parent_id"] for r in got] == refs
    assert [r["action_text"] for r in got] == [it.action for it in ITEMS]
    assert [r["timeframe"] for r in got] == [TIMING[i % 4] for i in range(len(ITEMS))]
