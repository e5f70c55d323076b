#!/usr/bin/env python3
"""Build the six blind-round-9 plans (raw/) and their gold (gold/) from plans_data.py.
Run: /work/main/.venv/bin/python make_plans.py [1..6]
1 python-docx -> LibreOffice: bilingual Welsh | English action table (A4 landscape, Caladea);
2 HTML kanban board (Trello/Planner style) -> headless chromium, A3 landscape;
3 reportlab logic-model table (Objective | Inputs | Activities | Outputs | Short-term | Long-term), bulleted activities;
4 python-docx -> LibreOffice A4 portrait table, re-imposed 2-up on A4 landscape sheets with pypdf;
5 python-docx report with the action table pasted as two PNG spreadsheet screenshots (PIL, 130 dpi) -> LibreOffice;
6 custom reportlab canvas typesetter: justified, hyphenated, ligature code points, footnotes, (a) (b) lists."""
import json, os, re, subprocess, sys, unicodedata, html
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from plans_data import *  # noqa

RAW, GOLD, BUILD = (os.path.join(HERE, d) for d in ("raw", "gold", "build"))
for d in (RAW, GOLD, BUILD):
    os.makedirs(d, exist_ok=True)
PAGEMAP = {}   # file -> {row index: page} when text search cannot give the page


def R(text, *, id=None, parent=None, section=None, aim=None, tf=None, owner=None, pillars=(), talent=(), sm=None,
      res=None, **extra):
    d = {"action_id": id, "parent_id": parent, "section": section, "aim": aim, "action_text": text,
         "details": None, "supporting_actions": None, "success_measures": sm, "timeframe": tf,
         "owner": owner, "resources": res, "pillars": list(pillars), "talent": list(talent), "page_start": None}
    d.update(extra)
    return d


