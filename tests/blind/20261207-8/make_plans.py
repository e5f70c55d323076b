#!/usr/bin/env python3
"""Build the six blind-round-12 plans (raw/) and their gold (gold/) from plans_data.py.
Run: /work/main/.venv/bin/python make_plans.py [1..6]
1 python-docx transposed tables (each action a column, field names in the first column) -> LibreOffice, A4 landscape;
2 reportlab mind map: central node, four pillar branches, curved connectors, leaf nodes, one A3 landscape page;
3 reportlab ruled table, then Ghostscript pdfwrite -dNoOutputFonts: every glyph a vector path, US Letter landscape;
4 reportlab table whose pillar is shown only by row fill colour, key at the top, A4 portrait;
5 python-docx steering-group minutes with ACTION lines, plan status table as Appendix A -> LibreOffice, A4;
6 reportlab year planner: months Sep..Aug as columns, pillars as rows, A3 landscape."""
import json, os, re, subprocess, sys, unicodedata, math
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from plans_data import *  # noqa

RAW, GOLD, BUILD = (os.path.join(HERE, d) for d in ("raw", "gold", "build"))
for d in (RAW, GOLD, BUILD):
    os.makedirs(d, exist_ok=True)
ROWS = {}
CHECK_PDF = {}
FONTS = "/usr/share/fonts/truetype/"
def R(text, *, id=None, parent=None, section=None, aim=None, tf=None, owner=None, pillars=(), talent=(), sm=None,
      res=None, details=None, sup=None, **extra):
    d = {"action_id": id, "parent_id": parent, "section": section, "aim": aim, "action_text": text,
         "details": details, "supporting_actions": sup, "success_measures": sm, "timeframe": tf,
         "owner": owner, "resources": res, "pillars": list(pillars), "talent": list(talent), "page_start": None}
    d.update(extra)
    return d


def soffice_pdf(path):
    prof = "file://" + os.path.join(BUILD, "lo_profile")
    subprocess.run(["soffice", f"-env:UserInstallation={prof}", "--headless", "--convert-to", "pdf",
                    "--outdir", BUILD, path], check=True, capture_output=True, timeout=240)
    return os.path.splitext(path)[0] + ".pdf"


def reg_fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    for name, f in [("Carlito", "crosextra/Carlito-Regular.ttf"), ("Carlito-Bold", "crosextra/Carlito-Bold.ttf"),
                    ("DVC", "dejavu/DejaVuSansCondensed.ttf"), ("DVC-Bold", "dejavu/DejaVuSansCondensed-Bold.ttf"),
                    ("DV", "dejavu/DejaVuSans.ttf"), ("DV-Bold", "dejavu/DejaVuSans-Bold.ttf"),
                    ("LSN", "liberation/LiberationSansNarrow-Regular.ttf"), ("LSN-Bold", "liberation/LiberationSansNarrow-Bold.ttf"),
                    ("LSerif", "liberation/LiberationSerif-Regular.ttf"), ("LSerif-Bold", "liberation/LiberationSerif-Bold.ttf"),
                    ("LSerif-Italic", "liberation/LiberationSerif-Italic.ttf"),
                    ("Caladea", "crosextra/Caladea-Regular.ttf"), ("Caladea-Bold", "crosextra/Caladea-Bold.ttf")]:
        pdfmetrics.registerFont(TTFont(name, FONTS + f))
    from reportlab.pdfbase.pdfmetrics import EmbeddedType1Face, Font
    T1 = "/usr/share/fonts/type1/urw-base35/"
    for nm in ("URWGothic-Book", "URWGothic-Demi"):
        try:
            face = EmbeddedType1Face(T1 + nm + ".afm", "/usr/share/fonts/X11/Type1/" + nm + ".pfb")
            pdfmetrics.registerTypeFace(face)
            pdfmetrics.registerFont(Font(nm, face.name, "WinAnsiEncoding"))
        except Exception as e:
            print("type1", nm, e)


def docx_shade(cell, hexcol):
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd"); shd.set(qn("w:val"), "clear"); shd.set(qn("w:color"), "auto"); shd.set(qn("w:fill"), hexcol)
    tcPr.append(shd)


