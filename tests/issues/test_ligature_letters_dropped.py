"""Issue: words printed with ligatures lost letters ("staf", "diferent", "Atribution",
"ofering"). LibreOffice prints ff / fi / ffi / tt as one glyph in fonts that have them
(Carlito, DejaVu Sans); pdfium reports such a glyph as consecutive characters sharing one
box, and the reader dropped the second as an overprinted duplicate.

The fixture is made the way plans are: a DOCX (python-docx) exported to PDF by LibreOffice
in a ligature font. The oracle is pdfium's own page text, which has every letter."""
from __future__ import annotations

import re
import shutil

import pypdfium2 as pdfium
import pytest

from extract.pdf import read_page
from tests.generator import common as gen

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")

TEXT = ("Our staff offer different training to efficient and flexible teams; Attribution, "
        "offering, affluent, shuffle, settled and attract keep every letter.")


@pytest.fixture(scope="module")
def ligature_pdf(tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("ligatures")
    doc = gen.new_document(landscape=False, font="Carlito", size=11)
    doc.add_paragraph(TEXT)
    table = doc.add_table(rows=1, cols=2)     # table cells go through the same reader
    table.rows[0].cells[0].text = "Staff offices"
    table.rows[0].cells[1].text = "Different attributes"
    return gen.docx_to_pdf(doc, out / "ligatures.pdf").read_bytes()


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]+", text)


def test_the_font_really_prints_ligatures(ligature_pdf):
    """Precondition: the PDF has ligature glyphs (one glyph box shared by two characters),
    or the test below could not fail."""
    pdf = pdfium.PdfDocument(ligature_pdf)
    try:
        page = pdf[0]
        tp = page.get_textpage()
        boxes = [tp.get_charbox(i, loose=True) for i in range(tp.count_chars())]
        assert any(a == b for a, b in zip(boxes, boxes[1:])), "no shared glyph boxes: no ligatures"
    finally:
        pdf.close()


def test_every_letter_of_a_ligature_is_read(ligature_pdf):
    pdf = pdfium.PdfDocument(ligature_pdf)
    try:
        oracle = pdf[0].get_textpage().get_text_range()
        page = read_page(pdf, 0)
    finally:
        pdf.close()
    ours = " ".join(l.text for l in page.lines)
    assert _words(ours) == _words(oracle)
    for word in ("staff", "offer", "different", "Attribution", "offering", "efficient", "affluent",
                 "settled", "attract", "Staff", "offices", "Different", "attributes"):
        assert re.search(rf"\b{word}\b", ours), word
    # the shared box is split, so characters stay in order and inside the glyph
    chars = [c for c in page.chars if c["text"].strip()]
    assert all(a["x0"] <= b["x0"] for a, b in zip(chars, chars[1:]) if abs(a["top"] - b["top"]) < 1)
