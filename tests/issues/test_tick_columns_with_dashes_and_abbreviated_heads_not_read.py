"""Pillar tick columns headed "Vis | Rec | CD | Sus", ticked "Y" and left "-" where unticked,
were not read as the plan's tags (zoo family tick_columns: pillars F1 0.70 on such variants):
a dash is a filled cell, so the column held more than marks, and "Vis" named no pillar.
An unticked cell may hold a dash (tag_patterns.yaml tick_blanks), and a short head that
begins a word of exactly one pillar's names ("Vis", "Sus.") names that pillar. Drawn with
reportlab."""
from __future__ import annotations

from tests.tableplans import PILLAR_CODES, plan_rows, run, table_pdf

ROWS = plan_rows(10, seed=7)
HEADS = ["Vis", "Rec", "CD", "Sus"]
CODES = ["V", "R", "CD", "S"]
# each row ticks its own pillar and, every third row, Sustainability too
TICKS = [{PILLAR_CODES[r.pillar]} | ({"S"} if i % 3 == 0 else set()) for i, r in enumerate(ROWS)]


def _pdf() -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph
    style = getSampleStyleSheet()["BodyText"]
    data: list[list] = [["Code", "Task", "Date for completion"] + HEADS]
    for r, ticks in zip(ROWS, TICKS):
        data.append([r.ref, Paragraph(r.action, style), r.date] + ["Y" if c in ticks else "-" for c in CODES])
    styles = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    return table_pdf(data, styles, [40, 380, 110, 40, 40, 40, 40])


def test_ticked_columns_are_the_rows_pillars():
    _, got = run(_pdf(), "tick-dashes.pdf")
    assert [r["action_text"] for r in got] == [r.action for r in ROWS]
    assert [set(r["pillars_document"]) for r in got] == TICKS
    assert all(r["pillars_source"] == "document" for r in got)
    assert not any(r["extra_fields"] for r in got)
