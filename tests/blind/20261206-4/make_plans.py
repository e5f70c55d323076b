#!/usr/bin/env python3
"""Build the six blind-round-4 plan PDFs (raw/) and their gold files (gold/) from plans_data.py.

Producers: 1 and 6 python-docx -> LibreOffice Writer; 2 reportlab -> Ghostscript -dNoOutputFonts
(text to outlines); 3 and 4 reportlab; 5 HTML -> headless Chromium.
Run: /work/main/.venv/bin/python make_plans.py
"""
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from plans_data import PLANS, P1, P2, P3, P4, P5, P6, PN, P2_STRANDS, P4_THEMES, P5_AREAS, P5_FOOTNOTES, P6_SECTIONS  # noqa

RAW = os.path.join(HERE, "raw")
GOLD = os.path.join(HERE, "gold")
BUILD = os.path.join(HERE, "build")
for d in (RAW, GOLD, BUILD):
    os.makedirs(d, exist_ok=True)

FONTS = "/usr/share/fonts/truetype"


def soffice_pdf(docx_path):
    prof = "file://" + os.path.join(BUILD, "lo_profile")
    subprocess.run(["soffice", f"-env:UserInstallation={prof}", "--headless", "--convert-to", "pdf",
                    "--outdir", BUILD, docx_path], check=True, capture_output=True, timeout=180)
    return os.path.splitext(docx_path)[0] + ".pdf"


# =========================================================================== 1. rotated pillar (docx)
def build_p1():
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    for m in ("left_margin", "right_margin"):
        setattr(sec, m, Cm(1.8))
    sec.top_margin = sec.bottom_margin = Cm(1.6)
    st = doc.styles["Normal"]
    st.font.name = "Arial"
    st.font.size = Pt(10)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "Arial")
    fp = sec.footer.paragraphs[0]
    fp.text = "University of Lindhurst \u2013 Technician Commitment Action Plan 2025\u20132028"
    fp.runs[0].font.size = Pt(8)

    h = doc.add_paragraph()
    r = h.add_run("University of Lindhurst")
    r.bold = True
    r.font.size = Pt(12)
    r.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
    h = doc.add_paragraph()
    r = h.add_run(P1["title"])
    r.bold = True
    r.font.size = Pt(20)
    doc.add_paragraph(
        "The University of Lindhurst signed the Technician Commitment in 2019 and submitted its Stage 2 "
        "self-assessment in 2024. This plan was drafted by the Technician Commitment Steering Group after "
        "consultation with technical staff in all three faculties, and will be monitored each term. It sets "
        "out what we will do over the next three years under each of the four commitment areas.")
    doc.add_paragraph(
        "Progress against the previous plan is reported separately. Owners named below are accountable for "
        "delivery; the Steering Group will review dates each summer.")

    doc.add_paragraph(
        "Our priorities for 2025\u20132028 came from three sources: the technician survey run in November "
        "2024 (146 responses), the feedback from our Stage 2 peer review, and the TC Steering Group\u2019s own "
        "review of which actions from the previous plan had not been completed.")
    doc.add_paragraph().add_run().add_break(__import__("docx.enum.text", fromlist=["WD_BREAK"]).WD_BREAK.PAGE)
    cols = ["Theme", "Ref", "What we will do", "Lead", "Target date", "How we will know"]
    widths = [Cm(1.5), Cm(1.2), Cm(8.9), Cm(4.6), Cm(3.6), Cm(6.3)]
    rows = P1["rows"]
    t = doc.add_table(rows=1 + len(rows), cols=len(cols))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for j, c in enumerate(cols):
        cell = t.rows[0].cells[j]
        cell.text = ""
        run = cell.paragraphs[0].add_run(c)
        run.bold = True
        run.font.size = Pt(9.5)
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), "1F4E79")
        cell._tc.get_or_add_tcPr().append(shd)
    # repeat header row
    trPr = t.rows[0]._tr.get_or_add_trPr()
    th = OxmlElement("w:tblHeader")
    th.set(qn("w:val"), "true")
    trPr.append(th)
    for i, row in enumerate(rows, 1):
        cells = t.rows[i].cells
        vals = [None, row["action_id"], row["action_text"], row["owner"], row["timeframe"], row["success_measures"]]
        for j in range(1, len(cols)):
            cells[j].text = vals[j]
            for p in cells[j].paragraphs:
                for rr in p.runs:
                    rr.font.size = Pt(9.5)
        # keep each row together on a page
        trPr = t.rows[i]._tr.get_or_add_trPr()
        cs = OxmlElement("w:cantSplit")
        cs.set(qn("w:val"), "true")
        trPr.append(cs)
    # merged rotated pillar cells
    i = 1
    fills = {"V": "DDEBF7", "R": "FCE4D6", "CD": "E2EFDA", "S": "FFF2CC"}
    while i <= len(rows):
        pil = rows[i - 1]["pillars"][0]
        j = i
        while j + 1 <= len(rows) and rows[j]["pillars"][0] == pil:
            j += 1
        top = t.cell(i, 0)
        merged = top.merge(t.cell(j, 0)) if j > i else top
        merged.text = ""
        run = merged.paragraphs[0].add_run(PN[pil])
        run.bold = True
        run.font.size = Pt(12)
        tcPr = merged._tc.get_or_add_tcPr()
        td = OxmlElement("w:textDirection")
        td.set(qn("w:val"), "btLr")
        tcPr.append(td)
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fills[pil])
        tcPr.append(shd)
        merged.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        merged.paragraphs[0].alignment = 1
        i = j + 1
    for j, w in enumerate(widths):
        t.columns[j].width = w
    for r_ in t.rows:
        for j, w in enumerate(widths):
            r_.cells[j].width = w
    doc.add_paragraph()
    doc.add_paragraph("Approved by the Technician Commitment Steering Group, 14 May 2025. Next review: May 2026.")
    p = os.path.join(BUILD, "p1.docx")
    doc.save(p)
    out = soffice_pdf(p)
    shutil.copy(out, os.path.join(RAW, P1["file"]))


