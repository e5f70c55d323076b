"""Blind round 4 (marsh-end, a design export with its type outlined, so every page is OCR'd):
under each strand's heading bar the actions are rounded cards with a thin light border, two
side by side with a ~5 mm gutter, each a bold title and a "Lead: X • When: Y" line. 10 of 14
were read (owner 0.62, timeframe 0.58): the rule finder's gap closing bridged the gutter
between the two cards' rounded corners and read their tops and bottoms as single rules across
both, so the page was one ruled grid (left card, gutter, right card) and each row paired the
left card's Lead/When with the right card's title. The born-digital page reads each card as a
box of its own (ruled.framing_boxes) and cuts the lines read across both at the box borders
(layout.cut_lines_at_boxes). Now a box drawn whole in the pixels is found as one piece of line
ink around one hole (ocr.outlined_boxes) and handed to the page as its own four rules, and a
line's size is its type's height, descenders or none (ocr.words_to_chars), so a card title's
second line "the staff e-bulletin", cut from the line beside it, keeps the title's size. The
page here is a reportlab design like marsh-end's, rasterised (an image-only PDF)."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph

from extract import pdf_to_document
from normalise import interpret_document
from tests.generator.zoo.render import degrade

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")

STRANDS = [("Strand one: Visibility", HexColor("#0B6E4F"), [
               ("Build a searchable directory of technical expertise and equipment on the staff intranet",
                "Digital Services and TC Champions", "Live by June 2026"),
               ("Feature a technician story in every issue of the staff e-bulletin",
                "Internal Communications", "Monthly"),
               ("Invite technicians to present at the annual research conference alongside academic colleagues",
                "Research Office", "Each conference from 2025"),
               ("Give technicians a standing agenda item at School Boards", "Heads of School", "From September 2025")]),
           ("Strand two: Recognition", HexColor("#C05746"), [
               ("Reimburse the first year of professional body membership for every technician",
                "Technical Operations Director", "Ongoing"),
               ("Nominate technical staff each year for the national Technician of the Year awards",
                "TC Working Group", "Annually"),
               ("Recognise technical contributions through named credits on research outputs and facility web pages",
                "Associate Dean for Research", "From 2026")])]
# rasterised as it is printed: no tilt, blur or noise (the page is a design export, not a scan)
RASTER = {"dpi": 200, "tilt": [0.0], "blur": 0.0, "speckle": 0.0, "jpeg": 95, "grey": 255, "noise": 0.0}


def _design() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    w, h = A4
    c.setFillColor(HexColor("#102A43"))
    c.rect(0, h - 120, w, 120, stroke=0, fill=1)
    c.setFillColor(white)
    c.setFont("Helvetica", 11)
    c.drawString(40, h - 40, "FENWICK UNIVERSITY")
    c.setFont("Helvetica-Bold", 24)
    c.drawString(40, h - 75, "Technicians at Fenwick")
    c.setFont("Helvetica", 15)
    c.drawString(40, h - 100, "Our Commitment Plan 2025-27")
    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=10.5, leading=13, textColor=HexColor("#222222"))
    meta = ParagraphStyle("m", fontName="Helvetica", fontSize=8.5, leading=11, textColor=HexColor("#555555"))
    colw = (w - 80 - 14) / 2
    y = h - 150
    for heading, colour, cards in STRANDS:
        c.setFillColor(colour)
        c.roundRect(40, y - 34, w - 80, 34, 8, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 14)
        c.drawString(52, y - 22, heading)
        y -= 44
        paras = []
        for text, lead, when in cards:
            pa, pm = Paragraph(text, title), Paragraph(f"Lead: {lead}  \u2022  When: {when}", meta)
            paras.append((pa, pm, pa.wrap(colw - 20, 500)[1], pm.wrap(colw - 20, 500)[1]))
        for k in range(0, len(paras), 2):
            rh = max(ha + hm + 22 for _, _, ha, hm in paras[k:k + 2])
            for m, (pa, pm, ha, hm) in enumerate(paras[k:k + 2]):
                x = 40 + m * (colw + 14)
                c.setFillColor(HexColor("#F3F5F7"))
                c.setStrokeColor(colour)
                c.setLineWidth(1.2)
                c.roundRect(x, y - rh, colw, rh, 6, stroke=1, fill=1)
                pa.drawOn(c, x + 10, y - 10 - ha)
                pm.drawOn(c, x + 10, y - 14 - ha - hm)
            y -= rh + 10
        y -= 8
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def read(tmp_path_factory):
    tmp: Path = tmp_path_factory.mktemp("ocrcards")
    src, out = tmp / "cards-src.pdf", tmp / "fenwick-cards.pdf"
    src.write_bytes(_design())
    degrade(src, out, RASTER, seed=3)
    doc = pdf_to_document(out.read_bytes(), out.name)
    return doc, interpret_document(doc)


def test_each_card_is_one_action_with_its_own_lead_and_when(read):
    doc, result = read
    assert doc.ocr
    got = {r.action_text: (r.owner, r.timeframe) for r in result.actions}
    want = {text: (lead, when) for _, _, cards in STRANDS for text, lead, when in cards}
    assert got == want, sorted(got.items())


def test_cards_are_read_under_their_strand(read):
    _, result = read
    for heading, _, cards in STRANDS:
        for text, _, _ in cards:
            assert [r.section for r in result.actions if r.action_text == text] == [heading]
