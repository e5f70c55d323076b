#!/usr/bin/env python3
"""Blind round 2: six fictional Technician Commitment action plans in hard layouts, with gold.

Run with /work/main/.venv/bin/python make_plans.py  (needs reportlab, python-docx, PIL, pypdfium2,
pdfplumber, LibreOffice on PATH).  Writes raw/*.pdf and gold/*.gold.json beside this file.
Gold rows are built from the same data the renderers print; verify_gold() then checks every
action_text against the rendered PDF's text (pdfplumber) and sets page_start from it.
"""
import json
import os
import random
import re
import shutil
import subprocess
import tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, "raw")
GOLD = os.path.join(HERE, "gold")
TMP = os.path.join(HERE, "tmp")
PILLAR_NAME = {"V": "Visibility", "R": "Recognition", "CD": "Career Development", "S": "Sustainability"}


def row(text, action_id=None, section=None, aim=None, owner=None, timeframe=None, measures=None,
        pillars=(), talent=(), page_source_text=None):
    return {"action_id": action_id, "parent_id": None, "section": section, "aim": aim,
            "action_text": text, "details": None, "supporting_actions": None,
            "success_measures": measures, "timeframe": timeframe, "owner": owner, "resources": None,
            "pillars": list(pillars), "talent": list(talent), "page_start": None}


# =============================================================================== 1. Word, no table
HARROW = {
    "institution": "Harrowfield University",
    "title": "Technician Commitment Action Plan 2025–2028",
    "period": (2025, 2028),
    "sections": [
        ("V", [
            ("Objective 1: Make technical staff and their expertise easy to find", [
                ("Create a searchable directory of technical staff, their specialisms and the equipment they look after.",
                 "Head of Research Infrastructure", "July 2026",
                 ["Agree the directory fields with the Technician Network steering group.",
                  "Migrate existing equipment records from the departmental spreadsheets."]),
                ("Add a technician profile option to the staff web pages and invite every technician to complete one.",
                 "Digital Communications Manager", "December 2025", []),
            ]),
            ("Objective 2: Tell the story of technical work across the University", [
                ("Run an annual Technician Showcase during the spring term, open to students and visitors.",
                 "Technician Network Chair", "Annually, March", []),
                ("Feature at least one technical team each month in the internal staff bulletin.",
                 "Internal Communications", "Monthly from October 2025", []),
                ("Include technical contributors in the acknowledgements template for research outputs.",
                 "Research Office", "June 2026",
                 ["Publish guidance for authors on acknowledging technical staff.",
                  "Ask the Library to add the guidance to the open access deposit checklist."]),
            ]),
        ]),
        ("R", [
            ("Objective 3: Reward excellence in technical roles", [
                ("Introduce a Technician of the Year category in the Vice-Chancellor's Awards.",
                 "HR Reward Lead", "May 2026", []),
                ("Support at least ten technicians each year to apply for professional registration with the Science Council.",
                 "Technical Skills Coordinator", "Ongoing, reviewed each July",
                 ["Fund the registration fees for the first year of membership.",
                  "Provide peer mentors who already hold RSciTech, RSci or CSci status."]),
            ]),
            ("Objective 4: Credit technical work fairly", [
                ("Review the workload model so that technician time on teaching preparation is recorded.",
                 "Director of Academic Operations", "September 2026", []),
                ("Ensure technical staff are named on research grant applications where they make a substantive contribution.",
                 "Associate Pro-Vice-Chancellor (Research)", "From January 2026", []),
            ]),
        ]),
        ("CD", [
            ("Objective 5: Open up clear routes for progression", [
                ("Publish a technical career framework covering grades 3 to 8 with example role profiles.",
                 "HR Business Partner (Technical)", "March 2027", []),
                ("Pilot secondment opportunities between faculties for technicians seeking new skills.",
                 "Faculty Technical Managers", "2026/27 academic year", []),
                ("Create four technical apprenticeship posts in engineering and life sciences.",
                 "Apprenticeship Manager", "September 2026", []),
            ]),
            ("Objective 6: Protect time for learning", [
                ("Guarantee every technician five days of development time per year, recorded through the appraisal system.",
                 "Director of People", "From August 2025",
                 ["Update the appraisal form with a development time section.",
                  "Report uptake by faculty to the Technician Commitment Steering Group each term."]),
            ]),
        ]),
        ("S", [
            ("Objective 7: Plan the future technical workforce", [
                ("Carry out an age and skills profile of the technical workforce to identify succession risks.",
                 "Workforce Planning Analyst", "December 2026", []),
                ("Write succession plans for technical roles where a single person holds critical expertise.",
                 "Heads of School", "July 2027", []),
                ("Share technical expertise on the University's net zero laboratory programme through a green labs working group.",
                 "Sustainability Manager", "April 2026", []),
            ]),
        ]),
    ],
}


def add_page_field(paragraph):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def docx_to_pdf(docx_path, pdf_name):
    prof = tempfile.mkdtemp(prefix="lo_blind2_")
    out = tempfile.mkdtemp(prefix="lo_out_")
    subprocess.run(["soffice", "-env:UserInstallation=file://" + prof, "--headless", "--convert-to", "pdf",
                    "--outdir", out, docx_path], check=True, capture_output=True, timeout=180)
    base = os.path.splitext(os.path.basename(docx_path))[0] + ".pdf"
    shutil.move(os.path.join(out, base), os.path.join(RAW, pdf_name))
    shutil.rmtree(prof, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)


