#!/usr/bin/env python3
"""Build the six blind-round-7 plans (raw/) and gold (gold/) from plans_data.py.
Run: PYTHONPATH=pylib /work/main/.venv/bin/python make_plans.py [1..6]
1 python-pptx native tables -> LO impress; 2 docx headings + labelled paragraphs; 3 docx mixed orientation
+ cover/contents/glossary; 4 docx table, inline numbered actions with (Lead: X); 5 docx ruled table -> LO ->
raster scan 170 dpi, skew, grey paper; 6 docx progress report with summary counts table."""
import json, os, re, shutil, subprocess, sys, unicodedata
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "pylib"))
from plans_data import P1, P2, P3, P4, P5, P6, PN, P1_SLIDES, P2_DATA, P3_DATA, P3_GLOSSARY, P4_DATA, P4_AREAS, P5_DATA, P6_DATA  # noqa

RAW, GOLD, BUILD = (os.path.join(HERE, d) for d in ("raw", "gold", "build"))
for d in (RAW, GOLD, BUILD):
    os.makedirs(d, exist_ok=True)


def soffice_pdf(path):
    prof = "file://" + os.path.join(BUILD, "lo_profile")
    subprocess.run(["soffice", f"-env:UserInstallation={prof}", "--headless", "--convert-to", "pdf",
                    "--outdir", BUILD, path], check=True, capture_output=True, timeout=180)
    return os.path.splitext(path)[0] + ".pdf"


def shade(cell, fill):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    s = OxmlElement("w:shd"); s.set(qn("w:val"), "clear"); s.set(qn("w:color"), "auto"); s.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(s)


def repeat_header(row):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    trPr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader"); h.set(qn("w:val"), "true"); trPr.append(h)


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


# ------------------------------------------------------------------ 1 pptx deck
def build_p1():
    from pptx import Presentation
    from pptx.util import Inches, Pt
    from pptx.dml.color import RGBColor
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    blank = prs.slide_layouts[6]
    FOOT = "Tarnwick University \u00b7 Technician Commitment Action Plan 2026\u20132029"
    n = [0]

    def tb(slide, x, y, w, h, text, size=14, bold=False, color="1F2A44", font="Carlito"):
        box = slide.shapes.add_textbox(Inches(x), Inches(y), Inches(w), Inches(h))
        tf = box.text_frame; tf.word_wrap = True
        for k, line in enumerate(text.split("\n")):
            p = tf.paragraphs[0] if k == 0 else tf.add_paragraph()
            r = p.add_run(); r.text = line
            r.font.size = Pt(size); r.font.bold = bold; r.font.name = font; r.font.color.rgb = RGBColor.from_string(color)
        return box

    def new_slide():
        s = prs.slides.add_slide(blank); n[0] += 1
        bar = s.shapes.add_shape(1, 0, Inches(7.0), prs.slide_width, Inches(0.5))
        bar.fill.solid(); bar.fill.fore_color.rgb = RGBColor(0x0E, 0x6B, 0x5C); bar.line.fill.background()
        tb(s, 0.4, 7.05, 9, 0.4, FOOT, 11, color="FFFFFF")
        tb(s, 12.3, 7.05, 0.8, 0.4, str(n[0]), 11, True, "FFFFFF")
        return s
    s = new_slide()
    tb(s, 0.8, 1.6, 11.5, 1.0, "Tarnwick University", 40, True, "0E6B5C")
    tb(s, 0.8, 2.7, 11.5, 1.0, P1["title"], 30)
    tb(s, 0.8, 4.0, 11.5, 1.0, "Presented to the University Executive, May 2026\nTechnical Services Directorate", 16, color="555555")
    # notes slide (not actions)
    s = new_slide()
    tb(s, 0.6, 0.4, 12, 0.8, "How to read this plan", 28, True, "0E6B5C")
    notes = [
        "Presenter note: the plan follows the four strands of the Technician Commitment. Leads named on each slide "
        "have agreed their actions with the Steering Group.",
        "Presenter note: dates are the latest point by which we expect each action to be in place. Many will be "
        "reached sooner.",
        "Presenter note: this plan builds on our 2022\u20132025 self-assessment and the technician survey of "
        "autumn 2025, which 212 colleagues answered.",
    ]
    for k, t in enumerate(notes):
        b = tb(s, 0.8 + k * 4.1, 1.6, 3.8, 3.6, t, 15, color="333333")
        b.fill.solid(); b.fill.fore_color.rgb = RGBColor(0xFF, 0xF4, 0xC2)
    for pil, head, acts in P1_SLIDES:
        s = new_slide()
        tb(s, 0.6, 0.4, 12, 0.8, head, 28, True, "0E6B5C")
        shape = s.shapes.add_table(len(acts) + 1, 3, Inches(0.6), Inches(1.4), Inches(12.1), Inches(0.6 * (len(acts) + 1)))
        t = shape.table
        for j, w in enumerate((7.6, 2.8, 1.7)):
            t.columns[j].width = Inches(w)
        for j, h in enumerate(("Action", "Lead", "When")):
            c = t.cell(0, j); c.text = h
            c.text_frame.paragraphs[0].runs[0].font.size = Pt(16); c.text_frame.paragraphs[0].runs[0].font.bold = True
        for i, (a, lead, when) in enumerate(acts, 1):
            for j, v in enumerate((a, lead, when)):
                c = t.cell(i, j); c.text = v
                c.text_frame.paragraphs[0].runs[0].font.size = Pt(15)
                c.text_frame.paragraphs[0].runs[0].font.name = "Carlito"
    s = new_slide()
    tb(s, 0.6, 0.4, 12, 0.8, "Questions and contacts", 28, True, "0E6B5C")
    tb(s, 0.8, 1.6, 11, 2, "Technician Commitment Steering Group\ntechcommitment@tarnwick.ac.uk (fictional)", 18)
    p = os.path.join(BUILD, "p1.pptx"); prs.save(p)
    shutil.copy(soffice_pdf(p), os.path.join(RAW, P1["file"]))


