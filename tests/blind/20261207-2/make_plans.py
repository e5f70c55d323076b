#!/usr/bin/env python3
"""Build the six blind-round-6 plans (raw/) and gold (gold/) from plans_data.py.
Run: /work/main/.venv/bin/python make_plans.py [1 2 ...]
1 python-docx long landscape table, rows split across pages, header not repeated, stripped -> LibreOffice
2 python-docx two-level header, vertically merged pillar cells, repeated header -> LibreOffice
3 python-docx bulleted action cells, section rows -> LibreOffice
4 reportlab two-column annual report with sidebars and pull quotes, stripped
5 HTML intranet data table printed by headless Chromium (playwright, print header/footer)
6 openpyxl workbook, one sheet per pillar -> LibreOffice Calc"""
import json, os, re, shutil, subprocess, sys, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from plans_data import P1, P2, P3, P4, P5, P6, PN, P4_SECTIONS  # noqa

RAW, GOLD, BUILD = (os.path.join(HERE, d) for d in ("raw", "gold", "build"))
for d in (RAW, GOLD, BUILD):
    os.makedirs(d, exist_ok=True)


def soffice_pdf(path):
    prof = "file://" + os.path.join(BUILD, "lo_profile")
    subprocess.run(["soffice", f"-env:UserInstallation={prof}", "--headless", "--convert-to", "pdf",
                    "--outdir", BUILD, path], check=True, capture_output=True, timeout=240)
    return os.path.splitext(path)[0] + ".pdf"


def grouped(plan):
    out = {}
    for r in plan["rows"]:
        out.setdefault(r["pillars"][0], []).append(r)
    return out


# ---------------------------------------------------------------- docx helpers
def _docx():
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def shade(cell, fill):
        s = OxmlElement("w:shd"); s.set(qn("w:val"), "clear"); s.set(qn("w:color"), "auto"); s.set(qn("w:fill"), fill)
        cell._tc.get_or_add_tcPr().append(s)

    def repeat_header(row):
        trPr = row._tr.get_or_add_trPr()
        h = OxmlElement("w:tblHeader"); h.set(qn("w:val"), "true"); trPr.append(h)

    def widths(t, ws):
        t.autofit = False
        for j, w in enumerate(ws):
            t.columns[j].width = w
        for rw in t.rows:
            for j, w in enumerate(ws):
                rw.cells[j].width = w

    def font(doc, name, size):
        from docx.shared import Pt
        st = doc.styles["Normal"]; st.font.name = name; st.font.size = Pt(size)
        rpr = st.element.get_or_add_rPr()
        rf = rpr.find(qn("w:rFonts"))
        if rf is None:
            rf = OxmlElement("w:rFonts"); rpr.append(rf)
        for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rf.set(qn(a), name)
    return shade, repeat_header, widths, font


def page_field(par):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    r = par.add_run()
    for kind, txt in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), kind)
        else:
            e = OxmlElement("w:instrText"); e.set(qn("xml:space"), "preserve"); e.text = txt
        r._r.append(e)