def make_harrow(name):
    from docx import Document
    from docx.shared import Pt, Cm
    d = Document()
    st = d.styles["Normal"]
    st.font.name = "Liberation Serif"
    st.font.size = Pt(11)
    sec = d.sections[0]
    sec.left_margin = sec.right_margin = Cm(2.2)
    hp = sec.header.paragraphs[0]
    hp.text = "Harrowfield University | Technician Commitment"
    fp = sec.footer.paragraphs[0]
    fp.add_run("Page ")
    add_page_field(fp)
    d.add_heading("Harrowfield University", level=0)
    d.add_paragraph(HARROW["title"]).runs[0].bold = True
    d.add_paragraph("Approved by the People Committee, 14 May 2025. Owner: Technician Commitment Steering Group.")
    d.add_heading("Introduction", level=1)
    d.add_paragraph("Harrowfield University signed the Technician Commitment in 2018 and submitted its first "
                    "self-assessment in 2020. This plan sets out what we will do over the next three years. "
                    "Since our last plan we have:")
    for t in ["Appointed a Technician Commitment Lead in each faculty.",
              "Held two technician conferences with more than 150 delegates each.",
              "Funded 37 technicians to complete accredited training."]:
        d.add_paragraph(t, style="List Bullet")
    d.add_paragraph("Each action below names an owner and a deadline. Sub-actions share the owner and "
                    "deadline of the action above them.")
    rows = []
    for pil, objectives in HARROW["sections"]:
        d.add_heading(PILLAR_NAME[pil], level=1)
        for obj, actions in objectives:
            d.add_heading(obj, level=2)
            for text, owner, dl, subs in actions:
                d.add_paragraph(text, style="List Bullet")
                p = d.add_paragraph()
                p.paragraph_format.left_indent = Cm(1.27)
                r = p.add_run("Owner: %s    Deadline: %s" % (owner, dl))
                r.italic = True
                rows.append(row(text, section=PILLAR_NAME[pil], aim=obj, owner=owner, timeframe=dl, pillars=[pil]))
                for s in subs:
                    d.add_paragraph(s, style="List Bullet 2")
                    rows.append(row(s, section=PILLAR_NAME[pil], aim=obj, owner=owner, timeframe=dl, pillars=[pil]))
    d.add_heading("Monitoring", level=1)
    d.add_paragraph("The Steering Group will review progress each term and report annually to the People Committee.")
    path = os.path.join(TMP, name.replace(".pdf", ".docx"))
    d.save(path)
    docx_to_pdf(path, name)
    return rows, dict(institution=HARROW["institution"], title=HARROW["title"], period=HARROW["period"],
                      layout="word-bullets", talent_annotated=False)


# =============================================================================== 2. Word two-row table
LOCH = [
    ("1.1", "V", "Establish a Technical Staff Forum that meets each term and reports to the University Research Committee.", "Forum minutes published on the intranet", "Chair of the Technician Commitment Group", "December 2024", ["R12"]),
    ("1.2", "V", "Display photographs and short biographies of technical teams at the entrance to each teaching laboratory.", "Displays in place in all 14 teaching labs", "Estates and Facilities", "June 2025", []),
    ("1.3", "V", "Nominate technicians for external awards such as the THE Technician of the Year and the Papin Prizes.", "At least three nominations per year", "Technician Commitment Lead", "Annually", []),
    ("1.4", "V", "Give technical staff a standing item at School Board meetings to report on facilities and equipment.", "Standing item on every School Board agenda", "Heads of School", "From January 2025", ["R12"]),
    ("1.5", "V", "Record short video interviews with technicians for the undergraduate open days.", "Six videos produced and shown at open days", "Marketing and Recruitment", "September 2025", []),
    ("2.1", "R", "Recognise technical contributions in the promotion criteria for academic staff who supervise technicians.", "Revised criteria approved by Senate", "Deputy Principal (People)", "August 2025", []),
    ("2.2", "R", "Launch a peer-nominated Technical Excellence Award with a prize fund for development activity.", "Award presented at the summer staff celebration", "HR Reward and Recognition", "July 2025", []),
    ("2.3", "R", "Introduce long service certificates for technical staff at 10, 20 and 30 years.", "Certificates issued each year", "HR Operations", "Ongoing", []),
    ("2.4", "R", "Encourage authorship or acknowledgement of technicians on papers arising from core facility work.", "Acknowledgement policy published; usage audited", "Director of Core Facilities", "March 2026", ["R7"]),
    ("3.1", "CD", "Provide funded places on an external technical leadership programme for senior technicians.", "Four places funded each year", "Organisational Development", "Each academic year", ["R3"]),
    ("3.2", "CD", "Set up a mentoring scheme that pairs early career technicians with experienced colleagues in another school.", "Twenty mentoring pairs active", "Technician Commitment Lead", "October 2025", []),
    ("3.3", "CD", "Map the training courses that count towards professional registration and publish the list.", "List published and updated yearly", "Technical Training Coordinator", "April 2025", []),
    ("3.4", "CD", "Offer a technician-specific induction covering health and safety, equipment booking and the career framework.", "All new technicians complete induction within three months", "Faculty Technical Managers", "From September 2024", []),
    ("3.5", "CD", "Explore a technical apprenticeship route in partnership with West Lothian College.", "Business case presented to the Executive", "Head of Apprenticeships", "2026", ["R5"]),
    ("4.1", "S", "Complete a workforce survey of all technical staff in the second year of the plan.", "Response rate above 60%", "Technician Commitment Group", "Spring 2026", []),
    ("4.2", "S", "Use the survey results to set priorities for the next Technician Commitment self-assessment.", "Priorities agreed and minuted", "Technician Commitment Group", "Summer 2026", []),
    ("4.3", "S", "Include technical staffing costs in the business cases for all new research equipment over £100k.", "Template updated; applied to every new case", "Research Finance", "January 2025", ["R14"]),
    ("4.4", "S", "Develop a shared technical services model for the three science schools to reduce single points of failure.", "Model agreed by Heads of School", "Director of Research Infrastructure", "December 2026", []),
    ("4.5", "S", "Share good practice with other Scottish signatories through the regional technician network.", "Two joint events held each year", "Technician Commitment Lead", "Ongoing", []),
    ("4.6", "S", "Review the plan annually and publish a progress report on the University website.", "Progress report published each autumn", "Technician Commitment Group", "Annually, October", []),
]