# ------------------------------------------------------------------ 2 docx, no tables
def build_p2():
    from docx import Document
    from docx.shared import Cm, Pt
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(17.6), Cm(25.0)  # B5
    sec.left_margin = sec.right_margin = Cm(2.0)
    doc.styles["Normal"].font.name = "Caladea"; doc.styles["Normal"].font.size = Pt(10.5)
    for h in ("Heading 1", "Heading 2", "Heading 3"):
        doc.styles[h].font.name = "Carlito"
    sec.footer.paragraphs[0].text = "University of Ellesmere Vale \u2013 Technician Commitment Plan 2025\u20132028"
    doc.add_heading(P2["title"], 0)
    doc.add_paragraph("University of Ellesmere Vale")
    doc.add_paragraph("The University signed the Technician Commitment in 2019. This plan was written by the Technician "
                      "Commitment Group after a survey of technical staff in spring 2025. It is organised by the four "
                      "themes of the Commitment; under each theme we set objectives, and under each objective the "
                      "actions we will take.")
    for ti, pil in enumerate(("V", "R", "CD", "S"), 1):
        doc.add_heading(f"Theme {ti}: {PN[pil]}", 1)
        for p_, obj, acts in P2_DATA:
            if p_ != pil:
                continue
            doc.add_heading(obj, 2)
            for title, what, who, when, meas in acts:
                doc.add_heading(title, 3)
                for lab, val in (("What we will do", what), ("Who", who), ("By when", when), ("How we will know", meas)):
                    para = doc.add_paragraph()
                    r = para.add_run(lab + ": "); r.bold = True
                    para.add_run(val + ("." if lab == "What we will do" else ""))
    doc.add_heading("Next review", 1)
    doc.add_paragraph("The Technician Commitment Group will review this plan in autumn 2026 and publish an updated version.")
    p = os.path.join(BUILD, "p2.docx"); doc.save(p)
    shutil.copy(soffice_pdf(p), os.path.join(RAW, P2["file"]))


