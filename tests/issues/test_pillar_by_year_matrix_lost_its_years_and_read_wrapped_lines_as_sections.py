"""Blind round 5 (wexcombe, a web page printed by Chromium): the plan is a matrix, the pillars
as column headers, the years as row labels in the first column, each cell a bullet list of
the actions for that pillar in that year, the lead in brackets at the end ("... website
(Marketing)"). The cells are boxes of their own with space between them (CSS
border-spacing), the bullets discs drawn beside the text. All 17 actions were read, but as
list items: the year labels were lost (timeframe empty), the wrapped second line of a bullet
was taken for a section heading (the text cut, the sections junk), the bracketed lead stayed
in the text (no owner), one text was doubled where a short line of one box sat between two
lines of the box beside it, and the pillars came from the model, not from the column header.

Now: boxes in full rows and columns, close together, under a header row of short one-line
boxes are a table (extract ruled.spaced_cell_grids); a bullet drawn beside a line in a cell
opens an item (ruled.drawn_bullets); a grid whose column headers each name a pillar and whose
row labels each read as a time (or the reverse) is a matrix: each cell's items are actions
under the pillar, with the time (normalise/matrix.py); a closing bracket that reads like an
office is the owner where most actions have one (rows.bracketed_leads).

Two plans drawn here with reportlab, invented wording: (1) boxes with space between them,
filled, bullets drawn as discs, pillars across and "Year 1" / "Year 2" down, a lead in
brackets on most actions; (2) a plain ruled table, pillars down the first column and "Phase
1" .. "Phase 3" across, bullets printed as glyphs, a bracket on one action only (left in its
text: one bracket is no repeated shape)."""
from __future__ import annotations

import io
from xml.sax.saxutils import escape

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph

from tests.tableplans import run, table_pdf

PILLARS = ["Visibility", "Recognition", "Career Development", "Sustainability"]
CODES = {"Visibility": "V", "Recognition": "R", "Career Development": "CD", "Sustainability": "S"}

# (1) pillars across, years down: {year: {pillar: [(action, lead or None)]}}
SPACED = {
    "Year 1": {
        "Visibility": [("Put up a board naming the staff of each teaching workshop", "Estates Office"),
                       ("Film a short tour of the main analytical laboratory", None)],
        "Recognition": [("Add a line for technical staff to every research grant report", "Research Office")],
        "Career Development": [("Ask every technician which courses they want next year", "Learning Team")],
        "Sustainability": [("List the instruments that only one person knows how to run", "Heads of Facilities"),
                           ("Write down how each of those instruments is started", None)],
    },
    "Year 2": {
        "Visibility": [("Hold an open afternoon in the workshops for the whole campus", "Events Team")],
        "Recognition": [("Give a yearly prize to a technical team chosen by its users", "HR")],
        "Career Development": [("Pay the registration fees of technicians joining a professional body", "HR"),
                               ("Start a reading group on new laboratory methods", None)],
        "Sustainability": [("Train a second person on each instrument named in the first year", "Heads of Facilities")],
    },
}
# (2) pillars down, phases across: {pillar: {phase: [text]}}
RULED = {
    "Visibility": {"Phase 1": ["Name the technical lead on each booking page"],
                   "Phase 2": ["Profile one technical team each month in the staff news"],
                   "Phase 3": ["Invite local schools to a day in the workshops"]},
    "Recognition": {"Phase 1": ["Add technical staff to the list of people thanked in theses"],
                    "Phase 2": ["Open the staff awards to technical teams (Awards Panel)",
                                "Record technical work in the annual review of each school"],
                    "Phase 3": []},
    "Career Development": {"Phase 1": ["Set up mentoring pairs across departments"],
                           "Phase 2": [],
                           "Phase 3": ["Publish a route from apprentice to technical manager"]},
    "Sustainability": {"Phase 1": [], "Phase 2": ["Recruit two apprentices in the engineering workshops"],
                       "Phase 3": ["Review cover for every single-person role"]},
}