def tcr(talent):
    if not talent:
        return ""
    return " [TCR - %s]" % ", ".join(talent)


def set_repeat_header(docx_row):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    trPr = docx_row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def shade(cell, fill):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tcPr = cell._tc.get_or_add_tcPr()
    sh = OxmlElement("w:shd")
    sh.set(qn("w:val"), "clear")
    sh.set(qn("w:color"), "auto")
    sh.set(qn("w:fill"), fill)
    tcPr.append(sh)


def make_loch(name):
    from docx import Document
    from docx.shared import Pt, Cm
    d = Document()
    st = d.styles["Normal"]
    st.font.name = "Liberation Sans"
    st.font.size = Pt(10)
    sec = d.sections[0]
    sec.left_margin = sec.right_margin = Cm(2)
    sec.header.paragraphs[0].text = "Lochbrae University – Technician Commitment Action Plan 2024-2027"
    fp = sec.footer.paragraphs[0]
    fp.add_run("Lochbrae University is a charity registered in Scotland.    Page ")
    add_page_field(fp)
    d.add_heading("Lochbrae University", level=0)
    d.add_heading("Technician Commitment Action Plan 2024-2027", level=1)
    d.add_paragraph("This plan was drafted by the Technician Commitment Group after consultation with technical "
                    "staff in all schools. Where an action also answers a TALENT Commission recommendation, the "
                    "recommendation is cited in square brackets.")
    t = d.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    t.autofit = False
    for col, w in zip(t.columns, [Cm(1.4), Cm(12.4), Cm(3.2)]):
        col.width = w
    hdr = t.rows[0].cells
    for c, txt in zip(hdr, ["Ref", "Action", "Pillar"]):
        c.text = txt
        c.paragraphs[0].runs[0].bold = True
        shade(c, "1F3864")
        c.paragraphs[0].runs[0].font.color.rgb = __import__("docx.shared", fromlist=["RGBColor"]).RGBColor(255, 255, 255)
    set_repeat_header(t.rows[0])
    rows = []
    for ref, pil, text, meas, resp, by, tal in LOCH:
        r1 = t.add_row().cells
        r1[0].text = ref
        r1[1].text = text + tcr(tal)
        r1[2].text = PILLAR_NAME[pil]
        r2 = t.add_row()
        for c, w in zip(r2.cells, [Cm(1.4), Cm(12.4), Cm(3.2)]):
            c.width = w
        m = r2.cells[0].merge(r2.cells[2])
        m.text = "Success measure: %s / Responsible: %s / By: %s" % (meas, resp, by)
        m.paragraphs[0].runs[0].font.size = Pt(9)
        shade(m, "EDEDED")
        rows.append(row(text, action_id=ref, section=PILLAR_NAME[pil], owner=resp, timeframe=by, measures=meas,
                        pillars=[pil], talent=tal))
    t.autofit = False
    widths = [Cm(1.4), Cm(12.4), Cm(3.2)]
    for col, w in zip(t.columns, widths):
        col.width = w
    for r in t.rows:
        for c, w in zip(r.cells, widths):
            c.width = w
    d.add_paragraph()
    d.add_paragraph("Glossary: TALENT – the TALENT Commission report (2022); TCR – TALENT Commission "
                    "recommendation; RSciTech – Registered Science Technician.")
    path = os.path.join(TMP, name.replace(".pdf", ".docx"))
    d.save(path)
    docx_to_pdf(path, name)
    return rows, dict(institution="Lochbrae University", title="Technician Commitment Action Plan 2024-2027",
                      period=(2024, 2027), layout="word-two-row", talent_annotated=True)


