"""Two ways a PDF shows text that is not where readers look (blind round 5): landscape pages
stored portrait with /Rotate 90 lost every action on them (pennard: 4 of 16 rows; the glyphs
run down the stored page), and a filled form printed its values from the form fields'
appearance streams, which are no page content (royal-calder: 0 of 13). The page is read as it
prints: printing annotations merged into its content, a turned page turned upright. Drawn with
reportlab: a table page turned with /Rotate, and a page whose action texts are form fields."""
from __future__ import annotations

import io

import pypdfium2 as pdfium

from tests.tableplans import plan_rows, run

ROWS = plan_rows(6, seed=29)


def _rotated() -> bytes:
    """A landscape table drawn sideways on a portrait page, the page then set to /Rotate 90
    (as a portrait document's landscape section is often stored)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas
    buf = io.BytesIO()
    cv = Canvas(buf, pagesize=A4, invariant=1)
    w, h = A4
    cv.saveState()
    cv.translate(w, 0)          # a landscape page drawn turned a quarter anticlockwise: /Rotate 90
    cv.rotate(90)               # (clockwise) shows it upright
    cv.setFont("Helvetica-Bold", 13)
    cv.drawString(40, w - 40, "University of Exampleton Technician Commitment Action Plan 2025-2028")
    cv.setFont("Helvetica-Bold", 10)
    y = w - 80
    for x, head in ((40, "Ref"), (80, "Action"), (520, "Lead"), (700, "When")):
        cv.drawString(x, y, head)
    cv.setFont("Helvetica", 10)
    for r in ROWS:
        y -= 22
        for x, text in ((40, r.ref), (80, r.action), (520, r.lead), (700, r.date)):
            cv.drawString(x, y, text)
    cv.restoreState()
    cv.showPage()
    cv.save()
    from pypdf import PdfReader, PdfWriter
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(buf.getvalue())).pages:
        writer.add_page(page.rotate(90))            # /Rotate 90: shown upright, stored turned
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _form() -> bytes:
    """A printed form: labels on the page, each action's text, lead and date in filled fields."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas
    buf = io.BytesIO()
    cv = Canvas(buf, pagesize=A4, invariant=1)
    cv.setFont("Helvetica-Bold", 14)
    cv.drawString(40, 800, "University of Exampleton Technician Commitment Action Plan 2025-2028")
    y = 760
    for k, r in enumerate(ROWS):
        cv.setFont("Helvetica-Bold", 10)
        cv.drawString(40, y, f"Action {r.ref}")
        cv.setFont("Helvetica", 10)
        for dy, label, value, width in ((18, "Action:", r.action, 440), (36, "Lead:", r.lead, 200),
                                        (54, "When:", r.date, 200)):
            cv.drawString(40, y - dy, label)
            cv.acroForm.textfield(name=f"f{k}_{label[:-1]}", value=value, x=100, y=y - dy - 4, width=width,
                                  height=15, fontSize=10, borderWidth=0, fillColor=None, fontName="Helvetica")
        y -= 90
    cv.showPage()
    cv.save()
    return buf.getvalue()


def test_a_page_stored_turned_is_read_upright():
    _, got = run(_rotated(), "rotated.pdf")
    assert [(r["action_id"], r["action_text"], r["owner"], r["timeframe"]) for r in got] == \
        [(r.ref, r.action, r.lead, r.date) for r in ROWS]


def test_a_filled_forms_values_are_read():
    data = _form()
    page = pdfium.PdfDocument(data)[0]
    assert ROWS[0].action not in page.get_textpage().get_text_range()     # not page content: in the fields
    _, got = run(data, "form.pdf")
    assert [r["action_text"] for r in got] == [r.action for r in ROWS]
    assert [r["owner"] for r in got] == [r.lead for r in ROWS]
