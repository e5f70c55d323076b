#!/usr/bin/env python3
"""Build the six blind-round-8 plans (raw/) and gold (gold/) from plans_data.py.
Run: /work/main/.venv/bin/python make_plans.py [1..6]
1 docx table with review comments (margin balloons, LO ExportNotesInMargin) and tracked insertions/deletion;
2 openpyxl wide sheet printed at 100%, page order down-then-over, Ref repeated as print-title column;
3 docx table with btLr rotated tick-column headers (US Letter, Liberation Serif);
4 reportlab combined EDI plan (Athena Swan, REC, TC sections; gold = TC only);
5 reportlab table -> 200 dpi raster with skew/noise -> image PDF -> ocrmypdf (hidden tesseract layer);
6 reportlab A3 landscape 7 pt dense table, 48 actions, ids 1.01, zebra rows, TALENT column."""
import json, os, re, shutil, subprocess, sys, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from plans_data import PN, P1, P1_DATA, P1_TF_DELETED, P2, P2_DATA, P2_SECTIONS, P3, P3_DATA, P4, P4_AS, P4_REC, P4_TC, \
    P5, P5_DATA, P6, P6_AIMS, P6_ROWS  # noqa

RAW, GOLD, BUILD = (os.path.join(HERE, d) for d in ("raw", "gold", "build"))
for d in (RAW, GOLD, BUILD):
    os.makedirs(d, exist_ok=True)
COMMENTS = []
PIDX = {"V": 1, "R": 2, "CD": 3, "S": 4}


def R(text, *, id=None, parent=None, section=None, aim=None, tf=None, owner=None, pillars=(), talent=(), sm=None):
    return {"action_id": id, "parent_id": parent, "section": section, "aim": aim, "action_text": text,
            "details": None, "supporting_actions": None, "success_measures": sm, "timeframe": tf,
            "owner": owner, "resources": None, "pillars": list(pillars), "talent": list(talent), "page_start": None}


def soffice_pdf(path, filt="pdf"):
    prof = "file://" + os.path.join(BUILD, "lo_profile")
    subprocess.run(["soffice", f"-env:UserInstallation={prof}", "--headless", "--convert-to", filt,
                    "--outdir", BUILD, path], check=True, capture_output=True, timeout=240)
    return os.path.splitext(path)[0] + ".pdf"


def _ox(tag, **attrs):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k), v)
    return e


def shade(cell, fill):
    cell._tc.get_or_add_tcPr().append(_ox("w:shd", **{"w:val": "clear", "w:color": "auto", "w:fill": fill}))


def repeat_header(row):
    row._tr.get_or_add_trPr().append(_ox("w:tblHeader", **{"w:val": "true"}))


def set_widths(t, widths):
    t.autofit = False
    for j, w in enumerate(widths):
        t.columns[j].width = w
    for rw in t.rows:
        for j, w in enumerate(widths):
            rw.cells[j].width = w


def bold_cell(cell, text, size=None, color=None):
    from docx.shared import Pt, RGBColor
    cell.text = ""
    r = cell.paragraphs[0].add_run(text); r.bold = True
    if size:
        r.font.size = Pt(size)
    if color:
        r.font.color.rgb = RGBColor.from_string(color)
    return r