# =============================================================================== 3. tick columns, landscape
FEN = [
    ("TC-01", "V", "Publish an annual report on the work of the Scientific Services teams, with case studies written by technicians.", "Head of Scientific Services", "March each year"),
    ("TC-02", "V R", "Add the names of facility staff to the acknowledgement line of every Institute press release about research enabled by a core facility.", "Communications Manager", "From October 2025"),
    ("TC-03", "V", "Hold quarterly open-door sessions in which each core facility explains its services to new research groups.", "Core Facility Managers", "Quarterly"),
    ("TC-04", "V S", "Ensure at least two technical staff sit on the Institute Operations Board and the Health and Safety Committee.", "Chief Operating Officer", "December 2025"),
    ("TC-05", "V", "Create a Technical Staff page on the Institute intranet with news, contacts and opportunities.", "Intranet Editor", "November 2025"),
    ("TC-06", "R", "Make technicians eligible for the Director's Prize for Outstanding Contribution on equal terms with scientists.", "Director's Office", "June 2026"),
    ("TC-07", "R CD", "Cover the cost of professional registration and annual fees for technical staff who seek it.", "HR Manager", "Ongoing from 2025"),
    ("TC-08", "R", "Agree a policy on co-authorship for technical staff who design or substantially adapt experimental methods.", "Research Integrity Committee", "September 2026"),
    ("TC-09", "R", "Publish thank-you notes from research groups on the technical staff intranet page each month.", "Intranet Editor", "Monthly"),
    ("TC-10", "R S", "Benchmark technical salaries against comparable institutes and report any gaps to the Remuneration Committee.", "Head of Reward", "April 2026"),
    ("TC-11", "CD", "Give every technician a personal development plan agreed at their annual review.", "Line managers", "By July 2026"),
    ("TC-12", "CD", "Set aside a training budget of £500 per technician per year, managed by the Technical Staff Forum.", "Finance Director", "From April 2026"),
    ("TC-13", "CD V", "Run a rotation scheme that lets technicians spend up to four weeks in another core facility.", "Core Facility Managers", "Pilot in 2026, full scheme 2027"),
    ("TC-14", "CD", "Support technicians to attend at least one external conference or technical meeting each year.", "Head of Scientific Services", "Annually"),
    ("TC-15", "CD S", "Offer two technician apprenticeships per year in partnership with a local further education college.", "HR Manager", "From September 2026"),
    ("TC-16", "CD", "Introduce a senior technical specialist grade for staff who lead on a technology rather than a team.", "Head of Reward", "March 2027"),
    ("TC-17", "S", "Draw up succession plans for all facility manager and deputy roles.", "Chief Operating Officer", "December 2026"),
    ("TC-18", "S", "Record the know-how held by long-serving staff in written procedures and short training videos.", "Core Facility Managers", "Rolling, reviewed yearly"),
    ("TC-19", "S V", "Take part in the regional technical network and host one of its meetings during the plan.", "Technician Commitment Champion", "By March 2028"),
    ("TC-20", "S", "Include technical staff time in the full economic costing of every grant that uses a core facility.", "Grants Office", "From January 2026"),
    ("TC-21", "S", "Reduce energy use in the cold rooms and freezer farms through a technician-led audit.", "Sustainability Officer", "2026-2027"),
    ("TC-22", "S R", "Review this plan with the Technical Staff Forum every six months and adjust it where needed.", "Technician Commitment Champion", "Every six months"),
]


def rl_fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    d = "/usr/share/fonts/truetype/dejavu/"
    for n, f in (("DejaVu", "DejaVuSans.ttf"), ("DejaVu-Bold", "DejaVuSans-Bold.ttf"),
                 ("DejaVuCond", "DejaVuSansCondensed.ttf"), ("DejaVuCond-Bold", "DejaVuSansCondensed-Bold.ttf")):
        try:
            pdfmetrics.registerFont(TTFont(n, d + f))
        except Exception:
            pass


def make_fen(name):
    from reportlab.lib.pagesizes import letter, landscape
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    rl_fonts()
    ps = ParagraphStyle("b", fontName="DejaVuCond", fontSize=8.5, leading=10.5)
    hs = ParagraphStyle("h", fontName="DejaVuCond-Bold", fontSize=8.5, leading=10.5, textColor=colors.white)
    title = ParagraphStyle("t", fontName="DejaVu-Bold", fontSize=16, leading=20)
    sub = ParagraphStyle("s", fontName="DejaVu", fontSize=10, leading=13)
    path = os.path.join(RAW, name)
    doc = SimpleDocTemplate(path, pagesize=landscape(letter), leftMargin=14 * mm, rightMargin=14 * mm,
                            topMargin=18 * mm, bottomMargin=16 * mm)

    def deco(c, d):
        c.saveState()
        c.setFont("DejaVu", 7.5)
        c.drawString(14 * mm, landscape(letter)[1] - 10 * mm, "Fenwick Institute of Biomedical Science  ·  Technician Commitment")
        c.drawRightString(landscape(letter)[0] - 14 * mm, 9 * mm, "%d" % d.page)
        c.restoreState()
    head = [Paragraph(x, hs) for x in ["Ref", "Action", "V", "R", "CD", "S", "Owner", "Target date"]]
    data = [head]
    rows = []
    for ref, pils, text, owner, tf in FEN:
        pl = pils.split()
        data.append([Paragraph(ref, ps), Paragraph(text, ps)] +
                    [Paragraph("✓" if p in pl else "", ps) for p in ("V", "R", "CD", "S")] +
                    [Paragraph(owner, ps), Paragraph(tf, ps)])
        rows.append(row(text, action_id=ref, owner=owner, timeframe=tf, pillars=pl))
    t = Table(data, colWidths=[16 * mm, 118 * mm, 9 * mm, 9 * mm, 9 * mm, 9 * mm, 45 * mm, 33 * mm], repeatRows=1)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#00594F")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (2, 1), (5, -1), "CENTER"),
    ]))
    story = [Paragraph("Fenwick Institute of Biomedical Science", title),
             Paragraph("Technician Commitment Action Plan 2025-28", sub),
             Paragraph("Prepared by the Technical Staff Forum and approved by the Institute Management Board, "
                       "September 2025. A tick shows the Technician Commitment pillar(s) each action supports.", sub),
             Spacer(1, 6 * mm), t, Spacer(1, 4 * mm),
             Paragraph("Key: V = Visibility; R = Recognition; CD = Career Development; S = Sustainability.", sub)]
    doc.build(story, onFirstPage=deco, onLaterPages=deco)
    return rows, dict(institution="Fenwick Institute of Biomedical Science",
                      title="Technician Commitment Action Plan 2025-28", period=(2025, 2028),
                      layout="tick-columns", talent_annotated=False)


