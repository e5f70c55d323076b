"""A design export whose type was turned into outlines (every glyph a filled vector path: no
text layer and no image) failed with "no page has any text, even after OCR" (blind round 4,
marsh-end: 0 of 14 rows). Only pages holding an image were OCR'd. A page with no text layer
but anything printed on it (paths, rules, fills) is read by OCR too. The outlined PDF is made
here the way print shops make one: reportlab draws the plan, Ghostscript converts its fonts to
outlines (`-dNoOutputFonts`; Debian's ghostscript comes with ocrmypdf, which `make setup`
installs)."""
from __future__ import annotations

import io
import shutil
import subprocess

import pytest

from tests.tableplans import plan_rows, run

ROWS = plan_rows(6, seed=19)


def _outlined(tmp_path) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    style = getSampleStyleSheet()["BodyText"]
    style.fontSize, style.leading = 11, 14
    data = [["Ref", "Action", "Lead", "When"]] + [[r.ref, Paragraph(r.action, style), Paragraph(r.lead, style), r.date]
                                                  for r in ROWS]
    table = Table(data, colWidths=[35, 260, 120, 80])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    buf = io.BytesIO()
    title = Paragraph("University of Exampleton Technician Commitment Action Plan 2025-2028", style)
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build([title, Spacer(1, 14), table])
    src, out = tmp_path / "text.pdf", tmp_path / "outlined.pdf"
    src.write_bytes(buf.getvalue())
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dNoOutputFonts",
                    f"-sOutputFile={out}", str(src)], check=True, timeout=120)
    return out.read_bytes()


@pytest.mark.skipif(not shutil.which("gs") or not shutil.which("tesseract"),
                    reason="needs Debian's ghostscript and tesseract (make setup)")
def test_outlined_type_is_read_by_ocr(tmp_path):
    import pypdfium2 as pdfium
    data = _outlined(tmp_path)
    page = pdfium.PdfDocument(data)[0]
    assert page.get_textpage().count_chars() == 0      # truly outlined: no text layer
    doc, got = run(data, "outlined.pdf")
    assert doc["status"] == "success" and doc["ocr"]
    assert [r["action_id"] for r in got] == [r.ref for r in ROWS]
    assert [r["owner"] for r in got] == [r.lead for r in ROWS]
