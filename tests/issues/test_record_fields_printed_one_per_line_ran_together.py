"""Two-row records whose merged fields row prints one field per line ("Lead: HR / OD" over
"By: May 2026", no separator between them) lost their owners and timeframes (zoo family
record_tables: owner 0.34, timeframe 0.56). The row's labels were found only at the cell's
start or after a separator, so "By:" on its own line ran into the owner ("Technical
Managers Group By: Ongoing"), and an owner ending "HR / OD" made "OD By" a label. A label
also opens a field where a line of the cell opens. Drawn with reportlab, one paragraph per
field."""
from __future__ import annotations

from tests.tableplans import plan_rows, run, table_pdf

ROWS = plan_rows(12, seed=11)
LEADS = [f"{r.lead} / OD" if i % 3 == 0 else r.lead for i, r in enumerate(ROWS)]
MEASURES = [f"{n} staff take part by the review" for n in range(3, 15)]


def _pdf() -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph
    style = getSampleStyleSheet()["BodyText"]
    data: list[list] = [["Ref", "What we will do"]]
    styles = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for r, lead, m in zip(ROWS, LEADS, MEASURES):
        data.append([r.ref, Paragraph(r.action, style)])
        data.append([[Paragraph(f"Indicator: {m}", style), Paragraph(f"Accountable: {lead}", style),
                      Paragraph(f"By: {r.date}", style)], ""])
        styles.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
    return table_pdf(data, styles, [50, 440], landscape_page=False)


def test_each_field_on_its_own_line_is_its_own_field():
    _, got = run(_pdf(), "records-one-field-per-line.pdf")
    assert [(r["action_id"], r["action_text"]) for r in got] == [(r.ref, r.action) for r in ROWS]
    assert [r["owner"] for r in got] == LEADS
    assert [r["timeframe"] for r in got] == [r.date for r in ROWS]
    assert [r["success_measures"] for r in got] == MEASURES