# =============================================================================== 4. zebra, borderless, A4 portrait
CARRICK = [
    ("V", [
        ("V1", "Continue to publish a monthly 'Meet the Technician' feature in the staff e-newsletter, rotating across faculties so that every technical area is featured at least once during the plan period.", "24 features published; readership statistics reviewed each quarter", "Internal Communications Officer", "Monthly to July 2026", "Green", []),
        ("V2", "Establish a Technician Commitment web page on the public website describing our commitment, our action plan and the achievements of technical staff.", "Page live and updated at least termly", "Technician Commitment Project Officer", "October 2024", "Amber", []),
        ("V3", "Invite technical staff to present at Faculty research away days alongside academic colleagues.", "At least one technical presentation at each Faculty away day", "Associate Deans (Research)", "Annually", "New", []),
        ("V4", "Ensure that technical staff are represented on the University Council's People Committee and on each Faculty Executive.", "Membership lists confirmed", "University Secretary", "December 2024", "Amber", ["R12"]),
        ("V5", "Produce a map of technical facilities and their staff for use by visiting researchers, industrial partners and prospective students.", "Map published in print and online", "Research and Enterprise Office", "June 2025", "New", []),
        ("V6", "Celebrate International Technician Day (or an equivalent day) each year with a University-wide event.", "Event held; attendance above 100", "Technician Network Committee", "Each year", "Green", []),
    ]),
    ("R", [
        ("R1", "Include a specific category for technical staff in the annual Excellence Awards and ensure the judging panel includes a senior technician.", "Category awarded each year", "HR Reward Manager", "April 2025", "Green", []),
        ("R2", "Review technical job descriptions to make sure that the skills, responsibilities and specialist knowledge of each role are described accurately and consistently.", "All technical job descriptions reviewed and re-graded where appropriate", "HR Business Partners", "March 2026", "Amber", []),
        ("R3", "Introduce a contribution statement template that allows researchers to record technical input on papers, theses and grant reports.", "Template adopted by all research-active schools", "Research Policy Manager", "September 2025", "New", ["R7"]),
        ("R4", "Support technical staff to gain professional registration by covering fees and providing assessors from within the University.", "Fifteen new registrations during the plan", "Technician Commitment Project Officer", "July 2026", "Green", []),
        ("R5", "Thank technical teams publicly in the Vice-Chancellor's termly all-staff briefing when a facility achieves an accreditation or a major milestone.", "Mentions recorded in briefing notes", "Vice-Chancellor's Office", "Termly", "New", []),
    ]),
    ("CD", [
        ("CD1", "Launch a Technical Career Pathways guide setting out the routes between grades, the skills expected at each grade and how to gain them.", "Guide published; career conversations include it", "Head of Organisational Development", "January 2026", "Amber", ["R2", "R3", "R4"]),
        ("CD2", "Ring-fence funds from the Research England Enhancing Research Culture allocation for technician-led development projects.", "At least eight projects funded each year", "Pro Vice-Chancellor (Research)", "Each financial year", "Green", []),
        ("CD3", "Develop a technical apprenticeship programme at Level 3 and Level 6 in partnership with the local college.", "First cohort of apprentices recruited", "Apprenticeships Manager", "September 2025", "New", []),
        ("CD4", "Offer shadowing placements so that technicians can spend time with colleagues in other universities or in industry.", "Ten placements completed", "Faculty Technical Managers", "By July 2026", "New", []),
        ("CD5", "Provide training in teaching and demonstrating for technicians who support undergraduate practical classes, leading to Associate Fellowship of Advance HE where wanted.", "Twelve technicians complete the course", "Academic Development Unit", "2025/26", "Amber", ["R8"]),
        ("CD6", "Create a leadership development programme for senior technical managers.", "Programme designed and first cohort started", "Head of Organisational Development", "April 2026", "New", []),
    ]),
    ("S", [
        ("S1", "Analyse the age profile, grade profile and turnover of technical staff and report the findings to the People Committee.", "Report considered by People Committee", "HR Information Manager", "November 2024", "Green", []),
        ("S2", "Identify roles with specialist knowledge held by a single member of staff and agree a plan to share that knowledge.", "Risk register of single-person roles held by each Faculty", "Faculty Technical Managers", "June 2025", "Amber", []),
        ("S3", "Include technical staff in planning for new buildings, refurbishments and major equipment purchases from the earliest stage.", "Technical representative named on every capital project board", "Director of Estates", "Ongoing", "Green", ["R14"]),
        ("S4", "Set up a Technician Network Committee with elected members from each Faculty and a budget for its activities.", "Committee meets at least four times a year", "Technician Commitment Project Officer", "September 2024", "Green", []),
        ("S5", "Evaluate the impact of this action plan through a repeat technician survey and focus groups, and use the results in our Stage 3 self-assessment.", "Survey response rate of at least 50%; Stage 3 submission made", "Technician Commitment Steering Group", "July 2026", "New", []),
        ("S6", "Work with the Green Impact team to recognise technicians who reduce waste, water or energy use in laboratories and workshops.", "At least five laboratories achieve LEAF accreditation", "Sustainability Manager", "March 2026", "New", []),
    ]),
]


def tcr_words(t):
    if not t:
        return ""
    if len(t) == 1:
        return " [TCR - %s]" % t[0]
    return " [TCR - %s and %s]" % (", ".join(t[:-1]), t[-1])


