"""Layout families first met in the blind rounds (tests/blind/): each failed there once and was
fixed by a general mechanism; here they are randomised so the fix is measured on many variants,
not the one plan that showed it. Slides of rounded cards side by side, Word tables whose every
action takes two rows (its cells, then a merged row of "Label: value" fields), tables with a tick
column per pillar, and zebra-striped tables with no rules."""
from __future__ import annotations

import random
import textwrap
from pathlib import Path
from xml.sax.saxutils import escape as xesc

from docx.enum.table import WD_ALIGN_VERTICAL
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as rl_landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepInFrame, Paragraph, TableStyle
from reportlab.platypus import Table as RLTable

from .. import common as c
from . import content as ct
from . import tables as tb
from . import word
from .job import Job, _gold, _job, table_document

FONTS = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold"}


def _actions(plan: ct.Plan):
    """(pillar, group, action) in V, R, CD, S order."""
    return [(p, g, a) for p, gs in ct.by_pillar(plan) for g in gs for a in g.actions]


# ----------------------------------------------------------------------------- slides


def slide_cards(rng: random.Random, plan: ct.Plan, name: str) -> Job:
    """A slide deck printed to PDF: a cover slide, then per pillar one or more slides of
    rounded boxes, two to four side by side (or a 2x2 grid), each an action with its lead and
    date in smaller grey type under it."""
    voc = ct.vocabulary()
    W, H = rng.choice([(960, 540), (842, 595), (792, 612)])
    per_slide = rng.choice([2, 3, 3, 4])
    grid = per_slide == 4 and rng.random() < 0.5
    radius = rng.choice([4, 8, 12, 16])
    fill = rng.choice([None, "#EAF1FB", "#F2F2F2", "#FFF4E0"])
    band = rng.choice(["#1F3864", "#7030A0", "#0B6E4F", "#9E1B32"])
    font = rng.choice(list(FONTS))
    bold = FONTS[font]
    labels = {"owner": rng.choice(voc["card_labels"]["owner"] + ["Who"]),
              "timeframe": rng.choice(voc["card_labels"]["timeframe"] + ["By"])}
    fields = [f for f in ("owner", "timeframe") if rng.random() < 0.8]
    numbered = rng.random() < 0.5
    title_bold = rng.random() < 0.5
    form = rng.choice(["{name}", "Pillar {n}: {name}", "{upper}", "{name} ({letter})"])
    intro = rng.random() < 0.3
    size = rng.choice([11, 12, 13])
    body = ParagraphStyle("b", fontName=bold if title_bold else font, fontSize=size, leading=size * 1.25)
    small = ParagraphStyle("s", fontName=font, fontSize=size - 2.5, leading=(size - 2.5) * 1.25,
                           textColor=HexColor("#595959"), spaceBefore=4)
    slides: list[tuple[str, list[tuple[ct.Action, int]]]] = []
    rows: list[dict] = []
    n = 0
    for p, gs in ct.by_pillar(plan):
        heading = ct.section_text(form, p)
        acts = [a for g in gs for a in g.actions]
        for k in range(0, len(acts), per_slide):
            chunk = []
            for a in acts[k:k + per_slide]:
                n += 1
                chunk.append((a, n))
                rows.append(_gold(a.text, action_id=str(n) if numbered else None, section=heading,
                                  owner=a.owner if "owner" in fields else None,
                                  timeframe=a.timeframe if "timeframe" in fields else None,
                                  pillars=[p], stated=True))
            slides.append((heading, chunk))

    def band_title(cv: Canvas, text: str) -> None:
        cv.setFillColor(HexColor(band))
        cv.rect(0, H - 70, W, 70, stroke=0, fill=1)
        cv.setFillColor(HexColor("#FFFFFF"))
        cv.setFont(bold, 24)
        cv.drawString(40, H - 47, text)

    def footer(cv: Canvas, k: int) -> None:
        cv.setFillColor(HexColor("#7F7F7F"))
        cv.setFont(font, 8)
        cv.drawString(40, 18, f"{plan.institution} | {plan.title}")
        cv.drawRightString(W - 40, 18, str(k))

    def build(out: Path) -> None:
        cv = Canvas(str(out), pagesize=(W, H), invariant=1)
        cv.setTitle(plan.title)
        cv.setAuthor(plan.institution)
        cv.setFillColor(HexColor(band))
        cv.rect(0, 0, W, H, stroke=0, fill=1)
        cv.setFillColor(HexColor("#FFFFFF"))
        cv.setFont(bold, 30)
        for k, line in enumerate(textwrap.wrap(plan.title, 48)):
            cv.drawString(50, H * 0.55 - 36 * k, line)
        cv.setFont(font, 16)
        cv.drawString(50, H * 0.55 - 36 * len(textwrap.wrap(plan.title, 48)) - 30, plan.institution)
        cv.showPage()
        page = 2
        if intro:
            band_title(cv, "Where we are now")
            cv.setFillColor(HexColor("#000000"))
            cv.setFont(font, 14)
            for i, t in enumerate(rng.sample(voc["achievements"], 3)):
                cv.drawString(60, H - 130 - 34 * i, "\u2022  " + t[:95])
            footer(cv, page)
            cv.showPage()
            page += 1
        for heading, chunk in slides:
            band_title(cv, heading)
            cols = 2 if grid else len(chunk) if len(chunk) > 1 else per_slide
            nrows = 2 if grid else 1
            gap, top, bottom = 18, H - 95, 45
            bw = (W - 80 - gap * (cols - 1)) / cols
            bh = (top - bottom - gap * (nrows - 1)) / nrows
            for i, (a, num) in enumerate(chunk):
                r, col = divmod(i, cols)
                x, y = 40 + col * (bw + gap), top - (r + 1) * bh - r * gap
                cv.setStrokeColor(HexColor(band))
                cv.setLineWidth(1.2)
                if fill:
                    cv.setFillColor(HexColor(fill))
                cv.roundRect(x, y, bw, bh, radius, stroke=1, fill=1 if fill else 0)
                story = []
                if numbered:
                    story.append(Paragraph(f"Action {num}", small))
                story.append(Paragraph(xesc(a.text), body))
                vals = {"owner": a.owner, "timeframe": a.timeframe}
                for f in fields:
                    if vals[f]:
                        story.append(Paragraph(f"{xesc(labels[f])}: {xesc(vals[f])}", small))
                fr = Frame(x + 6, y + 6, bw - 12, bh - 12, showBoundary=0)
                fr.addFromList([KeepInFrame(bw - 12, bh - 12, story, mode="shrink")], cv)
            footer(cv, page)
            cv.showPage()
            page += 1
        cv.save()

    return _job(name, "slide_cards", "reportlab", build, rows, plan,
                {"page": [W, H], "per_slide": per_slide, "grid": grid, "radius": radius, "fill": fill,
                 "labels": labels, "fields": fields, "numbered": numbered, "font": font, "intro": intro},
                talent=False)