# ------------------------------------------------------------------ 1
def build_p1():
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt, RGBColor
    shade, repeat_header, widths, font = _docx()
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(1.8); sec.top_margin = sec.bottom_margin = Cm(1.6)
    font(doc, "Carlito", 10.5)
    fp = sec.footer.paragraphs[0]
    fp.text = "University of Harrowfield | Technician Commitment Action Plan 2025\u20132028 | Page "
    page_field(fp)
    p = doc.add_paragraph(); r = p.add_run("University of Harrowfield"); r.bold = True; r.font.size = Pt(20)
    r.font.color.rgb = RGBColor(0x0B, 0x53, 0x45)
    p = doc.add_paragraph(); r = p.add_run(P1["title"]); r.bold = True; r.font.size = Pt(15)
    doc.add_paragraph("The University of Harrowfield signed the Technician Commitment in 2019 and completed its second "
                      "self-assessment in 2025. This plan was written by the Technician Commitment Steering Group after "
                      "a consultation with technical staff in every faculty, and was approved by the University "
                      "Executive Board in May 2025. It runs from August 2025 to July 2028.")
    doc.add_paragraph("The table below groups our actions under ten objectives. Each action has a named lead, a "
                      "timescale and the measures we will use to judge whether it has worked. Progress will be reviewed "
                      "by the Steering Group each term and reported to the Executive Board twice a year.")
    cols = ["Objective", "Actions", "Responsibility", "Timescale", "Success measures"]
    ws = [Cm(4.2), Cm(8.6), Cm(3.8), Cm(3.0), Cm(6.5)]
    n = 1 + len(P1["rows"])
    t = doc.add_table(rows=n, cols=5); t.style = "Table Grid"
    for j, c in enumerate(cols):
        cell = t.rows[0].cells[j]; cell.text = ""
        rr = cell.paragraphs[0].add_run(c); rr.bold = True; rr.font.color.rgb = RGBColor(255, 255, 255)
        shade(cell, "0B5345")
    # header deliberately NOT marked as repeating; rows allowed to split (Word default)
    i = 1
    aims = []
    for r in P1["rows"]:
        if not aims or aims[-1][0] != r["aim"]:
            aims.append([r["aim"], i, i])
        aims[-1][2] = i
        cells = t.rows[i].cells
        cells[1].text = r["action_text"]; cells[2].text = r["owner"]; cells[3].text = r["timeframe"]
        cells[4].text = r["success_measures"]
        i += 1
    for aim, a, b in aims:
        m = t.cell(a, 0).merge(t.cell(b, 0)) if b > a else t.cell(a, 0)
        m.text = ""
        rr = m.paragraphs[0].add_run(aim); rr.bold = True
    widths(t, ws)
    doc.add_paragraph()
    doc.add_paragraph("Glossary: PDR \u2013 performance and development review; LEAF \u2013 Laboratory Efficiency "
                      "Assessment Framework; THE \u2013 Times Higher Education.")
    p = os.path.join(BUILD, "p1.docx"); doc.save(p)
    shutil.copy(soffice_pdf(p), os.path.join(RAW, P1["file"]))


# ------------------------------------------------------------------ 2
def build_p2():
    from docx import Document
    from docx.shared import Cm, Pt, RGBColor
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    shade, repeat_header, widths, font = _docx()
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(1.0); sec.top_margin = Cm(1.5); sec.bottom_margin = Cm(1.5)
    font(doc, "Liberation Serif", 9.5)
    hp = sec.header.paragraphs[0]; hp.text = "Stanmere Institute \u2013 Technician Commitment"
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]; page_field(fp); fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = doc.add_paragraph(); r = p.add_run("Stanmere Institute"); r.bold = True; r.font.size = Pt(18)
    p = doc.add_paragraph(); r = p.add_run(P2["title"]); r.bold = True; r.font.size = Pt(14)
    doc.add_paragraph("Stanmere Institute became a signatory of the Technician Commitment in 2018. This is our third "
                      "action plan. It was drawn up by the Technician Commitment Steering Group with the Technician "
                      "Network and covers the period September 2024 to July 2027.")
    doc.add_paragraph("Where an action responds to a recommendation of the TALENT Commission, the recommendation is "
                      "shown in square brackets after the action, for example [TCR \u2013 R6]. Each action has a "
                      "lead, who is accountable for delivery, and where needed a supporting team.")
    doc.add_paragraph("Progress is reviewed at each meeting of the Steering Group, which meets four times a year. A "
                      "summary of progress is reported to the Institute Executive each September and published on "
                      "the Technician Commitment pages of the Institute website, together with the minutes of the "
                      "Technician Network. Technical staff who would like to contribute to any of the actions below "
                      "are encouraged to contact the lead named against it or the Network Chair.")
    g = grouped(P2)
    n = 2 + len(P2["rows"])
    t = doc.add_table(rows=n, cols=8); t.style = "Table Grid"
    ws = [Cm(2.3), Cm(1.6), Cm(4.6), Cm(2.3), Cm(2.1), Cm(1.6), Cm(1.9), Cm(2.6)]
    # two-level header
    top = ["Pillar", "Ref", "Planned action", "Responsibility", None, "Timescale", None, "Success indicator"]
    sub = [None, None, None, "Lead", "Support", "Start", "Complete by", None]
    for j in (0, 1, 2, 7):
        t.cell(0, j).merge(t.cell(1, j))
    t.cell(0, 3).merge(t.cell(0, 4)); t.cell(0, 5).merge(t.cell(0, 6))
    for j, txt in enumerate(top):
        if txt:
            c = t.cell(0, j); c.text = ""
            rr = c.paragraphs[0].add_run(txt); rr.bold = True; rr.font.color.rgb = RGBColor(255, 255, 255)
            c.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for j, txt in enumerate(sub):
        if txt:
            c = t.cell(1, j); c.text = ""
            rr = c.paragraphs[0].add_run(txt); rr.bold = True; rr.font.color.rgb = RGBColor(255, 255, 255)
    for ri in (0, 1):
        for c in t.rows[ri].cells:
            shade(c, "6C3483")
        repeat_header(t.rows[ri])
    i = 2
    for pil, rows in g.items():
        a = i
        for r in rows:
            cells = t.rows[i].cells
            cells[1].text = r["action_id"]
            cells[2].text = r["action_text"] + (f" [TCR \u2013 {', '.join(r['talent'])}]" if r["talent"] else "")
            cells[3].text = r["owner"]; cells[4].text = r["_extra"]["support"]
            cells[5].text = r["_extra"]["start"]; cells[6].text = r["_extra"]["end"]
            cells[7].text = r["success_measures"]
            i += 1
        m = t.cell(a, 0).merge(t.cell(i - 1, 0)); m.text = ""
        rr = m.paragraphs[0].add_run(PN[pil]); rr.bold = True
        m.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        shade(m, "E8DAEF")
    widths(t, ws)
    doc.add_paragraph()
    doc.add_paragraph("Approved by the Stanmere Institute Executive, 17 July 2024.")
    p = os.path.join(BUILD, "p2.docx"); doc.save(p)
    shutil.copy(soffice_pdf(p), os.path.join(RAW, P2["file"]))


