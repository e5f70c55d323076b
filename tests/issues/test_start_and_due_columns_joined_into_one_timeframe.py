"""A tracker with a Start and a Due column gave every action the two dates joined ("Sep-25
Mar-26") as its timeframe, and the due date parsed from whichever came first (blind round 3,
thornbury spreadsheet: timeframe 0.65). Of two date columns, the one headed as the start
(header_aliases.yaml start_words) is kept as a field of its own; the other is when the action
is due. A single date column headed "Start" stays the timeframe. Drawn with reportlab."""
from __future__ import annotations

from tests.tableplans import plan_rows, run, table_pdf

ROWS = plan_rows(8, seed=17)
STARTS = ["Sep-25", "Oct-25", "Jan-26", "Sep-25", "Apr-26", "Sep-25", "Nov-25", "Feb-26"]
DUES = ["Mar-26", "Jun-26", "Ongoing", "Dec-26", "Jul-27", "Mar-26", "Sep-26", "Mar-28"]


def _pdf(heads: list[str], with_due: bool) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph
    style = getSampleStyleSheet()["BodyText"]
    data: list[list] = [heads]
    for r, a, b in zip(ROWS, STARTS, DUES):
        data.append([r.ref, Paragraph(r.action, style), r.lead, a] + ([b] if with_due else []))
    styles = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    return table_pdf(data, styles, [40, 330, 150, 70] + ([70] if with_due else []))


def test_the_due_column_is_the_timeframe_and_the_start_a_field():
    doc, got = run(_pdf(["Ref", "Action", "Owner", "Start", "Due"], True), "start-due.pdf")
    assert [r["action_text"] for r in got] == [r.action for r in ROWS]
    assert [r["timeframe"] for r in got] == DUES
    assert [[(f["header"], f["text"]) for f in r["extra_fields"]] for r in got] == [[("Start", s)] for s in STARTS]
    assert not doc["unknown_headers"]


def test_a_lone_start_column_stays_the_timeframe():
    _, got = run(_pdf(["Ref", "Action", "Owner", "Start"], False), "start-only.pdf")
    assert [r["timeframe"] for r in got] == STARTS