def soffice_pdf(path):
    prof = "file://" + os.path.join(BUILD, "lo_profile")
    subprocess.run(["soffice", f"-env:UserInstallation={prof}", "--headless", "--convert-to", "pdf",
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


def cell_text(cell, text, bold=False, italic=False, size=None, color=None):
    from docx.shared import Pt, RGBColor
    cell.text = ""
    r = cell.paragraphs[0].add_run(text); r.bold = bold; r.italic = italic
    if size:
        r.font.size = Pt(size)
    if color:
        r.font.color.rgb = RGBColor.from_string(color)
    return r


def esc(s):
    return html.escape(s, quote=False)


# ------------------------------------------------------------------ 1 bilingual
def build_p1():
    from docx import Document
    from docx.shared import Cm, Pt, RGBColor
    from docx.enum.section import WD_ORIENT
    P1["rows"] = []
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(1.6); sec.top_margin = sec.bottom_margin = Cm(1.5)
    doc.styles["Normal"].font.name = "Caladea"; doc.styles["Normal"].font.size = Pt(9.5)
    sec.footer.paragraphs[0].text = "Prifysgol Dyffryn Tywi / Tywi Valley University \u2013 Cynllun Gweithredu / Action Plan"
    h = doc.add_paragraph(); r = h.add_run("Prifysgol Dyffryn Tywi  |  Tywi Valley University"); r.bold = True
    r.font.size = Pt(13); r.font.color.rgb = RGBColor.from_string("8B1E2D")
    h = doc.add_paragraph(); r = h.add_run("Ymrwymiad Technegwyr: Cynllun Gweithredu 2025\u20132028"); r.bold = True; r.font.size = Pt(16)
    h = doc.add_paragraph(); r = h.add_run("Technician Commitment Action Plan 2025\u20132028"); r.bold = True; r.font.size = Pt(16)
    r.font.color.rgb = RGBColor.from_string("555555")
    doc.add_paragraph("Mae\u2019r Brifysgol wedi llofnodi\u2019r Ymrwymiad Technegwyr ac mae\u2019r cynllun hwn yn nodi\u2019r camau "
                      "y byddwn yn eu cymryd dros y tair blynedd nesaf. Cyhoeddir y ddogfen hon yn Gymraeg ac yn Saesneg, "
                      "yn unol \u00e2 Safonau\u2019r Gymraeg.")
    p = doc.add_paragraph(); r = p.add_run(
        "The University has signed the Technician Commitment and this plan sets out the steps we will take over the next "
        "three years. This document is published in Welsh and English, in line with the Welsh Language Standards.")
    r.italic = True
    cols = ("Cyf. / Ref", "Cam gweithredu", "Action", "Arweinydd / Lead", "Amserlen / Timescale")
    n = 1 + 4 + len(P1_DATA)
    t = doc.add_table(rows=n, cols=5); t.style = "Table Grid"
    for j, c in enumerate(cols):
        cell_text(t.rows[0].cells[j], c, bold=True, color="FFFFFF"); shade(t.rows[0].cells[j], "8B1E2D")
    repeat_header(t.rows[0])
    i = 1
    for pil in ("V", "R", "CD", "S"):
        m = t.cell(i, 0).merge(t.cell(i, 4)); cy, en = P1_SECT[pil]
        cell_text(m, f"{cy} / {en}", bold=True); shade(m, "F2DCDB"); i += 1
        for ref, p_, cyt, ent, own, tf in P1_DATA:
            if p_ != pil:
                continue
            c = t.rows[i].cells
            c[0].text = ref
            c[1].text = cyt
            c[2].text = ent
            c[3].text = own[0]; rr = c[3].add_paragraph().add_run(own[1]); rr.italic = True
            c[4].text = tf[0]; rr = c[4].add_paragraph().add_run(tf[1]); rr.italic = True
            P1["rows"].append(R(ent, id=ref, section=PN[pil], tf=tf[1], owner=own[1], pillars=[pil],
                                welsh_text=cyt))
            i += 1
    set_widths(t, [Cm(1.6), Cm(8.6), Cm(8.6), Cm(3.9), Cm(3.7)])
    doc.add_paragraph()
    doc.add_paragraph("Monitro / Monitoring: bydd y Gr\u0175p Llywio yn adolygu\u2019r cynllun bob chwarter. "
                      "The Steering Group will review the plan every quarter.")
    p = os.path.join(BUILD, "p1.docx"); doc.save(p)
    os.replace(soffice_pdf(p), os.path.join(RAW, P1["file"]))


# ------------------------------------------------------------------ 2 kanban board
def build_p2():
    P2["rows"] = []
    COL = {"V": ("#0079BF", "Visibility"), "R": ("#89609E", "Recognition"), "CD": ("#61BD4F", "Career Development"),
           "S": ("#D29034", "Sustainability")}
    AV = {}
    pal = ["#E2725B", "#3E8ED0", "#8E6CBF", "#2BA58A", "#C7872E", "#D14D72"]
    lists = []
    for lname in ("To do", "In progress", "Done"):
        cards = [c for c in P2_CARDS if c[0] == lname]
        html_cards = []
        for _, title, pils, owner, due, chk in cards:
            ini = "".join(w[0] for w in owner.replace("Dr ", "").split()[:2]).upper()
            col = AV.setdefault(owner, pal[len(AV) % len(pal)])
            chips = "".join(f"<span class='chip' style='background:{COL[p][0]}'>{COL[p][1]}</span>" for p in pils)
            badge = "done" if lname == "Done" else ("over" if due.endswith("2025") else "")
            chk_html = f"<span class='badge'>&#9745; {chk}</span>" if chk else ""
            html_cards.append(f"""<div class='card'><div class='chips'>{chips}</div><div class='title'>{esc(title)}</div>
<div class='meta'><span class='badge due {badge}'>&#9719; Due {due}</span>{chk_html}</div>
<div class='who'><span class='av' style='background:{col}'>{ini}</span><span class='name'>{esc(owner)}</span></div></div>""")
            P2["rows"].append(R(title, section=None, tf=due, owner=owner, pillars=pils, status=lname))
        lists.append(f"""<div class='list'><div class='lh'><span>{lname}</span><span class='cnt'>{len(cards)}</span>
<span class='dots'>&#8943;</span></div>{''.join(html_cards)}<div class='add'>+ Add a card</div></div>""")
    members = "".join(f"<span class='av sm' style='background:{c}'>{''.join(w[0] for w in o.replace('Dr ', '').split()[:2])}</span>"
                      for o, c in AV.items())
    doc = f"""<!doctype html><html><head><meta charset='utf-8'><style>
@page {{ size: 420mm 297mm; margin: 8mm; }}
body {{ zoom:0.86; font-family: 'DejaVu Sans', sans-serif; margin:0; background:#1D5E8C; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
.top {{ background:#124466; color:#fff; padding:8px 14px; font-size:13px; display:flex; gap:18px; align-items:center }}
.top b {{ font-size:16px }} .btn {{ background:rgba(255,255,255,.2); padding:3px 9px; border-radius:3px; font-size:12px }}
.board {{ display:flex; gap:14px; padding:14px; align-items:flex-start }}
.list {{ background:#EBECF0; border-radius:8px; width:380px; padding:8px; flex:none }}
.lh {{ font-weight:bold; font-size:14px; padding:4px 6px 10px; display:flex; gap:8px; color:#172B4D }}
.cnt {{ background:#DFE1E6; border-radius:10px; padding:0 7px; font-weight:normal; font-size:12px }}
.dots {{ margin-left:auto; color:#6B778C }}
.card {{ background:#fff; border-radius:6px; box-shadow:0 1px 0 #091E4240; padding:8px 10px; margin-bottom:8px }}
.chip {{ display:inline-block; color:#fff; font-size:10px; font-weight:bold; border-radius:3px; padding:1px 7px; margin:0 4px 5px 0 }}
.title {{ font-size:13.5px; color:#172B4D; line-height:1.3; margin-bottom:6px }}
.meta {{ font-size:11px; color:#5E6C84; display:flex; gap:8px; margin-bottom:6px }}
.badge {{ padding:1px 5px; border-radius:3px }} .due.over {{ background:#EB5A46; color:#fff }} .due.done {{ background:#61BD4F; color:#fff }}
.who {{ display:flex; align-items:center; gap:6px; font-size:11.5px; color:#42526E }}
.av {{ display:inline-flex; width:24px; height:24px; border-radius:50%; color:#fff; font-size:10px; font-weight:bold; align-items:center; justify-content:center }}
.av.sm {{ width:22px; height:22px; margin-left:-4px; border:2px solid #124466 }}
.add {{ color:#5E6C84; font-size:12.5px; padding:4px 6px }}
</style></head><body>
<div class='top'><b>University of Aldermoor \u00b7 Technician Commitment Action Plan 2025\u201327</b><span class='btn'>&#9734;</span>
<span class='btn'>Workspace: Technical Services</span><span>{members}</span><span class='btn'>Filter</span><span class='btn'>Share</span></div>
<div class='board'>{''.join(lists)}</div>
<div style='color:#D6E4F0;font-size:11px;padding:0 16px'>Printed from Boards \u2022 14/11/2025 10:32 \u2022 Labels: Visibility, Recognition, Career Development, Sustainability (Technician Commitment pillars)</div>
</body></html>"""
    hp = os.path.join(BUILD, "p2.html"); open(hp, "w", encoding="utf-8").write(doc)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={os.path.join(BUILD, 'chrome')}",
                    f"--print-to-pdf={os.path.join(RAW, P2['file'])}", "file://" + hp], check=True, capture_output=True, timeout=120)