def make_carrick(name):
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    ps = ParagraphStyle("b", fontName="Times-Roman", fontSize=9, leading=11)
    hs = ParagraphStyle("h", fontName="Times-Bold", fontSize=9, leading=11)
    secs = ParagraphStyle("sec", fontName="Times-Bold", fontSize=10.5, leading=13, textColor=colors.HexColor("#7A1F1F"))
    title = ParagraphStyle("t", fontName="Times-Bold", fontSize=18, leading=22)
    sub = ParagraphStyle("s", fontName="Times-Roman", fontSize=11, leading=14)
    path = os.path.join(RAW, name)
    W, H = A4
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=20 * mm,
                            bottomMargin=18 * mm)

    def deco(c, d):
        c.saveState()
        c.setFont("Times-Italic", 8)
        c.drawString(15 * mm, H - 12 * mm, "University of Carrick Moor — Technician Commitment Stage 2 Action Plan")
        c.drawRightString(W - 15 * mm, 10 * mm, "Page %d" % d.page)
        c.restoreState()
    data = [[Paragraph(x, hs) for x in ["No.", "Action", "Measure of success", "Responsible", "Target date", "RAG"]]]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 0, colors.white),
             ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    rows = []
    zebra = 0
    for pil, acts in CARRICK:
        data.append([Paragraph(PILLAR_NAME[pil], secs), "", "", "", "", ""])
        i = len(data) - 1
        style += [("SPAN", (0, i), (-1, i))]
        for aid, text, meas, resp, tf, rag, tal in acts:
            data.append([Paragraph(aid, ps), Paragraph(text + tcr_words(tal), ps), Paragraph(meas, ps),
                         Paragraph(resp, ps), Paragraph(tf, ps), Paragraph(rag, ps)])
            i = len(data) - 1
            if zebra % 2 == 0:
                style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#EEF1F5")))
            zebra += 1
            rows.append(row(text, action_id=aid, section=PILLAR_NAME[pil], owner=resp, timeframe=tf, measures=meas,
                            pillars=[pil], talent=tal))
    t = Table(data, colWidths=[11 * mm, 64 * mm, 40 * mm, 30 * mm, 21 * mm, 14 * mm], repeatRows=1)
    t.setStyle(TableStyle(style))
    story = [Paragraph("University of Carrick Moor", title),
             Paragraph("Technician Commitment Stage 2 Action Plan 2024–2026", sub), Spacer(1, 3 * mm),
             Paragraph("This plan follows our Stage 1 self-assessment (2022). RAG shows the status at the time of "
                       "writing: Green – on track; Amber – started, some delay; New – not yet started. Actions "
                       "that respond to the TALENT Commission cite the recommendation as [TCR - Rn].", sub),
             Spacer(1, 5 * mm), t]
    doc.build(story, onFirstPage=deco, onLaterPages=deco)
    return rows, dict(institution="University of Carrick Moor",
                      title="Technician Commitment Stage 2 Action Plan 2024–2026", period=(2024, 2026),
                      layout="zebra-unruled", talent_annotated=True)


def netw():
    from reportlab.lib.units import mm
    return 17 * mm


# =============================================================================== 5. slides
STAN = [
    ("Visibility", [
        ("V01", "Run a 'Behind the Scenes' tour programme so that students and visitors can see technical facilities at work.", "Technical Services Manager", "From Sept 2025"),
        ("V02", "Add a technician section to the University's annual research report.", "Research Office", "Annual report 2026"),
        ("V03", "Put technicians' names and roles on the door signs of every laboratory and workshop.", "Estates", "Summer 2026"),
        ("V04", "Invite technicians to speak at Welcome Week sessions for new students on practical courses.", "Course Leaders", "Each September"),
        ("V05", "Share technician stories on the University's social media channels at least twice a month.", "Social Media Team", "Ongoing"),
    ], "Speaker notes: stress that V01 builds on the 2024 pilot in the School of Art, which drew 300 visitors. Ask Faculties to name a contact for tours."),
    ("Recognition", [
        ("R01", "Name technical staff in the credits of student showcase events, degree shows and performances they support.", "Heads of Department", "From 2025/26"),
        ("R02", "Add a 'Technical Excellence' strand to the staff recognition scheme.", "People Services", "Jan 2026"),
        ("R03", "Fund professional registration for technicians and celebrate each new registrant at a termly network event.", "TC Champion", "Termly"),
        ("R04", "Review pay and grading for technical roles after the national pay framework review is published.", "Director of People Services", "2027"),
    ], "Speaker notes: the recognition scheme budget was agreed by the Executive in June. Registration numbers rose from 9 to 21 during the last plan."),
    ("Career Development", [
        ("CD01", "Give every technician access to the University's LinkedIn Learning licence and time to use it.", "People Services", "Oct 2025"),
        ("CD02", "Set up a technician-to-technician mentoring scheme with training for mentors.", "TC Champion", "Spring 2026"),
        ("CD03", "Create secondment opportunities into project roles within Technical Services for staff wishing to move into management.", "Technical Services Manager", "2026/27"),
    ], "Speaker notes: survey respondents ranked time for training as their top need; mentoring was second."),
    ("Career Development (continued)", [
        ("CD04", "Work with the Students' Union to offer paid student technician internships over the summer.", "Careers Service", "Summer 2026 and 2027"),
        ("CD05", "Support technicians who teach to complete the Postgraduate Certificate in Higher Education or an equivalent course.", "Academic Practice Unit", "Ongoing"),
        ("CD06", "Publish case studies of technicians who have progressed into senior or specialist roles.", "TC Champion", "Mar 2027"),
    ], "Speaker notes: internships depend on the Students' Union bid to the Widening Participation fund."),
    ("Sustainability", [
        ("S01", "Hold a technical workforce planning meeting with each Faculty every year before budgets are set.", "Faculty Operating Officers", "Annually, Feb"),
        ("S02", "Create a central pool of relief technicians to cover absence and peak demand.", "Technical Services Manager", "Pilot 2026/27"),
        ("S03", "Document critical equipment procedures so that knowledge is not held by one person.", "Technical Team Leaders", "By Jul 2027"),
        ("S04", "Join the regional technician network and send representatives to each meeting.", "TC Champion", "Ongoing"),
        ("S05", "Report progress against this plan to the University Executive Board twice a year.", "Director of People Services", "Every six months"),
    ], "Speaker notes: a third of technicians are over 55; the relief pool is the main answer to the retirement risk."),
]