# =========================================================================== 2. outlined design (reportlab + gs)
P2_REGIONS = []   # (page, x0, top, x1, bottom) in pdfplumber coords, for verification of each action


def build_p2():
    from reportlab.lib.colors import HexColor, white
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph

    W, H = A4
    pre = os.path.join(BUILD, "p2_text.pdf")
    c = canvas.Canvas(pre, pagesize=A4)
    c.setTitle(P2["title"])
    c.setAuthor("Marsh End University Design Studio")
    colours = {"V": "#0B6E4F", "R": "#C05746", "CD": "#3A4E8C", "S": "#B08900"}
    act = ParagraphStyle("a", fontName="Helvetica-Bold", fontSize=10.5, leading=13, textColor=HexColor("#222222"))
    meta = ParagraphStyle("m", fontName="Helvetica", fontSize=8.5, leading=11, textColor=HexColor("#555555"))
    intro = ParagraphStyle("i", fontName="Times-Roman", fontSize=11, leading=15, textColor=HexColor("#222222"))

    def header(page):
        c.setFillColor(HexColor("#102A43"))
        c.rect(0, H - 120, W, 120, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica", 11)
        c.drawString(40, H - 40, "MARSH END UNIVERSITY")
        if page == 1:
            c.setFont("Helvetica-Bold", 24)
            c.drawString(40, H - 75, "Technicians at Marsh End")
            c.setFont("Helvetica", 15)
            c.drawString(40, H - 100, "Our Commitment Plan 2025\u201327")
        else:
            c.setFont("Helvetica-Bold", 16)
            c.drawString(40, H - 80, "Our Commitment Plan 2025\u201327 (continued)")
        c.setFillColor(HexColor("#777777"))
        c.setFont("Helvetica", 8)
        c.drawRightString(W - 40, 25, f"{page}")

    page = 1
    header(page)
    y = H - 145
    para = Paragraph(
        "Technicians keep our laboratories, workshops, studios and data services running. This plan sets out "
        "what Marsh End will do over the next two years to make their work seen, credit it properly, open up "
        "careers and secure the skills we need. It was shaped by a technician survey in autumn 2024 and by two "
        "open workshops.", intro)
    w_, h_ = para.wrap(W - 80, 200)
    para.drawOn(c, 40, y - h_)
    y -= h_ + 18
    rows_by = {}
    for r in P2["rows"]:
        rows_by.setdefault(r["pillars"][0], []).append(r)
    colw = (W - 80 - 14) / 2
    for pil, num, name, tag in P2_STRANDS:
        items = rows_by[pil]
        # estimate height of the strand
        hs = []
        for r in items:
            pa = Paragraph(r["action_text"], act)
            pm = Paragraph(f"Lead: {r['owner']}  \u2022  When: {r['timeframe']}", meta)
            ha = pa.wrap(colw - 20, 500)[1]
            hm = pm.wrap(colw - 20, 500)[1]
            hs.append((pa, pm, ha, hm))
        rowh = []
        for k in range(0, len(hs), 2):
            rowh.append(max(x[2] + x[3] + 22 for x in hs[k:k + 2]))
        need = 44 + sum(rowh) + 10 * len(rowh)
        if y - need < 50:
            c.showPage()
            page += 1
            header(page)
            y = H - 145
        # strand heading band
        c.setFillColor(HexColor(colours[pil]))
        c.roundRect(40, y - 34, W - 80, 34, 8, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 14)
        c.drawString(52, y - 22, f"{num}: {name}")
        c.setFont("Helvetica-Oblique", 10)
        c.drawRightString(W - 52, y - 22, tag)
        y -= 44
        for k in range(0, len(hs), 2):
            rh = rowh[k // 2]
            for m, (pa, pm, ha, hm) in enumerate(hs[k:k + 2]):
                x = 40 + m * (colw + 14)
                c.setFillColor(HexColor("#F3F5F7"))
                c.setStrokeColor(HexColor(colours[pil]))
                c.setLineWidth(1.2)
                c.roundRect(x, y - rh, colw, rh, 6, stroke=1, fill=1)
                pa.drawOn(c, x + 10, y - 10 - ha)
                pm.drawOn(c, x + 10, y - 10 - ha - 4 - hm)
                P2_REGIONS.append((page, x + 2, H - y, x + colw - 2, H - (y - rh)))
            y -= rh + 10
        y -= 8
    c.setFillColor(HexColor("#555555"))
    c.setFont("Helvetica-Oblique", 9)
    c.drawString(40, 40, "Questions about this plan: technicians@marshend.example.ac.uk")
    c.save()
    out = os.path.join(RAW, P2["file"])
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dNoOutputFonts",
                    f"-sOutputFile={out}", pre], check=True, timeout=120)
    return pre


