"""Blind round 3 (thornbury tracker: timeframe 0.09, pillars 0.57, aim/comments/progress lost):
a spreadsheet printed by LibreOffice Calc with borders on some of its columns only. Its rows
are ruled across the bordered columns alone, so each unbordered column of a page printed as
one tall cell beside them (every row took all of the page's values: each row's dates were
every date on the page, its objective every objective), and a column past the last bordered one
printed as no cell at all (its text lost). Rows run across the whole table: the unbordered
areas are cut at the rows' rules and at the header's column rules when their text is a
value per row (ruled.unbordered_cells); a cell merged over rows keeps its value for each.

The workbook here is drawn in the test (openpyxl, printed by soffice as Calc prints it), with
invented rows, other columns bordered than the blind file's, and Excel's default bottom
alignment (the blind file set its text at the top)."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.tableplans import PILLARS, plan_rows, run

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")

ROWS = plan_rows(24, seed=11)
AIMS = dict(zip(PILLARS, ["Let staff and students see what technicians do", "Thank technicians for their work",
                          "Open routes to progress for every technician", "Plan the workforce we will need"]))
NOTES = ["Waiting for the budget round.", "", "Two departments signed up so far; more to follow next term.",
         "Draft shared with the steering group."]
START = ["Sep-25", "Jan-26", "Apr-26"]


def _xlsx_pdf(tmp: Path) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "University of Exampleton Technician Commitment Action Plan 2025-2028"
    ws["A1"].font = Font(name="Arial", size=12, bold=True)
    heads = ["No.", "Action", "Objective", "Lead", "Start", "Target date", "Status", "Notes"]
    widths = [5, 32, 18, 16, 7, 9, 7, 24]
    side = Side(style="thin", color="000000")
    box = Border(left=side, right=side, top=side, bottom=side)
    for c, (h, w) in enumerate(zip(heads, widths), 1):
        cell = ws.cell(row=3, column=c, value=h)
        cell.font = Font(name="Arial", size=9, bold=True)
        cell.border = box
        ws.column_dimensions[chr(64 + c)].width = w
    for i, it in enumerate(ROWS):
        r = 4 + i
        vals = [f"A{i + 1}", it.action, AIMS[it.pillar], it.lead, START[i % 3], it.date,
                ["Green", "Amber", "Red"][i % 3], NOTES[i % 4]]
        for c, v in enumerate(vals, 1):
            cell = ws.cell(row=r, column=c, value=v)
            cell.font = Font(name="Arial", size=9)
            cell.alignment = Alignment(wrap_text=True)      # Excel's default: set at the bottom
            if c in (1, 2, 7):                              # borders on No., Action and Status only
                cell.border = box
        ws.row_dimensions[r].height = 36
    ws.print_title_rows = "3:3"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    src = tmp / "tracker.xlsx"
    wb.save(src)
    profile = tmp / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp), str(src)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=240)
    return (tmp / "tracker.pdf").read_bytes()


@pytest.fixture(scope="module")
def got():
    with tempfile.TemporaryDirectory() as d:
        data = _xlsx_pdf(Path(d))
    return run(data, "tracker.pdf")


def test_every_row_read(got):
    doc, rows = got
    assert rows[-1]["page_end"] >= 2        # the table runs over a page break
    assert [r["action_id"] for r in rows] == [f"A{i + 1}" for i in range(len(ROWS))]
    assert [r["action_text"] for r in rows] == [it.action for it in ROWS]


def test_unbordered_columns_give_each_row_its_own_value(got):
    _, rows = got
    assert [r["owner"] for r in rows] == [it.lead for it in ROWS]
    assert [r["aim"] for r in rows] == [AIMS[it.pillar] for it in ROWS]
    for i, (r, it) in enumerate(zip(rows, ROWS)):
        # each row's own dates (the Start column is kept as a field beside the due date: roles step 5)
        assert r["timeframe"] == it.date
        assert [(f["header"], f["text"]) for f in r["extra_fields"] if f["header"] == "Start"] == [("Start", START[i % 3])]


def test_a_column_past_the_last_border_is_read(got):
    doc, rows = got
    notes = [r["comments"] or r["progress"] or dict((e["header"], e["text"]) for e in r["extra_fields"] or []).get("Notes")
             for r in rows]
    assert notes == [NOTES[i % 4] or None for i in range(len(ROWS))]
