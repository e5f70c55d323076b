"""Render the Portsmouth narrative plan (portrait Word document, "Action N" blocks)."""
from __future__ import annotations

from pathlib import Path

from docx.shared import Pt, RGBColor

from . import common as c

MARGINS_CM = (2.5, 2.3, 2.5, 2.3)
#: Body area for page lookups: skip the running header and the footer (points).
BODY_TOP = 55.0
BODY_BOTTOM = 55.0
PURPLE = RGBColor(0x62, 0x1B, 0x74)


def _label(doc, text: str) -> None:
    p = doc.add_paragraph()
    c.para_spacing(p, 6, 2, keep_next=True)
    r = p.add_run(text)
    r.bold = True


def render(plan: dict, out_pdf: Path) -> Path:
    doc = c.new_document(landscape=False, size=10.5, margins_cm=MARGINS_CM,
                         title=plan["plan_title"], author="University of Portsmouth",
                         subject="Technician Commitment")
    c.add_running_header_footer(
        doc, f"{plan['institution']} – {plan['plan_title']}")
    p = doc.add_paragraph()
    c.para_spacing(p, 0, 12)
    r = p.add_run(plan["plan_title"])
    r.bold = True
    r.font.size = Pt(20)
    r.font.color.rgb = PURPLE

    for block in plan["intro"]:
        c.body(doc, block["text"], after=8, links=block.get("links"))
    for area in plan["key_areas"]:
        c.bullet(doc, area["name"], after=1)
        doc.paragraphs[-1].runs[0].bold = True
        q = doc.add_paragraph()
        q.paragraph_format.left_indent = c.Cm(0.63)
        c.para_spacing(q, 0, 6)
        q.add_run(area["text"])

    c.heading(doc, plan["overview_heading"], size=15, before=14, after=6, color=PURPLE)
    for text in plan["overview_intro"]:
        c.body(doc, text, after=8)
    table = doc.add_table(rows=1, cols=2)
    hdr = table.rows[0]
    c.repeat_as_header(hdr)
    for cell, label in zip(hdr.cells, plan["overview_columns"]):
        c.cell_paragraphs(cell, [{"text": label, "bold": True}])
        c.shade(cell, "E7DDEB")
    for item in plan["overview"]:
        row = table.add_row()
        c.cell_paragraphs(row.cells[0], [str(item["no"])])
        # statements are links to the Action blocks in the original: underlined
        c.cell_paragraphs(row.cells[1], [{"text": item["statement"], "links": [item["statement"]]}])
    c.set_table_borders(table, color="7F7F7F")
    c.set_table_layout(table, [1.4, 15.0], cell_margin_cm=0.15)

    for a in plan["actions"]:
        h = c.heading(doc, f"Action {a['number']}", size=15, before=18, after=4, color=PURPLE)
        t = doc.add_paragraph()
        c.para_spacing(t, 0, 6, keep_next=True)
        r = t.add_run(a["title"])
        r.bold = True
        r.font.size = Pt(11.5)
        c.body(doc, a["description"], after=4, links=a.get("links"))
        for label, key in (("Supporting Actions Required:", "supporting_actions"),
                           ("Success Measure:", "success_measure"),
                           ("Stakeholders:", "stakeholders")):
            _label(doc, label)
            for text in a[key]:
                c.body(doc, text, after=2)
        _label(doc, "Commitment areas:")
        for area in a["commitment_areas"]:
            q = doc.add_paragraph()
            c.para_spacing(q, 0, 1)
            q.paragraph_format.left_indent = c.Cm(0.4)
            q.add_run(area)
        del h
    return c.docx_to_pdf(doc, out_pdf)
