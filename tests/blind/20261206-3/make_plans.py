#!/usr/bin/env python3
"""Blind round 3: build six fictional Technician Commitment plans in new layouts, with gold.

    /work/main/.venv/bin/python make_plans.py            # everything into raw/ and gold/

Renderers: openpyxl + LibreOffice Calc (1), reportlab (2, 3, 6 source), python-docx + LibreOffice
Writer (4), headless Chromium (5), pypdfium2 raster + PIL (6). Gold rows are built from the same
data the renderers print; every action text is checked against the PDF's words (for the scan,
against the text-layer source it was rasterised from) and page_start is taken from there.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from plans_content import ASHCOMBE, BRACKENRIDGE, KINGSMERE, LOXLEY, MARLOWE, THORNBURY  # noqa: E402

RAW = os.path.join(HERE, "raw")
GOLD = os.path.join(HERE, "gold")
BUILD = os.path.join(HERE, "build")
PILLAR = {"Visibility": "V", "Recognition": "R", "Career Development": "CD", "Career development": "CD",
          "Sustainability": "S"}


def soffice(src, outdir):
    prof = tempfile.mkdtemp(prefix="b3-lo-")
    try:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--norestore",
                        "--convert-to", "pdf", "--outdir", outdir, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=240)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    return os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + ".pdf")


def row(action_text, *, action_id=None, parent_id=None, section=None, aim=None, success=None,
        timeframe=None, owner=None, pillars=(), talent=(), details=None):
    return dict(action_id=action_id, parent_id=parent_id, section=section, aim=aim,
                action_text=action_text, details=details, supporting_actions=None,
                success_measures=success, timeframe=timeframe, owner=owner, resources=None,
                pillars=list(pillars), talent=list(talent), page_start=None)


# =============================================================================== 1. spreadsheet
def make_thornbury(p):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.properties import PageSetupProperties

    wb = Workbook()
    ws = wb.active
    ws.title = "Action Plan"
    thin = Side(style="thin", color="7F7F7F")
    boxed = Border(left=thin, right=thin, top=thin, bottom=thin)
    f = Font(name="Arial", size=9)
    ws["A1"] = f"{p['institution']} \u2013 Technician Commitment Action Plan 2025\u20132028: progress tracker"
    ws["A1"].font = Font(name="Arial", size=12, bold=True, color="1F3864")
    ws["A2"] = "Status at 31 January 2026. RAG: Green = on track, Amber = some slippage, Red = off track. Owned by the Technical Steering Group (TSG)."
    ws["A2"].font = Font(name="Arial", size=8, italic=True)
    heads = ["Ref", "Pillar", "Objective", "Action", "Owner", "Start", "Due", "RAG", "% complete", "Comments"]
    widths = [6, 10, 18, 34, 16, 7, 9, 8, 7, 30]
    hdr = 3
    for c, (h, w) in enumerate(zip(heads, widths), 1):
        cell = ws.cell(row=hdr, column=c, value=h)
        cell.font = Font(name="Arial", size=8, bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F3864")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = boxed
        ws.column_dimensions[chr(64 + c)].width = w
    rag_fill = {"Green": "92D050", "Amber": "FFC000", "Red": "FF5050", "Not started": "D9D9D9"}
    gold = []
    for i, (ref, pil, act, own, start, due, rag, pct, com) in enumerate(p["rows"]):
        r = hdr + 1 + i
        vals = [ref, pil, p["objectives"][pil], act, own, start, due, rag, pct, com]
        for c, v in enumerate(vals, 1):
            cell = ws.cell(row=r, column=c, value=v)
            cell.font = f
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if c in (1, 4, 5, 8):  # borders on some columns only
                cell.border = boxed
        lines = max(-(-len(str(v)) // max(1, int(w * 1.05))) for v, w in zip(vals, widths) if v not in (None, ""))
        ws.row_dimensions[r].height = 12 * lines + 4  # an Excel user's "autofit"
        ws.cell(row=r, column=9).number_format = "0%"
        ws.cell(row=r, column=8).fill = PatternFill("solid", fgColor=rag_fill[rag])
        gold.append(row(act, action_id=ref, section=pil, aim=p["objectives"][pil], timeframe=due,
                        owner=own, pillars=[PILLAR[pil]]))
    ws.print_title_rows = f"{hdr}:{hdr}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.scale = 88
    ws.row_dimensions[hdr].height = 26
    ws.row_dimensions[2].height = 14
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddHeader.left.text = "Thornbury Vale TC tracker"
    ws.oddFooter.right.text = "Page &P of &N"
    ws.oddFooter.left.text = "&F"
    xlsx = os.path.join(BUILD, p["key"] + ".xlsx")
    wb.save(xlsx)
    pdf = soffice(xlsx, BUILD)
    return pdf, gold


# =============================================================================== 2. strategy + appendix
MARLOWE_PROSE = [
    ("Foreword", [
        "Technical staff are woven into everything Marlowe Bay University does. They keep our teaching laboratories safe, build the rigs our engineers test, look after the collections our historians study and run the instruments that make our research possible. Too often, though, their expertise has sat in the background of our plans rather than at the centre of them.",
        "This strategy sets out, for the first time, a single picture of the technical community we want to have by 2030. It brings together our work under the Technician Commitment, which we signed in 2018, with the wider changes we are making to how we recruit, develop and reward staff. It was written with technicians, not simply about them: more than 200 colleagues took part in workshops, drop-in sessions and our 2024 survey.",
        "I am grateful to everyone who gave their time, and I look forward to reporting on our progress.",
        "Professor Helen Achterberg, Deputy Vice-Chancellor",
    ], []),
    ("1. Our technical community", [
        "Our technical staff work in every faculty and in the professional services. Some are in large teams running shared facilities; others are the only technician in a small department. The figures below come from our 2024 workforce data.",
    ], [
        "428 technical staff across five faculties and eleven core facilities",
        "31% of technical staff are aged 55 or over, compared with 19% of all staff",
        "52 colleagues hold professional registration, most of them as RSciTech or RSci",
        "Technical staff make up 12% of our workforce but only 2% of committee members",
    ]),
    ("2. Our values", [
        "The University's values apply to every member of staff. For our technical community we have described what each of them means day to day.",
    ], [
        "Curiosity \u2013 we try new methods and share what we learn from them",
        "Openness \u2013 facilities, equipment and know-how are shared wherever possible",
        "Care \u2013 the safety and wellbeing of students and colleagues come first",
        "Craft \u2013 we take pride in work done properly, whether anyone sees it or not",
    ]),
    ("3. What we achieved 2021\u20132024", [
        "Our first Technician Commitment action plan ran from 2021 to 2024. An independent review by the Technical Excellence Board in autumn 2024 found that most of its actions had been delivered. Highlights included:",
    ], [
        "Introduced a technician category in the annual Staff Awards, with 46 nominations in its first year",
        "Supported 37 colleagues to gain professional registration through the Science Council",
        "Created the Technical Network, which now has over 300 members on Teams",
        "Held the first Marlowe Bay Technical Symposium, with 140 attendees from nine institutions",
        "Appointed a Technician Commitment Lead at 0.4 FTE",
    ]),
    ("4. What our technicians told us", [
        "The 2024 technician survey had a response rate of 47%. Its findings shaped every strand of this strategy. Among them:",
    ], [
        "58% said their contribution to research is not always acknowledged",
        "Fewer than half knew how to apply for regrading or promotion",
        "Two in three had not had a career conversation with their manager in the last year",
        "Technicians in professional services felt less connected to the Technician Commitment than those in faculties",
        "Time, not money, was the most common barrier to training",
    ]),
    ("5. Our ambitions to 2030", [
        "By the end of this strategy we want the University to be known as a place where technical careers are chosen, not fallen into. We have four ambitions:",
    ], [
        "A technical community that is visible in the University's decisions and its public face",
        "Expertise that is valued and credited as fully as academic contributions",
        "Every technician with a clear, written route to progress",
        "A technical workforce that is planned for, diverse and fit for the next decade",
    ]),
    ("6. How to get involved", [
        "This strategy only works if technicians shape it as it goes. There are many ways to take part:",
    ], [
        "Join the Technical Network channel on Teams",
        "Tell us your story for the Technician Spotlight series",
        "Come along to the termly open forum with the Technical Excellence Board",
        "Volunteer as a Technician Commitment champion in your faculty",
    ]),
    ("7. Governance and reporting", [
        "The strategy is owned by the Technical Excellence Board, chaired by the Deputy Vice-Chancellor. Day-to-day delivery of the Technician Commitment action plan in Appendix B sits with the TC Working Group, which includes technicians from every faculty. Progress is reported as follows:",
    ], [
        "Technical Excellence Board \u2013 meets four times a year and approves the annual report",
        "TC Working Group \u2013 meets monthly and tracks each action",
        "University Executive Board \u2013 receives the annual report each autumn",
        "Technician Commitment Stage 3 self-assessment \u2013 submitted in 2028",
    ]),
    ("Appendix A: Glossary", [], [
        "AFHEA \u2013 Associate Fellow of the Higher Education Academy (Advance HE)",
        "RSciTech \u2013 Registered Science Technician",
        "RSci \u2013 Registered Scientist",
        "T Level \u2013 a two-year technical qualification for 16 to 19 year olds that includes an industry placement",
        "TC \u2013 the Technician Commitment",
    ]),
]


def make_marlowe(p):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (ListFlowable, ListItem, PageBreak, Paragraph, SimpleDocTemplate,
                                    Spacer, Table, TableStyle)

    body = ParagraphStyle("b", fontName="Times-Roman", fontSize=11.5, leading=16, spaceAfter=9)
    h1 = ParagraphStyle("h1", fontName="Times-Bold", fontSize=20, leading=24, spaceAfter=14,
                        textColor=colors.HexColor("#0B4F6C"))
    cell = ParagraphStyle("c", fontName="Times-Roman", fontSize=9.5, leading=11.5)
    cellb = ParagraphStyle("cb", parent=cell, fontName="Times-Bold", textColor=colors.white)
    story = [Spacer(1, 60 * mm),
             Paragraph(p["institution"], ParagraphStyle("t0", fontName="Times-Roman", fontSize=18, leading=22)),
             Spacer(1, 6 * mm),
             Paragraph("Technical Excellence Strategy 2025\u20132030",
                       ParagraphStyle("t1", fontName="Times-Bold", fontSize=30, leading=36, textColor=colors.HexColor("#0B4F6C"))),
             Spacer(1, 6 * mm),
             Paragraph("incorporating our Technician Commitment Action Plan 2025\u20132028", body),
             Paragraph("Published October 2025", body), PageBreak(),
             Paragraph("Contents", h1)]
    toc = ["Foreword", "1. Our technical community", "2. Our values", "3. What we achieved 2021\u20132024",
           "4. What our technicians told us", "5. Our ambitions to 2030", "6. How to get involved",
           "7. Governance and reporting", "Appendix A: Glossary", "Appendix B: Technician Commitment Action Plan 2025\u20132028"]
    story.append(Table([[t, str(i + 3)] for i, t in enumerate(toc)], colWidths=[130 * mm, 20 * mm],
                       style=[("FONT", (0, 0), (-1, -1), "Times-Roman", 11.5), ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    story.append(PageBreak())
    for head, paras, bullets in MARLOWE_PROSE:
        story.append(Paragraph(head, h1))
        for t in paras:
            story.append(Paragraph(html.escape(t), body))
        if bullets:
            story.append(ListFlowable([ListItem(Paragraph(html.escape(b), body), leftIndent=14) for b in bullets],
                                      bulletType="bullet", start="\u2022", leftIndent=14))
        if not head.startswith("5."):
            story.append(PageBreak())
    story.append(Paragraph("Appendix B: Technician Commitment Action Plan 2025\u20132028", h1))
    story.append(Paragraph("The actions below are grouped by the four strands of the strategy. Leads report progress to the TC Working Group each month.", body))
    data = [[Paragraph(x, cellb) for x in ("No.", "What we will do", "Lead", "When", "How we will know")]]
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7A9CAB")),
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#0B4F6C")), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    gold = []
    for strand, acts in p["strands"]:
        data.append([Paragraph("<b>%s</b>" % html.escape(strand), cell), "", "", "", ""])
        style += [("SPAN", (0, len(data) - 1), (-1, len(data) - 1)),
                  ("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), colors.HexColor("#DCEBF1"))]
        for n, text, lead, when, measure, pil in acts:
            data.append([Paragraph(n, cell), Paragraph(html.escape(text), cell), Paragraph(html.escape(lead), cell),
                         Paragraph(html.escape(when), cell), Paragraph(html.escape(measure), cell)])
            gold.append(row(text, action_id=n, section=strand, success=measure, timeframe=when, owner=lead, pillars=pil))
    # repeatRows=0: the header is printed on the table's first page only
    story.append(Table(data, colWidths=[12 * mm, 70 * mm, 36 * mm, 30 * mm, 42 * mm], repeatRows=0, style=TableStyle(style)))
    pdf = os.path.join(BUILD, p["key"] + ".pdf")

    def foot(c, d):
        c.saveState()
        c.setFont("Times-Italic", 8.5)
        c.drawString(25 * mm, 12 * mm, "Marlowe Bay University \u2013 Technical Excellence Strategy 2025\u20132030")
        c.drawRightString(letter[0] - 25 * mm, 12 * mm, str(d.page))
        c.restoreState()

    SimpleDocTemplate(pdf, pagesize=letter, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=22 * mm,
                      bottomMargin=22 * mm, title="Technical Excellence Strategy 2025-2030",
                      author="Marlowe Bay University").build(story, onFirstPage=lambda c, d: None, onLaterPages=foot)
    return pdf, gold


# =============================================================================== 3. poster
def make_kingsmere(p):
    from reportlab.lib.colors import Color, HexColor, white
    from reportlab.lib.pagesizes import A2
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph

    W, H = A2
    pdf = os.path.join(BUILD, p["key"] + ".pdf")
    c = Canvas(pdf, pagesize=A2)
    c.setTitle("Our Technician Commitment 2025-2027")
    c.setFillColor(HexColor("#F4F1EA"))
    c.rect(0, 0, W, H, stroke=0, fill=1)
    # title band
    c.setFillColor(HexColor("#1D2B3A"))
    c.rect(0, H - 120 * mm, W, 120 * mm, stroke=0, fill=1)
    c.setFillColor(white)
    c.setFont("Helvetica-Bold", 64)
    c.drawString(25 * mm, H - 55 * mm, "Our Technician Commitment")
    c.setFont("Helvetica", 40)
    c.drawString(25 * mm, H - 80 * mm, "2025\u20132027 at a glance")
    c.setFont("Helvetica", 17)
    c.drawString(25 * mm, H - 102 * mm, "Kingsmere signed the Technician Commitment in 2019. Here is what we will do over the next two years.")
    # stats strip (not actions)
    stats = [("286", "technical staff"), ("34", "professionally registered"), ("7", "apprentices in post"), ("1", "shared ambition")]
    sw = (W - 50 * mm) / 4
    for i, (n, lab) in enumerate(stats):
        x = 25 * mm + i * sw
        c.setFillColor(HexColor("#1D2B3A"))
        c.setFont("Helvetica-Bold", 44)
        c.drawString(x, H - 150 * mm, n)
        c.setFont("Helvetica", 16)
        c.drawString(x, H - 160 * mm, lab)
    # panels 2x2
    gap = 12 * mm
    top = H - 175 * mm
    bottom = 55 * mm
    pw = (W - 50 * mm - gap) / 2
    ph = (top - bottom - gap) / 2
    act = ParagraphStyle("a", fontName="Helvetica-Bold", fontSize=15.5, leading=19, textColor=HexColor("#222222"))
    own = ParagraphStyle("o", fontName="Helvetica", fontSize=12.5, leading=15, textColor=HexColor("#7A7A7A"))
    gold = []
    for k, (name, code, rgb, items) in enumerate(p["panels"]):
        col, rw = k % 2, k // 2
        x = 25 * mm + col * (pw + gap)
        y = top - (rw + 1) * ph - rw * gap
        colr = Color(*rgb)
        c.setFillColor(white)
        c.setStrokeColor(colr)
        c.setLineWidth(3)
        c.roundRect(x, y, pw, ph, 6 * mm, stroke=1, fill=1)
        c.setFillColor(colr)
        c.roundRect(x, y + ph - 28 * mm, pw, 28 * mm, 6 * mm, stroke=0, fill=1)
        c.rect(x, y + ph - 28 * mm, pw, 10 * mm, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 34)
        c.drawString(x + 12 * mm, y + ph - 19 * mm, name.upper())
        cy = y + ph - 42 * mm
        for text, owner, when in items:
            # icon: coloured disc with a white tick
            c.setFillColor(colr)
            c.circle(x + 17 * mm, cy - 3 * mm, 5 * mm, stroke=0, fill=1)
            c.setStrokeColor(white)
            c.setLineWidth(2.2)
            c.line(x + 14.5 * mm, cy - 3 * mm, x + 16.5 * mm, cy - 5.2 * mm)
            c.line(x + 16.5 * mm, cy - 5.2 * mm, x + 20 * mm, cy - 0.8 * mm)
            para = Paragraph(html.escape(text), act)
            _, h1 = para.wrap(pw - 40 * mm, 200 * mm)
            para.drawOn(c, x + 28 * mm, cy - h1 + 2 * mm)
            o = Paragraph(html.escape(f"{owner} \u00b7 {when}"), own)
            _, h2 = o.wrap(pw - 40 * mm, 100 * mm)
            o.drawOn(c, x + 28 * mm, cy - h1 - h2 + 1 * mm)
            cy -= h1 + h2 + 7 * mm
            gold.append(row(text, section=name, timeframe=when, owner=owner, pillars=[code]))
        assert cy > y, name
    # footer
    c.setFillColor(HexColor("#1D2B3A"))
    c.rect(0, 0, W, 38 * mm, stroke=0, fill=1)
    c.setFillColor(white)
    c.setFont("Times-Bold", 30)
    c.drawString(25 * mm, 16 * mm, "KINGSMERE")
    c.setFont("Times-Roman", 14)
    c.drawString(25 * mm, 9 * mm, "U N I V E R S I T Y")
    c.setFont("Helvetica", 16)
    c.drawRightString(W - 25 * mm, 19 * mm, "Technician Commitment Action Plan 2025\u20132027")
    c.drawRightString(W - 25 * mm, 11 * mm, "kingsmere.ac.uk/technicians  \u00b7  technicians@kingsmere.ac.uk")
    c.showPage()
    c.save()
    return pdf, gold


# =============================================================================== 4. Word, landscape section
def make_ashcombe(p):
    from docx import Document
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    d = Document()
    st = d.styles["Normal"]
    st.font.name = "Calibri"
    st.font.size = Pt(11)
    sec = d.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(22)
    d.add_heading("Ashcombe University", level=0)
    d.add_heading("Technician Commitment Action Plan 2026\u20132029", level=1)
    d.add_paragraph("Stage 2 self-assessment submission, approved by the University Executive Board in November 2025.")
    d.add_heading("1 Introduction", level=2)
    d.add_paragraph(
        "Ashcombe University signed the Technician Commitment in 2020 and completed its Stage 1 self-assessment in 2022. "
        "This document reports what has changed since then and sets out the actions we will take over the next three years. "
        "It was prepared by the Technician Commitment Steering Group, which has twelve members, eight of whom are technicians.")
    d.add_heading("2 Summary of self-assessment", level=2)
    d.add_paragraph(
        "The steering group reviewed evidence against each of the four pillars of the Commitment. We found good progress on "
        "recognition, where the number of registered technicians has doubled, and on visibility within Schools. Career "
        "pathways remain the area of greatest concern: technicians told us that routes beyond Grade 6 are unclear and "
        "depend heavily on local management. Workforce planning is also weak, with little data on skills at risk.")
    d.add_paragraph(
        "Each action in the plan below has a lead and a timescale. Actions are numbered by priority; where an objective "
        "is delivered through several steps, these are numbered beneath it (for example 1.1.1). References in square "
        "brackets show the TALENT Commission recommendations each objective responds to.")
    d.add_heading("3 Governance", level=2)
    d.add_paragraph(
        "The Steering Group meets every eight weeks and is chaired by the Pro-Vice-Chancellor for Research and Enterprise. "
        "It reports to the University Executive Board twice a year and publishes a short update for all staff each summer.")
    # landscape section with the table
    ls = d.add_section(WD_SECTION.NEW_PAGE)
    ls.orientation = WD_ORIENT.LANDSCAPE
    ls.page_width, ls.page_height = Mm(297), Mm(210)
    ls.left_margin = ls.right_margin = Mm(15)
    ls.top_margin = ls.bottom_margin = Mm(15)
    d.add_heading("4 Action plan", level=2)
    heads = ["Ref", "Action", "Lead", "Timescale", "Success measure"]
    widths = [Mm(16), Mm(105), Mm(45), Mm(38), Mm(63)]
    t = d.add_table(rows=1, cols=5)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER

    def shade(cell, hexcol):
        tcPr = cell._tc.get_or_add_tcPr()
        s = OxmlElement("w:shd")
        s.set(qn("w:val"), "clear")
        s.set(qn("w:color"), "auto")
        s.set(qn("w:fill"), hexcol)
        tcPr.append(s)

    def put(cell, text, bold=False, size=9, color=None, indent=None):
        cell.text = ""
        para = cell.paragraphs[0]
        r = para.add_run(text)
        r.bold = bold
        r.font.size = Pt(size)
        if color:
            r.font.color.rgb = RGBColor.from_string(color)
        if indent:
            para.paragraph_format.left_indent = Mm(indent)

    for i, h in enumerate(heads):
        put(t.rows[0].cells[i], h, bold=True, color="FFFFFF")
        shade(t.rows[0].cells[i], "5B2C6F")
    trPr = t.rows[0]._tr.get_or_add_trPr()
    th = OxmlElement("w:tblHeader")
    th.set(qn("w:val"), "true")
    trPr.append(th)
    gold = []
    for prio, code, items in p["priorities"]:
        r = t.add_row()
        m = r.cells[0].merge(r.cells[4])
        put(m, prio, bold=True, size=10)
        shade(m, "E8DAEF")
        for pid, text, tal, lead, when, meas, subs in items:
            tag = (" [TCR \u2013 " + ", ".join(tal) + "]") if tal else ""
            r = t.add_row()
            put(r.cells[0], pid, bold=True)
            put(r.cells[1], text + tag, bold=bool(subs))
            put(r.cells[2], lead or "")
            put(r.cells[3], when or "")
            put(r.cells[4], meas or "")
            if not subs:
                gold.append(row(text, action_id=pid, section=prio, success=meas, timeframe=when, owner=lead,
                                pillars=[code], talent=tal))
            for sid, stext, slead, swhen, smeas in subs:
                r = t.add_row()
                put(r.cells[0], sid)
                put(r.cells[1], stext, indent=4)
                put(r.cells[2], slead)
                put(r.cells[3], swhen)
                put(r.cells[4], smeas)
                gold.append(row(stext, action_id=sid, parent_id=pid, section=prio, aim=text, success=smeas,
                                timeframe=swhen, owner=slead, pillars=[code], talent=tal))
    t.autofit = False
    grid = t._tbl.tblGrid
    for i, gc in enumerate(grid.findall(qn("w:gridCol"))):
        gc.set(qn("w:w"), str(int(widths[i].twips)))
    for rr in t.rows:
        for i, w in enumerate(widths):
            rr.cells[i].width = w
    # back to portrait
    ps = d.add_section(WD_SECTION.NEW_PAGE)
    ps.orientation = WD_ORIENT.PORTRAIT
    ps.page_width, ps.page_height = Mm(210), Mm(297)
    ps.left_margin = ps.right_margin = Mm(22)
    d.add_heading("5 Monitoring and review", level=2)
    d.add_paragraph(
        "Leads update the steering group's tracker before each meeting. The plan will be reviewed in full in autumn 2027, "
        "when the steering group will also begin preparing the Stage 3 self-assessment.")
    d.add_paragraph("Contact: technician.commitment@ashcombe.ac.uk")
    for s in d.sections:
        s.footer.paragraphs[0].text = "Ashcombe University \u00b7 Technician Commitment Action Plan 2026\u20132029"
    docx = os.path.join(BUILD, p["key"] + ".docx")
    d.save(docx)
    return soffice(docx, BUILD), gold


# =============================================================================== 5. web page
WEB_CSS = """
@page { size: Letter; margin: 0; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'Liberation Sans', Arial, sans-serif; color: #1b1b1b; font-size: 11.5px; }
.site-header { position: fixed; top: 0; left: 0; right: 0; height: 64px; background: #00313c; color: #fff;
  display: flex; align-items: center; padding: 0 36px; gap: 28px; }
.logo { font-family: 'Liberation Serif', serif; font-size: 22px; font-weight: bold; letter-spacing: 1px; }
.site-header nav { display: flex; gap: 18px; font-size: 12px; }
.site-header nav a { color: #d9eef2; text-decoration: none; }
.cookie { position: fixed; bottom: 34px; left: 36px; right: 36px; height: 44px; background: #fffbe6;
  border: 1px solid #e0c96b; border-radius: 6px; display: flex; align-items: center; justify-content: space-between;
  padding: 0 14px; font-size: 11px; }
.cookie button { background: #00313c; color: #fff; border: 0; border-radius: 14px; padding: 5px 14px; font-size: 11px; }
.site-footer { position: fixed; bottom: 0; left: 0; right: 0; height: 28px; background: #e7ecee; font-size: 10px;
  display: flex; align-items: center; justify-content: space-between; padding: 0 36px; color: #444; }
.page { padding: 84px 36px 96px; break-after: page; }
.page:last-child { break-after: auto; }
.crumbs { font-size: 11px; color: #555; margin-bottom: 10px; }
.crumbs a { color: #00607a; }
h1 { font-size: 26px; margin: 6px 0 8px; color: #00313c; }
h2 { font-size: 17px; margin: 16px 0 6px; padding: 6px 10px; background: #e3f1f4; border-left: 5px solid #00607a; }
.legend { display: flex; gap: 10px; margin: 8px 0 4px; align-items: center; font-size: 11px; }
.grid { display: grid; grid-template-columns: 48px 1fr 170px 130px 120px; border-top: 2px solid #00313c; }
.grid > div { padding: 7px 8px; border-bottom: 1px solid #d5dde0; }
.grid .hd { font-weight: bold; background: #f3f6f7; font-size: 11px; }
.ref { font-weight: bold; color: #00607a; }
.pill { display: inline-block; border-radius: 999px; padding: 2px 9px; font-size: 10px; font-weight: bold; color: #fff; }
.complete { background: #2e7d32; } .ontrack { background: #1565c0; } .atrisk { background: #e65100; } .notstarted { background: #757575; }
.bar { height: 6px; background: #e0e0e0; border-radius: 3px; margin-top: 6px; overflow: hidden; }
.bar span { display: block; height: 6px; background: #00607a; }
.pct { font-size: 9.5px; color: #555; }
"""


def make_brackenridge(p):
    pill_cls = {"Complete": "complete", "On track": "ontrack", "At risk": "atrisk", "Not started": "notstarted"}
    e = html.escape
    header = ('<header class="site-header"><div class="logo">BRACKENRIDGE</div><nav>'
              '<a href="#">Study</a><a href="#">Research</a><a href="#">Business</a><a href="#">About us</a>'
              '<a href="#">Staff</a><a href="#">Search</a></nav></header>'
              '<div class="cookie"><span>We use cookies to make this website work and to understand how it is used. '
              '<a href="#">Cookie settings</a></span><button>Accept all cookies</button></div>'
              '<footer class="site-footer"><span>\u00a9 Brackenridge University 2026 \u00b7 Privacy \u00b7 Accessibility \u00b7 Freedom of information</span>'
              '<span>brackenridge.ac.uk/research/technician-commitment/action-plan</span></footer>')
    pages = []
    intro = ('<div class="crumbs"><a href="#">Home</a> \u203a <a href="#">Research</a> \u203a <a href="#">Research culture</a> \u203a '
             '<a href="#">Technician Commitment</a> \u203a Action plan</div>'
             '<h1>Technician Commitment action plan 2024\u20132027</h1>'
             '<p>Brackenridge University has been a signatory of the Technician Commitment since 2017. This page shows every '
             'action in our 2024\u20132027 plan and how far each has got. It is updated by the Technician Commitment Lead after each '
             'meeting of the Technical Services Board.</p><p><i>Last updated: 14 March 2026</i></p>'
             '<div class="legend"><b>Status key:</b> <span class="pill complete">Complete</span><span class="pill ontrack">On track</span>'
             '<span class="pill atrisk">At risk</span><span class="pill notstarted">Not started</span></div>')
    gold = []
    # manual pagination so that the fixed header/footer/banner never cover an action (break-after per chunk)
    per_page = [(0, None), (1, None), (2, None), (3, None)]  # one commitment area per printed page
    for gi, (name, code, acts) in enumerate(p["groups"]):
        cells = ['<div class="hd">Ref</div><div class="hd">Action</div><div class="hd">Who is leading</div>'
                 '<div class="hd">Target date</div><div class="hd">Status</div>']
        for ref, text, lead, when, status, pct in acts:
            cells.append(f'<div class="ref">{e(ref)}</div><div>{e(text)}</div><div>{e(lead)}</div><div>{e(when)}</div>'
                         f'<div><span class="pill {pill_cls[status]}">{e(status)}</span>'
                         f'<div class="bar"><span style="width:{pct}%"></span></div><span class="pct">{pct}% complete</span></div>')
            gold.append(row(text, action_id=ref, section=f"Commitment area: {name}", timeframe=when, owner=lead, pillars=[code]))
        block = f'<h2>Commitment area: {e(name)}</h2><div class="grid">{"".join(cells)}</div>'
        pages.append((intro if gi == 0 else "") + block)
    del per_page
    end = ('<h2>Contact</h2><p>Questions about the plan, or ideas for new actions, are welcome at '
           'technicians@brackenridge.ac.uk.</p>')
    pages[-1] += end
    doc = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Technician Commitment action plan 2024-2027 | '
           f'Brackenridge University</title><style>{WEB_CSS}</style></head><body>{header}'
           + "".join(f'<section class="page">{pg}</section>' for pg in pages) + "</body></html>")
    src = os.path.join(BUILD, p["key"] + ".html")
    with open(src, "w") as fh:
        fh.write(doc)
    pdf = os.path.join(BUILD, p["key"] + ".pdf")
    ud = tempfile.mkdtemp(prefix="b3-chrome-")
    try:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--no-first-run", f"--user-data-dir={ud}", f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
                        "file://" + src], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    finally:
        shutil.rmtree(ud, ignore_errors=True)
    return pdf, gold


# =============================================================================== 6. scan
def make_loxley(p):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    src = os.path.join(BUILD, p["key"] + "-source.pdf")
    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=16, leading=20, spaceAfter=4)
    body = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6)
    bold = ParagraphStyle("bb", fontName="Helvetica-Bold", fontSize=10.5, leading=13.5, spaceAfter=3)
    fld = ParagraphStyle("f", fontName="Helvetica", fontSize=9.5, leading=12)
    area = ParagraphStyle("a", fontName="Helvetica-Bold", fontSize=11, leading=14)
    story = [Paragraph("Loxley Institute for Marine Research", body),
             Paragraph("Technician Commitment Action Plan 2025\u20132028", title),
             Paragraph("Agreed by the Institute Management Board, 9 June 2025. This plan follows our Stage 1 self-assessment. "
                       "Each action has a named lead; progress is reviewed by the TC Working Group every quarter.", body),
             Spacer(1, 4 * mm)]
    data = [[Paragraph("<b>Commitment area</b>", fld), Paragraph("<b>Action, lead, timing and measure of success</b>", fld)]]
    style = [("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("LINEAFTER", (0, 0), (0, -1), 0.8, colors.black),
             ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD"))]
    gold = []
    for name, code, acts in p["areas"]:
        for k, (text, lead, when, meas) in enumerate(acts):
            right = [Paragraph(html.escape(text), bold),
                     Paragraph(f"<i>Lead:</i> {html.escape(lead)} &nbsp;&nbsp; <i>Timing:</i> {html.escape(when)}", fld),
                     Paragraph(f"<i>Measure of success:</i> {html.escape(meas)}", fld)]
            data.append([Paragraph(html.escape(name), area) if k == 0 else "", right])
            style.append(("LINEBELOW", (1, len(data) - 1), (1, len(data) - 1), 0.4, colors.grey))
            gold.append(row(text, section=name, success=meas, timeframe=when, owner=lead, pillars=[code]))
        style.append(("LINEBELOW", (0, len(data) - 1), (-1, len(data) - 1), 0.8, colors.black))
    story.append(Table(data, colWidths=[38 * mm, 132 * mm], repeatRows=1, style=style))
    SimpleDocTemplate(src, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm,
                      bottomMargin=20 * mm).build(story)
    # rasterise, skew, noise, grey paper, images-only PDF
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = np.random.default_rng(20261206)
    dpi = 170
    doc = pdfium.PdfDocument(src)
    imgs = []
    for i in range(len(doc)):
        im = doc[i].render(scale=dpi / 72).to_pil().convert("L")
        a = np.asarray(im).astype(np.float32)
        a = 228 - (255 - a) * (228 - 25) / 255  # grey paper, dark-grey ink
        im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
        ang = [0.8, -1.2, 0.6][i % 3]
        im = im.rotate(ang, resample=Image.BICUBIC, expand=False, fillcolor=205)
        a = np.asarray(im).astype(np.float32)
        a += rng.normal(0, 9, a.shape)
        speck = rng.random(a.shape) < 0.0015
        a[speck] = rng.uniform(40, 120, speck.sum())
        im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.5))
        imgs.append(im)
    pdf = os.path.join(BUILD, p["key"] + ".pdf")
    imgs[0].save(pdf, save_all=True, append_images=imgs[1:], resolution=dpi, quality=70)
    return pdf, gold, src


# =============================================================================== gold checks
def words(s):
    s = s.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", "-")
    return re.findall(r"[a-z0-9£%']+", s.lower())


def locate(pdf_path, gold):
    """Every gold action text as an ordered subsequence of the PDF's words (gaps allowed for interleaved
    columns, at most 60 words between two consecutive words); page_start = page of its first word."""
    import pdfplumber
    seq = []
    with pdfplumber.open(pdf_path) as pdf:
        npages = len(pdf.pages)
        for pno, page in enumerate(pdf.pages, 1):
            for w in page.extract_words(keep_blank_chars=False, x_tolerance=1.5):
                for t in words(w["text"]):
                    seq.append((t, pno))
    toks = [t for t, _ in seq]
    bad = []
    for g in gold:
        want = words(g["action_text"])
        best = None
        for s in (i for i, t in enumerate(toks) if t == want[0]):
            j, pos, ok = s, [s], True
            for w in want[1:]:
                k = next((k for k in range(j + 1, min(len(toks), j + 61)) if toks[k] == w), None)
                if k is None:
                    ok = False
                    break
                pos.append(k)
                j = k
            if ok and (best is None or pos[-1] - pos[0] < best[-1] - best[0]):
                best = pos
        if best is None:
            bad.append(g["action_text"])
        else:
            g["page_start"] = seq[best[0]][1]
    return npages, bad


def main():
    for d in (RAW, GOLD, BUILD):
        os.makedirs(d, exist_ok=True)
    makers = [(THORNBURY, make_thornbury), (MARLOWE, make_marlowe), (KINGSMERE, make_kingsmere),
              (ASHCOMBE, make_ashcombe), (BRACKENRIDGE, make_brackenridge), (LOXLEY, make_loxley)]
    only = set(sys.argv[1:])
    for p, fn in makers:
        if only and p["key"] not in only:
            continue
        out = fn(p)
        pdf, gold = out[0], out[1]
        check_pdf = out[2] if len(out) > 2 else pdf
        final = os.path.join(RAW, p["key"] + ".pdf")
        shutil.copyfile(pdf, final)
        npages, bad = locate(check_pdf, gold)
        if bad:
            raise SystemExit(f"{p['key']}: gold text not found in PDF: {bad}")
        g = {"source_file": os.path.basename(final), "institution": p["institution"], "title": p["title"],
             "period_start": p["period"][0], "period_end": p["period"][1], "layout": p["layout"],
             "stripped": p["stripped"], "talent_annotated": p["talent_annotated"], "pages": npages, "rows": gold}
        with open(os.path.join(GOLD, p["key"] + ".gold.json"), "w") as fh:
            json.dump(g, fh, indent=1, ensure_ascii=False)
        print(f"{p['key']}: {len(gold)} rows, {npages} pages, pages {sorted({r['page_start'] for r in gold})}")


if __name__ == "__main__":
    main()
