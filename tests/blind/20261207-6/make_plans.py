#!/usr/bin/env python3
"""Build the six blind-round-10 plans (raw/) and their gold (gold/) from plans_data.py.
Run: /work/main/.venv/bin/python make_plans.py [1..6]
1 Notion-style page (callouts, open toggles, inline database with select/person/date/multi-select) -> chromium, Letter;
2 openpyxl workbook printed by LibreOffice Calc with row/column headings, gridlines, outline-grouped rows, A4 landscape;
3 python-docx RACI matrix (roles x actions, R/A/C/I letters, By when) -> LibreOffice, A4 landscape;
4 reportlab roadmap drawing: term axis, milestone boxes above/below, colour per pillar + legend, A3 landscape;
5 reportlab AcroForm (values only in widgets, own wrapped appearance streams, combo box Pillar), A4;
6 reportlab typed table -> 150 dpi, 1-bit, skewed ~2 deg, speckle, fax header -> image-only PDF (A4)."""
import json, os, re, subprocess, sys, unicodedata, html, random, math
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from plans_data import *  # noqa

RAW, GOLD, BUILD = (os.path.join(HERE, d) for d in ("raw", "gold", "build"))
for d in (RAW, GOLD, BUILD):
    os.makedirs(d, exist_ok=True)
PAGEMAP = {}   # file -> {row index: page}
TEXTSRC = {}   # file -> list of page texts to check gold against (when the PDF's text layer cannot show them)
ROWS = {}      # file -> gold rows
FONTS = "/usr/share/fonts/truetype/"


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


def esc(s):
    return html.escape(s, quote=False)


def reg_fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    for name, f in [("Carlito", "crosextra/Carlito-Regular.ttf"), ("Carlito-Bold", "crosextra/Carlito-Bold.ttf"),
                    ("Carlito-Italic", "crosextra/Carlito-Italic.ttf"),
                    ("DVC", "dejavu/DejaVuSansCondensed.ttf"), ("DVC-Bold", "dejavu/DejaVuSansCondensed-Bold.ttf"),
                    ("DVC-Oblique", "dejavu/DejaVuSansCondensed-Oblique.ttf"),
                    ("LSerif", "liberation/LiberationSerif-Regular.ttf"), ("LSerif-Bold", "liberation/LiberationSerif-Bold.ttf")]:
        try:
            pdfmetrics.registerFont(TTFont(name, FONTS + f))
        except Exception as e:
            print("font", name, e)


# ------------------------------------------------------------------ 1 Notion page
CHIP = {"Not started": ("#E3E2E0", "#32302C"), "In progress": ("#D3E5EF", "#183347"), "Done": ("#DBEDDB", "#1C3829")}
PCHIP = {"V": ("#FADEC9", "#49290E"), "R": ("#FDECC8", "#402C1B"), "CD": ("#E8DEEE", "#412454"), "S": ("#DBEDDB", "#1C3829")}
AV = ["#E16259", "#2F80ED", "#9065B0", "#0F7B6C", "#D9730D", "#CB912F"]


