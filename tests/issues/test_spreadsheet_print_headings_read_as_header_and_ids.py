"""Blind round 10 (lowmoor, id 0/21, precision 0.78): a workbook printed by Calc with "print
headings" on, column letters A B C ... across the top and row numbers 1 2 3 ... down the left
in the sheet's own heading cells. The letters were taken for the table's header and the row
numbers for the ids, so the real header (printed again on page 2 as a print title) and the
group rows were read as actions, the Ref / measure / TALENT columns went to extra fields, and
the title got its row number glued on ("1 Lowmoor University ...").

A first row of consecutive column letters (A, B, C, ... one per column) over a first column of
increasing row numbers is the sheet's print headings (extract/print_headings.py): dropped
from the page before anything reads it, so neither text nor rulings of theirs reach a table,
a title or an id. Decided by the sequences, not by the words.

The workbook here is drawn in the test (openpyxl, printed by soffice as Calc prints it) with
other wording and other columns than the blind file's: a title and a note over the header
(No. | Action | Responsible | Deadline | Evidence), group rows "Theme K – ..." over their
actions, two pages with the header repeated as a print title; with and without gridlines."""
from __future__ import annotations

import random
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.tableplans import LEADS, OBJECTS, VERBS, run

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")

TITLE = "Ashby Vale College: Technician Commitment Delivery Plan 2025 to 2028"
THEMES = [("Theme K – Visibility of technical work", "V"), ("Theme L – Recognition and reward", "R"),
          ("Theme M – Career development", "CD")]
DUE = ["By July 2027", "Termly", "Spring 2028", "Each academic year", "Dec 2026"]
EVIDENCE = ["Minutes of the Estates Board", "Survey results published", "Budget line agreed", "Web page live"]


def _rows(seed: int = 10) -> list[dict]:
    rnd = random.Random(seed)
    out = []
    for t, (theme, pillar) in enumerate(THEMES, 1):
        for k in range(9):
            out.append(dict(ref=f"{t}.{k + 1}", theme=theme, pillar=pillar, owner=rnd.choice(LEADS),
                            action=f"{rnd.choice(VERBS)} {rnd.choice(OBJECTS)} for group {t}, step {k + 1}",
                            due=rnd.choice(DUE), evidence=rnd.choice(EVIDENCE)))
    return out


ROWS = _rows()


def _xlsx_pdf(tmp: Path, grid: bool) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    wb = Workbook()
    ws = wb.active
    ws.title = "Delivery"
    font = lambda **k: Font(name="Liberation Sans", size=k.pop("size", 10), **k)
    ws["A1"] = TITLE
    ws["A1"].font = font(size=13, bold=True)
    ws["A2"] = "Agreed by the Technical Staff Forum in March 2025; reviewed every term."
    heads = ["No.", "Action", "Responsible", "Deadline", "Evidence"]
    for c, (h, w) in enumerate(zip(heads, [6, 48, 22, 15, 22]), 1):
        cell = ws.cell(row=4, column=c, value=h)
        cell.font = font(bold=True)
        cell.fill = PatternFill("solid", fgColor="FCE4D6")
        ws.column_dimensions[chr(64 + c)].width = w
    r = 5
    for theme, _ in THEMES:
        ws.cell(row=r, column=1, value=theme).font = font(bold=True)
        r += 1
        for row in (x for x in ROWS if x["theme"] == theme):
            for c, v in enumerate([row["ref"], row["action"], row["owner"], row["due"], row["evidence"]], 1):
                cell = ws.cell(row=r, column=c, value=v)
                cell.font = font()
                cell.alignment = Alignment(vertical="top", wrap_text=True)
            ws.row_dimensions[r].height = 28
            r += 1
    ws.print_title_rows = "4:4"
    ws.print_options.headings = True
    ws.print_options.gridLines = grid
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    src = tmp / "plan.xlsx"
    wb.save(src)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp / 'profile'}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp), str(src)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=240)
    return (tmp / "plan.pdf").read_bytes()


@pytest.fixture(scope="module", params=["gridlines", "no-gridlines"])
def got(request):
    with tempfile.TemporaryDirectory() as d:
        data = _xlsx_pdf(Path(d), request.param == "gridlines")
    return run(data, "ashby-vale.pdf")


def test_ids_are_the_printed_refs_not_row_numbers(got):
    doc, rows = got
    assert doc["page_count"] >= 2
    assert [r["action_id"] for r in rows] == [x["ref"] for x in ROWS]
    assert [r["action_text"] for r in rows] == [x["action"] for x in ROWS]


def test_the_real_header_names_the_columns(got):
    doc, rows = got
    assert [r["owner"] for r in rows] == [x["owner"] for x in ROWS]
    assert [r["timeframe"] for r in rows] == [x["due"] for x in ROWS]
    assert [r["success_measures"] for r in rows] == [x["evidence"] for x in ROWS]
    assert not [w for w in doc["warnings"] if "unknown column headers" in w], doc["warnings"]


def test_group_rows_are_sections(got):
    _, rows = got
    assert [r["section"] for r in rows] == [x["theme"] for x in ROWS]


def test_title_without_a_row_number(got):
    doc, _ = got
    assert doc["plan_title"] and not doc["plan_title"][:1].isdigit(), doc["plan_title"]


def test_column_letters_count_on_in_the_spreadsheets_order():
    from extract.print_headings import column_number
    assert [column_number(x) for x in ("A", "B", "Z", "AA", "AB", "AZ", "BA")] == [1, 2, 26, 27, 28, 52, 53]
