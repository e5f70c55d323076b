"""Blind round 7 (harlow-fen): a portrait Word document, a cover, a CONTENTS page written with
a dot-leader tab ("1. Introduction.......3": the leaders run into the page number, no space
before it), two numbered chapters of prose, then a landscape section holding the action
table. The contents page gave three rows (leaders kept in the text) and the chapter headings
"Introduction" and "How the plan was developed" two more: a numbered heading over prose
paragraphs was read as a numbered item. And the cover's title set in one paragraph, its
period in the next ("Technical Staff Commitment: Action Plan" / "2025–2028", both as large
as most of the cover's lines), lost its period.

A contents entry's page number may touch its leaders; a numbered heading over paragraphs of
prose, neither reading as an action, is a chapter; a title set in the body's style runs on
onto a line below holding its period alone. Word document printed by LibreOffice (as the
pipeline converts DOCX); invented wording."""
from __future__ import annotations

from tests.tableplans import docx_pdf, run

ACTIONS = [
    ("1", "Publish the number of technical staff in each school every year", "Director of People", "Annually"),
    ("2", "Create a web page for each technical team", "Digital Services", "By June 2027"),
    ("3", "Fund registration with a professional body for technical staff", "Technical Board", "From 2026"),
    ("4", "Add a technical member to the research ethics panel", "University Secretary", "By March 2027"),
    ("5", "Open the leadership course to senior technicians", "Staff Development", "From January 2027"),
    ("6", "Offer short placements between technical teams", "Heads of Technical Services", "By July 2028"),
]
CHAPTERS = [
    ("1. About this plan",
     "Marshfield University employs about 240 technical staff across its schools and research facilities. "
     "The University signed the Technician Commitment in 2020 and reviewed its progress in 2025. This document "
     "sets out what it will do in the next three years."),
    ("2. How we listened",
     "A group of ten technicians and three managers met five times between February and May 2026. They read the "
     "results of the staff survey and the notes of two open meetings held on each campus."),
]


def _build(doc):
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    doc.styles["Normal"].font.size = Pt(10)
    for _ in range(6):
        doc.add_paragraph()
    for text, size, bold in (("Marshfield University", 26, True), ("Technician Commitment: Our Action Plan", 18, False),
                             ("2026–2029", 18, False)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = p.add_run(text)
        r.bold, r.font.size = bold, Pt(size)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("Approved by the University Council, November 2026")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Contents", 1)
    for title, page in [(t, 3) for t, _ in CHAPTERS] + [("3. Our actions", 4), ("Appendix: Terms used", 5)]:
        para = doc.add_paragraph()
        para.paragraph_format.tab_stops.add_tab_stop(Cm(16), leader=1)     # a dot leader
        para.add_run(f"{title}\t{page}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for title, text in CHAPTERS:
        doc.add_heading(title, 1)
        doc.add_paragraph(text)
    land = doc.add_section(WD_SECTION.NEW_PAGE)
    land.orientation = WD_ORIENT.LANDSCAPE
    land.page_width, land.page_height = Cm(29.7), Cm(21.0)
    doc.add_heading("3. Our actions", 1)
    t = doc.add_table(rows=1 + len(ACTIONS), cols=4)
    t.style = "Table Grid"
    for j, h in enumerate(["No.", "Action", "Lead", "By when"]):
        t.rows[0].cells[j].text = h
        t.rows[0].cells[j].paragraphs[0].runs[0].bold = True
    for i, row in enumerate(ACTIONS, 1):
        for j, v in enumerate(row):
            t.rows[i].cells[j].text = v
    port = doc.add_section(WD_SECTION.NEW_PAGE)
    port.orientation = WD_ORIENT.PORTRAIT
    port.page_width, port.page_height = Cm(21.0), Cm(29.7)
    doc.add_heading("Appendix: Terms used", 1)
    doc.add_paragraph("Technical staff: everyone in a technical role, whatever their job title.")


def test_contents_page_and_chapter_headings_give_no_actions_and_the_title_keeps_its_period():
    doc, rows = run(docx_pdf(_build), "marshfield-tc-plan-2026-2029.docx")
    assert [(r["action_id"], r["action_text"], r["owner"], r["timeframe"]) for r in rows] == ACTIONS, \
        [r["action_text"] for r in rows]
    assert doc["plan_title"] == "Technician Commitment: Our Action Plan 2026–2029"
    assert (doc["period_start"], doc["period_end"]) == (2026, 2029)