# =========================================================================== 3. slide deck with tables (reportlab)
P3_REGIONS = []


def build_p3():
    from reportlab.lib.colors import HexColor, white
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph, Table, TableStyle

    pdfmetrics.registerFont(TTFont("DVS", f"{FONTS}/dejavu/DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DVSB", f"{FONTS}/dejavu/DejaVuSans-Bold.ttf"))
    pdfmetrics.registerFont(TTFont("DVSC", f"{FONTS}/dejavu/DejaVuSansCondensed.ttf"))
    W, H = 960, 540
    c = canvas.Canvas(os.path.join(RAW, P3["file"]), pagesize=(W, H))
    c.setTitle("Brackenfield TC Action Plan 2026-29 (slides)")
    c.setAuthor("Technical Services")
    navy, teal = HexColor("#1B2A41"), HexColor("#2EC4B6")
    n = [0]

    def frame(title):
        n[0] += 1
        c.setFillColor(white)
        c.rect(0, 0, W, H, stroke=0, fill=1)
        c.setFillColor(navy)
        c.rect(0, H - 78, W, 78, stroke=0, fill=1)
        c.setFillColor(teal)
        c.rect(0, H - 84, W, 6, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("DVSB", 26)
        c.drawString(40, H - 52, title)
        c.setFillColor(HexColor("#8899AA"))
        c.setFont("DVS", 10)
        c.drawString(40, 18, "Brackenfield University \u2022 Technician Commitment")
        c.drawRightString(W - 30, 18, str(n[0]))

    # slide 1: title
    n[0] += 1
    c.setFillColor(navy)
    c.rect(0, 0, W, H, stroke=0, fill=1)
    c.setFillColor(teal)
    c.rect(60, 250, 8, 150, stroke=0, fill=1)
    c.setFillColor(white)
    c.setFont("DVSB", 40)
    c.drawString(90, 350, "Technician Commitment:")
    c.drawString(90, 300, "Action Plan 2026\u20132029")
    c.setFont("DVS", 18)
    c.drawString(90, 262, "Brackenfield University \u2022 Technical Strategy Group \u2022 March 2026")
    c.showPage()
    # slide 2: context (achievements, not actions)
    frame("Where we are now")
    c.setFillColor(HexColor("#222222"))
    y = H - 130
    for b in ["We signed the Technician Commitment in 2018 and completed our Stage 2 self-assessment in 2025.",
              "Our 2023\u201325 plan delivered 17 of its 22 actions.",
              "41 technicians are now professionally registered, up from 12 in 2022.",
              "Technicians told us that career routes and recognition in publications remain the biggest gaps.",
              "This plan has 20 actions across the four pillars, each mapped to the TALENT Commission recommendations."]:
        c.setFillColor(teal)
        c.circle(55, y + 5, 4, stroke=0, fill=1)
        c.setFillColor(HexColor("#222222"))
        c.setFont("DVS", 17)
        c.drawString(72, y, b)
        y -= 46
    c.showPage()
    # table slides
    cell = ParagraphStyle("c", fontName="DVSC", fontSize=12.5, leading=15.5)
    cellb = ParagraphStyle("cb", fontName="DVSB", fontSize=12.5, leading=15.5, textColor=white)
    headers = ["No.", "Priority", "Action", "Owner", "Timescale", "TALENT"]
    colw = [44, 138, 370, 168, 106, 64]
    rows = P3["rows"]
    per = 5
    for k in range(0, len(rows), per):
        frame("Our actions" if k == 0 else "Our actions (continued)")
        data = [[Paragraph(h, cellb) for h in headers]]
        for r in rows[k:k + per]:
            data.append([Paragraph(r["action_id"], cell), Paragraph(PN[r["pillars"][0]], cell),
                         Paragraph(r["action_text"], cell), Paragraph(r["owner"], cell),
                         Paragraph(r["timeframe"], cell), Paragraph(", ".join(r["talent"]), cell)])
        t = Table(data, colWidths=colw)
        style = [("BACKGROUND", (0, 0), (-1, 0), HexColor("#2B4162")),
                 ("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("GRID", (0, 0), (-1, -1), 1.5, white),
                 ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]
        for i in range(1, len(data)):
            style.append(("BACKGROUND", (0, i), (-1, i), HexColor("#E8EEF4") if i % 2 else HexColor("#D0DCE8")))
        t.setStyle(TableStyle(style))
        tw, th = t.wrap(W, H)
        x0, ytop = 40, H - 104
        t.drawOn(c, x0, ytop - th)
        # regions: action column band for each row
        ys = [ytop]
        for rh in t._rowHeights:
            ys.append(ys[-1] - rh)
        xa = x0 + colw[0] + colw[1]
        for i, r in enumerate(rows[k:k + per], 1):
            P3_REGIONS.append((n[0], xa, H - ys[i], xa + colw[2], H - ys[i + 1]))
        c.showPage()
    frame("Contact and governance")
    c.setFillColor(HexColor("#222222"))
    c.setFont("DVS", 17)
    c.drawString(60, H - 140, "The Technical Strategy Group reviews this plan every quarter.")
    c.drawString(60, H - 180, "Contact: technicalstrategy@brackenfield.example.ac.uk")
    c.showPage()
    c.save()


# =========================================================================== 4. RAG dashboard (reportlab, A3 landscape)
P4_REGIONS = []


def build_p4():
    from reportlab.lib.colors import HexColor, white, black
    from reportlab.lib.pagesizes import A3, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph, Table, TableStyle

    pdfmetrics.registerFont(TTFont("LSN", f"{FONTS}/liberation/LiberationSansNarrow-Regular.ttf"))
    pdfmetrics.registerFont(TTFont("LSNB", f"{FONTS}/liberation/LiberationSansNarrow-Bold.ttf"))
    pdfmetrics.registerFont(TTFont("LS", f"{FONTS}/liberation/LiberationSans-Regular.ttf"))
    pdfmetrics.registerFont(TTFont("LSB", f"{FONTS}/liberation/LiberationSans-Bold.ttf"))
    W, H = landscape(A3)
    c = canvas.Canvas(os.path.join(RAW, P4["file"]), pagesize=(W, H))
    c.setTitle("Ravensworth TC progress dashboard June 2026")
    RAG = {"R": HexColor("#D9342B"), "A": HexColor("#F2A900"), "G": HexColor("#2E9E44"), "B": HexColor("#2F6DB5")}
    RAGN = {"R": "Off track / not started", "A": "Some delay / at risk", "G": "On track", "B": "Complete"}
    rows = P4["rows"]
    page = [1]

    def footer():
        c.setFont("LS", 8)
        c.setFillColor(HexColor("#666666"))
        c.drawString(36, 20, "Ravensworth University \u2013 Technician Commitment Steering Group \u2013 progress position at 30 June 2026")
        c.drawRightString(W - 36, 20, f"Page {page[0]}")

    # title
    c.setFillColor(HexColor("#4B1D3F"))
    c.setFont("LSB", 22)
    c.drawString(36, H - 50, P4["title"])
    c.setFont("LS", 12)
    c.setFillColor(HexColor("#333333"))
    c.drawString(36, H - 70, "Ravensworth University \u2022 Position at 30 June 2026 \u2022 Report to the Technician Commitment Steering Group")
    # bar chart (vectors): stacked bars per pillar by status
    cx, cy, ch = 60, H - 250, 140
    c.setStrokeColor(black)
    c.setLineWidth(0.8)
    c.line(cx, cy, cx + 560, cy)
    c.line(cx, cy, cx, cy + ch + 10)
    c.setFont("LS", 8)
    for v in range(0, 6):
        yy = cy + v * ch / 5
        c.setStrokeColor(HexColor("#DDDDDD"))
        c.line(cx + 1, yy, cx + 560, yy)
        c.setFillColor(black)
        c.drawRightString(cx - 4, yy - 3, str(v))
    c.setFont("LSB", 11)
    c.setFillColor(black)
    c.drawString(cx, cy + ch + 22, "Actions by status and theme")
    for k, pil in enumerate(["V", "R", "CD", "S"]):
        x = cx + 30 + k * 135
        base = cy
        for s in ["B", "G", "A", "R"]:
            nn = sum(1 for r in rows if r["pillars"][0] == pil and r["_extra"]["rag"] == s)
            if nn:
                c.setFillColor(RAG[s])
                c.rect(x, base, 70, nn * ch / 5, stroke=0, fill=1)
                base += nn * ch / 5
        c.setFillColor(black)
        c.setFont("LS", 9)
        c.drawCentredString(x + 35, cy - 13, PN[pil])
    # legend box
    lx, ly = 700, H - 250
    c.setStrokeColor(HexColor("#888888"))
    c.setFillColor(HexColor("#FAFAFA"))
    c.rect(lx, ly, 250, 150, stroke=1, fill=1)
    c.setFillColor(black)
    c.setFont("LSB", 11)
    c.drawString(lx + 12, ly + 128, "Key to status")
    for k, s in enumerate(["R", "A", "G", "B"]):
        yy = ly + 100 - k * 26
        c.setFillColor(RAG[s])
        c.rect(lx + 14, yy, 26, 16, stroke=0, fill=1)
        c.setFillColor(black)
        c.setFont("LS", 10)
        c.drawString(lx + 50, yy + 4, RAGN[s])
    # summary figures
    c.setFont("LSB", 11)
    c.drawString(990, H - 120, "Summary")
    c.setFont("LS", 10)
    cnt = {s: sum(1 for r in rows if r["_extra"]["rag"] == s) for s in "RAGB"}
    for k, line in enumerate([f"{len(rows)} actions in the plan", f"{cnt['B']} complete, {cnt['G']} on track",
                              f"{cnt['A']} at risk, {cnt['R']} off track",
                              f"Mean completion {round(sum(r['_extra']['pct'] for r in rows) / len(rows))}%"]):
        c.drawString(990, H - 140 - 16 * k, line)

    cell = ParagraphStyle("c", fontName="LSN", fontSize=9.5, leading=11.5)
    cellb = ParagraphStyle("cb", fontName="LSNB", fontSize=10, leading=12, textColor=white)
    sect = ParagraphStyle("s", fontName="LSB", fontSize=10.5, leading=13)
    headers = ["Ref", "Planned action", "Responsible", "Due", "RAG", "% complete", "Progress commentary"]
    colw = [46, 300, 150, 90, 40, 60, 424]
    xa = 36 + colw[0]

    def make_table(chunk):
        data = [[Paragraph(h, cellb) for h in headers]]
        style = [("BACKGROUND", (0, 0), (-1, 0), HexColor("#4B1D3F")),
                 ("GRID", (0, 0), (-1, -1), 0.5, HexColor("#999999")),
                 ("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("ALIGN", (5, 1), (5, -1), "CENTER")]
        kinds = []
        for item in chunk:
            i = len(data)
            if isinstance(item, str):
                data.append([Paragraph(item, sect)] + [""] * 6)
                style += [("SPAN", (0, i), (-1, i)), ("BACKGROUND", (0, i), (-1, i), HexColor("#EDE3EA"))]
                kinds.append(None)
            else:
                r = item
                data.append([Paragraph(r["action_id"], cell), Paragraph(r["action_text"], cell),
                             Paragraph(r["owner"], cell), Paragraph(r["timeframe"], cell), "",
                             Paragraph(f"{r['_extra']['pct']}%", cell), Paragraph(r["_extra"]["comment"], cell)])
                style.append(("BACKGROUND", (4, i), (4, i), RAG[r["_extra"]["rag"]]))
                kinds.append(r)
        t = Table(data, colWidths=colw, repeatRows=1)
        t.setStyle(TableStyle(style))
        return t, kinds

    items = []
    for pil in ["V", "R", "CD", "S"]:
        items.append(P4_THEMES[pil])
        items += [r for r in rows if r["pillars"][0] == pil]
    # page 1 holds the table from below the chart, later pages from the top
    avail = [H - 300 - 40, H - 60 - 40]
    pos = 0
    first = True
    while pos < len(items):
        top = H - 300 if first else H - 50
        room = top - 40
        # take as many items as fit
        k = pos + 1
        best = pos + 1
        while k <= len(items):
            t, _ = make_table(items[pos:k])
            if t.wrap(W, H)[1] <= room:
                best = k
                k += 1
            else:
                break
        chunk = items[pos:best]
        if isinstance(chunk[-1], str) and best < len(items):   # don't end a page on a theme row
            chunk = chunk[:-1]
            best -= 1
        t, kinds = make_table(chunk)
        tw, th = t.wrap(W, H)
        t.drawOn(c, 36, top - th)
        ys = [top]
        for rh in t._rowHeights:
            ys.append(ys[-1] - rh)
        for i, r in enumerate(kinds, 1):
            if r is not None:
                P4_REGIONS.append((page[0], xa, H - ys[i], xa + colw[1], H - ys[i + 1]))
        footer()
        pos = best
        first = False
        if pos < len(items):
            c.showPage()
            page[0] += 1
    c.showPage()
    c.save()


# =========================================================================== 5. Google Docs HTML -> Chromium
def build_p5():
    import html as H_
    e = H_.escape
    css = """
    @page { size: A4; margin: 72pt 72pt 72pt 72pt; }
    body { font-family: Arial, sans-serif; font-size: 11pt; color: #000; line-height: 1.15; }
    .title { font-size: 26pt; padding-bottom: 3pt; }
    .subtitle { font-size: 15pt; color: #666666; padding-bottom: 16pt; font-family: Arial; }
    h1 { font-size: 20pt; font-weight: 400; padding-top: 20pt; margin: 0 0 6pt 0; }
    h2 { font-size: 16pt; font-weight: 400; padding-top: 18pt; margin: 0 0 6pt 0; }
    h3 { font-size: 14pt; font-weight: 400; color: #434343; padding-top: 16pt; margin: 0 0 4pt 0; }
    p { margin: 0 0 8pt 0; }
    a { color: #1155cc; text-decoration: underline; }
    .c-toc p { margin: 0 0 2pt 0; }
    .c-toc .l2 { margin-left: 18pt; }
    .c-toc .l3 { margin-left: 36pt; }
    sup { font-size: 7pt; }
    hr { border: 0; border-top: 1px solid #999; margin-top: 24pt; }
    """
    parts = [f"<html><head><meta content=\"text/html; charset=UTF-8\" http-equiv=\"content-type\">"
             f"<title>{e(P5['title'])}</title><style>{css}</style></head><body class=\"doc-content\">"]
    parts.append(f"<p class=\"title\">Kingsmere University</p><p class=\"subtitle\">{e(P5['title'])}</p>")
    # TOC
    toc = ["<div class=\"c-toc\"><p><b>Contents</b></p>",
           "<p class=\"l1\"><a href=\"#h.intro\">Introduction</a></p>",
           "<p class=\"l1\"><a href=\"#h.plan\">Our actions</a></p>"]
    for pil, area in P5_AREAS:
        toc.append(f"<p class=\"l2\"><a href=\"#h.{pil}\">{e(area)}</a></p>")
        for r in P5["rows"]:
            if r["pillars"][0] == pil:
                toc.append(f"<p class=\"l3\"><a href=\"#h.a{r['action_id'].replace('.', '_')}\">{r['action_id']} Action: {e(r['action_text'])}</a></p>")
    toc.append("<p class=\"l1\"><a href=\"#h.review\">Monitoring and review</a></p></div>")
    parts += toc
    parts.append("<h1 id=\"h.intro\">Introduction</h1>")
    parts.append("<p>Kingsmere University became a signatory of the Technician Commitment in 2017. This document "
                 "is the working copy of our third action plan, edited by the Technician Commitment Steering Group "
                 "and shared with all technical staff for comment before approval by the People Committee in "
                 "June 2025.</p>")
    parts.append("<p>Each action below has an owner, a deadline and a measure of success. Where an action builds "
                 "on earlier work, a note gives the background.</p>")
    parts.append("<h1 id=\"h.plan\">Our actions</h1>")
    for pil, area in P5_AREAS:
        parts.append(f"<h2 id=\"h.{pil}\">{e(area)}</h2>")
        for r in P5["rows"]:
            if r["pillars"][0] != pil:
                continue
            ex = r["_extra"]
            fn = (f"<sup><a href=\"#ftnt{ex['fn']}\" id=\"ftnt_ref{ex['fn']}\">[{ex['fn']}]</a></sup>" if ex["fn"] else "")
            parts.append(f"<h3 id=\"h.a{r['action_id'].replace('.', '_')}\">{r['action_id']} Action: {e(r['action_text'])}{fn}</h3>")
            if r["details"]:
                parts.append(f"<p>{e(r['details'])}</p>")
            fn2 = (f"<sup><a href=\"#ftnt{ex['fn2']}\" id=\"ftnt_ref{ex['fn2']}\">[{ex['fn2']}]</a></sup>" if ex["fn2"] else "")
            parts.append(f"<p><b>Owner:</b> {e(r['owner'])}. <b>Deadline:</b> {e(r['timeframe'])}. "
                         f"<b>Measure:</b> {e(r['success_measures'])}.{fn2}</p>")
    parts.append("<h1 id=\"h.review\">Monitoring and review</h1>")
    parts.append("<p>The Steering Group reviews progress at each meeting and publishes a short update every "
                 "autumn. Owners report by exception when a deadline is at risk.</p>")
    parts.append("<hr>")
    for k, txt in P5_FOOTNOTES.items():
        parts.append(f"<div><p><a href=\"#ftnt_ref{k}\" id=\"ftnt{k}\">[{k}]</a> {e(txt)}</p></div>")
    parts.append("</body></html>")
    hp = os.path.join(BUILD, "kingsmere.html")
    with open(hp, "w", encoding="utf-8") as f:
        f.write("\n".join(parts))
    out = os.path.join(RAW, P5["file"])
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={os.path.join(BUILD, 'chrome')}",
                    f"--print-to-pdf={out}", "file://" + hp], check=True, capture_output=True, timeout=180)


# =========================================================================== 6. roman numerals, US letter (docx)
def build_p6():
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Inches, Pt, RGBColor

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Inches(8.5), Inches(11)
    sec.left_margin = sec.right_margin = Inches(1)
    sec.top_margin = sec.bottom_margin = Inches(0.9)
    st = doc.styles["Normal"]
    st.font.name = "Cambria"
    st.font.size = Pt(11)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), "Cambria")
    fp = sec.footer.paragraphs[0]
    fp.text = "Stanmore Institute of Science"
    fp.runs[0].font.size = Pt(8)

    def para(text, size=11, bold=False, italic=False, font=None, color=None, after=6, indent=None, hanging=None, align=None):
        p = doc.add_paragraph()
        r = p.add_run(text)
        r.font.size = Pt(size)
        r.bold, r.italic = bold, italic
        if font:
            r.font.name = font
        if color:
            r.font.color.rgb = RGBColor.from_string(color)
        pf = p.paragraph_format
        pf.space_after = Pt(after)
        if indent is not None:
            pf.left_indent = Inches(indent)
        if hanging is not None:
            pf.first_line_indent = Inches(-hanging)
        if align is not None:
            p.alignment = align
        return p

    para("Stanmore Institute of Science", 13, bold=True, font="Calibri", color="7A1F2B", after=2)
    para(P6["title"], 22, bold=True, font="Calibri", after=14)
    def set_cols(section, num):
        sp = section._sectPr
        for el in sp.findall(qn("w:cols")):
            sp.remove(el)
        cols = OxmlElement("w:cols")
        cols.set(qn("w:num"), str(num))
        cols.set(qn("w:space"), "432")
        grid = sp.find(qn("w:docGrid"))
        if grid is not None:
            grid.addprevious(cols)
        else:
            sp.append(cols)

    set_cols(sec, 1)
    sec2 = doc.add_section(WD_SECTION.CONTINUOUS)   # the intro: two columns
    intro = [
        ("About this plan", True),
        ("The Stanmore Institute of Science employs around 180 technical staff in its laboratories, workshops, "
         "imaging suites and research computing service. They were consulted through a survey in the spring of "
         "2025, which drew 112 responses, and through four focus groups held on both campuses.", False),
        ("The results were clear: technicians feel their expertise is valued by the colleagues who work with them "
         "day to day, but much less so by the Institute as a whole. Many are unsure how to progress, and several "
         "specialist services rely on a single person whose knowledge is not written down.", False),
        ("What has changed since 2022", True),
        ("Since signing the Technician Commitment in 2019 the Institute has created the post of Technical "
         "Development Manager, introduced a technician category in its staff awards and registered 23 "
         "technicians with the Science Council. A technician representative now attends the Health and Safety "
         "Committee.", False),
        ("How the plan is organised", True),
        ("The plan has four priorities. Each numbered action (i, ii, iii and so on) names a lead and a timescale; "
         "where an action has several parts, these are listed as (a), (b) and (c) and share the lead and "
         "timescale of the action they belong to. The Steering Group will report on progress twice a year to "
         "the Executive Board and to all staff.", False),
        ("The Institute thanks everyone who took part in the survey and focus groups, and the members of the "
         "Steering Group who drafted this plan.", False),
    ]
    for text, head in intro:
        if head:
            para(text, 12, bold=True, font="Calibri", color="7A1F2B", after=3)
        else:
            para(text, 10.5, after=8, align=3)
    set_cols(sec2, 2)
    new = doc.add_section(WD_SECTION.NEW_PAGE)    # the plan: one column
    set_cols(new, 1)
    para("The action plan", 18, bold=True, font="Calibri", after=10)
    for sname, items in P6_SECTIONS:
        para(sname, 14, bold=True, font="Calibri", color="7A1F2B", after=6)
        for rn, stmt, lead, ts, subs in items:
            para(f"{rn}.\t{stmt}", 11, bold=True, indent=0.45, hanging=0.45, after=2)
            if subs and isinstance(subs[0], tuple):
                for letter, t, _ in subs:
                    para(f"({letter})\t{t}", 11, indent=0.9, hanging=0.35, after=2)
            para(f"Lead: {lead}. Timescale: {ts}.", 10, italic=True, indent=0.45, after=10)
    para("Approved by the Executive Board, September 2025.", 10, italic=True, after=0)
    p = os.path.join(BUILD, "p6.docx")
    doc.save(p)
    out = soffice_pdf(p)
    shutil.copy(out, os.path.join(RAW, P6["file"]))


