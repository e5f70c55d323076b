"""Blind round 3 (thornbury tracker: R-05, CD-04, S-02 red): a status column whose "Not
started" cells (shaded grey, beside green, amber and red ones) gave rag_status red. Not begun
is no colour: it is not off track. A status phrase that names no colour (models/rag.yaml
status_words.none) gives no rag_status, unless its cell's fill names one (a report whose key
says "Red = not started" shades the cell red); its words stay in rag_evidence, and
status_complete reads them as not complete."""
from __future__ import annotations

from tcpipe.dataset.plans import status_says_complete
from tests.tableplans import plan_rows, ruled_pdf, run

ITEMS = plan_rows(10, seed=23)
# (printed status, fill, rag_status expected)
STATUSES = [("Green", "#92D050", "green"), ("Not started", "#D9D9D9", None), ("Amber", "#FFC000", "amber"),
            ("Not yet started", None, None), ("Not started", "#FF0000", "red")]


def test_not_started_is_no_colour_unless_its_fill_names_one():
    rows = [[f"{i + 1}", it.action, it.lead, STATUSES[i % 5][0]] for i, it in enumerate(ITEMS)]
    fills = {(i, 3): STATUSES[i % 5][1] for i in range(len(ITEMS)) if STATUSES[i % 5][1]}
    _, got = run(ruled_pdf(["No.", "Action", "Lead", "Status"], rows, col_widths=[40, 400, 180, 110], fills=fills),
                 "not-started.pdf")
    assert [r["action_text"] for r in got] == [it.action for it in ITEMS]
    assert [r["rag_status"] for r in got] == [STATUSES[i % 5][2] for i in range(len(ITEMS))]
    assert [r["rag_evidence"] for r in got] == [f"text: {STATUSES[i % 5][0]}" for i in range(len(ITEMS))]
    # a status that is not "complete": status_complete false, never null, for every row
    assert [status_says_complete(r["rag_evidence"]) for r in got] == [False] * len(ITEMS)