# ------------------------------------------------------------------ 1 docx with markup
def build_p1():
    from docx import Document
    from docx.shared import Cm, Pt
    from docx.enum.section import WD_ORIENT
    P1["rows"] = []
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(1.8)
    doc.styles["Normal"].font.name = "Carlito"; doc.styles["Normal"].font.size = Pt(10)
    sec.footer.paragraphs[0].text = "University of Marlow Heath \u2013 TC action plan \u2013 DRAFT v0.4 with reviewer comments"
    doc.add_heading("University of Marlow Heath", 1)
    doc.add_heading(P1["title"], 0)
    p = doc.add_paragraph("This draft was circulated to the Technician Steering Group for comment. Reviewer comments are "
                          "shown in the margin and changes made since v0.3 are tracked. Comments will be removed from the "
                          "published version.")
    doc.add_comment(p.runs, text="Please add the date of the Executive Board meeting.", author="J. Okafor", initials="JO")
    COMMENTS[:] = [(p.text, "JO", 1, "Please add the date of the Executive Board meeting.")]
    date = "2025-05-20T10:00:00Z"
    rid = [100]

    def ins_run(par, text, author="R. Lindqvist"):
        rid[0] += 1
        ins = _ox("w:ins", **{"w:id": str(rid[0]), "w:author": author, "w:date": date})
        r = _ox("w:r"); t = _ox("w:t"); t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        r.append(t); ins.append(r); par._p.append(ins)

    def del_run(par, text, author="R. Lindqvist"):
        rid[0] += 1
        d = _ox("w:del", **{"w:id": str(rid[0]), "w:author": author, "w:date": date})
        r = _ox("w:r"); t = _ox("w:delText"); t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        r.append(t); d.append(r); par._p.append(d)

    cols = ("No.", "Objective", "Action", "Owner", "Target date")
    nsec = 4
    t = doc.add_table(rows=1 + nsec + len(P1_DATA), cols=5); t.style = "Table Grid"
    for j, c in enumerate(cols):
        bold_cell(t.rows[0].cells[j], c, color="FFFFFF"); shade(t.rows[0].cells[j], "5B2C6F")
    repeat_header(t.rows[0])
    i = 1
    for k, pil in enumerate(("V", "R", "CD", "S"), 1):
        m = t.cell(i, 0).merge(t.cell(i, 4)); bold_cell(m, f"Commitment area {k}: {PN[pil]}"); shade(m, "E8DAEF"); i += 1
        for aid, p_, obj, act, owner, tf, ins, com in P1_DATA:
            if p_ != pil:
                continue
            c = t.rows[i].cells
            c[0].text = aid; c[1].text = obj; c[3].text = owner
            par = c[2].paragraphs[0]
            if isinstance(act, list):
                for n, a in enumerate(act):
                    pp = par if n == 0 else c[2].add_paragraph()
                    pp.add_run(f"{'abc'[n]}) {a}")
                    P1["rows"].append(R(a, id=f"{aid}.{'abc'[n]}", parent=aid, section=PN[pil], aim=obj, tf=tf,
                                        owner=owner, pillars=[pil]))
            else:
                if ins:
                    pre, post = act.split(ins, 1)
                    par.add_run(pre); ins_run(par, ins); par.add_run(post)
                else:
                    par.add_run(act)
                P1["rows"].append(R(act, id=aid, section=PN[pil], aim=obj, tf=tf, owner=owner, pillars=[pil]))
                if com:
                    COMMENTS.append((act, "JO" if len(com) % 2 else "SP", len(COMMENTS) + 1, com))
                    doc.add_comment(par.runs[0], text=com, author="J. Okafor" if len(com) % 2 else "S. Patel",
                                    initials="JO" if len(com) % 2 else "SP")
            tp = c[4].paragraphs[0]
            if aid in P1_TF_DELETED:
                del_run(tp, P1_TF_DELETED[aid]); tp.add_run(" "); ins_run(tp, tf)
            else:
                tp.add_run(tf)
            i += 1
    set_widths(t, [Cm(1.2), Cm(4.6), Cm(9.0), Cm(3.6), Cm(2.8)])
    doc.add_paragraph()
    doc.add_paragraph("Approval: this plan will go to the University Executive Board once comments have been resolved.")
    p = os.path.join(BUILD, "p1.docx"); doc.save(p)
    # LO 7.4's ExportNotesInMargin had no effect here, so the balloons are drawn: LO prints the page without notes,
    # the page is shrunk to 74% on the left and a markup pane with comment balloons fills the right-hand margin.
    filt = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"false"}}'
    base = soffice_pdf(p, filt)
    add_margin_balloons(base, os.path.join(RAW, P1["file"]), COMMENTS)


