"""Blind round 4 (marsh-end, a design export with its type outlined, so every page is OCR'd):
the title banner, white on navy, and each strand's heading, white on a coloured bar, came out
as noise ("MAENRD UNSIVERHSITY", "Strand Onwy IeSIDILI y"): the OCR layer flattens the
background (each pixel over its local background), which turns a dark fill white together
with the letters printed on it. So the institution was read from nothing, the period from a
survey date in the body (2024-2026 for a 2025-27 plan) and every section was junk. Each dark
band is now read again from the printed pixels, inverted (ocr.reread_dark_bands), and its
words replace the page reading's there when tesseract is surer of them. The page here is a
reportlab design (banner, two coloured heading bars, actions in black) degraded by the zoo's
scanner model."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from reportlab.lib.colors import HexColor, white, black
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract import pdf_to_document
from normalise import interpret_document
from tests.generator.zoo.render import degrade

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")

SECTIONS = [("Priority one: Visibility", HexColor("#1f6f4a"), [
                "Publish a directory of technical staff and their specialist skills",
                "Feature a technician story in every issue of the staff newsletter"]),
            ("Priority two: Career development", HexColor("#b5473a"), [
                "Fund professional registration fees for every technician who applies",
                "Open short secondments between core facilities each year"])]
SCANNER = {"dpi": 200, "tilt": [0.6], "blur": 0.5, "speckle": 0.0004, "jpeg": 40, "grey": 232, "noise": 3.0}


def _design() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    w, h = A4
    c.setFillColor(HexColor("#14284b"))
    c.rect(0, h - 120, w, 120, stroke=0, fill=1)
    c.setFillColor(white)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(50, h - 40, "TARNBROOK UNIVERSITY")
    c.setFont("Helvetica-Bold", 24)
    c.drawString(50, h - 75, "Technicians at Tarnbrook")
    c.setFont("Helvetica", 14)
    c.drawString(50, h - 100, "Our Commitment Plan 2026-2029")
    c.setFillColor(black)
    c.setFont("Times-Roman", 10)
    c.drawString(50, h - 150, "This plan was shaped by a technician survey in autumn 2024 and two open workshops.")
    y = h - 200
    for heading, colour, actions in SECTIONS:
        c.setFillColor(colour)
        c.roundRect(45, y - 8, w - 90, 30, 6, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 14)
        c.drawString(58, y + 2, heading)
        c.setFillColor(black)
        y -= 40
        for n, action in enumerate(actions, start=1):
            c.setFont("Helvetica", 10)
            c.drawString(58, y, f"\u2022 {action}")
            y -= 22
        y -= 30
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def read(tmp_path_factory):
    tmp: Path = tmp_path_factory.mktemp("bands")
    src, out = tmp / "design-src.pdf", tmp / "tarnbrook-design.pdf"
    src.write_bytes(_design())
    degrade(src, out, SCANNER, seed=5)
    doc = pdf_to_document(out.read_bytes(), out.name)
    return doc, interpret_document(doc)


def test_banner_on_a_dark_fill_gives_institution_and_period(read):
    doc, result = read
    text = " ".join(line.text for line in doc.title_block) + " " + doc.front_text
    assert "TARNBROOK UNIVERSITY" in text and "Technicians at Tarnbrook" in text, text[:300]
    assert result.meta.institution == "Tarnbrook University"
    assert (result.meta.period_start, result.meta.period_end) == (2026, 2029)


def test_headings_on_coloured_bars_read_as_their_words(read):
    doc, result = read
    text = " ".join(line.text for line in doc.title_block) + " " + doc.front_text
    for heading, _, _ in SECTIONS:
        assert heading in text, text
    rows = result.actions
    for heading, _, actions in SECTIONS:
        for action in actions:
            mine = [r for r in rows if r.action_text == action]
            assert len(mine) == 1 and mine[0].section == heading, [(r.action_text, r.section) for r in rows]
