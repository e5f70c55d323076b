#!/usr/bin/env python3
"""Build the six blind-round-5 plans (raw/) and gold (gold/) from plans_data.py.
Run: PYTHONPATH=pylib /work/main/.venv/bin/python make_plans.py
1 python-docx nested tables -> LibreOffice; 2 reportlab + pypdf /Rotate 90; 3 PIL/cv2 phone photo -> image PDF;
4 HTML -> headless Chromium; 5 odfpy text boxes -> LibreOffice; 6 reportlab AcroForm."""
import json, os, re, shutil, subprocess, sys, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "pylib"))
from plans_data import P1, P2, P3, P4, P5, P6, PN, P1_STRANDS, YEARS, P5_AREAS, P6_PRIORITIES  # noqa

RAW, GOLD, BUILD = (os.path.join(HERE, d) for d in ("raw", "gold", "build"))
for d in (RAW, GOLD, BUILD):
    os.makedirs(d, exist_ok=True)


def soffice_pdf(path):
    prof = "file://" + os.path.join(BUILD, "lo_profile")
    subprocess.run(["soffice", f"-env:UserInstallation={prof}", "--headless", "--convert-to", "pdf",
                    "--outdir", BUILD, path], check=True, capture_output=True, timeout=180)
    return os.path.splitext(path)[0] + ".pdf"


def grouped(plan):
    out = {}
    for r in plan["rows"]:
        out.setdefault(r["pillars"][0], []).append(r)
    return out


# ------------------------------------------------------------------ 1
def build_p1():
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(1.5)
    st = doc.styles["Normal"]
    st.font.name = "Liberation Serif"
    st.font.size = Pt(10)
    sec.footer.paragraphs[0].text = "Ashcombe University \u2013 Technician Commitment Action Plan 2025\u20132028"

    def shade(cell, fill):
        s = OxmlElement("w:shd"); s.set(qn("w:val"), "clear"); s.set(qn("w:color"), "auto"); s.set(qn("w:fill"), fill)
        cell._tc.get_or_add_tcPr().append(s)
    p = doc.add_paragraph(); r = p.add_run("Ashcombe University"); r.bold = True; r.font.size = Pt(14)
    p = doc.add_paragraph(); r = p.add_run(P1["title"]); r.bold = True; r.font.size = Pt(18)
    doc.add_paragraph("Ashcombe University has been a signatory of the Technician Commitment since 2018. This plan "
                      "was agreed by the Technical Staff Steering Group in June 2025 and replaces the 2021\u20132024 plan. "
                      "Each action below lists interim milestones so that the Steering Group can track progress at its "
                      "termly meetings.")
    cols = ["Ref", "Action", "Milestones", "Responsible", "Complete by"]
    widths = [Cm(1.1), Cm(5.6), Cm(6.0), Cm(3.3), Cm(2.0)]
    g = grouped(P1)
    nrows = 1 + sum(1 + len(v) for v in g.values())
    t = doc.add_table(rows=nrows, cols=5)
    t.style = "Table Grid"
    for j, c in enumerate(cols):
        cell = t.rows[0].cells[j]; cell.text = ""
        rr = cell.paragraphs[0].add_run(c); rr.bold = True; rr.font.color.rgb = RGBColor(255, 255, 255)
        shade(cell, "5B2C6F")
    i = 1
    for pil, rows in g.items():
        m = t.cell(i, 0).merge(t.cell(i, 4)); m.text = ""
        rr = m.paragraphs[0].add_run(P1_STRANDS[pil]); rr.bold = True
        shade(m, "E8DAEF")
        i += 1
        for row in rows:
            cells = t.rows[i].cells
            cells[0].text = row["action_id"]; cells[1].text = row["action_text"]
            cells[3].text = row["owner"]; cells[4].text = row["timeframe"]
            mc = cells[2]; mc.text = ""
            sub = mc.add_table(rows=1 + len(row["_extra"]["ms"]), cols=2)
            sub.style = "Table Grid"
            sub.rows[0].cells[0].text = "Milestone"; sub.rows[0].cells[1].text = "Date"
            for c_ in sub.rows[0].cells:
                c_.paragraphs[0].runs[0].italic = True
            for k, (mtxt, mdate) in enumerate(row["_extra"]["ms"], 1):
                sub.rows[k].cells[0].text = mtxt; sub.rows[k].cells[1].text = mdate
            sub.autofit = False
            sub.columns[0].width = Cm(3.9); sub.columns[1].width = Cm(1.7)
            for rw in sub.rows:
                rw.cells[0].width = Cm(3.9); rw.cells[1].width = Cm(1.7)
            i += 1
    t.autofit = False
    for j, w in enumerate(widths):
        t.columns[j].width = w
    for rw in t.rows:
        for j, w in enumerate(widths):
            rw.cells[j].width = w
    doc.add_paragraph()
    doc.add_paragraph("Contact: technicians@ashcombe.ac.uk (fictional). Next review: June 2026.")
    p = os.path.join(BUILD, "p1.docx"); doc.save(p)
    shutil.copy(soffice_pdf(p), os.path.join(RAW, P1["file"]))