def add_margin_balloons(src, dst, comments):
    """comments: [(anchor words, author initials, text)]; balloon placed at the anchor's height in a right pane."""
    import io
    import pdfplumber
    from pypdf import PdfReader, PdfWriter, Transformation, PageObject
    from reportlab.pdfgen import canvas
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph
    S = 0.74
    rd = PdfReader(src); wr = PdfWriter()
    with pdfplumber.open(src) as pl:
        for k, page in enumerate(rd.pages):
            W, H = float(page.mediabox.width), float(page.mediabox.height)
            ty = (H - H * S) / 2
            words = pl.pages[k].extract_words()
            text = " ".join(w["text"] for w in words)
            hits = []
            for anchor, ini, n, ctext in comments:
                aw = anchor.split()[:3]
                for i in range(len(words) - 2):
                    if [w["text"] for w in words[i:i + 3]] == aw:
                        x = words[i]["x0"] * S; y = (H - words[i]["bottom"]) * S + ty
                        hits.append((y, x, ini, n, ctext)); break
            hits.sort(reverse=True)
            buf = io.BytesIO(); c = canvas.Canvas(buf, pagesize=(W, H))
            px = W * S + 6
            c.setFillColorRGB(0.95, 0.95, 0.95); c.rect(px, 0, W - px, H, stroke=0, fill=1)
            c.setFont("Helvetica-Bold", 7); c.setFillColorRGB(0.3, 0.3, 0.3)
            c.drawString(px + 6, H - 16, "Markup: comments")
            st = ParagraphStyle("b", fontName="Helvetica", fontSize=7, leading=8.6)
            nexty = H - 26
            for y, x, ini, n, ctext in hits:
                para = Paragraph(f"<b>Comment [{ini}{n}]:</b> {esc(ctext)}", st)
                bw = W - px - 14
                _, bh = para.wrap(bw - 8, 500)
                top = min(nexty, y + bh / 2 + 4)
                c.setStrokeColorRGB(0.85, 0.2, 0.2); c.setDash(2, 2); c.setLineWidth(0.5)
                c.line(x, y - 1, px + 4, top - 6)
                c.setDash()
                c.setFillColorRGB(1.0, 0.93, 0.93); c.roundRect(px + 4, top - bh - 6, bw, bh + 6, 3, stroke=1, fill=1)
                c.setFillColorRGB(0, 0, 0)
                para.drawOn(c, px + 8, top - bh - 3)
                nexty = top - bh - 12
            c.save(); buf.seek(0)
            ov = PdfReader(buf).pages[0]
            newp = PageObject.create_blank_page(width=W, height=H)
            newp.merge_transformed_page(page, Transformation().scale(S, S).translate(0, ty))
            newp.merge_page(ov)
            wr.add_page(newp)
    with open(dst, "wb") as f:
        wr.write(f)


# ------------------------------------------------------------------ 2 wide spreadsheet
def build_p2():
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Border, Side
    from openpyxl.worksheet.pagebreak import Break
    P2["rows"] = []
    wb = Workbook(); ws = wb.active; ws.title = "TC plan 2026-29"
    thin = Side(style="thin", color="808080"); B = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws["A1"] = "Pennard College London \u2013 Technician Commitment Action Plan 2026\u201329"
    ws["A1"].font = Font(name="Liberation Sans", size=14, bold=True)
    ws["A2"] = "Owner: Technician Commitment Working Group. Last updated 3 November 2026."
    ws["A2"].font = Font(name="Liberation Sans", size=9, italic=True)
    heads = ("Ref", "Action", "Lead", "Deadline", "Status", "Comments")
    for j, h in enumerate(heads, 1):
        c = ws.cell(row=3, column=j, value=h)
        c.font = Font(name="Liberation Sans", size=10, bold=True, color="FFFFFF")
        c.fill = PatternFill("solid", fgColor="1F4E79"); c.border = B
        c.alignment = Alignment(vertical="center", wrap_text=True)
    for col, w in zip("ABCDEF", (7, 58, 27, 20, 14, 48)):
        ws.column_dimensions[col].width = w
    r = 4
    mid_break = None
    for pil in ("V", "R", "CD", "S"):
        ws.cell(row=r, column=1, value=P2_SECTIONS[pil].split(" \u2013 ")[0].replace("Strand ", ""))
        ws.cell(row=r, column=2, value=P2_SECTIONS[pil])
        for j in range(1, 7):
            c = ws.cell(row=r, column=j); c.fill = PatternFill("solid", fgColor="DDEBF7"); c.border = B
            c.font = Font(name="Liberation Sans", size=10, bold=True)
        r += 1
        if pil == "CD":
            mid_break = r - 2
        for ref, p_, act, lead, dl, st, com in P2_DATA:
            if p_ != pil:
                continue
            for j, v in enumerate((ref, act, lead, dl, st, com), 1):
                c = ws.cell(row=r, column=j, value=v or None)
                c.font = Font(name="Liberation Sans", size=10); c.border = B
                c.alignment = Alignment(vertical="top", wrap_text=True)
            ws.row_dimensions[r].height = 28
            P2["rows"].append(R(act, id=ref, section=P2_SECTIONS[pil], tf=dl, owner=lead, pillars=[pil]))
            r += 1
    ws.print_title_rows = "3:3"
    ws.print_title_cols = "A:A"
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.scale = 100
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.page_setup.pageOrder = "downThenOver"
    ws.col_breaks.append(Break(id=3))
    ws.row_breaks.append(Break(id=mid_break))
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "Page &P of &N"
    ws.print_options.gridLines = False
    p = os.path.join(BUILD, "p2.xlsx"); wb.save(p)
    shutil.copy(soffice_pdf(p), os.path.join(RAW, P2["file"]))