def docx_repeat_header(row):
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    trPr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader"); h.set(qn("w:val"), "true"); trPr.append(h)




def pillar_names(ps):
    return ", ".join(PN[p] for p in ps)


# ------------------------------------------------------------------ 1 transposed tables
def build_p1():
    from docx import Document
    from docx.shared import Pt, Cm, RGBColor
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK
    doc = Document()
    st = doc.styles["Normal"]; st.font.name = "Liberation Sans"; st.font.size = Pt(9.5)
    for s in ("Heading 1", "Heading 2", "Title"):
        doc.styles[s].font.name = "Liberation Sans"; doc.styles[s].font.color.rgb = RGBColor(0x0B, 0x5D, 0x56)
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21)
    sec.left_margin = sec.right_margin = Cm(1.8); sec.top_margin = Cm(1.6); sec.bottom_margin = Cm(1.5)
    fp = sec.footer.paragraphs[0]; fp.text = "Calderbrook University \u2013 Technician Commitment Action Plan 2025\u20132028"
    fp.runs[0].font.size = Pt(7.5)
    doc.add_heading("Technician Commitment Action Plan 2025\u20132028", 0)
    doc.add_paragraph("Calderbrook University").runs[0].bold = True
    for t in ["Calderbrook signed the Technician Commitment in 2018. This plan follows our first two plans and was "
              "shaped by a workshop held with more than ninety technical staff in May 2025.",
              "The plan is set out under four priorities. To keep each priority on a single screen when it is shared "
              "in meetings, the tables read across: every column is one action, and the rows give its reference, "
              "who leads it, when it will be done, what success looks like and the pillar it supports."]:
        doc.add_paragraph(t)
    fields = ["Ref", "Action", "Lead", "By when", "Success looks like", "Pillar"]
    rows = []
    first = True
    for head, acts in P1_TABLES:
        hp = doc.add_heading(head, 1)
        if not first and not head.endswith("(continued)"):
            hp.paragraph_format.page_break_before = True
        first = False
        n = len(acts)
        t = doc.add_table(rows=len(fields), cols=1 + n); t.style = "Table Grid"
        t.autofit = False
        widths = [3.2] + [4.6] * n
        for ri, f in enumerate(fields):
            c = t.rows[ri].cells[0]; c.text = f; c.paragraphs[0].runs[0].bold = True; docx_shade(c, "DCEFEC")
            for ci, a in enumerate(acts, 1):
                ref, act, lead, when, succ, pil = a
                c = t.rows[ri].cells[ci]
                if f == "Ref":
                    c.text = ref; r = c.paragraphs[0].runs[0]; r.bold = True; r.font.color.rgb = RGBColor(255, 255, 255)
                    docx_shade(c, "0B5D56")
                elif f == "Action":
                    if isinstance(act, list):
                        c.text = ""
                        for k, x in enumerate(act):
                            p = c.paragraphs[0] if k == 0 else c.add_paragraph()
                            p.style = doc.styles["List Bullet"]; p.add_run(x)
                    else:
                        c.text = act
                else:
                    c.text = {"Lead": lead, "By when": when, "Success looks like": succ, "Pillar": pillar_names(pil)}[f]
        if ri == 0:
            pass
        for row in t.rows:
            for i, w in enumerate(widths):
                row.cells[i].width = Cm(w)
                for p in row.cells[i].paragraphs:
                    for rr in p.runs:
                        rr.font.size = Pt(9)
        for i, w in enumerate(widths):
            t.columns[i].width = Cm(w)
        doc.add_paragraph("")
        sec_name = head.replace(" (continued)", "")
        for ref, act, lead, when, succ, pil in acts:
            if isinstance(act, list):
                for x in act:
                    rows.append(R(x, id=None, parent=ref, section=sec_name, tf=when, owner=lead, sm=succ, pillars=pil))
            else:
                rows.append(R(act, id=ref, section=sec_name, tf=when, owner=lead, sm=succ, pillars=pil))
    doc.add_heading("Monitoring", 1)
    doc.add_paragraph("The Technician Commitment Steering Group will review this plan each term and publish a progress "
                      "update on the Technician Network intranet site every summer.")
    path = os.path.join(BUILD, "p1.docx"); doc.save(path)
    pdf = soffice_pdf(path)
    os.replace(pdf, os.path.join(RAW, P1["file"]))
    ROWS[P1["file"]] = rows


