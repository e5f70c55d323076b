#!/usr/bin/env python3
"""Build the six blind-round-11 plans (raw/) and their gold (gold/) from plans_data.py.
Run: /work/main/.venv/bin/python make_plans.py [1..6]
1 python-docx annual report (many non-action tables) with one TC plan table near the end -> LibreOffice, A4;
2 reportlab: one long table set newspaper-style, two halves side by side per page, A4 landscape;
3 reportlab whiteboard export: rotated sticky notes in four clusters, one big custom page;
4 reportlab Canva-style infographic: numbered circles, icons, pillar bands, 612x1584 pages;
5 reportlab progress letter: letterhead, prose paragraphs per action with status, A4;
6 python-docx: one two-column table per action (merged title row, bulleted milestones) -> LibreOffice, A4."""
import json, os, re, subprocess, sys, unicodedata, random, math
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from plans_data import *  # noqa

RAW, GOLD, BUILD = (os.path.join(HERE, d) for d in ("raw", "gold", "build"))
for d in (RAW, GOLD, BUILD):
    os.makedirs(d, exist_ok=True)
ROWS = {}
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


FILLER = [
    "Technical Services supports teaching and research across three faculties, from the teaching laboratories that "
    "take more than six thousand undergraduates a year to the specialist imaging, mass spectrometry and fabrication "
    "facilities used by our research groups and by external clients.",
    "The year was shaped by the move of the engineering workshops into the new Riverside Building, which took place "
    "over the summer vacation with only four days of lost teaching time, and by the recruitment of eleven new "
    "technical staff, most of them into posts that had been vacant for more than six months.",
    "Demand for our core facilities grew again. Bookings from external companies rose by a fifth, and income from "
    "those bookings now pays for one and a half technical posts. We thank the facility managers for the care they "
    "take over training new users and keeping instruments running.",
    "Health and safety performance remained good. There were no reportable incidents in technical areas, and the "
    "number of near-miss reports rose, which we see as a sign that staff feel able to report concerns.",
    "The technical community also gave a great deal of its time to the University's open days, to the regional "
    "science festival and to the induction of new academic staff, and we are grateful to everyone who did so.",
    "Sustainability in the other sense of the word has also been a theme: the cold-storage consolidation project "
    "retired forty-two old freezers and cut the electricity used by our laboratories by an estimated eight per cent.",
]