# ------------------------------------------------------------------ 3
def build_p3():
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Inches, Pt, RGBColor
    shade, repeat_header, widths, font = _docx()
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Inches(11), Inches(8.5)
    sec.left_margin = sec.right_margin = Inches(0.7)
    font(doc, "DejaVu Sans", 8.5)
    sec.footer.paragraphs[0].text = "Elmsworth University Technician Commitment Action Plan 2026 to 2029 \u2013 v1.2, approved March 2026"
    p = doc.add_paragraph(); r = p.add_run("Elmsworth University"); r.bold = True; r.font.size = Pt(16)
    p = doc.add_paragraph(); r = p.add_run(P3["title"]); r.bold = True; r.font.size = Pt(13)
    doc.add_paragraph("This plan sets out what Elmsworth University will do over the next three years under each of "
                      "the Technician Commitment\u2019s commitment areas. Each row is one action, broken down into the "
                      "steps we will take. Where no owner is shown, the Technician Commitment Working Group will "
                      "agree one at its next meeting.")
    cols = ["No.", "What we will do", "Owner", "Timeframe", "How we will measure success"]
    ws = [Inches(0.5), Inches(4.2), Inches(1.6), Inches(1.3), Inches(2.0)]
    g = grouped(P3)
    n = 1 + sum(1 + len(v) for v in g.values())
    t = doc.add_table(rows=n, cols=5); t.style = "Table Grid"
    for j, c in enumerate(cols):
        cell = t.rows[0].cells[j]; cell.text = ""
        rr = cell.paragraphs[0].add_run(c); rr.bold = True
        shade(cell, "AED6F1")
    repeat_header(t.rows[0])
    i = 1
    for pil, rows in g.items():
        m = t.cell(i, 0).merge(t.cell(i, 4)); m.text = ""
        rr = m.paragraphs[0].add_run(f"Commitment area: {PN[pil]}"); rr.bold = True; rr.font.size = Pt(10)
        shade(m, "D6EAF8")
        i += 1
        for r in rows:
            cells = t.rows[i].cells
            cells[0].text = r["action_id"]
            bl = r["_extra"]["bullets"]
            c = cells[1]; c.text = ""
            c.paragraphs[0].style = doc.styles["List Bullet"]; c.paragraphs[0].add_run(bl[0])
            for b in bl[1:]:
                c.add_paragraph(b, style="List Bullet")
            cells[2].text = r["owner"] or ""; cells[3].text = r["timeframe"]; cells[4].text = r["success_measures"]
            i += 1
    widths(t, ws)
    doc.add_paragraph()
    doc.add_paragraph("Progress against this plan will be reported to the University Executive each year in October.")
    p = os.path.join(BUILD, "p3.docx"); doc.save(p)
    shutil.copy(soffice_pdf(p), os.path.join(RAW, P3["file"]))


