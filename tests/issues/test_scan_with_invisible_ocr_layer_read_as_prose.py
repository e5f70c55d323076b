"""Blind round 8 (brackenfield): a scanned ruled table (one 200 dpi page image, skew, noise) to
which ocrmypdf had added an invisible text layer (text render mode 3: tesseract's words laid
over the image, never shown). The page had text, so it was taken for a born-digital page: no
rulings (they are only in the image), the hidden words read as prose, 0 of 15 rows, and the
title cut ("nt Action Plan 2023-2026"). A page whose text is all invisible (render mode 3, or
drawn under an image) and that an image covers is now a scan: its hidden layer is set aside
and the page is read through our own OCR (rulings and cells from the image), and the read
issue says so (extract/__init__.py scans_with_hidden_text, ocr.hidden_text_min_image_cover).

The page here is a reportlab ruled table degraded by the zoo's scanner model; the invisible
layer is drawn with reportlab too (ocrmypdf may not be installed), as a third party's OCR
would lay it: one word line per printed line, in reading order across the columns; a layer
drawn visible but under the image (some scanners' "searchable image") is set aside alike. A
page with visible text over a page-covering image (a letterhead background) is left as it is."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from extract import pdf_to_document
from extract.issues import IssueCode
from normalise import interpret_document
from tests.generator.zoo.render import degrade

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")

TITLE = "Technician Commitment Action Plan 2024-2027"
ROWS = [("1", "Hold an open day each year for every technical facility", "Head of Facilities", "Each June"),
        ("2", "Publish short biographies of technical staff on the website", "Web Manager", "By March 2025"),
        ("3", "Offer every technician a yearly career conversation", "HR Manager", "Annually"),
        ("4", "Fund two technicians a year to complete a part-time degree", "Head of Training", "From 2025"),
        ("5", "Keep a register of single points of failure in expertise", "Head of Facilities", "Quarterly")]
HEADER = ("No.", "Action", "Person responsible", "Timeframe")
COLS = [50, 85, 380, 480, 560]
SCANNER = {"dpi": 200, "tilt": [0.4], "blur": 0.4, "speckle": 0.0003, "jpeg": 60, "grey": 236, "noise": 2.5}


def _table(c: canvas.Canvas) -> list[tuple[float, float, str]]:
    """The ruled table; returns every line of text printed (x, y, text) for the hidden layer."""
    w, h = A4
    printed = []
    c.setFont("Helvetica", 10)
    c.drawString(50, h - 60, "Ashcombe Institute of Technology")
    printed.append((50, h - 60, "Ashcombe Institute of Technology"))
    c.setFont("Helvetica-Bold", 16)
    c.drawString(50, h - 90, TITLE)
    printed.append((50, h - 90, TITLE))
    top, row_h = h - 120, 34
    lines = [HEADER] + ROWS
    bottom = top - row_h * len(lines)
    for i in range(len(lines) + 1):
        c.line(COLS[0], top - i * row_h, COLS[-1], top - i * row_h)
    for x in COLS:
        c.line(x, top, x, bottom)
    for i, cells in enumerate(lines):
        c.setFont("Helvetica-Bold" if i == 0 else "Helvetica", 9)
        y = top - i * row_h - 14
        for x, text in zip(COLS, cells):
            c.drawString(x + 4, y, text)
            printed.append((x + 4, y, text))
    return printed


def _scan_with_hidden_layer(tmp: Path, hidden: bool = True, under: bool = False) -> Path:
    """`hidden`: the words in render mode 3; `under`: visible words drawn before the image."""
    src, scan, out = tmp / "src.pdf", tmp / "scan.pdf", tmp / "ashcombe-scan-ocr.pdf"
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    printed = _table(c)
    c.showPage()
    c.save()
    src.write_bytes(buf.getvalue())
    degrade(src, scan, SCANNER, seed=8)
    pdf = pdfium.PdfDocument(str(scan))
    image = pdf[0].render(scale=150 / 72).to_pil()
    pdf.close()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    w, h = A4
    if not under:
        c.drawImage(ImageReader(image), 0, 0, w, h)
    # a third party's text layer: invisible words where the image shows them (with OCR's
    # slips: the title's first letters lost), one word line per printed line
    t = c.beginText()
    t.setTextRenderMode(3 if hidden else 0)
    t.setFont("Helvetica", 9)
    for x, y, text in printed:
        t.setTextOrigin(x, y)
        t.textOut(text[3:] if text == TITLE else text)
    c.drawText(t)
    if under:
        c.drawImage(ImageReader(image), 0, 0, w, h)
    c.showPage()
    c.save()
    out.write_bytes(buf.getvalue())
    return out


@pytest.fixture(scope="module")
def read(tmp_path_factory):
    out = _scan_with_hidden_layer(tmp_path_factory.mktemp("hiddenocr"))
    doc = pdf_to_document(out.read_bytes(), out.name)
    return doc, interpret_document(doc)


def test_scan_with_invisible_text_layer_is_read_by_our_ocr(read):
    doc, _ = read
    ocr = [i for i in doc.issues if i.code == IssueCode.OCR_USED]
    assert ocr and "text layer never shown" in ocr[0].message, doc.issues


def test_scan_with_invisible_text_layer_gives_its_rows(read):
    _, result = read
    got = {r.action_id: r for r in result.actions}
    assert sorted(got) == [n for n, *_ in ROWS], [(r.action_id, r.action_text) for r in result.actions]
    for n, action, owner, when in ROWS:
        assert got[n].action_text == action and got[n].owner == owner and got[n].timeframe == when, got[n]


def test_scan_with_invisible_text_layer_keeps_its_whole_title(read):
    _, result = read
    assert result.meta.plan_title == TITLE.replace("-", "\u2013") or result.meta.plan_title == TITLE, \
        result.meta.plan_title


def test_visible_text_over_a_page_image_is_not_ocrd(tmp_path):
    out = _scan_with_hidden_layer(tmp_path, hidden=False)
    doc = pdf_to_document(out.read_bytes(), out.name)
    assert not any(i.code == IssueCode.OCR_USED for i in doc.issues), doc.issues


def test_text_layer_under_the_scan_image_is_set_aside(tmp_path):
    out = _scan_with_hidden_layer(tmp_path, hidden=False, under=True)
    doc = pdf_to_document(out.read_bytes(), out.name)
    ocr = [i for i in doc.issues if i.code == IssueCode.OCR_USED]
    assert ocr and "text layer never shown" in ocr[0].message, doc.issues