# ------------------------------------------------------------------ 3 logic model
def build_p3():
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle
    P3["rows"] = []
    st = ParagraphStyle("c", fontName="Helvetica", fontSize=8, leading=9.8)
    sth = ParagraphStyle("h", parent=st, fontName="Helvetica-Bold", textColor=colors.white)
    stb = ParagraphStyle("b", parent=st, fontName="Helvetica-Bold", fontSize=9)
    head = ["Objective", "Inputs", "Activities", "Outputs", "Short-term outcomes (1\u20132 years)", "Long-term impact"]
    data = [[Paragraph(h, sth) for h in head]]
    secs = []
    k = 0
    for pil in ("V", "R", "CD", "S"):
        k += 1
        secs.append(len(data))
        data.append([Paragraph(f"Priority {k} \u2013 {PN[pil]}", stb)] + [""] * 5)
        for oid, p_, obj, tal, inp, acts, outp, st_, lt in P3_DATA:
            if p_ != pil:
                continue
            acts_p = [Paragraph(esc(a), st, bulletText="\u2022") for a in acts]
            data.append([Paragraph(f"<b>{oid}</b> {esc(obj)}<br/><font color='#666666'>[TCR {', '.join(tal)}]</font>", st),
                         Paragraph(esc(inp), st), acts_p, Paragraph(esc(outp), st), Paragraph(esc(st_), st),
                         Paragraph(esc(lt), st)])
            for a in acts:
                P3["rows"].append(R(a, parent=oid, section=PN[pil], aim=obj, pillars=[pil], talent=tal, sm=outp, res=inp))
    W = [42 * mm, 38 * mm, 72 * mm, 48 * mm, 38 * mm, 39 * mm]
    t = Table(data, colWidths=W, repeatRows=1)
    cmds = [("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9AA5B1")), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#22577A")),
            ("BACKGROUND", (2, 1), (2, -1), colors.HexColor("#F1F8F4"))]
    for i in secs:
        cmds += [("SPAN", (0, i), (-1, i)), ("BACKGROUND", (0, i), (-1, i), colors.HexColor("#C7E9C0"))]
    t.setStyle(TableStyle(cmds))
    ts = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=15, leading=18, textColor=colors.HexColor("#22577A"))
    story = [Paragraph("Brackwater University", ParagraphStyle("i", fontName="Helvetica", fontSize=10)),
             Paragraph(P3["title"], ts), Spacer(1, 4),
             Paragraph("Our theory of change links what we put in (inputs) to what we will do (activities), what those "
                       "activities produce (outputs) and the difference we expect them to make. Each objective is tagged "
                       "with the TALENT Commission recommendations it answers.", st), Spacer(1, 6), t,
             Spacer(1, 6), Paragraph("Assumptions: funding for the registration budget and CPD fund is confirmed each "
                                     "financial year; the survey baseline is the 2025 technical staff survey.", st)]

    def foot(c, d):
        c.setFont("Helvetica", 7); c.setFillColor(colors.grey)
        c.drawString(12 * mm, 7 * mm, "Brackwater University \u2013 Technician Commitment theory of change")
        c.drawRightString(landscape(A4)[0] - 12 * mm, 7 * mm, f"Page {d.page}")
    SimpleDocTemplate(os.path.join(RAW, P3["file"]), pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                      topMargin=11 * mm, bottomMargin=13 * mm, title=P3["title"], author="People Directorate").build(
        story, onFirstPage=foot, onLaterPages=foot)


