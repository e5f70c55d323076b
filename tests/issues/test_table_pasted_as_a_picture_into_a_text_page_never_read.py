"""Blind round 9 (ashcombe-valley): a Word report whose title, introduction and headings are
text, but whose action table is two pasted pictures (screenshots of a spreadsheet range, pale
gridlines, a dark header row, zebra bands). The pages had a text layer, so the pictures were
never OCR'd: 0 of 16 actions, and the document was reported a success with no warning.

A picture covering a share of a page that has a text layer, with no text over it, is now OCR'd
as a scan is, cropped to its box, and its words and rules join the page's glyphs (extract/
__init__.py pictures_to_read, extract/ocr.py ocr_picture): its pale gridlines are found as lines
against their surroundings, its dark header row's sides and its own frame close the cells. A
photo or a chart with little text gives nothing; a picture whose text gave no row is a warning.

The report here is made with python-docx (a table drawn with PIL at 150 dpi, other wording than
the blind file, no spreadsheet chrome) and printed by LibreOffice, as the pipeline converts DOCX."""
from __future__ import annotations

import io
import shutil

import pytest

from tests.tableplans import docx_pdf, run

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None or shutil.which("soffice") is None,
                                reason="tesseract and LibreOffice are needed")

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
HEADER = ("Ref", "What we will do", "Lead", "By when")
ROWS = [("K1", "Run a yearly showcase of workshop projects for all staff", "Head of Workshops", "May 2026"),
        ("K2", "Name the technical team on every published research poster", "Research Manager", "Ongoing"),
        ("K3", "Give each new technician a mentor for their first year", "Training Lead", "September 2026"),
        ("K4", "Survey technical staff on workload and act on the results", "HR Partner", "March 2027"),
        ("K5", "Fund two places a year on a leadership course", "Deputy Director", "Annually"),
        ("K6", "Publish a map of the skills held in each technical team", "Faculty Manager", "December 2026")]
WIDTHS = (110, 760, 300, 250)     # pixels at 150 dpi


