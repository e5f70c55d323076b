"""Blind test (glenhollow progress report): a status of "Complete" came out as rag_status
green, like "Green" or "On track", so a finished action could not be told from one on
track. rag_status keeps its three colours (status_history and the fates read it), and a
new column, status_complete, says whether the row's status cell says the action is
complete, by the rule the fates use for a status (links.says_completed): "Complete",
"Done", a BRAG "Blue" do; "Green", "On track", "Amber" do not; no status gives null."""
from __future__ import annotations

from tcpipe.dataset.plans import apply_plans
from tcpipe.pipeline import process_bytes
from tests.tableplans import plan_rows, ruled_pdf

ITEMS = plan_rows(8, seed=11)
STATUS = ["Complete", "On track", "Green", "Done", "Amber", "Blue", "Completed", ""]
COMPLETE = [True, False, False, True, False, True, True, None]


def test_a_complete_status_is_told_from_one_on_track():
    rows = [[f"{i + 1}", it.action, it.lead, STATUS[i]] for i, it in enumerate(ITEMS)]
    data = ruled_pdf(["Ref", "Action", "Lead", "Status"], rows, col_widths=[50, 420, 170, 100],
                     intro="University of Exampleton Technician Commitment Action Plan 2023-2026 progress report")
    result = process_bytes(data, "complete-vs-on-track.pdf")
    _, actions, _, _ = apply_plans(result.document, result.actions)
    got = actions.to_pylist()
    assert [r["action_text"] for r in got] == [it.action for it in ITEMS]
    assert [r["rag_status"] for r in got] == ["green", "green", "green", "green", "amber", "green", "green", None]
    assert [r["status_complete"] for r in got] == COMPLETE