# ------------------------------------------------------------------ 4 two-up handout
def build_p4():
    from docx import Document
    from docx.shared import Cm, Pt, RGBColor
    P4["rows"] = []
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.0); sec.top_margin = sec.bottom_margin = Cm(2.0)
    doc.styles["Normal"].font.name = "Liberation Sans"; doc.styles["Normal"].font.size = Pt(11.5)
    sec.footer.paragraphs[0].text = "Calderbrook University \u2022 Technician Commitment Action Plan 2024\u20132027"
    doc.add_heading("Calderbrook University", 2)
    doc.add_heading(P4["title"], 0)
    doc.add_heading("Introduction", 1)
    for s in ("Calderbrook University became a signatory of the Technician Commitment in 2021. Our first self-assessment "
              "was completed in spring 2024 by a working group of technicians from every faculty, with colleagues from "
              "Human Resources and Organisational Development.",
              "This plan runs from September 2024 to August 2027. It is arranged in four strands, one for each pillar of "
              "the Commitment, and names a lead and a target date for every action. Progress will be reported to the "
              "University Executive Board and shared with all technical staff.",
              "The working group thanks the 212 technical colleagues who answered the 2024 survey and the 41 who came to "
              "the focus groups; their views shaped the priorities below."):
        doc.add_paragraph(s)
    doc.add_heading("Action plan", 1)
    cols = ("Ref.", "What we will do", "Who leads", "By when", "Evidence of success")
    t = doc.add_table(rows=1 + 4 + len(P4_DATA), cols=5); t.style = "Table Grid"
    for j, c in enumerate(cols):
        cell_text(t.rows[0].cells[j], c, bold=True, color="FFFFFF"); shade(t.rows[0].cells[j], "1F4E79")
    repeat_header(t.rows[0])
    i = 1
    for pil in ("V", "R", "CD", "S"):
        m = t.cell(i, 0).merge(t.cell(i, 4)); cell_text(m, P4_SECT[pil], bold=True); shade(m, "DDEBF7"); i += 1
        for ref, p_, act, lead, when, ev in P4_DATA:
            if p_ != pil:
                continue
            c = t.rows[i].cells
            c[0].text = ref; c[2].text = lead; c[3].text = when; c[4].text = ev
            if isinstance(act, list):
                for n, a in enumerate(act):
                    pp = c[1].paragraphs[0] if n == 0 else c[1].add_paragraph()
                    pp.add_run(f"{'ab'[n]}) {a}")
                    P4["rows"].append(R(a, id=f"{ref}.{'ab'[n]}", parent=ref, section=PN[pil], tf=when, owner=lead,
                                        pillars=[pil], sm=ev))
            else:
                c[1].text = act
                P4["rows"].append(R(act, id=ref, section=PN[pil], tf=when, owner=lead, pillars=[pil], sm=ev))
            i += 1
    set_widths(t, [Cm(1.2), Cm(6.6), Cm(3.3), Cm(2.6), Cm(3.3)])
    doc.add_heading("Governance and review", 1)
    doc.add_paragraph("The Technician Commitment Working Group meets every two months and owns this plan. Each lead "
                      "reports progress against their actions using a red, amber, green rating; actions rated red for two "
                      "consecutive meetings are escalated to the Director of Technical Services.")
    doc.add_paragraph("A mid-point review in autumn 2025 will check whether the targets remain realistic and add new "
                      "actions where the survey or focus groups point to gaps.")
    p = os.path.join(BUILD, "p4.docx"); doc.save(p)
    src = soffice_pdf(p)
    from pypdf import PdfReader, PdfWriter, Transformation, PageObject
    rd = PdfReader(src); wr = PdfWriter()
    W, H = 841.89, 595.28
    pw, ph = float(rd.pages[0].mediabox.width), float(rd.pages[0].mediabox.height)
    s = min((W / 2 - 24) / pw, (H - 30) / ph)
    for k in range(0, len(rd.pages), 2):
        sheet = PageObject.create_blank_page(width=W, height=H)
        for j in range(2):
            if k + j >= len(rd.pages):
                break
            x = (W / 2 - pw * s) / 2 + j * W / 2; y = (H - ph * s) / 2
            sheet.merge_transformed_page(rd.pages[k + j], Transformation().scale(s, s).translate(x, y))
        wr.add_page(sheet)
    wr.add_metadata({"/Title": "TC action plan handout", "/Producer": "pdfjam-like imposition (pypdf)"})
    with open(os.path.join(RAW, P4["file"]), "wb") as f:
        wr.write(f)
    # page of each row from the one-up PDF, mapped to its sheet
    pages = page_texts(src)
    PAGEMAP[P4["file"]] = {}
    for n, r in enumerate(P4["rows"]):
        pg = next((i for i, t in enumerate(pages, 1) if nws(r["action_text"]) in t), None) or \
            next((i for i, t in enumerate(pages, 1) if nws(" ".join(r["action_text"].split()[:4])) in t), None)
        PAGEMAP[P4["file"]][n] = (pg + 1) // 2 if pg else None