# ------------------------------------------------------------------ 1 annual report
def build_p1():
    from docx import Document
    from docx.shared import Pt, Cm, RGBColor
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.enum.table import WD_TABLE_ALIGNMENT
    doc = Document()
    st = doc.styles["Normal"]; st.font.name = "Caladea"; st.font.size = Pt(10.5)
    for s in ("Heading 1", "Heading 2", "Title"):
        doc.styles[s].font.name = "Caladea"; doc.styles[s].font.color.rgb = RGBColor(0x1F, 0x4E, 0x5F)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.2); sec.top_margin = sec.bottom_margin = Cm(2.0)
    fp = sec.footer.paragraphs[0]; fp.text = "University of Wendlebury \u2013 Technical Services Annual Report 2024\u201325"
    fp.runs[0].font.size = Pt(8)

    def para(t, bold=False, size=None, align=None, space=6):
        p = doc.add_paragraph(); r = p.add_run(t); r.bold = bold
        if size: r.font.size = Pt(size)
        if align: p.alignment = align
        p.paragraph_format.space_after = Pt(space)
        return p

    def pbreak():
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def simple_table(head, rows, widths, title):
        para(title, bold=True, size=10, space=3)
        t = doc.add_table(rows=1, cols=len(head)); t.style = "Table Grid"; t.alignment = WD_TABLE_ALIGNMENT.CENTER
        for i, h in enumerate(head):
            c = t.rows[0].cells[i]; c.text = h; c.paragraphs[0].runs[0].bold = True; docx_shade(c, "D9E7EA")
        for r in rows:
            cells = t.add_row().cells
            for i, v in enumerate(r):
                cells[i].text = str(v)
        t.autofit = False
        for i, w in enumerate(widths):
            t.columns[i].width = Cm(w)
        for row in t.rows:
            for i, w in enumerate(widths):
                row.cells[i].width = Cm(w)
                for p in row.cells[i].paragraphs:
                    for rr in p.runs:
                        rr.font.size = Pt(9)
        para("", space=4)

    # cover
    for _ in range(6):
        para("")
    para("UNIVERSITY OF WENDLEBURY", bold=True, size=16, align=WD_ALIGN_PARAGRAPH.CENTER)
    para("Technical Services", size=22, align=WD_ALIGN_PARAGRAPH.CENTER)
    para("Annual Report 2024\u201325", bold=True, size=28, align=WD_ALIGN_PARAGRAPH.CENTER)
    para("including our Technician Commitment Action Plan 2025\u20132028", size=13, align=WD_ALIGN_PARAGRAPH.CENTER)
    para("Presented to the University Executive, October 2025", size=10, align=WD_ALIGN_PARAGRAPH.CENTER)
    pbreak()
    doc.add_heading("Contents", 1)
    for n, (t, p) in enumerate([("Foreword", 2), ("The year in numbers", 3), ("Our people", 3), ("Finance", 5),
                                ("Training and development", 6), ("Staff survey 2025", 7), ("Highlights of the year", 8),
                                ("Technician Commitment", 9), ("Glossary", 11)], 1):
        para(f"{n}.  {t} " + "." * (70 - len(t)) + f" {p}", space=2)
    pbreak()
    doc.add_heading("1. Foreword", 1)
    for t in FILLER[:3]:
        para(t)
    para("This report sets out what Technical Services did in 2024\u201325, how we spent our budget and what our staff "
         "told us in the spring survey. It closes with our new Technician Commitment action plan, agreed by the "
         "steering group in September, which will guide our work for the next three years.")
    para("Dr Margaret Oyelaran, Director of Technical Services", bold=True)
    pbreak()
    doc.add_heading("2. The year in numbers", 1)
    para(FILLER[3])
    doc.add_heading("3. Our people", 1)
    para("At 31 July 2025 Technical Services employed 248 people (231.4 FTE). The tables below show the technical "
         "workforce by grade and by faculty. The share of women in senior technical grades rose from 29% to 33%.")
    simple_table(["Grade", "Headcount", "FTE", "Women (%)", "Change on 2023\u201324"],
                 [("Grade 3", 21, 18.6, 52, "+2"), ("Grade 4", 64, 60.2, 47, "+5"), ("Grade 5", 78, 74.0, 41, "+1"),
                  ("Grade 6", 49, 47.1, 37, "\u22122"), ("Grade 7", 25, 24.5, 33, "+3"), ("Grade 8", 8, 8.0, 25, "0"),
                  ("Apprentices", 3, 3.0, 67, "+1"), ("Total", 248, 231.4, 43, "+10")],
                 [3.2, 2.4, 2.0, 2.4, 3.6], "Table 1. Technical staff by grade, 31 July 2025")
    simple_table(["Faculty / unit", "Technical staff", "Vacancies", "Turnover (%)"],
                 [("Science and Engineering", 131, 6, 7.2), ("Health and Life Sciences", 74, 3, 9.5),
                  ("Arts, Design and Media", 29, 1, 4.1), ("Central facilities", 14, 0, 0.0)],
                 [5.6, 3.0, 2.6, 2.6], "Table 2. Technical staff by faculty")
    para(FILLER[1])
    pbreak()
    doc.add_heading("4. Finance", 1)
    para("Technical Services spent \u00a312.9 million in 2024\u201325, 2.1% below budget. Income from external users of "
         "our facilities rose to \u00a31.38 million. Table 3 compares the year with the one before.")
    simple_table(["Budget line", "2023\u201324 (\u00a3k)", "2024\u201325 (\u00a3k)", "Variance (\u00a3k)", "Note"],
                 [("Staff costs", "9,412", "9,866", "+454", "Pay award and new posts"),
                  ("Consumables", "1,204", "1,151", "\u221253", "Bulk purchasing"),
                  ("Equipment maintenance", "984", "1,043", "+59", "Service contracts"),
                  ("Minor equipment", "412", "377", "\u221235", ""), ("Training and travel", "88", "121", "+33",
                                                                        "Technician Commitment fund"),
                  ("External income", "(1,152)", "(1,381)", "\u2212229", "Higher external bookings"),
                  ("Net cost", "10,948", "11,177", "+229", "")],
                 [4.0, 2.3, 2.3, 2.3, 3.6], "Table 3. Technical Services budget")
    para(FILLER[2])
    para(FILLER[5])
    pbreak()
    doc.add_heading("5. Training and development", 1)
    para("Technical staff completed 1,916 hours of recorded training in the year. Uptake of the courses we fund "
         "centrally is shown below; completion fell for the longer courses, which staff told us are hard to fit "
         "around teaching laboratories in term time.")
    simple_table(["Course", "Places offered", "Attended", "Completed (%)"],
                 [("Laboratory safety refresher", 120, 114, 98), ("Introduction to line management", 24, 19, 84),
                  ("Radiation protection supervisor", 10, 9, 100), ("Writing for professional registration", 30, 22, 73),
                  ("Python for instrument data", 40, 37, 62), ("Mental health first aid", 16, 16, 100),
                  ("Project management foundation", 20, 11, 55)],
                 [6.4, 2.6, 2.2, 2.6], "Table 4. Uptake of centrally funded training, 2024\u201325")
    para(FILLER[4])
    pbreak()
    doc.add_heading("6. Staff survey 2025", 1)
    para("The technical staff survey ran in April and May 2025 and received 171 responses (69%). Selected results "
         "are below. Statements are as they were worded in the questionnaire.")
    simple_table(["Statement", "Agree (%)", "Neutral (%)", "Disagree (%)"],
                 [("I understand how I could progress to a higher grade", 38, 21, 41),
                  ("My manager supports me to take up training", 71, 15, 14),
                  ("My contribution to research is acknowledged", 44, 26, 30),
                  ("I would recommend Wendlebury as a place for technicians to work", 66, 20, 14),
                  ("I know who represents technicians on University committees", 27, 30, 43),
                  ("I have time to share my skills with newer colleagues", 35, 28, 37)],
                 [8.2, 2.0, 2.2, 2.4], "Table 5. Technical staff survey 2025, selected statements")
    para("The survey points clearly at three areas: career progression, recognition of technical contributions and "
         "representation. Each is taken up in the action plan in section 8.")
    pbreak()
    doc.add_heading("7. Highlights of the year", 1)
    for h in ["Moved the engineering workshops into the Riverside Building over the summer.",
              "Registered fourteen technicians with the Science Council, our best year so far.",
              "Hosted the regional Technician Network conference in May, with 160 delegates.",
              "Appointed our first two technical apprentices in the School of Chemistry.",
              "Won a national award for the cold-storage consolidation project."]:
        doc.add_paragraph(h, style="List Bullet")
    para(FILLER[0])
    pbreak()
    doc.add_heading("8. Technician Commitment", 1)
    para("Wendlebury signed the Technician Commitment in 2018. Our second self-assessment, completed in summer 2025, "
         "drew on the staff survey and on six listening sessions. The steering group agreed the plan below in "
         "September 2025. It runs from 2025 to 2028 and is organised under the four areas of the Commitment.")
    doc.add_heading("Technician Commitment Action Plan 2025\u20132028", 2)
    t = doc.add_table(rows=1, cols=4); t.style = "Table Grid"
    head = ["Ref", "Priority action", "Lead", "Target date"]
    for i, h in enumerate(head):
        c = t.rows[0].cells[i]; c.text = h; c.paragraphs[0].runs[0].bold = True; docx_shade(c, "1F4E5F")
        c.paragraphs[0].runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    docx_repeat_header(t.rows[0])
    widths = [1.4, 9.0, 3.6, 2.6]
    rows = []
    cur = None
    areas = {"V": "Priority area 1 \u2013 Visibility", "R": "Priority area 2 \u2013 Recognition",
             "CD": "Priority area 3 \u2013 Career Development", "S": "Priority area 4 \u2013 Sustainability"}
    for sec_, ref, act, lead, tgt in P1_ROWS:
        if sec_ != cur:
            cur = sec_
            r = t.add_row(); m = r.cells[0].merge(r.cells[3]); m.text = areas[sec_]
            m.paragraphs[0].runs[0].bold = True; docx_shade(m, "D9E7EA")
        cells = t.add_row().cells
        cells[0].text = ref
        if isinstance(act, list):
            cells[1].text = ""
            for k, a in enumerate(act):
                p = cells[1].paragraphs[0] if k == 0 else cells[1].add_paragraph()
                p.add_run(f"({'ab'[k]}) {a}")
                rows.append(R(a, id=f"{ref}.{'ab'[k]}", parent=ref, section=areas[sec_], tf=tgt, owner=lead, pillars=[sec_]))
        else:
            cells[1].text = act
            rows.append(R(act, id=ref, section=areas[sec_], tf=tgt, owner=lead, pillars=[sec_]))
        cells[2].text = lead; cells[3].text = tgt
    t.autofit = False
    for i, w in enumerate(widths):
        t.columns[i].width = Cm(w)
    for row in t.rows:
        for i, w in enumerate(widths):
            row.cells[i].width = Cm(w)
            for p in row.cells[i].paragraphs:
                for rr in p.runs:
                    rr.font.size = Pt(9.5)
    para("")
    para("Progress against the plan will be reported in next year's annual report and to the Technician Forum each term.")
    pbreak()
    doc.add_heading("9. Glossary", 1)
    for a, b in [("FTE", "full-time equivalent"), ("RSciTech", "Registered Science Technician"),
                 ("CSci", "Chartered Scientist"), ("Technician Forum", "the elected body that represents technical staff"),
                 ("Steering group", "the Technician Commitment steering group, chaired by the PVC (Research)")]:
        p = doc.add_paragraph(); p.add_run(a + ": ").bold = True; p.add_run(b)
    path = os.path.join(BUILD, "p1.docx"); doc.save(path)
    pdf = soffice_pdf(path)
    os.replace(pdf, os.path.join(RAW, P1["file"]))
    ROWS[P1["file"]] = rows


