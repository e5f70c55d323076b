"""Issue #10 (unruled zoo family: 2 of 20 and 4 of 16 rows): a whitespace table
"Sponsor | What we plan to do | Priority area | Evidence" numbers its actions at the start
of the second column's paragraphs ("3 – Finalise ...", "4 Publish ...", "5 - Encourage
..."), several under one sponsor and priority. The key column was looked for only in the
first column (or as a column of short ids), so the rows were cut where the sponsor changed
and 3, 4 and 5 came out as one action. Now a later column whose paragraphs mostly open with
a row key is the key column (extract/strategies/unruled.py _paragraph_openers), and a keyed
row with nothing but its key and text takes the sponsor, priority and evidence of the row
above (as a cell merged down over sub-rows does in a ruled table)."""
from __future__ import annotations

import io
import re

import pytest

from tests.tableplans import LEADS, plan_rows, run

ITEMS = plan_rows(24, seed=41)
AIMS = ["Credit technical contributions to research outputs", "Make grade boundaries consistent",
        "Give technical staff a voice in decisions", "Share good practice between institutions",
        "Grow the next generation of technicians", "Recognise excellence in technical work",
        "Plan the technical workforce", "Support professional registration", "Develop line managers",
        "Fund training grants"]
GROUPS: list[list[int]] = []
_i = 0
for _k in range(len(AIMS)):
    _n = 1 + _k % 3
    if _i < len(ITEMS):
        GROUPS.append(list(range(_i, min(_i + _n, len(ITEMS)))))
    _i += _n


def _pdf(dotted: bool) -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    style = getSampleStyleSheet()["BodyText"]
    spaced = ParagraphStyle("spaced", parent=style, spaceBefore=0 if dotted else 6)
    data = [[Paragraph(f"<b>{h}</b>", style) for h in ["Sponsor", "What we plan to do", "Priority area", "Evidence"]]]
    for k, g in enumerate(GROUPS):
        marks = [f"{k + 1}.{j + 1} -" if dotted else f"{i + 1} {'–' if i % 2 else ''}".strip()
                 for j, i in enumerate(g)]
        data.append([Paragraph(LEADS[k % len(LEADS)], style),
                     [Paragraph(f"{m} {ITEMS[i].action}", spaced) for m, i in zip(marks, g)],
                     Paragraph(AIMS[k], style), Paragraph("Reported each term" if k % 2 else "", style)])
    table = Table(data, colWidths=[130, 300, 170, 150], repeatRows=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=landscape(A4), invariant=1).build(
        [Paragraph("Eastgate University Technician Commitment Action Plan 2024-2027", style), Spacer(1, 12), table])
    return buf.getvalue()


@pytest.fixture(scope="module")
def numbered():
    return run(_pdf(dotted=False), "unruled-numbered.pdf")


def _want_texts():
    return [ITEMS[i].action for g in GROUPS for i in g]


def test_every_numbered_paragraph_is_a_row_with_its_sponsor_and_aim(numbered):
    doc, got = numbered
    # the printed number stays in the text (the scorer and readers strip it)
    assert [re.sub(r"^\d+\s*–?\s*", "", r["action_text"]) for r in got] == _want_texts(), doc["warnings"]
    want = [(LEADS[k % len(LEADS)], AIMS[k]) for k, g in enumerate(GROUPS) for _ in g]
    assert [(r["owner"], r["aim"]) for r in got] == want

