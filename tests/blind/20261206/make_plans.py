"""Build 6 blind test plans (PDF) of fictional institutions and their gold files.

Run with the project's venv (reportlab, python-docx, pdfplumber):
    .venv/bin/python tests/blind/20261206/make_plans.py
Writes PDFs to raw/, gold JSON to gold/ beside this file, intermediates (docx, html) to build/
(not committed). Written on 2026-12-06 by a hand that never read the extraction code or the
project's generator; first read in first-read.md. The committed PDFs are the ones first read:
re-rendering with other LibreOffice/Chromium builds may move lines.
Gold action_text is the text as printed; page_start is found in the rendered PDF.
"""
import html
import json
import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak, KeepTogether, LongTable,
                                PageTemplate, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

ROOT = Path(__file__).resolve().parent
RAW, GOLD, BUILD = ROOT / "raw", ROOT / "gold", ROOT / "build"
for d in (RAW, GOLD, BUILD):
    d.mkdir(exist_ok=True)

PILLAR_NAMES = {"V": "Visibility", "R": "Recognition", "CD": "Career Development", "S": "Sustainability"}


def row(action_text, *, action_id=None, section=None, pillars=(), owner=None, timeframe=None,
        success=None, details=None, talent=(), aim=None, parent_id=None):
    return {"action_id": action_id, "parent_id": parent_id, "section": section, "aim": aim,
            "action_text": action_text, "details": details, "supporting_actions": None,
            "success_measures": success, "timeframe": timeframe, "owner": owner,
            "resources": None, "pillars": list(pillars), "talent": list(talent),
            "page_start": None}