def build_p1():
    def person(n):
        ini = "".join(w[0] for w in n.replace("Dr ", "").split()[:2])
        col = AV[sum(map(ord, n)) % len(AV)]
        return (f"<span class='person'><span class='av' style='background:{col}'>{ini[0]}</span>{esc(n)}</span>")
    rows = []
    for a, st, own, due, pil in P1_ROWS:
        bg, fg = CHIP[st]
        dot = {"Not started": "#91918E", "In progress": "#2E7CD1", "Done": "#448361"}[st]
        rows.append(
            "<tr><td class='title'><span class='doc'>&#9636;</span>" + esc(a) + "</td>"
            f"<td><span class='chip' style='background:{bg};color:{fg}'><i style='background:{dot}'></i>{st}</span></td>"
            "<td>" + "".join(person(o) for o in own) + "</td>"
            f"<td style='white-space:nowrap'>{due}</td><td>" + "".join(
                f"<span class='chip' style='background:{PCHIP[p][0]};color:{PCHIP[p][1]}'>{PN[p]}</span>" for p in pil)
            + "</td></tr>")
    icon = ("<svg width='78' height='78' viewBox='0 0 64 64'><rect x='4' y='4' width='56' height='56' rx='12' fill='#F4EEE6'/>"
            "<path d='M40 14a10 10 0 0 0-9.4 13.4L15 43l6 6 15.6-15.6A10 10 0 0 0 50 24l-6 6-5-1-1-5 6-6a10 10 0 0 0-4-4z' "
            "fill='#8A5A2B'/></svg>")
    bulb = ("<svg width='20' height='20' viewBox='0 0 20 20'><circle cx='10' cy='8' r='6' fill='#F5C518'/>"
            "<rect x='7' y='14' width='6' height='4' rx='1' fill='#8C8C8C'/></svg>")
    pin = ("<svg width='20' height='20' viewBox='0 0 20 20'><circle cx='10' cy='7' r='5' fill='#E03E3E'/>"
           "<rect x='9' y='11' width='2' height='8' fill='#555'/></svg>")
    ico = lambda s: f"<span class='pi'>{s}</span>"
    doc = f"""<!doctype html><html><head><meta charset='utf-8'><style>
@page {{ size: Letter; margin: 14mm 12mm 16mm 12mm; }}
body {{ font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; color:#37352F; font-size:13px; line-height:1.5; margin:0 }}
.crumb {{ color:#9B9A97; font-size:11.5px; margin-bottom:26px }}
h1 {{ font-size:34px; font-weight:700; margin:6px 0 14px 0; line-height:1.2 }}
h2 {{ font-size:21px; font-weight:600; margin:26px 0 6px 0 }}
.callout {{ display:flex; gap:10px; padding:14px 16px 14px 12px; border-radius:4px; margin:8px 0 }}
.callout p {{ margin:0 }}
.toggle {{ margin:4px 0 }} .toggle > .th {{ font-weight:400 }} .toggle > .th::before {{ content:'\\25BE'; display:inline-block; width:20px; color:#37352F }}
.toggle > .tb {{ padding-left:22px }} .toggle ul {{ margin:2px 0; padding-left:20px }}
.meta {{ color:#787774; font-size:12px }}
.dbt {{ font-size:16px; font-weight:600; margin:18px 0 4px 0 }}
.tabs {{ font-size:12px; color:#787774; border-bottom:1px solid #E9E9E7; padding-bottom:5px; margin-bottom:0 }}
.tabs b {{ color:#37352F; border-bottom:2px solid #37352F; padding-bottom:5px; margin-right:14px; font-weight:500 }}
.tabs span {{ margin-right:14px }}
table {{ border-collapse:collapse; width:100%; font-size:12.5px; table-layout:fixed }}
th {{ color:#787774; font-weight:400; text-align:left; padding:6px 8px; border:1px solid #E9E9E7; border-left:none; font-size:12px }}
td {{ border:1px solid #E9E9E7; border-left:none; padding:6px 8px; vertical-align:top; line-height:1.45 }}
th:last-child, td:last-child {{ border-right:none }}
tr {{ page-break-inside: avoid }}
td.title {{ font-weight:500 }} .doc {{ color:#A5A29D; margin-right:6px; font-size:11px }}
.chip {{ display:inline-block; border-radius:3px; padding:0 6px; margin:1px 4px 2px 0; font-size:12px; line-height:20px; white-space:nowrap }}
.chip i {{ display:inline-block; width:7px; height:7px; border-radius:50%; margin-right:5px; vertical-align:1px }}
.person {{ display:inline-block; white-space:nowrap; margin:1px 6px 2px 0 }}
.av {{ display:inline-block; width:19px; height:19px; border-radius:50%; color:#fff; font-size:10.5px; text-align:center; line-height:19px; margin-right:6px; font-weight:600 }}
.pi {{ color:#9B9A97; margin-right:5px; font-size:11px }}
.foot {{ color:#9B9A97; font-size:12px; padding:6px 8px; border-top:1px solid #E9E9E7 }}
</style></head><body>
<div class='crumb'>Kilnsey University Staff Wiki &nbsp;/&nbsp; People &amp; Culture &nbsp;/&nbsp; Technical Community &nbsp;/&nbsp; Technician Commitment Plan 2025\u20132027</div>
{icon}
<h1>Technician Commitment Plan 2025\u20132027</h1>
<div class='meta'>Owned by the Technician Commitment Working Group &nbsp;\u2022&nbsp; Last edited 3 November 2025</div>
<div class='callout' style='background:#F1F1EF'>{bulb}<p>This page is the live copy of Kilnsey University's action plan for the
Technician Commitment. The PDF on the public website is exported from it each term. Owners update the Status of
their own rows; please talk to the working group before adding or removing an action.</p></div>
<h2>Background</h2>
<div class='toggle'><div class='th'>Where this plan came from</div><div class='tb'>
<p>Kilnsey signed the Technician Commitment in 2021. Our first self-assessment found that technicians were proud of
their work but felt it was seldom seen outside their own building, and that the routes to promotion were unclear.
A survey in spring 2025 (214 responses, a 61% response rate) and four focus groups shaped the actions below.</p></div></div>
<div class='toggle'><div class='th'>Working group members</div><div class='tb'><ul>
<li>Graham Pell, Director of Research Services (chair)</li><li>Megan Oduya, Senior Technician, Chemistry</li>
<li>Rosa Benn, HR Partner for Technical Staff</li><li>Tom Ashworth, Digital Communications</li>
<li>Leila Haddad, Workshop Manager, Engineering</li><li>Sam Whitcombe, Learning and Development</li>
<li>Dr Anika Rao, Associate Dean for Research Culture</li></ul></div></div>
<div class='toggle'><div class='th'>The four pillars</div><div class='tb'><ul>
<li><b>Visibility</b> \u2013 technicians are known, and their work is seen inside and outside the University.</li>
<li><b>Recognition</b> \u2013 professional registration, awards and fair credit for technical work.</li>
<li><b>Career Development</b> \u2013 clear pathways, training and opportunities to progress.</li>
<li><b>Sustainability</b> \u2013 a technical workforce with the skills the University will need in future.</li></ul></div></div>
<h2>What we will do</h2>
<div class='callout' style='background:#FBF3DB'>{pin}<p>Filter the table by Pillar to see one pillar at a time. Due dates are
the dates the working group will check progress; most actions continue after them.</p></div>
<div class='dbt'>&#9638; Action tracker</div>
<div class='tabs'><b>&#9638; All actions</b><span>&#9638; By pillar</span><span>&#9776; Timeline</span></div>
<table><colgroup><col style='width:35%'><col style='width:13%'><col style='width:17%'><col style='width:16%'><col style='width:19%'></colgroup>
<tr><th>{ico('Aa')}Action</th><th>{ico('&#9673;')}Status</th><th>{ico('&#9786;')}Owner</th><th>{ico('&#9635;')}Due</th><th>{ico('&#9776;')}Pillar</th></tr>
{''.join(rows)}
</table>
<div class='foot'>+ New</div>
<div class='foot' style='border:none'>COUNT&nbsp; {len(P1_ROWS)}</div>
<h2>Related pages</h2>
<p>\u2197 Technician Commitment self-assessment 2024 &nbsp;&nbsp; \u2197 Technical staff survey 2025: results &nbsp;&nbsp; \u2197 Working group minutes</p>
</body></html>"""
    hp = os.path.join(BUILD, "p1.html"); open(hp, "w", encoding="utf-8").write(doc)
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={os.path.join(BUILD, 'chrome')}",
                    f"--print-to-pdf={os.path.join(RAW, P1['file'])}", "file://" + hp], check=True, capture_output=True, timeout=120)
    ROWS[P1["file"]] = [R(a, tf=due, owner=", ".join(own), pillars=pil, status=st) for a, st, own, due, pil in P1_ROWS]


