"""A progress report of the Essex 2024-27 plan: the Visibility and Recognition aims (whole
aims, every action kept) in the plan's table with two extra columns, "RAG" and "Progress
update", and a small KEY table (Status | Meaning) before it. Word document exported by
LibreOffice, like the Essex plan itself.

The RAG statuses and progress texts are FICTIONAL (invented for the test; the seed plan
has none). The RAG column states the status in three ways: as a word ("Green", "Amber"),
as a letter ("R", "A"), or with no text at all, only the cell's fill colour."""
from __future__ import annotations

import copy
from pathlib import Path

from docx.shared import Pt, RGBColor

from . import common as c
from . import essex

SECTIONS = ("Visibility", "Recognition")
EXTRA_COLUMNS = ["RAG", "Progress update"]
SUBTITLE = "Progress report, July 2025 (end of year 1)"
INTRO = ("This report records progress at the end of the first year of the plan for the "
         "Visibility and Recognition aims. Each aim has a RAG status (see the key) and a "
         "short update from the Technician Commitment Working Group (TCWG).")
KEY = [("Red", "C00000", "Not started, or off track and needing attention"),
       ("Amber", "FFC000", "In progress, with some delay or risk"),
       ("Green", "00B050", "On track or complete")]
WIDTHS_CM = [2.4, 5.6, 3.3, 2.3, 2.4, 2.7, 1.2, 1.3, 5.3]
SIZE = 8.5

#: aim id -> (text printed in the RAG cell, fill, status, progress update). FICTIONAL.
PROGRESS = {
    "V1": ("Green", "00B050", "green",
           "TCWG met every term in 2024-25. Membership and Terms of Reference reviewed in "
           "October 2024; representatives now report back at department meetings."),
    "V2": ("", "FFC000", "amber",
           "Committee membership reviewed in spring 2025. Two further committees identified "
           "for technician representation; invitations still pending."),
    "V3": ("R", "C00000", "red",
           "Newsletter and blog articles continued, but the technician award scheme has not "
           "been set up: the proposal waits for the review of University awards."),
    "V4": ("Amber", "FFC000", "amber",
           "Action Plan published on the website in September 2024. Induction material "
           "drafted and awaiting sign-off by People and Culture."),
    "R1": ("", "00B050", "green",
           "Registration drop-in sessions held each term; eleven technicians supported with "
           "applications and first-year fees funded for six."),
    "R2": ("Green", "00B050", "green",
           "Guidance on acknowledging technical contributions circulated to research "
           "groups; author monitoring started with the library."),
    "R3": ("", "FF0000", "red",
           "Not started: the education awareness campaign moved to year 2 while the teaching "
           "survey results are analysed."),
    "R4": ("A", "FFC000", "amber",
           "Two nominations made to external awards; champions' roles are being collected "
           "but not yet recognised in workload models."),
}


def subset(plan: dict) -> dict:
    """The plan restricted to the reported sections, with the two extra columns."""
    sub = copy.deepcopy(plan)
    sub["sections"] = [s for s in plan["sections"] if s["label"] in SECTIONS]
    sub["columns"] = list(plan["columns"]) + EXTRA_COLUMNS
    return sub


def _key_table(doc) -> None:
    c.heading(doc, "KEY", size=SIZE + 1.5, before=4, after=3)
    table = doc.add_table(rows=1, cols=2)
    hdr = table.rows[0]
    for cell, label in zip(hdr.cells, ("Status", "Meaning")):
        c.cell_paragraphs(cell, [{"text": label, "bold": True}])
        c.shade(cell, essex.HEADER_FILL)
    for word, fill, meaning in KEY:
        row = table.add_row()
        c.cell_paragraphs(row.cells[0], [{"text": word, "bold": True}])
        c.shade(row.cells[0], fill)
        c.cell_paragraphs(row.cells[1], [meaning])
    c.set_table_borders(table)
    c.set_table_layout(table, [2.2, 8.0])
    gap = doc.add_paragraph()
    c.para_spacing(gap, 0, 8)


