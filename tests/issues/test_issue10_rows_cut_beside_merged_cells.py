"""Issue #10 item 6 (word fidelity): words of an action lost where the page break cuts a row,
found in the zoo's per-row diffs (per-pillar-tables-012, progress-report-005/-010,
unruled-002; zoo2 per-pillar-tables-000, progress-report-004, narrative-004). Each PDF is
drawn here (reportlab) the way those were printed, and fails without its fix:

- a row cut by the page break beside cells merged down over several rows (objective, due
  date, aim): the writer closed every cell at the foot, so the rest of the row, and the rest
  of each merged cell, printed at the top of the next page was a row of its own ("process
  by ensuring access ...", "year in August.");
- an id cut by its narrow column: "CD1." at the foot and "1" overleaf (or on the next line
  of an unruled table) opened a row of its own;
- a row cut where the ids are printed in the action column beside an empty first column;
- a font that declares no descent: pdfium's boxes stop at the baseline except under "g",
  "p", "y", so a wrapped heading line without descenders stood further from the next one
  than a paragraph gap, and "illustrated informative leaflet." became a block of its own.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from extract import pdf_to_document
from extract.pdf import open_pdf, read_page
from normalise import interpret_document

W, H = landscape(A4)
FONT = "Helvetica"


def _rule(c, x0: float, y: float, x1: float) -> None:
    c.line(x0, y, x1, y)


def _text(c, x: float, top: float, lines: list[str]) -> None:
    c.setFont(FONT, 10)
    for k, t in enumerate(lines):
        c.drawString(x + 4, top - 12 - 12 * k, t)


def _rows(c, xs: list[float], top: float, rows: list[tuple[list[list[str] | None], float]],
          foot: bool = True) -> float:
    """Rows of cells (None: the slot under a cell merged down from the row above: no rule
    between them in that column); every column rule drawn; the last row closed when `foot`."""
    c.setLineWidth(0.7)
    y = top
    for k, (cells, height) in enumerate(rows):
        for j, cell in enumerate(cells):
            if cell is not None:
                _rule(c, xs[j], y, xs[j + 1])
                _text(c, xs[j], y, cell)
        for x in xs:
            c.line(x, y, x, y - height)
        y -= height
    if foot:
        _rule(c, xs[0], y, xs[-1])
    return y


HEADER = ([["Target outcome"], ["Due by"], ["Task"], ["Aim / objective"]], 20)


def _task_width(line: str, next_word: str) -> float:
    """A Task column the line just fills: the next word would not have fitted on it."""
    w = pdfmetrics.stringWidth(line, FONT, 10) + 8
    assert pdfmetrics.stringWidth(line + " " + next_word, FONT, 10) + 8 > w + 2
    return w + 2


@pytest.fixture(scope="module")
def merged_cut() -> list:
    task = _task_width("2.2 - Support staff with the application", "process")
    xs = [40, 190, 290, 290 + task, 290 + task + 180]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), invariant=1)
    c.setFont(FONT, 12)
    c.drawString(40, H - 50, "Glenharrow University Technician Commitment Action Plan 2023-2026")
    body = [([["Directory live"], ["By March 2024"], [f"1.{n} - Publish a directory of technical", "staff and their skills"],
              ["Make expertise easy to find"]], 40) for n in range(1, 11)]
    body += [([["Technical staff are aware of", "registration opportunities when"], ["Ongoing. Funding", "confirmed for each"],
               ["2.1 - Provide information on the", "registration options"], ["Continue to raise awareness", "of registration and to"]], 40),
             ([None, None, ["2.2 - Support staff with the application"], None], 24)]
    bottom = _rows(c, xs, H - 70, [HEADER] + body)
    assert bottom < 80, "the cut row must reach the page foot"
    c.showPage()
    # page 2: the header repeated, then the rest of the cut row and of the merged cells
    _rows(c, xs, H - 40, [HEADER,
                          ([["surveyed."], ["financial year."], ["process by ensuring access to", "writing sessions."],
                            ["support those who pursue it."]], 40),
                          ([None, None, ["2.3 - Consider funding the first", "year of registration."], None], 40),
                          ([["Pathway maps published"], ["By end of 2024"], ["3.1 - Map the technical job", "families"],
                            ["Offer clear career pathways"]], 40)])
    c.showPage()
    c.save()
    return interpret_document(pdf_to_document(buf.getvalue(), "merged-cut.pdf")).actions


def test_row_cut_beside_merged_cells_keeps_its_words(merged_cut):
    texts = [a.action_text for a in merged_cut]
    assert "Support staff with the application process by ensuring access to writing sessions." in texts
    assert not any(t.startswith(("process", "surveyed", "financial")) for t in texts)
    assert len(merged_cut) == 14


def test_merged_cells_continued_overleaf_reach_every_row_they_span(merged_cut):
    by_id = {a.action_id: a for a in merged_cut}
    for ref in ("2.1", "2.2", "2.3"):
        assert by_id[ref].timeframe == "Ongoing. Funding confirmed for each financial year."


def _id_cut_pdf(key_in_text: bool) -> bytes:
    """Ids in a narrow first column ("CD1." / "1" across the break), or printed at the start
    of the action text beside an empty first column."""
    xs = [40, 72, 400, 560] if not key_in_text else [40, 60, 400, 560]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), invariant=1)
    c.setFont(FONT, 12)
    c.drawString(40, H - 50, "Dunmere College Technician Commitment Action Plan 2021-2024")

    def row(ref: str, text: list[str], lead: str, h: float = 40):
        if key_in_text:
            return ([[], [f"{ref} - {text[0]}"] + text[1:], [lead]], h)
        return ([[ref], text, [lead]], h)
    header = ([["No."] if not key_in_text else [], ["Action"], ["Lead"]], 20)
    body = [row(f"V1.{n}", ["Publish a directory of technical staff", "and their skills"], "HR") for n in range(1, 12)]
    if key_in_text:
        body.append(([[], ["CD1.1 - To continue the termly meetings of"], ["Action owner:"]], 24))
    else:
        body.append(([["CD1."], ["To continue the termly meetings of"], ["Action owner:"]], 24))
    bottom = _rows(c, xs, H - 70, [header] + body)
    assert bottom < 80
    c.showPage()
    cont = ([[] if key_in_text else ["1"], ["the technician working group."], ["TCWG Chair"]], 24)
    _rows(c, xs, H - 40, [header, cont, row("CD1.2", ["Review the group's terms of reference"], "TC Lead"),
                          row("CD1.3", ["Report progress to the steering group"], "TC Lead")])
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("key_in_text", [False, True], ids=["id-cut-in-its-column", "ids-in-action-column"])
def test_row_cut_at_its_id_is_one_row(key_in_text):
    actions = interpret_document(pdf_to_document(_id_cut_pdf(key_in_text), "id-cut.pdf")).actions
    texts = [a.action_text for a in actions]
    assert "To continue the termly meetings of the technician working group." in texts
    assert not any(t.startswith("the technician") for t in texts)
    cut = next(a for a in actions if a.action_text.startswith("To continue"))
    assert cut.action_id == "CD1.1"
    assert cut.owner == "Action owner: TCWG Chair"


def test_unruled_id_wrapped_in_its_column_opens_no_row():
    """An unruled table whose id column is too narrow for "CD1.1": "CD1." then "1"."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont(FONT, 12)
    c.drawString(50, 800, "Dunmere College Technician Commitment Action Plan 2021-2024")
    xs = (50, 140, 360)          # Lead | Action | Ref
    c.setFont("Helvetica-Bold", 10)
    for x, h in zip(xs, ("Lead", "Action", "Ref")):
        c.drawString(x, 760, h)
    c.setFont(FONT, 10)
    y = 740
    rows = [("HR", ["Publish a directory of technical staff"], ["V1.1"]),
            ("Comms", ["Celebrate technicians in the staff", "newsletter every term"], ["V1.2"]),
            ("HoDs", ["Ensure technical staff are eligible to", "request funds for staff training"], ["CD1.", "1"]),
            ("", ["Line managers of technical staff to", "discuss training in appraisals"], ["CD1.", "2"]),
            ("HR", ["Review the job description templates"], ["S1.1"]),
            ("TC Lead", ["Report progress to the steering group"], ["S1.2"])]
    for lead, text, ref in rows:
        c.drawString(xs[0], y, lead)
        for k, t in enumerate(text):
            c.drawString(xs[1], y - 12 * k, t)
        for k, t in enumerate(ref):
            c.drawString(xs[2], y - 12 * k, t)
        y -= 12 * max(len(text), len(ref)) + 14
    c.showPage()
    c.save()
    actions = interpret_document(pdf_to_document(buf.getvalue(), "unruled-ids.pdf")).actions
    assert [(a.action_id, a.action_text) for a in actions] == [
        ("V1.1", "Publish a directory of technical staff"),
        ("V1.2", "Celebrate technicians in the staff newsletter every term"),
        ("CD1.1", "Ensure technical staff are eligible to request funds for staff training"),
        ("CD1.2", "Line managers of technical staff to discuss training in appraisals"),
        ("S1.1", "Review the job description templates"),
        ("S1.2", "Report progress to the steering group")]