def norm_words(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-")
    s = s.replace("\ufb01", "fi").replace("\ufb02", "fl")
    return re.findall(r"[a-z0-9]+", s.lower())


def finish(pdf, meta, rows):
    """Fill page_start from the PDF, check every gold word is printed, write the gold file."""
    with pdfplumber.open(pdf) as doc:
        pages = [norm_words(p.extract_text() or "") for p in doc.pages]
        npages = len(doc.pages)
    joined = [" " + " ".join(p) + " " for p in pages]
    problems = []
    for r in rows:
        w = norm_words(r["action_text"])
        found = None
        for k in (4, 3, 2):  # first words of the action, as a run on one page
            probe = " " + " ".join(w[:k]) + " "
            hits = [i for i, p in enumerate(joined) if probe in p]
            if hits:
                found = hits[0]
                break
        if found is None:
            problems.append(("page", r["action_text"][:60]))
            found = 0
        r["page_start"] = found + 1
        pool = pages[found] + (pages[found + 1] if found + 1 < npages else [])
        missing = [x for x in w if x not in pool]
        if missing:
            problems.append(("words", r["action_text"][:60], missing))
    gold = dict(meta, source_file=pdf.name, pages=npages, rows=rows)
    (GOLD / (pdf.stem + ".gold.json")).write_text(json.dumps(gold, indent=1, ensure_ascii=False))
    print(f"{pdf.name}: {len(rows)} rows, {npages} pages, problems: {problems or 'none'}")


# --------------------------------------------------------------------------------------
# 1. Landscape Word table, pillar column vertically merged, rows across page breaks
# --------------------------------------------------------------------------------------
def plan_word():
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    inst = "University of Marlowe Vale"
    title = "Technician Commitment Action Plan 2025\u20132028"
    data = [
        ("V", "V1", "Create a searchable directory of technical staff and the facilities they support, linked from every school web page.",
         "Directory live with at least 90% of technicians listed", "Head of Technical Services", "By March 2026", "R1"),
        ("V", "V2", "Introduce a \u2018Technician of the Month\u2019 feature in the staff newsletter, rotating across faculties so that every area is represented at least once a year.",
         "Twelve features published each year", "Internal Communications Manager", "Monthly from October 2025", ""),
        ("V", "V3", "Ensure that technical staff are named as contributors on research outputs and in acknowledgements where they have made a substantive intellectual or practical contribution, and publish guidance for academic staff explaining when authorship or acknowledgement is appropriate, with worked examples drawn from each faculty and a short briefing for research group leaders.",
         "Guidance approved by Research Committee; annual audit of a sample of outputs", "Associate Pro-Vice-Chancellor (Research)", "Guidance by July 2026, audit annually", "R2, R9"),
        ("V", "V4", "Invite technicians to lead sessions at the annual Learning and Teaching Symposium.",
         "At least three technician-led sessions each year", "Academic Development Lead", "Annually (June)", ""),
        ("V", "V5", "Add a technical staff representative to each Faculty Executive Board.",
         "Representatives in post in all four faculties", "Faculty Deans", "From September 2026", "R7"),
        ("R", "R1", "Pay the application and first-year registration fees for technicians seeking RSciTech, RSci, RTechnician or CSci status.",
         "40 new registrations over the plan period", "TC Steering Group", "Ongoing", "R3"),
        ("R", "R2", "Create a technician category in the Vice-Chancellor\u2019s Excellence Awards and publicise the shortlist across campus.",
         "Category in place for the 2026 awards", "Director of People", "December 2025", ""),
        ("R", "R3", "Review the technical job families so that grading reflects specialist expertise, supervision of students and management of high-value equipment, consulting technicians through focus groups in each faculty before any change is made and reporting the outcome, with an equality impact assessment, to the People Committee.",
         "Revised job families approved; no technician disadvantaged by the regrading", "HR Reward Manager", "Review 2026\u201327; implementation from August 2027", "R4, R5"),
        ("R", "R4", "Nominate technical staff for external awards such as the THE Awards and the Papin Prizes.",
         "At least two external nominations a year", "TC Champions", "Annually", ""),
        ("R", "R5", "Record technical contributions to teaching in module handbooks and programme specifications.",
         "Technical staff named in all laboratory-based module handbooks", "Heads of School", "From 2026/27 academic year", ""),
        ("CD", "CD1", "Publish career pathway maps for each technical job family, showing the skills and experience needed to move between grades.",
         "Pathway maps published on the intranet", "Learning and Organisational Development", "By September 2026", "R11"),
        ("CD", "CD2", "Launch a mentoring scheme pairing early-career technicians with senior technical or academic staff.",
         "25 mentoring pairs active by year two", "TC Project Officer", "Pilot January 2026", ""),
        ("CD", "CD3", "Guarantee every technician a minimum of five days\u2019 protected time per year for training and development, with backfill funded centrally where a service would otherwise have to close, and monitor uptake through the appraisal system so that part-time and night-shift staff are not left out.",
         "Uptake reported annually by faculty, grade and contract type", "Head of Technical Services; Faculty Operating Officers", "From August 2025", "R10, R13"),
        ("CD", "CD4", "Offer secondments of up to six months into other technical teams, research projects or professional services.",
         "Ten secondments completed over the plan", "HR Business Partners", "Ongoing", ""),
        ("CD", "CD5", "Include a development conversation focused on technical skills in the annual appraisal.",
         "Appraisal form updated", "Director of People", "2026 appraisal round", ""),
        ("CD", "CD6", "Support technicians to study for apprenticeships, foundation degrees and higher qualifications through the staff fee waiver scheme.",
         "Fee waiver uptake by technicians doubles", "Learning and Organisational Development", "Ongoing", "R11"),
        ("S", "S1", "Carry out a technical workforce profile every two years covering age, grade, skills and planned retirements, and use the results to build a succession plan for roles where specialist knowledge is held by a single person, including shadowing, documented procedures and early recruitment where a retirement is known.",
         "Workforce profile reported 2026 and 2028; succession plans for all single-person roles", "Head of Technical Services", "First profile by June 2026", "R12"),
        ("S", "S2", "Recruit at least six technical apprentices each year across the faculties.",
         "Six apprentices starting each year", "Apprenticeships Manager", "Each September", "R14"),
        ("S", "S3", "Involve senior technicians in the planning of new buildings, refurbishments and major equipment purchases from the outset.",
         "Technician on every capital project board", "Director of Estates", "From January 2026", "R8"),
        ("S", "S4", "Create a shared equipment and expertise register so that technical skills can be deployed across departments.",
         "Register live and linked to the booking system", "Research Infrastructure Manager", "By December 2026", ""),
        ("S", "S5", "Establish a technician network for sustainable laboratory practice and support teams to achieve LEAF accreditation.",
         "Twelve laboratories with LEAF Silver or above", "Sustainability Manager", "2025\u20132028", ""),
        ("S", "S6", "Report progress against this plan to the University Executive Board twice a year and publish a summary on the website.",
         "Two reports a year; summary published", "TC Steering Group Chair", "Every six months", ""),
    ]
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, side, Cm(1.8))
    style = doc.styles["Normal"]
    style.font.name = "Carlito"
    style.font.size = Pt(10)

    def field(par, code):
        r = par.add_run()
        b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "begin"); r._r.append(b)
        t = OxmlElement("w:instrText"); t.set(qn("xml:space"), "preserve"); t.text = code; r._r.append(t)
        e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), "end"); r._r.append(e)

    hp = sec.header.paragraphs[0]
    hp.text = f"{inst} \u2013 {title}"
    hp.runs[0].font.size = Pt(8)
    fp = sec.footer.paragraphs[0]
    fp.add_run("Page ").font.size = Pt(8)
    field(fp, "PAGE")
    fp.add_run(" of ")
    field(fp, "NUMPAGES")

    h = doc.add_paragraph()
    r = h.add_run(inst); r.bold = True; r.font.size = Pt(20); r.font.color.rgb = RGBColor(0x5B, 0x1A, 0x6E)
    h2 = doc.add_paragraph(); r = h2.add_run(title); r.bold = True; r.font.size = Pt(15)
    doc.add_paragraph("Approved by the University Executive Board, 14 May 2025. This plan sets out what the "
                      "University will do over the next three years to support its technical community, "
                      "following our Stage 2 self-assessment. Actions are grouped by the four pillars of the "
                      "Technician Commitment; references to the TALENT Commission recommendations are given "
                      "in the final column.")
    heads = ["Pillar", "Ref", "What we will do", "Success measure", "Lead", "When", "TALENT"]
    widths = [Cm(2.6), Cm(1.2), Cm(9.4), Cm(5.0), Cm(3.8), Cm(2.9), Cm(1.6)]
    t = doc.add_table(rows=1, cols=len(heads))
    t.style = "Table Grid"
    t.autofit = False
    for i, hd in enumerate(heads):
        c = t.rows[0].cells[i]
        c.text = ""
        rr = c.paragraphs[0].add_run(hd); rr.bold = True; rr.font.size = Pt(10)
        shd = OxmlElement("w:shd"); shd.set(qn("w:val"), "clear"); shd.set(qn("w:fill"), "D9C8E0")
        c._tc.get_or_add_tcPr().append(shd)
    trPr = t.rows[0]._tr.get_or_add_trPr()
    th = OxmlElement("w:tblHeader"); th.set(qn("w:val"), "true"); trPr.append(th)
    rows = []
    spans = {}
    for p, ref, act, meas, lead, when, tal in data:
        cells = t.add_row().cells
        idx = len(t.rows) - 1
        spans.setdefault(p, [idx, idx])[1] = idx
        for i, txt in enumerate(["", ref, act, meas, lead, when, tal]):
            cells[i].text = txt
            for run in cells[i].paragraphs[0].runs:
                run.font.size = Pt(9.5)
        tl = [x.strip() for x in tal.split(",") if x.strip()]
        rows.append(row(act, action_id=ref, section=PILLAR_NAMES[p], pillars=[p], owner=lead,
                        timeframe=when, success=meas, talent=tl))
    for p, (a, b) in spans.items():
        m = t.cell(a, 0).merge(t.cell(b, 0))
        m.text = ""
        rr = m.paragraphs[0].add_run(PILLAR_NAMES[p]); rr.bold = True
    for rw in t.rows:
        for i, w in enumerate(widths):
            rw.cells[i].width = w
    doc.add_paragraph("")
    doc.add_paragraph("Contact: technician.commitment@marlowevale.ac.uk")
    dx = BUILD / "marlowe-vale-tc-action-plan-2025-28.docx"
    doc.save(dx)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(RAW), str(dx)],
                   check=True, capture_output=True, timeout=180)
    finish(RAW / (dx.stem + ".pdf"),
           {"institution": inst, "title": title, "period_start": 2025, "period_end": 2028,
            "layout": "word-table-merged-pillar", "stripped": False, "talent_annotated": True}, rows)