# ------------------------------------------------------------------ 5 table as pasted pictures
def sheet_png(rows, first_rownum, path, dpi=130):
    from PIL import Image, ImageDraw, ImageFont
    f = ImageFont.truetype("/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf", int(11 * dpi / 72))
    fb = ImageFont.truetype("/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf", int(11 * dpi / 72))
    fh = ImageFont.truetype("/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf", int(9.5 * dpi / 72))
    px = lambda pt: int(pt * dpi / 72)
    widths = [px(42), px(300), px(110), px(80), px(52)]
    rh_w = px(26); ch_h = px(16); line = px(14.5)
    heads = ["ID", "Action", "Owner", "Deadline", "Pillar(s)"]

    def wrap(text, font, w):
        out, cur = [], ""
        for word in text.split():
            t = (cur + " " + word).strip()
            if font.getlength(t) <= w - px(6):
                cur = t
            else:
                out.append(cur); cur = word
        out.append(cur)
        return out
    body = []
    for r in rows:
        cells = [wrap(c, f, w) for c, w in zip(r, widths)]
        body.append((cells, max(len(c) for c in cells) * line + px(5)))
    head_h = line + px(6)
    Wt = rh_w + sum(widths) + 1; Ht = ch_h + head_h + sum(h for _, h in body) + 1
    im = Image.new("RGB", (Wt, Ht), "white"); d = ImageDraw.Draw(im)
    d.rectangle([0, 0, Wt, ch_h], fill="#E6E6E6"); d.rectangle([0, 0, rh_w, Ht], fill="#E6E6E6")
    x = rh_w
    for j, w in enumerate(widths):
        d.text((x + w / 2 - 4, 2), "ABCDE"[j], font=fh, fill="#444444"); d.line([x, 0, x, Ht], fill="#C8C8C8"); x += w
    d.line([Wt - 1, 0, Wt - 1, Ht], fill="#C8C8C8")
    y = ch_h
    d.line([0, y, Wt, y], fill="#C8C8C8")
    # header row (row number first_rownum-1 visible as header row of the range)
    d.rectangle([rh_w + 1, y + 1, Wt - 2, y + head_h - 1], fill="#305496")
    d.text((4, y + 3), str(first_rownum), font=fh, fill="#444444")
    x = rh_w
    for j, w in enumerate(widths):
        d.text((x + px(3), y + px(3)), heads[j], font=fb, fill="white"); x += w
    y += head_h; d.line([0, y, Wt, y], fill="#C8C8C8")
    for k, (cells, h) in enumerate(body, 1):
        if k % 2 == 0:
            d.rectangle([rh_w + 1, y + 1, Wt - 2, y + h - 1], fill="#DDEBF7")
        d.text((4, y + 3), str(first_rownum + k), font=fh, fill="#444444")
        x = rh_w
        for j, w in enumerate(widths):
            for n, ln in enumerate(cells[j]):
                d.text((x + px(3), y + px(3) + n * line), ln, font=f, fill="black")
            x += w
        y += h; d.line([0, y, Wt, y], fill="#C8C8C8")
    x = rh_w
    for w in widths:
        d.line([x, ch_h, x, Ht], fill="#9C9C9C"); x += w
    im.save(path, dpi=(dpi, dpi))
    return Wt / dpi  # inches


def build_p5():
    from docx import Document
    from docx.shared import Cm, Pt, Inches
    from docx.enum.text import WD_BREAK
    P5["rows"] = []
    rows = [(i, a, o, d, ", ".join(p)) for i, a, o, d, p in P5_DATA]
    halves = [rows[:8], rows[8:]]
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.59), Cm(27.94)   # US Letter, as the template came
    sec.left_margin = sec.right_margin = Cm(2.2)
    doc.styles["Normal"].font.name = "Carlito"; doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading("Ashcombe Valley University", 1)
    doc.add_heading(P5["title"], 0)
    doc.add_heading("1. Introduction", 1)
    doc.add_paragraph("Ashcombe Valley University signed the Technician Commitment in 2022. This plan was drawn up by the "
                      "Technician Commitment Steering Group after the 2024 self-assessment and runs until July 2027.")
    doc.add_paragraph("The actions are grouped by pillar (V = Visibility, R = Recognition, CD = Career Development, "
                      "S = Sustainability). The full tracker is kept as a shared spreadsheet by the TC Champion; the "
                      "extract below was taken from it on 12 June 2025.")
    doc.add_heading("2. Our actions", 1)
    for n, half in enumerate(halves):
        png = os.path.join(BUILD, f"p5_sheet{n + 1}.png")
        w_in = sheet_png(half, 4 + 8 * n if n else 4, png)
        if n:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            doc.add_heading("2. Our actions (continued)", 2)
        doc.add_picture(png, width=Inches(min(w_in, 6.6)))
        for i, a, o, d, p in half:
            P5["rows"].append(R(a, id=i, section=None, tf=d, owner=o, pillars=[x.strip() for x in p.split(",")]))
    doc.add_heading("3. Monitoring", 1)
    doc.add_paragraph("The Steering Group reviews the tracker at each meeting and reports to the People Committee twice a "
                      "year. Actions may be added as the plan develops.")
    p = os.path.join(BUILD, "p5.docx"); doc.save(p)
    out = os.path.join(RAW, P5["file"]); os.replace(soffice_pdf(p), out)
    import pdfplumber
    with pdfplumber.open(out) as pl:
        img_pages = [k for k, pg in enumerate(pl.pages, 1) if pg.images]
    PAGEMAP[P5["file"]] = {n: img_pages[0] if n < 8 else img_pages[1] for n in range(16)}