# ------------------------------------------------------------------ 2 mind map
def wrap(text, font, size, width):
    from reportlab.pdfbase.pdfmetrics import stringWidth
    out, cur = [], ""
    for w in text.split():
        t = (cur + " " + w).strip()
        if stringWidth(t, font, size) <= width:
            cur = t
        else:
            out.append(cur); cur = w
    if cur:
        out.append(cur)
    return out


def build_p2():
    from reportlab.pdfgen import canvas
    from reportlab.lib.pagesizes import A3, landscape
    from reportlab.lib.colors import HexColor, white
    reg_fonts()
    W, H = landscape(A3)
    pdf = os.path.join(RAW, P2["file"])
    c = canvas.Canvas(pdf, pagesize=(W, H))
    c.setTitle("Kestrel Bay University - Technician Commitment Action Plan 2025-27 (mind map)")
    cols = {"V": "#2F6DB5", "R": "#C4572A", "CD": "#3C8D5A", "S": "#7A4B9C"}
    cx, cy = W / 2, H / 2 - 10
    # title strip
    c.setFont("DV-Bold", 11); c.setFillColor(HexColor("#444444"))
    c.drawString(36, H - 30, "Kestrel Bay University  |  Technical Staff Network")
    c.setFont("DV", 8); c.drawRightString(W - 36, H - 30, "Approved by the People Committee, May 2025")
    quad = {"V": (-1, 1), "R": (1, 1), "CD": (-1, -1), "S": (1, -1)}
    rows = []
    for pil, leaves in P2_BRANCHES:
        sx, sy = quad[pil]
        col = HexColor(cols[pil])
        px, py = cx + sx * 225, cy + sy * 175
        # trunk
        c.setStrokeColor(col); c.setLineWidth(7); c.setLineCap(1)
        p = c.beginPath(); p.moveTo(cx, cy); p.curveTo(cx + sx * 90, cy + sy * 10, px - sx * 120, py, px, py)
        c.drawPath(p, stroke=1, fill=0)
        boxed = pil in ("V", "R")
        top, bot = (H - 60, cy + 30) if sy > 0 else (cy - 30, 30)
        n = len(leaves); step = (top - bot) / n
        bw = 250
        for k, (act, owner, date) in enumerate(leaves):
            yc = top - step * (k + 0.5)
            lines = wrap(act, "DV", 9.5, bw - 20)
            hh = 14 + 12 * len(lines) + 12
            if sx < 0:
                bx = 36
            else:
                bx = W - 36 - bw
            inner = bx + bw if sx < 0 else bx
            # branch
            c.setStrokeColor(col); c.setLineWidth(2.2)
            p = c.beginPath(); p.moveTo(px + sx * 0, py)
            p.curveTo(px + sx * 80, py, inner - sx * 90, yc, inner, yc)
            c.drawPath(p, stroke=1, fill=0)
            if boxed:
                c.setFillColor(white); c.setStrokeColor(col); c.setLineWidth(1.4)
                c.roundRect(bx, yc - hh / 2, bw, hh, 10, stroke=1, fill=1)
            else:
                c.setFillColor(col); c.circle(inner, yc, 3.2, stroke=0, fill=1)
            c.setFillColor(HexColor("#1E1E1E")); c.setFont("DV", 9.5)
            ty = yc + hh / 2 - 16
            for ln in lines:
                if boxed or sx < 0:
                    c.drawString(bx + 10, ty, ln) if boxed else c.drawRightString(inner - 8, ty, ln)
                else:
                    c.drawString(inner + 8, ty, ln)
                ty -= 12
            c.setFont("DV", 7); c.setFillColor(HexColor("#666666"))
            meta = f"{owner}  \u00b7  {date}"
            if boxed:
                c.drawString(bx + 10, ty - 1, meta)
            elif sx < 0:
                c.drawRightString(inner - 8, ty - 1, meta)
            else:
                c.drawString(inner + 8, ty - 1, meta)
            rows.append(R(act, section=PN[pil], owner=owner, tf=date, pillars=[pil]))
        # pillar node
        c.setFillColor(col); c.roundRect(px - 80, py - 22, 160, 44, 22, stroke=0, fill=1)
        c.setFillColor(white); c.setFont("DV", 7.5); c.drawCentredString(px, py + 6, "STRAND")
        c.setFont("DV-Bold", 12); c.drawCentredString(px, py - 10, PN[pil])
    # central node
    c.setFillColor(HexColor("#1D2B3A")); c.roundRect(cx - 125, cy - 52, 250, 104, 40, stroke=0, fill=1)
    c.setFillColor(white)
    c.setFont("DV-Bold", 13); c.drawCentredString(cx, cy + 22, "Kestrel Bay University")
    c.setFont("DV", 11.5); c.drawCentredString(cx, cy + 2, "Technician Commitment")
    c.drawCentredString(cx, cy - 15, "Action Plan 2025\u201327")
    c.setFont("DV", 7.5); c.drawCentredString(cx, cy - 36, "Visibility \u00b7 Recognition \u00b7 Career Development \u00b7 Sustainability")
    c.showPage(); c.save()
    ROWS[P2["file"]] = rows