# --------------------------------------------------------------------------------------
# 2. Slide deck, 16:9, one objective per slide, actions as boxes with owner/date under
# --------------------------------------------------------------------------------------
def plan_slides():
    inst = "Thornbury Institute of Science"
    title = "Technician Commitment Action Plan 2024\u20132027"
    W, H = 960, 540
    objectives = [
        ("V", "Objective 1 \u2013 Visibility", "Make technical expertise visible inside and outside the Institute", [
            ("Put a named technical contact on every core facility web page", "Facilities Manager", "Dec 2024"),
            ("Run a \u2018Meet the Technicians\u2019 open day during British Science Week", "Public Engagement Team", "March each year"),
            ("Feature technical staff in the Institute\u2019s annual review and prospectus", "Communications", "From 2025 edition"),
            ("Give technicians a standing item at all-staff meetings", "Chief Operating Officer", "Quarterly"),
        ]),
        ("R", "Objective 2 \u2013 Recognition", "Recognise the contribution technicians make to science", [
            ("Cover professional registration fees for all technical staff who apply", "Head of Technical Operations", "Ongoing"),
            ("Add technical achievements to the criteria for the Director\u2019s Medal", "Director\u2019s Office", "Sept 2025"),
            ("Credit technical staff on grant applications where their time is costed", "Research Office", "From Jan 2025"),
            ("Hold an annual technician awards evening with guests from industry", "Events Team", "Each November"),
        ]),
        ("CD", "Objective 3 \u2013 Career Development", "Open up clear routes for technicians to progress", [
            ("Write a technical career framework with role profiles for grades 3 to 8", "HR Partner (Science)", "July 2025"),
            ("Allocate a training budget of \u00a3500 per technician per year", "Finance Director", "April 2025"),
            ("Pilot job rotation between the genomics and imaging platforms", "Platform Leads", "2025\u201326"),
        ]),
        ("CD", "Objective 3 \u2013 Career Development (continued)", "Open up clear routes for technicians to progress", [
            ("Create a leadership programme for senior technicians modelled on the academic one", "Organisational Development", "Cohort 1 Oct 2025"),
            ("Offer every technician a career conversation with someone outside their line", "TC Champions", "Annually"),
        ]),
        ("S", "Objective 4 \u2013 Sustainability", "Secure the technical skills the Institute will need in ten years", [
            ("Map critical skills held by one person and plan how they will be shared", "Head of Technical Operations", "March 2025"),
            ("Take on two laboratory technician apprentices every year", "HR Partner (Science)", "Each September"),
            ("Give technicians a seat on the equipment investment panel", "Research Infrastructure Board", "Immediate"),
            ("Run exit interviews for leaving technicians and act on what they tell us", "HR Partner (Science)", "Ongoing"),
            ("Share technical staff across institutes through the regional technician network", "Head of Technical Operations", "By 2027"),
        ]),
    ]
    pdf = RAW / "thornbury-institute-tc-plan-2024-27-slides.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(W, H))
    c.setTitle(f"{inst} {title}")
    page = [0]

    def chrome():
        page[0] += 1
        c.setFillColor(colors.HexColor("#0E3B43")); c.rect(0, H - 8, W, 8, fill=1, stroke=0)
        c.setFillColor(colors.HexColor("#5A6B70")); c.setFont("Helvetica", 9)
        c.drawString(36, 18, f"{inst}  |  Technician Commitment 2024\u201327")
        c.drawRightString(W - 36, 18, str(page[0]))

    # title slide
    c.setFillColor(colors.HexColor("#0E3B43")); c.rect(0, 0, W, H, fill=1, stroke=0)
    c.setFillColor(colors.white); c.setFont("Helvetica-Bold", 34)
    c.drawString(60, 300, inst)
    c.setFont("Helvetica", 24); c.drawString(60, 260, title)
    c.setFont("Helvetica", 14); c.drawString(60, 220, "Presented to the Board of Trustees, 21 June 2024")
    page[0] += 1
    c.showPage()
    # intro slide
    chrome()
    c.setFillColor(colors.HexColor("#0E3B43")); c.setFont("Helvetica-Bold", 26); c.drawString(48, 470, "Where we are")
    st = ParagraphStyle("b", fontName="Helvetica", fontSize=15, leading=21)
    for i, txt in enumerate([
        "\u2022 Signed the Technician Commitment in 2019; Stage 1 self-assessment completed 2021",
        "\u2022 140 technical staff across six research programmes and four core facilities",
        "\u2022 Our 2023 survey: 61% of technicians do not see a route to promotion",
        "\u2022 This plan was co-written with the Technician Forum over four workshops",
    ]):
        p = Paragraph(txt, st); p.wrapOn(c, 860, 100); p.drawOn(c, 60, 400 - i * 50)
    c.showPage()
    rows = []
    box_st = ParagraphStyle("a", fontName="Helvetica-Bold", fontSize=14, leading=17, textColor=colors.HexColor("#10282C"))
    small = ParagraphStyle("s", fontName="Helvetica", fontSize=9, leading=11, textColor=colors.HexColor("#5A6B70"))
    for p, head, aim, acts in objectives:
        chrome()
        c.setFillColor(colors.HexColor("#0E3B43")); c.setFont("Helvetica-Bold", 24); c.drawString(48, 478, head)
        c.setFont("Helvetica-Oblique", 14); c.setFillColor(colors.HexColor("#3C7A84")); c.drawString(48, 452, aim)
        n = len(acts)
        cols = 3 if n in (3, 5) else 2
        bw = (W - 96 - (cols - 1) * 20) / cols
        bh = 150 if n > 2 else 190
        for i, (a, own, due) in enumerate(acts):
            r_, k = divmod(i, cols)
            x = 48 + k * (bw + 20)
            y = 420 - (r_ + 1) * bh - r_ * 20
            c.setFillColor(colors.HexColor("#E6F1F2")); c.setStrokeColor(colors.HexColor("#3C7A84"))
            c.roundRect(x, y, bw, bh, 8, fill=1, stroke=1)
            pa = Paragraph(html.escape(a), box_st); _, ph = pa.wrap(bw - 24, bh)
            pa.drawOn(c, x + 12, y + bh - 14 - ph)
            ps = Paragraph(f"Owner: {html.escape(own)}<br/>Target: {html.escape(due)}", small)
            _, sh = ps.wrap(bw - 24, 40); ps.drawOn(c, x + 12, y + 12)
            rows.append(row(a, section=PILLAR_NAMES[p], aim=aim, pillars=[p], owner=own, timeframe=due))
        c.showPage()
    chrome()
    c.setFillColor(colors.HexColor("#0E3B43")); c.setFont("Helvetica-Bold", 26); c.drawString(48, 470, "How we will know")
    c.setFont("Helvetica", 15)
    c.drawString(60, 410, "Progress reviewed by the Technician Forum each term and reported to the Board annually.")
    c.drawString(60, 380, "Questions: tc@thornbury-institute.org.uk")
    c.showPage()
    c.save()
    finish(pdf, {"institution": inst, "title": title, "period_start": 2024, "period_end": 2027,
                 "layout": "slides-16x9", "stripped": False, "talent_annotated": False}, rows)