# ------------------------------------------------------------------ 3 rotated header ticks
def build_p3():
    from docx import Document
    from docx.shared import Cm, Pt, Inches
    from docx.enum.table import WD_ALIGN_VERTICAL
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    P3["rows"] = []
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Inches(8.5), Inches(11)
    sec.left_margin = sec.right_margin = Cm(1.6)
    doc.styles["Normal"].font.name = "Liberation Serif"; doc.styles["Normal"].font.size = Pt(10)
    for h in ("Title", "Heading 1", "Heading 2"):
        doc.styles[h].font.name = "Liberation Serif"
    doc.add_paragraph().add_run("Kestrel Moor University").bold = True
    doc.add_heading(P3["title"], 0)
    doc.add_paragraph("Kestrel Moor University signed the Technician Commitment in 2018. Our second action plan was shaped "
                      "by a technician survey (64% response) and four focus groups held in early 2024. Each action below "
                      "is ticked against the Commitment area or areas it serves.")
    doc.add_heading("Priorities for 2024\u20132027", 1)
    heads = ("Ref", "Action", "Visibility", "Recognition", "Career development", "Sustainability", "Lead", "By when")
    t = doc.add_table(rows=1 + len(P3_DATA), cols=8); t.style = "Table Grid"
    hr = t.rows[0]
    hr.height = Cm(3.2)
    hr._tr.get_or_add_trPr().append(_ox("w:trHeight", **{"w:val": str(int(3.2 * 567)), "w:hRule": "exact"}))
    repeat_header(hr)
    for j, h in enumerate(heads):
        c = hr.cells[j]; bold_cell(c, h, size=9); shade(c, "D9E2F3")
        c.vertical_alignment = WD_ALIGN_VERTICAL.BOTTOM
        if 2 <= j <= 5:
            c._tc.get_or_add_tcPr().append(_ox("w:textDirection", **{"w:val": "btLr"}))
    for i, (ref, pils, act, lead, when) in enumerate(P3_DATA, 1):
        c = t.rows[i].cells
        c[0].text = ref; c[1].text = act; c[6].text = lead; c[7].text = when
        for j, pil in enumerate(("V", "R", "CD", "S"), 2):
            if pil in pils:
                c[j].text = "\u2713"
                c[j].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
                c[j].paragraphs[0].runs[0].font.name = "DejaVu Sans"
        P3["rows"].append(R(act, id=ref, tf=when, owner=lead, pillars=list(pils)))
    set_widths(t, [Cm(1.5), Cm(7.1), Cm(0.9), Cm(0.9), Cm(0.9), Cm(0.9), Cm(3.6), Cm(2.6)])
    doc.add_paragraph()
    doc.add_paragraph("The Technician Steering Group will review progress each term and publish a summary on the "
                      "staff intranet.")
    p = os.path.join(BUILD, "p3.docx"); doc.save(p)
    shutil.copy(soffice_pdf(p), os.path.join(RAW, P3["file"]))