# ------------------------------------------------------------------ 2 newspaper halves
def build_p2():
    reg_fonts()
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Table, TableStyle, Paragraph
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    W, H = landscape(A4)
    path = os.path.join(RAW, P2["file"])
    c = canvas.Canvas(path, pagesize=(W, H))
    c.setTitle("Tarnside University Technician Commitment Action Plan 2024-2027"); c.setAuthor("Tarnside University")
    c.setCreator("Affinity Publisher 2.4")
    ps = ParagraphStyle("c", fontName="DVC", fontSize=8.4, leading=10.4)
    pb = ParagraphStyle("h", fontName="DVC-Bold", fontSize=8.4, leading=10.4, textColor=colors.white)
    TH = {"V": "Visibility", "R": "Recognition", "CD": "Career Development", "S": "Sustainability"}
    rows = []
    halves = [(0, 8), (8, 16), (16, 23), (23, 30)]
    colw = [24, 150, 72, 82, 60]
    for pg in range(2):
        c.setFillColor(colors.HexColor("#5B2A86")); c.rect(0, H - 58, W, 58, stroke=0, fill=1)
        c.setFillColor(colors.white); c.setFont("DVC-Bold", 17)
        c.drawString(30, H - 34, "Tarnside University  |  Technician Commitment Action Plan 2024\u20132027")
        c.setFont("DVC", 8.5)
        c.drawString(30, H - 49, "Agreed by the Technician Commitment Steering Group, November 2024. "
                                 "TALENT Commission recommendations are shown as [TCR \u2013 Rn].")
        for side in range(2):
            a, b = halves[pg * 2 + side]
            data = [[Paragraph(h, pb) for h in ("No.", "Action", "Theme", "Who", "When")]]
            for (i, act, th, who, when, tal) in P2_ROWS[a:b]:
                txt = act + (f" [TCR \u2013 {', '.join(tal)}]" if tal else "")
                data.append([Paragraph(str(i), ps), Paragraph(txt, ps), Paragraph(TH[th], ps), Paragraph(who, ps),
                             Paragraph(when, ps)])
                rows.append(R(act, id=str(i), section=TH[th], tf=when, owner=who, pillars=[th], talent=tal,
                              page_start=pg + 1))
            t = Table(data, colWidths=colw)
            t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#5B2A86")),
                                   ("LINEBELOW", (0, 1), (-1, -1), 0.4, colors.HexColor("#B9A6CC")),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 5), ("LEFTPADDING", (0, 0), (0, -1), 3), ("RIGHTPADDING", (0, 0), (0, -1), 2),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                                   ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F4EFF8")])]))
            tw, th_ = t.wrap(0, 0)
            x = 28 + side * (W / 2 - 10)
            t.drawOn(c, x, H - 72 - th_)
        c.setStrokeColor(colors.HexColor("#5B2A86")); c.setLineWidth(0.6)
        c.line(W / 2, 40, W / 2, H - 70)
        c.setFillColor(colors.HexColor("#555555")); c.setFont("DVC", 7)
        c.drawString(30, 22, "Rows continue in the right-hand column, then overleaf." if pg == 0 else
                     "Progress on this plan is reported each June and December on the Technical Services intranet.")
        c.drawRightString(W - 30, 22, f"Page {pg + 1} of 2")
        c.showPage()
    c.save()
    ROWS[P2["file"]] = sorted(rows, key=lambda r: int(r["action_id"]))