# ------------------------------------------------------------------ 4
def build_p4():
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import (BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle,
                                    NextPageTemplate, FrameBreak, CondPageBreak, KeepTogether)
    W, H = A4
    teal = colors.HexColor("#117A65")
    out = os.path.join(RAW, P4["file"])
    doc = BaseDocTemplate(out, pagesize=A4, title=P4["title"], author="University of Tarrant Vale",
                          producer="Adobe InDesign 19.2 (Macintosh) / Adobe PDF Library 17.0", creator="Adobe InDesign 19.2")
    m = 18 * mm
    gap = 8 * mm
    cw = (W - 2 * m - gap) / 2
    cover = Frame(m, m, W - 2 * m, H - 2 * m - 10 * mm, id="cover")
    left = Frame(m, m + 6 * mm, cw, H - 2 * m - 16 * mm, id="L")
    right = Frame(m + cw + gap, m + 6 * mm, cw, H - 2 * m - 16 * mm, id="R")

    def deco(c, d):
        c.saveState()
        pn = c.getPageNumber()
        if pn > 1:
            c.setFont("Helvetica", 7.5); c.setFillColor(colors.HexColor("#555555"))
            c.drawString(m, H - 12 * mm, "Technicians at Tarrant Vale  \u00b7  Report and Action Plan 2025\u201328")
            c.setStrokeColor(teal); c.setLineWidth(0.6); c.line(m, H - 13.5 * mm, W - m, H - 13.5 * mm)
            c.drawRightString(W - m, 11 * mm, str(pn))
            c.drawString(m, 11 * mm, "University of Tarrant Vale")
        c.restoreState()
    doc.addPageTemplates([PageTemplate(id="cover", frames=[cover], onPage=deco),
                          PageTemplate(id="two", frames=[left, right], onPage=deco)])
    body = ParagraphStyle("b", fontName="Times-Roman", fontSize=10, leading=13.2, spaceAfter=6)
    act = ParagraphStyle("a", parent=body, spaceAfter=1)
    meta = ParagraphStyle("m", fontName="Helvetica-Oblique", fontSize=8, leading=10, textColor=colors.HexColor("#444444"),
                          spaceAfter=9)
    h1 = ParagraphStyle("h1", fontName="Helvetica-Bold", fontSize=15, leading=18, textColor=teal, spaceBefore=6, spaceAfter=8)
    big = ParagraphStyle("big", fontName="Helvetica-Bold", fontSize=28, leading=33, textColor=teal)
    sub = ParagraphStyle("sub", fontName="Helvetica", fontSize=14, leading=18, textColor=colors.HexColor("#333333"))
    side = ParagraphStyle("s", fontName="Helvetica", fontSize=8.5, leading=11)
    sideh = ParagraphStyle("sh", fontName="Helvetica-Bold", fontSize=9.5, leading=12, textColor=teal, spaceAfter=3)
    quote = ParagraphStyle("q", fontName="Times-Italic", fontSize=14, leading=18, textColor=teal, alignment=0)
    qattr = ParagraphStyle("qa", fontName="Helvetica", fontSize=8, leading=10, textColor=colors.HexColor("#555555"))

    def sidebar(title, paras):
        cells = [[Paragraph(title, sideh)]] + [[Paragraph(p, side)] for p in paras]
        t = Table(cells, colWidths=[cw])
        t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#E8F6F3")),
                               ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                               ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
        return [Spacer(1, 4), t, Spacer(1, 10)]

    def pull(text, who):
        t = Table([[Paragraph(text, quote)], [Paragraph(who, qattr)]], colWidths=[cw])
        t.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 1.5, teal), ("LINEBELOW", (0, -1), (-1, -1), 1.5, teal),
                               ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        return [Spacer(1, 4), t, Spacer(1, 10)]

    st = [Spacer(1, 40 * mm), Paragraph("Technicians at Tarrant Vale", big), Spacer(1, 6),
          Paragraph("Technician Commitment Report and Action Plan 2025\u201328", sub), Spacer(1, 30 * mm),
          Paragraph("Foreword", h1)]
    for txt in ["Technicians make our teaching and research possible. They design experiments, keep complex "
                "equipment running, train students and colleagues, and increasingly lead work of their own. This "
                "report looks back on what we achieved under our last plan and sets out what we will do next.",
                "Over the last three years more than sixty technicians gained professional registration, and "
                "technical staff now sit on four of the University\u2019s main committees. There is more to do, "
                "particularly on career pathways and on planning for the technical workforce we will need in "
                "the next decade.",
                "Professor Helen Marsh, Deputy Vice-Chancellor"]:
        st.append(Paragraph(txt, body))
    st += [NextPageTemplate("two"), FrameBreak() if False else Spacer(1, 0)]
    from reportlab.platypus import PageBreak
    st.append(PageBreak())
    st.append(Paragraph("The year in review", h1))
    for txt in ["The technical community at Tarrant Vale numbers around 420 people across five faculties and the "
                "central research facilities. In 2024\u201325 the Technician Network held its first conference, "
                "attended by 150 colleagues, and launched a monthly lunchtime seminar series.",
                "Our technician survey, completed by 61 per cent of technical staff, told us that people value the "
                "support for registration but want clearer routes to progress and more protected time for "
                "training. The actions on the following pages respond directly to those findings."]:
        st.append(Paragraph(txt, body))
    st += sidebar("Case study: from apprentice to workshop manager",
                  ["Sam joined the engineering workshop as an apprentice in 2014. Ten years on, Sam manages a team of "
                   "seven and has supervised four apprentices through their own qualifications.",
                   "\u201cThe apprenticeship gave me a trade and the University gave me room to grow,\u201d Sam says. "
                   "Sam became a registered engineering technician in 2022 and now sits on the faculty\u2019s "
                   "health and safety committee."])
    st.append(Paragraph("What we achieved, 2022–25", h1))
    for txt in ["Sixty-three technicians gained professional registration, with fees met centrally.",
                "Technical staff joined the Research Committee, the Education Committee, the Estates Board and the "
                "Health and Safety Committee.",
                "The Technician Network held its first conference and started a monthly seminar series.",
                "Eleven apprentices completed their programmes; nine stayed with the University."]:
        st.append(Paragraph(txt, ParagraphStyle("bl", parent=body, leftIndent=10, bulletIndent=0, spaceAfter=3),
                            bulletText="•"))
    st.append(Paragraph("How to read our plan", h1))
    st.append(Paragraph("Our actions are grouped under four headings agreed with the Technician Network. Each action "
                        "names the person or team who leads it and the date by which we expect it to be delivered. "
                        "The Steering Group will publish progress every six months.", body))
    quotes = {"V": ("\u201cHaving my name on the facility page changed the conversations I have with researchers.\u201d",
                    "Senior Technician, School of Chemistry"),
              "CD": ("\u201cWe will keep asking technicians what matters to them, and we will act on the answers.\u201d",
                     "Chair, Technician Commitment Steering Group")}
    for pil, rows in grouped(P4).items():
        st.append(CondPageBreak(60 * mm))
        st.append(Paragraph(P4_SECTIONS[pil], h1))
        for k, r in enumerate(rows):
            lead = (f"Action {r['action_id']} \u2013 {r['_extra']['title']}." if r["action_id"]
                    else f"{r['_extra']['title']}.")
            st.append(KeepTogether([Paragraph(f"<b>{lead}</b> {r['action_text']}", act),
                                    Paragraph(f"Lead: {r['owner']}  \u00b7  Timescale: {r['timeframe']}", meta)]))
            if k == 1 and pil in quotes:
                st += pull(*quotes[pil])
        if pil == "R":
            st += sidebar("Case study: the mass spectrometry facility",
                          ["Technicians in the mass spectrometry facility began running short training sessions "
                           "for PhD students in 2023. Attendance grew from twelve to over ninety in two years.",
                           "The team now plans to offer the same sessions to final-year undergraduate project "
                           "students, and two of its members were shortlisted for national awards in 2025."])
    st.append(Paragraph("Contact us", h1))
    st.append(Paragraph("Questions about this plan are welcome at technicians@tarrantvale.ac.uk (fictional).", body))
    doc.build(st)


