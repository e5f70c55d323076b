"""Blind round 11 (wendlebury): an annual report whose contents page was read as 9 numbered
actions ("Foreword ........ 2", the dots and page numbers kept), and two numbered chapter
headings became actions: "4. Finance" (a one-word heading that reads as an imperative) and
"9. Glossary" (over "Term: definition" lines, no prose).

The contents was missed because its leaders are dots typed into the line, not a tab leader: each
entry ends where its dots run out, so the page numbers do not line up, and its last entry points
past the file's last page (a contents not brought up to date). Entries with typed leader dots
need not align and are bounded by their order alone. A numbered heading whose title the
contents lists is a chapter, whatever is under it. Word document printed by LibreOffice (as the
pipeline converts DOCX); invented wording."""
from __future__ import annotations

from tests.tableplans import docx_pdf, run

ACTIONS = [
    ("1", "Publish a yearly profile of the technical workforce", "Director of Operations", "Each January"),
    ("2", "Fund membership of a professional body for every technician", "Technical Board", "From 2026"),
    ("3", "Give technicians a place on every school's management group", "Deans", "By March 2026"),
    ("4", "Open the management course to technical supervisors", "Staff Development", "From autumn 2026"),
]
CHAPTERS = [("Welcome", 2), ("Budget", 3), ("Our plan", 4), ("Abbreviations", 9)]


def _build(doc):
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt
    doc.styles["Normal"].font.size = Pt(10)
    for _ in range(5):
        doc.add_paragraph()
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("Ashgrove College Technical Services: Review of the Year 2025")
    r.bold, r.font.size = True, Pt(22)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Contents", 1)
    for n, (title, page) in enumerate(CHAPTERS, 1):       # dots typed by hand: the numbers do not line up
        doc.add_paragraph(f"{n}.  {title} " + "." * (60 - 2 * len(title)) + f" {page}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("1. Welcome", 1)
    doc.add_paragraph("The technical services of Ashgrove College look after the laboratories, workshops and studios "
                      "used by about four thousand students. This review looks back over the year.")
    doc.add_heading("2. Budget", 1)
    doc.add_paragraph("The service spent £3.1 million, slightly under its allocation. Most of the saving came from "
                      "a shared maintenance contract for the teaching laboratories")
    t = doc.add_table(rows=3, cols=2)
    t.style = "Table Grid"
    for i, (a, b) in enumerate([("Line", "£k"), ("Staff", "2,410"), ("Consumables", "690")]):
        t.rows[i].cells[0].text, t.rows[i].cells[1].text = a, b
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("3. Our plan", 1)
    doc.add_paragraph("The plan below was agreed by the college's technical staff group in the summer.")
    t = doc.add_table(rows=1 + len(ACTIONS), cols=4)
    t.style = "Table Grid"
    for j, h in enumerate(["No.", "Action", "Lead", "By when"]):
        t.rows[0].cells[j].text = h
        t.rows[0].cells[j].paragraphs[0].runs[0].bold = True
    for i, row in enumerate(ACTIONS, 1):
        for j, v in enumerate(row):
            t.rows[i].cells[j].text = v
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("4. Abbreviations", 1)
    for a, b in [("FTE", "full-time equivalent"), ("RSciTech", "Registered Science Technician"),
                 ("HE", "higher education")]:
        p = doc.add_paragraph()
        p.add_run(a + ": ").bold = True
        p.add_run(b)


def test_contents_with_typed_dots_and_the_chapters_it_lists_give_no_actions():
    doc, rows = run(docx_pdf(_build), "ashgrove-college-technical-services-review-2025.docx")
    assert [(r["action_id"], r["action_text"], r["owner"], r["timeframe"]) for r in rows] == ACTIONS, \
        [(r["action_id"], r["action_text"]) for r in rows]