# ------------------------------------------------------------------ 3 docx mixed orientation
def build_p3():
    from docx import Document
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.text import WD_BREAK, WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    doc.styles["Normal"].font.name = "DejaVu Sans"; doc.styles["Normal"].font.size = Pt(9.5)
    for k in range(8):
        doc.add_paragraph()
    p = doc.add_paragraph(); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("Harlow Fen Institute"); r.bold = True; r.font.size = Pt(26)
    p = doc.add_paragraph(); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(P3["title"]); r.font.size = Pt(18)
    p = doc.add_paragraph(); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("Version 1.2 \u2013 approved by the Institute Executive, October 2025")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Contents", 1)
    for t, pg in (("1. Introduction", 3), ("2. How the plan was developed", 3), ("3. Action plan", 4),
                  ("Appendix A: Glossary", 6)):
        para = doc.add_paragraph()
        para.paragraph_format.tab_stops.add_tab_stop(Cm(16), leader=1)  # dots
        para.add_run(f"{t}\t{pg}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("1. Introduction", 1)
    doc.add_paragraph("Harlow Fen Institute employs around 180 technical staff in research, teaching and facilities. "
                      "The Institute signed the Technician Commitment in 2021 and completed its first self-assessment "
                      "in 2024. This document sets out the actions for the next three years. Where an action responds "
                      "to a recommendation of the TALENT Commission, the recommendation number is shown.")
    doc.add_heading("2. How the plan was developed", 1)
    doc.add_paragraph("A working group of twelve technicians and four managers met six times between January and June "
                      "2025. It used the results of the 2024 technician survey and comments from two open meetings.")
    s2 = doc.add_section(WD_SECTION.NEW_PAGE)
    s2.orientation = WD_ORIENT.LANDSCAPE
    s2.page_width, s2.page_height = Cm(29.7), Cm(21.0)
    s2.left_margin = s2.right_margin = Cm(1.5)
    doc.add_heading("3. Action plan", 1)
    cols = ["Ref", "Commitment area", "Planned action", "Accountable", "Deadline", "TALENT"]
    widths = [Cm(1.2), Cm(3.2), Cm(10.5), Cm(4.8), Cm(3.0), Cm(2.0)]
    t = doc.add_table(rows=1 + len(P3_DATA), cols=6); t.style = "Table Grid"
    for j, c in enumerate(cols):
        bold_cell(t.rows[0].cells[j], c, color="FFFFFF"); shade(t.rows[0].cells[j], "23395D")
    repeat_header(t.rows[0])
    for i, (ref, a, act, own, tf, tal) in enumerate(P3_DATA, 1):
        vals = [ref, PN[a], act, own, tf, ", ".join(tal) if tal else "\u2013"]
        for j, v in enumerate(vals):
            t.rows[i].cells[j].text = v
    set_widths(t, widths)
    s3 = doc.add_section(WD_SECTION.NEW_PAGE)
    s3.orientation = WD_ORIENT.PORTRAIT
    s3.page_width, s3.page_height = Cm(21.0), Cm(29.7)
    s3.left_margin = s3.right_margin = Cm(2.5)
    doc.add_heading("Appendix A: Glossary", 1)
    g = doc.add_table(rows=1 + len(P3_GLOSSARY), cols=2); g.style = "Table Grid"
    bold_cell(g.rows[0].cells[0], "Term"); bold_cell(g.rows[0].cells[1], "Meaning")
    for i, (a, b) in enumerate(P3_GLOSSARY, 1):
        g.rows[i].cells[0].text = a; g.rows[i].cells[1].text = b
    set_widths(g, [Cm(4), Cm(12)])
    p = os.path.join(BUILD, "p3.docx"); doc.save(p)
    shutil.copy(soffice_pdf(p), os.path.join(RAW, P3["file"]))


# ------------------------------------------------------------------ 4 docx inline numbered cell
def build_p4():
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt
    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(1.8)
    doc.styles["Normal"].font.name = "Liberation Sans Narrow"; doc.styles["Normal"].font.size = Pt(10)
    p = doc.add_paragraph(); r = p.add_run("Cranmere University"); r.bold = True; r.font.size = Pt(13)
    p = doc.add_paragraph(); r = p.add_run(P4["title"]); r.bold = True; r.font.size = Pt(17)
    doc.add_paragraph("This plan was agreed by the Technician Commitment Working Group in March 2026. For each "
                      "objective the actions are numbered in the order we intend to start them, with the lead team "
                      "shown in brackets.")
    nrows = 1 + len(P4_AREAS) + len(P4_DATA)
    t = doc.add_table(rows=nrows, cols=4); t.style = "Table Grid"
    for j, c in enumerate(("Ref", "Objective", "Actions", "Timescale")):
        bold_cell(t.rows[0].cells[j], c); shade(t.rows[0].cells[j], "F5CBA7")
    repeat_header(t.rows[0])
    i = 1
    for pil in ("V", "R", "CD", "S"):
        m = t.cell(i, 0).merge(t.cell(i, 3)); bold_cell(m, P4_AREAS[pil]); shade(m, "FDEBD0"); i += 1
        for ref, p_, obj, ts, acts in P4_DATA:
            if p_ != pil:
                continue
            cells = t.rows[i].cells
            cells[0].text = ref; cells[1].text = obj; cells[3].text = ts
            cells[2].text = " ".join(f"{k}) {a[0].upper() + a[1:]} (Lead: {lead})" for k, (a, lead) in enumerate(acts, 1))
            i += 1
    set_widths(t, [Cm(1.3), Cm(6.0), Cm(14.5), Cm(4.3)])
    p = os.path.join(BUILD, "p4.docx"); doc.save(p)
    shutil.copy(soffice_pdf(p), os.path.join(RAW, P4["file"]))
    for r in P4["rows"]:  # gold text as printed (capitalised)
        r["action_text"] = r["action_text"][0].upper() + r["action_text"][1:]


# ------------------------------------------------------------------ 5 scan of ruled docx table
def build_p5():
    from docx import Document
    from docx.shared import Cm, Pt
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(1.6)
    doc.styles["Normal"].font.name = "Liberation Serif"; doc.styles["Normal"].font.size = Pt(12.5)
    doc.styles["Normal"].paragraph_format.space_after = Pt(5)
    p = doc.add_paragraph(); r = p.add_run("Penhallow University"); r.bold = True; r.font.size = Pt(15)
    p = doc.add_paragraph(); r = p.add_run(P5["title"]); r.bold = True; r.font.size = Pt(13)
    doc.add_paragraph("Agreed by the Technician Commitment Steering Group, September 2025.")
    t = doc.add_table(rows=1 + len(P5_DATA), cols=5); t.style = "Table Grid"
    for j, c in enumerate(("No.", "Aim", "Action", "Lead", "Timescale")):
        bold_cell(t.rows[0].cells[j], c); shade(t.rows[0].cells[j], "D9D9D9")
    repeat_header(t.rows[0])
    for i, (no, aim, act, lead, ts, _, _) in enumerate(P5_DATA, 1):
        for j, v in enumerate((no, aim, act, lead, ts)):
            t.rows[i].cells[j].text = v
    set_widths(t, [Cm(1.1), Cm(3.6), Cm(7.6), Cm(3.7), Cm(2.4)])
    path = os.path.join(BUILD, "p5.docx"); doc.save(path)
    vec = soffice_pdf(path)
    shutil.copy(vec, os.path.join(BUILD, "p5_vector.pdf"))
    import numpy as np, pypdfium2 as pdfium
    from PIL import Image, ImageFilter
    rng = np.random.default_rng(7)
    pdf = pdfium.PdfDocument(vec)
    imgs = []
    for k in range(len(pdf)):
        im = pdf[k].render(scale=170 / 72).to_pil().convert("L")
        im = im.rotate((0.9, -0.6, 0.5)[k % 3], resample=Image.BICUBIC, expand=False, fillcolor=255)
        a = np.asarray(im).astype(np.float32)
        a = 0.78 * a + 35 + rng.normal(0, 6, a.shape)  # grey paper, noise
        a += np.linspace(-8, 8, a.shape[1])[None, :]
        im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.5))
        imgs.append(im)
    imgs[0].save(os.path.join(RAW, P5["file"]), save_all=True, append_images=imgs[1:], resolution=170)