# ------------------------------------------------------------------ reportlab helpers
def rl_table(data, widths, font="Helvetica", size=8.5, lead=10.5, head_bg="#2E4057", zebra=None, pad=3,
             section_rows=(), sec_bg="#D6E4F0"):
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle
    st = ParagraphStyle("c", fontName=font, fontSize=size, leading=lead)
    sth = ParagraphStyle("h", parent=st, fontName=font + ("-Bold" if "Times" not in font else "").replace("Times-Roman-Bold", "Times-Bold"),
                         textColor=colors.white)
    if font == "Times-Roman":
        sth.fontName = "Times-Bold"
    stb = ParagraphStyle("b", parent=st, fontName=sth.fontName)
    rows = []
    for i, r in enumerate(data):
        if i == 0:
            rows.append([Paragraph(x, sth) for x in r])
        elif i in section_rows:
            rows.append([Paragraph(r[0], stb)] + [""] * (len(r) - 1))
        else:
            rows.append([Paragraph(x, st) if isinstance(x, str) else x for x in r])
    t = Table(rows, colWidths=widths, repeatRows=1)
    cmds = [("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#7F7F7F")),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(head_bg)), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad)]
    for i in section_rows:
        cmds += [("SPAN", (0, i), (-1, i)), ("BACKGROUND", (0, i), (-1, i), colors.HexColor(sec_bg))]
    if zebra:
        k = 0
        for i in range(1, len(rows)):
            if i in section_rows:
                continue
            if k % 2:
                cmds.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor(zebra)))
            k += 1
    t.setStyle(TableStyle(cmds))
    return t


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ------------------------------------------------------------------ 4 combined EDI plan
def build_p4():
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, PageBreak
    P4["rows"] = []
    H = ParagraphStyle("H", fontName="Helvetica-Bold", fontSize=15, leading=19, spaceAfter=6, textColor="#1B4965")
    H2 = ParagraphStyle("H2", fontName="Helvetica-Bold", fontSize=12, leading=15, spaceAfter=4, textColor="#1B4965")
    B = ParagraphStyle("B", fontName="Helvetica", fontSize=9.5, leading=13, spaceAfter=6)
    story = [Paragraph("University of Castleford Reach", H2), Paragraph(P4["title"], H),
             Paragraph("This plan brings together the University\u2019s commitments under the Athena Swan Charter, the Race "
                       "Equality Charter and the Technician Commitment. Each charter has its own section and action "
                       "table. The EDI Committee monitors all three and reports to Council each year.", B),
             Paragraph("Contents: Section 1 Athena Swan; Section 2 Race Equality Charter; Section 3 Technician Commitment.", B)]
    W = [14 * mm, 22 * mm, 62 * mm, 32 * mm, 24 * mm, 28 * mm]
    heads = ["Ref", "Theme", "Action", "Responsibility", "Timescale", "Success indicator"]

    def tbl(rows):
        data = [heads] + [[r[0], r[1], esc(r[2]) if isinstance(r[2], str) else
                           "<br/>".join(f"{'abc'[n]}) {esc(a)}" for n, a in enumerate(r[2])),
                           esc(r[3]), esc(r[4]), esc(r[5])] for r in rows]
        return rl_table(data, W, zebra="#F2F6FA")
    story += [Paragraph("Section 1: Athena Swan", H),
              Paragraph("Our Bronze award was renewed in 2024. The actions below address the gender gaps found in our "
                        "self-assessment, especially in promotion to senior lecturer and in part-time working.", B),
              tbl(P4_AS), PageBreak(),
              Paragraph("Section 2: Race Equality Charter", H),
              Paragraph("The University joined the Race Equality Charter in 2023 and is preparing its first application. "
                        "These actions respond to our staff and student consultation.", B),
              tbl(P4_REC), PageBreak(),
              Paragraph("Section 3: Technician Commitment", H),
              Paragraph("The University signed the Technician Commitment in 2020. The themes below are the four pillars of "
                        "the Commitment: Visibility, Recognition, Career Development and Sustainability.", B)]
    tcrows = [(r[0], PN[r[1]], r[2], r[3], r[4], r[5]) for r in P4_TC]
    story.append(tbl(tcrows))
    story += [Spacer(1, 8), Paragraph("Monitoring: progress on all three sections is reported to the EDI Committee each term.", B)]
    for ref, pil, act, resp, tf, sm in P4_TC:
        if isinstance(act, list):
            for n, a in enumerate(act):
                P4["rows"].append(R(a, id=f"{ref}.{'abc'[n]}", parent=ref, section=PN[pil], tf=tf, owner=resp,
                                    pillars=[pil], sm=sm))
        else:
            P4["rows"].append(R(act, id=ref, section=PN[pil], tf=tf, owner=resp, pillars=[pil], sm=sm))

    def foot(c, d):
        c.setFont("Helvetica", 7.5)
        c.drawString(18 * mm, 10 * mm, "University of Castleford Reach \u2013 EDI Action Plan 2025\u20132028")
        c.drawRightString(A4[0] - 18 * mm, 10 * mm, f"Page {d.page}")
    doc = SimpleDocTemplate(os.path.join(RAW, P4["file"]), pagesize=A4, leftMargin=14 * mm, rightMargin=14 * mm,
                            topMargin=16 * mm, bottomMargin=18 * mm, title=P4["title"], author="EDI Office")
    doc.build(story, onFirstPage=foot, onLaterPages=foot)
    P4["notes"] = ("Gold holds ONLY Section 3 (Technician Commitment). Sections 1 (Athena Swan, AS1-AS7) and 2 (Race Equality "
                   "Charter, REC1-REC6) are in the same table layout but are not Technician Commitment actions; "
                   "a prediction of any of them is a false positive.")