# ------------------------------------------------------------------ 5
def build_p5():
    import html
    e = html.escape
    pill = {"Complete": ("#1E8449", "#fff"), "On track": ("#27AE60", "#fff"), "At risk": ("#F39C12", "#222"),
            "Behind": ("#C0392B", "#fff"), "Not started": ("#BDC3C7", "#222")}
    trs = []
    for k, r in enumerate(P5["rows"]):
        bg, fg = pill[r["_extra"]["status"]]
        trs.append(f"<tr class='{'odd' if k % 2 == 0 else 'even'}'><td>{e(r['action_id'])}</td><td>{e(r['action_text'])}</td>"
                   f"<td>{e(PN[r['pillars'][0]])}</td><td>{e(r['owner'])}</td><td>{e(r['timeframe'])}</td>"
                   f"<td><span class='pill' style='background:{bg};color:{fg}'>{e(r['_extra']['status'])}</span></td></tr>")
    heads = ["#", "Action", "Strand", "Owner", "Due", "Status"]
    ths = "".join(f"<th class='{'sorting_asc' if j == 0 else 'sorting'}'>{e(h)}</th>" for j, h in enumerate(heads))
    doc = f"""<!doctype html><html><head><meta charset='utf-8'><title>Technician Commitment action plan | Staff Intranet | Brackenmoor University</title><style>
body {{ font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10pt; color: #333; margin: 0; }}
.top {{ background: #1F3A5F; color: #fff; padding: 10px 24px; display: flex; justify-content: space-between; align-items: center; }}
.top .logo {{ font-size: 16pt; font-weight: bold; }} .top .util {{ font-size: 8.5pt; }}
nav {{ background: #E9EEF4; padding: 6px 24px; font-size: 9pt; }} nav a {{ color: #1F3A5F; margin-right: 18px; text-decoration: none; }}
.crumb {{ padding: 8px 24px; font-size: 8.5pt; color: #666; }}
main {{ padding: 0 24px 20px; }} h1 {{ font-size: 17pt; color: #1F3A5F; margin: 6px 0 6px; }}
p.lead {{ font-size: 9.5pt; }}
.dt-top {{ display: flex; justify-content: space-between; font-size: 9pt; margin: 10px 0 6px; }}
.dt-top select, .dt-top input {{ border: 1px solid #aaa; border-radius: 3px; padding: 2px 4px; font-size: 9pt; }}
table {{ border-collapse: collapse; width: 100%; font-size: 11pt; }}
th {{ text-align: left; border-bottom: 2px solid #333; padding: 6px 18px 6px 6px; position: relative; }}
th.sorting::after {{ content: '\\21C5'; position: absolute; right: 4px; color: #aaa; }}
th.sorting_asc::after {{ content: '\\25B2'; position: absolute; right: 4px; color: #333; font-size: 7pt; }}
td {{ padding: 12px 6px; border-top: 1px solid #ddd; vertical-align: top; }}
tr.odd td {{ background: #F7F9FB; }} tr {{ page-break-inside: avoid; }}
.pill {{ display: inline-block; padding: 2px 8px; border-radius: 10px; font-size: 8pt; font-weight: bold; white-space: nowrap; }}
.dt-bottom {{ display: flex; justify-content: space-between; font-size: 9pt; margin-top: 8px; }}
.pg span {{ border: 1px solid #ccc; padding: 3px 8px; margin-left: 2px; border-radius: 3px; }} .pg .cur {{ background: #1F3A5F; color: #fff; }}
.pg .dis {{ color: #aaa; }}
footer {{ margin-top: 20px; padding: 10px 24px; background: #E9EEF4; font-size: 8pt; color: #555; }}
</style></head><body>
<div class='top'><span class='logo'>Brackenmoor University</span><span class='util'>Staff Intranet &nbsp;|&nbsp; My profile &nbsp;|&nbsp; Sign out</span></div>
<nav><a href='#'>Home</a><a href='#'>News</a><a href='#'>People &amp; HR</a><a href='#'>Research</a><a href='#'>Estates</a><a href='#'>IT help</a></nav>
<div class='crumb'>Home &rsaquo; People &amp; HR &rsaquo; Technical staff &rsaquo; Technician Commitment &rsaquo; Action plan</div>
<main><h1>Technician Commitment action plan 2025&ndash;2027</h1>
<p class='lead'>The Technician Commitment is a sector-wide initiative that aims to ensure visibility, recognition, career development and sustainability for technicians working in higher education and research. Brackenmoor signed the Commitment in 2017.</p>
<p class='lead'>This page tracks the actions in our Technician Commitment action plan. Status is updated by each owner before the Steering Group meets. Use the search box to filter by owner or strand.</p>
<div class='dt-top'><span>Show <select><option>25</option></select> entries</span><span>Search: <input type='text' size='22'></span></div>
<table class='dataTable'><thead><tr>{ths}</tr></thead><tbody>{''.join(trs)}</tbody></table>
<div class='dt-bottom'><span>Showing 1 to {len(P5['rows'])} of {len(P5['rows'])} entries</span>
<span class='pg'><span class='dis'>Previous</span><span class='cur'>1</span><span class='dis'>Next</span></span></div>
<p style='font-size:8.5pt;color:#666'>Last updated 14 November 2025 by the Technician Commitment Project Officer. Page owner: HR Organisational Development.</p>
</main><footer>&copy; Brackenmoor University 2025 &nbsp;|&nbsp; Accessibility &nbsp;|&nbsp; Privacy &nbsp;|&nbsp; Contact the intranet team</footer>
</body></html>"""
    hp = os.path.join(BUILD, "p5.html")
    open(hp, "w", encoding="utf-8").write(doc)
    out = os.path.join(RAW, P5["file"])
    url = "https://staff.brackenmoor.ac.uk/people-hr/technical-staff/technician-commitment/action-plan"
    hdr = ("<div style='font-size:8px;width:100%;padding:0 10mm;display:flex;justify-content:space-between;font-family:Arial'>"
           "<span>08/12/2025, 10:42</span><span class='title'></span><span></span></div>")
    ftr = ("<div style='font-size:8px;width:100%;padding:0 10mm;display:flex;justify-content:space-between;font-family:Arial'>"
           f"<span>{url}</span><span><span class='pageNumber'></span>/<span class='totalPages'></span></span></div>")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        pg = b.new_page()
        pg.goto("file://" + hp)
        pg.emulate_media(media="print")
        pg.pdf(path=out, format="A4", display_header_footer=True, header_template=hdr, footer_template=ftr,
               margin={"top": "14mm", "bottom": "14mm", "left": "10mm", "right": "10mm"}, print_background=True)
        b.close()


