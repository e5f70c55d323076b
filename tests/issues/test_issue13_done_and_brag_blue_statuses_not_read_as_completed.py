"""Issue 13 (links, fates), found reading the progress vocabulary for a report worded unlike
ours: a status cell saying "Done", or "Blue" on a BRAG scale (blue = complete, a common UK
extension of RAG), did not make the action completed: "done" was no completion term (and
cannot be one anywhere in an update: "Audit done; no money for replacements yet" is a step),
"blue" no status at all (rag_status empty). A note OPENING with one of
fates.completed_statuses (the status cell's words come first in a note) now says the action
is complete; "Blue" reads as green with its word kept in rag_evidence."""
from __future__ import annotations

import pytest

from normalise.rag import rag_from_text
from tcpipe.dataset.links import ActionRef, completion_note, link_plans, load_config, says_completed


@pytest.mark.parametrize("note, done", [
    ("Done. Thanks given in the 2022 address.", True),
    ("Blue. Scheme launched in September 2022.", True),
    ("Blue - complete", True),
    ("Closed: replaced by the new induction.", True),
    ("Audit done; no money for replacements yet.", False),
    ("Green. Survey done in May; a second is planned.", False),
    ("Amber. Not done yet.", False),
    ("Completed the pilot; roll-out to all faculties next year.", False),
])
def test_a_note_opening_with_a_completed_status(note, done):
    assert says_completed(note, load_config().fates) is done


def test_brag_blue_is_a_status_and_an_action_it_marks_is_completed():
    assert rag_from_text("Blue") == "green"
    row = ActionRef("r1", "Thank technicians publicly in the annual address.", status="Blue",
                    progress="Thanks given in the 2022 address.")
    note = completion_note(row)
    earlier = [ActionRef("e1", "Thank technicians publicly in the Vice-Chancellor's annual address.", aim="Celebrate."),
               ActionRef("e2", "Hold informal coffee mornings for technicians every month.", aim="Community.")]
    later = [ActionRef("l1", "Continue the monthly informal coffee mornings for technical staff.", aim="Community.")]
    res = link_plans(earlier, later, progress={"e1": note})
    assert res.fates["e1"] == "completed" and res.fates["e2"] == "continued"
