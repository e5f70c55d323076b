"""Small focused fixture PDFs (fictional "University of Exampleton") and their expected
rows. Each fixture is made the way the samples are (python-docx + LibreOffice), except
no-actions-prose, which is typeset with reportlab."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from docx.shared import Pt

from . import common as c
from . import expected as ex
from . import pages as pg

INSTITUTION = "University of Exampleton"
RAG_FILL = {"Red": "FF7C80", "Amber": "FFD966", "Green": "A9D08E"}
HEADER_FILL = "D9D9D9"
SECTION_FILL = "E2EFD9"


# ----------------------------------------------------------------------------- helpers


@dataclass
class Row:
    """A body row: cells as lists of paragraphs (str or add_runs dicts)."""
    cells: list[list]
    section: str | None = None  # a full-width section row instead
    fills: dict[int, str] = field(default_factory=dict)  # column index -> background hex


@dataclass
class TableSpec:
    columns: list[str]
    widths_cm: list[float]
    rows: list[Row] = field(default_factory=list)
    repeat_header: bool = True


def add_table(doc, spec: TableSpec, size: float | None = None, para_after: float = 3) -> None:
    table = doc.add_table(rows=1, cols=len(spec.columns))
    hdr = table.rows[0]
    if spec.repeat_header:
        c.repeat_as_header(hdr)
    for cell, label in zip(hdr.cells, spec.columns):
        c.cell_paragraphs(cell, [{"text": label, "bold": True}] if label else [], size=size)
        c.shade(cell, HEADER_FILL)
    for r in spec.rows:
        row = table.add_row()
        if r.section is not None:
            merged = row.cells[0].merge(row.cells[-1])
            c.cell_paragraphs(merged, [{"text": r.section, "bold": True}], size=size)
            c.shade(merged, SECTION_FILL)
            continue
        for cell, paras in zip(row.cells, r.cells):
            c.cell_paragraphs(cell, paras, after=para_after, size=size)
        for i, fill in r.fills.items():
            c.shade(row.cells[i], fill)
    c.set_table_borders(table)
    c.set_table_layout(table, spec.widths_cm)


def title_block(doc, title: str, intro: list[str], after_last: float = 8) -> None:
    p = doc.add_paragraph()
    c.para_spacing(p, 0, 6)
    r = p.add_run(title)
    r.bold = True
    r.font.size = Pt(15)
    for i, text in enumerate(intro):
        c.body(doc, text, after=after_last if i == len(intro) - 1 else 6)


def meta(title: str, period: tuple[int | None, int | None]) -> dict:
    return {"institution": INSTITUTION, "plan_title": title,
            "period_start": period[0], "period_end": period[1]}


def locate(rows: list[dict], pdf: Path, column: str, anchor: str,
           printed: list[str]) -> None:
    """Fill page_start/page_end of rows from the printed action paragraphs."""
    stream = pg.column_stream(pdf, column, anchor)
    for row, text in zip(rows, printed):
        hit = stream.find(text)
        if hit is None:
            raise RuntimeError(f"fixture text not found in {pdf.name}: {text[:60]!r}")
        row["page_start"], row["page_end"] = hit


# ----------------------------------------------------------------------------- 1. stitching

STITCH_TITLE = "Technician Commitment Action Plan 2025-2028"
STITCH_COLUMNS = ["Aim", "Actions", "Success Measures", "Timeframe", "Responsible", "TC Pillar"]
STITCH_WIDTHS = [5.2, 8.6, 4.2, 2.8, 3.3, 1.6]

# (section, aim id, aim text, citation, [(sub id, text)], success, timeframe, owner, pillars)
STITCH_AIMS = [
    ("Visibility - Make technicians and their contribution visible across the University.",
     "V1", "Publish an up-to-date directory of technical staff and their specialist skills.",
     None,
     [("V1.1", "Collect profiles from every technical team using a short online form."),
      ("V1.2", "Publish the directory on the staff intranet and link it from each faculty page."),
      ("V1.3", "Review the directory each autumn term and remove out-of-date entries.")],
     ["Directory published.", "At least 80% of technical staff listed."],
     ["March 2026", "Annual review"], ["Technical Services Manager"], "V"),
    (None, "V2", "Celebrate the work of technicians in internal communications.", "[TCR - R11]",
     [("V2.1", "Run a monthly 'Meet the Technician' feature in the staff newsletter."),
      ("V2.2", "Hold an annual technician showcase with posters and equipment demonstrations "
               "open to all staff and students."),
      ("V2.3", "Invite technical teams to present at faculty away days.")],
     ["Twelve features a year.", "Showcase attendance above 150."],
     ["From January 2026", "Each June"], ["Communications Officer", "TC Lead"], "V, R"),
    (None, "V3", "Give technicians a voice in the committees that shape their work.", None,
     [("V3.1", "Reserve a technician seat on each faculty executive and on the Health and "
               "Safety Committee."),
      ("V3.2", "Provide a short induction on committee work for new technician members.")],
     ["Technician members on all faculty executives."], ["September 2026"],
     ["Registrar", "TC Lead"], "V, S"),
    ("Recognition - Support technicians to gain recognition through professional "
     "registration and awards.",
     "R1", "Increase the number of technicians holding professional registration in "
           "every faculty.",
     "[TCR - R4]",
     [("R1.1", "Fund the first year of registration fees for every technician who applies."),
      ("R1.2", "Run two writing retreats a year for applicants."),
      ("R1.3", "Match applicants with registered mentors."),
      ("R1.4", "Publish a register of achievements.")],
     ["Registrations up by 25%."], ["Each year"], ["TC Lead"], "R, CD"),
    (None, "R2", "Recognise technical contributions to research and teaching outputs.",
     "[TCR - R12]",
     [("R2.1", "Add a technician contribution statement to the internal grant costing "
               "template so that technical effort is visible at application stage."),
      ("R2.2", "Ask module leaders to acknowledge technical support in module handbooks."),
      ("R2.3", "Use the CRediT taxonomy on institutional repository deposits and encourage "
               "authors to list technicians under the appropriate roles."),
      ("R2.4", "Report annually on the number of outputs that name technical staff.")],
     ["Contribution statement in use.", "Annual report to Research Committee."],
     ["July 2026", "Annual"], ["Pro-Vice-Chancellor Research", "Library"], "R"),
    ("Career Development - Provide clear, documented career pathways.",
     "CD1", "Build a technical career framework with clear progression routes between "
            "grades, job families and specialisms.",
     "[TCR - R2 and R9]",
     [("CD1.1", "Map all technical roles to a common set of job families and grade "
                "descriptors, consulting every technical team and the recognised trade "
                "unions."),
      ("CD1.2", "Publish worked examples of progression between grades, including "
                "progression through the acquisition of specialist skills and through "
                "management responsibilities."),
      ("CD1.3", "Introduce an annual progression window in which technicians can apply for "
                "regrading with support from their line manager."),
      ("CD1.4", "Train line managers of technical staff to hold career conversations as "
                "part of annual development reviews."),
      ("CD1.5", "Create a secondment register so that technicians can gain experience in "
                "other teams, faculties and partner institutions."),
      ("CD1.6", "Evaluate the framework after two years and publish the findings to all "
                "technical staff.")],
     ["Framework approved by the People Committee.", "First progression window held.",
      "Evaluation published."],
     ["December 2026", "Annual window from 2027", "Evaluation by July 2028"],
     ["Director of People", "TC Lead"], "CD, S"),
    (None, "CD2", "Widen access to training for technical staff.", "[TCR - R10]",
     [("CD2.1", "Ring-fence a technician training fund of £20,000 a year."),
      ("CD2.2", "Publish a termly digest of external training opportunities.")],
     ["Fund fully used each year."], ["From August 2025"], ["Head of Technical Services"],
     "CD"),
    ("Sustainability - Ensure the future sustainability of technical skills across the "
     "University.",
     "S1", "Plan the technical workforce so that specialist skills are not lost when staff "
           "retire or move on.", "[TCR - R1 and R3]",
     [("S1.1", "Build a skills register covering every technical team, recording specialist "
               "skills, equipment knowledge and the number of people who hold each skill."),
      ("S1.2", "Identify single points of failure and agree a shadowing plan for each one "
               "with the relevant head of department."),
      ("S1.3", "Record critical procedures in a shared, searchable knowledge base that is "
               "reviewed by the owning team every year."),
      ("S1.4", "Include technical workforce risks in faculty planning returns so that "
               "replacement posts are budgeted ahead of retirements."),
      ("S1.5", "Report progress on the register and the shadowing plans to the Steering "
               "Group twice a year.")],
     ["Skills register complete.", "Shadowing plan agreed for every single point of "
      "failure.", "Workforce risks included in planning returns."],
     ["Register by March 2026", "Shadowing plans by July 2026", "Planning returns from "
      "2026-27"], ["Head of Technical Services", "Faculty Operating Officers"], "S"),
    (None, "S2", "Open new entry routes into technical careers.", "[TCR - R4 and R8]",
     [("S2.1", "Recruit four technical apprentices a year across the faculties."),
      ("S2.2", "Offer T Level industry placements in at least three technical teams."),
      ("S2.3", "Work with the local college on a technician pathway for adult learners.")],
     ["Twelve apprentices recruited over the plan.", "Placements offered every year."],
     ["From September 2025"], ["HR Business Partner", "Technical Managers"], "S, CD"),
]


def _stitch_doc(intro_after: float):
    doc = c.new_document(landscape=True, size=10, margins_cm=(1.8, 1.6, 1.8, 1.6),
                         title=STITCH_TITLE, author=INSTITUTION)
    c.add_running_header_footer(doc, f"{INSTITUTION} – {STITCH_TITLE}")
    title_block(doc, f"{INSTITUTION}: {STITCH_TITLE}", [
        "This plan sets out the actions the University will take over the next three years "
        "under the four pillars of the Technician Commitment. Progress is reviewed each term "
        "by the Technician Commitment Steering Group.",
        "The actions were drafted with technicians from every faculty through a series of "
        "open workshops held in spring 2025 and were approved by the University Executive "
        "Board in June 2025. Where an aim responds to a recommendation of the TALENT "
        "Commission, the recommendation is cited in square brackets under the aim.",
        "Key to the TC Pillar column: V = Visibility; R = Recognition; CD = Career "
        "Development; S = Sustainability."], after_last=intro_after)
    spec = TableSpec(STITCH_COLUMNS, STITCH_WIDTHS)
    for sec, aid, aim, cit, subs, sm, tf, owner, pil in STITCH_AIMS:
        if sec:
            spec.rows.append(Row([], section=sec))
        aim_cell = [f"{aid} – {aim}"] + ([cit] if cit else [])
        spec.rows.append(Row([aim_cell, [f"{i} – {t}" for i, t in subs], sm, tf, owner, [pil]]))
    add_table(doc, spec, para_after=0)
    return doc


def _stitch_splits(pdf: Path) -> dict:
    aim_s = pg.column_stream(pdf, "Aim", "Actions")
    act_s = pg.column_stream(pdf, "Actions", "Aim")
    out = {}
    for sec, aid, aim, cit, subs, *_ in STITCH_AIMS:
        t = aim_s.find(f"{aid} – {aim}")
        ct = aim_s.find(cit) if cit else None
        acts = [act_s.find(f"{i} – {x}") for i, x in subs]
        out[aid] = (t, ct, acts)
    return out


def _stitch_ok(pdf: Path) -> tuple[bool, list[str]]:
    if pg.page_count(pdf) != 3:
        return False, ["not 3 pages"]
    s = _stitch_splits(pdf)
    t, ct, acts = s["R1"]
    ok_r1 = (t and ct and all(acts) and ct[0] == t[1] + 1 and acts[-1][0] == t[1] + 1
             and all(a[1] == t[1] for a in acts[:-1]))
    others = [aid for aid, (t, ct, acts) in s.items() if aid != "R1" and t and all(acts)
              and len({t[0], (ct or t)[1], acts[0][0], acts[-1][1]}) > 1]
    return bool(ok_r1 and others), [f"R1 ok={bool(ok_r1)}", f"other splits={others}"]


def stitch_row_across_pages(out_dir: Path) -> dict:
    pdf = out_dir / "stitch-row-across-pages.pdf"
    chosen = None
    # Find the gap after the intro that makes R1's page break fall between its last full
    # line and the citation / last sub-action (deterministic search, first hit wins).
    for after in [x * 1.0 for x in range(0, 200, 2)]:
        c.docx_to_pdf(_stitch_doc(after), pdf)
        ok, notes = _stitch_ok(pdf)
        if ok:
            chosen = after
            break
    if chosen is None:
        raise RuntimeError("no layout puts only R1's citation and last sub-action on the "
                           "next page")
    rows, printed = [], []
    section = None
    for sec, aid, aim, cit, subs, sm, tf, owner, pil in STITCH_AIMS:
        section = sec or section
        talent, other = ex.parse_citations([cit] if cit else [])
        for sid, text in subs:
            rows.append(ex.make_row(
                action_id=sid, parent_id=aid, section=section, aim=aim, action_text=text,
                success_measures=c.join_paras(sm), timeframe=c.join_paras(tf),
                owner=c.join_paras(owner), pillars_document=ex.pillar_codes_from_letters(pil),
                talent_document=talent, other_tags=other))
            printed.append(f"{sid} – {text}")
    locate(rows, pdf, "Actions", "Aim", printed)
    s = _stitch_splits(pdf)
    splits = []
    for aid, (t, ct, acts) in s.items():
        ps = sorted({t[0], t[1], *(ct or t), *(p for a in acts for p in a)})
        if len(ps) > 1:
            splits.append({"row": aid, "pages": ps})
    doc = ex.document(meta(STITCH_TITLE, (2025, 2028)), "tests/fixtures/" + pdf.name, rows,
                      pdf, splits, layout_note=(
                          f"R1 is cut so that only its citation [TCR - R4] and R1.4 land on "
                          f"page {s['R1'][1][0]}; intro gap {chosen:g} pt"))
    return doc


# ----------------------------------------------------------------------------- 2. sub-actions

MIXED_TITLE = "Technician Commitment Action Plan 2026-2029 (extract)"
MIXED_COLUMNS = ["Aim", "Actions", "Timeframe", "Lead", "TC Pillar"]
MIXED_WIDTHS = [5.5, 10.8, 3.0, 3.6, 2.6]

# (aim id, aim text, [(printed marker, normalised id or None, text)], timeframe, lead, pillars)
MIXED_AIMS = [
    ("A1", "Strengthen the Technician Network.", [
        ("A1.1 -", "A1.1", "Hold termly meetings of the Technician Network, alternating "
                           "between campuses."),
        ("A1.2 -", "A1.2", "Elect a chair and deputy chair from the technical community "
                           "every two years."),
        ("A1.3 -", "A1.3", "Publish meeting notes on the staff intranet within two weeks.")],
     "Termly", "Technical Services Manager", "V, S"),
    ("A2", "Improve induction for new technical staff.", [
        ("a)", "A2.a", "Write a technician induction checklist covering safety, systems and "
                       "people."),
        ("b)", "A2.b", "Assign every new technician a buddy from another team."),
        ("c)", "A2.c", "Survey new starters after six months and update the checklist.")],
     "By June 2027", "HR Partner (Technical)", "S, CD"),
    ("A3", "Promote technical careers to school and college students.", [
        ("•", None, "Offer ten work experience placements a year in technical teams."),
        ("•", None, "Take part in the regional science festival with hands-on stands."),
        ("•", None, "Film short videos of technicians describing their route into the "
                    "role.")],
     "Annually", "Outreach Manager", "V, S"),
    ("A4", "Support technicians who teach.", [
        ("(i)", "A4.i", "Open the Postgraduate Certificate in Teaching modules to "
                        "technicians."),
        ("(ii)", "A4.ii", "Recognise teaching support in workload allocation models.")],
     "From September 2026", "Academic Development Lead", "R, CD"),
    ("A5", "Review this plan at the mid-point.", [
        (None, None, "Commission an independent mid-point review of progress against every "
                     "aim in this plan and report the findings to the Steering Group.")],
     "March 2028", "TC Steering Group Chair", "S"),
]


def _mixed_paragraph(marker: str | None, text: str) -> str:
    if marker is None:
        return text
    if marker == "•":
        return f"•\t{text}"
    return f"{marker} {text}"


def subactions_mixed(out_dir: Path) -> dict:
    pdf = out_dir / "subactions-mixed.pdf"
    doc = c.new_document(landscape=True, size=10, margins_cm=(1.8, 1.6, 1.8, 1.6),
                         title=MIXED_TITLE, author=INSTITUTION)
    c.add_running_header_footer(doc, f"{INSTITUTION} – Technician Commitment")
    title_block(doc, f"{INSTITUTION}: {MIXED_TITLE}", [
        "Each aim lists its actions in the style its owning team used when drafting the plan."])
    spec = TableSpec(MIXED_COLUMNS, MIXED_WIDTHS)
    spec.rows.append(Row([], section="Whole-institution actions"))
    for aid, aim, subs, tf, lead, pil in MIXED_AIMS:
        spec.rows.append(Row([[f"{aid} – {aim}"],
                              [_mixed_paragraph(m, t) for m, _, t in subs],
                              [tf], [lead], [pil]]))
    add_table(doc, spec)
    c.docx_to_pdf(doc, pdf)
    rows, printed = [], []
    for aid, aim, subs, tf, lead, pil in MIXED_AIMS:
        for marker, norm, text in subs:
            rows.append(ex.make_row(
                action_id=norm, parent_id=aid, section="Whole-institution actions", aim=aim,
                action_text=text, timeframe=tf, owner=lead,
                pillars_document=ex.pillar_codes_from_letters(pil)))
            printed.append(text)
    locate(rows, pdf, "Actions", "Aim", printed)
    return ex.document(meta(MIXED_TITLE, (2026, 2029)), "tests/fixtures/" + pdf.name, rows, pdf,
                       notes=["A1 numbered 'A1.1 -', A2 lettered 'a)', A3 bullets (no ids), "
                              "A4 roman '(i)', A5 a single unnumbered action: exactly one row "
                              "with action_id null for A5 (A3's bullet rows are null too)."])


# ----------------------------------------------------------------------------- 3. headers

VARIANT_TITLE = "Technician Commitment: Stage 2 Action Plan 2025-27"
VARIANT_COLUMNS = ["Objective", "What we will do", "Lead", "By when", "KPI", "Link to TC", "RAG",
                   "Notes for auditors"]
VARIANT_WIDTHS = [4.4, 6.6, 2.6, 2.2, 3.4, 3.0, 1.3, 3.0]

# (id, objective, citation, [(sub id, text)], lead, by when, kpi, link-to-TC cell, pillars,
#  talent, rag, notes)
VARIANT_ROWS = [
    ("1", "Raise the profile of technical staff across the University.", None,
     [("1.1", "Launch a technician spotlight page on the intranet, updated monthly."),
      ("1.2", "Include technicians in the University's annual research highlights.")],
     "Director of Technical Services", "July 2026", "Spotlight page views; number of "
     "technicians featured.", "Visibility (V1) Sustainability (S1)", ["V", "S"], [], "Green",
     "Evidence: intranet analytics export, Q2 2026."),
    ("2", "Increase uptake of professional registration among technicians.",
     "[TCR – R4 and R8]",
     [("2.1", "Pay first-year registration fees through a central fund."),
      ("2.2", "Run a registration clinic every term with a registered mentor.")],
     "Head of Organisational Development", "December 2026", "30 new registrations by the "
     "end of the plan.", "Commitment areas: Recognition, Career Development", ["R", "CD"],
     ["R4", "R8"], "Amber", "Fund approved; clinic dates to be confirmed."),
    ("3", "Make sure technical contributions to research are credited.", None,
     [("3.1", "Add technician contribution guidance to the research publications policy.")],
     "Associate PVC Research", "March 2027", "Guidance published; audit of 50 papers.",
     "Recognition (R3)", ["R"], [], "Red",
     "Policy revision delayed to the spring Senate cycle."),
    ("4", "Plan the future technical workforce.", None,
     [("4.1", "Build a skills and succession register for all technical teams."),
      ("4.2", "Identify roles at risk from retirements over the next five years.")],
     "HR Business Partner", "July 2027", "Register complete for all faculties.",
     "Sustainability", ["S"], [], "Green", "Register template agreed with faculties."),
]


def headers_variant(out_dir: Path) -> dict:
    pdf = out_dir / "headers-variant.pdf"
    doc = c.new_document(landscape=True, size=9.5, margins_cm=(1.8, 1.5, 1.8, 1.5),
                         title=VARIANT_TITLE, author=INSTITUTION)
    c.add_running_header_footer(doc, f"{INSTITUTION} – {VARIANT_TITLE}")
    title_block(doc, f"{INSTITUTION}: {VARIANT_TITLE}", [
        "Progress against each objective is rated using the key below and reviewed by the "
        "Technician Commitment Steering Group every quarter."], after_last=6)
    key = TableSpec(["RAG", "Meaning"], [2.2, 9.0], rows=[
        Row([["Red"], ["Action not started or significantly behind schedule."]],
            fills={0: RAG_FILL["Red"]}),
        Row([["Amber"], ["Action started; some delay or risk to delivery."]],
            fills={0: RAG_FILL["Amber"]}),
        Row([["Green"], ["Action on track or complete."]], fills={0: RAG_FILL["Green"]}),
    ], repeat_header=False)
    add_table(doc, key)
    gap = doc.add_paragraph()
    c.para_spacing(gap, 0, 10)
    spec = TableSpec(VARIANT_COLUMNS, VARIANT_WIDTHS)
    for oid, obj, cit, subs, lead, when, kpi, link, _p, _t, rag, notes in VARIANT_ROWS:
        spec.rows.append(Row([[f"{oid}. {obj}"] + ([cit] if cit else []),
                              [f"{sid} {text}" for sid, text in subs],
                              [lead], [when], [kpi], [link], [rag], [notes]],
                             fills={6: RAG_FILL[rag]}))
    add_table(doc, spec)
    c.docx_to_pdf(doc, pdf)
    rows, printed = [], []
    for oid, obj, cit, subs, lead, when, kpi, link, pillars, talent, rag, notes in VARIANT_ROWS:
        for sid, text in subs:
            rows.append(ex.make_row(
                action_id=sid, parent_id=oid, section=None, aim=obj, action_text=text,
                success_measures=kpi, timeframe=when, owner=lead, pillars_document=pillars,
                talent_document=talent, other_tags=[], rag_status=rag,
                extra={"Notes for auditors": notes}))
            printed.append(f"{sid} {text}")
    locate(rows, pdf, "What we will do", "Objective", printed)
    return ex.document(
        meta(VARIANT_TITLE, (2025, 2027)), "tests/fixtures/" + pdf.name, rows, pdf,
        columns_as_printed=VARIANT_COLUMNS,
        unknown_headers=["Notes for auditors"],
        non_action_tables=[{"header": ["RAG", "Meaning"], "rows": 3, "page": 1}],
        notes=["'Visibility (V1)', 'Sustainability (S1)' and 'Recognition (R3)' are pillar "
               "references (Leeds style), not TALENT ids; only '[TCR – R4 and R8]' (en dash) "
               "is a TALENT citation.",
               "The RAG | Meaning key table is not an action table."])


# ----------------------------------------------------------------------------- 4. prose

PROSE_TITLE = "Our Technical Community: an Overview"
PROSE = [
    ("Introduction",
     ["Technicians at the University of Exampleton work in more than forty laboratories, "
      "workshops, studios and data facilities. They design and build experimental rigs, keep "
      "specialist equipment running, teach practical skills to students and advise "
      "researchers on methods and safety. This overview describes who they are and how the "
      "technical community has changed over the last decade.",
      "The University signed the Technician Commitment in 2019. The commitment asks "
      "signatories to make technicians visible, to recognise their contribution, to support "
      "their career development and to ensure the sustainability of technical skills. This "
      "document is a description of the community, not a plan: the University's action plan "
      "is published separately and reviewed by the Steering Group."]),
    ("Who our technicians are",
     ["There are 412 technical staff on open-ended contracts and around sixty more on "
      "fixed-term research grants. Just under half work in the Faculty of Science and "
      "Engineering; the rest are spread across the medical school, the creative arts, the "
      "library's digital services and the estates workshops.",
      "The community is older than the University's workforce as a whole: a third of "
      "technicians are over fifty-five, and many of the most specialised roles are held by a "
      "single person. Women make up forty-one per cent of technical staff, a figure that "
      "varies widely between disciplines.",
      "Many technicians hold professional registration with the Science Council or the "
      "Engineering Council, and a growing number hold teaching qualifications. Their career "
      "histories are varied: some joined as apprentices, others after doctorates, and others "
      "after careers in industry or the armed forces."]),
    ("How the community has changed",
     ["Ten years ago most technicians worked within a single department and rarely met "
      "colleagues from elsewhere. Since then, shared facilities have grown, a University-wide "
      "technician network meets each term, and technicians sit on faculty committees.",
      "The move to shared research platforms has brought technicians into closer contact "
      "with external users and industry partners, and with it new expectations about "
      "customer service, costing and quality management. It has also made technical "
      "expertise more visible to senior leaders.",
      "The pandemic years showed how much the University depends on its technical staff: "
      "laboratories that stayed open for essential research, and the teaching spaces that "
      "reopened first, were run by technicians."]),
    ("Looking ahead",
     ["The sector faces a shortage of technical skills, and the University is no exception. "
      "Recruitment to some specialist roles now takes more than six months, and retirements "
      "over the next decade will remove a great deal of experience.",
      "Readers who want to know what the University intends to do about these issues should "
      "consult the current Technician Commitment action plan and the progress reports that "
      "accompany it. This overview will be updated when the next staff survey results are "
      "available."]),
]


def no_actions_prose(out_dir: Path) -> dict:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    pdf = out_dir / "no-actions-prose.pdf"
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontName="Helvetica",
                          fontSize=11, leading=15, spaceAfter=8)
    h1 = ParagraphStyle("h1", parent=styles["Title"], fontName="Helvetica-Bold", fontSize=20,
                        leading=24, spaceAfter=14, alignment=0)
    h2 = ParagraphStyle("h2", parent=styles["Heading2"], fontName="Helvetica-Bold",
                        fontSize=13, leading=16, spaceBefore=10, spaceAfter=6)
    story = [Paragraph(f"{INSTITUTION}", body), Paragraph(PROSE_TITLE, h1)]
    for head, paras in PROSE:
        story.append(Paragraph(head, h2))
        story.extend(Paragraph(p, body) for p in paras)
        story.append(Spacer(1, 4))

    def footer(canvas, doc_):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, f"Page {doc_.page}")
        canvas.restoreState()

    with tempfile.TemporaryDirectory() as tmp:
        tmp_pdf = Path(tmp) / pdf.name
        doc = SimpleDocTemplate(str(tmp_pdf), pagesize=A4, leftMargin=2.6 * cm,
                                rightMargin=2.6 * cm, topMargin=2.4 * cm,
                                bottomMargin=2.4 * cm, title=PROSE_TITLE, author=INSTITUTION,
                                invariant=1)
        doc.build(story, onFirstPage=footer, onLaterPages=footer)
        pdf.write_bytes(c.pin_pdf_metadata(tmp_pdf.read_bytes()))
    return ex.document(meta(None, (None, None)), "tests/fixtures/" + pdf.name, [], pdf,
                       notes=["Prose only, no table and no actions: a pipeline must output "
                              "no rows."])


ALL = {
    "stitch-row-across-pages": stitch_row_across_pages,
    "subactions-mixed": subactions_mixed,
    "headers-variant": headers_variant,
    "no-actions-prose": no_actions_prose,
}