# ------------------------------------------------------------------ 6 typeset
HY = {}
for w in ("tech-ni-cian", "tech-ni-cians", "tech-ni-cal", "iden-ti-fies", "iden-ti-fied", "spe-cial-ism", "fa-cil-ity",
          "fa-cil-i-ties", "pro-files", "In-sti-tute", "In-sti-tute\u2019s", "rep-re-sent-ed", "op-er-a-tions",
          "com-mit-tee", "sub-com-mit-tee", "Sci-en-tif-ic", "Ad-vi-so-ry", "in-stru-ment", "vis-it-ing", "fi-nan-cial",
          "sup-port", "pro-fes-sion-al", "reg-is-tra-tion", "en-gi-neer-ing", "li-cens-ing", "Es-tab-lish",
          "Di-rec-tor\u2019s", "nom-i-na-tions", "con-tri-bu-tions", "ac-knowl-edged", "pub-li-ca-tions", "fol-low-ing",
          "tax-on-o-my", "Nom-i-nate", "ex-ter-nal", "in-clud-ing", "sec-tor\u2019s", "frame-work", "ex-pect-ed",
          "clear-ly", "per-son-al", "de-vel-op-ment", "con-fer-ences", "cer-ti-fi-ca-tion", "ap-point-ed", "ex-pe-ri-enced",
          "dif-fer-ent", "In-tro-duce", "sec-ond-ments", "imag-ing", "se-quenc-ing", "lead-er-ship", "ac-cred-it-ed",
          "Char-tered", "Man-age-ment", "work-flow", "equip-ment", "re-cov-ered", "ef-fi-cient-ly", "Lab-o-ra-to-ry",
          "Ef-fi-cien-cy", "As-sess-ment", "lab-o-ra-to-ries", "sav-ings", "qual-i-fi-ca-tion", "suc-ces-sion",
          "spe-cial-ist", "crit-i-cal", "knowl-edge", "find-ings", "Stream-line", "re-quests", "work-shops", "tick-et-ing",
          "sig-na-to-ry", "Com-mit-ment", "com-mu-ni-ty", "un-der-stand-ing", "con-sul-ta-tion", "through-out",
          "ex-per-tise", "in-fra-struc-ture", "ca-reer", "re-cog-ni-tion", "vis-i-bil-i-ty", "sus-tain-abil-i-ty",
          "Steer-ing", "re-spon-si-ble", "pro-gress", "re-port-ed", "Gov-ern-ing", "ap-proved", "ef-fi-cien-cies",
          "ben-e-fit", "re-sourc-es", "ap-pren-tice-ships", "or-gan-i-sa-tion", "en-vi-ron-ment", "an-nu-al",
          "ev-ery", "re-fresh", "Pro-duce", "se-ries", "Re-quire", "ed-u-ca-tion", "Com-pile", "reg-is-ter",
          "ded-i-cat-ed", "Ac-tion", "Sus-tain-abil-i-ty", "Vis-i-bil-i-ty", "Recog-ni-tion", "par-tic-i-pa-tion"):
    HY[w.replace("-", "")] = [len(x) for x in w.split("-")]


def vcv(w):
    """fallback hyphenation points: V-CV, at least 3 letters either side; as part lengths."""
    V = set("aeiouy")
    cuts = [i for i in range(3, len(w) - 3) if w[i - 1].lower() in V and w[i].lower() not in V and w[i + 1].lower() in V
            and w[i] not in "’'"]
    if not cuts:
        return [len(w)]
    out, prev = [], 0
    for ct in cuts:
        out.append(ct - prev); prev = ct
    out.append(len(w) - prev)
    return out


def lig(s):
    return s.replace("ffi", "\ufb03").replace("ffl", "\ufb04").replace("ff", "\ufb00").replace("fi", "\ufb01").replace("fl", "\ufb02")


