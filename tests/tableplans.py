"""Small plans drawn in the test that uses them (reportlab, python-docx + LibreOffice,
HTML + Chromium), for the table strategies' unit and issue tests. Each builder returns
real PDF bytes run through the real pipeline; nothing is mocked.

The action texts are generated from a seed so a table of any length can be made; the
words in them are ordinary plan English, not taken from models/.
"""
from __future__ import annotations

import io
import random
from dataclasses import dataclass

VERBS = ["Publish", "Create", "Review", "Establish", "Fund", "Develop", "Hold", "Promote", "Introduce", "Expand"]
OBJECTS = ["technician profiles on the intranet", "a mentoring scheme for new technicians",
           "the job descriptions of senior technicians", "an annual technician conference",
           "professional registration fees for all staff", "a network of technical leads",
           "a training budget for apprentices", "secondment routes between departments"]
LEADS = ["Head of Technical Services", "HR", "Comms team", "Faculty technical managers", "Technical Steering Group"]
DATES = ["July 2026", "December 2025", "Ongoing", "2027", "Spring term 2026", "Annually"]
PILLARS = ["Visibility", "Recognition", "Career Development", "Sustainability"]
PILLAR_CODES = {"Visibility": "V", "Recognition": "R", "Career Development": "CD", "Sustainability": "S"}


@dataclass(frozen=True)
class PlanRow:
    ref: str
    action: str
    lead: str
    date: str
    pillar: str


def plan_rows(n: int, seed: int = 3) -> list[PlanRow]:
    rnd = random.Random(seed)
    return [PlanRow(str(i + 1), f"{rnd.choice(VERBS)} {rnd.choice(OBJECTS)} in area {i + 1}.", rnd.choice(LEADS),
                    rnd.choice(DATES), rnd.choice(PILLARS)) for i in range(n)]


def ruled_pdf(header: list[str] | None, rows: list[list[str]], title_row: str | None = None,
              repeat_header: bool = True, col_widths: list[float] | None = None, intro: str | None = None,
              fills: dict[tuple[int, int], str] | None = None) -> bytes:
    """A plain ruled table (GRID) on landscape A4; `title_row` is a first row spanning every
    column above the header; `header=None` prints no header row at all; `fills`: (body row,
    column) -> background colour ("#0070C0"), as a status cell shaded without words."""
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph
    style = getSampleStyleSheet()["BodyText"]
    ncol = len(rows[0])
    data: list[list] = []
    styles = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if title_row:
        data.append([title_row] + [""] * (ncol - 1))
        styles.append(("SPAN", (0, 0), (-1, 0)))
    if header:
        data.append(header)
    first_body = len(data)
    data += [[Paragraph(c, style) for c in r] for r in rows]
    for (r, c), colour in (fills or {}).items():
        styles.append(("BACKGROUND", (c, first_body + r), (c, first_body + r), colors.HexColor(colour)))
    repeat = (int(bool(title_row)) + int(bool(header))) if repeat_header else 0
    widths = col_widths or ([45, 330] + [(760 - 375) / (ncol - 2)] * (ncol - 2) if ncol > 2 else None)
    return table_pdf(data, styles, widths, repeat=repeat, intro=intro)


def table_pdf(data: list[list], styles: list[tuple], widths: list[float] | None, *, repeat: int = 1,
              intro: str | None = None, landscape_page: bool = True) -> bytes:
    """A reportlab table of `data` (cells: text or flowables) with `styles` under a one-line
    title, on A4 (landscape unless told)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    style = getSampleStyleSheet()["BodyText"]
    table = Table(data, colWidths=widths, repeatRows=repeat)
    table.setStyle(TableStyle(styles))
    buf = io.BytesIO()
    story = [Paragraph(intro or "University of Exampleton Technician Commitment Action Plan 2025-2028", style),
             Spacer(1, 12), table]
    SimpleDocTemplate(buf, pagesize=landscape(A4) if landscape_page else A4, invariant=1).build(story)
    return buf.getvalue()


def docx_pdf(build) -> bytes:
    """A Word document made by `build(document)` (python-docx), printed by LibreOffice as
    the pipeline itself converts DOCX."""
    from docx import Document

    from extract.convert import to_pdf
    doc = Document()
    build(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return to_pdf(buf.getvalue(), "docx")


def html_pdf(html: str) -> bytes:
    """A web page printed by headless Chromium, as the pipeline converts HTML."""
    from extract.convert import to_pdf
    return to_pdf(html.encode("utf-8"), "html")


def run(data: bytes, name: str):
    """The real pipeline on the bytes: (document record, action rows)."""
    from tcpipe.pipeline import process_bytes
    result = process_bytes(data, name)
    return result.document.to_pylist()[0], result.actions.to_pylist()
