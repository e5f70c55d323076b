"""Word documents (python-docx) for the zoo: the plan's title block and intro, logical tables
(tables.Table) as ruled Word tables with vertically merged cells, section rows and repeated
header rows, narrative "Action N" blocks, numbered lists, and the not-an-action furniture.
Converted to PDF in batches by one LibreOffice call (render.soffice_batch)."""
from __future__ import annotations

import random

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .. import common as c
from . import content as ct
from .tables import Table

FONTS = ["Carlito", "Carlito", "Liberation Sans", "Liberation Serif", "Caladea", "DejaVu Sans"]


def new_doc(rng: random.Random, plan: ct.Plan, *, landscape: bool | None = None, font: str | None = None):
    landscape = rng.random() < 0.6 if landscape is None else landscape
    font = font or rng.choice(FONTS)
    size = rng.choice([9, 9.5, 10, 10, 11])
    m = rng.choice([1.5, 2.0, 2.54])
    doc = c.new_document(landscape=landscape, font=font, size=size, margins_cm=(m, m, m, m),
                         title=plan.title, author=plan.institution)
    if rng.random() < 0.5:
        c.add_running_header_footer(doc, f"{plan.institution} – {plan.title}" if rng.random() < 0.5
                                    else plan.institution)
    else:
        c.add_running_header_footer(doc, None)
    return doc, {"landscape": landscape, "font": font, "size": size, "margin_cm": m}


def title_block(rng: random.Random, doc, plan: ct.Plan, intro: int | None = None) -> None:
    if plan.institution not in plan.title and rng.random() < 0.7:
        p = doc.add_paragraph()
        c.para_spacing(p, 0, 4)
        r = p.add_run(plan.institution)
        r.bold = True
        r.font.size = Pt(12)
    c.heading(doc, plan.title, size=rng.choice([14, 16, 18]), before=0, after=8)
    if plan.institution not in plan.title and rng.random() < 0.3:
        c.body(doc, f"Prepared by the technician steering group of {plan.institution}.")
    n = rng.randint(0, 3) if intro is None else intro
    paras = ct.vocabulary()["intro_paragraphs"]
    if n:
        c.heading(doc, rng.choice(["Introduction", "About this plan", "Background"]), size=12)
    for t in paras[:n]:
        c.body(doc, t.format(inst=plan.institution, period=plan.period_text))


def _cant_split(row) -> None:
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def add_table(doc, t: Table, *, width_cm: float, size: float | None = None, cant_split: bool = False,
              section_fill: str = "D9D9D9") -> None:
    n_rows = 1 + len(t.rows)
    tbl = doc.add_table(rows=n_rows, cols=len(t.roles))
    c.set_table_borders(tbl)
    c.set_table_layout(tbl, t.widths(width_cm))
    hdr = tbl.rows[0]
    for j, role in enumerate(t.roles):
        cell = hdr.cells[j]
        c.cell_paragraphs(cell, [{"text": t.headers[role], "bold": True}], size=size)
        if t.header_fill:
            c.shade(cell, t.header_fill)
    if t.repeat_header:
        c.repeat_as_header(hdr)
    # merges first (python-docx merge keeps the top cell's text)
    for i, r in enumerate(t.rows, start=1):
        if r.section is not None:
            row = tbl.rows[i]
            merged = row.cells[0].merge(row.cells[len(t.roles) - 1])
            c.cell_paragraphs(merged, [{"text": r.section, "bold": True}], size=size)
            c.shade(merged, section_fill)
            continue
        for j, role in enumerate(t.roles):
            cell = r.cells[role]
            if cell.span > 1:
                tbl.cell(i, j).merge(tbl.cell(i + cell.span - 1, j))
    for i, r in enumerate(t.rows, start=1):
        if r.section is not None:
            continue
        if cant_split:
            _cant_split(tbl.rows[i])
        for j, role in enumerate(t.roles):
            cell = r.cells[role]
            if cell.span == 0:
                continue
            target = tbl.cell(i, j)
            if cell.paras:
                c.cell_paragraphs(target, list(cell.paras), size=size)
            if cell.fill:
                c.shade(target, cell.fill)


def usable_width(meta: dict) -> float:
    return (29.7 if meta["landscape"] else 21.0) - 2 * meta["margin_cm"]


def numbered_item(doc, marker: str, text: str, indent_cm: float = 0.9) -> None:
    p = doc.add_paragraph()
    pf = p.paragraph_format
    pf.left_indent = Cm(indent_cm)
    pf.first_line_indent = Cm(-indent_cm)
    pf.tab_stops.add_tab_stop(Cm(indent_cm))
    c.para_spacing(p, 0, 3)
    p.add_run(f"{marker}\t{text}")


def label_para(doc, label: str, text: str, after: float = 3) -> None:
    p = doc.add_paragraph()
    c.para_spacing(p, 0, after)
    r = p.add_run(f"{label}: ")
    r.bold = True
    p.add_run(text)


def simple_table(doc, header: list[str], rows: list[list[str]], widths: list[float], fills=None) -> None:
    tbl = doc.add_table(rows=1 + len(rows), cols=len(header))
    c.set_table_borders(tbl)
    c.set_table_layout(tbl, widths)
    for j, h in enumerate(header):
        c.cell_paragraphs(tbl.rows[0].cells[j], [{"text": h, "bold": True}])
    for i, r in enumerate(rows, start=1):
        for j, v in enumerate(r):
            c.cell_paragraphs(tbl.rows[i].cells[j], [v] if v else [])
            if fills and fills[i - 1][j]:
                c.shade(tbl.rows[i].cells[j], fills[i - 1][j])


def centred(doc, text: str) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(text).font.color.rgb = RGBColor(0x59, 0x59, 0x59)