# ------------------------------------------------------------------ 6
def build_p6():
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Border, Side
    wb = Workbook()
    wb.remove(wb.active)
    thin = Side(style="thin", color="808080")
    bd = Border(left=thin, right=thin, top=thin, bottom=thin)
    rag = {"Green": "92D050", "Amber": "FFC000", "Red": "FF0000"}
    for pil, rows in grouped(P6).items():
        ws = wb.create_sheet(PN[pil])
        ws.merge_cells("A1:F1")
        ws["A1"] = f"Kingsreach University \u2013 {P6['title']} \u2013 {PN[pil]}"
        ws["A1"].font = Font(name="Liberation Sans", size=13, bold=True, color="FFFFFF")
        ws["A1"].fill = PatternFill("solid", fgColor="2E4053")
        ws["A1"].alignment = Alignment(vertical="center")
        ws.row_dimensions[1].height = 24
        heads = ["Ref", "Action", "Lead", "Deadline", "RAG", "Comments"]
        for j, h in enumerate(heads, 1):
            c = ws.cell(row=2, column=j, value=h)
            c.font = Font(name="Liberation Sans", size=10, bold=True); c.fill = PatternFill("solid", fgColor="D5D8DC")
            c.border = bd; c.alignment = Alignment(wrap_text=True, vertical="top")
        for i, r in enumerate(rows, 3):
            vals = [r["action_id"], r["action_text"], r["owner"], r["timeframe"], r["_extra"]["rag"], r["_extra"]["comments"]]
            for j, v in enumerate(vals, 1):
                c = ws.cell(row=i, column=j, value=v)
                c.font = Font(name="Liberation Sans", size=10)
                c.border = bd; c.alignment = Alignment(wrap_text=True, vertical="top")
            import math
            nl = max([2] + [math.ceil(len(str(v)) / (w * 0.92)) for v, w in zip(vals, [3.4, 52, 20, 13, 8, 30]) if v])
            ws.row_dimensions[i].height = 13.5 * nl + 3
            if r["_extra"]["rag"]:
                ws.cell(row=i, column=5).fill = PatternFill("solid", fgColor=rag[r["_extra"]["rag"]])
        for col, w in zip("ABCDEF", [3.4, 52, 20, 13, 8, 30]):
            ws.column_dimensions[col].width = w
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1; ws.page_setup.fitToHeight = 0
        ws.oddHeader.center.text = "&A"
        ws.oddFooter.right.text = "Page &P of &N"
        ws.oddFooter.left.text = "Kingsreach University TC action plan tracker"
        ws.print_title_rows = "2:2"
    p = os.path.join(BUILD, "p6.xlsx"); wb.save(p)
    shutil.copy(soffice_pdf(p), os.path.join(RAW, P6["file"]))