def make_stan(name):
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Table, TableStyle, Paragraph
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    W, H = 960, 540
    path = os.path.join(RAW, name)
    c = canvas.Canvas(path, pagesize=(W, H))
    ps = ParagraphStyle("b", fontName="Helvetica", fontSize=12, leading=14.5)
    hs = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=12, leading=14.5, textColor=colors.white)
    navy = colors.HexColor("#2B2D6E")
    page = [0]

    def chrome():
        page[0] += 1
        c.setFillColor(navy)
        c.rect(0, H - 8, W, 8, fill=1, stroke=0)
        c.setFillColor(colors.grey)
        c.setFont("Helvetica", 9)
        c.drawString(40, 18, "Stannington Metropolitan University | Technician Commitment")
        c.drawRightString(W - 40, 18, "%d" % page[0])
        c.setFillColor(colors.black)
    # title slide
    chrome()
    c.setFillColor(navy)
    c.setFont("Helvetica-Bold", 34)
    c.drawString(60, 330, "Stannington Metropolitan University")
    c.setFont("Helvetica", 24)
    c.drawString(60, 285, "Technician Commitment Action Plan 2025/26 – 2027/28")
    c.setFont("Helvetica", 14)
    c.setFillColor(colors.black)
    c.drawString(60, 240, "Presented to the University Executive Board, July 2025")
    c.drawString(60, 218, "Technician Commitment Champion and the Technical Services Network")
    c.showPage()
    rows = []
    for sect, acts, notes in STAN:
        chrome()
        c.setFillColor(navy)
        c.setFont("Helvetica-Bold", 28)
        c.drawString(40, H - 60, sect)
        c.setFillColor(colors.black)
        data = [[Paragraph(x, hs) for x in ["#", "What we will do", "Lead", "When"]]]
        pil = [k for k, v in PILLAR_NAME.items() if sect.startswith(v)][0]
        for aid, text, lead, when in acts:
            data.append([Paragraph(aid, ps), Paragraph(text, ps), Paragraph(lead, ps), Paragraph(when, ps)])
            rows.append(row(text, action_id=aid, section=PILLAR_NAME[pil], owner=lead, timeframe=when, pillars=[pil]))
        t = Table(data, colWidths=[55, 520, 185, 120])
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.75, colors.HexColor("#9999BB")),
                               ("BACKGROUND", (0, 0), (-1, 0), navy), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
        tw, th = t.wrapOn(c, W - 80, H)
        t.drawOn(c, 40, H - 90 - th)
        c.setFont("Helvetica-Oblique", 7)
        c.setFillColor(colors.HexColor("#666666"))
        c.drawString(40, 40, notes)
        c.setFillColor(colors.black)
        c.showPage()
    chrome()
    c.setFont("Helvetica-Bold", 28)
    c.drawString(40, H - 60, "Questions?")
    c.setFont("Helvetica", 16)
    c.drawString(40, H - 120, "Contact the Technician Commitment Champion: tc-champion@stannington.example.ac.uk")
    c.drawString(40, H - 150, "Progress will be reported to the Executive Board every six months.")
    c.showPage()
    c.save()
    return rows, dict(institution="Stannington Metropolitan University",
                      title="Technician Commitment Action Plan 2025/26 – 2027/28", period=(2025, 2028),
                      layout="slides", talent_annotated=False)


# =============================================================================== 6. scan
ALDER = [
    ("1", "V", "Appoint a Technician Commitment Champion in each School to share news and gather views.", "TC Steering Group", "Oct 2023"),
    ("2", "V", "Publish a termly technician newsletter.", "TC Champion", "Termly"),
    ("3", "V", "Include technical staff in School open days and applicant visit days.", "School Managers", "From Jan 2024"),
    ("4", "V", "Present a report on the Technician Commitment to Senate each year.", "PVC Research", "Annually"),
    ("5", "R", "Introduce a technician category in the staff awards.", "HR", "May 2024"),
    ("6", "R", "Acknowledge technical support in all research publications using a standard wording.", "Research Office", "Sept 2024"),
    ("7", "R", "Pay professional registration fees for technicians.", "HR", "Ongoing"),
    ("8", "R", "Review the grading of technical roles against the HERA scheme.", "HR Reward", "2025"),
    ("9", "CD", "Ensure all technicians have an annual development review.", "Line Managers", "Annually"),
    ("10", "CD", "Provide a training fund for technicians to attend courses and conferences.", "Finance", "From Aug 2024"),
    ("11", "CD", "Start a mentoring scheme for technicians.", "TC Champion", "Mar 2025"),
    ("12", "CD", "Offer apprenticeships in technical roles.", "HR", "2025"),
    ("13", "S", "Collect data on the age and grade of technical staff and plan for retirements.", "HR", "Dec 2024"),
    ("14", "S", "Write down key procedures for specialist equipment.", "Technical Managers", "2025"),
    ("15", "S", "Attend meetings of the regional technician network.", "TC Champion", "Ongoing"),
    ("16", "S", "Review this action plan each year with technicians.", "TC Steering Group", "Annually"),
]


