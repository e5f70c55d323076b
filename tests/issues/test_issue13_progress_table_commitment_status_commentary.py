"""Issue #13 (found writing a fictional progress report): a progress table headed
"Commitment | Status | Progress commentary" gave the commentary as the actions and the
commitments as their aim, and status phrases other than "Complete" gave no RAG status:
- "Work has begun ..." opens with a word that is also a verb, so the commentary read as
  sentences of intent; a first word followed by "has/was/were/..." is the subject of a
  report on what happened, not an imperative (models/header_aliases.yaml report_auxiliaries);
- "On track", "Delayed" are status phrases with a colour (models/rag.yaml); "Not started" is
  a status that names none (blind round 3: not begun is not off track, so no rag_status);
  the cell's own words stay in rag_evidence."""
from __future__ import annotations

from tests.tableplans import plan_rows, ruled_pdf, run

ITEMS = plan_rows(12, seed=5)
STATUS = ["Complete", "On track", "Delayed", "Not started"]
COLOUR = {"Complete": "green", "On track": "green", "Delayed": "amber", "Not started": None}


def test_commitments_are_the_actions_and_status_phrases_have_colours():
    rows = [[f"{i + 1}. {it.action}", STATUS[i % 4],
             f"Work has begun with the {it.lead}; a first draft was shared in {it.date}."]
            for i, it in enumerate(ITEMS)]
    doc, got = run(ruled_pdf(["Commitment", "Status", "Progress commentary"], rows, col_widths=[330, 90, 340],
                             intro="University of Exampleton Technician Commitment progress report 2024"),
                   "commitment-status-commentary.pdf")
    roles = {c["header"]: c["role"] for c in doc["table_roles"]}
    assert roles == {"Commitment": "action_text", "Status": "rag_status", "Progress commentary": "progress"}
    assert [r["action_text"] for r in got] == [it.action for it in ITEMS]
    assert [r["action_id"] for r in got] == [str(i + 1) for i in range(len(ITEMS))]
    assert [r["rag_status"] for r in got] == [COLOUR[STATUS[i % 4]] for i in range(len(ITEMS))]
    assert all(STATUS[i % 4] in (r["rag_evidence"] or "") for i, r in enumerate(got))
    assert all(r["progress"].startswith("Work has begun") for r in got)
