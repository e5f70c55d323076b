"""Blind round 5 (tests/blind/20261207, ashcombe-university): a Word table whose rows each
hold a nested Milestone | Date table in one cell, run over two pages without its header
printed again. The nested tables are grids of their own, drawn lower on the page than the
table around them, so that table was never "last on its page" and its second page was never
stitched to it: page 2 became a table of its own, its first row (2.4, right under the page
break) taken for that table's header and lost, and its columns mapped afresh (the milestone
tables read as the timeframe on page 2, set aside as a field on page 1).

A grid nested in a cell is now part of the row that holds it: never first or last on a page,
never a continuation, so the table around it is stitched across the break as any other (the
first row overleaf kept, its columns mapped as on page 1). A cell that holds a nested table
is marked, and a column of such cells takes no shaped role (date, id, status): its dates are
its own table's. With the header repeated overleaf, the repeated header is still dropped.
Made as Ashcombe was: python-docx (a table added inside a cell, rows kept whole over the break,
short milestone texts so the first row overleaf reads like a header row), printed by LibreOffice."""
from __future__ import annotations

from dataclasses import replace

import pytest

from tests.tableplans import docx_pdf, plan_rows, run

# ids of the plan's strands ("2.4"), as Ashcombe numbers them
ROWS = [replace(r, ref=f"{i // 4 + 1}.{i % 4 + 1}") for i, r in enumerate(plan_rows(16, seed=5))]
MILESTONES = ["Terms agreed", "Pilot run", "Reviewed", "Reported"]
MONTHS = ["Jan", "Mar", "May", "Jul", "Sep", "Nov"]
HEADER = ["Ref", "Action", "Milestones", "Responsible", "Complete by"]


def _build(repeat_header: bool):
    def build(doc) -> None:
        from docx.oxml import OxmlElement
        from docx.shared import Cm
        doc.add_paragraph("University of Exampleton Technician Commitment Action Plan 2025-2028")
        t = doc.add_table(rows=1 + len(ROWS), cols=5)
        t.style = "Table Grid"
        for j, name in enumerate(HEADER):
            t.rows[0].cells[j].text = name
        if repeat_header:
            t.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for i, r in enumerate(ROWS):
            t.rows[i + 1]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))   # page breaks fall between rows
            cells = t.rows[i + 1].cells
            cells[0].text, cells[1].text, cells[3].text, cells[4].text = r.ref, r.action, r.lead, r.date
            cells[2].text = ""
            steps = [(MILESTONES[(i + k) % 4], f"{MONTHS[(i + k) % 6]} {2025 + (i + k) % 3}") for k in range(2 + i % 2)]
            sub = cells[2].add_table(rows=1 + len(steps), cols=2)
            sub.style = "Table Grid"
            sub.rows[0].cells[0].text, sub.rows[0].cells[1].text = "Milestone", "Date"
            for k, (text, date) in enumerate(steps, 1):
                sub.rows[k].cells[0].text, sub.rows[k].cells[1].text = text, date
            sub.autofit = False
            sub.columns[0].width, sub.columns[1].width = Cm(3.9), Cm(1.7)
            for rw in sub.rows:
                rw.cells[0].width, rw.cells[1].width = Cm(3.9), Cm(1.7)
        t.autofit = False
        for j, w in enumerate([1.1, 5.6, 6.0, 3.3, 2.0]):
            t.columns[j].width = Cm(w)
            for rw in t.rows:
                rw.cells[j].width = Cm(w)
    return build


@pytest.mark.parametrize("repeat_header", [False, True], ids=["header-not-repeated", "header-repeated"])
def test_table_with_nested_tables_stitched_across_the_page_break(repeat_header):
    doc, got = run(docx_pdf(_build(repeat_header)), "nested-milestones.pdf")
    pages = {r["page_start"] for r in got}
    assert {1, 2} <= pages, pages                       # the table runs over the break
    # every row, the first one overleaf too (no row taken for a header, none lost)
    assert [(r["action_id"], r["action_text"], r["owner"]) for r in got] == \
        [(r.ref, r.action, r.lead) for r in ROWS]
    # the columns mapped as on page 1 on every page: the due date is the timeframe, the
    # milestone tables a field of their own
    assert [r["timeframe"] for r in got] == [r.date for r in ROWS]
    assert all([f["header"] for f in r["extra_fields"]] == ["Milestones"] for r in got), \
        [(r["action_id"], r["extra_fields"]) for r in got if [f["header"] for f in r["extra_fields"]] != ["Milestones"]]
