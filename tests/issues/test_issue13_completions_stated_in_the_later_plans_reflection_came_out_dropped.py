"""Issue #13 point 4 (found on the real Essex pair): the 2024-27 plan says what 2020-23
achieved in its prose, not in its action table ("Reflection on Technician Commitment Action
Plan 2020-23: ... Standardised job titles and descriptors implemented across relevant
technical roles; Essex hosted the first Eastern Arc technician conference in July 2023"), and
the dataset kept only action rows, so those earlier actions came out "dropped".

Now the prose outside the rows is kept as passages (documents.passages, each with its page
and box; a list item knows its lead-in paragraph) and an unlinked earlier action no report
calls complete is "completed" where the later passage most like it states completion; a
passage under "areas where progress has been slow" never counts."""
from __future__ import annotations

from pathlib import Path

import pytest

from tcpipe.dataset.links import ActionRef, PassageRef, link_plans, load_config, states_completion

ROOT = Path(__file__).resolve().parents[2]

EARLIER = [
    ActionRef("e1", "Hold informal coffee mornings for technicians every month.", aim="Community."),
    ActionRef("e2", "Arrange to host a regional training and networking conference for technicians with "
                    "partner universities.", aim="Development."),
    ActionRef("e3", "Define a clear career pathway for technicians to progress to higher grades.", aim="Careers."),
    ActionRef("e4", "Reduce single-use plastics in teaching labs.", aim="Greener labs."),
]
LATER = [
    ActionRef("l1", "Continue the monthly informal coffee mornings for technical staff.", aim="Community."),
    ActionRef("l2", "Install energy meters in the research workshops.", aim="Research facilities."),
]
SUCCESSES = "A number of notable successes were achieved between 2020-23, including:"
SLOW = "However, we identified areas where progress has been slow or where problems have been encountered:"
PASSAGES = [
    PassageRef("Introduction. This plan follows our first plan.", 1),
    PassageRef(SUCCESSES, 1),
    PassageRef("The University hosted the first regional technician networking conference with partner "
               "universities in July 2023;", 1, SUCCESSES),
    PassageRef(SLOW, 1),
    PassageRef("A clear career pathway for technicians to progress to higher grades is missing;", 1, SLOW),
]


def test_a_completion_the_later_plans_reflection_states_makes_the_unlinked_action_completed():
    before = link_plans(EARLIER, LATER)
    assert before.fates["e2"] == "dropped"          # the failure: rows alone say nothing of it
    res = link_plans(EARLIER, LATER, passages=PASSAGES)
    assert res.fates["e2"] == "completed"
    assert "page 1" in res.fate_evidence["e2"] and "hosted the first regional" in res.fate_evidence["e2"]
    assert res.fates["e1"] == "continued"           # a link still decides first
    # a bullet under "progress has been slow" (and one that says "is missing") never counts
    assert res.fates["e3"] == "dropped" and res.fates["e4"] == "dropped"
    assert [l.to_row_id for l in res.links] == [l.to_row_id for l in before.links]   # links untouched


@pytest.mark.parametrize("text, lead, done", [
    ("Standardised job titles and descriptors implemented across relevant technical roles;", SUCCESSES, True),
    ("Essex hosted the first Eastern Arc technician conference in July 2023;", SUCCESSES, True),
    ("Since our first plan we have added technicians to the Health and Safety Committee and submitted our "
     "self-assessment.", None, True),
    ("We will launch a mentoring scheme in 2025.", None, False),
    ("A mentoring scheme is to be introduced next year.", None, False),
    ("A clear career pathway for technicians is missing.", SLOW, False),
    ("Funding for education activities has been limited, although workshops were delivered.", None, False),
    ("Workshops were delivered in every faculty.", SLOW, False),
])
def test_states_completion(text, lead, done):
    assert states_completion(PassageRef(text, 1, lead), load_config().fates) is done


def test_the_essex_2024_27_plans_reflection_is_kept_as_passages_with_page_and_box():
    from extract import pdf_to_document
    doc = pdf_to_document((ROOT / "data" / "raw" / "essex-2024-27-action-plan.pdf").read_bytes(),
                          "essex-2024-27-action-plan.pdf")
    texts = [p.text for p in doc.passages]
    hosted = next(p for p in doc.passages if p.text.startswith("Essex hosted the first Eastern Arc"))
    assert hosted.page == 1 and hosted.bullet and hosted.bbox.x1 > hosted.bbox.x0
    assert doc.passages[hosted.lead].text.startswith("A number of notable successes were achieved")
    slow = next(p for p in doc.passages if p.text.startswith("A clear career pathway for technicians is missing"))
    assert "progress has been slow" in doc.passages[slow.lead].text
    # the action rows' text is not repeated as passages
    assert not any("Termly TCWG meetings" in t for t in texts)


def test_the_dataset_keeps_the_later_plans_intro_and_completes_the_action_it_states(tmp_path):
    """Glenmoray end to end (rendered, read by the batch): the 2022-25 plan's introduction
    ("Since our first plan ... we have ... submitted our self-assessment") is a passage of
    documents.passages, and the 2019-22 action 4.9 ("We will submit our Technician Commitment
    self-assessment ...", no report says it was done) is completed with that quote as its
    fate_evidence; before, it was dropped."""
    import pyarrow.parquet as pq

    from tcpipe.run.batch import run_batch
    from tests.links.render import render_all
    raw, out = tmp_path / "raw", tmp_path / "out"
    render_all(raw, only=["glenmoray"])
    run_batch([raw], out, workers=2, progress=False)
    docs = {d["source_file"]: d for d in pq.read_table(out / "documents.parquet").to_pylist()}
    intro = [p for p in docs["glenmoray-2022-25-action-plan.pdf"]["passages"] if "submitted our self-assessment" in p["text"]]
    assert len(intro) == 1 and intro[0]["page"] == 1 and len(intro[0]["bbox"]) == 4
    rows = [a for a in pq.read_table(out / "actions.parquet").to_pylist()
            if a["source_file"] == "glenmoray-2019-22-action-plan.pdf"]
    done = next(a for a in rows if a["action_id"] == "4.9")
    assert done["fate"] == "completed", done["fate_evidence"]
    assert done["fate_evidence"].startswith("later plan, page 1:") and "submitted our self-assessment" in done[
        "fate_evidence"]
    assert all(a["fate_evidence"] for a in rows)