# --------------------------------------------------------------------------------------
# 3. Gantt-style table: shaded term cells, no written timeframe
# --------------------------------------------------------------------------------------
def plan_gantt():
    inst = "Kestrel Bay University"
    title = "Technician Commitment Action Plan 2025\u20132028: Delivery Timeline"
    # (pillar, id, action, lead, set of active term indexes 0..8)
    data = [
        ("V", "1.1", "Produce a short film about technical roles for the University\u2019s YouTube channel", "Marketing", {0, 1}),
        ("V", "1.2", "Add technician profiles to the research group pages", "Web Team", {1, 2, 3}),
        ("V", "1.3", "Display photos and names of technical teams at the entrance to each teaching laboratory", "Faculty Managers", {0}),
        ("V", "1.4", "Hold a Technician Showcase during Research Week", "Research Culture Lead", {2, 5, 8}),
        ("V", "1.5", "Include technicians in campus open days and applicant visit days", "Student Recruitment", set(range(9))),
        ("R", "2.1", "Support technicians through the Science Council registration process with workshops and a peer assessor", "TC Champions", {1, 2, 4, 5, 7, 8}),
        ("R", "2.2", "Establish a technician prize within the Staff Recognition Scheme", "HR", {3, 4}),
        ("R", "2.3", "Acknowledge technical staff in conference posters and papers", "Research Office", set(range(9))),
        ("R", "2.4", "Celebrate long service among technical staff at the annual staff awards", "HR", {2, 5, 8}),
        ("CD", "3.1", "Design a technician development programme covering leadership, teaching support and project management", "Staff Development", {0, 1, 2}),
        ("CD", "3.2", "Pilot a technical trainee scheme for graduates", "Faculty of Science and Engineering", {3, 4, 5}),
        ("CD", "3.3", "Introduce a progression route from grade 5 to grade 6 based on expertise rather than line management", "HR Reward", {3, 4, 5, 6}),
        ("CD", "3.4", "Fund attendance at one external conference or training course per technician per year", "Deans", set(range(9))),
        ("CD", "3.5", "Set up a technician job-shadowing scheme between faculties", "TC Working Group", {4, 5, 6, 7}),
        ("CD", "3.6", "Ensure induction for new technicians includes health and safety, teaching and research support", "Staff Development", {0, 1}),
        ("S", "4.1", "Develop a technical workforce plan linked to the University Strategy 2030", "Director of Technical Services", {0, 1, 2, 3}),
        ("S", "4.2", "Expand the technical apprenticeship programme to twelve places", "Apprenticeship Lead", {3, 6}),
        ("S", "4.3", "Record critical procedures and specialist knowledge in a shared technical wiki", "Technical Managers", {1, 2, 3, 4, 5}),
        ("S", "4.4", "Consult technicians on all new laboratory designs", "Estates", set(range(9))),
        ("S", "4.5", "Review the Technician Commitment action plan annually with the technical community", "TC Working Group", {2, 5, 8}),
    ]
    pdf = RAW / "kestrel-bay-tc-delivery-timeline-2025-28.pdf"
    st = ParagraphStyle("c", fontName="Helvetica", fontSize=8.5, leading=10.5)
    hd = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=8.5, leading=10.5, textColor=colors.white)
    terms = ["Aut", "Spr", "Sum"]
    head1 = ["No.", "Action", "Lead", "2025/26", "", "", "2026/27", "", "", "2027/28", "", ""]
    head2 = ["", "", ""] + terms * 3
    tdata = [[Paragraph(x, hd) if x else "" for x in head1], [Paragraph(x, hd) if x else "" for x in head2]]
    styles = [("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#7F8C8D")),
              ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#1F4E79")),
              ("SPAN", (3, 0), (5, 0)), ("SPAN", (6, 0), (8, 0)), ("SPAN", (9, 0), (11, 0)),
              ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (2, 1)),
              ("VALIGN", (0, 0), (-1, -1), "TOP")]
    rows = []
    last = None
    for p, i, a, lead, on in data:
        if p != last:
            r_ = len(tdata)
            tdata.append([Paragraph(f"<b>{i[0]}. {PILLAR_NAMES[p].upper()}</b>", st)] + [""] * 11)
            styles += [("SPAN", (0, r_), (-1, r_)), ("BACKGROUND", (0, r_), (-1, r_), colors.HexColor("#DDE8F3"))]
            last = p
        r_ = len(tdata)
        tdata.append([Paragraph(i, st), Paragraph(html.escape(a), st), Paragraph(html.escape(lead), st)] + [""] * 9)
        for k in on:
            styles.append(("BACKGROUND", (3 + k, r_), (3 + k, r_), colors.HexColor("#F0A030")))
        rows.append(row(a, action_id=i, section=PILLAR_NAMES[p], pillars=[p], owner=lead))
    W, H = landscape(A4)
    cw = [12 * mm, 110 * mm, 45 * mm] + [11.5 * mm] * 9
    tbl = LongTable(tdata, colWidths=cw, repeatRows=2)
    tbl.setStyle(TableStyle(styles))

    def onpage(c, d):
        c.saveState(); c.setFont("Helvetica", 8); c.setFillColor(colors.grey)
        c.drawString(15 * mm, H - 10 * mm, f"{inst} | Technician Commitment")
        c.drawRightString(W - 15 * mm, 8 * mm, f"{d.page}")
        c.restoreState()

    doc = SimpleDocTemplate(str(pdf), pagesize=(W, H), leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=16 * mm, bottomMargin=14 * mm, title=title)
    tst = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=18, leading=22, textColor=colors.HexColor("#1F4E79"))
    story = [Paragraph(inst, tst), Paragraph(title, ParagraphStyle("t2", parent=tst, fontSize=13)), Spacer(1, 4 * mm),
             Paragraph("Shaded cells show the terms in which each action will be delivered. Key: Aut = autumn term, "
                       "Spr = spring term, Sum = summer term.", st), Spacer(1, 4 * mm), tbl,
             Spacer(1, 4 * mm), Paragraph("Owner of the plan: Director of Technical Services. Reviewed by the "
                                          "Technician Commitment Working Group every term.", st)]
    doc.build(story, onFirstPage=onpage, onLaterPages=onpage)
    finish(pdf, {"institution": inst, "title": title, "period_start": 2025, "period_end": 2028,
                 "layout": "gantt-shaded", "stripped": False, "talent_annotated": False}, rows)


