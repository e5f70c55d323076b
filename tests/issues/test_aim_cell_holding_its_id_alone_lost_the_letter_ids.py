"""An aim cell holding its id alone ("A3", the aim stated nowhere) over actions lettered "a)"
gave the action id "a" where the plan means "A3.a" (zoo zebra_tables, web_table and
progress_report ids 0.96-0.98: every aim with one action and no text): only an id followed by a
separator and the aim's words was read as the aim's id. A bare id is the aim's id too."""
from __future__ import annotations

from tests.tableplans import plan_rows, run, table_pdf

ROWS = plan_rows(6, seed=23)
# (aim cell, [(letter, row)]): A1 and A3 print their id alone, A2 its id and words
GROUPS = [("A1", ["a"]), ("A2: Make technical expertise easy to find", ["a", "b"]), ("A3", ["a"]),
          ("A4: Grow careers", ["a", "b"])]


def _pdf() -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph
    style = getSampleStyleSheet()["BodyText"]
    data: list[list] = [["Objective", "Action", "Lead"]]
    k = 0
    for aim, letters in GROUPS:
        for letter in letters:
            r = ROWS[k]
            k += 1
            data.append([Paragraph(aim, style), Paragraph(f"{letter}) {r.action}", style), r.lead])
    styles = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    return table_pdf(data, styles, [200, 330, 150])


def test_a_bare_aim_id_prefixes_its_actions_letters():
    _, got = run(_pdf(), "bare-aim-ids.pdf")
    want = [f"{aim.split(':')[0]}.{letter}" for aim, letters in GROUPS for letter in letters]
    assert [r["action_id"] for r in got] == want
    assert [r["parent_id"] for r in got] == [w.split(".")[0] for w in want]
