"""Blind round 8 (pennard, timeframe 0.00, precision 0.88): a workbook wider than its page,
printed by Calc/Excel page by page "down, then over": the first pages hold every row's left
columns (Ref | Action | Lead), the next ones the same rows' right-hand columns (Deadline |
Status | Comments) beside the Ref column repeated as a print title. The right-hand pages were
warned about ("its rows carry action ids but no column holds the actions") and dropped: no row
had its timeframe, status or comments. They are the table's continuation to the right
(normalise/spill.py): joined to its rows by key, or, with no key column printed, by the rows'
heights on the matching pages. And the group rows printed in the body's cells ("A" | "Strand A
– Visibility" | empty) were read as actions with no id (one glued overleaf onto the row above):
a short code with no digit over the ids it opens is a group heading, a section row as a row
across the table is (ruled.keyed_group_heading).

The workbook here is drawn in the test (openpyxl, printed by soffice as Calc prints it), with
other wording and other columns than the blind file's: Ref | Action | Owner on the left pages,
Due | RAG | Update on the right, three pages deep; printed down then over, over then down (the
pages alternate), and down then over with no print-title column (rows paired by height)."""
from __future__ import annotations

import random
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.tableplans import LEADS, OBJECTS, VERBS, run

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")

THEMES = [("K", "Theme K – Visibility of technical work", "V"), ("L", "Theme L – Recognition and reward", "R"),
          ("M", "Theme M – Career development", "CD"), ("N", "Theme N – Sustainability of the workforce", "S")]
DUE = ["By July 2027", "Termly", "Spring 2028", "Each academic year", "Dec 2026", "Before the 2028 audit"]
RAG = ["Green", "Amber", "Red"]
UPDATES = ["Paper to go to the Estates Board.", "", "Pilot running in two faculties.", "Budget line agreed.",
           "Waiting on the new HR system."]


def _rows(seed: int = 8) -> list[dict]:
    rnd = random.Random(seed)
    out = []
    for code, title, pillar in THEMES:
        for k in range(12):
            out.append(dict(ref=f"{code}{k + 1}", section=title, pillar=pillar,
                            action=f"{rnd.choice(VERBS)} {rnd.choice(OBJECTS)} for theme {code.lower()}, item {k + 1}",
                            owner=rnd.choice(LEADS), due=rnd.choice(DUE), rag=rnd.choice(RAG),
                            update=rnd.choice(UPDATES)))
    return out


ROWS = _rows()


def _xlsx_pdf(tmp: Path, order: str, title_column: bool) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "Harrowgate Institute of Technology: Technician Commitment Delivery Plan 2026-2029"
    ws["A1"].font = Font(name="Liberation Sans", size=13, bold=True)
    side = Side(style="thin", color="000000")
    box = Border(left=side, right=side, top=side, bottom=side)
    heads = ["Ref", "Action", "Owner", "Due", "RAG", "Update"]
    for c, (h, w) in enumerate(zip(heads, [7, 56, 26, 18, 9, 40]), 1):
        cell = ws.cell(row=3, column=c, value=h)
        cell.font = Font(name="Liberation Sans", size=10, bold=True)
        cell.border = box
        ws.column_dimensions[chr(64 + c)].width = w
    r = 4
    for code, title, _ in THEMES:
        ws.cell(row=r, column=1, value=code)
        ws.cell(row=r, column=2, value=title)
        for c in range(1, 7):
            cell = ws.cell(row=r, column=c)
            cell.border, cell.font = box, Font(name="Liberation Sans", size=10, bold=True)
            cell.fill = PatternFill("solid", fgColor="E2EFDA")
        r += 1
        for row in (x for x in ROWS if x["section"] == title):
            for c, v in enumerate([row["ref"], row["action"], row["owner"], row["due"], row["rag"], row["update"]], 1):
                cell = ws.cell(row=r, column=c, value=v or None)
                cell.font = Font(name="Liberation Sans", size=10)
                cell.border = box
                cell.alignment = Alignment(vertical="top", wrap_text=True)
            ws.row_dimensions[r].height = 30
            r += 1
    ws.print_title_rows = "3:3"
    if title_column:
        ws.print_title_cols = "A:A"
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.pageOrder = order
    ws.page_margins.left = ws.page_margins.right = 0.5
    src = tmp / "plan.xlsx"
    wb.save(src)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp / 'profile'}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp), str(src)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=240)
    return (tmp / "plan.pdf").read_bytes()


