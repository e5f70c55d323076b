"""Blind scan (tests/blind/20261206-3, loxley): a ruled two-column table, 'Commitment area |
Action, lead, timing and measure of success'; each right-hand cell a bold action title over
labelled lines ('Lead: X   Timing: Y', 'Measure of success: Z'), the pillar printed once beside
its actions, the faint rules between the actions lost in the scan. The table was skipped as
"not an action table": 0 of 15 rows. Also the institution "Loxley Institute for Marine
Research" came out cut to "Loxley Institute", and the title's year range kept OCR's em dash.

Mechanisms: a header naming several roles at once heads the column holding them all (the
action with its fields); a cell made of a title and 'Label: value' lines whose labels recur
down the column is the action plus its fields, each title with its fields a row of its own
when one cell holds several (a label printed mid-line, after a gap OCR reads as one space,
counts where it recurs); a name joined to its head by "for" is read whole; a long dash in a
title's year range reads as the range. Drawn with reportlab (labels, wording and names other
than the blind plan's), born digital and scanned (one page, the zoo's scanner model)."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from tests.tableplans import run

# area -> [(title, owner, deadline, measure)]
PLAN = {
    "Visibility": [
        ("Feature a technician in every issue of the staff magazine", "Editorial Team", "Each issue",
         "Ten features a year"),
        ("Name the technical crew in each field campaign report", "Field Operations Lead", "From 2026",
         "Every report names its crew"),
        ("Ask technicians to host visits on the spring open day", "Outreach Manager", "Every April",
         "Half of visits hosted by technicians")],
    "Recognition": [
        ("Pay professional registration fees for technicians who apply", "Technical Services Head", "Ongoing",
         "Ten registrations by 2029"),
        ("Put forward technicians for national awards", "Awards Committee", "Each award round",
         "Two nominations a year")],
    "Sustainability": [
        ("Write succession plans for the workshop and stores teams", "Section Heads", "By June 2027",
         "Plans approved by the Board"),
        ("Take on a paid trainee technician each year", "HR Partner", "Annually from 2026",
         "Three trainees in post")],
}
ROWS = [(area, *a) for area, acts in PLAN.items() for a in acts]
CODES = {"Visibility": "V", "Recognition": "R", "Sustainability": "S"}
HEADER = "Action, owner, deadline and success measure"
INSTITUTION = "Harwick Institute for Coastal Research"


def _story(labelled: bool):
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
    base = getSampleStyleSheet()["BodyText"].clone("b", fontName="Helvetica", fontSize=9.5, leading=12)
    bold = base.clone("t", fontName="Helvetica-Bold", fontSize=10.5, leading=13, spaceBefore=4)
    head = base.clone("h", fontName="Helvetica-Bold", fontSize=15, leading=19)
    data: list[list] = [[Paragraph("<b>Area</b>", base), Paragraph(f"<b>{HEADER}</b>", base)]]
    for area, acts in PLAN.items():
        cell = []
        for title, owner, when, measure in acts:
            if labelled:
                cell += [Paragraph(title, bold),
                         Paragraph(f"<i>Owner:</i> {owner}&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;<i>Deadline:</i> {when}", base),
                         Paragraph(f"<i>Success measure:</i> {measure}", base)]
            else:
                cell.append(Paragraph(title, base))
        data.append([Paragraph(f"<b>{area}</b>", base), cell])
    table = Table(data, colWidths=[110, 380])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [Paragraph(INSTITUTION, base), Paragraph("Technician Commitment Action Plan 2026\u20142029", head),
            Paragraph("Agreed by the Board in May 2026. Each action has a named owner.", base), Spacer(1, 10), table]


def _pdf(labelled: bool = True) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1, leftMargin=50, rightMargin=50, topMargin=50,
                      bottomMargin=50).build(_story(labelled))
    return buf.getvalue()


def _check(doc: dict, got: list[dict], check_title: bool = True) -> None:
    assert len(got) == len(ROWS), [r["action_text"] for r in got]
    for r, (area, title, owner, when, measure) in zip(got, ROWS):
        assert fuzz.ratio(r["action_text"], title) >= 90, (r["action_text"], title)
        assert fuzz.ratio(r["owner"] or "", owner) >= 85, (r["owner"], owner)
        assert fuzz.ratio(r["timeframe"] or "", when) >= 85, (r["timeframe"], when)
        assert fuzz.ratio(r["success_measures"] or "", measure) >= 85, (r["success_measures"], measure)
        assert r["pillars_document"] == [CODES[area]]
    assert doc["institution"] == INSTITUTION
    if check_title:   # (the scanner model smudges this title's dash into another glyph)
        assert doc["plan_title"] == "Technician Commitment Action Plan 2026\u20132029"


def test_action_cells_with_labelled_fields_born_digital():
    doc, got = run(_pdf(), "harwick-plan.pdf")
    _check(doc, got)


def test_header_naming_several_roles_heads_the_action_column():
    # no labels in the cells: the header alone names the column (one row per cell)
    _, got = run(_pdf(labelled=False), "harwick-plain.pdf")
    assert [r["action_text"].split()[0] for r in got] == ["Feature", "Pay", "Write"]


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_action_cells_with_labelled_fields_scanned(tmp_path: Path):
    from tests.generator.zoo.render import degrade
    src, out = tmp_path / "src.pdf", tmp_path / "harwick-scan.pdf"
    src.write_bytes(_pdf())
    degrade(src, out, {"dpi": 200, "tilt": [0.6], "blur": 0.5, "speckle": 0.0005, "jpeg": 40, "grey": 230,
                       "noise": 3.0}, seed=7)
    doc, got = run(out.read_bytes(), out.name)
    assert doc["ocr"]
    _check(doc, got, check_title=False)
