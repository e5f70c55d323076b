"""Issue #10 (unruled zoo family): a whitespace table without row keys ("Steps we will take |
Evidence | Led by | Key area") gave one row for a whole page, or 0 of 22 rows. Three
mechanisms, each general:
- rows open where the line pitch grows: the gap between two rows can be smaller than a
  line's height (the old rule) while the step from one line to the next is still clearly
  larger than inside a cell (extract/strategies/unruled.py, unruled.row_step_ratio);
- the first line of a page has no gap above it: it opens a row when it opens a sentence and
  the row above ended one (or the line's other cells open too), else it continues the row;
- a column of pillar names under a header the alias list maps to a text role ("Key area" ->
  aim) is the pillar column: the content contradicts the header (normalise/roles.py).
A reportlab table with no rules, as a word processor prints a borderless table."""
from __future__ import annotations

import io

import pytest

from tests.tableplans import LEADS, PILLAR_CODES, PILLARS, plan_rows, run

ROWS = plan_rows(40, seed=31)
NOTE = "Progress is reported to the steering group each term with evidence from departments."


def _pillars(i: int) -> list[str]:
    return [PILLARS[i % 4], PILLARS[(i + 1) % 4]] if i % 3 == 0 else [PILLARS[i % 4]]


def _pdf() -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    style = getSampleStyleSheet()["BodyText"]
    head = [Paragraph(f"<b>{h}</b>", style) for h in ["Steps we will take", "Evidence", "Led by", "Key area"]]
    data = [head]
    for i, r in enumerate(ROWS):
        area = " ".join(f"{p} ({PILLAR_CODES[p]}{1 + i % 3})" for p in _pillars(i))
        data.append([Paragraph(r.action + (" " + NOTE if i % 2 else ""), style),
                     Paragraph(NOTE if i % 3 else "", style), Paragraph(LEADS[i % len(LEADS)], style),
                     Paragraph(area, style)])
    table = Table(data, colWidths=[300, 200, 120, 120], repeatRows=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=landscape(A4), invariant=1).build(
        [Paragraph("Northbridge University Technician Commitment Action Plan 2025-2028", style), Spacer(1, 12), table])
    return buf.getvalue()


@pytest.fixture(scope="module")
def plan():
    return run(_pdf(), "unruled-no-keys.pdf")


def test_every_row_is_read_across_the_pages(plan):
    doc, got = plan
    assert max(r["page_end"] for r in got) >= 2
    assert [r["action_text"] for r in got] == [r.action + (" " + NOTE if i % 2 else "") for i, r in enumerate(ROWS)], \
        doc["warnings"]
    assert [r["owner"] for r in got] == [LEADS[i % len(LEADS)] for i in range(len(ROWS))]


def test_key_area_column_gives_the_pillars(plan):
    _, got = plan
    assert [sorted(r["pillars_document"]) for r in got] == \
        [sorted(PILLAR_CODES[p] for p in _pillars(i)) for i in range(len(ROWS))]