def _table_picture(chrome: bool = False) -> bytes:
    """A spreadsheet-like table as a PNG: pale grey gridlines, a navy header row with white
    bold text, light zebra bands; with `chrome`, the spreadsheet's row numbers (from 3) down
    its left and column letters along its top, as a screenshot of a range shows them."""
    from PIL import Image, ImageDraw, ImageFont
    font, bold = ImageFont.truetype(FONT, 20), ImageFont.truetype(BOLD, 20)
    row_h, pad = 46, 10
    w, h = sum(WIDTHS) + 1, row_h * (len(ROWS) + 1) + 1
    im = Image.new("RGB", (w, h), "white")
    table = im
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, w - 1, row_h], fill=(31, 56, 100))
    for i in range(len(ROWS)):
        if i % 2:
            d.rectangle([0, row_h * (i + 1), w - 1, row_h * (i + 2)], fill=(234, 240, 248))
    for i, cells in enumerate([HEADER] + ROWS):
        x = 0
        for width, text in zip(WIDTHS, cells):
            d.text((x + pad, row_h * i + 12), text, font=bold if i == 0 else font,
                   fill="white" if i == 0 else (20, 20, 20))
            x += width
    grid = (208, 208, 208)
    for i in range(len(ROWS) + 2):
        d.line([(0, row_h * i), (w, row_h * i)], fill=grid, width=1)
    x = 0
    for width in (0,) + WIDTHS:
        x += width
        d.line([(min(x, w - 1), 0), (min(x, w - 1), h)], fill=grid, width=1)
    if chrome:
        left, strip = 60, 34
        im = Image.new("RGB", (w + left, h + strip), (232, 232, 232))
        im.paste(table, (left, strip))
        d = ImageDraw.Draw(im)
        small = ImageFont.truetype(FONT, 17)
        x = left
        for k, width in enumerate(WIDTHS):
            d.text((x + width // 2 - 6, 6), "ABCD"[k], font=small, fill=(90, 90, 90))
            x += width
            d.line([(x, 0), (x, strip)], fill=(200, 200, 200), width=1)
        for i in range(len(ROWS) + 1):
            d.text((8, strip + row_h * i + 12), str(3 + i), font=small, fill=(90, 90, 90))
            d.line([(0, strip + row_h * i), (left, strip + row_h * i)], fill=(200, 200, 200), width=1)
    buf = io.BytesIO()
    im.save(buf, format="PNG", dpi=(150, 150))
    return buf.getvalue()


def _photo_and_chart() -> tuple[bytes, bytes]:
    """A photo-like picture (shaded, no text) and a bar chart with a few labels."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont
    rng = np.random.default_rng(9)
    y, x = np.mgrid[0:600, 0:900]
    photo = (120 + 60 * np.sin(x / 70.0) * np.cos(y / 55.0) + rng.normal(0, 12, (600, 900))).clip(0, 255)
    rgb = np.stack([photo, photo * 0.8 + 30, photo * 0.6 + 50], axis=-1).clip(0, 255).astype(np.uint8)
    buf1 = io.BytesIO()
    Image.fromarray(rgb).save(buf1, format="PNG", dpi=(150, 150))
    chart = Image.new("RGB", (900, 500), "white")
    d = ImageDraw.Draw(chart)
    font = ImageFont.truetype(FONT, 22)
    for i, (label, value) in enumerate([("2023", 180), ("2024", 260), ("2025", 340)]):
        d.rectangle([120 + i * 250, 430 - value, 260 + i * 250, 430], fill=(70, 110, 170))
        d.text((160 + i * 250, 445), label, font=font, fill="black")
    d.line([(100, 430), (860, 430)], fill="black", width=2)
    buf2 = io.BytesIO()
    chart.save(buf2, format="PNG", dpi=(150, 150))
    return buf1.getvalue(), buf2.getvalue()


def _report(*pictures: bytes, prose_picture: bytes | None = None) -> bytes:
    from docx.shared import Cm

    def build(doc):
        doc.add_paragraph("Harrow Fen College")
        doc.add_heading("Technical Staff Commitment Plan 2026-2028", level=0)
        doc.add_heading("About this plan", level=1)
        doc.add_paragraph("The plan was agreed by the technical staff forum in January 2026. The table below "
                          "is copied from the forum's tracking workbook.")
        doc.add_heading("What we will do", level=1)
        for pic in pictures:
            doc.add_picture(io.BytesIO(pic), width=Cm(16))
        doc.add_heading("Review", level=1)
        doc.add_paragraph("The forum looks at progress every term.")
    return docx_pdf(build)


@pytest.fixture(scope="module", params=[False, True], ids=["plain", "spreadsheet-chrome"])
def table_report(request):
    return run(_report(_table_picture(request.param)), "harrow-fen-college-plan.docx")


def test_table_pasted_as_a_picture_gives_its_rows(table_report):
    doc, rows = table_report
    got = {r["action_id"]: r for r in rows}
    assert sorted(got) == [r[0] for r in ROWS], [(r["action_id"], r["action_text"]) for r in rows]
    for ref, text, lead, when in ROWS:
        assert got[ref]["action_text"] == text, got[ref]
        assert got[ref]["owner"] == lead, got[ref]
        assert got[ref]["timeframe"] == when, got[ref]


def test_rows_from_a_picture_carry_ocr_and_the_read_says_so(table_report):
    doc, rows = table_report
    assert rows and all(r["ocr"] for r in rows) and all(r["ocr_confidence"] > 0.6 for r in rows), rows[:1]
    codes = [i["code"] for i in doc["issues"]]
    assert "ocr_used" in codes and "picture_text_unread" not in codes, doc["issues"]
    assert doc["status"] == "success", doc["issues"]


def test_photo_and_chart_give_no_rows():
    photo, chart = _photo_and_chart()
    doc, rows = run(_report(photo, chart), "harrow-fen-college-photos.docx")
    assert rows == [], [(r["action_id"], r["action_text"]) for r in rows]
    assert "picture_text_unread" not in [i["code"] for i in doc["issues"]], doc["issues"]
    assert not any(r["ocr"] for r in rows)


def test_picture_of_prose_warns_that_its_text_gave_no_rows():
    from PIL import Image, ImageDraw, ImageFont
    font = ImageFont.truetype(FONT, 22)
    im = Image.new("RGB", (1100, 420), "white")
    d = ImageDraw.Draw(im)
    memo = ["Dear colleagues, thank you all for the care you have taken over the",
            "last year in keeping our laboratories and workshops safe and open.",
            "The forum met four times and heard from every department about the",
            "work its technical staff do, and the results are summarised here."]
    for i, line in enumerate(memo):
        d.text((30, 40 + 60 * i), line, font=font, fill="black")
    buf = io.BytesIO()
    im.save(buf, format="PNG", dpi=(150, 150))
    doc, rows = run(_report(buf.getvalue()), "harrow-fen-college-memo.docx")
    unread = [i for i in doc["issues"] if i["code"] == "picture_text_unread"]
    assert unread and "page 1" in unread[0]["message"], doc["issues"]
