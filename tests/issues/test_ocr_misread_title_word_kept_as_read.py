"""Blind test (glenrothy fax, round 10): the scan's title was OCR'd "Technician Commitment
Action Pian 2023-26", so the plan's title kept a word the page never printed. A word OCR
misread into no word is now read as the document's own word one edit away when the document
reads that word several times over (extract.ocr.repair_spelling: "Plan" read four times,
"Pian" once); a common word ("they", one edit from "the") and a name the document spells once
stay as read. The scan is made here from a page that prints the misreading itself, so OCR
gives it every time."""
from __future__ import annotations

import io
import shutil

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
import pypdfium2 as pdfium

from extract import pdf_to_document
from normalise import interpret_document
from tests.generator.scan import _pdf as image_pdf

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")

LINES = ["Technician Commitment Action Pian 2025-28",
         "This plan was agreed in May 2025. The plan runs for three years and the plan is",
         "reviewed each year; progress against the plan is reported to the Board.",
         "Technicians said they want clearer routes to promotion at Quarrendon."]
ACTIONS = ["1. Publish a career pathway for technical staff",
           "2. Fund registration fees for every technician",
           "3. Hold a technician showcase each summer"]


def _scan() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, 780, LINES[0])
    c.setFont("Helvetica", 11)
    for k, line in enumerate(LINES[1:] + [""] + ACTIONS):
        c.drawString(60, 740 - 18 * k, line)
    c.showPage()
    c.save()
    doc = pdfium.PdfDocument(buf.getvalue())
    w, h = doc[0].get_size()
    img = doc[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    doc.close()
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90)
    return image_pdf([(w, h, img.width, img.height, out.getvalue())], "Scanned document")


@pytest.fixture(scope="module")
def scanned():
    doc = pdf_to_document(_scan(), "quarrendon-tc-plan-scan.pdf")
    return doc, interpret_document(doc)


def test_a_misread_word_is_the_document_s_own_word(scanned):
    doc, result = scanned
    assert doc.ocr
    assert result.meta.plan_title.replace("–", "-") == "Technician Commitment Action Plan 2025-28"
    assert "Pian" not in doc.front_text


def test_common_words_and_names_read_once_stay_as_read(scanned):
    doc, _ = scanned
    assert "Technicians said they want clearer routes to promotion at Quarrendon." in doc.front_text