# ------------------------------------------------------------------ 2 workbook with headings
def build_p2():
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.worksheet.properties import PageSetupProperties
    wb = Workbook(); ws = wb.active; ws.title = "Action plan"
    F = lambda **k: Font(name="Carlito", size=k.pop("size", 10), **k)
    wrap = Alignment(wrap_text=True, vertical="top")
    ws["A1"] = "Lowmoor University \u2013 Technician Commitment Action Plan 2024\u20132027"; ws["A1"].font = F(size=14, bold=True)
    ws["A2"] = "Version 1.3 \u2013 approved by the Research & Innovation Committee, 12 June 2024. TALENT ref = TALENT Commission recommendation."
    ws["A2"].font = F(size=9, italic=True)
    hdr = ["Ref", "Objective", "Action", "Lead", "Target date", "Measure of success", "TALENT ref"]
    for j, h in enumerate(hdr, 1):
        c = ws.cell(row=4, column=j, value=h); c.font = F(bold=True, color="FFFFFF"); c.alignment = wrap
        c.fill = PatternFill("solid", fgColor="305496")
    r = 5; rows = []
    for p, strand, items in P2_STRANDS:
        c = ws.cell(row=r, column=1, value=strand); c.font = F(bold=True, size=11)
        for j in range(1, 8):
            ws.cell(row=r, column=j).fill = PatternFill("solid", fgColor="D9E1F2")
        r += 1; first = r
        for ref, obj, act, lead, tgt, meas, tal in items:
            if isinstance(act, list):
                text = "\n".join(f"({'abcdefgh'[i]}) {a}" for i, a in enumerate(act))
                for i, a in enumerate(act):
                    rows.append(R(a, id=f"{ref}.{'abcdefgh'[i]}", parent=ref, section=PN[p], aim=obj, tf=tgt, owner=lead,
                                  pillars=[p], talent=[tal] if tal else [], sm=meas))
            else:
                text = act
                rows.append(R(act, id=ref, section=PN[p], aim=obj, tf=tgt, owner=lead, pillars=[p],
                              talent=[tal] if tal else [], sm=meas))
            for j, v in enumerate([ref, obj, text, lead, tgt, meas, tal], 1):
                c = ws.cell(row=r, column=j, value=v); c.font = F(); c.alignment = wrap
            nl = max(sum(max(1, -(-len(par) // int(w * 1.05))) for par in str(v).split("\n"))
                     for v, w in zip([ref, obj, text, lead, tgt, meas, tal], [6, 24, 52, 24, 14, 28, 9]))
            ws.row_dimensions[r].height = 13.2 * nl + 3
            r += 1
        ws.row_dimensions.group(first, r - 1, outline_level=1, hidden=False)
    ws.cell(row=r + 1, column=1, value="Owners report progress to the Technician Commitment Steering Group each term.").font = F(size=9, italic=True)
    for col, w in zip("ABCDEFG", [6, 24, 52, 24, 14, 28, 9]):
        ws.column_dimensions[col].width = w
    ws.sheet_properties.outlinePr.summaryBelow = False
    ws.print_options.headings = True; ws.print_options.gridLines = True
    ws.page_setup.orientation = "landscape"; ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1; ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "4:4"
    ws.oddFooter.center.text = "Page &P of &N"; ws.oddHeader.right.text = "&A"
    ws.page_margins.left = ws.page_margins.right = 0.5
    # second sheet: version history (not actions)
    ws2 = wb.create_sheet("Version history")
    for i, row in enumerate([("Version", "Date", "Change"), ("1.0", "14/03/2024", "First draft shared with the Technician Forum"),
                             ("1.1", "02/04/2024", "Lead names updated after the HR restructure"),
                             ("1.2", "20/05/2024", "TALENT references added"),
                             ("1.3", "12/06/2024", "Approved by the Research & Innovation Committee")], 1):
        for j, v in enumerate(row, 1):
            ws2.cell(row=i, column=j, value=v).font = F(bold=(i == 1))
    ws2.column_dimensions["C"].width = 55; ws2.column_dimensions["B"].width = 12
    ws2.print_options.headings = True; ws2.print_options.gridLines = True
    ws2.page_setup.orientation = "landscape"; ws2.page_setup.paperSize = ws2.PAPERSIZE_A4
    x = os.path.join(BUILD, "lowmoor.xlsx"); wb.save(x)
    os.replace(soffice_pdf(x), os.path.join(RAW, P2["file"]))
    ROWS[P2["file"]] = rows


# ------------------------------------------------------------------ 3 RACI matrix (Word)
def build_p3():
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    def shade(cell, fill):
        e = OxmlElement("w:shd"); e.set(qn("w:val"), "clear"); e.set(qn("w:color"), "auto"); e.set(qn("w:fill"), fill)
        cell._tc.get_or_add_tcPr().append(e)

    def put(cell, text, bold=False, size=9.5, color=None, center=False):
        cell.text = ""; p = cell.paragraphs[0]; run = p.add_run(text); run.bold = bold; run.font.size = Pt(size)
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d = Document()
    st = d.styles["Normal"]; st.font.name = "Carlito"; st.font.size = Pt(10.5)
    s = d.sections[0]; s.orientation = WD_ORIENT.LANDSCAPE; s.page_width, s.page_height = Mm(297), Mm(210)
    for m in ("left_margin", "right_margin"):
        setattr(s, m, Mm(15))
    s.top_margin = s.bottom_margin = Mm(14)
    s.footer.paragraphs[0].text = "Pennick Institute of Technology \u2013 Technician Commitment responsibility matrix \u2013 v2, February 2026"
    h = d.add_paragraph(); r = h.add_run("Pennick Institute of Technology"); r.bold = True; r.font.size = Pt(13); r.font.color.rgb = RGBColor(0x1F, 0x4E, 0x79)
    h = d.add_paragraph(); r = h.add_run(P3["title"]); r.bold = True; r.font.size = Pt(17)
    d.add_paragraph("Our 2026\u20132029 plan sets out nineteen actions under the four Technician Commitment pillars. This matrix "
                    "shows, for each action, who does the work (R), who is answerable for it being done (A), who is asked "
                    "for their view before decisions are made (C) and who is kept up to date (I). A blank cell means the "
                    "group has no formal role in that action.")
    roles = P3_ROLES
    t = d.add_table(rows=1, cols=3 + len(roles)); t.style = "Table Grid"; t.alignment = WD_TABLE_ALIGNMENT.CENTER
    hdr = ["Ref", "Action"] + roles + ["By when"]
    for j, x in enumerate(hdr):
        put(t.rows[0].cells[j], x, bold=True, size=9.5, color="FFFFFF", center=j >= 2); shade(t.rows[0].cells[j], "1F4E79")
    tr = t.rows[0]._tr.get_or_add_trPr(); e = OxmlElement("w:tblHeader"); e.set(qn("w:val"), "true"); tr.append(e)
    LF = {"R": "F4B183", "A": "FFD966", "C": "BDD7EE", "I": "E7E6E6"}
    rows = []
    for p, area, items in P3_AREAS:
        row = t.add_row(); c = row.cells[0].merge(row.cells[-1]); put(c, area, bold=True, size=10.5); shade(c, "DEEAF6")
        for ref, act, raci, when in items:
            letters = raci.split()
            row = t.add_row(); cells = row.cells
            put(cells[0], ref); put(cells[1], act)
            for k, L in enumerate(letters):
                if L != "-":
                    put(cells[2 + k], L, bold=True, size=11, center=True); shade(cells[2 + k], LF[L])
            put(cells[-1], when)
            owners = [roles[k] for k, L in enumerate(letters) if L == "R"]
            rows.append(R(act, id=ref, section=PN[p], tf=when, owner=", ".join(owners), pillars=[p],
                          accountable=", ".join(roles[k] for k, L in enumerate(letters) if L == "A")))
    widths = [Mm(11), Mm(96)] + [Mm(20)] * len(roles) + [Mm(40)]
    t.autofit = False
    for j, w in enumerate(widths):
        t.columns[j].width = w
    for rw in t.rows:
        for j, w in enumerate(widths):
            if j < len(rw.cells):
                rw.cells[j].width = w
    d.add_paragraph()
    k = d.add_paragraph(); r = k.add_run("Key  "); r.bold = True
    k.add_run("R \u2013 Responsible: carries out the action.   A \u2013 Accountable: signs off the action (one per action).   "
              "C \u2013 Consulted: gives views before decisions.   I \u2013 Informed: told about progress.")
    d.add_paragraph("The Technician Network is the elected forum of technical staff. Heads of School act through their "
                    "School Operations Managers where they choose to.")
    x = os.path.join(BUILD, "pennick.docx"); d.save(x)
    os.replace(soffice_pdf(x), os.path.join(RAW, P3["file"]))
    ROWS[P3["file"]] = rows


# ------------------------------------------------------------------ 4 roadmap drawing
PCOL = {"V": ("#D6EAF8", "#1F618D"), "R": ("#FDEBD0", "#B9770E"), "CD": ("#E8DAEF", "#6C3483"), "S": ("#D5F5E3", "#1E8449")}


def build_p4():
    from reportlab.lib.pagesizes import A3, landscape
    from reportlab.lib.colors import HexColor, white
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas
    from reportlab.pdfbase.pdfmetrics import stringWidth
    reg_fonts()
    W, H = landscape(A3)
    c = canvas.Canvas(os.path.join(RAW, P4["file"]), pagesize=(W, H))
    c.setTitle("Strathallan roadmap"); c.setAuthor("Strategic Planning")
    c.setFillColor(HexColor("#17324D")); c.rect(0, H - 34 * mm, W, 34 * mm, stroke=0, fill=1)
    c.setFillColor(white); c.setFont("Carlito-Bold", 30); c.drawString(18 * mm, H - 20 * mm, P4["title"])
    c.setFont("Carlito", 13); c.drawString(18 * mm, H - 28 * mm, "Strathallan University \u2022 our plan at a glance: what we will do, who leads it and when")
    x0, x1 = 24 * mm, W - 24 * mm; y = H / 2 - 8 * mm
    n = 9; step = (x1 - x0) / n
    # session band
    for i, yr in enumerate(P4_YEARS):
        c.setFillColor(HexColor(["#34495E", "#2C3E50", "#1B2631"][i]))
        c.rect(x0 + 3 * i * step, y - 5 * mm, 3 * step, 10 * mm, stroke=0, fill=1)
        c.setFillColor(white); c.setFont("Carlito-Bold", 14); c.drawCentredString(x0 + (3 * i + 1.5) * step, y - 1.8 * mm, yr)
    for i in range(n):
        cx = x0 + (i + 0.5) * step
        c.setFillColor(HexColor("#17324D")); c.setFont("Carlito-Italic", 10)
        c.drawCentredString(cx, y - 9.5 * mm, P4_TERMS[i % 3])
    seen = {}
    rows = []

    def wrap(text, font, size, width):
        out, line = [], ""
        for w in text.split():
            t = (line + " " + w).strip()
            if stringWidth(t, font, size) <= width:
                line = t
            else:
                out.append(line); line = w
        out.append(line)
        return out
    bw = step - 4 * mm
    for ti, p, act, lead in P4_BOXES:
        k = seen.get(ti, 0); seen[ti] = k + 1
        above = (k == 0) if ti % 2 == 0 else (k == 1)
        cx = x0 + (ti + 0.5) * step
        lines = wrap(act, "DVC", 9.2, bw - 5 * mm)
        llines = wrap("Lead: " + lead, "DVC-Oblique", 7.2, bw - 5 * mm)
        bh = 6 * mm + len(lines) * 11.5 + len(llines) * 9 + 2 * mm
        tier = 24 * mm if (ti // 1) % 2 == 0 else 58 * mm
        if above:
            by = y + 5 * mm + tier
            c.setStrokeColor(HexColor(PCOL[p][1])); c.setLineWidth(1.2); c.line(cx, y + 5 * mm, cx, by)
        else:
            by = y - 12 * mm - tier - bh
            c.setStrokeColor(HexColor(PCOL[p][1])); c.setLineWidth(1.2); c.line(cx, y - 12 * mm, cx, by + bh)
        c.setFillColor(HexColor(PCOL[p][1])); c.circle(cx, y + 5 * mm if above else y - 12 * mm, 2.2, stroke=0, fill=1)
        c.setFillColor(HexColor(PCOL[p][0])); c.setStrokeColor(HexColor(PCOL[p][1])); c.setLineWidth(1.4)
        c.roundRect(cx - bw / 2, by, bw, bh, 3 * mm, stroke=1, fill=1)
        c.setFillColor(HexColor(PCOL[p][1])); c.rect(cx - bw / 2 + 0.7, by + bh - 2.2 * mm, bw - 1.4, 1.5 * mm, stroke=0, fill=1)
        ty = by + bh - 4 * mm - 9
        c.setFillColor(HexColor("#1C2833")); c.setFont("DVC", 9.2)
        for ln in lines:
            c.drawString(cx - bw / 2 + 2.5 * mm, ty, ln); ty -= 11.5
        ty -= 1.5
        c.setFillColor(HexColor("#4D5656")); c.setFont("DVC-Oblique", 7.2)
        for ln in llines:
            c.drawString(cx - bw / 2 + 2.5 * mm, ty, ln); ty -= 9
        term = f"{P4_TERMS[ti % 3]} {P4_YEARS[ti // 3]}"
        rows.append((ti, above, R(act, section=PN[p], tf=term, owner=lead, pillars=[p])))
    # legend
    lx, ly = 24 * mm, 16 * mm
    c.setFillColor(HexColor("#17324D")); c.setFont("Carlito-Bold", 12); c.drawString(lx, ly, "Pillar"); lx += 18 * mm
    for p in ("V", "R", "CD", "S"):
        c.setFillColor(HexColor(PCOL[p][0])); c.setStrokeColor(HexColor(PCOL[p][1])); c.roundRect(lx, ly - 1.5 * mm, 9 * mm, 6 * mm, 1.5 * mm, stroke=1, fill=1)
        c.setFillColor(HexColor("#17324D")); c.setFont("Carlito", 12); c.drawString(lx + 11 * mm, ly, PN[p]); lx += 50 * mm
    c.setFont("Carlito", 9.5); c.setFillColor(HexColor("#566573"))
    c.drawRightString(W - 24 * mm, ly, "Approved by University Court, May 2025. Progress is reviewed by the steering group each term.")
    c.showPage(); c.save()
    # gold order: left to right, above before below
    rows.sort(key=lambda t: (t[0], not t[1]))
    ROWS[P4["file"]] = [r for _, _, r in rows]


# ------------------------------------------------------------------ 5 filled AcroForm
def build_p5():
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.colors import HexColor, white, black
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas
    from reportlab.pdfbase.pdfmetrics import stringWidth
    reg_fonts()
    W, H = A4
    tmp = os.path.join(BUILD, "p5_raw.pdf")
    c = canvas.Canvas(tmp, pagesize=A4); c.setTitle("TC action plan return form"); c.setCreator("Harbury forms service")
    f = c.acroForm
    per = 5; nblocks = 20; rows = []
    values = {}

    def header(pg):
        c.setFillColor(HexColor("#5B2C6F")); c.rect(0, H - 26 * mm, W, 26 * mm, stroke=0, fill=1)
        c.setFillColor(white); c.setFont("Helvetica-Bold", 15); c.drawString(15 * mm, H - 12 * mm, "Harbury Metropolitan University")
        c.setFont("Helvetica", 11); c.drawString(15 * mm, H - 19 * mm, "Technician Commitment Action Plan 2026\u20132029 \u2013 action plan return")
        c.setFont("Helvetica", 8); c.drawRightString(W - 15 * mm, H - 19 * mm, f"Form TC-2   Page {pg} of 5")
        c.setFillColor(black)
    for pg in range(1, 5):
        header(pg)
        y = H - 32 * mm
        if pg == 1:
            c.setFont("Helvetica", 8.5)
            for ln in ["Section C: Actions. Complete one block for each action in the plan. Choose the Technician Commitment",
                       "pillar from the drop-down list. Leave unused blocks blank. Return the completed form to the People & Culture",
                       "Directorate; it will be published on the University website."]:
                c.drawString(15 * mm, y, ln); y -= 10
            y -= 4
        bh = (y - 14 * mm) / per
        for b in range(per):
            idx = (pg - 1) * per + b
            top = y - b * bh
            c.setStrokeColor(HexColor("#7D3C98")); c.setLineWidth(0.8); c.rect(15 * mm, top - bh + 3 * mm, W - 30 * mm, bh - 4 * mm)
            c.setFillColor(HexColor("#F4ECF7")); c.rect(15 * mm, top - 8 * mm, W - 30 * mm, 7 * mm, stroke=0, fill=1)
            c.setFillColor(HexColor("#5B2C6F")); c.setFont("Helvetica-Bold", 9.5); c.drawString(18 * mm, top - 6 * mm, f"Block {idx + 1}")
            c.setFillColor(black); c.setFont("Helvetica", 9)
            v = P5_ROWS[idx] if idx < len(P5_ROWS) else ("", "", "", "")
            fy = top - 12 * mm
            c.drawString(18 * mm, fy - 3, "Action")
            f.textfield(name=f"action_{idx + 1}", value=v[0], x=40 * mm, y=fy - 13 * mm, width=W - 58 * mm, height=14 * mm,
                        fieldFlags="multiline", fontName="Helvetica", fontSize=10, borderWidth=0.6,
                        borderColor=HexColor("#7D3C98"), fillColor=HexColor("#FDFEFE"), textColor=black, tooltip="Action")
            ly = fy - 21 * mm
            c.drawString(18 * mm, ly + 2.2 * mm, "Lead")
            f.textfield(name=f"lead_{idx + 1}", value=v[1], x=40 * mm, y=ly, width=62 * mm, height=7 * mm, fontName="Helvetica",
                        fontSize=9, borderWidth=0.6, borderColor=HexColor("#7D3C98"), fillColor=HexColor("#FDFEFE"), textColor=black)
            c.drawString(106 * mm, ly + 2.2 * mm, "Deadline")
            f.textfield(name=f"deadline_{idx + 1}", value=v[2], x=122 * mm, y=ly, width=32 * mm, height=7 * mm, fontName="Helvetica",
                        fontSize=9, borderWidth=0.6, borderColor=HexColor("#7D3C98"), fillColor=HexColor("#FDFEFE"), textColor=black)
            c.drawString(157 * mm, ly + 2.2 * mm, "Pillar")
            opts = [" ", "Visibility", "Recognition", "Career Development", "Sustainability"]
            f.choice(name=f"pillar_{idx + 1}", value=PN[v[3]] if v[3] else " ", options=opts, x=167 * mm, y=ly, width=28 * mm,
                     height=7 * mm, fieldFlags="combo", fontName="Helvetica", fontSize=8, borderWidth=0.6,
                     borderColor=HexColor("#7D3C98"), fillColor=HexColor("#FDFEFE"), textColor=black)
            if v[0]:
                values[f"action_{idx + 1}"] = v[0]
                rows.append(R(v[0], id=str(idx + 1), tf=v[2], owner=v[1], pillars=[v[3]]))
                PAGEMAP.setdefault(P5["file"], {})[len(rows) - 1] = pg
        c.showPage()
    header(5)
    y = H - 40 * mm
    c.setFont("Helvetica-Bold", 12); c.drawString(15 * mm, y, "Section D: Approval"); y -= 9 * mm
    c.setFont("Helvetica", 9)
    c.drawString(15 * mm, y, "I confirm that this plan has been agreed by the Technician Commitment Steering Group and the Executive Board.")
    y -= 14 * mm
    c.drawString(15 * mm, y + 2.2 * mm, "Approved by")
    f.textfield(name="approver", value=P5_SIGNOFF[0], x=40 * mm, y=y, width=100 * mm, height=7 * mm, fontName="Helvetica", fontSize=9,
                borderWidth=0.6, fillColor=HexColor("#FDFEFE"), textColor=black)
    c.drawString(145 * mm, y + 2.2 * mm, "Date")
    f.textfield(name="approval_date", value=P5_SIGNOFF[1], x=155 * mm, y=y, width=40 * mm, height=7 * mm, fontName="Helvetica",
                fontSize=9, borderWidth=0.6, fillColor=HexColor("#FDFEFE"), textColor=black)
    y -= 14 * mm
    c.drawString(15 * mm, y + 12 * mm, "Comments")
    f.textfield(name="comments", value="Deadlines will be reviewed each year when the Steering Group reports to the Executive Board.",
                x=40 * mm, y=y - 4 * mm, width=155 * mm, height=18 * mm, fieldFlags="multiline", fontName="Helvetica", fontSize=9,
                borderWidth=0.6, fillColor=HexColor("#FDFEFE"), textColor=black)
    values["comments"] = "x"
    c.showPage(); c.save()
    # rewrite multiline appearance streams so the text wraps like a viewer would draw it
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, BooleanObject
    rd = PdfReader(tmp); wr = PdfWriter(); wr.append(rd)
    for page in wr.pages:
        for a in page.get("/Annots", []):
            a = a.get_object()
            if int(a.get("/Ff", 0)) & 4096 and a.get("/V"):
                val = str(a["/V"]); rect = [float(v) for v in a["/Rect"]]; w, h = rect[2] - rect[0], rect[3] - rect[1]
                fs = 10 if a["/T"].startswith("action") else 9
                lines, line = [], ""
                for word in val.split():
                    t = (line + " " + word).strip()
                    if stringWidth(t, "Helvetica", fs) <= w - 6:
                        line = t
                    else:
                        lines.append(line); line = word
                lines.append(line)
                pesc = lambda t: t.replace("\\", "").replace("(", "\\(").replace(")", "\\)")
                body = "".join(f"({pesc(ln)}) Tj\n0 -{fs + 2} Td\n" for ln in lines)
                ap = a["/AP"]["/N"].get_object()
                data = ap.get_data().decode("latin-1")
                new = re.sub(r"BT\n.*?ET", lambda m: "BT\n/Helv %d Tf\n0 g\n1 0 0 1 3 %.1f Tm\n%sET" % (fs, h - fs - 3, body), data, flags=re.S)
                ap.set_data(new.encode("latin-1"))
    wr._root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(False)
    wr.add_metadata({"/Title": "Technician Commitment Action Plan 2026-2029 - action plan return", "/Producer": "Harbury forms service"})
    with open(os.path.join(RAW, P5["file"]), "wb") as fh:
        wr.write(fh)
    ROWS[P5["file"]] = rows
    TEXTSRC[P5["file"]] = None


# ------------------------------------------------------------------ 6 fax scan
def build_p6():
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle, Spacer
    reg_fonts()
    src = os.path.join(BUILD, "p6_src.pdf")
    ps = ParagraphStyle("b", fontName="LSerif", fontSize=10.5, leading=13)
    pb = ParagraphStyle("h", fontName="LSerif-Bold", fontSize=10.5, leading=13)
    story = [Paragraph("GLENROTHY RESEARCH INSTITUTE", ParagraphStyle("t", fontName="LSerif-Bold", fontSize=15, leading=19)),
             Paragraph(P6["title"], ParagraphStyle("t2", fontName="LSerif-Bold", fontSize=13, leading=17)), Spacer(1, 4),
             Paragraph("The Institute signed the Technician Commitment in 2019. This plan was agreed by the Operations Committee "
                       "on 2 March 2023. The TCR column gives the TALENT Commission recommendation each action responds to.", ps),
             Spacer(1, 8)]
    data = [[Paragraph(x, pb) for x in ("Ref", "Action", "Who", "When", "TCR")]]
    style = [("GRID", (0, 0), (-1, -1), 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD"))]
    rows = []; last = None
    for ref, p, act, who, when, tal in P6_ROWS:
        if p != last:
            data.append([Paragraph(P6_SECT[p], pb), "", "", "", ""]); i = len(data) - 1
            style += [("SPAN", (0, i), (-1, i)), ("BACKGROUND", (0, i), (-1, i), colors.HexColor("#EEEEEE"))]
            last = p
        data.append([Paragraph(ref, ps), Paragraph(act, ps), Paragraph(who, ps), Paragraph(when, ps), Paragraph(tal, ps)])
        rows.append(R(act, id=ref, section=PN[p], tf=when, owner=who, pillars=[p], talent=[tal] if tal else []))
    t = Table(data, colWidths=[13 * mm, 83 * mm, 38 * mm, 27 * mm, 14 * mm], repeatRows=1)
    t.setStyle(TableStyle(style))
    story.append(t)
    story += [Spacer(1, 10), Paragraph("Signed: J. McAllister, Director of Operations", ps)]
    SimpleDocTemplate(src, pagesize=A4, leftMargin=18 * mm, rightMargin=17 * mm, topMargin=22 * mm, bottomMargin=20 * mm).build(story)
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw, ImageFont
    import numpy as np
    rng = np.random.default_rng(10)
    pdf = pdfium.PdfDocument(src); npg = len(pdf); imgs = []
    font = ImageFont.truetype(FONTS + "dejavu/DejaVuSansMono.ttf", 15)
    for i in range(npg):
        im = pdf[i].render(scale=150 / 72).to_pil().convert("L")
        dr = ImageDraw.Draw(im)
        dr.text((60, 22), f"MAR-14-2023 10:42   FROM:GLENROTHY RI OPERATIONS   01592 555 0144   TO:TC NATIONAL OFFICE   P.00{i + 1}/00{npg}",
                fill=0, font=font)
        a = np.asarray(im).astype(np.float32)
        a += rng.normal(0, 18, a.shape)
        bw = (a > 150).astype(np.uint8) * 255
        im = Image.fromarray(bw).rotate([-2.1, 1.7, -1.6][i % 3], resample=Image.NEAREST, expand=False, fillcolor=255)
        a = np.asarray(im).copy()
        n = int(a.size * 0.0012)
        ys, xs = rng.integers(0, a.shape[0], n), rng.integers(0, a.shape[1], n)
        a[ys, xs] = 0
        for _ in range(60):   # small blobs
            y0, x0 = rng.integers(0, a.shape[0] - 3), rng.integers(0, a.shape[1] - 3)
            a[y0:y0 + rng.integers(1, 3), x0:x0 + rng.integers(1, 4)] = 0
        # a vertical streak like a dirty fax head
        xs = rng.integers(200, a.shape[1] - 200); a[:, xs] = np.where(rng.random(a.shape[0]) < 0.5, 0, a[:, xs])
        imgs.append(Image.fromarray(a).convert("1"))
    imgs[0].save(os.path.join(RAW, P6["file"]), save_all=True, append_images=imgs[1:], resolution=150)
    ROWS[P6["file"]] = rows
    TEXTSRC[P6["file"]] = src


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
            W = pg.width; x = 0
            for sw in (130, 200, 260):   # strips (roadmap boxes side by side, table columns)
                x = 0
                while x < W:
                    parts.append(pg.crop((x, 0, min(W, x + sw), pg.height)).extract_text() or ""); x += 12
            out.append("\n".join(nws(x) for x in parts))
    return out


def write_gold(plan):
    pdf = os.path.join(RAW, plan["file"])
    from pypdf import PdfReader
    rd = PdfReader(pdf); npages = len(rd.pages)
    src = TEXTSRC.get(plan["file"], pdf)
    problems, rows = [], []
    pm = PAGEMAP.get(plan["file"], {})
    if src is None:   # form: values must be in the fields and NOT in the page text
        fields = {k: str(v.get("/V", "")) for k, v in (rd.get_fields() or {}).items()}
        pages = page_texts(pdf)
        vals = set(nws(v) for v in fields.values())
        for n, r in enumerate(ROWS[plan["file"]]):
            if nws(r["action_text"]) not in vals:
                problems.append("not in fields: " + r["action_text"][:50])
            if any(nws(r["action_text"]) in t for t in pages):
                problems.append("in page text: " + r["action_text"][:50])
            r = dict(r); r["page_start"] = pm[n]; rows.append(r)
    else:
        pages = page_texts(src)
        for n, r in enumerate(ROWS[plan["file"]]):
            want = nws(r["action_text"])
            found = next((i for i, t in enumerate(pages, 1) if want in t), None)
            if found is None:
                problems.append(r["action_text"][:60])
            r = dict(r); r["page_start"] = pm.get(n, found); rows.append(r)
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
        print(f"{k} {plan['file']}: {len(ROWS[plan['file']])} rows, {n} pages, problems: {probs}")
