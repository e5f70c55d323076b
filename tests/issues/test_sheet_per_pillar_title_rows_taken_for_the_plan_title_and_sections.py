"""Blind round 6 (kingsreach workbook): a workbook printed a sheet per pillar, each sheet's
merged title row repeating the plan's title with the sheet's name ("Kingsreach University –
Technician Commitment Action Plan 2025–2027 – Visibility"). The first sheet's title row was
taken for the plan's title, suffix and all, and its rows had no section (rows above the
header are a table's title), so they lost their pillar; on the later sheets the section was
the whole title row. Now the repeated title rows are split (normalise/sheets.py): what they
share is the plan's title, the part each has of its own is the section of its sheet's rows.

Drawn here with openpyxl and printed by LibreOffice Calc, other wording than the blind file:
the title row ends in a colon and the sheet's name, the sheets' names not in pillar order."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.tableplans import run

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")

TITLE = "Exampleton College Technician Commitment Plan 2026\u20132029"
SHEETS = {
    "Recognition": [("R1", "Nominate technical teams for the national technician awards every year", "Deputy Principal"),
                    ("R2", "Name the technical staff who ran the experiments in every published paper", "Research Office"),
                    ("R3", "Pay the fees of technicians who register with a professional body", "Finance")],
    "Visibility": [("V1", "Keep a list of every technician and the facility they work in", "HR Systems"),
                   ("V2", "Print a poster of the technical teams for each building entrance", "Marketing")],
    "Career Development": [("C1", "Give every technician a yearly review with a written training plan", "Line managers"),
                           ("C2", "Run a secondment scheme between the college's workshops", "Technical Manager"),
                           ("C3", "Fund two places each year on an accredited management course", "Staff Development")],
}
PILLAR = {"Recognition": "R", "Visibility": "V", "Career Development": "CD"}


def _xlsx_pdf(tmp: Path) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    wb = Workbook()
    wb.remove(wb.active)
    side = Side(style="thin", color="000000")
    box = Border(left=side, right=side, top=side, bottom=side)
    for name, rows in SHEETS.items():
        ws = wb.create_sheet(name)
        ws.merge_cells("A1:D1")
        ws["A1"] = f"{TITLE}: {name}"
        ws["A1"].font = Font(name="Arial", size=12, bold=True)
        ws["A1"].fill = PatternFill("solid", fgColor="DDEBF7")
        ws["A1"].border = box
        for c, h in enumerate(["Ref", "Action", "Owner", "Status"], 1):
            cell = ws.cell(row=2, column=c, value=h)
            cell.font = Font(name="Arial", size=10, bold=True)
            cell.border = box
        for i, (ref, action, owner) in enumerate(rows, 3):
            for c, v in enumerate([ref, action, owner, "Not started"], 1):
                cell = ws.cell(row=i, column=c, value=v)
                cell.font = Font(name="Arial", size=10)
                cell.border = box
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.row_dimensions[i].height = 30
        for col, w in zip("ABCD", [6, 60, 22, 14]):
            ws.column_dimensions[col].width = w
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.oddHeader.center.text = "&A"
    src = tmp / "plan.xlsx"
    wb.save(src)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp / 'profile'}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp), str(src)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=240)
    return (tmp / "plan.pdf").read_bytes()


@pytest.fixture(scope="module")
def got():
    with tempfile.TemporaryDirectory() as d:
        data = _xlsx_pdf(Path(d))
    return run(data, "exampleton-college-tc-plan-2026-2029.pdf")


def test_every_row_read(got):
    _, rows = got
    assert [(r["action_id"], r["action_text"], r["owner"]) for r in rows] == [t for ts in SHEETS.values() for t in ts]


def test_the_sheet_name_is_each_row_s_section_and_pillar(got):
    _, rows = got
    want = [name for name, ts in SHEETS.items() for _ in ts]
    assert [r["section"] for r in rows] == want
    assert [list(r["pillars_document"]) for r in rows] == [[PILLAR[n]] for n in want]


def test_the_plan_title_is_what_the_title_rows_share(got):
    doc, rows = got
    # the institution runs into the title with no separator: kept there (meta.without_institution)
    assert doc["plan_title"] == TITLE
    assert doc["institution"] == "Exampleton College"
