"""Issue #10 point 3: a plan that lists its actions in an overview table and again in a
detailed table gave every action twice. Each action must come out once, from the richer
(detailed) table, with the overview's fields merged in, and the notes must say so."""
from __future__ import annotations

from tests.tableplans import plan_rows, ruled_pdf, run

ROWS = plan_rows(12, seed=5)


def _two_tables(overview_words: int | None) -> bytes:
    """An overview (No. | Action, the text cut to its first words or whole) then the detail."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    import io
    style = getSampleStyleSheet()["BodyText"]
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])

    def cut(text: str) -> str:
        return " ".join(text.split()[:overview_words]) if overview_words else text
    overview = Table([["No.", "Action"]] + [[r.ref, Paragraph(cut(r.action), style)] for r in ROWS],
                     colWidths=[50, 500])
    detail = Table([["Ref", "Action", "Lead", "Target date", "Pillar"]] +
                   [[r.ref] + [Paragraph(c, style) for c in (r.action, r.lead, r.date, r.pillar)] for r in ROWS],
                   colWidths=[40, 330, 150, 100, 100], repeatRows=1)
    overview.setStyle(grid)
    detail.setStyle(grid)
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=landscape(A4), invariant=1).build(
        [Paragraph("Exampleton University Technician Commitment Action Plan 2025-2028", style), Spacer(1, 12),
         Paragraph("Summary of actions", style), overview, PageBreak(), Paragraph("Actions in detail", style), detail])
    return buf.getvalue()


def test_overview_with_the_same_texts_gives_each_action_once():
    doc, got = run(_two_tables(None), "overview-same.pdf")
    assert [r["action_text"] for r in got] == [r.action for r in ROWS]
    assert [r["owner"] for r in got] == [r.lead for r in ROWS]     # from the detailed table


def test_overview_with_shortened_texts_is_merged_into_the_detail():
    doc, got = run(_two_tables(6), "overview-short.pdf")
    assert [r["action_text"] for r in got] == [r.action for r in ROWS]
    assert [(r["owner"], r["timeframe"]) for r in got] == [(r.lead, r.date) for r in ROWS]
    assert {r["page_start"] for r in got} == {2}                    # where the detail is printed
    assert any(i["code"] == "duplicates_merged" and "12 action(s)" in i["message"] for i in doc["issues"]), \
        doc["notes"]


def test_different_actions_in_two_tables_are_both_kept():
    """Two tables of different actions without ids whose texts differ only in a number or
    a place: not duplicates."""
    rows = plan_rows(8, seed=21)
    first = [["", r.action, r.lead, r.date, r.pillar] for r in rows[:4]]
    second = [["", r.action, r.lead, r.date, r.pillar] for r in rows[:4]]
    second = [[c.replace(" in area ", " in area 1") if i == 1 else c for i, c in enumerate(row)] for row in second]
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    import io
    style = getSampleStyleSheet()["BodyText"]
    story = [Paragraph("Exampleton University Technician Commitment Action Plan 2025-2028", style)]
    for title, body in (("Visibility", first), ("Recognition", second)):
        t = Table([["", "Action", "Lead", "Target date", "Pillar"]] + [[Paragraph(c, style) for c in r] for r in body],
                  colWidths=[30, 330, 150, 100, 100])
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        story += [Spacer(1, 12), Paragraph(title, getSampleStyleSheet()["Heading2"]), t]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=landscape(A4), invariant=1).build(story)
    doc, got = run(buf.getvalue(), "two-tables.pdf")
    assert [r["action_text"] for r in got] == [r[1] for r in first + second]
    assert not any(i["code"] == "duplicates_merged" for i in doc["issues"])