# ----------------------------------------------------------------------------- two-row records (Word)


def record_tables(rng: random.Random, plan: ct.Plan, name: str) -> Job:
    """A Word table in which each action takes two rows: its id and text (and perhaps a
    pillar), then one cell merged across the table holding its 'Label: value' fields
    ("Success measure: ... / Lead: ... / By: ..."). Section rows, also merged across, may sit
    between the actions."""
    voc = ct.vocabulary()
    doc, meta = word.new_doc(rng, plan)
    word.title_block(rng, doc, plan)
    labels = {"measure": rng.choice(voc["narrative_labels"]["measure"]),
              "owner": rng.choice(["Lead", "Responsible", "Owner", "Accountable"]),
              "timeframe": rng.choice(["By", "Deadline", "Target date", "When"])}
    order = rng.sample(["measure", "owner", "timeframe"], 3)
    sep = rng.choice([" / ", "; ", " | ", "\n"])
    sections = rng.choice([None, rng.choice(voc["section_forms"])])
    ids = rng.random() < 0.8
    pillar_col = rng.random() < 0.3
    id_scheme = ct.IdScheme(rng.choice(["pillar", "dotted", "seq"]))
    groups = [g for _, gs in ct.by_pillar(plan) for g in gs]
    assigned = id_scheme.assign(groups)
    header = ([rng.choice(voc["headers"]["id"])] if ids else []) + [rng.choice(voc["headers"]["action"])] \
        + ([rng.choice(["Pillar", "TC pillar", "Theme"])] if pillar_col else [])
    width = word.usable_width(meta)
    widths = ([2.0] if ids else []) + [width - (2.0 if ids else 0) - (3.0 if pillar_col else 0)] \
        + ([3.0] if pillar_col else [])
    records: list[tuple[str, object]] = []     # ("section", text) | ("action", (id, action, group))
    rows: list[dict] = []
    last = None
    for g, (_, acts) in zip(groups, assigned):
        if sections and g.pillar != last:
            records.append(("section", ct.section_text(sections, g.pillar)))
        last = g.pillar
        for a, (printed, norm) in zip(g.actions, acts):
            records.append(("action", (printed, a, g)))
            sec = ct.section_text(sections, g.pillar) if sections else None
            rows.append(_gold(a.text, action_id=norm if ids and printed else None, section=sec,
                              measure=a.measure, owner=a.owner, timeframe=a.timeframe,
                              pillars=g.pillars if pillar_col else [g.pillar] if sections else g.pillars,
                              stated=bool(pillar_col or sections)))
    n_rows = 1 + sum(1 if k == "section" else 2 for k, _ in records)
    tbl = doc.add_table(rows=n_rows, cols=len(header))
    c.set_table_borders(tbl)
    c.set_table_layout(tbl, widths)
    for j, h in enumerate(header):
        c.cell_paragraphs(tbl.rows[0].cells[j], [{"text": h, "bold": True}])
        c.shade(tbl.rows[0].cells[j], "D9E2F3")
    c.repeat_as_header(tbl.rows[0])
    i = 1
    shade_fields = rng.choice([None, "F2F2F2"])
    for kind, rec in records:
        if kind == "section":
            m = tbl.rows[i].cells[0].merge(tbl.rows[i].cells[len(header) - 1])
            c.cell_paragraphs(m, [{"text": rec, "bold": True}])
            c.shade(m, "BFBFBF")
            i += 1
            continue
        printed, a, g = rec
        j = 0
        if ids:
            c.cell_paragraphs(tbl.rows[i].cells[0], [printed] if printed else [])
            j = 1
        c.cell_paragraphs(tbl.rows[i].cells[j], [a.text])
        if pillar_col:
            c.cell_paragraphs(tbl.rows[i].cells[j + 1], [ct.pillar_cell("words", g.pillars)])
        vals = {"measure": a.measure, "owner": a.owner, "timeframe": a.timeframe}
        parts = [f"{labels[f]}: {vals[f]}" for f in order if vals[f]]
        m = tbl.rows[i + 1].cells[0].merge(tbl.rows[i + 1].cells[len(header) - 1])
        paras = parts if sep == "\n" else [sep.join(parts)]
        c.cell_paragraphs(m, paras, size=meta["size"] - 1)
        m.vertical_alignment = WD_ALIGN_VERTICAL.TOP
        if shade_fields:
            c.shade(m, shade_fields)
        i += 2
    return _job(name, "record_tables", "docx", doc, rows, plan,
                {**meta, "labels": labels, "order": order, "sep": sep, "sections": sections, "ids": ids,
                 "pillar_col": pillar_col}, talent=False)