def build_p6():
    from reportlab.pdfgen import canvas
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    for nm, fn in (("Ser", "DejaVuSerif.ttf"), ("SerB", "DejaVuSerif-Bold.ttf"), ("SerI", "DejaVuSerif-Italic.ttf")):
        pdfmetrics.registerFont(TTFont(nm, "/usr/share/fonts/truetype/dejavu/" + fn))
    P6["rows"] = []
    Wp, Hp = A4
    LM, RMx, TOP, BOT = 38 * mm, Wp - 38 * mm, Hp - 30 * mm, 28 * mm
    FS, LD = 10.5, 13.5
    c = canvas.Canvas(os.path.join(RAW, P6["file"]), pagesize=A4)
    c.setTitle(P6["title"]); c.setAuthor("Technician Commitment Steering Group"); c.setCreator("LaTeX with hyperref")
    c.setProducer("pdfTeX-1.40.25")
    st = {"page": 1, "y": TOP, "fn": [], "fnh": 0.0}
    fnsize, fnlead = 7.5, 9.5

    def newpage():
        draw_footnotes()
        c.setFont("Ser", 9); c.drawCentredString(Wp / 2, 15 * mm, str(st["page"]))
        c.showPage(); st["page"] += 1; st["y"] = TOP; st["fn"] = []; st["fnh"] = 0.0

    def fn_lines(n, text):
        # wrap the footnote to the measure
        words = lig(text).split(); lines, cur = [], f""
        for w in words:
            t = (cur + " " + w).strip()
            if pdfmetrics.stringWidth(t, "Ser", fnsize) + 10 <= RMx - LM:
                cur = t
            else:
                lines.append(cur); cur = w
        lines.append(cur)
        return lines

    def draw_footnotes():
        if not st["fn"]:
            return
        y = BOT + st["fnh"] - 2
        c.setLineWidth(0.4); c.line(LM, y + 4, LM + 50 * mm, y + 4)
        y -= fnlead - 2
        for n, lines in st["fn"]:
            c.setFont("Ser", 5.5); c.drawString(LM, y + 3, str(n))
            c.setFont("Ser", fnsize)
            for ln in lines:
                c.drawString(LM + 6, y, ln); y -= fnlead

    def words_of(text):
        # tokens: (word, footnote-number or None)
        out = []
        for w in text.split():
            m = re.search(r"\{(\d)\}", w)
            fnn = None
            if m:
                fnn = int(m.group(1)); w = w.replace(m.group(0), "")
            out.append((w, fnn))
        return out

    def wwidth(w, font, size, fnn):
        return pdfmetrics.stringWidth(lig(w), font, size) + (pdfmetrics.stringWidth(str(fnn), "Ser", 6) if fnn else 0)

    def para(text, x0, font="Ser", size=FS, first_prefix=None, footnotes=None, justify=True, tail=None):
        """tail: list of (text, font) appended after the text (e.g. italic owner)."""
        toks = [(w, n, font) for w, n in words_of(text)]
        if tail:
            for t, f in tail:
                toks += [(w, None, f) for w in t.split()]
        lines, cur, curw = [], [], 0.0
        sp = pdfmetrics.stringWidth(" ", font, size)
        meas = RMx - x0
        i = 0
        while i < len(toks):
            w, n, f = toks[i]
            ww = wwidth(w, f, size, n)
            need = ww + (sp if cur else 0)
            if curw + need <= meas:
                cur.append((w, n, f)); curw += need; i += 1; continue
            # try hyphenation
            core = re.match(r"^([\(\u2018]?)([A-Za-z\u2019]+)([.,;:\u2019\)]*)$", w)
            done = False
            if core and not n and (core.group(2) in HY or len(core.group(2)) >= 7):
                parts = HY.get(core.group(2)) or vcv(core.group(2)); pre = core.group(1)
                for k in range(len(parts) - 1, 0, -1):
                    cut = sum(parts[:k]); head = pre + core.group(2)[:cut] + "-"
                    hw = pdfmetrics.stringWidth(lig(head), f, size) + (sp if cur else 0)
                    if curw + hw <= meas and cut >= 2 and len(core.group(2)) - cut >= 3:
                        cur.append((head, None, f)); lines.append(cur)
                        toks[i] = (core.group(2)[cut:] + core.group(3), n, f)
                        cur, curw = [], 0.0; done = True; break
            if not done:
                lines.append(cur); cur, curw = [], 0.0
        if cur:
            lines.append(cur)
        for li, ln in enumerate(lines):
            if st["y"] - LD < BOT + st["fnh"]:
                newpage()
            y = st["y"] - LD + 3
            if li == 0 and first_prefix:
                c.setFont(font, size); c.drawString(x0 - 22, y, first_prefix)
            natural = sum(wwidth(w, f, size, n) for w, n, f in ln)
            gaps = len(ln) - 1
            last = li == len(lines) - 1
            gap = (meas - natural) / gaps if (justify and gaps and not last) else sp
            x = x0
            for w, n, f in ln:
                c.setFont(f, size); c.drawString(x, y, lig(w)); x += pdfmetrics.stringWidth(lig(w), f, size)
                if n:
                    c.setFont("Ser", 6); c.drawString(x, y + 4, str(n)); x += pdfmetrics.stringWidth(str(n), "Ser", 6)
                    ftxt = footnotes[n]
                    lines_ = fn_lines(n, ftxt)
                    st["fn"].append((n, lines_)); st["fnh"] += len(lines_) * fnlead + (8 if len(st["fn"]) == 1 else 0)
                x += gap
            st["y"] -= LD
        return st["page"]

    def heading(text, size=12, space=10):
        if st["y"] - space - size * 3 < BOT + st["fnh"]:
            newpage()
        st["y"] -= space
        c.setFont("SerB", size); c.drawString(LM, st["y"] - size, lig(text)); st["y"] -= size + 6

    # title block
    c.setFont("SerB", 16); c.drawCentredString(Wp / 2, TOP - 10, lig(P6["title"]))
    c.setFont("Ser", 11); c.drawCentredString(Wp / 2, TOP - 30, "Thornleigh Institute for Advanced Research")
    c.setFont("SerI", 10); c.drawCentredString(Wp / 2, TOP - 46, "Technician Commitment Steering Group \u2014 March 2025")
    st["y"] = TOP - 70
    heading("1  Introduction")
    fns = {1: None}
    intro = [("The Thornleigh Institute became a signatory of the Technician Commitment in 2019{1}. Since then the "
              "Institute has identified the technical community as central to its scientific strategy: technicians run "
              "the imaging, sequencing and fabrication facilities on which every research group depends, and their "
              "expertise is increasingly sought by external partners.",
              {1: "Signatories publish an action plan and report progress against it every three years."}),
             ("This plan was drafted after a consultation in which 86 technical staff took part. It sets out what the "
              "Institute will do over the next three years under each of the four pillars of the Commitment. Each "
              "action names the officer responsible and the date by which it is to be completed; progress will be "
              "reported to the Governing Board every six months, and the efficiency of the workflow between the "
              "facilities will be reviewed in the second year{2}.",
              {2: "The review will be carried out by an external assessor appointed by the Board."}),
             ]
    for t, fd in intro:
        para(t, LM, footnotes=fd); st["y"] -= 4
    heading("2  Actions")
    para("The actions below are numbered by subsection so that progress reports can refer to them unambiguously, for "
         "example \u201c2.3(b)\u201d.", LM); st["y"] -= 2
    # renumber footnotes globally from 3
    fn_counter = [2]
    for sub, name, pil in P6_SUBS:
        heading(f"{sub}  {name}", size=11, space=8)
        items = [x for x in P6_DATA if x[0] == sub]
        for k, (s_, act, owner, by, fnotes) in enumerate(items):
            letter = "abcdefgh"[k]
            fd = {}
            a2 = act
            for j, ft in enumerate(fnotes, 1):
                fn_counter[0] += 1
                a2 = re.sub(r"\{\d\}", "{%d}" % fn_counter[0], a2, count=1); fd[fn_counter[0]] = ft
            pg = st["page"] if st["y"] - LD >= BOT + st["fnh"] else st["page"] + 1
            para(a2, LM + 24, first_prefix=f"({letter})", footnotes=fd,
                 tail=[("Owner:", "SerI"), (owner + ".", "Ser"), ("By:", "SerI"), (by + ".", "Ser")])
            st["y"] -= 3
            clean = re.sub(r"\{\d\}", "", act)
            P6["rows"].append(R(clean, id=f"{sub}.{letter}", parent=sub, section=PN[pil], tf=by, owner=owner,
                                pillars=[pil]))
            PAGEMAP.setdefault(P6["file"], {})[len(P6["rows"]) - 1] = pg
    heading("3  Monitoring and review")
    para("The Steering Group will meet quarterly. A short progress note will be circulated to all staff after each "
         "meeting, and a full report, including the results of the staff survey, will be published in 2028 alongside "
         "the Institute\u2019s next self-assessment.", LM)
    draw_footnotes()
    c.setFont("Ser", 9); c.drawCentredString(Wp / 2, 15 * mm, str(st["page"]))
    c.showPage(); c.save()