# ------------------------------------------------------------------ 3 outlined table
def build_p3():
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.pagesizes import letter, landscape
    from reportlab.lib.colors import HexColor, white, black
    from reportlab.lib.units import cm
    reg_fonts()
    src = os.path.join(BUILD, "p3-text.pdf")
    doc = SimpleDocTemplate(src, pagesize=landscape(letter), leftMargin=1.6 * cm, rightMargin=1.6 * cm,
                            topMargin=1.5 * cm, bottomMargin=1.5 * cm, title="Royal Ashcombe Institute TC plan")
    ts = ParagraphStyle("t", fontName="Carlito-Bold", fontSize=20, leading=24, textColor=HexColor("#6B1F2A"))
    ss = ParagraphStyle("s", fontName="Carlito", fontSize=11, leading=14, textColor=HexColor("#333333"))
    bs = ParagraphStyle("b", fontName="Carlito", fontSize=9.5, leading=11.5)
    hs = ParagraphStyle("h", fontName="Carlito-Bold", fontSize=9.5, leading=11.5, textColor=white)
    secs = ParagraphStyle("sec", fontName="Carlito-Bold", fontSize=10.5, leading=13, textColor=HexColor("#6B1F2A"))
    story = [Paragraph("Royal Ashcombe Institute", ss),
             Paragraph("Technician Commitment Action Plan 2026\u20132029", ts), Spacer(1, 6),
             Paragraph("Our technicians keep the Institute's studios, laboratories and workshops running. This plan sets "
                       "out what we will do over the next three years under the four pillars of the Technician "
                       "Commitment. Where an action responds to a recommendation of the TALENT Commission (2022), the "
                       "recommendation number is given in the last column.", ss), Spacer(1, 10)]
    data = [[Paragraph(h, hs) for h in ["No.", "What we will do", "Owner", "Timescale", "TALENT rec."]]]
    style = [("GRID", (0, 0), (-1, -1), 0.6, black), ("BACKGROUND", (0, 0), (-1, 0), HexColor("#6B1F2A")),
             ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]
    rows = []
    for head, pil, acts in P3_AREAS:
        data.append([Paragraph(head, secs), "", "", "", ""])
        r = len(data) - 1
        style += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), HexColor("#F2E4E6"))]
        for no, act, owner, tsc, tal in acts:
            data.append([Paragraph(no, bs), Paragraph(act, bs), Paragraph(owner, bs), Paragraph(tsc, bs),
                         Paragraph(", ".join(tal) if tal else "\u2013", bs)])
            rows.append(R(act, id=no, section=head.split("\u2013")[1].strip(), owner=owner, tf=tsc, pillars=[pil], talent=tal))
    t = Table(data, colWidths=[1.3 * cm, 12.6 * cm, 5.2 * cm, 3.2 * cm, 2.3 * cm], repeatRows=1)
    t.setStyle(TableStyle(style))
    story.append(t)
    story += [Spacer(1, 10), Paragraph("Progress against this plan is reported to the Executive Board every six months.", ss)]
    doc.build(story)
    out = os.path.join(RAW, P3["file"])
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dNoOutputFonts",
                    "-o", out, src], check=True)
    CHECK_PDF[P3["file"]] = src
    ROWS[P3["file"]] = rows


