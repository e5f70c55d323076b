"""Blind round 11 (dunmarsh): a Word plan with ONE small two-column table per action, a title
row merged across it ("Action 1.2: <short title>") over rows "Description | ...", "Lead | ...",
"Support | ...", "Milestones | <bullets>", "Success measure | ...", two or three tables a page,
some broken across a page. Every table was turned down ("no header row and no column of
actions"; where the first field row was read as a header, "not an action table") and nothing
else read them: 0 of 16.

What makes them records is structure: the first column repeats the same short labels table
after table (a label column), so each table is one action, its labels the fields, its title
row the id and the statement. Word document printed by LibreOffice (as the pipeline converts
DOCX); invented wording and other labels than the blind plan's."""
from __future__ import annotations

from tests.tableplans import docx_pdf, run

RECORDS = [
    ("A1", "Open days for the science workshops",
     "Run two open afternoons a year when any member of staff can visit the workshops and meet the team.",
     "Workshop Manager", "Estates Communications", ["First afternoon in March 2026", "Second in October 2026"],
     "Two hundred visitors a year"),
    ("A2", "A technical voice on the space committee",
     "Give a senior technician a seat on the committee that allocates laboratory space.",
     "Registrar", "Faculty Operating Officers", ["Standing orders changed by January 2026"],
     "A technician attends every meeting"),
    ("A3", "Named credit on instrument booking pages",
     "Print the names of the technicians who run each instrument on its booking page and in facility reports.",
     "Research Facilities Director", "Web Team", ["Pages updated by May 2026", "Checked every summer"],
     "Every facility page names its staff"),
    ("B1", "Paid time for professional registration",
     "Allow three working days for each technician preparing an application for registration.",
     "Head of People", "Line managers", ["Guidance issued in autumn 2025", "First claims in spring 2026"],
     "Thirty applications in the first year"),
    ("B2", "A prize for technical teamwork",
     "Create a prize for a technical team whose work made a difference to students or research.",
     "Vice-Principal (Operations)", "Technician Forum", ["Nominations open in February 2026"],
     "The prize is awarded every year"),
    ("B3", "Mentoring circles for new starters",
     "Set up small mentoring circles in which experienced technicians meet new colleagues once a month.",
     "Organisational Development", "Senior Technicians", ["Pilot in two schools in 2026", "All schools by 2027"],
     "Eight circles running"),
    ("C1", "A ladder of technical grades",
     "Publish how a technician moves from one grade to the next and what evidence a panel looks for.",
     "Reward Manager", "Trade union representatives", ["Draft ladder by April 2026", "Approved in July 2026"],
     "The ladder is used in every regrading case"),
]
LABELS = ("Summary", "Owner", "Working with", "Key dates", "Evidence of success")


def _build(doc):
    from docx.shared import Cm, Pt
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_heading("Loxford College: Technician Commitment Plan 2025–2028", 0)
    doc.add_paragraph("Each commitment below has a table of its own. The college's technical staff group wrote the plan "
                      "after a survey in the spring and will review it every term.")
    for ref, title, summary, owner, partner, dates, evidence in RECORDS:
        doc.add_paragraph()
        t = doc.add_table(rows=1 + len(LABELS), cols=2)
        t.style = "Table Grid"
        head = t.rows[0].cells[0].merge(t.rows[0].cells[1])
        head.text = f"Commitment {ref}: {title}"
        head.paragraphs[0].runs[0].bold = True
        for i, (label, value) in enumerate(zip(LABELS, (summary, owner, partner, dates, evidence)), 1):
            t.rows[i].cells[0].text = label
            t.rows[i].cells[0].paragraphs[0].runs[0].bold = True
            if isinstance(value, list):
                cell = t.rows[i].cells[1]
                cell.text = value[0]
                for v in value[1:]:
                    cell.add_paragraph(v)
            else:
                t.rows[i].cells[1].text = value
        for row in t.rows:
            row.cells[0].width, row.cells[1].width = Cm(3.8), Cm(12.2)


def test_one_small_table_per_action_read_as_one_record_each():
    doc, rows = run(docx_pdf(_build), "loxford-college-tc-plan-2025-2028.docx")
    got = [(r["action_id"], r["action_text"], r["owner"]) for r in rows]
    assert got == [(ref, title, owner) for ref, title, _, owner, *_ in RECORDS], got
    for r, (_, _, summary, _, partner, dates, evidence) in zip(rows, RECORDS):
        assert r["description"] == summary
        assert all(d in (r["timeframe"] or "") for d in dates), r["timeframe"]
        assert r["success_measures"] == evidence
        assert {"header": "Working with", "text": partner} in r["extra_fields"]
    assert any(r["page_start"] < r["page_end"] for r in rows)     # a table broken across a page is one record