# ------------------------------------------------------------------ 6 progress report
def build_p6():
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm, Pt
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.59), Cm(27.94)  # US Letter
    sec.left_margin = sec.right_margin = Cm(1.7)
    doc.styles["Normal"].font.name = "URW Bookman"; doc.styles["Normal"].font.size = Pt(9)
    doc.add_heading(P6["title"], 0)
    doc.add_paragraph("Castlegate Institute of Science \u2013 report to the Technician Commitment Steering Group, "
                      "October 2025. This report sets out where each action in our 2023\u20132026 plan stands at the "
                      "end of its second year.")
    doc.add_heading("Summary", 1)
    sts = ("Complete", "On track", "Delayed")
    t = doc.add_table(rows=6, cols=4); t.style = "Table Grid"
    for j, c in enumerate(("Pillar",) + sts):
        bold_cell(t.rows[0].cells[j], c); shade(t.rows[0].cells[j], "C5E0B4")
    for i, pil in enumerate(("V", "R", "CD", "S"), 1):
        t.rows[i].cells[0].text = PN[pil]
        for j, s in enumerate(sts, 1):
            t.rows[i].cells[j].text = str(sum(1 for d in P6_DATA if d[1] == pil and d[5] == s))
    t.rows[5].cells[0].text = "Total"
    for j, s in enumerate(sts, 1):
        t.rows[5].cells[j].text = str(sum(1 for d in P6_DATA if d[5] == s))
    doc.add_paragraph("One action has not started and has been moved to the final year of the plan. Delayed actions "
                      "have revised dates agreed with their leads.")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading("Progress by action", 1)
    rows = 1 + 4 + len(P6_DATA)
    t = doc.add_table(rows=rows, cols=4); t.style = "Table Grid"
    for j, c in enumerate(("Ref", "Action", "Update", "Status")):
        bold_cell(t.rows[0].cells[j], c); shade(t.rows[0].cells[j], "C5E0B4")
    repeat_header(t.rows[0])
    i = 1
    for pil in ("V", "R", "CD", "S"):
        m = t.cell(i, 0).merge(t.cell(i, 3)); bold_cell(m, f"Commitment area: {PN[pil]}"); shade(m, "E2EFD9"); i += 1
        for ref, p_, act, tal, upd, st in P6_DATA:
            if p_ != pil:
                continue
            c = t.rows[i].cells
            c[0].text = ref
            c[1].text = act + (f" [TCR - {', '.join(tal)}]" if tal else "")
            c[2].text = upd; c[3].text = st
            i += 1
    set_widths(t, [Cm(1.2), Cm(5.8), Cm(8.8), Cm(2.2)])
    p = os.path.join(BUILD, "p6.docx"); doc.save(p)
    shutil.copy(soffice_pdf(p), os.path.join(RAW, P6["file"]))


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
        if found is None:  # row cut by a page break: page where its first words are
            head = nws(" ".join(r["action_text"].split()[:4]))
            found = next((i for i, t in enumerate(pages, 1) if head in t), None)
            problems.append(("split, page_start from first words", found, r["action_text"]))
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
    B = {"1": (build_p1, P1, None), "2": (build_p2, P2, None), "3": (build_p3, P3, None),
         "4": (build_p4, P4, None), "5": (build_p5, P5, os.path.join(BUILD, "p5_vector.pdf")), "6": (build_p6, P6, None)}
    for k in only:
        fn, plan, tp = B[k]
        fn()
        probs, n = write_gold(plan, tp)
        print(f"{k} {plan['file']}: {len(plan['rows'])} rows, {n} pages, not found: {probs}")
