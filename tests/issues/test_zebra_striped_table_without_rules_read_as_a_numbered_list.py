"""Blind plan 2026-12-06-2 (carrick-moor): a table with no rulings, its rows told apart only by
alternate shaded bands, was read as a numbered list: each item was a whole row read line by
line across the columns (the measure, the owner and the date ran into the action text; owner
and timeframe empty), and the header repeated overleaf became a section.

Two things hid the columns. Layout detection looked for whitespace columns only outside the
area the page's rules span, and the outlines of the shaded bands counted as rules, so the
whole table was "ruled" (and the ruled strategy found no grid in it): the outlines of filled
rectangles are no drawn rules now. And the header's first label, "No.", ended with a full
stop and was taken for a sentence: one short word closed by a full stop is an abbreviated
label (models/extract.yaml unruled.label_abbreviation_max_chars).
A reportlab table with ROWBACKGROUNDS and no grid, over two pages, the header repeated."""
from __future__ import annotations

import io

import pytest

from tests.tableplans import DATES, LEADS, plan_rows, run

ITEMS = plan_rows(22, seed=2061)
SECTIONS = ["Visibility", "Recognition", "Career Development"]
MEASURES = ["Report to the steering group each term", "Uptake recorded; survey of staff views",
            "At least ten members of staff take part", "Published on the intranet"]
RAG = ["Green", "Amber", "New"]
TAIL = " so that technical staff across every faculty are included and their views are heard"


def _action(i: int) -> str:
    return ITEMS[i].action.rstrip(".") + TAIL + "."


def _key(i: int) -> str:
    return f"{SECTIONS[i * len(SECTIONS) // len(ITEMS)][0]}{i + 1}"


def _pdf() -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    style = getSampleStyleSheet()["BodyText"]
    header = ["No.", "Action", "Measure of success", "Responsible", "Target date", "RAG"]
    data = [[Paragraph(f"<b>{h}</b>", style) for h in header]]
    section, spans = None, []
    for i in range(len(ITEMS)):
        s = SECTIONS[i * len(SECTIONS) // len(ITEMS)]
        if s != section:
            section = s
            data.append([Paragraph(f"<b>{s}</b>", style)] + [""] * 5)
            spans.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
        data.append([Paragraph(_key(i), style), Paragraph(_action(i), style),
                     Paragraph(MEASURES[i % len(MEASURES)], style), Paragraph(LEADS[i % len(LEADS)], style),
                     Paragraph(DATES[i % len(DATES)], style), Paragraph(RAG[i % len(RAG)], style)])
    table = Table(data, colWidths=[34, 180, 110, 90, 62, 44], repeatRows=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#eef1f5")])] + spans))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(
        [Paragraph("Dunmore University Technician Commitment Action Plan 2025-2027", style), Spacer(1, 12), table])
    return buf.getvalue()


@pytest.fixture(scope="module")
def plan():
    return run(_pdf(), "zebra-unruled.pdf")


def test_each_row_keeps_its_cells_apart(plan):
    doc, got = plan
    assert doc["page_count"] >= 2
    assert [r["action_text"] for r in got] == [_action(i) for i in range(len(ITEMS))], doc["warnings"]
    assert [(r["owner"], r["timeframe"]) for r in got] == \
        [(LEADS[i % len(LEADS)], DATES[i % len(DATES)]) for i in range(len(ITEMS))]


def test_the_header_overleaf_is_no_section(plan):
    _, got = plan
    assert [r["section"] for r in got] == [SECTIONS[i * len(SECTIONS) // len(ITEMS)] for i in range(len(ITEMS))]
