"""Blind round 9 (calderbrook handout): a Word table plan printed two pages to an A4 landscape
sheet (each page scaled, side by side). The sheet's lines were read across both halves: the
right half's rows came before the left's, a row cut by the page break took the tail of a row
on the next sheet, the rows after it got the wrong section, and the title's two lines were
interleaved with the table's ("... Action Plan 2024– or IEng doubles by", period end 2025).
Now a sheet that divides into equal cells with an empty band the full height between them,
whose frames look like pages (the same margins, a footer each, a ruled table each), is read
frame by frame, left to right, as consecutive pages (extract/frames.py); provenance keeps
the sheet.

Made here with other wording: a python-docx plan (title over two lines, a footer, pillar rows
merged across the table, long actions so rows break across pages), printed by LibreOffice,
imposed two-up by pypdf at another scale and gutter than the blind file; 4 pages, so the last
sheet holds one page alone on its left. A two-column newsletter (columns at the page's
margins, a narrow gutter, a footer left and a page number right) is not cut."""
from __future__ import annotations

import io
import shutil

import pytest

from tests.tableplans import docx_pdf, run

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")

TITLE = "Northfell College Technician Commitment Plan 2025\u20132028"
THEMES = {
    "Theme 1 \u2013 Visibility": [
        ("1.1", "Publish a directory of every workshop, laboratory and studio with the technicians who run it, "
                "kept up to date each term by the faculty administrators", "Web Team", "March 2026"),
        ("1.2", "Put the names of technical staff on the door signs of the spaces they manage", "Estates",
         "June 2026"),
        ("1.3", "Hold an open afternoon in every technical area during the college's annual research week",
         "Research Office", "Each May"),
        ("1.4", "Write a short profile of one technician for each issue of the staff newsletter", "Internal Comms",
         "Termly"),
    ],
    "Theme 2 \u2013 Recognition": [
        ("2.1", "Cover the application and first year fees for technicians registering as RSciTech, RSci or "
                "CSci with the Science Council, and for EngTech or IEng with the Engineering Council",
         "Finance Director", "From 2025"),
        ("2.2", "Add a technical contribution category to the college's annual staff awards", "Principal's Office",
         "July 2026"),
        ("2.3", "Credit technical staff in the methods section of every paper that uses their work",
         "Research Office", "Ongoing"),
        ("2.4", "Thank each team that supported a successful grant in the grant award announcement",
         "Research Office", "Ongoing"),
    ],
    "Theme 3 \u2013 Career development": [
        ("3.1", "Give every technician a yearly development review with a written training plan agreed with "
                "their line manager and reviewed again halfway through the year", "Line managers", "From 2026"),
        ("3.2", "Fund two places a year on an accredited leadership course for senior technicians",
         "Staff Development", "Each September"),
        ("3.3", "Run a shadowing scheme between departments for technicians who want to learn new skills",
         "Technical Manager", "Pilot 2026"),
        ("3.4", "Map every technical post to the national technical job families", "HR Reward", "December 2026"),
    ],
    "Theme 4 \u2013 Sustainability": [
        ("4.1", "Draw up a succession plan for every technical team where half of the staff retire within "
                "five years, with a named deputy for each specialist role", "Director of Operations", "April 2027"),
        ("4.2", "Take on two technical apprentices each year in engineering and the life sciences",
         "HR Recruitment", "Each September"),
        ("4.3", "Cost technical time into every external grant application through the costing tool",
         "Research Office", "From 2026"),
        ("4.4", "Report progress on this plan to the Board of Governors twice a year", "Plan Lead",
         "Six-monthly"),
    ],
}


def _plan(doc):
    from docx.shared import Cm, Pt
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = sec.top_margin = sec.bottom_margin = Cm(2.2)
    doc.styles["Normal"].font.size = Pt(12)
    sec.footer.paragraphs[0].text = "Northfell College \u2013 Technician Commitment Plan"
    doc.add_heading(TITLE, 0)
    for _ in range(3):
        doc.add_paragraph("Northfell College signed the Technician Commitment in 2022. This plan was written by a "
                          "group of technicians from every department and sets out what the college will do over "
                          "the next three years, with a lead and a date for every action.")
    t = doc.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ("No.", "Action", "Responsible", "Deadline")):
        c.text = h
        c.paragraphs[0].runs[0].bold = True
    for theme, rows in THEMES.items():
        cells = t.add_row().cells
        merged = cells[0].merge(cells[3])
        merged.text = theme
        merged.paragraphs[0].runs[0].bold = True
        for ref, action, lead, when in rows:
            cells = t.add_row().cells
            for c, v in zip(cells, (ref, action, lead, when)):
                c.text = v
    for row in t.rows:
        for w, c in zip((Cm(1.4), Cm(9.0), Cm(3.4), Cm(2.8)), row.cells):
            c.width = w
    doc.add_paragraph("The plan is reviewed each year by the Technician Commitment steering group.")


