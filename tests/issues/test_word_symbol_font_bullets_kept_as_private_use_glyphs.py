"""Blind round 6 (elmsworth): Word's List Bullet style draws its bullet from the Symbol font,
which a PDF carries as the private-use character U+F0B7. No reader of bullets knew it inside a
table cell, so every action kept the glyph ("\\uf0b7 Set up a technician page ... \\uf0b7 Add
...") and a cell of several bulleted actions stayed one row, where the same cell with "•"
gives one row per item. The Symbol and Wingdings bullet glyphs are now read as the bullets
they print (extract.text.clean_text), so the cell splits into its atomic actions like any
other bulleted cell, under the row's number as parent."""
from __future__ import annotations

from docx.shared import Pt

from tests.tableplans import docx_pdf, run

ROWS = [("1", ["Set up a technician page on the University website",
               "Add a short profile for each technical team with a photo"],
         "Marketing and Communications", "Q3 2026"),
        ("2", ["Hold a technicians' away day each year",
               "Invite speakers from other signatories to the away day"],
         "TC Working Group", "Annually"),
        ("3", ["Fund registration fees for all technicians who apply"], "Registration Lead", "Ongoing")]


def _build(doc) -> None:
    doc.add_paragraph("Tolworth University Technician Commitment Action Plan 2026-2029").runs[0].font.size = Pt(14)
    t = doc.add_table(rows=1 + len(ROWS), cols=4)
    t.style = "Table Grid"
    for j, head in enumerate(["No.", "What we will do", "Owner", "Timeframe"]):
        t.rows[0].cells[j].text = head
    for i, (number, bullets, owner, when) in enumerate(ROWS, start=1):
        cells = t.rows[i].cells
        cells[0].text = number
        cell = cells[1]
        cell.text = ""
        cell.paragraphs[0].style = doc.styles["List Bullet"]
        cell.paragraphs[0].add_run(bullets[0])
        for b in bullets[1:]:
            cell.add_paragraph(b, style="List Bullet")
        cells[2].text, cells[3].text = owner, when


def test_symbol_font_bullets_split_the_cell_and_leave_no_glyph():
    _, rows = run(docx_pdf(_build), "tolworth-bullets.pdf")
    texts = [r["action_text"] for r in rows]
    assert not any(ch in t for t in texts for ch in "\uf0b7\uf0a7•"), texts
    want = [(number, b, owner) for number, bullets, owner, _ in ROWS for b in bullets]
    got = [((r["parent_id"] or r["action_id"]), r["action_text"], r["owner"]) for r in rows]
    assert got == want, got