def build(plan: dict):
    rep = subset(plan)
    doc = c.new_document(landscape=True, size=SIZE, margins_cm=(1.8, 1.6, 1.9, 1.6),
                         title=f"{plan['plan_title']} - {SUBTITLE}",
                         author="University of Essex", subject="Technician Commitment")
    c.add_running_header_footer(doc, f"{plan['running_header']} – progress report")
    p = doc.add_paragraph()
    c.para_spacing(p, 0, 2)
    r = p.add_run(plan["plan_title"])
    r.bold = True
    r.font.size = Pt(SIZE + 6)
    p = doc.add_paragraph()
    c.para_spacing(p, 0, 8)
    r = p.add_run(SUBTITLE)
    r.font.size = Pt(SIZE + 3)
    r.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    c.body(doc, INTRO, after=6)
    _key_table(doc)

    cols = rep["columns"]
    table = doc.add_table(rows=1, cols=len(cols))
    essex._header_row(table, cols)
    for sec in rep["sections"]:
        essex._section_row(table, [{"text": sec["label"], "bold": True},
                                   {"text": f" - {sec['text']}"}])
        for aim in sec["aims"]:
            cells = table.add_row().cells
            aim_paras = [f"{aim['id']} {aim['sep']} {aim['aim']}"]
            if aim["citations"]:
                aim_paras.append(" ".join(aim["citations"]))
            c.cell_paragraphs(cells[0], aim_paras, after=3)
            c.cell_paragraphs(cells[1], [
                {"text": f"{a['id']} {a['sep']} {a['text']}", "links": a.get("links")}
                for a in aim["actions"]], after=3)
            c.cell_paragraphs(cells[2], aim["success_measures"], after=3)
            c.cell_paragraphs(cells[3], aim["timeframe"], after=3)
            c.cell_paragraphs(cells[4], aim["resources"], after=3)
            c.cell_paragraphs(cells[5], [essex._responsible_item(t, aim["labels_underlined"])
                                         for t in aim["responsible"]], after=3)
            c.cell_paragraphs(cells[6], [aim["pillars"]] if aim["pillars"] else [])
            text, fill, _, update = PROGRESS[aim["id"]]
            c.cell_paragraphs(cells[7], [{"text": text, "bold": True}] if text else [])
            c.shade(cells[7], fill)
            c.cell_paragraphs(cells[8], [update])
    c.set_table_borders(table)
    c.set_table_layout(table, WIDTHS_CM)
    return doc


def render(plan: dict, out_pdf: Path) -> Path:
    return c.docx_to_pdf(build(plan), out_pdf)


def expected_doc(plan: dict, pdf: Path, source_file: str) -> dict:
    """The plan's rows for the reported aims (pages located as for the Essex plan: column by
    column inside the rules) plus rag_status and progress from the aim's RAG and progress
    cells, which apply to all its sub-actions."""
    from . import expected
    rep = subset(plan)
    doc = expected.essex_2024(rep, pdf, source_file)
    for row in doc["actions"]:
        _, _, status, update = PROGRESS[row["parent_id"]]
        row["rag_status"] = status
        row["progress"] = c.ws(update)
    doc["columns_as_printed"] = rep["columns"]
    doc["non_action_tables"] = [{"header": ["Status", "Meaning"], "rows": len(KEY), "page": 1}]
    doc["rag_cells"] = {aim: {"printed": t or None, "fill": f, "status": st}
                        for aim, (t, f, st, _) in PROGRESS.items()}
    doc["notes"] = [
        "Progress report of the Visibility and Recognition aims only (whole aims); the RAG "
        "statuses and progress updates are fictional.",
        "RAG is printed as a word (V1, R2 'Green'; V4 'Amber'), as a letter (V3 'R', R4 "
        "'A') or only as the cell's fill colour with no text (V2 amber FFC000, R1 green "
        "00B050, R3 red FF0000).",
        "The KEY table (Status | Meaning) before the action table is not an action table.",
        "rows_split_across_pages covers the plan's seven columns, not RAG/Progress update.",
    ]
    return doc
