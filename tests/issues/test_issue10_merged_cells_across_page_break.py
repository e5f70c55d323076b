"""Issue #10 point 2: a cell merged down several rows (objective, owner, date) gives its
value to every row it spans, also after a page break where its text printed only on the
earlier page. A Word table (python-docx, vertical merges) printed by LibreOffice."""
from __future__ import annotations

import pytest

from tests.tableplans import docx_pdf, plan_rows, run

ROWS = plan_rows(30, seed=8)
GROUPS = [(0, 12, "Raise the profile of technicians across the University", "Head of Technical Services"),
          (12, 30, "Build clear career routes for every technical role", "HR Business Partner")]


def _plan(doc):
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm
    sec = doc.sections[0]
    sec.orientation, sec.page_width, sec.page_height = WD_ORIENT.LANDSCAPE, sec.page_height, sec.page_width
    doc.add_paragraph("University of Exampleton Technician Commitment Action Plan 2025-2028")
    for _ in range(12):   # introduction, so the second group's merge crosses the page break
        doc.add_paragraph("This plan sets out what the University will do for its technical staff. " * 3)
    t = doc.add_table(rows=1 + len(ROWS), cols=5)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ["Objective", "Ref", "Action", "Owner", "Target date"]):
        c.text = h
    for i, r in enumerate(ROWS, start=1):
        t.cell(i, 1).text = r.ref
        t.cell(i, 2).text = r.action + " " + "It is reported to the steering group each term." * (i % 3)
        t.cell(i, 4).text = r.date
    for start, end, objective, owner in GROUPS:
        top = t.cell(start + 1, 0).merge(t.cell(end, 0))
        top.text = objective
        own = t.cell(start + 1, 3).merge(t.cell(end, 3))
        own.text = owner
    for row in t.rows:
        for w, c in zip((Cm(5), Cm(1.5), Cm(11), Cm(4), Cm(3)), row.cells):
            c.width = w


@pytest.fixture(scope="module")
def merged():
    return run(docx_pdf(_plan), "merged.docx.pdf")


def test_every_row_is_read(merged):
    doc, got = merged
    assert [r["action_text"].split(" It is")[0] for r in got] == [r.action for r in ROWS]


def test_merged_values_reach_every_row_they_span_across_the_page_break(merged):
    doc, got = merged
    want = [(objective, owner) for start, end, objective, owner in GROUPS for _ in range(start, end)]
    assert [(r["aim"], r["owner"]) for r in got] == want
    assert max(r["page_end"] for r in got) > min(r["page_start"] for r in got)   # the table crosses pages
    assert any(i["code"] == "spanned_cells" for i in doc["issues"])