# ------------------------------------------------------------------ 5 scan with OCR layer
def build_p5():
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter
    P5["rows"] = []
    H = ParagraphStyle("H", fontName="Times-Bold", fontSize=16, leading=20, spaceAfter=6)
    B = ParagraphStyle("B", fontName="Times-Roman", fontSize=11, leading=14, spaceAfter=6)
    story = [Paragraph("Brackenfield Institute of Science", B), Paragraph(P5["title"], H),
             Paragraph("Approved by the Institute Management Board on 12 September 2023. Paper copy held by the "
                       "Human Resources office.", B), Spacer(1, 6)]
    data = [["No.", "Action", "Person responsible", "Timeframe"]]
    secrows = []
    for k, pil in enumerate(("V", "R", "CD", "S"), 1):
        secrows.append(len(data)); data.append([f"Priority {k}: {PN[pil]}", "", "", ""])
        for no, p_, act, who, tf in P5_DATA:
            if p_ == pil:
                data.append([no, esc(act), esc(who), esc(tf)])
                P5["rows"].append(R(act, id=no, section=PN[pil], tf=tf, owner=who, pillars=[pil]))
    story.append(rl_table(data, [12 * mm, 95 * mm, 40 * mm, 30 * mm], font="Times-Roman", size=10.5, lead=13,
                          head_bg="#404040", pad=4, section_rows=secrows, sec_bg="#E0E0E0"))
    vec = os.path.join(BUILD, "p5_vector.pdf")
    SimpleDocTemplate(vec, pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=18 * mm,
                      bottomMargin=18 * mm).build(story)
    pdf = pdfium.PdfDocument(vec)
    imgs = []
    rng = np.random.default_rng(8)
    for k in range(len(pdf)):
        im = pdf[k].render(scale=200 / 72).to_pil().convert("L")
        im = im.rotate((0.7, -0.5, 0.4)[k % 3], resample=Image.BICUBIC, expand=False, fillcolor=255)
        a = np.asarray(im).astype(float)
        a = a * 0.93 + 10 + rng.normal(0, 6, a.shape)
        speck = rng.random(a.shape) < 0.0003
        a[speck] = 60
        im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.45))
        imgs.append(im)
    scan = os.path.join(BUILD, "p5_scan.pdf")
    imgs[0].save(scan, save_all=True, append_images=imgs[1:], resolution=200)
    out = os.path.join(RAW, P5["file"])
    subprocess.run(["ocrmypdf", "-l", "eng", "--output-type", "pdf", "--jobs", "1", scan, out], check=True,
                   capture_output=True, timeout=600)