# ------------------------------------------------------------------ 3 whiteboard
NOTE_COL = {"V": "#FFE97A", "R": "#FFB3C7", "CD": "#A8E6A1", "S": "#9FD3F7"}


def wrap(text, font, size, width):
    from reportlab.pdfbase.pdfmetrics import stringWidth
    lines, cur = [], ""
    for w in text.split():
        t = (cur + " " + w).strip()
        if stringWidth(t, font, size) <= width:
            cur = t
        else:
            lines.append(cur); cur = w
    if cur:
        lines.append(cur)
    return lines


def build_p3():
    reg_fonts()
    from reportlab.pdfgen import canvas
    from reportlab.lib import colors
    rnd = random.Random(1103)
    W, H = 1700, 1150
    path = os.path.join(RAW, P3["file"])
    c = canvas.Canvas(path, pagesize=(W, H))
    c.setTitle("TC action planning workshop board"); c.setCreator("Miro"); c.setProducer("Skia/PDF m118")
    c.setFillColor(colors.HexColor("#F7F7F5")); c.rect(0, 0, W, H, stroke=0, fill=1)
    c.setFillColor(colors.HexColor("#DADAD6"))
    for x in range(10, W, 24):
        for y in range(10, H, 24):
            c.circle(x, y, 0.7, stroke=0, fill=1)
    c.setFillColor(colors.HexColor("#1A1A1A")); c.setFont("DV-Bold", 26)
    c.drawString(40, H - 55, "Technician Commitment \u2013 action planning workshop")
    c.setFont("DV", 13); c.setFillColor(colors.HexColor("#555555"))
    c.drawString(40, H - 80, "Hollinsclough Institute  \u00b7  outputs for the Technician Commitment Action Plan 2025\u20132027"
                             "  \u00b7  workshop held 12 March 2025")
    # facilitator note (not an action)
    c.setFillColor(colors.white); c.setStrokeColor(colors.HexColor("#BBBBBB")); c.roundRect(1270, H - 160, 390, 95, 6, 1, 1)
    c.setFillColor(colors.HexColor("#333333")); c.setFont("DV", 9.5)
    for k, l in enumerate(["Facilitator: each sticky is one action agreed in the room.",
                           "Names / initials = who takes it forward.",
                           "Dots = votes for priority (3 each).", "Parking lot = questions for the steering group."]):
        c.drawString(1282, H - 85 - 17 * k, l)
    boxes = {"V": (40, 560, 800, 440), "R": (870, 560, 790, 440), "CD": (40, 40, 900, 500), "S": (970, 170, 690, 370)}
    rows = []
    for pil, sub, notes in P3_CLUSTERS:
        bx, by, bw, bh = boxes[pil]
        c.setFillColor(colors.HexColor("#FFFFFF")); c.setStrokeColor(colors.HexColor("#C9C9C9")); c.setLineWidth(1)
        c.roundRect(bx, by, bw, bh, 10, 1, 1)
        c.setFillColor(colors.HexColor("#222222")); c.setFont("DV-Bold", 18)
        c.drawString(bx + 16, by + bh - 30, f"{PN[pil].upper()} \u2013 {sub}")
        n = len(notes); per = 4 if n > 5 else 3
        for k, (act, own) in enumerate(notes):
            col, rw = k % per, k // per
            nx = bx + 22 + col * 190 + rnd.uniform(-10, 14)
            ny = by + bh - 60 - 175 - rw * 190 + rnd.uniform(-12, 8)
            ang = rnd.choice([-3, -2, -1.5, 1, 2, 2.5, 3])
            c.saveState(); c.translate(nx + 80, ny + 80); c.rotate(ang)
            c.setFillColor(colors.HexColor("#00000018", hasAlpha=True)); c.rect(-78, -83, 160, 160, stroke=0, fill=1)
            c.setFillColor(colors.HexColor(NOTE_COL[pil])); c.rect(-80, -80, 160, 160, stroke=0, fill=1)
            c.setFillColor(colors.HexColor("#1E1E1E"))
            fs = 11.5 if len(act) < 70 else 10.5
            lines = wrap(act, "DV", fs, 144)
            yy = 62
            c.setFont("DV", fs)
            for l in lines:
                c.drawString(-72, yy, l); yy -= fs + 3
            c.setFont("DV", 7.5); c.setFillColor(colors.HexColor("#555555"))
            c.drawRightString(74, -72, own)
            # votes
            for v in range(rnd.randint(0, 3)):
                c.setFillColor(colors.HexColor(["#E53935", "#1E88E5", "#8E24AA"][v])); c.circle(-66 + v * 12, -68, 4.5, 0, 1)
            c.restoreState()
            rows.append(R(act, section=f"{PN[pil].upper()} \u2013 {sub}", owner=own, pillars=[pil], page_start=1))
    # parking lot
    px, py = 970, 40
    c.setFillColor(colors.HexColor("#EFEFEF")); c.roundRect(px, py, 690, 115, 8, 0, 1)
    c.setFillColor(colors.HexColor("#444444")); c.setFont("DV-Bold", 13); c.drawString(px + 12, py + 95, "Parking lot")
    for k, q in enumerate(P3_PARKING):
        c.saveState(); c.translate(px + 130 + k * 190, py + 8); c.rotate(rnd.uniform(-3, 3))
        c.setFillColor(colors.HexColor("#FFCC80")); c.rect(0, 0, 170, 80, 0, 1)
        c.setFillColor(colors.HexColor("#333333")); c.setFont("DV", 9.5)
        for j, l in enumerate(wrap(q, "DV", 9.5, 155)):
            c.drawString(7, 62 - j * 12, l)
        c.restoreState()
    c.showPage(); c.save()
    ROWS[P3["file"]] = rows


