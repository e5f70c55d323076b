"""Essex 2020-23 as an unruled table typeset with reportlab: no rules or fills at all,
columns aligned by whitespace only, bold full-width section headings, lettered sub-actions
with hanging indents, the header row repeated on each page and rows allowed to split
across a page break (as plans exported from some design tools look). Each sub-action is
its own table row, so an aim's row breaks across pages between its sub-actions."""
from __future__ import annotations

from pathlib import Path

import pdfplumber
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from xml.sax.saxutils import escape

from . import common as c
from . import pages as pg

PAGE = landscape(A4)
MARGIN_L = MARGIN_R = 1.6 * cm
MARGIN_T = 1.9 * cm
MARGIN_B = 1.8 * cm
WIDTHS_CM = [1.1, 5.8, 3.6, 12.0, 3.9]
SIZE = 10.0
LEADING = 12.2

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=SIZE, leading=LEADING)
BOLD = ParagraphStyle("bold", parent=BODY, fontName="Helvetica-Bold")
SUB = ParagraphStyle("sub", parent=BODY, leftIndent=16, bulletIndent=0)
SECTION = ParagraphStyle("section", parent=BODY, fontName="Helvetica-Bold", fontSize=11.5,
                         leading=14)
TITLE = ParagraphStyle("title", parent=BODY, fontName="Helvetica-Bold", fontSize=15,
                       leading=19, spaceAfter=8)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10, textColor="#595959")


def column_edges() -> list[float]:
    """x positions (points) of the column boundaries, left to right."""
    xs = [MARGIN_L]
    for w in WIDTHS_CM:
        xs.append(xs[-1] + w * cm)
    return xs


def _p(text: str, style=BODY) -> Paragraph:
    return Paragraph(escape(text), style)


def _page_decor(running_header: str):
    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColorRGB(0.35, 0.35, 0.35)
        canvas.drawRightString(PAGE[0] - MARGIN_R, PAGE[1] - 1.0 * cm, running_header)
        canvas.drawCentredString(PAGE[0] / 2, 0.9 * cm, f"Page {doc.page}")
        canvas.restoreState()
    return draw


#: space below an aim's last row, points (chosen so that some aims break across pages)
AIM_GAP = 12.0


def render(plan: dict, out_pdf: Path, aim_gap: float | None = None) -> Path:
    aim_gap = AIM_GAP if aim_gap is None else aim_gap
    out_pdf = Path(out_pdf)
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    story = [_p(plan["plan_title"], TITLE)]
    for block in plan.get("intro", []):
        story.append(_p(block["p"]))
    story.append(Spacer(1, 10))

    data = [[_p(h, BOLD) if h else "" for h in plan["columns"]]]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LEFTPADDING", (0, 0), (-1, -1), 0),
             ("RIGHTPADDING", (0, 0), (-1, -1), 10),
             ("TOPPADDING", (0, 0), (-1, -1), 0),
             ("BOTTOMPADDING", (0, 0), (-1, -1), aim_gap),
             ("BOTTOMPADDING", (0, 0), (-1, 0), 8)]
    for sec in plan["sections"]:
        r = len(data)
        data.append([_p(sec["label"], SECTION), "", "", "", ""])
        style += [("SPAN", (0, r), (-1, r)), ("TOPPADDING", (0, r), (-1, r), 6),
                  ("BOTTOMPADDING", (0, r), (-1, r), 6)]
        for aim in sec["aims"]:
            for k, sub in enumerate(aim["rows"]):
                for m, a in enumerate(sub["actions"]):
                    # one table row per sub-action (reportlab moves whole rows to the next
                    # page; without rules this looks the same as a row cut by the break)
                    first_of_aim, first_of_sub = k == 0 and m == 0, m == 0
                    data.append([_p(aim["id"], BOLD) if first_of_aim else "",
                                 _p(aim["aim"]) if first_of_aim else "",
                                 _p(sub["lead"]) if first_of_sub else "",
                                 Paragraph(escape(a["text"]), SUB, bulletText=a["id"]),
                                 _p(sub["target_date"]) if first_of_sub else ""])
                    last = m == len(sub["actions"]) - 1
                    if not last:
                        r = len(data) - 1
                        style.append(("BOTTOMPADDING", (0, r), (-1, r), 3))
    table = Table(data, colWidths=[w * cm for w in WIDTHS_CM], repeatRows=1,
                  hAlign="LEFT", style=TableStyle(style))
    story.append(table)

    doc = SimpleDocTemplate(str(out_pdf), pagesize=PAGE, leftMargin=MARGIN_L,
                            rightMargin=MARGIN_R, topMargin=MARGIN_T, bottomMargin=MARGIN_B,
                            title=plan["plan_title"], author="University of Essex",
                            subject="Technician Commitment", creator="University of Essex",
                            invariant=1)
    deco = _page_decor(plan["running_header"])
    doc.build(story, onFirstPage=deco, onLaterPages=deco)
    out_pdf.write_bytes(c.pin_pdf_metadata(out_pdf.read_bytes()))
    return out_pdf


# ----------------------------------------------------------------------------- page lookup


def column_streams(pdf_path: Path, columns: list[str]) -> dict[str, pg.Stream]:
    """Like pages.column_stream, for a table without rules: each named column is the band
    between its known x boundaries (column_edges), from just below the repeated header row
    (found by its words "Aim" and "Lead" on one line) down to the bottom margin."""
    xs = column_edges()
    named = [(j, lab) for j, lab in enumerate(columns) if lab]
    chunks: dict[str, list[str]] = {lab: [] for _, lab in named}
    pagemap: dict[str, list[int]] = {lab: [] for _, lab in named}
    with pdfplumber.open(str(pdf_path)) as pdf:
        for pno, page in enumerate(pdf.pages, start=1):
            words = page.extract_words()
            head = [w for w in words if w["text"] == "Aim" and any(
                o["text"] == "Lead" and abs(o["top"] - w["top"]) < 2 for o in words)]
            if not head:
                continue
            top = head[0]["bottom"] + 2
            bottom = page.height - MARGIN_B + 2
            for j, lab in named:
                bbox = (xs[j] - 0.5, top, xs[j + 1] + 0.5, bottom)
                text = pg.squash(page.within_bbox(bbox).extract_text() or "")
                chunks[lab].append(text)
                pagemap[lab].extend([pno] * len(text))
    return {lab: pg.Stream("".join(chunks[lab]), pagemap[lab]) for lab in chunks}