# ------------------------------------------------------------------ gold
def nws(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u2013", "-"), ("\u2014", "-"), ("\u00ad", ""), ("\u2022", ""),
                 ("\u25cf", ""), ("\uf0b7", "")):
        s = s.replace(a, b)
    return re.sub(r"\s+", "", s).lower()


def page_texts(pdf):
    """Per page: the page text, the two half-page columns, and the text of every cell / rectangle."""
    import pdfplumber
    out = []
    with pdfplumber.open(pdf) as p:
        for pg in p.pages:
            parts = [pg.extract_text() or ""]
            boxes = [(0, 0, pg.width / 2, pg.height), (pg.width / 2, 0, pg.width, pg.height)]
            boxes += [(r["x0"], r["top"], r["x1"], r["bottom"]) for r in pg.rects]
            try:
                for t in pg.find_tables():
                    boxes += [c for c in t.cells if c]
            except Exception:
                pass
            for b in boxes:
                b = (max(b[0], 0), max(b[1], 0), min(b[2], pg.width), min(b[3], pg.height))
                if b[2] - b[0] > 5 and b[3] - b[1] > 5:
                    try:
                        parts.append(pg.crop(b).extract_text() or "")
                    except Exception:
                        pass
            out.append(("\n".join(nws(x) for x in parts), pg.extract_words()))
    return out