# ------------------------------------------------------------------ 4 infographic
BAND = {"V": "#2A9D8F", "R": "#E76F51", "CD": "#6A4C93", "S": "#F4A261"}
BLURB = {"V": "Making technical work seen", "R": "Giving credit where it is due",
         "CD": "Helping technicians grow", "S": "Securing skills for the future"}


def icon(c, kind, x, y, col):
    from reportlab.lib import colors
    c.saveState(); c.setFillColor(colors.HexColor(col)); c.setStrokeColor(colors.HexColor(col)); c.setLineWidth(1.6)
    k = kind % 5
    if k == 0:   # eye
        p = c.beginPath(); p.moveTo(x - 9, y); p.curveTo(x - 4, y + 7, x + 4, y + 7, x + 9, y); p.curveTo(x + 4, y - 7, x - 4, y - 7, x - 9, y)
        c.drawPath(p, stroke=1, fill=0); c.circle(x, y, 2.6, 0, 1)
    elif k == 1:  # star
        pts = [(x + 9 * math.cos(math.radians(90 + 72 * i)) * (1 if i % 2 == 0 else 1), y + 9 * math.sin(math.radians(90 + 72 * i))) for i in range(5)]
        p = c.beginPath(); order = [0, 2, 4, 1, 3]
        p.moveTo(*pts[0])
        for o in order[1:]:
            p.lineTo(*pts[o])
        p.close(); c.drawPath(p, stroke=0, fill=1)
    elif k == 2:  # ladder
        c.line(x - 5, y - 9, x - 5, y + 9); c.line(x + 5, y - 9, x + 5, y + 9)
        for d in (-5, 0, 5):
            c.line(x - 5, y + d, x + 5, y + d)
    elif k == 3:  # leaf
        p = c.beginPath(); p.moveTo(x - 8, y - 8); p.curveTo(x - 8, y + 6, x + 2, y + 9, x + 9, y + 9); p.curveTo(x + 9, y - 2, x + 4, y - 8, x - 8, y - 8)
        c.drawPath(p, stroke=0, fill=1)
    else:  # people
        c.circle(x - 4, y + 4, 3, 0, 1); c.circle(x + 5, y + 4, 3, 0, 1)
        c.wedge(x - 10, y - 10, x + 2, y + 2, 0, 180, 0, 1); c.wedge(x - 1, y - 10, x + 11, y + 2, 0, 180, 0, 1)
    c.restoreState()