# ------------------------------------------------------------------ 2
def build_p2():
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph, Table, TableStyle
    from pypdf import PdfReader, PdfWriter
    W, H = A4
    pre = os.path.join(BUILD, "p2_pre.pdf")
    c = canvas.Canvas(pre, pagesize=A4)
    c.setTitle(P2["title"]); c.setAuthor("Pennard Institute of Technology")
    body = ParagraphStyle("b", fontName="Times-Roman", fontSize=11, leading=15)
    cellst = ParagraphStyle("c", fontName="Helvetica", fontSize=9, leading=11)
    headst = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=9, leading=11, textColor=colors.white)
    # page 1 portrait intro
    c.setFont("Helvetica-Bold", 20); c.drawString(60, H - 90, "Pennard Institute of Technology")
    c.setFont("Helvetica", 15); c.drawString(60, H - 115, P2["title"])
    y = H - 160
    for txt in ["Pennard signed the Technician Commitment in 2020. This plan sets out what the Institute will do between "
                "2026 and 2029 under each of the four Technician Commitment pillars, and notes where an action answers "
                "a recommendation of the TALENT Commission.",
                "The plan is owned by the Technician Commitment Board, which meets three times a year and reports to "
                "the Institute Executive. The action table follows on the next pages."]:
        pp = Paragraph(txt, body); w_, h_ = pp.wrap(W - 120, 400); pp.drawOn(c, 60, y - h_); y -= h_ + 12
    c.setFont("Helvetica", 8); c.drawRightString(W - 40, 30, "1"); c.showPage()
    rot_pages = []
    g = grouped(P2)
    page_groups = [["V", "R"], ["CD"], ["S"]]   # pages 2-3 landscape (rotated), page 4 portrait
    pno = 1
    for k, grp in enumerate(page_groups):
        pno += 1
        landscape = k < 2
        data = [[Paragraph(h, headst) for h in ["Pillar", "What we will do", "Lead", "Timescale", "TALENT"]]]
        for pil in grp:
            for r in g[pil]:
                data.append([Paragraph(PN[pil], cellst), Paragraph(r["action_text"], cellst), Paragraph(r["owner"], cellst),
                             Paragraph(r["timeframe"], cellst), Paragraph(", ".join(r["talent"]) or "\u2013", cellst)])
        if landscape:
            c.saveState(); c.transform(0, 1, -1, 0, W, 0)   # landscape coords (x 0..H, y 0..W) onto portrait
            LW, LH = H, W
            rot_pages.append(pno - 1)
        else:
            LW, LH = W, H
        c.setFont("Helvetica-Bold", 13)
        c.drawString(40, LH - 50, "Action plan 2026\u201329" + (" (continued)" if k else ""))
        cw = [95, 330, 150, 110, 60] if landscape else [70, 230, 110, 70, 45]
        tbl = Table(data, colWidths=cw, repeatRows=1)
        tbl.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                                 ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1B4F72")),
                                 ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        tw, th = tbl.wrap(LW - 80, LH - 100)
        tbl.drawOn(c, 40, LH - 70 - th)
        c.setFont("Helvetica", 8); c.drawRightString(LW - 40, 25, str(pno))
        if landscape:
            c.restoreState()
        c.showPage()
    c.setFont("Helvetica", 10)
    c.drawString(60, H - 80, "Approved by the Technician Commitment Board, 3 March 2026.")
    c.showPage(); c.save()
    rd = PdfReader(pre); wr = PdfWriter()
    for i, pg in enumerate(rd.pages):
        if i in rot_pages:
            pg.rotate(90)
        wr.add_page(pg)
    wr.add_metadata({"/Title": P2["title"], "/Producer": "ReportLab + pypdf"})
    with open(os.path.join(RAW, P2["file"]), "wb") as f:
        wr.write(f)