def _two_up(pdf: bytes) -> bytes:
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation
    rd, wr = PdfReader(io.BytesIO(pdf)), PdfWriter()
    W, H = 842.0, 595.0
    pw, ph = float(rd.pages[0].mediabox.width), float(rd.pages[0].mediabox.height)
    s = min((W / 2 - 40) / pw, (H - 20) / ph)
    for k in range(0, len(rd.pages), 2):
        sheet = PageObject.create_blank_page(width=W, height=H)
        for j in range(min(2, len(rd.pages) - k)):
            x, y = (W / 2 - pw * s) / 2 + j * W / 2, (H - ph * s) / 2
            sheet.merge_transformed_page(rd.pages[k + j], Transformation().scale(s, s).translate(x, y))
        wr.add_page(sheet)
    out = io.BytesIO()
    wr.write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def handout():
    one_up = docx_pdf(_plan)
    from pypdf import PdfReader
    pages = len(PdfReader(io.BytesIO(one_up)).pages)
    assert pages in (3, 4), pages      # the last sheet holds one page, or two
    return run(_two_up(one_up), "northfell-handout.pdf"), pages


def test_rows_read_in_page_order_with_their_own_continuations(handout):
    (doc, got), _ = handout
    want = [(ref, action, lead, when) for rows in THEMES.values() for ref, action, lead, when in rows]
    assert [(r["action_id"], r["action_text"], r["owner"], r["timeframe"]) for r in got] == want


def test_rows_keep_the_section_above_them(handout):
    (doc, got), _ = handout
    assert [r["section"] for r in got] == [theme for theme, rows in THEMES.items() for _ in rows]


def test_title_and_period_not_interleaved_with_the_other_half(handout):
    (doc, got), _ = handout
    assert doc["plan_title"].replace("Northfell College ", "") == "Technician Commitment Plan 2025\u20132028"
    assert (doc["period_start"], doc["period_end"]) == (2025, 2028)


def test_provenance_gives_the_sheet_and_where_on_it(handout):
    (doc, got), pages = handout
    assert doc["page_count"] == (pages + 1) // 2
    assert any("side by side" in n for n in doc["notes"])
    right = [r for r in got if r["bbox"][0] > 421]     # rows printed on a sheet's right half
    assert right and all(r["page_start"] == 1 for r in right)
    assert max(r["page_end"] for r in got) == 2


def _newsletter() -> bytes:
    """Two text columns at the page's margins with a narrow gutter, nothing across them, a
    footer under the left column and the page number under the right."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph
    W, H = landscape(A4)
    m, gutter = 50.0, 24.0
    col = (W - 2 * m - gutter) / 2

    def foot(c, d):
        c.setFont("Helvetica", 8)
        c.drawString(m, 30, "Northfell College staff news")
        c.drawRightString(W - m, 30, f"Page {d.page}")
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=(W, H))
    doc.addPageTemplates([PageTemplate(frames=[Frame(m, 50, col, H - 100, id="a"),
                                               Frame(m + col + gutter, 50, col, H - 100, id="b")], onPage=foot)])
    st = getSampleStyleSheet()["BodyText"]
    story = [Paragraph("Technicians at Northfell College run the workshops, laboratories and studios that teaching and "
                       "research depend on. This term we meet three of them and hear what the Technician Commitment "
                       "has changed for their teams. " * 2, st) for _ in range(14)]
    doc.build(story)
    return buf.getvalue()


def test_a_two_column_newsletter_is_not_cut_into_pages():
    from extract import read_document
    read = read_document(_newsletter(), "newsletter.pdf")
    assert not read.frames and [p.number for p in read.pages] == list(range(1, len(read.pages) + 1))
    assert all(p.width > 800 for p in read.pages)