def build_p4():
    reg_fonts()
    from reportlab.pdfgen import canvas
    from reportlab.lib import colors
    W, H = 612, 1584
    path = os.path.join(RAW, P4["file"])
    c = canvas.Canvas(path, pagesize=(W, H))
    c.setTitle("Oakhanger Technician Commitment 2026-2029 (1)"); c.setCreator("Canva"); c.setProducer("Canva")
    rows = []
    num = [0]
    HF, BF = "URWGothic-Demi", "URWGothic-Book"

    def band(pil, items, top, pg):
        col = BAND[pil]
        c.setFillColor(colors.HexColor(col)); c.roundRect(24, top - 58, W - 48, 50, 25, 0, 1)
        c.setFillColor(colors.white); c.setFont(HF, 24); c.drawString(52, top - 41, PN[pil].upper())
        c.setFont(BF, 11); c.drawRightString(W - 52, top - 38, BLURB[pil])
        y = top - 80
        for k, (ttl, desc, lead, by) in enumerate(items):
            num[0] += 1
            colx = 36 if k % 2 == 0 else 320
            if k % 2 == 0 and k:
                y -= 128
            yy = y - (22 if k % 2 else 0)
            c.setFillColor(colors.HexColor(col)); c.circle(colx + 28, yy - 28, 27, 0, 1)
            c.setFillColor(colors.white); c.setFont(HF, 20); c.drawCentredString(colx + 28, yy - 35, f"{num[0]:02d}")
            c.setFillColor(colors.HexColor("#FFFFFF")); c.setStrokeColor(colors.HexColor(col))
            c.circle(colx + 52, yy - 8, 12, 1, 1); icon(c, num[0], colx + 52, yy - 8, col)
            c.setFillColor(colors.HexColor("#222222")); c.setFont(HF, 13.5)
            c.drawString(colx + 72, yy - 22, ttl)
            c.setFont(BF, 9.6); c.setFillColor(colors.HexColor("#444444"))
            ly = yy - 38
            for l in wrap(desc, BF, 9.6, 175):
                c.drawString(colx + 72, ly, l); ly -= 12.5
            c.setFont(BF, 7.8); c.setFillColor(colors.HexColor(col))
            c.drawString(colx + 72, ly - 3, f"Lead: {lead}  |  By: {by}")
            rows.append(R(ttl, id=f"{num[0]:02d}", alt_action_ids=[str(num[0])], section=PN[pil], details=desc,
                          owner=lead, tf=by, pillars=[pil], page_start=pg))
        return y - 150

    # page 1
    c.setFillColor(colors.HexColor("#FDF8F0")); c.rect(0, 0, W, H, 0, 1)
    c.setFillColor(colors.HexColor("#F4A26155", hasAlpha=True)); c.circle(W - 40, H - 30, 120, 0, 1)
    c.setFillColor(colors.HexColor("#2A9D8F44", hasAlpha=True)); c.circle(30, H - 220, 80, 0, 1)
    c.setFillColor(colors.HexColor("#6A4C9333", hasAlpha=True)); c.circle(W - 90, H - 330, 40, 0, 1)
    c.setFillColor(colors.HexColor("#222222")); c.setFont(BF, 14); c.drawString(48, H - 70, "OAKHANGER UNIVERSITY")
    c.setFont(HF, 44); c.drawString(48, H - 125, "Our Technician"); c.drawString(48, H - 172, "Commitment")
    c.setFillColor(colors.HexColor("#E76F51")); c.setFont(HF, 30); c.drawString(48, H - 212, "2026\u20132029")
    c.setFillColor(colors.HexColor("#444444")); c.setFont(BF, 11)
    for k, l in enumerate(wrap("Eighteen things we will do over the next three years so that the people who keep "
                               "our labs, studios and workshops running are seen, valued and able to build a career here.",
                               BF, 11, 420)):
        c.drawString(48, H - 245 - 15 * k, l)
    sy = H - 345
    for k, (big, small) in enumerate([("312", "technical staff"), ("27", "technical teams"), ("68%", "said they want a clearer career path"),
                                      ("4", "pillars of the Commitment")]):
        x = 48 + k * 132
        c.setFillColor(colors.white); c.roundRect(x, sy - 70, 120, 80, 10, 0, 1)
        c.setFillColor(colors.HexColor(list(BAND.values())[k])); c.setFont(HF, 28); c.drawString(x + 10, sy - 22, big)
        c.setFillColor(colors.HexColor("#555555")); c.setFont(BF, 8.5)
        for j, l in enumerate(wrap(small, BF, 8.5, 100)):
            c.drawString(x + 10, sy - 40 - 11 * j, l)
    top = sy - 100
    for pil, items in P4_BANDS[:2]:
        top = band(pil, items, top, 1)
    c.setFillColor(colors.HexColor("#999999")); c.setFont(BF, 8); c.drawCentredString(W / 2, 20, "continued \u2193")
    c.showPage()
    c.setFillColor(colors.HexColor("#FDF8F0")); c.rect(0, 0, W, H, 0, 1)
    c.setFillColor(colors.HexColor("#E76F5133", hasAlpha=True)); c.circle(0, H - 60, 110, 0, 1)
    top = H - 50
    for pil, items in P4_BANDS[2:]:
        top = band(pil, items, top, 2)
    c.setFillColor(colors.HexColor("#264653")); c.rect(0, 0, W, 120, 0, 1)
    c.setFillColor(colors.white); c.setFont(HF, 16); c.drawString(48, 80, "Want to get involved?")
    c.setFont(BF, 10); c.drawString(48, 60, "Join the Technician Network or talk to your TC Champion.")
    c.drawString(48, 44, "technicians@oakhanger.ac.uk  \u00b7  #OakhangerTechnicians")
    c.showPage(); c.save()
    ROWS[P4["file"]] = rows