# ------------------------------------------------------------------ 6 A3 dense
def build_p6():
    from reportlab.lib.pagesizes import A3, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Paragraph
    P6["rows"] = []
    H = ParagraphStyle("H", fontName="Times-Bold", fontSize=13, leading=16, spaceAfter=3)
    B = ParagraphStyle("B", fontName="Times-Roman", fontSize=8, leading=10, spaceAfter=4)
    story = [Paragraph("Thornbury Vale University \u2013 " + P6["title"], H),
             Paragraph("Prepared by the Technician Commitment Steering Group for the Stage 2 self-assessment, June 2026. "
                       "Column \u2018TALENT\u2019 gives the TALENT Commission recommendation each action supports, where one applies.", B)]
    heads = ["ID", "Pillar", "Aim", "Action", "Owner", "Timeframe", "Measure of success", "TALENT"]
    data = [heads]
    cnt = {p: 0 for p in PIDX}
    lastaim = None
    for pil, ai, act, own, tf, tal, ms in P6_ROWS:
        cnt[pil] += 1
        aid = f"{PIDX[pil]}.{cnt[pil]:02d}"
        aim = P6_AIMS[pil][ai]
        data.append([aid, PN[pil], esc(aim) if aim != lastaim else "", esc(act), esc(own), esc(tf), esc(ms),
                     ", ".join(tal)])
        lastaim = aim
        P6["rows"].append(R(act, id=aid, section=PN[pil], aim=aim, tf=tf, owner=own, pillars=[pil], talent=tal, sm=ms))
    W = [11 * mm, 20 * mm, 55 * mm, 125 * mm, 50 * mm, 35 * mm, 80 * mm, 17 * mm]
    story.append(rl_table(data, W, font="Times-Roman", size=7, lead=8.2, head_bg="#3C1F4D", zebra="#EFE9F4", pad=1.2))

    def foot(c, d):
        c.setFont("Times-Roman", 6.5)
        c.drawString(10 * mm, 6 * mm, "Thornbury Vale University \u00b7 Technician Commitment Action Plan 2026\u20132029")
        c.drawRightString(landscape(A3)[0] - 10 * mm, 6 * mm, f"{d.page}")
    SimpleDocTemplate(os.path.join(RAW, P6["file"]), pagesize=landscape(A3), leftMargin=10 * mm, rightMargin=10 * mm,
                      topMargin=10 * mm, bottomMargin=12 * mm, title="TC Action Plan", author="Steering Group").build(
        story, onFirstPage=foot, onLaterPages=foot)


# ------------------------------------------------------------------ gold
def nws(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u2013", "-"), ("\u2014", "-"), ("\u00ad", "")):
        s = s.replace(a, b)
    return re.sub(r"\s+", "", s).lower()


def page_texts(pdf):
    import pdfplumber
    out = []
    with pdfplumber.open(pdf) as p:
        for pg in p.pages:
            parts = [pg.extract_text() or ""]
            for t in pg.find_tables():
                for b in t.cells:
                    if b and b[2] - b[0] > 5 and b[3] - b[1] > 5:
                        try:
                            parts.append(pg.crop(b).extract_text() or "")
                        except Exception:
                            pass
            out.append("\n".join(nws(x) for x in parts))
    return out


def write_gold(plan, textpdf=None):
    pdf = os.path.join(RAW, plan["file"])
    from pypdf import PdfReader
    npages = len(PdfReader(pdf).pages)
    pages = page_texts(textpdf or pdf)
    problems, rows = [], []
    for r in plan["rows"]:
        want = nws(r["action_text"])
        found = next((i for i, t in enumerate(pages, 1) if want in t), None)
        if found is None:
            head = nws(" ".join(r["action_text"].split()[:4]))
            found = next((i for i, t in enumerate(pages, 1) if head in t), None)
            problems.append((found, r["action_text"][:60]))
        r = dict(r); r["page_start"] = found
        rows.append(r)
    gold = {"source_file": plan["file"], "institution": plan["institution"], "title": plan["title"],
            "period_start": plan["period"][0], "period_end": plan["period"][1], "layout": plan["layout"],
            "stripped": plan["stripped"], "talent_annotated": plan["talent_annotated"], "pages": npages}
    if plan.get("notes"):
        gold["notes"] = plan["notes"]
    gold["rows"] = rows
    with open(os.path.join(GOLD, os.path.splitext(plan["file"])[0] + ".gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, indent=1, ensure_ascii=False)
    return problems, npages


if __name__ == "__main__":
    only = sys.argv[1:] or ["1", "2", "3", "4", "5", "6"]
    B = {"1": (build_p1, P1, None), "2": (build_p2, P2, None), "3": (build_p3, P3, None),
         "4": (build_p4, P4, None), "5": (build_p5, P5, os.path.join(BUILD, "p5_vector.pdf")), "6": (build_p6, P6, None)}
    for k in only:
        fn, plan, tp = B[k]
        fn()
        probs, n = write_gold(plan, tp)
        print(f"{k} {plan['file']}: {len(plan['rows'])} rows, {n} pages, not found: {probs}")