# ------------------------------------------------------------------ gold
def nws(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u2013", "-"), ("\u2014", "-"), ("\u00ad", "")):
        s = s.replace(a, b)
    return re.sub(r"\s+", "", s).lower()


def page_texts(pdf, halves=False):
    import pdfplumber
    out = []
    with pdfplumber.open(pdf) as p:
        for pg in p.pages:
            parts = [pg.extract_text() or ""]
            if halves == "slide":
                x = 0
                while x < pg.width:
                    parts.append(pg.crop((x, 0, min(pg.width, x + 260), pg.height)).extract_text() or ""); x += 12
            elif halves:
                W = pg.width
                parts += [pg.crop((0, 0, W / 2, pg.height)).extract_text() or "",
                          pg.crop((W / 2, 0, W, pg.height)).extract_text() or ""]
            for t in pg.find_tables():
                for b in t.cells:
                    if b and b[2] - b[0] > 5 and b[3] - b[1] > 5:
                        try:
                            parts.append(pg.crop(b).extract_text() or "")
                        except Exception:
                            pass
            out.append("\n".join(nws(x) for x in parts))
    return out


def dehyph(t):
    return re.sub(r"-\s*\n", "", t)


def write_gold(plan):
    pdf = os.path.join(RAW, plan["file"])
    from pypdf import PdfReader
    npages = len(PdfReader(pdf).pages)
    pages = page_texts(pdf, halves="slide" if plan is P2 else True)
    if plan is P6:   # rejoin hyphenated line ends and drop footnote markers for the check only
        import pdfplumber
        with pdfplumber.open(pdf) as p:
            pages = [nws(re.sub(r"(?<=[a-z.])\d", "", dehyph(pg.extract_text() or ""))) for pg in p.pages]
            pages = [t + nws(re.sub(r"(?<=[a-z.])\d", "", dehyph(p.pages[i + 1].extract_text() or ""))) if i + 1 < len(p.pages) else t
                     for i, t in enumerate(pages)]
    pm = PAGEMAP.get(plan["file"], {})
    problems, rows = [], []
    for n, r in enumerate(plan["rows"]):
        want = nws(r["action_text"])
        found = next((i for i, t in enumerate(pages, 1) if want in t), None)
        if found is None and plan is not P5:
            problems.append(r["action_text"][:60])
        r = dict(r); r["page_start"] = pm.get(n, found)
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
    B = {"1": (build_p1, P1), "2": (build_p2, P2), "3": (build_p3, P3), "4": (build_p4, P4), "5": (build_p5, P5),
         "6": (build_p6, P6)}
    for k in only:
        fn, plan = B[k]
        fn()
        probs, n = write_gold(plan)
        print(f"{k} {plan['file']}: {len(plan['rows'])} rows, {n} pages, not found: {probs}")