# --------------------------------------------------------------------------------------
# 4. Web page, accordion headings with paragraphs, cookie banner, printed by Chromium
# --------------------------------------------------------------------------------------
def plan_web():
    inst = "Rothwick University"
    title = "Technician Commitment Action Plan 2024\u20132026"
    sections = [
        ("V", "1", [
            ("Launch a technicians\u2019 hub on the University website",
             "The hub will hold news, profiles and a map of technical facilities so that staff, students and partners can find the expertise they need.",
             "Digital Communications", "Summer 2024"),
            ("Tell technicians\u2019 stories through the University blog",
             "We will publish at least one story a month written by or about a technician, covering teaching, research and service roles.",
             "Digital Communications", "Monthly"),
            ("Recognise technicians on plaques for refurbished facilities",
             "When a laboratory or workshop is refurbished, the team that runs it will be named alongside the funders.",
             "Estates and Facilities", "As projects complete"),
            ("Bring technicians into student induction",
             "Technical staff will be introduced to new students in each school during Welcome Week so that students know who supports their practical work.",
             "Heads of School", "September 2024 and 2025"),
        ]),
        ("R", "2", [
            ("Make professional registration part of the offer to every technician",
             "We will fund registration with the Science Council or Engineering Council and give two days of study leave to prepare the application.",
             "Technical Services Manager", "From April 2024"),
            ("Award an annual Technician Commitment Prize",
             "Nominations will be open to staff and students, and the winner will receive \u00a31,000 towards their development.",
             "Pro Vice-Chancellor (People)", "Each June"),
            ("Celebrate long service among technical staff",
             "Technicians reaching 10, 20 and 30 years of service will be invited to the Vice-Chancellor\u2019s reception.",
             "HR Operations", "Annually"),
            ("Ask research groups to acknowledge technical support in publications",
             "A standard acknowledgement statement will be added to the research handbook.",
             "Research and Enterprise Office", "December 2024"),
        ]),
        ("CD", "3", [
            ("Publish clear progression routes for technical staff",
             "Role profiles for each technical grade will describe the skills expected, and a progression panel will consider cases twice a year.",
             "HR Business Partner", "January 2025"),
            ("Create a technical mentoring network",
             "Experienced technicians will be trained as mentors and matched with colleagues who ask for support.",
             "Organisational Development", "Pilot from October 2024"),
            ("Open the Rothwick Teaching Award to technical staff",
             "Technicians who teach or demonstrate will be supported to gain Associate Fellowship of Advance HE.",
             "Academic Practice Unit", "2024\u201325"),
            ("Fund short placements in industry and other universities",
             "Up to eight technicians a year will receive funding for placements of one to four weeks.",
             "Technician Commitment Steering Group", "Annually"),
        ]),
        ("S", "4", [
            ("Plan for retirements in specialist roles",
             "Managers will identify roles at risk and arrange overlap periods so that knowledge is passed on before staff leave.",
             "Heads of Technical Teams", "Ongoing"),
            ("Grow our own technicians through apprenticeships",
             "We will recruit at least four apprentices a year and guarantee interviews for vacancies at the end of the programme.",
             "Apprenticeships Team", "Each autumn"),
            ("Include technical staff in workload and space planning",
             "A technician will sit on the Space Management Group and on school workload panels.",
             "Chief Operating Officer", "From September 2024"),
            ("Measure the impact of the plan",
             "A survey of all technical staff will be run at the start and end of the plan and the results published.",
             "Technician Commitment Steering Group", "2024 and 2026"),
        ]),
    ]
    rows = []
    body = []
    for p, num, acts in sections:
        body.append(f'<h2 id="p{num}">{num}. {PILLAR_NAMES[p]}</h2>')
        for j, (head, para, lead, when) in enumerate(acts, 1):
            aid = f"{num}.{j}"
            body.append(
                f'<details open class="acc"><summary><span class="num">{aid}</span> {html.escape(head)}</summary>'
                f'<div class="panel"><p>{html.escape(para)}</p>'
                f'<p class="meta"><strong>Lead:</strong> {html.escape(lead)} &nbsp;|&nbsp; '
                f'<strong>Timescale:</strong> {html.escape(when)}</p></div></details>')
            rows.append(row(head, action_id=aid, section=PILLAR_NAMES[p], pillars=[p], owner=lead,
                            timeframe=when, details=para))
    page = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} | {inst}</title>