# ------------------------------------------------------------------ 5 progress letter
def build_p5():
    reg_fonts()
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    W, H = A4
    path = os.path.join(RAW, P5["file"])
    body = ParagraphStyle("b", fontName="LSerif", fontSize=10.3, leading=13.2, spaceAfter=6.5, alignment=4)
    sub = ParagraphStyle("s", fontName="LSerif-Bold", fontSize=10.5, leading=13, spaceBefore=4, spaceAfter=3)

    def first(c, d):
        c.saveState()
        c.setFillColor(colors.HexColor("#0B3C5D")); c.rect(0, H - 92, W, 92, 0, 1)
        c.setFillColor(colors.HexColor("#D9B310")); c.circle(62, H - 46, 24, 0, 1)
        c.setFillColor(colors.HexColor("#0B3C5D")); c.setFont("LSerif-Bold", 20); c.drawCentredString(62, H - 53, "B")
        c.setFillColor(colors.white); c.setFont("LSerif-Bold", 19); c.drawString(100, H - 45, "University of Bexmoor")
        c.setFont("LSerif", 9.5); c.drawString(100, H - 62, "Office of the Pro Vice-Chancellor (Research and Innovation)")
        c.setFont("LSerif", 8.5)
        c.drawRightString(W - 40, H - 40, "Quarry Hill, Bexmoor BX4 7QT"); c.drawRightString(W - 40, H - 53, "01632 960 418")
        c.drawRightString(W - 40, H - 66, "pvc-research@bexmoor.ac.uk")
        c.restoreState(); later(c, d)

    def later(c, d):
        c.saveState(); c.setFont("LSerif", 8); c.setFillColor(colors.HexColor("#777777"))
        c.drawCentredString(W / 2, 24, f"University of Bexmoor \u00b7 Technician Commitment progress \u00b7 page {d.page}")
        c.restoreState()

    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=62, rightMargin=62, topMargin=110, bottomMargin=50,
                            title="Technician Commitment progress letter", author="University of Bexmoor")
    st = [Paragraph("14 October 2025", body), Spacer(1, 4),
          Paragraph("To: all technical staff, Heads of School and members of the Technician Commitment Steering Group", body),
          Spacer(1, 4),
          Paragraph("<b>Technician Commitment Action Plan 2024\u20132027: progress update</b>", body),
          Paragraph("Dear Colleagues,", body),
          Paragraph("A year has passed since the University published its Technician Commitment action plan for "
                    "2024\u20132027, and I promised then that I would write each autumn to tell you how we are doing. "
                    "What follows takes each action in turn, in the order of the plan. Where I say an action is on "
                    "track, the steering group is content that it will be delivered by the date in the plan; where "
                    "it is behind schedule, I explain why.", body)]
    rows = []
    cur = None
    heads = {"V": "Commitment area: Visibility", "R": "Commitment area: Recognition",
             "CD": "Commitment area: Career Development", "S": "Commitment area: Sustainability"}
    for (aid, pil, lead, act, rest, status, own, tf) in P5_ROWS:
        if pil != cur:
            cur = pil; st.append(Paragraph(heads[pil], sub))
        st.append(Paragraph(lead.format(a=act) + rest, body))
        rows.append(R(act, id=aid, section=heads[pil], owner=own, tf=tf, pillars=[pil], status=status))
    st += [Paragraph("Overall, seven of the fifteen actions are on track or complete ahead of time, and I am grateful "
                     "to everyone who has given time to them. The full plan, with its success measures, is on the "
                     "Technician Commitment pages of the staff intranet.", body),
           Paragraph("Yours sincerely,", body), Spacer(1, 18),
           Paragraph("<b>Professor Alan Reddaway</b><br/>Pro Vice-Chancellor (Research and Innovation) and Chair of the "
                     "Technician Commitment Steering Group", body)]
    doc.build(st, onFirstPage=first, onLaterPages=later)
    ROWS[P5["file"]] = rows


