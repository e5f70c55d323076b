"""Issue #10 (narrative): blocks headed "Commitment 9", "Commitment 10" lost both blocks
when one heading printed at the foot of a page and the next at the head of the following
page: digits ignored, the two read as one running header repeated on every page (a two-page
plan) and were dropped before any strategy ran. A running header or footer keeps its edge;
these do not. Drawn with reportlab: two pages, a real running header and page footer on
both, four labelled blocks, the third heading in the bottom margin of page 1 and the fourth
in the top margin of page 2."""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract import pdf_to_document
from normalise import interpret_document

W, H = A4
BLOCKS = [("Publish a profile of one technical specialist in every staff bulletin", "Head of Communications"),
          ("Create a shared calendar of open laboratory days for schools", "Outreach Officer"),
          ("Fund professional registration fees for technical staff", "HR Partner"),
          ("Introduce a mentoring scheme pairing new and senior technicians", "Technical Managers Forum")]


def _block(c, y: float, n: int, text: str, lead: str) -> float:
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, y, f"Commitment {n}")
    c.setFont("Helvetica", 10)
    c.drawString(60, y - 16, text)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(60, y - 34, "Responsible:")
    c.setFont("Helvetica", 10)
    c.drawString(125, y - 34, lead)
    return y - 60


def _pdf() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for page in (1, 2):
        c.setFont("Helvetica", 9)
        c.drawString(60, H - 30, "Institute of Exampleshire")                # running header
        c.drawString(W - 120, 18, f"Page {page} of 2")                      # page footer (below the last block line)
        if page == 1:
            c.setFont("Helvetica-Bold", 16)
            c.drawString(60, H - 80, "Technical staff plan 2026-2029")
            c.setFont("Helvetica", 10)
            for k in range(24):                                              # an introduction
                c.drawString(60, H - 110 - 14 * k, "This plan was written with the people who run our workshops.")
            y = _block(c, 250, 1, *BLOCKS[0])
            y = _block(c, y - 40, 2, *BLOCKS[1])
            _block(c, 66, 3, *BLOCKS[2])     # its heading in the bottom margin (within 72 pt of the edge)
        else:
            _block(c, H - 66, 4, *BLOCKS[3])    # its heading in the top margin
        c.showPage()
    c.save()
    return buf.getvalue()


def test_block_headings_at_page_edges_are_not_running_headers():
    doc = pdf_to_document(_pdf(), "edges.pdf")
    actions = interpret_document(doc).actions
    assert [(a.action_id, a.action_text, a.owner) for a in actions] == \
        [(str(n), text, lead) for n, (text, lead) in enumerate(BLOCKS, start=1)]


MORE = BLOCKS + [("Map the skills held by technical teams across the faculties", "Workforce Planning Lead"),
                 ("Reserve places on leadership courses for technical staff", "Learning and Development")]


def _three_pages() -> bytes:
    """Six blocks on three pages; the third and the fifth head pages 2 and 3 (same edge,
    numbers that do not follow the page)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for page in (1, 2, 3):
        c.setFont("Helvetica", 9)
        c.drawString(60, H - 30, "Institute of Exampleshire")
        c.drawString(W - 120, 30, f"Page {page} of 3")
        if page == 1:
            c.setFont("Helvetica-Bold", 16)
            c.drawString(60, H - 90, "Technical staff plan 2026-2029")
        first = 2 * page - 1
        y = _block(c, H - 66 if page > 1 else H - 130, first, *MORE[first - 1])
        _block(c, y - 40, first + 1, *MORE[first])
        c.showPage()
    c.save()
    return buf.getvalue()


def test_block_headings_heading_several_pages_are_not_running_headers():
    actions = interpret_document(pdf_to_document(_three_pages(), "heads.pdf")).actions
    assert [(a.action_id, a.action_text, a.owner) for a in actions] == \
        [(str(n), text, lead) for n, (text, lead) in enumerate(MORE, start=1)]