CALADEA_BOLD = Path("/usr/share/fonts/truetype/crosextra/Caladea-Bold.ttf")
CALADEA = Path("/usr/share/fonts/truetype/crosextra/Caladea-Regular.ttf")


@pytest.fixture(scope="module")
def no_descent_pdf() -> bytes:
    """Action blocks whose headings wrap, set in fonts declaring a descent of 0 (as
    LibreOffice's font subsets do)."""
    if not (CALADEA.exists() and CALADEA_BOLD.exists()):
        pytest.skip("Caladea (fonts-crosextra-caladea) is not installed")
    for name, path in (("CaladeaNoDescent", CALADEA), ("CaladeaBoldNoDescent", CALADEA_BOLD)):
        font = TTFont(name, str(path))
        font.face.descent = 0
        pdfmetrics.registerFont(font)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("CaladeaBoldNoDescent", 14)
    c.drawString(50, 800, "Calder Vale University Technician Commitment Action Plan 2024-2028")
    y = 760
    heads = [("Action 1: Integrate apprenticeship opportunities to support career", "progression"),
             ("Action 2: Publish the Technician Commitment Action Plan on the website and", "illustrated informative leaflet."),
             ("Action 3: Produce a guidance document for the technical career pathways", None),
             ("Action 4: Hold an annual technician conference with external speakers", None)]
    for first, second in heads:
        c.setFont("CaladeaBoldNoDescent", 12)
        c.drawString(50, y, first)
        if second:
            y -= 17.5           # the wrapped line, at a heading's line pitch (1.45 x size)
            c.drawString(50, y, second)
        c.setFont("CaladeaNoDescent", 10)
        c.drawString(50, y - 18, "Indicator: Staff feedback shows an awareness of the Technician Commitment.")
        c.drawString(50, y - 33, "Lead: Technical Managers")
        c.drawString(50, y - 48, "Timing: By July 2026")
        y -= 80
    c.showPage()
    c.save()
    return buf.getvalue()


def test_line_boxes_do_not_depend_on_descenders(no_descent_pdf):
    lines = read_page(open_pdf(no_descent_pdf), 0).lines
    # "... website and" has no descender; "... career" neither; "... pathways" has "p" and "y"
    heights = {round(l.bbox.bottom - l.bbox.top, 1) for l in lines if l.size == 12}
    assert max(heights) - min(heights) < 0.5, heights


def test_wrapped_heading_without_descenders_stays_one_block(no_descent_pdf):
    actions = interpret_document(pdf_to_document(no_descent_pdf, "no-descent.pdf")).actions
    assert [a.action_text for a in actions] == [
        "Integrate apprenticeship opportunities to support career progression",
        "Publish the Technician Commitment Action Plan on the website and illustrated informative leaflet.",
        "Produce a guidance document for the technical career pathways",
        "Hold an annual technician conference with external speakers"]