def chain_found(words, text):
    """Words of `text` form a column block: each next word on the same line just right of the previous,
    or on a following line at the block's left edge."""
    toks = [nws(t) for t in text.split()]
    ws = [(nws(w["text"]), w) for w in words]
    for t0, w0 in ws:
        if t0 != toks[0]:
            continue
        left, cur, k, ok = w0["x0"], w0, 1, True
        while k < len(toks):
            nxt = None
            for t, w in ws:
                if t != toks[k]:
                    continue
                same = abs(w["top"] - cur["top"]) < 2 and 0 <= w["x0"] - cur["x1"] < 15
                down = 0 < w["top"] - cur["top"] < 2.6 * (cur["bottom"] - cur["top"]) and abs(w["x0"] - left) < 4
                if same or down:
                    nxt = w
                    break
            if nxt is None:
                ok = False
                break
            cur, k = nxt, k + 1
        if ok:
            return True
    return False


def locate(pages, text):
    """(page_start, split): the page holding the whole text, else the page holding the longest word prefix
    whose remaining words are on the next page (a row cut by a page break)."""
    want = nws(text)
    for i, (t, w) in enumerate(pages, 1):
        if want in t or chain_found(w, text):
            return i, False
    for i, (t, w) in enumerate(pages, 1):   # a word hyphenated at a line end: the first words as a chain
        if len(text.split()) > 8 and chain_found(w, " ".join(text.split()[:6])) and nws(text.split()[-1]) in t:
            return i, False
    toks = text.split()
    for k in range(len(toks) - 1, 1, -1):
        a, b = nws(" ".join(toks[:k])), nws(" ".join(toks[k:]))
        for i in range(len(pages) - 1):
            if a in pages[i][0] and b in pages[i + 1][0]:
                return i + 1, True
    return None, False


def write_gold(plan, texts=None):
    pdf = os.path.join(RAW, plan["file"])
    from pypdf import PdfReader
    npages = len(PdfReader(pdf).pages)
    pages = page_texts(pdf)
    problems, rows, splits = [], [], []
    for r in plan["rows"]:
        if "bullets" in r["_extra"]:   # bullets live in separate paragraphs: locate the first, check all
            locs = [locate(pages, b) for b in r["_extra"]["bullets"]]
            found = locs[0][0] if all(l[0] for l in locs) else None
            split = len({l[0] for l in locs}) > 1
        else:
            found, split = locate(pages, r["action_text"])
        if found is None:
            problems.append(r["action_text"][:60])
        if split:
            splits.append(r["action_id"] or r["action_text"][:40])
        gr = {k: v for k, v in r.items() if not k.startswith("_")}
        gr["page_start"] = found
        rows.append(gr)
    gold = {"source_file": plan["file"], "institution": plan["institution"], "title": plan["title"],
            "period_start": plan["period"][0], "period_end": plan["period"][1], "layout": plan["layout"],
            "stripped": plan["stripped"], "talent_annotated": plan["talent_annotated"], "pages": npages, "rows": rows}
    with open(os.path.join(GOLD, os.path.splitext(plan["file"])[0] + ".gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, indent=1, ensure_ascii=False)
    return problems, npages, splits


if __name__ == "__main__":
    only = sys.argv[1:] or ["1", "2", "3", "4", "5", "6"]
    B = {"1": (build_p1, P1), "2": (build_p2, P2), "3": (build_p3, P3), "4": (build_p4, P4), "5": (build_p5, P5),
         "6": (build_p6, P6)}
    for k in only:
        fn, plan = B[k]
        fn()
        probs, n, splits = write_gold(plan)
        pages = {}
        for r in json.load(open(os.path.join(GOLD, os.path.splitext(plan["file"])[0] + ".gold.json")))["rows"]:
            pages[r["page_start"]] = pages.get(r["page_start"], 0) + 1
        print(f"{k} {plan['file']}: {len(plan['rows'])} rows, {n} pages, rows/page {pages}, split rows {splits}, "
              f"not found: {probs}")