# ------------------------------------------------------------------ 4 pillar by row colour
def build_p4():
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.colors import HexColor, white
    from reportlab.lib.units import cm
    reg_fonts()
    pdf = os.path.join(RAW, P4["file"])

    def foot(canv, d):
        canv.setFont("DVC", 7.5); canv.setFillColor(HexColor("#555555"))
        canv.drawString(1.8 * cm, 1.1 * cm, "Brackenfield University \u2022 Technician Commitment Action Plan 2025\u20132027")
        canv.drawRightString(A4[0] - 1.8 * cm, 1.1 * cm, f"Page {d.page}")
    doc = SimpleDocTemplate(pdf, pagesize=A4, leftMargin=1.8 * cm, rightMargin=1.8 * cm, topMargin=1.6 * cm,
                            bottomMargin=1.8 * cm, title="Brackenfield TC action plan")
    ts = ParagraphStyle("t", fontName="DVC-Bold", fontSize=17, leading=21, textColor=HexColor("#22313F"))
    ss = ParagraphStyle("s", fontName="DVC", fontSize=9.5, leading=12.5)
    bs = ParagraphStyle("b", fontName="DVC", fontSize=8.6, leading=10.6)
    hs = ParagraphStyle("h", fontName="DVC-Bold", fontSize=8.6, leading=10.6, textColor=white)
    story = [Paragraph("Brackenfield University", ss), Paragraph("Technician Commitment Action Plan 2025\u20132027", ts),
             Spacer(1, 6),
             Paragraph("The actions below are listed in the order we expect to complete them. Each row is shaded to show "
                       "the pillar of the Technician Commitment that it delivers, using the colour key below.", ss),
             Spacer(1, 8)]
    key = [[Paragraph("<b>Colour key</b>", ss)]]
    kst = [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    cells = [Paragraph("<b>Colour key</b>", ss)]
    widths = [2.3 * cm]
    for i, p in enumerate(["V", "R", "CD", "S"]):
        nm, hx = P4_COLOURS[p]
        cells += ["", Paragraph(f"{nm} = {PN[p]}", ss)]
        widths += [0.7 * cm, 3.3 * cm]
        kst += [("BACKGROUND", (1 + 2 * i, 0), (1 + 2 * i, 0), HexColor(hx)), ("BOX", (1 + 2 * i, 0), (1 + 2 * i, 0), 0.5, HexColor("#888888"))]
    kt = Table([cells], colWidths=widths, rowHeights=[0.6 * cm]); kt.setStyle(TableStyle(kst))
    story += [kt, Spacer(1, 10)]
    data = [[Paragraph(h, hs) for h in ["#", "Action", "Responsible", "Target date", "Measure of success"]]]
    st = [("BACKGROUND", (0, 0), (-1, 0), HexColor("#22313F")), ("VALIGN", (0, 0), (-1, -1), "TOP"),
          ("LINEBELOW", (0, 0), (-1, -1), 0.8, white), ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]
    rows = []
    for no, pil, act, resp, tgt, meas in P4_ROWS:
        data.append([Paragraph(str(no), bs), Paragraph(act, bs), Paragraph(resp, bs), Paragraph(tgt, bs), Paragraph(meas, bs)])
        st.append(("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), HexColor(P4_COLOURS[pil][1])))
        rows.append(R(act, id=str(no), owner=resp, tf=tgt, sm=meas, pillars=[pil]))
    t = Table(data, colWidths=[0.8 * cm, 7.4 * cm, 3.6 * cm, 2.2 * cm, 3.4 * cm], repeatRows=1)
    t.setStyle(TableStyle(st)); story.append(t)
    story += [Spacer(1, 10), Paragraph("Owner of the plan: Technician Commitment Working Group. Next review: July 2026.", ss)]
    doc.build(story, onFirstPage=foot, onLaterPages=foot)
    ROWS[P4["file"]] = rows


# ------------------------------------------------------------------ 5 minutes + appendix
def build_p5():
    from docx import Document
    from docx.shared import Pt, Cm, RGBColor
    from docx.enum.text import WD_BREAK
    doc = Document()
    st = doc.styles["Normal"]; st.font.name = "Carlito"; st.font.size = Pt(11)
    for s in ("Heading 1", "Heading 2", "Title"):
        doc.styles[s].font.name = "Carlito"; doc.styles[s].font.color.rgb = RGBColor(0x26, 0x3A, 0x6B)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.0); sec.top_margin = Cm(2.0); sec.bottom_margin = Cm(2.0)
    fp = sec.footer.paragraphs[0]; fp.text = "TCSG minutes 12 March 2026 \u2013 UNCONFIRMED"; fp.runs[0].font.size = Pt(8)
    doc.add_paragraph("University of Pennard Moor").runs[0].bold = True
    doc.add_heading("Technician Commitment Steering Group", 0)
    doc.add_paragraph("Minutes of the meeting held on Thursday 12 March 2026, 14:00\u201315:30, Senate Room")
    p = doc.add_paragraph(); p.add_run("Present: ").bold = True
    p.add_run("Professor Ruth Aldane (Chair, PVC Research), Sanjay Anand (SA, Director of Technical Services), "
              "Gwen Hollis (GH, Technical Development Lead), Lewis Marsh (LM, HR Business Partner), Rhian Pugh (RP, "
              "Communications), Dr Imogen Tanner (Life Sciences technical representative), Owen Bryce (Engineering "
              "technical representative)")
    p = doc.add_paragraph(); p.add_run("Apologies: ").bold = True
    p.add_run("Dr Farah Qureshi (Dean of Science), Tom Everitt (Estates)")
    p = doc.add_paragraph(); p.add_run("In attendance: ").bold = True; p.add_run("Nia Lloyd (Secretary)")
    for i, (title, text, acts) in enumerate(P5_MINUTES, 1):
        h = doc.add_paragraph(); r = h.add_run(f"{i}.  {title}"); r.bold = True; r.font.size = Pt(12)
        doc.add_paragraph(f"{i}.1  " + text)
        for a in acts:
            q = doc.add_paragraph(); q.paragraph_format.left_indent = Cm(1.0)
            rr = q.add_run(a); rr.bold = True
    doc.add_paragraph("Signed as a true record: ........................................   Date: ...................")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Appendix A: Technician Commitment Action Plan 2024\u20132027 \u2013 progress at March 2026", 1)
    doc.add_paragraph("RAG: Green = complete or on track; Amber = some delay, recoverable; Red = off track or blocked.")
    heads = ["Ref", "Action", "Owner", "Due", "RAG", "Update"]
    widths = [1.1, 5.4, 3.1, 2.0, 1.4, 4.0]
    t = doc.add_table(rows=1, cols=6); t.style = "Table Grid"; t.autofit = False
    for i, hd in enumerate(heads):
        c = t.rows[0].cells[i]; c.text = hd; c.paragraphs[0].runs[0].bold = True; docx_shade(c, "263A6B")
        c.paragraphs[0].runs[0].font.color.rgb = RGBColor(255, 255, 255)
    docx_repeat_header(t.rows[0])
    rag = {"Green": "92D050", "Amber": "FFC000", "Red": "FF5050"}
    rows = []
    for theme, acts in P5_APPENDIX:
        cells = t.add_row().cells
        m = cells[0].merge(cells[5]); m.text = theme; m.paragraphs[0].runs[0].bold = True; docx_shade(m, "DCE3F0")
        pil = {"Visibility": "V", "Recognition": "R", "Career Development": "CD", "Sustainability": "S"}[theme.split("\u2013")[1].strip()]
        for ref, act, own, due, rg, upd in acts:
            cells = t.add_row().cells
            for i, v in enumerate([ref, act, own, due, rg, upd]):
                cells[i].text = v
            docx_shade(cells[4], rag[rg])
            rows.append(R(act, id=ref, section=PN[pil], owner=own, tf=due, pillars=[pil], status=rg, update=upd))
    for row in t.rows:
        for i, w in enumerate(widths):
            row.cells[i].width = Cm(w)
            for p in row.cells[i].paragraphs:
                for rr in p.runs:
                    rr.font.size = Pt(9)
    for i, w in enumerate(widths):
        t.columns[i].width = Cm(w)
    path = os.path.join(BUILD, "p5.docx"); doc.save(path)
    pdf = soffice_pdf(path)
    os.replace(pdf, os.path.join(RAW, P5["file"]))
    ROWS[P5["file"]] = rows


# ------------------------------------------------------------------ 6 year planner
def build_p6():
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.pagesizes import A3, landscape
    from reportlab.lib.colors import HexColor, white
    from reportlab.lib.units import cm
    reg_fonts()
    pdf = os.path.join(RAW, P6["file"])
    doc = SimpleDocTemplate(pdf, pagesize=landscape(A3), leftMargin=1.4 * cm, rightMargin=1.4 * cm, topMargin=1.3 * cm,
                            bottomMargin=1.3 * cm, title="Whitlow Bridge TC year planner")
    ts = ParagraphStyle("t", fontName="LSN-Bold", fontSize=22, leading=26, textColor=HexColor("#0E4C7A"))
    ss = ParagraphStyle("s", fontName="LSN", fontSize=11, leading=14)
    cs = ParagraphStyle("c", fontName="LSN", fontSize=9.5, leading=11.5, leftIndent=7, bulletIndent=0)
    hs = ParagraphStyle("h", fontName="LSN-Bold", fontSize=11, leading=13, textColor=white, alignment=1)
    rs = ParagraphStyle("r", fontName="LSN-Bold", fontSize=11.5, leading=14)
    full = {"Sep": "September", "Oct": "October", "Nov": "November", "Dec": "December", "Jan": "January",
            "Feb": "February", "Mar": "March", "Apr": "April", "May": "May", "Jun": "June", "Jul": "July", "Aug": "August"}
    story = [Paragraph("Whitlow Bridge University \u2013 Technical Services", ss),
             Paragraph("Technician Commitment Year Planner 2025\u201326", ts), Spacer(1, 4),
             Paragraph("What we will do for and with our technical community this academic year, month by month. Each "
                       "row is one commitment area of the Technician Commitment.", ss), Spacer(1, 10)]
    data = [[Paragraph("", hs), Paragraph("2025", hs), "", "", "", Paragraph("2026", hs)] + [""] * 7,
            [Paragraph("Commitment area", hs)] + [Paragraph(m, hs) for m in MONTHS]]
    st = [("SPAN", (1, 0), (4, 0)), ("SPAN", (5, 0), (12, 0)), ("BACKGROUND", (0, 0), (-1, 1), HexColor("#0E4C7A")),
          ("GRID", (0, 1), (-1, -1), 0.5, HexColor("#9AB3C8")), ("LINEBELOW", (0, 0), (-1, 0), 0.5, white),
          ("LINEAFTER", (4, 0), (4, -1), 1.6, HexColor("#0E4C7A")),
          ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 4)]
    rows = []
    tint = {"V": "#EEF4FA", "R": "#FFFFFF", "CD": "#EEF4FA", "S": "#FFFFFF"}
    for pil in ["V", "R", "CD", "S"]:
        line = [Paragraph(P6_ROWHEAD[pil], rs)]
        for m in MONTHS:
            acts = P6_GRID[pil].get(m, [])
            line.append([Paragraph(a, cs, bulletText="\u2022") for a in acts] or "")
            yr = 2025 if m in ("Sep", "Oct", "Nov", "Dec") else 2026
            for a in acts:
                rows.append(R(a, section=PN[pil], tf=f"{m} {yr}", pillars=[pil]))
        data.append(line)
        st.append(("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), HexColor(tint[pil])))
    avail = landscape(A3)[0] - 2.8 * cm
    cw = (avail - 3.3 * cm) / 12
    t = Table(data, colWidths=[3.3 * cm] + [cw] * 12, rowHeights=[None, None] + [5.2 * cm] * 4)
    t.setStyle(TableStyle(st)); story.append(t)
    story += [Spacer(1, 8), Paragraph("Activities are shown in the month they take place or begin. Leads for each "
                                      "activity are named in the full Technician Commitment action plan.", ss)]
    doc.build(story)
    ROWS[P6["file"]] = rows

# ------------------------------------------------------------------ gold
def nws(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u2013", "-"), ("\u2014", "-"), ("\u00ad", "")):
        s = s.replace(a, b)
    return re.sub(r"\s+", "", s).lower()


def page_texts(pdf):
    import pdfplumber, pypdfium2
    out = []
    pdm = pypdfium2.PdfDocument(pdf)
    with pdfplumber.open(pdf) as p:
        for n, pg in enumerate(p.pages):
            parts = [pg.extract_text() or ""]
            for t in pg.find_tables():
                for b in t.cells:
                    if b and b[2] - b[0] > 5 and b[3] - b[1] > 5:
                        try:
                            parts.append(pg.crop(b).extract_text() or "")
                        except Exception:
                            pass
            W = pg.width
            for sw in (200, 300):
                x = 0
                while x < W:
                    parts.append(pg.crop((x, 0, min(W, x + sw), pg.height)).extract_text() or ""); x += 15
            parts.append(pdm[n].get_textpage().get_text_range())   # stream order (rotated notes)
            out.append("\n".join(nws(x) for x in parts))
    return out


def write_gold(plan):
    pdf = os.path.join(RAW, plan["file"])
    from pypdf import PdfReader
    npages = len(PdfReader(pdf).pages)
    pages = page_texts(CHECK_PDF.get(plan["file"], pdf))
    problems, rows = [], []
    for r in ROWS[plan["file"]]:
        want = nws(r["action_text"])
        found = next((i for i, t in enumerate(pages, 1) if want in t), None)
        if found is None:   # a row cut by a page break: where its first words are, and the rest on the next page
            head = nws(" ".join(r["action_text"].split()[:4])); tail = nws(" ".join(r["action_text"].split()[-2:]))
            found = next((i for i, t in enumerate(pages, 1) if head in t and i < len(pages) and tail in pages[i]), None)
            print("  split over a page break:", found, r["action_text"][:50])
        if found is None:
            problems.append(r["action_text"][:60])
        elif r["page_start"] and r["page_start"] != found:
            problems.append(f"page {r['page_start']} vs found {found}: {r['action_text'][:40]}")
        r = dict(r); r["page_start"] = r["page_start"] or found; rows.append(r)
    gold = {"source_file": plan["file"], "institution": plan["institution"], "title": plan["title"],
            "period_start": plan["period"][0], "period_end": plan["period"][1], "layout": plan["layout"],
            "stripped": plan["stripped"], "talent_annotated": plan["talent_annotated"], "pages": npages,
            "notes": plan["notes"], "rows": rows}
    with open(os.path.join(GOLD, os.path.splitext(plan["file"])[0] + ".gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, indent=1, ensure_ascii=False)
    return problems, npages



if __name__ == "__main__":
    only = sys.argv[1:] or ["1", "2", "3", "4", "5", "6"]
    B = {"1": (build_p1, P1), "2": (build_p2, P2), "3": (build_p3, P3), "4": (build_p4, P4), "5": (build_p5, P5),
         "6": (build_p6, P6)}
    for k in only:
        fn, plan = B[k]
        fn()
        probs, n = write_gold(plan)
        print(f"{k} {plan['file']}: {len(ROWS[plan['file']])} rows, {n} pages, problems: {probs}")