# ----------------------------------------------------------------------------- tick columns


def tick_columns(rng: random.Random, plan: ct.Plan, name: str) -> Job:
    """A ruled table with one narrow column per pillar, ticked where the action serves it:
    the plan's own pillar tags, read from which column holds a mark."""
    voc = ct.vocabulary()
    doc, meta = word.new_doc(rng, plan, landscape=True)
    word.title_block(rng, doc, plan)
    heads = rng.choice([{"V": "V", "R": "R", "CD": "CD", "S": "S"},
                        {"V": "Vis", "R": "Rec", "CD": "CD", "S": "Sus"},
                        dict(voc["pillar_names"])])
    mark = rng.choice(["\u2713", "\u2714", "X", "\u25cf", "Y"])
    blank = rng.choice(["", "", "-"]) if mark != "-" else ""
    extra = [r for r in ("owner", "timeframe", "measure") if rng.random() < 0.7]
    ids = rng.random() < 0.7
    header = ([rng.choice(voc["headers"]["id"])] if ids else []) + [rng.choice(voc["headers"]["action"])] \
        + [rng.choice(voc["headers"][r]) for r in extra] + [heads[p] for p in ct.PILLARS]
    width = word.usable_width(meta)
    tick_w = 1.3 if len(heads["V"]) <= 3 else 2.3
    fixed = (1.6 if ids else 0) + 4 * tick_w
    rest = width - fixed
    weights = [7.0] + [{"owner": 3.0, "timeframe": 2.5, "measure": 4.0}[r] for r in extra]
    widths = ([1.6] if ids else []) + [rest * w / sum(weights) for w in weights] + [tick_w] * 4
    acts = _actions(plan)
    tbl = doc.add_table(rows=1 + len(acts), cols=len(header))
    c.set_table_borders(tbl)
    c.set_table_layout(tbl, widths)
    for j, h in enumerate(header):
        c.cell_paragraphs(tbl.rows[0].cells[j], [{"text": h, "bold": True}])
    c.repeat_as_header(tbl.rows[0])
    rows = []
    for i, (p, g, a) in enumerate(acts, start=1):
        cells = tbl.rows[i].cells
        j = 0
        if ids:
            c.cell_paragraphs(cells[0], [str(i)])
            j = 1
        c.cell_paragraphs(cells[j], [a.text])
        vals = {"owner": a.owner, "timeframe": a.timeframe, "measure": a.measure}
        for k, r in enumerate(extra, start=j + 1):
            c.cell_paragraphs(cells[k], [vals[r]] if vals[r] else [])
        for k, q in enumerate(ct.PILLARS):
            cell = cells[j + 1 + len(extra) + k]
            txt = mark if q in g.pillars else blank
            c.cell_paragraphs(cell, [txt] if txt else [])
        rows.append(_gold(a.text, action_id=str(i) if ids else None,
                          owner=a.owner if "owner" in extra else None,
                          timeframe=a.timeframe if "timeframe" in extra else None,
                          measure=a.measure if "measure" in extra else None,
                          pillars=g.pillars, stated=True))
    return _job(name, "tick_columns", "docx", doc, rows, plan,
                {**meta, "heads": heads, "mark": mark, "blank": blank, "extra": extra, "ids": ids}, talent=False)