# ------------------------------------------------------------------ 3
def build_p3():
    import numpy as np, cv2
    from PIL import Image, ImageDraw, ImageFont, ImageFilter
    F = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    FB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
    pw, ph = 2480, 3508  # A4 at 300 dpi
    rows = P3["rows"]
    pages = [rows[:7], rows[7:]]
    out_imgs = []
    rng = np.random.default_rng(5)
    for pi, prow in enumerate(pages):
        img = Image.new("L", (pw, ph), 255); d = ImageDraw.Draw(img)
        f = ImageFont.truetype(F, 46); fb = ImageFont.truetype(FB, 50); ft = ImageFont.truetype(FB, 72)
        y = 200
        if pi == 0:
            d.text((180, y), "University of Coldharbour", font=ft, fill=0); y += 110
            d.text((180, y), P3["title"], font=fb, fill=0); y += 120
            for line in ["Agreed by the Technical Staff Forum, September 2025. The actions below will be",
                         "reviewed by the Forum each term and reported to the People Committee."]:
                d.text((180, y), line, font=f, fill=0); y += 62
            y += 40
        else:
            d.text((180, y), "Action plan (continued)", font=fb, fill=0); y += 110
        xs = [180, 360, 1400, 1900, 2300]
        hdr = ["No.", "Action", "Lead", "When"]
        d.rectangle([xs[0], y, xs[-1], y + 80], fill=215)
        for j, h in enumerate(hdr):
            d.text((xs[j] + 20, y + 14), h, font=fb, fill=0)
        top = y; y += 80
        import textwrap
        for r in prow:
            al = textwrap.wrap(r["action_text"], 40); ol = textwrap.wrap(r["owner"], 18); tl = textwrap.wrap(r["timeframe"], 14)
            n = max(len(al), len(ol), len(tl)); hgt = 30 + 60 * n
            for j, lines in enumerate([[r["action_id"]], al, ol, tl]):
                for k, ln in enumerate(lines):
                    d.text((xs[j] + 20, y + 18 + 60 * k), ln, font=f, fill=0)
            y += hgt
            d.line([xs[0], y, xs[-1], y], fill=0, width=4)
        for x in xs:
            d.line([x, top, x, y], fill=0, width=4)
        d.line([xs[0], top, xs[-1], top], fill=0, width=4)
        d.text((pw // 2 - 20, ph - 180), str(pi + 1), font=f, fill=0)
        # photo: place paper on a darker background, perspective warp, lighting, blur, noise
        paper = np.array(img.convert("RGB")).astype(np.float32)
        paper[..., 2] *= 0.93; paper[..., 1] *= 0.97   # warm paper
        OW, OH = 3000, 4000
        src = np.float32([[0, 0], [pw, 0], [pw, ph], [0, ph]])
        dst = np.float32([[330, 260], [2700, 330], [2880, 3780], [130, 3700]]) if pi == 0 else \
            np.float32([[250, 330], [2760, 250], [2900, 3720], [90, 3800]])
        M = cv2.getPerspectiveTransform(src, dst)
        bg = np.full((OH, OW, 3), (70, 60, 55), np.float32)
        warped = cv2.warpPerspective(paper, M, (OW, OH), borderMode=cv2.BORDER_CONSTANT, borderValue=(-1, -1, -1))
        mask = cv2.warpPerspective(np.ones((ph, pw), np.float32), M, (OW, OH))
        photo = bg * (1 - mask[..., None]) + warped * mask[..., None]
        yy, xx = np.mgrid[0:OH, 0:OW].astype(np.float32)
        light = 0.62 + 0.43 * np.exp(-(((xx - 900) / 2600) ** 2 + ((yy - 800) / 3000) ** 2))
        light -= 0.10 * (xx / OW)   # shadow towards the right
        photo = photo * light[..., None]
        photo = cv2.GaussianBlur(photo, (0, 0), 2.2)
        photo += rng.normal(0, 6, photo.shape)
        photo = np.clip(photo, 0, 255).astype(np.uint8)
        im = Image.fromarray(photo).resize((OW * 2 // 3, OH * 2 // 3), Image.LANCZOS)  # a 2000x2667 phone photo
        jp = os.path.join(BUILD, f"p3_{pi + 1}.jpg"); im.save(jp, quality=72)
        out_imgs.append(Image.open(jp))
    out_imgs[0].save(os.path.join(RAW, P3["file"]), save_all=True, append_images=out_imgs[1:], resolution=220)


# ------------------------------------------------------------------ 4
def build_p4():
    import html
    e = html.escape
    cols = ["V", "R", "CD", "S"]
    byc = {}
    for r in P4["rows"]:
        byc.setdefault((r["_extra"]["year"], r["pillars"][0]), []).append(r)
    trs = []
    for y in YEARS:
        tds = [f"<th class='yr'>{e(y)}</th>"]
        for pil in cols:
            lis = "".join(f"<li>{e(r['action_text'])}" + (f" <span class='own'>({e(r['owner'])})</span>" if r["owner"] else "")
                          + "</li>" for r in byc.get((y, pil), []))
            tds.append(f"<td><ul>{lis}</ul></td>")
        trs.append("<tr>" + "".join(tds) + "</tr>")
    doc = f"""<!doctype html><html><head><meta charset='utf-8'><title>{e(P4['title'])}</title><style>
@page {{ size: A3 landscape; margin: 14mm; }}
body {{ font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; color: #222; }}
h1 {{ font-size: 20pt; margin: 0; color: #0E6251; }} h2 {{ font-size: 14pt; font-weight: normal; margin: 4px 0 12px; }}
table {{ border-collapse: separate; border-spacing: 6px; width: 100%; table-layout: fixed; }}
th {{ background: #0E6251; color: white; padding: 8px; font-size: 12pt; border-radius: 6px; }}
th.yr {{ background: #A2D9CE; color: #0B3D33; width: 9%; }}
td {{ background: #E8F6F3; vertical-align: top; padding: 6px 10px; border-radius: 6px; }}
ul {{ margin: 0; padding-left: 16px; }} li {{ margin: 4px 0; }} .own {{ color: #555; font-style: italic; }}
p.note {{ font-size: 9pt; color: #555; }}
</style></head><body>
<h1>Wexcombe University</h1><h2>{e(P4['title'])}: three years at a glance</h2>
<p class='note'>Each cell lists what we will deliver in that year for that Technician Commitment pillar. The lead team is shown in brackets where one has been agreed; otherwise the TC Working Group leads.</p>
<table><thead><tr><th class='yr'>Year</th>{''.join(f'<th>{PN[p]}</th>' for p in cols)}</tr></thead>
<tbody>{''.join(trs)}</tbody></table>
<p class='note'>Agreed by the University Technician Commitment Working Group, July 2025.</p></body></html>"""
    hp = os.path.join(BUILD, "p4.html")
    open(hp, "w", encoding="utf-8").write(doc)
    out = os.path.join(RAW, P4["file"])
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", "file://" + hp], check=True, capture_output=True, timeout=120)


# ------------------------------------------------------------------ 5
def build_p5():
    from odf.opendocument import OpenDocumentText
    from odf.style import (Style, TextProperties, ParagraphProperties, GraphicProperties, PageLayout,
                           PageLayoutProperties, MasterPage)
    from odf.text import P, H
    from odf.draw import Frame, TextBox
    doc = OpenDocumentText()
    pl = PageLayout(name="Letter")
    pl.addElement(PageLayoutProperties(pagewidth="8.5in", pageheight="11in", margin="0.7in", printorientation="portrait"))
    doc.automaticstyles.addElement(pl)
    doc.masterstyles.addElement(MasterPage(name="Standard", pagelayoutname=pl))
    hs = Style(name="Hd", family="paragraph")
    hs.addElement(TextProperties(fontsize="17pt", fontweight="bold", fontname="Liberation Sans", fontfamily="Liberation Sans", color="#7B241C"))
    doc.styles.addElement(hs)
    hbreak = Style(name="HdBreak", family="paragraph", parentstylename=hs)
    hbreak.addElement(ParagraphProperties(breakbefore="page"))
    doc.automaticstyles.addElement(hbreak)
    ns = Style(name="Body", family="paragraph")
    ns.addElement(TextProperties(fontsize="10.5pt", fontname="Liberation Serif", fontfamily="Liberation Serif"))
    doc.styles.addElement(ns)
    bx = Style(name="Box", family="paragraph")
    bx.addElement(TextProperties(fontsize="10pt", fontname="Liberation Sans", fontfamily="Liberation Sans"))
    doc.styles.addElement(bx)
    bxb = Style(name="BoxB", family="paragraph")
    bxb.addElement(TextProperties(fontsize="10pt", fontweight="bold", fontname="Liberation Sans", fontfamily="Liberation Sans", color="#7B241C"))
    doc.styles.addElement(bxb)
    fr = Style(name="fr", family="graphic")
    fr.addElement(GraphicProperties(backgroundcolor="#FDEDEC", fill="solid", fillcolor="#FDEDEC", border="0.03cm solid #7B241C", padding="0.2cm",
                                    wrap="none", verticalpos="from-top", verticalrel="paragraph",
                                    horizontalpos="from-left", horizontalrel="paragraph"))
    doc.automaticstyles.addElement(fr)
    doc.text.addElement(P(stylename=hs, text="Foxlease University"))
    doc.text.addElement(P(stylename=hs, text=P5["title"]))
    doc.text.addElement(P(stylename=ns, text="This document sets out the priorities of the Foxlease Technician Commitment "
                          "Group for 2024 to 2027. Each box is one action, with the person or team who leads it and the "
                          "date we aim to complete it. Where an action answers a TALENT Commission recommendation, the "
                          "recommendation is shown in the box."))
    g = grouped(P5)
    pos = [("0cm", "1.2cm"), ("8.9cm", "1.9cm"), ("0.4cm", "7.6cm"), ("9.3cm", "8.4cm")]
    nframe = 0
    for k, (pil, rows) in enumerate(g.items()):
        anchor = P(stylename=hbreak if k else hs, text=P5_AREAS[pil])
        for j, r in enumerate(rows):
            nframe += 1
            x, y = pos[j]
            f = Frame(stylename=fr, width="7.6cm", height="5.2cm", anchortype="paragraph", x=x, y=y,
                      name=f"Action{nframe}", zindex=str(nframe))
            tb = TextBox()
            tb.addElement(P(stylename=bxb, text=f"Action {r['action_id']}"))
            tb.addElement(P(stylename=bx, text=r["action_text"]))
            tb.addElement(P(stylename=bx, text=f"Lead: {r['owner']}"))
            tb.addElement(P(stylename=bx, text=f"Target: {r['timeframe']}"))
            if r["talent"]:
                tb.addElement(P(stylename=bx, text="TALENT: " + ", ".join(r["talent"])))
            f.addElement(tb)
            anchor.addElement(f)
        doc.text.addElement(anchor)
    doc.text.addElement(P(stylename=hbreak, text="Monitoring"))
    doc.text.addElement(P(stylename=ns, text="The Technician Commitment Group will report progress to the University "
                          "People Committee every six months."))
    p = os.path.join(BUILD, "p5.odt"); doc.save(p)
    shutil.copy(soffice_pdf(p), os.path.join(RAW, P5["file"]))


# ------------------------------------------------------------------ 6
def build_p6():
    from reportlab.lib.pagesizes import A4
    from reportlab.lib import colors
    from reportlab.pdfgen import canvas
    W, H = A4
    out = os.path.join(RAW, P6["file"])
    c = canvas.Canvas(out, pagesize=A4)
    c.setTitle(P6["title"]); c.setAuthor("Royal Calder College")
    form = c.acroForm
    g = grouped(P6)

    def head(first):
        c.setFillColor(colors.HexColor("#154360")); c.rect(0, H - 70, W, 70, stroke=0, fill=1)
        c.setFillColor(colors.white); c.setFont("Helvetica-Bold", 15)
        c.drawString(36, H - 35, "Royal Calder College")
        c.setFont("Helvetica", 11); c.drawString(36, H - 55, P6["title"] + " \u2013 planning form" + ("" if first else " (continued)"))
        c.setFillColor(colors.black)
    head(True)
    y = H - 100
    c.setFont("Helvetica", 9)
    c.drawString(36, y, "Complete one block per action. Fields are typed; the printed form is the agreed plan."); y -= 24
    n = 0
    page = 1
    for pil, rows in g.items():
        need = 30 + 78 * len(rows)
        if y - need < 50:
            c.showPage(); page += 1; head(False); y = H - 100
        c.setFont("Helvetica-Bold", 12); c.drawString(36, y, P6_PRIORITIES[pil]); y -= 20
        for r in rows:
            n += 1
            c.setFont("Helvetica-Bold", 9); c.drawString(36, y - 12, f"Action ref {r['action_id']}")
            c.setFont("Helvetica", 8.5)
            c.drawString(36, y - 32, "Action:")
            form.textfield(name=f"action_{n}", value=r["action_text"], x=110, y=y - 38, width=440, height=18,
                           fontName="Helvetica", fontSize=9, borderColor=colors.grey, fillColor=colors.HexColor("#F4F6F7"),
                           textColor=colors.black, forceBorder=True)
            c.drawString(36, y - 56, "Lead:")
            form.textfield(name=f"lead_{n}", value=r["owner"], x=110, y=y - 62, width=200, height=18,
                           fontName="Helvetica", fontSize=9, borderColor=colors.grey, fillColor=colors.HexColor("#F4F6F7"),
                           textColor=colors.black, forceBorder=True)
            c.drawString(330, y - 56, "Target date:")
            form.textfield(name=f"date_{n}", value=r["timeframe"], x=400, y=y - 62, width=150, height=18,
                           fontName="Helvetica", fontSize=9, borderColor=colors.grey, fillColor=colors.HexColor("#F4F6F7"),
                           textColor=colors.black, forceBorder=True)
            r["_extra"]["page"] = page
            y -= 78
        y -= 8
    c.setFont("Helvetica", 8); c.drawString(36, 30, "Signed off by the College Technician Steering Group.")
    c.showPage(); c.save()


# ------------------------------------------------------------------ gold
def nws(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u2013", "-"), ("\u2014", "-"), ("\u00ad", "")):
        s = s.replace(a, b)
    return re.sub(r"\s+", "", s).lower()


def page_texts(pdf):
    """Per page: the page text plus the text inside every cell / rectangle (so side-by-side cells and
    boxes do not interleave)."""
    import pdfplumber
    out = []
    with pdfplumber.open(pdf) as p:
        for pg in p.pages:
            parts = [pg.extract_text() or ""]
            boxes = [(r["x0"], r["top"], r["x1"], r["bottom"]) for r in pg.rects]
            for t in pg.find_tables():
                boxes += [c for c in t.cells if c]
            for b in boxes:
                b = (max(b[0], 0), max(b[1], 0), min(b[2], pg.width), min(b[3], pg.height))
                if b[2] - b[0] > 5 and b[3] - b[1] > 5:
                    try:
                        parts.append(pg.crop(b).extract_text() or "")
                    except Exception:
                        pass
            out.append("\n".join(nws(x) for x in parts))
            out[-1] = (out[-1], pg.extract_words(use_text_flow=False, keep_blank_chars=False))
    return out


def chain_found(words, text):
    """Words of `text` appear as a column block: each next word on the same line just right of the
    previous, or on the next line at the block's left edge."""
    toks = nws_tokens(text)
    ws = [(nws(w["text"]), w) for w in words]
    for i, (t0, w0) in enumerate(ws):
        if t0 != toks[0]:
            continue
        left, cur, k, ok = w0["x0"], w0, 1, True
        while k < len(toks):
            nxt = None
            for t, w in ws:
                if t != toks[k]:
                    continue
                same = abs(w["top"] - cur["top"]) < 2 and 0 <= w["x0"] - cur["x1"] < 15
                down = 0 < w["top"] - cur["top"] < 2.2 * (cur["bottom"] - cur["top"]) and abs(w["x0"] - left) < 4
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


def nws_tokens(text):
    return [nws(t) for t in text.split()]


def write_gold(plan, mode="pdf"):
    pdf = os.path.join(RAW, plan["file"])
    from pypdf import PdfReader
    rd = PdfReader(pdf)
    npages = len(rd.pages)
    problems = []
    rows = []
    if mode == "pdf":
        pages = page_texts(pdf)
    for r in plan["rows"]:
        found = None
        if mode == "pdf":
            want = nws(r["action_text"])
            found = next((i for i, (t, _) in enumerate(pages, 1) if want in t), None)
            if found is None:
                found = next((i for i, (_, w) in enumerate(pages, 1) if chain_found(w, r["action_text"])), None)
        elif mode == "scan":
            found = 1 if r in P3["rows"][:7] else 2
        elif mode == "form":
            fields = {k: v.get("/V") for k, v in (rd.get_fields() or {}).items()}
            if r["action_text"] in fields.values():
                found = r["_extra"]["page"]
        if found is None:
            problems.append(r["action_text"])
        gr = {k: v for k, v in r.items() if not k.startswith("_")}
        gr["page_start"] = found
        rows.append(gr)
    gold = {"source_file": plan["file"], "institution": plan["institution"], "title": plan["title"],
            "period_start": plan["period"][0], "period_end": plan["period"][1], "layout": plan["layout"],
            "stripped": plan["stripped"], "talent_annotated": plan["talent_annotated"], "pages": npages, "rows": rows}
    with open(os.path.join(GOLD, os.path.splitext(plan["file"])[0] + ".gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, indent=1, ensure_ascii=False)
    return problems, npages


if __name__ == "__main__":
    only = sys.argv[1:] or ["1", "2", "3", "4", "5", "6"]
    B = {"1": (build_p1, P1, "pdf"), "2": (build_p2, P2, "pdf"), "3": (build_p3, P3, "scan"),
         "4": (build_p4, P4, "pdf"), "5": (build_p5, P5, "pdf"), "6": (build_p6, P6, "form")}
    for k in only:
        fn, plan, mode = B[k]
        fn()
        probs, n = write_gold(plan, mode)
        print(f"{k} {plan['file']}: {len(plan['rows'])} rows, {n} pages, not found: {probs}")