# ------------------------------------------------------------------ 6 table per action
def build_p6():
    from docx import Document
    from docx.shared import Pt, Cm, RGBColor
    from docx.enum.text import WD_BREAK
    doc = Document()
    st = doc.styles["Normal"]; st.font.name = "Carlito"; st.font.size = Pt(10.5)
    for s in ("Heading 1", "Heading 2", "Title"):
        doc.styles[s].font.name = "Carlito"; doc.styles[s].font.color.rgb = RGBColor(0x8B, 0x1E, 0x3F)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.3); sec.top_margin = Cm(2.2); sec.bottom_margin = Cm(2.0)
    hp = sec.header.paragraphs[0]; hp.text = "Dunmarsh Metropolitan University | Technician Commitment Action Plan 2025\u20132028"
    hp.runs[0].font.size = Pt(8); hp.runs[0].font.color.rgb = RGBColor(0x66, 0x66, 0x66)
    doc.add_heading("Technician Commitment Action Plan 2025\u20132028", 0)
    doc.add_paragraph("Dunmarsh Metropolitan University").runs[0].bold = True
    doc.add_heading("About this plan", 1)
    for t in ["Dunmarsh became a signatory of the Technician Commitment in 2019. This is our second action plan. It was "
              "written by the Technician Commitment Steering Group after a survey of all 186 technical staff in "
              "spring 2025 and a review of what our first plan achieved.",
              "The plan is arranged in four strands, one for each pillar of the Commitment. Each action has its own "
              "table giving a description, the person who leads it, who supports them, the milestones we will check "
              "and how we will know it has worked. Where an action answers a recommendation of the TALENT "
              "Commission, the recommendation is given in brackets.",
              "Progress will be reviewed by the steering group each term and reported to the University Executive "
              "every July."]:
        doc.add_paragraph(t)
    rows = []
    labels = ["Description", "Lead", "Support", "Milestones", "Success measure"]
    for pil, head, acts in P6_STRANDS:
        doc.add_heading(head, 1)
        doc.add_paragraph({"V": "Technicians and their work are known across and beyond the University.",
                           "R": "Technical contributions are recognised formally and informally.",
                           "CD": "Every technician can see and follow a route to develop and progress.",
                           "S": "The University keeps and grows the technical skills it needs."}[pil]).runs[0].italic = True
        for (aid, ttl, desc, lead, sup, ms, succ, tal) in acts:
            t = doc.add_table(rows=6, cols=2); t.style = "Table Grid"
            m = t.rows[0].cells[0].merge(t.rows[0].cells[1])
            m.text = ""; r = m.paragraphs[0].add_run(f"Action {aid}: {ttl}"); r.bold = True
            r.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF); docx_shade(m, "8B1E3F")
            dtext = desc + (f" (TALENT {', '.join(tal)})" if tal else "")
            vals = [dtext, lead, sup, None, succ]
            for i, lab in enumerate(labels, 1):
                a, b = t.rows[i].cells
                a.text = lab; a.paragraphs[0].runs[0].bold = True; docx_shade(a, "F3E6EA")
                if lab == "Milestones":
                    b.text = ""
                    for k, x in enumerate(ms):
                        p = b.paragraphs[0] if k == 0 else b.add_paragraph()
                        p.style = doc.styles["List Bullet"]; p.add_run(x)
                else:
                    b.text = vals[i - 1]
            t.autofit = False; t.columns[0].width = Cm(3.6); t.columns[1].width = Cm(12.8)
            for row in t.rows:
                row.cells[0].width = Cm(3.6); row.cells[1].width = Cm(12.8)
            doc.add_paragraph("")
            rows.append(R(ttl, id=aid, section=head, details=desc, owner=lead, tf="; ".join(ms), sm=succ,
                          pillars=[pil], talent=tal, support=sup))
    doc.add_heading("Governance and review", 1)
    doc.add_paragraph("The steering group is chaired by the Pro Vice-Chancellor (Research) and includes eight elected "
                      "technicians. Its minutes are published on the Technician Network pages.")
    path = os.path.join(BUILD, "p6.docx"); doc.save(path)
    pdf = soffice_pdf(path)
    os.replace(pdf, os.path.join(RAW, P6["file"]))
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
    pages = page_texts(pdf)
    problems, rows = [], []
    for r in ROWS[plan["file"]]:
        want = nws(r["action_text"])
        found = next((i for i, t in enumerate(pages, 1) if want in t), None)
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
