"""Issue 10 item 5 (scans that real scanners produce): on a scan, tesseract reads a list's
bullet "•" as a letter ("e Continue to support ...", "¢ Create ..."), so no line opened a list
item and a plan of bulleted actions gave 0 rows; it gives no font either, so a bold pillar
heading or section row of an unruled table read as body text and cut the table short; a
spaced en dash after an id ("V1.3 – To ...") came back as an em dash and "S1.1" as "$1.1",
so the ids no longer opened rows. The OCR layer now restores bullets (a solid blob first on
a line), marks bold from the stroke width, and maps the dash and "$" (models/extract.yaml,
ocr). Each scan here is a reportlab page degraded by the zoo's scanner model (tilt, blur,
grey paper, noise, speckle, JPEG); one page each, to keep `make test` short."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from rapidfuzz import fuzz
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from extract import pdf_to_document
from normalise import interpret_document
from tests.generator.zoo.render import degrade

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")

BODY = getSampleStyleSheet()["BodyText"].clone("body", fontName="Times-Roman", fontSize=10, leading=12)
BOLD = BODY.clone("bold", fontName="Times-Bold")
HEAD = BODY.clone("head", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=8)

LIST_ITEMS = {
    "Recognition": ["Publish a short profile of a technician in the monthly staff bulletin",
                    "Nominate technical staff for the national technician awards each spring",
                    "Add technical staff to the author lists of the papers they contributed to"],
    "Career development": ["Fund professional registration fees for every technician who applies",
                           "Introduce a mentoring scheme pairing new and senior technical staff",
                           "Map the skills held by technical teams across all faculties"],
}

TABLE_SECTIONS = {
    "Visibility - Make the work of technical staff seen across the institution.": [
        ("V1.1", "Publish a short profile of a technician in the monthly staff bulletin", "Comms Lead", "Monthly"),
        ("V1.2", "Create a shared calendar of open laboratory days for local schools", "Outreach Officer",
         "September 2026")],
    "Sustainability - Keep technical skills in the institution for the future.": [
        ("S1.1", "Fund professional registration fees for every technician who applies", "HR Partner",
         "By July 2027"),
        ("S1.2", "Map the skills held by technical teams across all faculties", "Workforce Lead", "December 2026")],
}

SCANNER = {"dpi": 200, "tilt": [1.3, -1.1], "blur": 0.6, "speckle": 0.0008, "jpeg": 35, "grey": 228, "noise": 4.0}


def _scan(story: list, tmp: Path, name: str, pagesize=A4) -> bytes:
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=pagesize, invariant=1, title="Technician Commitment Action Plan 2026-2028",
                      leftMargin=50, rightMargin=50, topMargin=50, bottomMargin=50).build(story)
    src, out = tmp / f"{name}-src.pdf", tmp / f"{name}.pdf"
    src.write_bytes(buf.getvalue())
    degrade(src, out, SCANNER, seed=11)
    return out.read_bytes()


@pytest.fixture(scope="module")
def bulleted(tmp_path_factory):
    story = [Paragraph("University of Exampleton Technician Commitment Action Plan 2026-2028", HEAD),
             Paragraph("This plan sets out what we will do over the next two years.", BODY)]
    for heading, items in LIST_ITEMS.items():
        story += [Paragraph(heading, HEAD)]
        story += [Paragraph(item, BODY, bulletText="•") for item in items]
    data = _scan(story, tmp_path_factory.mktemp("scan"), "bulleted")
    doc = pdf_to_document(data, "exampleton-bullets-scan.pdf")
    return doc, interpret_document(doc).actions


def test_scanned_bullets_open_list_items(bulleted):
    doc, actions = bulleted
    assert doc.ocr
    expected = [t for items in LIST_ITEMS.values() for t in items]
    texts = [a.action_text for a in actions]
    assert len(texts) == len(expected), texts
    for got, want in zip(texts, expected):
        assert fuzz.ratio(got, want) >= 90, (got, want)


@pytest.fixture(scope="module")
def unruled(tmp_path_factory):
    rows = [[Paragraph(h, BOLD) for h in ("Initiative", "Lead", "Target date")]]
    spans = []
    for section, items in TABLE_SECTIONS.items():
        spans.append(len(rows))
        rows.append([Paragraph(section, BOLD), "", ""])
        rows += [[Paragraph(f"{key} – {text}", BODY), Paragraph(lead, BODY), Paragraph(when, BODY)]
                 for key, text, lead, when in items]
    table = Table(rows, colWidths=[420, 150, 150])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]
                              + [("SPAN", (0, r), (-1, r)) for r in spans]))
    story = [Paragraph("University of Exampleton Technician Commitment Action Plan 2026-2028", HEAD),
             Spacer(1, 8), table]
    data = _scan(story, tmp_path_factory.mktemp("scan"), "unruled", landscape(A4))
    doc = pdf_to_document(data, "exampleton-unruled-scan.pdf")
    return doc, interpret_document(doc).actions


def test_scanned_unruled_table_keeps_bold_sections_and_ids(unruled):
    doc, actions = unruled
    assert doc.ocr
    expected = [r for items in TABLE_SECTIONS.values() for r in items]
    assert [a.action_id for a in actions] == [k for k, *_ in expected], [(a.action_id, a.action_text) for a in actions]
    for a, (_, text, lead, when) in zip(actions, expected):
        assert fuzz.ratio(a.action_text, text) >= 90, (a.action_text, text)
        assert fuzz.ratio(a.owner or "", lead) >= 85 and fuzz.ratio(a.timeframe or "", when) >= 85