# ----------------------------------------------------------------------------- zebra stripes


def zebra_tables(rng: random.Random, plan: ct.Plan, name: str) -> Job:
    """A table with no rules at all: a dark header band with white text and alternate rows on a
    light fill (reportlab)."""
    o = tb.random_options(rng)
    o.header_fill = None
    o.mode = "row"
    o.merge_shared = False
    o.aim_mode = "repeated" if o.aim_mode == "merged" else o.aim_mode
    if "rag" in o.roles:
        o.roles.remove("rag")
    t, rows = tb.build(rng, plan.groups, o)
    land = rng.random() < 0.6
    pagesize = rl_landscape(A4) if land else A4
    font = rng.choice(list(FONTS))
    bold = FONTS[font]
    size = rng.choice([8.5, 9, 10])
    dark = rng.choice(["#1F3864", "#404040", "#0B6E4F", "#7030A0"])
    stripes = rng.choice([("#FFFFFF", "#F2F2F2"), ("#DEEAF6", "#FFFFFF"), ("#EDEDED", "#FFFFFF")])
    body = ParagraphStyle("b", fontName=font, fontSize=size, leading=size * 1.22)
    head = ParagraphStyle("h", parent=body, fontName=bold, textColor=HexColor("#FFFFFF"))
    bst = ParagraphStyle("bb", parent=body, fontName=bold)
    title_st = ParagraphStyle("t", parent=body, fontName=bold, fontSize=15, leading=19, spaceAfter=8)
    margin = 1.6 * cm
    widths = t.widths(pagesize[0] - 2 * margin)
    data = [[Paragraph(xesc(t.headers[r]), head) for r in t.roles]]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 5),
             ("RIGHTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 4),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 5), ("BACKGROUND", (0, 0), (-1, 0), HexColor(dark))]
    body_i = 0
    for r in t.rows:
        i = len(data)
        if r.section is not None:
            data.append([Paragraph(xesc(r.section), bst)] + [""] * (len(t.roles) - 1))
            style += [("SPAN", (0, i), (-1, i)), ("BACKGROUND", (0, i), (-1, i), HexColor("#BFBFBF"))]
            continue
        data.append([Paragraph("<br/>".join(xesc(p) for p in r.cells[role].paras), body) for role in t.roles])
        style.append(("BACKGROUND", (0, i), (-1, i), HexColor(stripes[body_i % 2])))
        body_i += 1
    table = RLTable(data, colWidths=widths, repeatRows=1 if t.repeat_header else 0, splitInRow=0)
    table.setStyle(TableStyle(style))
    build = table_document(rng, plan, table, pagesize, margin, font, body, bst, title_st)
    return _job(name, "zebra_tables", "reportlab", build, rows, plan,
                {**vars(o), "landscape": land, "font": font, "size": size, "stripes": stripes})


FOUND_FAMILIES = {
    "slide_cards": slide_cards,
    "record_tables": record_tables,
    "tick_columns": tick_columns,
    "zebra_tables": zebra_tables,
}
