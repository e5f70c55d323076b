"""Blind Word plan (tests/blind/20261206-2, lochbrae): every action takes two table rows, its
cells ('Ref | Action | Pillar'), then one cell merged across the table holding its fields as
'Label: value' pairs ('Success measure: ... / Responsible: ... / By: ...'). The merged row was
read as a full-width SECTION row and became the section of the NEXT action; owner, timeframe
and success measure were empty on all 20 rows. A lone cell across the table that opens with
a label, whose labels recur under (most) every row, is the fields of the row above it: its
values become that row's columns, named by the labels (roles from them as from any header).
A real section row (a pillar heading over several rows, even one printed 'Theme: ...') stays
a section. Drawn with reportlab (labels and separators other than the blind plan's)."""
from __future__ import annotations

from tests.tableplans import plan_rows, run, table_pdf

ROWS = plan_rows(16, seed=5)
MEASURES = [f"{n} staff take part by the review" for n in range(3, 19)]


def _pdf(fields: bool, themes: bool) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph
    style = getSampleStyleSheet()["BodyText"]
    data: list[list] = [["No.", "Action", "Pillar"]]
    styles = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for i, (r, m) in enumerate(zip(ROWS, MEASURES)):
        if themes and i % 4 == 0:
            data.append([Paragraph(f"Theme: {r.pillar} and the people behind it", style), "", ""])
            styles.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
        data.append([r.ref, Paragraph(r.action, style), Paragraph(r.pillar, style)])
        if fields:
            data.append([Paragraph(f"Measure of success: {m}; Lead officer: {r.lead}; Target date: {r.date}",
                                   style), "", ""])
            styles.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
    return table_pdf(data, styles, [40, 360, 110], landscape_page=False)


def test_merged_fields_row_gives_the_row_above_its_fields():
    _, got = run(_pdf(fields=True, themes=False), "two-row.pdf")
    assert [(r["action_id"], r["action_text"]) for r in got] == [(r.ref, r.action) for r in ROWS]
    assert [r["owner"] for r in got] == [r.lead for r in ROWS]
    assert [r["timeframe"] for r in got] == [r.date for r in ROWS]
    assert [r["success_measures"] for r in got] == MEASURES
    assert [r["section"] for r in got if r["section"]] == []


def test_fields_rows_under_real_section_rows():
    _, got = run(_pdf(fields=True, themes=True), "two-row-themes.pdf")
    assert [r["action_id"] for r in got] == [r.ref for r in ROWS]
    assert [r["owner"] for r in got] == [r.lead for r in ROWS]
    assert [r["success_measures"] for r in got] == MEASURES
    assert all(r["section"] and r["section"].startswith("Theme: ") for r in got)
    assert [r["section"] for r in got][4] == f"Theme: {ROWS[4].pillar} and the people behind it"


def test_recurring_labelled_section_rows_stay_sections():
    _, got = run(_pdf(fields=False, themes=True), "themes.pdf")
    assert [r["action_id"] for r in got] == [r.ref for r in ROWS]
    assert [r["section"] for r in got] == [f"Theme: {ROWS[i - i % 4].pillar} and the people behind it"
                                           for i in range(len(ROWS))]