def make_alder(name):
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle, Paragraph, Spacer, PageBreak
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    ps = ParagraphStyle("b", fontName="Helvetica", fontSize=11.5, leading=15)
    hs = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=11.5, leading=15)
    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=15, leading=19)
    sub = ParagraphStyle("s", fontName="Helvetica", fontSize=10.5, leading=14)
    src = os.path.join(TMP, "alder-source.pdf")
    W, H = A4
    doc = SimpleDocTemplate(src, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=22 * mm,
                            bottomMargin=20 * mm)

    def deco(c, d):
        c.saveState()
        c.setFont("Helvetica", 8)
        c.drawString(18 * mm, H - 13 * mm, "Aldermoor University")
        c.drawRightString(W - 18 * mm, 11 * mm, "Page %d" % d.page)
        c.restoreState()
    data = [[Paragraph(x, hs) for x in ["Pillar", "No.", "Action", "Lead", "Timescale"]]]
    style = [("GRID", (0, 0), (-1, -1), 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
             ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]
    rows = []
    start = {}
    for no, pil, text, lead, ts in ALDER:
        first = pil not in start
        if first:
            start[pil] = len(data)
        data.append([Paragraph(PILLAR_NAME[pil], ps) if first else "", Paragraph(no, ps), Paragraph(text, ps),
                     Paragraph(lead, ps), Paragraph(ts, ps)])
        rows.append(row(text, action_id=no, section=PILLAR_NAME[pil], owner=lead, timeframe=ts, pillars=[pil]))
    ends = {}
    for pil in start:
        ends[pil] = max(i for i, (n, p, *_ ) in enumerate(ALDER, 1) if p == pil)
    for pil, s in start.items():
        style.append(("SPAN", (0, s), (0, ends[pil])))
    t = Table(data, colWidths=[30 * mm, 11 * mm, 82 * mm, 25 * mm, 26 * mm], repeatRows=1)
    t.setStyle(TableStyle(style))
    story = [Paragraph("Aldermoor University", title),
             Paragraph("Technician Commitment Action Plan 2023 - 2026", title), Spacer(1, 4 * mm),
             Paragraph("Signed: Pro Vice-Chancellor (Research), on behalf of the Technician Commitment Steering "
                       "Group. This copy was scanned from the signed paper version held by the Research Office.", sub),
             Spacer(1, 6 * mm), t]
    doc.build(story, onFirstPage=deco, onLaterPages=deco)
    # rasterise, skew, noise -> image-only PDF
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter
    import numpy as np
    rnd = np.random.default_rng(7)
    pdf = pdfium.PdfDocument(src)
    imgs = []
    for i in range(len(pdf)):
        im = pdf[i].render(scale=200 / 72).to_pil().convert("L")
        im = im.rotate([0.8, -0.6, 0.5][i % 3], resample=Image.BICUBIC, expand=False, fillcolor=245)
        a = np.asarray(im).astype(np.float32)
        a = a * 0.93 + 12 + rnd.normal(0, 9, a.shape)
        speck = rnd.random(a.shape) < 0.0008
        a[speck] = 40
        im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.5))
        imgs.append(im)
    imgs[0].save(os.path.join(RAW, name), save_all=True, append_images=imgs[1:], resolution=200.0)
    return rows, dict(institution="Aldermoor University", title="Technician Commitment Action Plan 2023 - 2026",
                      period=(2023, 2026), layout="scan", talent_annotated=False, text_source=src)


# =============================================================================== gold + verification
def normtxt(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"-\s*\n\s*", "-", s)
    return re.sub(r"\s+", " ", s).strip().lower()


def words(s):
    return re.findall(r"[\w']+", normtxt(s))


def verify_gold(rows, pdf_path):
    import pdfplumber
    with pdfplumber.open(pdf_path) as pdf:
        pages = [p.extract_text() or "" for p in pdf.pages]
    allw = Counter()
    for p in pages:
        allw.update(words(p))
    problems = []
    for r in rows:
        need = Counter(words(r["action_text"]))
        missing = [w for w, c in need.items() if allw[w] < c]
        if missing:
            problems.append((r["action_text"][:50], missing))
        head = " ".join(words(r["action_text"])[:3])
        pg = [i + 1 for i, p in enumerate(pages) if head in " ".join(words(p))]
        if not pg:
            problems.append((r["action_text"][:50], "start not found"))
        # first page holding the start, after the previous row's page
        r["page_start"] = pg[0] if pg else None
    # page order must be non-decreasing; fix duplicates of short heads by taking the first page >= previous
    prev = 1
    for r in rows:
        head = " ".join(words(r["action_text"])[:5])
        cand = [i + 1 for i, p in enumerate(pages) if head in " ".join(words(p)) and i + 1 >= prev]
        if cand:
            r["page_start"] = cand[0]
        prev = r["page_start"] or prev
    return len(pages), problems


PLANS = [
    ("harrowfield-technician-commitment-plan-2025-28.pdf", make_harrow),
    ("lochbrae-tc-action-plan-2024-2027.pdf", make_loch),
    ("fenwick-institute-tc-action-plan-2025-28.pdf", make_fen),
    ("carrick-moor-tc-stage2-action-plan.pdf", make_carrick),
    ("stannington-met-tc-plan-slides.pdf", make_stan),
    ("aldermoor-tc-action-plan-2023-26-scanned.pdf", make_alder),
]


def main():
    for d in (RAW, GOLD, TMP):
        os.makedirs(d, exist_ok=True)
    for name, fn in PLANS:
        rows, meta = fn(name)
        src = meta.pop("text_source", None) or os.path.join(RAW, name)
        npages, problems = verify_gold(rows, src)
        g = {"source_file": name, "institution": meta["institution"], "title": meta["title"],
             "period_start": meta["period"][0], "period_end": meta["period"][1], "layout": meta["layout"],
             "stripped": False, "talent_annotated": meta["talent_annotated"], "pages": npages, "rows": rows}
        with open(os.path.join(GOLD, name[:-4] + ".gold.json"), "w", encoding="utf-8") as fh:
            json.dump(g, fh, indent=1, ensure_ascii=False)
        print("%-48s pages=%d rows=%d problems=%s" % (name, npages, len(rows), problems or "none"))


if __name__ == "__main__":
    main()