<style>
body {{ font-family: 'DejaVu Sans', sans-serif; margin: 0; color: #222; font-size: 13px; }}
.site-header {{ background: #23395d; color: #fff; padding: 14px 30px; }}
.site-header .logo {{ font-size: 22px; font-weight: bold; }}
.site-header nav a {{ color: #cfe0ff; margin-right: 16px; text-decoration: none; font-size: 12px; }}
.crumb {{ font-size: 11px; color: #666; padding: 8px 30px; }}
main {{ padding: 0 30px 20px 30px; max-width: 820px; }}
h1 {{ color: #23395d; font-size: 26px; }}
h2 {{ border-bottom: 2px solid #e3a21a; padding-bottom: 4px; color: #23395d; margin-top: 26px; }}
details.acc {{ border: 1px solid #c9d3e3; border-radius: 4px; margin: 8px 0; }}
details.acc summary {{ background: #eef3fa; padding: 8px 12px; font-weight: bold; font-size: 14px; }}
summary .num {{ color: #e3a21a; margin-right: 6px; }}
.panel {{ padding: 2px 14px; }}
.meta {{ font-size: 11px; color: #555; }}
.cookie {{ background: #111; color: #eee; padding: 10px 30px; font-size: 11px; }}
.cookie button {{ margin-left: 12px; }}
footer {{ background: #23395d; color: #ccd; padding: 16px 30px; font-size: 11px; }}
aside.related {{ border-left: 4px solid #e3a21a; padding: 6px 12px; background: #faf6ec; font-size: 12px; }}
</style></head><body>
<div class="cookie">We use cookies to make this website work and to understand how you use it. <button>Accept all cookies</button><button>Reject optional cookies</button> <a href="#">Cookie settings</a></div>
<header class="site-header"><div class="logo">{inst}</div>
<nav><a href="#">Study</a><a href="#">Research</a><a href="#">Business</a><a href="#">About us</a><a href="#">Jobs</a><a href="#">Search</a></nav></header>
<div class="crumb">Home &rsaquo; About us &rsaquo; Working here &rsaquo; Technicians &rsaquo; Action plan</div>
<main>
<h1>{title}</h1>
<p>Rothwick University signed the Technician Commitment in 2018. Our second action plan was developed by the Technician Commitment Steering Group after consultation with more than 200 technical staff, and covers the period from January 2024 to December 2026.</p>
<aside class="related"><strong>Related pages:</strong> Technical Services &middot; Staff networks &middot; Our People Strategy</aside>
<p>Select a heading to expand each action.</p>
{''.join(body)}
<p>Last updated: 12 March 2024. Page owner: Technical Services.</p>
</main>
<footer>{inst}, Rothwick Park, Rothwick RW4 7TQ &middot; Registered charity no. 1234567 &middot; Privacy notice &middot; Accessibility statement &middot; Freedom of information</footer>
</body></html>"""
    hf = BUILD / "rothwick-tc-action-plan.html"
    hf.write_text(page)
    pdf = RAW / "rothwick-university-tc-action-plan-2024-26-web.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}",
                    hf.resolve().as_uri()], check=True, capture_output=True, timeout=180)
    finish(pdf, {"institution": inst, "title": title, "period_start": 2024, "period_end": 2026,
                 "layout": "web-accordion-chromium", "stripped": False, "talent_annotated": False}, rows)


# --------------------------------------------------------------------------------------
# 5. Two-column newsletter: numbered paragraphs with bold lead-ins
# --------------------------------------------------------------------------------------
def plan_newsletter():
    inst = "Ashcombe University"
    title = "Technicians at the Heart of Ashcombe: Our Technician Commitment Action Plan 2025\u20132028"
    sections = [
        ("V", "Being seen", [
            ("Named and known", "We will add a photo, name and role for every technician to the staff directory and school web pages.", "School Managers", "by December 2025"),
            ("Technicians in the news", "We will run a regular \u2018Behind the Bench\u2019 column in Ashcombe News written with technical staff.", "Press Office", "every issue"),
            ("A voice on committees", "We will reserve a place for an elected technician on Senate, the Education Committee and the Research Committee.", "University Secretary", "from 2026"),
            ("Outreach", "We will support technicians who want to take part in school visits, festivals and widening participation events, counting this time as part of their workload.", "Outreach Manager", "ongoing"),
            ("Technical expertise in funding bids", "We will make sure that technical expertise and facilities are described in research bids, with technicians named where their time is costed.", "Research Development Managers", "from January 2026"),
        ]),
        ("R", "Being valued", [
            ("Registration", "We will meet the cost of professional registration and of one professional body membership for each technician.", "Technical Services Director", "ongoing"),
            ("Awards", "We will introduce a Technician of the Year award and nominate colleagues for national prizes.", "HR", "annually"),
            ("Fair credit", "We will ask authors to acknowledge technical contributions in theses, papers and exhibitions, and add this to our research integrity training.", "Research Integrity Officer", "by July 2026"),
            ("Thank-you fund", "We will give heads of department a small fund to thank technical teams after major projects or busy periods.", "Faculty Finance", "from 2025/26"),
            ("Pay and grading", "We will benchmark technical salaries against the sector and address any gaps found.", "Reward Manager", "2026"),
        ]),
        ("CD", "Growing careers", [
            ("Career pathways", "We will publish a technical career pathway showing how colleagues can progress through expertise, management or teaching routes.", "HR Business Partner", "by September 2026"),
            ("Time to learn", "We will give every technician at least 35 hours a year for training, recorded in the learning system.", "Line Managers", "from August 2025"),
            ("Apprenticeship degrees", "We will allow technicians to use the apprenticeship levy to study for a degree alongside their job.", "Apprenticeships Manager", "ongoing"),
            ("Teaching qualifications", "We will open our PGCert in Higher Education to technical staff who teach.", "Academic Development", "from 2026"),
            ("Coaching", "We will train ten technicians a year as coaches so that colleagues can get support from someone who understands technical work.", "Organisational Development", "annually"),
            ("Leadership", "We will run a technical leaders programme for supervisors and managers of technical teams.", "Organisational Development", "first cohort spring 2026"),
        ]),
        ("S", "Looking ahead", [
            ("Workforce planning", "We will include technical roles in every school\u2019s workforce plan and review them each year.", "Deans", "annually"),
            ("Succession", "We will identify posts where knowledge sits with one person and put in place plans to share it.", "Technical Managers", "by March 2026"),
            ("New entrants", "We will create at least five apprentice and five graduate technician posts over the plan.", "HR", "2025\u20132028"),
            ("Estates and equipment", "We will involve technicians in decisions on new buildings, refurbishments and equipment from the start.", "Estates Director", "ongoing"),
            ("Greener labs", "We will support technical teams to achieve LEAF and My Green Lab certification.", "Sustainability Team", "by 2028"),
            ("Technician network", "We will set up an Ashcombe technician network with its own budget and a seat on the Technician Commitment Steering Group.", "Technician Commitment Lead", "from October 2025"),
            ("Checking progress", "We will report on this plan to University Council every year and publish what we have achieved.", "Technician Commitment Lead", "each July"),
        ]),
    ]
    pdf = RAW / "ashcombe-technician-commitment-plan-2025-28-newsletter.pdf"
    W, H = A4
    body = ParagraphStyle("b", fontName="Times-Roman", fontSize=10, leading=12.6, spaceAfter=6, alignment=4)
    sh = ParagraphStyle("sh", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=8, spaceAfter=6,
                        textColor=colors.HexColor("#8A1538"))
    quote = ParagraphStyle("q", fontName="Helvetica-Oblique", fontSize=11, leading=14, textColor=colors.HexColor("#8A1538"),
                           borderColor=colors.HexColor("#8A1538"), borderWidth=1, borderPadding=6, spaceBefore=8, spaceAfter=12,
                           backColor=colors.HexColor("#F8EEF1"))
    m = 16 * mm
    gap = 7 * mm
    colw = (W - 2 * m - gap) / 2
    mast_h = 62 * mm
    f1 = [Frame(m, m, colw, H - 2 * m - mast_h, id="l1"), Frame(m + colw + gap, m, colw, H - 2 * m - mast_h, id="r1")]
    f2 = [Frame(m, m, colw, H - 2 * m - 8 * mm, id="l2"), Frame(m + colw + gap, m, colw, H - 2 * m - 8 * mm, id="r2")]

    def first(c, d):
        c.saveState()
        c.setFillColor(colors.HexColor("#8A1538")); c.rect(0, H - 48 * mm, W, 48 * mm, fill=1, stroke=0)
        c.setFillColor(colors.white); c.setFont("Helvetica-Bold", 12); c.drawString(m, H - 14 * mm, inst.upper())
        c.setFont("Helvetica-Bold", 22); c.drawString(m, H - 26 * mm, "Technicians at the Heart of Ashcombe")
        c.setFont("Helvetica", 13); c.drawString(m, H - 35 * mm, "Our Technician Commitment Action Plan 2025\u20132028")
        c.setFont("Helvetica", 9); c.drawString(m, H - 43 * mm, "Issue 7  \u00b7  Autumn 2025  \u00b7  Staff newsletter special edition")
        c.setFillColor(colors.black); c.setFont("Times-Italic", 10)
        c.drawString(m, H - 55 * mm, "A message from the Vice-Chancellor and the Technician Commitment Lead")
        c.setFont("Helvetica", 8); c.drawCentredString(W / 2, 8 * mm, "1")
        c.restoreState()

    def later(c, d):
        c.saveState(); c.setFont("Helvetica", 8); c.setFillColor(colors.HexColor("#8A1538"))
        c.drawString(m, H - 11 * mm, "Technicians at the Heart of Ashcombe  |  Action Plan 2025\u20132028")
        c.drawRightString(W - m, H - 11 * mm, inst)
        c.setFillColor(colors.black); c.drawCentredString(W / 2, 8 * mm, str(d.page))
        c.restoreState()

    doc = BaseDocTemplate(str(pdf), pagesize=A4, title=title)
    doc.addPageTemplates([PageTemplate("first", f1, onPage=first, autoNextPageTemplate="later"),
                          PageTemplate("later", f2, onPage=later)])
    story = [Paragraph("Ashcombe signed the Technician Commitment in 2017 as one of its founding signatories. "
                       "This plan, our third, was shaped by a survey of 310 technical colleagues and by six "
                       "listening events held across our three campuses in spring 2025. It runs from August "
                       "2025 to July 2028. Each commitment below names the team that will lead it and when we "
                       "expect to deliver it.", body)]
    rows = []
    for si, (p, sname, items) in enumerate(sections, 1):
        story.append(Paragraph(f"{si}. {sname}: {PILLAR_NAMES[p]}", sh))
        for j, (lead_in, text, own, when) in enumerate(items, 1):
            aid = f"{si}.{j}"
            story.append(Paragraph(f"<b>{aid} {html.escape(lead_in)}.</b> {html.escape(text)} "
                                   f"<i>(Lead: {html.escape(own)}; {html.escape(when)})</i>", body))
            rows.append(row(text, action_id=aid, section=PILLAR_NAMES[p], pillars=[p], owner=own, timeframe=when,
                            aim=sname))
        if si == 2:
            story.append(Paragraph("\u201cFor the first time I can see where my career could go without having to "
                                   "leave the lab.\u201d \u2013 Senior Technician, School of Life Sciences", quote))
    story.append(Paragraph("Find out more", sh))
    story.append(Paragraph("Contact the Technician Commitment Lead at tc@ashcombe.ac.uk or visit the Technicians "
                           "page on the staff intranet.", body))
    doc.build(story)
    finish(pdf, {"institution": inst, "title": "Technician Commitment Action Plan 2025\u20132028",
                 "period_start": 2025, "period_end": 2028, "layout": "newsletter-two-column",
                 "stripped": False, "talent_annotated": False}, rows)


# --------------------------------------------------------------------------------------
# 6. Unruled progress report: whitespace columns, RAG words, Update column
# --------------------------------------------------------------------------------------
def plan_progress():
    inst = "Glenhollow University"
    title = "Technician Commitment Action Plan 2023\u20132026: Progress Report, July 2025"
    data = [
        ("V", "V.01", "Create a technicians\u2019 page on the staff intranet with news and contacts", "Comms Officer", "Jan 2024", "Complete",
         "Page launched February 2024; 1,800 views in the first year."),
        ("V", "V.02", "Name technical staff on departmental web pages", "Heads of Department", "Jul 2024", "Amber",
         "Done in 9 of 14 departments. Remaining departments are waiting for the new web template."),
        ("V", "V.03", "Hold an annual Technician Showcase open to the whole University", "TC Working Group", "Annually", "Green",
         "Second showcase held May 2025 with 42 posters."),
        ("V", "V.04", "Appoint technician representatives to the Research and Education committees", "University Secretary", "Dec 2024", "Red",
         "Terms of reference not yet changed; delayed by the governance review. New date December 2025."),
        ("R", "R.01", "Fund professional registration for technicians", "Technical Services Manager", "Ongoing", "Green",
         "31 technicians registered so far (target 45)."),
        ("R", "R.02", "Include a technician category in the annual staff awards", "HR", "Jun 2024", "Complete",
         "Category introduced; first award made June 2024."),
        ("R", "R.03", "Agree authorship and acknowledgement guidance for technical contributions", "Dean of Research", "Mar 2025", "Amber",
         "Draft guidance consulted on; final version to Research Committee in October 2025."),
        ("R", "R.04", "Recognise technical staff who teach through the HEA fellowship scheme", "Academic Practice", "Ongoing", "Green",
         "Six technicians gained Associate Fellowship this year."),
        ("CD", "CD.01", "Map career pathways for all technical job families", "HR Business Partner", "Dec 2024", "Amber",
         "Pathways drafted for laboratory and workshop families; IT and media families not started."),
        ("CD", "CD.02", "Provide a ring-fenced training budget for technicians", "Finance", "Apr 2024", "Complete",
         "\u00a340,000 a year allocated from 2024/25."),
        ("CD", "CD.03", "Set up a mentoring scheme for technical staff", "Organisational Development", "Sep 2024", "Green",
         "18 pairs matched; evaluation due autumn 2025."),
        ("CD", "CD.04", "Offer secondments and job shadowing between departments", "TC Working Group", "2025", "Red",
         "No secondments yet because of staffing pressures. Group to propose a backfill fund."),
        ("CD", "CD.05", "Introduce technical skills reviews as part of annual appraisal", "HR", "Sep 2024", "Complete",
         "New appraisal form in use from the 2024 round."),
        ("S", "S.01", "Produce a technical workforce plan including retirements and skills gaps", "Director of Technical Services", "Mar 2025", "Amber",
         "Data gathered; plan to be finished by December 2025."),
        ("S", "S.02", "Recruit technical apprentices each year", "Apprenticeships Team", "Annually", "Green",
         "Four apprentices started in 2024 and five in 2025."),
        ("S", "S.03", "Involve technicians in the design of the new Science Building", "Estates", "2023\u20132026", "Green",
         "Two technicians sit on the project board."),
        ("S", "S.04", "Write procedures for equipment and processes that only one person knows", "Technical Managers", "Dec 2025", "Amber",
         "About half of the identified procedures have been written up."),
        ("S", "S.05", "Report progress to the Executive Board each year", "TC Lead", "Annually", "Complete",
         "This report is the second annual update."),
    ]
    pdf = RAW / "glenhollow-tc-progress-report-2025.pdf"
    W, H = landscape(A4)
    st = ParagraphStyle("c", fontName="Times-Roman", fontSize=10, leading=12)
    hb = ParagraphStyle("h", fontName="Times-Bold", fontSize=10, leading=12)
    tdata = [[Paragraph(x, hb) for x in ["Ref", "Action", "Owner", "Due", "Status", "Update"]]]
    styles = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]
    rows = []
    last = None
    for p, ref, a, own, due, status, upd in data:
        if p != last:
            tdata.append([Paragraph(f"<b>{PILLAR_NAMES[p]}</b>", st)] + [""] * 5)
            styles.append(("SPAN", (0, len(tdata) - 1), (-1, len(tdata) - 1)))
            last = p
        tdata.append([Paragraph(x, st) for x in [ref, html.escape(a), html.escape(own), html.escape(due), status, html.escape(upd)]])
        rows.append(row(a, action_id=ref, section=PILLAR_NAMES[p], pillars=[p], owner=own, timeframe=due))
    tbl = LongTable(tdata, colWidths=[16 * mm, 82 * mm, 40 * mm, 22 * mm, 20 * mm, 87 * mm], repeatRows=1)
    tbl.setStyle(TableStyle(styles))

    def onpage(c, d):
        c.saveState(); c.setFont("Times-Italic", 9)
        c.drawString(15 * mm, H - 10 * mm, f"{inst} \u2013 Technician Commitment Progress Report 2025")
        c.drawRightString(W - 15 * mm, 8 * mm, f"Page {d.page}")
        c.restoreState()

    doc = SimpleDocTemplate(str(pdf), pagesize=(W, H), leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=16 * mm, bottomMargin=15 * mm, title=title)
    tst = ParagraphStyle("t", fontName="Times-Bold", fontSize=17, leading=21)
    story = [Paragraph(inst, tst), Paragraph(title, ParagraphStyle("t2", parent=tst, fontSize=13, leading=17)),
             Spacer(1, 3 * mm),
             Paragraph("This report records progress against each action in our 2023\u20132026 plan at the end of the "
                       "2024/25 academic year. Status: Complete; Green = on track; Amber = some delay; Red = at risk "
                       "or not started.", st), Spacer(1, 4 * mm), tbl]
    doc.build(story, onFirstPage=onpage, onLaterPages=onpage)
    finish(pdf, {"institution": inst, "title": "Technician Commitment Action Plan 2023\u20132026",
                 "period_start": 2023, "period_end": 2026, "layout": "unruled-progress-report",
                 "stripped": False, "talent_annotated": False}, rows)


if __name__ == "__main__":
    which = sys.argv[1:] or ["word", "slides", "gantt", "web", "newsletter", "progress"]
    for w in which:
        globals()["plan_" + w]()