def _spaced_pdf() -> bytes:
    """Boxes with 5 points between them, as a browser prints a table with border-spacing."""
    W, H = landscape(A4)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), invariant=1)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(40, H - 50, "Lanford University")
    c.setFont("Helvetica", 12)
    c.drawString(40, H - 70, "Technician Commitment Action Plan 2026-2028: two years at a glance")
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=9, leading=11)
    head = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=10, leading=12)
    gap, label_w, col_w = 5, 80, 175
    xs = [40, 40 + label_w + gap] + [40 + label_w + gap + k * (col_w + gap) for k in range(1, 4)]
    widths = [label_w] + [col_w] * 4
    top = H - 95

    def box(x, y_top, w, h, fill):
        c.setFillColor(colors.HexColor(fill))
        c.roundRect(x, y_top - h, w, h, 5, stroke=0, fill=1)

    def write(text, style, x, y_top, w):
        p = Paragraph(text, style)
        _, ph = p.wrap(w, 400)
        p.drawOn(c, x, y_top - ph)
        return ph
    for k, (x, w) in enumerate(zip(xs, widths)):
        box(x, top, w, 24, "#A2D9CE" if k == 0 else "#0E6251")
        c.setFillColor(colors.black)
        write(escape("Year" if k == 0 else PILLARS[k - 1]), head, x + 8, top - 6, w - 16)
    y = top - 24 - gap
    row_h = 100
    for year, cells in SPACED.items():
        box(xs[0], y, widths[0], row_h, "#A2D9CE")
        c.setFillColor(colors.black)
        write(year, head, xs[0] + 8, y - 40, widths[0] - 16)
        for k, pillar in enumerate(PILLARS, start=1):
            box(xs[k], y, widths[k], row_h, "#E8F6F3")
            at = y - 7
            for action, lead in cells[pillar]:
                c.setFillColor(colors.black)
                c.circle(xs[k] + 10, at - 6.5, 1.5, stroke=0, fill=1)
                text = escape(action) + (f" <i>({escape(lead)})</i>" if lead else "")
                at -= write(text, body, xs[k] + 17, at, widths[k] - 25) + 4
        y -= row_h + gap
    c.setFont("Helvetica", 8)
    c.setFillColor(colors.black)
    c.drawString(40, y - 10, "Agreed by the Technician Commitment steering group.")
    c.save()
    return buf.getvalue()


def _ruled_pdf() -> bytes:
    style = ParagraphStyle("b", fontName="Helvetica", fontSize=9, leading=11)
    phases = ["Phase 1", "Phase 2", "Phase 3"]
    data = [["Pillar"] + phases]
    for pillar, cells in RULED.items():
        data.append([pillar] + [Paragraph("<br/>".join(f"\u2022 {escape(t)}" for t in cells[ph]), style)
                                for ph in phases])
    styles = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    return table_pdf(data, styles, [120, 200, 200, 200],
                     intro="Hatherley College Technician Commitment Action Plan 2025-2028 by phase")


@pytest.fixture(scope="module")
def spaced():
    return run(_spaced_pdf(), "lanford-matrix.pdf")


@pytest.fixture(scope="module")
def ruled():
    return run(_ruled_pdf(), "hatherley-phases.pdf")


def test_each_bullet_of_a_spaced_matrix_is_an_action_with_its_year_pillar_and_lead(spaced):
    doc, got = spaced
    want = [(a, lead, year, pillar, [CODES[pillar]]) for year, cells in SPACED.items() for pillar in PILLARS
            for a, lead in cells[pillar]]
    assert [(r["action_text"], r["owner"], r["timeframe"], r["section"], r["pillars"]) for r in got] == want, \
        doc["warnings"]
    assert {r["pillars_source"] for r in got} == {"document"}


def test_a_ruled_matrix_with_pillars_down_and_phases_across(ruled):
    doc, got = ruled
    want = [(t, ph, pillar, [CODES[pillar]]) for pillar, cells in RULED.items() for ph, texts in cells.items()
            for t in texts]
    assert [(r["action_text"], r["timeframe"], r["section"], r["pillars"]) for r in got] == want, doc["warnings"]


def test_one_bracket_is_no_repeated_shape_so_it_stays_in_the_text(ruled):
    _, got = ruled
    assert not [r["owner"] for r in got if r["owner"]]
