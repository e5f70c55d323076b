"""Issue 10 item 5 (scans that real scanners produce): on a blurred or 150 dpi scan the
letters of a word merge into one solid band, and the opening that finds horizontal rules
kept that band as a "rule" as long as the word ("progression", "technicians"). Those runs
cut rows in two inside a cell (ids lost, junk rows: zoo scans-008 4 of 7 rows) and their
erasure wiped a stripe through the word before tesseract read it. A run of the rule mask with
ink just past its edge (the letters' bodies) is text, not a rule (drop_text_runs,
ocr.ruling_max_near_ink). The scan is a reportlab page degraded by tests/generator/scan.py's
model; one page, to keep `make test` short."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from rapidfuzz import fuzz
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from extract import ocr, pdf_to_document
from extract.config import load_config
from normalise import interpret_document
from tests.generator.scan import degrade_pdf

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")

# Caladea (metric-compatible with Cambria, Word's serif) at 10 pt: its tight letters merge first
CALADEA = {"Caladea": Path("/usr/share/fonts/truetype/crosextra/Caladea-Regular.ttf"),
           "Caladea-Bold": Path("/usr/share/fonts/truetype/crosextra/Caladea-Bold.ttf")}
ROWS = [("C1", "Encourage technician contributions at university conferences and regional networking events",
         "Technical colleagues presenting at events"),
        ("C2", "Offer an accredited teaching qualification to technical staff who support laboratory classes",
         "Fifteen technicians complete the qualification"),
        ("C3", "Develop career progression pathways for all technical staff in every faculty",
         "Demonstrable examples of progression"),
        ("C4", "Integrate apprenticeship opportunities to support career progression",
         "Appointing technical apprentices across the University"),
        ("C5", "Set up a community of practice on efficient and effective laboratory teaching",
         "Community meets each term and shares materials")]
# a low-resolution, blurred office scan (the zoo's harder scanner model, rules unbroken)
SCANNER = {"dpi": 150, "tilt": [-1.2], "blur": 0.9, "speckle": 0.0008, "jpeg": 25, "grey": 225, "noise": 4.0}


@pytest.fixture(scope="module")
def blurred_scan(tmp_path_factory):
    if not all(p.exists() for p in CALADEA.values()):
        pytest.skip("Caladea (fonts-crosextra-caladea) is not installed")
    for name, path in CALADEA.items():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    style = getSampleStyleSheet()["BodyText"].clone("cell", fontName="Caladea", fontSize=10, leading=12)
    bold = style.clone("head", fontName="Caladea-Bold")
    tmp = tmp_path_factory.mktemp("scan")
    buf = io.BytesIO()
    data = [[Paragraph(h, bold) for h in ("Ref", "What we will do", "Milestone")]]
    data += [[Paragraph(c, style) for c in row] for row in ROWS]
    table = Table(data, colWidths=[50, 420, 230])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    SimpleDocTemplate(buf, pagesize=landscape(A4), invariant=1,
                      title="Exampleton Technician Commitment Action Plan 2026-2028").build(
        [Paragraph("University of Exampleton Technician Commitment Action Plan 2026-2028", bold), table])
    src, out = tmp / "src.pdf", tmp / "blurred-scan.pdf"
    src.write_bytes(buf.getvalue())
    degrade_pdf(src, out, SCANNER, seed=8)
    data = out.read_bytes()
    doc = pdf_to_document(data, "exampleton-blurred-scan.pdf")
    return data, doc, interpret_document(doc).actions


def test_no_rule_runs_through_words(blurred_scan):
    """The page's horizontal rules are the table's: 7 printed (header top and bottom, one under
    each row), each as wide as the table; no short run through a word."""
    data, _, _ = blurred_scan
    config = load_config()
    s = config.ocr
    page = pdfium.PdfDocument(data)[0]
    gray, dpi = ocr.render_for_ocr(page, s)
    gray, _ = ocr.deskew(gray, s.max_skew_degrees)
    gray = ocr.flatten_background(gray, dpi)
    hs, _ = ocr.rulings_from_masks(*ocr.ruling_masks(gray, s, dpi))
    mm = dpi / 25.4
    short = [(round(x / mm), round(y / mm), round(w / mm)) for x, y, w, _ in hs if w < 100 * mm]
    assert not short, short


def test_blurred_scan_rows_whole(blurred_scan):
    _, doc, actions = blurred_scan
    assert doc.ocr
    assert [a.action_id for a in actions] == [r[0] for r in ROWS], [(a.action_id, a.action_text) for a in actions]
    for a, (_, text, _) in zip(actions, ROWS):
        assert fuzz.ratio(text, a.action_text) >= 90, (a.action_text, text)