VARIANTS = {"down-then-over": ("downThenOver", True), "over-then-down": ("overThenDown", True),
            "down-then-over-no-title-column": ("downThenOver", False)}


@pytest.fixture(scope="module", params=list(VARIANTS))
def got(request):
    with tempfile.TemporaryDirectory() as d:
        data = _xlsx_pdf(Path(d), *VARIANTS[request.param])
    return run(data, "harrowgate.pdf")


def test_every_row_once_with_its_own_fields(got):
    doc, rows = got
    assert doc["page_count"] >= 6           # three pages deep, two wide
    assert [r["action_id"] for r in rows] == [x["ref"] for x in ROWS]
    assert [r["action_text"] for r in rows] == [x["action"] for x in ROWS]
    assert [r["owner"] for r in rows] == [x["owner"] for x in ROWS]


def test_right_hand_pages_joined_to_their_rows(got):
    doc, rows = got
    assert [r["timeframe"] for r in rows] == [x["due"] for x in ROWS]
    assert [r["rag_status"] for r in rows] == [x["rag"].lower() for x in ROWS]
    assert [r["progress"] or r["comments"] for r in rows] == [x["update"] or None for x in ROWS]
    assert doc["status"] == "success", doc["warnings"]
    assert not [w for w in doc["warnings"] if "could not be read" in w]


def test_group_rows_are_sections_not_actions(got):
    _, rows = got
    assert [r["section"] for r in rows] == [x["section"] for x in ROWS]
    assert [r["pillars_document"] for r in rows] == [[x["pillar"]] for x in ROWS]


def _two_page_sets_pdf(extra_key: str) -> bytes:
    """Reportlab: page 1 Ref | Action | Lead, page 2 Ref | Due | Status of the same rows, and
    one more key on page 2 than on page 1."""
    import io

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from reportlab.lib.styles import getSampleStyleSheet
    style = getSampleStyleSheet()["BodyText"]
    left = [["Ref", "Action", "Lead"]] + [[x["ref"], Paragraph(x["action"], style), x["owner"]] for x in ROWS[:8]]
    right = [["Ref", "Due", "Status"]] + [[x["ref"], x["due"], x["rag"]] for x in ROWS[:8]] + \
        [[extra_key, "Spring 2028", "Green"]]
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(
        [Paragraph("Harrowgate Institute of Technology: Technician Commitment Delivery Plan 2026-2029", style),
         Spacer(1, 12), Table(left, colWidths=[40, 300, 150], rowHeights=[18] + [40] * 8, style=grid), PageBreak(),
         Spacer(1, 30), Table(right, colWidths=[40, 150, 80], rowHeights=[18] + [40] * 9, style=grid)])
    return buf.getvalue()


def test_a_key_overleaf_with_no_row_stays_out_with_a_warning():
    doc, rows = run(_two_page_sets_pdf("K99"), "harrowgate-short.pdf")
    assert [r["action_id"] for r in rows] == [x["ref"] for x in ROWS[:8]]          # no action made for K99
    assert [r["timeframe"] for r in rows] == [x["due"] for x in ROWS[:8]]
    assert [i["code"] for i in doc["issues"] if i["code"] == "spilled_key_unmatched"] == ["spilled_key_unmatched"]
    assert any("K99" in w for w in doc["warnings"])
    assert doc["status"] == "partial"
