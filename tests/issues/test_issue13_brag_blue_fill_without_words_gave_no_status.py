"""Issue #13 (fates; left by the links work of 2026-12-06): a progress report whose status
cells are shaded without words, on a BRAG scale (blue = complete), gave the blue rows no
status at all, so an action its report marks complete read "dropped" when the later plan did
not carry it. The fill colours are data now (models/rag.yaml fill_colours): a saturated blue
reads green, its colour's name stays in rag_evidence ("fill rgb(0,112,192) blue"), and the
links read that name as a completed status. Pale shading still names nothing."""
from __future__ import annotations

from tcpipe.dataset.links import completion_note, load_config, says_completed, ActionRef
from tcpipe.dataset.plans import status_words
from tests.tableplans import plan_rows, ruled_pdf, run

ITEMS = plan_rows(10, seed=11)
FILLS = ["#FF0000", "#FFC000", "#00B050", "#0070C0", "#DEEAF6"]   # red, amber, green, BRAG blue, pale blue
WANT = ["red", "amber", "green", "green", None]


def test_status_cells_shaded_without_words_give_their_colour_and_blue_is_complete():
    rows = [[f"{i + 1}. {it.action}", "", f"Update for {it.lead}: reviewed in {it.date}."] for i, it in enumerate(ITEMS)]
    fills = {(i, 1): FILLS[i % len(FILLS)] for i in range(len(ITEMS))}
    doc, got = run(ruled_pdf(["Action", "Status", "Update"], rows, col_widths=[360, 80, 320], fills=fills,
                             intro="University of Exampleton Technician Commitment progress report 2024"),
                   "brag-fills.pdf")
    assert [r["action_text"] for r in got] == [it.action for it in ITEMS]
    assert [r["rag_status"] for r in got] == [WANT[i % len(WANT)] for i in range(len(ITEMS))]
    names = [status_words(r["rag_evidence"]) for r in got]
    assert names == [("red", "amber", "green", "blue", None)[i % 5] for i in range(len(ITEMS))]
    cfg = load_config().fates
    done = [says_completed(completion_note(ActionRef(r["row_id"], r["action_text"], status=n, progress=r["progress"])), cfg)
            for r, n in zip(got, names)]
    assert done == [i % 5 == 3 for i in range(len(ITEMS))]
