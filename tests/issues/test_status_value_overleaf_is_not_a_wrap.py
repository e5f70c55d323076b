"""A progress report's row without an id, first on a page, was merged into the last row of the
page before (found on a blind link pair's report: "External award nominations" and the next
row "Teaching duties reflected in technical grades" became one row, so one row lost its own
status and progress and could not be attached to its plan action).

Why: the status column is narrow, so its one-word value "Green" fills the line, and "Red"
overleaf read as the word carried over from a full line (a wrap); with the empty id cell
that reached the continuation score. A column of values (its texts repeat: Green, Amber,
Red) holds whole values, so a value of it overleaf is a cell of its own. The PDF is drawn
here (reportlab) the way the report was printed, and fails without the fix.
"""
from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from extract import pdf_to_document
from normalise import interpret_document

W, H = landscape(A4)
FONT = "Helvetica"


def _rows(c, xs: list[float], top: float, rows: list[tuple[list[list[str]], float]]) -> float:
    c.setLineWidth(0.7)
    y = top
    for cells, height in rows:
        for j, cell in enumerate(cells):
            c.line(xs[j], y, xs[j + 1], y)
            c.setFont(FONT, 10)
            for k, t in enumerate(cell):
                c.drawString(xs[j] + 4, y - 12 - 12 * k, t)
        for x in xs:
            c.line(x, y, x, y - height)
        y -= height
    c.line(xs[0], y, xs[-1], y)
    return y


@pytest.fixture(scope="module")
def report_rows() -> list:
    # the status column just fits "Green": "Green Red" would not have fitted on its line
    status = pdfmetrics.stringWidth("Green", FONT, 10) + 10
    assert pdfmetrics.stringWidth("Green Red", FONT, 10) + 8 > status
    xs = [40, 90, 330, 330 + status, 760]
    header = ([["Ref"], ["Action"], ["RAG"], ["Progress so far"]], 20)
    statuses = ["Green", "Amber", "Green", "Red", "Amber", "Green", "Amber", "Green", "Green", "Amber", "Green"]
    body = [([[f"R1.{n}"], [f"Action number {n} of the plan"], [s], [f"Update on action {n}."]], 36)
            for n, s in enumerate(statuses, 1)]
    body.append(([["R2.3"], ["External award nominations"], ["Green"],
                  ["Three nominations in 2022; one was shortlisted."]], 36))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), invariant=1)
    c.setFont(FONT, 12)
    c.drawString(40, H - 50, "Dunmere College Technician Commitment progress report 2023")
    bottom = _rows(c, xs, H - 70, [header] + body)
    assert bottom < 80, "the last row must end at the page foot"
    c.showPage()
    _rows(c, xs, H - 40, [header,
                          ([[], ["Teaching duties reflected in technical grades"], ["Red"],
                            ["Not begun. Human Resources will start next year."]], 36),
                          ([["R2.5"], ["Thank-you letters from the Deans"], ["Green"], ["Sent in July."]], 36)])
    c.showPage()
    c.save()
    return interpret_document(pdf_to_document(buf.getvalue(), "status-overleaf.pdf")).actions


def test_row_without_id_first_overleaf_stays_a_row_of_its_own(report_rows):
    texts = [a.action_text for a in report_rows]
    assert "External award nominations" in texts
    assert "Teaching duties reflected in technical grades" in texts
    assert len(report_rows) == 14


def test_each_row_keeps_its_own_status(report_rows):
    by_text = {a.action_text: a for a in report_rows}
    assert by_text["External award nominations"].rag_status == "green"
    assert by_text["Teaching duties reflected in technical grades"].rag_status == "red"