# =========================================================================== gold + verification
def nws(s):
    s = unicodedata.normalize("NFKC", s)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s).strip()


def page_texts(pdf_path, regions=None):
    """Per page: a list of candidate strings (full text, table cells, region crops)."""
    import pdfplumber
    out = []
    with pdfplumber.open(pdf_path) as pdf:
        for pno, page in enumerate(pdf.pages, 1):
            cands = [nws(page.extract_text() or "")]
            for tb in page.extract_tables():
                for row in tb:
                    for cell in row:
                        if cell:
                            cands.append(nws(cell))
            for (pg, x0, top, x1, bottom) in (regions or []):
                if pg == pno:
                    cands.append(nws(page.crop((x0, top, x1, bottom)).extract_text() or ""))
            out.append(cands)
        npages = len(pdf.pages)
    return out, npages


def write_gold(plan, verify_pdf, regions=None):
    pages, npages = page_texts(verify_pdf, regions)
    first = 1
    if plan.get("body_marker"):   # skip a table of contents that repeats the action texts
        first = next(p for p, c_ in enumerate(pages, 1) if nws(plan["body_marker"]) in c_[0])
    problems = []
    rows = []
    for r in plan["rows"]:
        want = nws(r["action_text"])
        found = None
        for pno, cands in enumerate(pages, 1):
            if pno < first:
                continue
            if any(want in c_ for c_ in cands):
                found = pno
                break
        if found is None:
            problems.append(r["action_text"])
        g = {k: v for k, v in r.items() if not k.startswith("_")}
        g["page_start"] = found
        rows.append(g)
    gold = {"source_file": plan["file"], "institution": plan["institution"], "title": plan["title"],
            "period_start": plan["period"][0], "period_end": plan["period"][1], "layout": plan["layout"],
            "stripped": plan["stripped"], "talent_annotated": plan["talent_annotated"], "pages": npages,
            "rows": rows}
    name = os.path.splitext(plan["file"])[0] + ".gold.json"
    with open(os.path.join(GOLD, name), "w", encoding="utf-8") as f:
        json.dump(gold, f, indent=1, ensure_ascii=False)
    return problems, npages


def check_no_text(pdf_path):
    import pdfplumber
    with pdfplumber.open(pdf_path) as pdf:
        chars = sum(len(p.chars) for p in pdf.pages)
        imgs = sum(len(p.images) for p in pdf.pages)
    return chars, imgs


if __name__ == "__main__":
    only = sys.argv[1:] or ["1", "2", "3", "4", "5", "6"]
    builders = {"1": (build_p1, P1, None), "2": (build_p2, P2, P2_REGIONS), "3": (build_p3, P3, P3_REGIONS),
                "4": (build_p4, P4, P4_REGIONS), "5": (build_p5, P5, None), "6": (build_p6, P6, None)}
    for k in only:
        fn, plan, regions = builders[k]
        res = fn()
        pdf = os.path.join(RAW, plan["file"])
        verify = res if (k == "2" and res) else pdf
        probs, npages = write_gold(plan, verify, regions)
        msg = f"[{k}] {plan['file']}: {len(plan['rows'])} rows, {npages} pages, unverified={len(probs)}"
        if k == "2":
            msg += " | outlined PDF chars/images=%s/%s" % check_no_text(pdf)
        print(msg)
        for p in probs:
            print("   NOT FOUND:", p)
