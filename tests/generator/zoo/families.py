"""The zoo's layout families. Each maker takes a random generator and a plan and returns a
Job: the document to print (a python-docx Document, an HTML page, a reportlab builder, or a
scan of another job) and the gold rows it stands for, in document order."""
from __future__ import annotations

import random
from collections.abc import Callable
from xml.sax.saxutils import escape as xesc

from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as rl_landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, TableStyle
from reportlab.platypus import Table as RLTable

from .. import common as c
from .. import scan as scanner
from . import content as ct
from . import tables as tb
from . import web, word
from .families_found import FOUND_FAMILIES
from .job import Job, _gold, _job, table_document

__all__ = ["FAMILIES", "BORN_DIGITAL", "SEED_RENDERS", "Job"]


# ----------------------------------------------------------------------------- tables


def word_table(rng: random.Random, plan: ct.Plan, name: str, family: str = "word_table",
               extra: tuple[str, ...] = ()) -> Job:
    doc, meta = word.new_doc(rng, plan)
    word.title_block(rng, doc, plan)
    o = tb.random_options(rng, extra=extra)
    t, rows = tb.build(rng, plan.groups, o)
    cant = rng.random() < 0.3
    if o.sections is None and rng.random() < 0.3:
        c.heading(doc, rng.choice(["Action plan", "Our actions", "Actions"]), size=12)
    word.add_table(doc, t, width_cm=word.usable_width(meta), cant_split=cant)
    if rng.random() < 0.4:
        c.body(doc, "", after=6)
        c.body(doc, f"This plan was approved by the steering group of {plan.institution} and will be reviewed annually.")
    return _job(name, family, "docx", doc, rows, plan, {**meta, **vars(o), "cant_split": cant})


def web_table(rng: random.Random, plan: ct.Plan, name: str) -> Job:
    o = tb.random_options(rng)
    t, rows = tb.build(rng, plan.groups, o)
    body = ""
    if rng.random() < 0.5:
        body += f"<h2>{web.esc(rng.choice(['Our action plan', 'Actions', 'What we will do']))}</h2>"
    body += web.table_html(t)
    html, meta = web.page(rng, plan, body, landscape=rng.random() < 0.5)
    return _job(name, "web_table", "html", html, rows, plan, {**meta, **vars(o)})


def per_pillar_tables(rng: random.Random, plan: ct.Plan, name: str) -> Job:
    voc = ct.vocabulary()
    form = rng.choice(voc["section_forms"])
    o = tb.random_options(rng)
    o.sections = None
    if "pillar" in o.roles and rng.random() < 0.6:
        o.roles.remove("pillar")
    parts = []
    rows: list[dict] = []
    for p, groups in ct.by_pillar(plan):
        heading = ct.section_text(form, p)
        t, r = tb.build(rng, groups, o, section_label=heading)
        parts.append((heading, t))
        rows += r
    if rng.random() < 0.5:
        html_body = "".join(f"<h2>{web.esc(h)}</h2>{web.table_html(t)}" for h, t in parts)
        html, meta = web.page(rng, plan, html_body)
        return _job(name, "per_pillar_tables", "html", html, rows, plan, {**meta, **vars(o), "medium": "web"})
    doc, meta = word.new_doc(rng, plan)
    word.title_block(rng, doc, plan)
    for h, t in parts:
        c.heading(doc, h, size=13, before=12)
        word.add_table(doc, t, width_cm=word.usable_width(meta))
    return _job(name, "per_pillar_tables", "docx", doc, rows, plan, {**meta, **vars(o), "medium": "word"})


def progress_report(rng: random.Random, plan: ct.Plan, name: str) -> Job:
    voc = ct.vocabulary()
    month = rng.choice(["March", "June", "September", "December"])
    year = (plan.period_start or 2024) + 1
    title = rng.choice(["{t}: Progress Report {m} {y}", "Progress Report on the {t} ({m} {y})",
                        "{t} – Update {m} {y}"]).format(t=plan.title, m=month, y=year)
    plan2 = ct.Plan(**{**vars(plan), "title": title})
    doc, meta = word.new_doc(rng, plan2, landscape=True)
    word.title_block(rng, doc, plan2, intro=rng.randint(0, 1))
    o = tb.random_options(rng, extra=("rag", "progress"))
    o.progress_pct = rng.random() < 0.7
    if rng.random() < 0.6:
        c.heading(doc, "Key", size=11)
        fills = [[voc["rag_fills"][k], None] for k in ("red", "amber", "green")]
        word.simple_table(doc, ["Status", "Meaning"],
                          [[voc["rag_words"][k][0] if o.rag_form != "fill" else "", m] for k, m in
                           (("red", "Not started or significantly delayed"), ("amber", "Under way, some delay"),
                            ("green", "On track or complete"))], [3.0, 10.0], fills=fills)
        c.body(doc, "", after=6)
    t, rows = tb.build(rng, plan.groups, o)
    word.add_table(doc, t, width_cm=word.usable_width(meta))
    return _job(name, "progress_report", "docx", doc, rows, plan2, {**meta, **vars(o)}, title=title)


def overview_plus_detail(rng: random.Random, plan: ct.Plan, name: str) -> Job:
    doc, meta = word.new_doc(rng, plan)
    word.title_block(rng, doc, plan, intro=rng.randint(0, 2))
    o = tb.random_options(rng)
    if o.id_kind in ("none", "letter"):
        o.id_kind = rng.choice(["pillar", "dotted", "seq"])
    if o.mode == "aim":
        o.mode = "row"
    t, rows = tb.build(rng, plan.groups, o)
    ov = [[r["action_id"] or "", r["action_text"]] for r in rows]   # the detailed table's ids, same order
    c.heading(doc, rng.choice(["Summary of actions", "Overview of actions", "Actions at a glance"]), size=13)
    word.simple_table(doc, [rng.choice(["No.", "Ref", "Code"]), rng.choice(["Action", "Summary", "Action statement"])],
                      ov, [2.0, word.usable_width(meta) - 2.0])
    if rng.random() < 0.5:
        doc.add_page_break()
    c.heading(doc, rng.choice(["Detailed action plan", "The plan in detail", "Action plan"]), size=13, before=14)
    word.add_table(doc, t, width_cm=word.usable_width(meta))
    return _job(name, "overview_plus_detail", "docx", doc, rows, plan, {**meta, **vars(o)}, passes=2)


# ----------------------------------------------------------------------------- unruled (reportlab)


def unruled(rng: random.Random, plan: ct.Plan, name: str) -> Job:
    o = tb.random_options(rng)
    o.header_fill = None
    t, rows = tb.build(rng, plan.groups, o)
    land = rng.random() < 0.6
    pagesize = rl_landscape(A4) if land else A4
    font = rng.choice(["Helvetica", "Times-Roman"])
    bold = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold"}[font]
    size = rng.choice([8.5, 9, 10])
    body = ParagraphStyle("b", fontName=font, fontSize=size, leading=size * 1.22)
    bst = ParagraphStyle("bb", parent=body, fontName=bold)
    title_st = ParagraphStyle("t", parent=body, fontName=bold, fontSize=15, leading=19, spaceAfter=8)
    margin = 1.6 * cm
    width = pagesize[0] - 2 * margin
    widths = t.widths(width)
    data = [[Paragraph(xesc(t.headers[r]), bst) for r in t.roles]]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 4),
             ("RIGHTPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]
    for r in t.rows:
        i = len(data)
        if r.section is not None:
            data.append([Paragraph(xesc(r.section), bst)] + [""] * (len(t.roles) - 1))
            style.append(("SPAN", (0, i), (-1, i)))
            continue
        row = []
        for role in t.roles:
            cell = r.cells[role]
            txt = "<br/>".join(xesc(p) for p in cell.paras) if cell.span != 0 else ""
            if role == "rag" and cell.fill and not cell.paras:
                txt = ""  # an unruled table has no fills: the status is left out
            row.append(Paragraph(txt, body))
        data.append(row)
    split_in_row = 1 if rng.random() < 0.5 else 0
    table = RLTable(data, colWidths=widths, repeatRows=1 if t.repeat_header else 0, splitInRow=split_in_row)
    table.setStyle(TableStyle(style))
    build = table_document(rng, plan, table, pagesize, margin, font, body, bst, title_st, running=plan.institution)
    if o.rag_form == "fill":
        for r in rows:
            r["rag_status"] = None
    return _job(name, "unruled", "reportlab", build, rows, plan,
                {**vars(o), "landscape": land, "font": font, "size": size, "split_in_row": split_in_row})




# ----------------------------------------------------------------------------- web layouts


def cards(rng: random.Random, plan: ct.Plan, name: str) -> Job:
    voc = ct.vocabulary()
    labels = {k: rng.choice(v) for k, v in voc["card_labels"].items()}
    fields = [f for f in ("owner", "timeframe", "measure", "pillar") if rng.random() < 0.75]
    rng.shuffle(fields)
    numbered = rng.choice(["label", "title", "none"])   # "Action 3" line, "3." in the title, or no number
    grouping = rng.choice(["pillar", "aim", "none"])
    use_dl = rng.random() < 0.5
    show_desc = rng.random() < 0.7
    parts, rows = [], []
    n = 0
    groups_by = ct.by_pillar(plan) if grouping == "pillar" else [(None, plan.groups)]
    for p, groups in groups_by:
        section = ct.section_text(rng.choice(["{name}", "{name} - {statement}", "Pillar {n}: {name}"]), p) if p else None
        if section:
            parts.append(f"<h2>{web.esc(section)}</h2>")
        for g in groups:
            if grouping == "aim" and g.aim:
                parts.append(f"<h2>{web.esc(g.aim)}</h2>")
            for a in g.actions:
                n += 1
                title = a.text
                head = ""
                if numbered == "label":
                    head = f'<div class="num">Action {n}</div>'
                h3 = f"{n}. {title}" if numbered == "title" else title
                desc = a.details if (show_desc and a.details) else None
                vals = {"owner": a.owner, "timeframe": a.timeframe, "measure": a.measure,
                        "pillar": ", ".join(voc["pillar_names"][x] for x in g.pillars)}
                items = [(labels[f], vals[f]) for f in fields if vals[f]]
                if use_dl:
                    flds = "<dl>" + "".join(f"<dt>{web.esc(k)}</dt><dd>{web.esc(v)}</dd>" for k, v in items) + "</dl>"
                else:
                    flds = "".join(f'<p class="field"><strong>{web.esc(k)}:</strong> {web.esc(v)}</p>' for k, v in items)
                parts.append(f'<div class="card">{head}<h3>{web.esc(h3)}</h3>'
                             + (f'<p class="desc">{web.esc(desc)}</p>' if desc else "") + flds + "</div>")
                stated = "pillar" in fields or grouping == "pillar"
                rows.append(_gold(title, action_id=str(n) if numbered != "none" else None, section=section,
                                  aim=g.aim if grouping == "aim" else None, details=desc,
                                  measure=a.measure if "measure" in fields else None,
                                  timeframe=a.timeframe if "timeframe" in fields else None,
                                  owner=a.owner if "owner" in fields else None,
                                  pillars=g.pillars if "pillar" in fields else [p] if p else g.pillars,
                                  stated=stated))
    css = web.CARD_CSS % rng.choice(["avoid", "auto"]) + ".num{font-size:.85em;color:#666;text-transform:uppercase}"
    html, meta = web.page(rng, plan, "\n".join(parts), landscape=False, extra_css=css)
    return _job(name, "cards", "html", html, rows, plan,
                {**meta, "fields": fields, "labels": labels, "numbered": numbered, "grouping": grouping, "dl": use_dl},
                talent=False)


def inline_lists(rng: random.Random, plan: ct.Plan, name: str) -> Job:
    voc = ct.vocabulary()
    labels = rng.choice(voc["inline_labels"])
    order = ["timeframe", "owner", "measure"]
    rng.shuffle(order)
    bold = rng.random() < 0.6
    heading_form = rng.choice(["Objective {n}: {aim}", "{aim}", "{n}. {aim}", "Goal {n} – {aim}"])
    parts, rows = [], []
    k = 0
    for g in plan.groups:
        if not g.aim:
            continue
        k += 1
        parts.append(f"<h3>{web.esc(heading_form.format(n=k, aim=g.aim))}</h3><ul>")
        for a in g.actions:
            vals = {"timeframe": a.timeframe, "owner": a.owner, "measure": a.measure}
            bits = []
            for f in order:
                if vals[f]:
                    lab = f"<strong>{labels[f]}:</strong>" if bold else f"{labels[f]}:"
                    bits.append(f"{lab} {web.esc(vals[f].rstrip('.'))}.")
            text = a.text.rstrip(".")
            parts.append(f"<li>{web.esc(text)}. " + " ".join(bits) + "</li>")
            rows.append(_gold(text, aim=g.aim, measure=vals["measure"], timeframe=vals["timeframe"],
                              owner=vals["owner"], pillars=g.pillars))
        parts.append("</ul>")
    css = "li { margin-bottom: 5px; }"
    html, meta = web.page(rng, plan, "\n".join(parts), landscape=False, extra_css=css)
    for r in rows:
        for f in ("success_measures", "timeframe", "owner"):
            if r[f]:
                r[f] = r[f].rstrip(".")
    return _job(name, "inline_lists", "html", html, rows, plan,
                {**meta, "labels": labels, "order": order, "bold": bold, "heading": heading_form}, talent=False)


def _themes(rng: random.Random, plan: ct.Plan) -> list[tuple[str, list[ct.Group]]]:
    themes = rng.sample(ct.vocabulary()["themes"], k=min(len(ct.vocabulary()["themes"]), max(2, len(plan.groups) // 2)))
    out: list[tuple[str, list[ct.Group]]] = []
    per = max(1, -(-len(plan.groups) // len(themes)))
    for i, th in enumerate(themes):
        gs = plan.groups[i * per:(i + 1) * per]
        if gs:
            out.append((th, gs))
    return out


def numbered_lists(rng: random.Random, plan: ct.Plan, name: str) -> Job:
    parts = _themes(rng, plan)
    style = rng.choice(["restart", "continue", "dotted"])
    rows = []
    items_by_theme = []
    n = 0
    for ti, (th, gs) in enumerate(parts, start=1):
        items = []
        k = 0
        for g in gs:
            for a in g.actions:
                k += 1
                n += 1
                num = {"restart": str(k), "continue": str(n), "dotted": f"{ti}.{k}"}[style]
                items.append((num, a.text))
                rows.append(_gold(a.text, action_id=num, parent_id=str(ti) if style == "dotted" else None,
                                  section=th, pillars=g.pillars))
        items_by_theme.append((th, items))
    if rng.random() < 0.5:
        body = ""
        for th, items in items_by_theme:
            body += f"<h2>{web.esc(th)}</h2>"
            if style == "dotted":
                body += "".join(f'<p class="item"><span>{num}</span> {web.esc(t)}</p>' for num, t in items)
            else:
                body += f'<ol start="{items[0][0]}">' + "".join(f"<li>{web.esc(t)}</li>" for _, t in items) + "</ol>"
        css = "p.item { margin: 3px 0 3px 2.2em; text-indent: -2.2em; } p.item span { display: inline-block; width: 2.2em; text-indent: 0; } li { margin-bottom: 4px; }"
        html, meta = web.page(rng, plan, body, landscape=False, extra_css=css)
        return _job(name, "numbered_lists", "html", html, rows, plan, {**meta, "style": style, "medium": "web"},
                    talent=False)
    doc, meta = word.new_doc(rng, plan, landscape=False)
    word.title_block(rng, doc, plan)
    for th, items in items_by_theme:
        c.heading(doc, th, size=13, before=12)
        for num, t in items:
            word.numbered_item(doc, f"{num}." if style != "dotted" else num, t)
    return _job(name, "numbered_lists", "docx", doc, rows, plan, {**meta, "style": style, "medium": "word"},
                talent=False)


def year_lists(rng: random.Random, plan: ct.Plan, name: str) -> Job:
    """Year-by-year goal lists: a heading per year of the plan, its goals as bullets (web or Word)."""
    s = plan.period_start or 2025
    years = max(2, min(4, (plan.period_end or s + 3) - s))
    form = rng.choice(["Year {n} ({a}/{b2})", "Year {n}: {a}–{b}", "{a}-{b2}", "In {a}/{b2} we will"])
    acts = [(g, a) for g in plan.groups for a in g.actions]
    per = -(-len(acts) // years)
    marker = rng.choice(["•", "–", "▪"])
    parts = []
    rows = []
    for n in range(years):
        chunk = acts[n * per:(n + 1) * per]
        if not chunk:
            continue
        a0 = s + n
        head = form.format(n=n + 1, a=a0, b=a0 + 1, b2=str(a0 + 1)[-2:])
        parts.append((head, [a.text for _, a in chunk]))
        rows += [_gold(a.text, section=head, pillars=g.pillars) for g, a in chunk]
    if rng.random() < 0.5:
        body = "".join(f"<h2>{web.esc(h)}</h2><ul>" + "".join(f"<li>{web.esc(t)}</li>" for t in items) + "</ul>"
                       for h, items in parts)
        html, meta = web.page(rng, plan, body, landscape=False, extra_css="li { margin-bottom: 4px; }")
        return _job(name, "year_lists", "html", html, rows, plan, {**meta, "heading": form, "medium": "web"},
                    talent=False)
    doc, meta = word.new_doc(rng, plan, landscape=False)
    word.title_block(rng, doc, plan)
    for h, items in parts:
        c.heading(doc, h, size=13, before=12)
        for t in items:
            c.bullet(doc, t, char=marker)
    return _job(name, "year_lists", "docx", doc, rows, plan, {**meta, "heading": form, "medium": "word"},
                talent=False)


# ----------------------------------------------------------------------------- narrative (Word)


def narrative(rng: random.Random, plan: ct.Plan, name: str) -> Job:
    voc = ct.vocabulary()
    labels = {k: rng.choice(v) for k, v in voc["narrative_labels"].items()}
    word_ = rng.choice(["Action", "Action", "Commitment", "Priority"])
    title_form = rng.choice(["same_line", "own_para"])
    fields = [f for f in ("supporting", "measure", "owner", "timeframe", "pillar") if rng.random() < 0.8]
    doc, meta = word.new_doc(rng, plan, landscape=False)
    word.title_block(rng, doc, plan)
    rows = []
    n = 0
    for g in plan.groups:
        for a in g.actions:
            n += 1
            if title_form == "same_line":
                c.heading(doc, f"{word_} {n}: {a.text}", size=12, before=12)
            else:
                c.heading(doc, f"{word_} {n}", size=12, before=12, after=2)
                p = doc.add_paragraph()
                c.para_spacing(p, 0, 4)
                p.add_run(a.text).bold = True
            if a.details:
                c.body(doc, a.details, after=4)
            vals = {"supporting": a.supporting, "measure": a.measure, "owner": a.owner, "timeframe": a.timeframe,
                    "pillar": ", ".join(voc["pillar_names"][x] for x in g.pillars)}
            for f in fields:
                if vals[f]:
                    word.label_para(doc, labels[f], vals[f])
            rows.append(_gold(a.text, action_id=str(n), details=a.details,
                              supporting=a.supporting if "supporting" in fields else None,
                              measure=a.measure if "measure" in fields else None,
                              timeframe=a.timeframe if "timeframe" in fields else None,
                              owner=a.owner if "owner" in fields else None,
                              pillars=g.pillars, stated="pillar" in fields))
    return _job(name, "narrative", "docx", doc, rows, plan,
                {**meta, "labels": labels, "word": word_, "title_form": title_form, "fields": fields}, talent=False)


# ----------------------------------------------------------------------------- not actions


def not_actions(rng: random.Random, plan: ct.Plan, name: str) -> Job:
    voc = ct.vocabulary()
    title = rng.choice(["Technician Commitment: Our Progress {p}", "Technician Commitment Self-Assessment {p}",
                        "About the Technician Commitment at {i}"]).format(p=plan.period_text, i=plan.institution)
    plan2 = ct.Plan(**{**vars(plan), "title": title, "groups": []})
    pieces = rng.sample(["achievements", "key", "control", "glossary", "prose"], k=rng.randint(3, 5))
    if rng.random() < 0.5:
        body = ""
        for p in pieces:
            if p == "achievements":
                body += "<h2>What we have achieved</h2><ul>" + "".join(
                    f"<li>{web.esc(x)}</li>" for x in rng.sample(voc["achievements"], 5)) + "</ul>"
            elif p == "key":
                body += ('<h2>Key</h2><table class="plan"><tr><th>Status</th><th>Meaning</th></tr>'
                         '<tr><td style="background:#FF0000">Red</td><td>Not started</td></tr>'
                         '<tr><td style="background:#FFC000">Amber</td><td>In progress</td></tr>'
                         '<tr><td style="background:#00B050">Green</td><td>Complete</td></tr></table>')
            elif p == "control":
                body += ('<h2>Document control</h2><table class="plan"><tr><th>Version</th><th>Date</th>'
                         '<th>Author</th><th>Summary of changes</th></tr>'
                         '<tr><td>0.1</td><td>12/01/2025</td><td>TC Project Officer</td><td>First draft for the steering group</td></tr>'
                         '<tr><td>1.0</td><td>03/03/2025</td><td>TC Lead</td><td>Approved by the Executive Board</td></tr></table>')
            elif p == "glossary":
                body += '<h2>Glossary</h2><table class="plan"><tr><th>Term</th><th>Definition</th></tr>' + "".join(
                    f"<tr><td>{web.esc(a)}</td><td>{web.esc(b)}</td></tr>" for a, b in voc["glossary"]) + "</table>"
            else:
                body += "<h2>Background</h2>" + "".join(
                    f"<p>{web.esc(x.format(inst=plan.institution, period=plan.period_text))}</p>"
                    for x in voc["intro_paragraphs"])
        html, meta = web.page(rng, plan2, body, landscape=False)
        return _job(name, "not_actions", "html", html, [], plan2, {**meta, "pieces": pieces}, title=title, talent=False)
    doc, meta = word.new_doc(rng, plan2, landscape=False)
    word.title_block(rng, doc, plan2, intro=0)
    width = word.usable_width(meta)
    for p in pieces:
        if p == "achievements":
            c.heading(doc, "What we have achieved", size=13)
            for x in rng.sample(voc["achievements"], 5):
                c.bullet(doc, x)
        elif p == "key":
            c.heading(doc, "Key", size=13)
            word.simple_table(doc, ["Status", "Meaning"], [["Red", "Not started"], ["Amber", "In progress"],
                                                           ["Green", "Complete"]], [3.0, width - 3.0],
                              fills=[["FF0000", None], ["FFC000", None], ["00B050", None]])
        elif p == "control":
            c.heading(doc, "Document control", size=13)
            word.simple_table(doc, ["Version", "Date", "Author", "Summary of changes"],
                              [["0.1", "12/01/2025", "TC Project Officer", "First draft for the steering group"],
                               ["1.0", "03/03/2025", "TC Lead", "Approved by the Executive Board"]],
                              [2.0, 3.0, 4.0, width - 9.0])
        elif p == "glossary":
            c.heading(doc, "Glossary", size=13)
            word.simple_table(doc, ["Term", "Definition"], [list(x) for x in voc["glossary"]], [3.5, width - 3.5])
        else:
            c.heading(doc, "Background", size=13)
            for x in voc["intro_paragraphs"]:
                c.body(doc, x.format(inst=plan.institution, period=plan.period_text))
    return _job(name, "not_actions", "docx", doc, [], plan2, {**meta, "pieces": pieces}, title=title, talent=False)


# ----------------------------------------------------------------------------- scans


def scans(rng: random.Random, plan: ct.Plan, name: str) -> Job:
    src_family = rng.choice(["word_table", "word_table", "unruled", "web_table", "cards", "numbered_lists"])
    plan = ct.trim(plan, rng.randint(4, 9))
    src = FAMILIES[src_family](rng, plan, name + "-src")
    params = {"dpi": rng.choice([150, 200, 240, 300]), "tilt": [round(rng.uniform(0.5, 2.0) * rng.choice([-1, 1]), 2)
                                                             for _ in range(12)],
              "blur": round(rng.uniform(0.2, 0.9), 2), "speckle": round(rng.uniform(0.0002, 0.0015), 5),
              "jpeg": rng.choice([25, 35, 45, 60]), "grey": rng.randint(215, 245), "noise": round(rng.uniform(2, 7), 1),
              "source": src_family, **scanner.draw_extras(rng)}
    return Job(name=name, family="scans", kind="scan", doc=src, rows=src.rows, plan=src.plan, title=src.title,
               stripped=src.stripped, talent_annotated=src.talent_annotated, passes=src.passes,
               options={**src.options, **params})


FAMILIES: dict[str, Callable[..., Job]] = {
    "word_table": word_table,
    "web_table": web_table,
    "per_pillar_tables": per_pillar_tables,
    "cards": cards,
    "inline_lists": inline_lists,
    "numbered_lists": numbered_lists,
    "year_lists": year_lists,
    "narrative": narrative,
    "unruled": unruled,
    "progress_report": progress_report,
    "overview_plus_detail": overview_plus_detail,
    "scans": scans,
    "not_actions": not_actions,
}
# the families first met in the blind rounds (families_found.py)
FAMILIES.update(FOUND_FAMILIES)
BORN_DIGITAL = [f for f in FAMILIES if f != "scans"]

# the seed plans each family also renders whole (the rest of its variants are fictional plans)
SEED_RENDERS = {
    "word_table": ct.SEED_PLANS,
    "web_table": ct.SEED_PLANS,
    "per_pillar_tables": ("essex-2024-27-action-plan", "essex-2020-23-action-plan"),
    "cards": ("portsmouth-action-plan", "essex-2024-27-action-plan"),
    "inline_lists": ("essex-2020-23-action-plan",),
    "numbered_lists": ("essex-2024-27-action-plan",),
    "year_lists": ("essex-2020-23-action-plan",),
    "narrative": ("portsmouth-action-plan",),
    "unruled": ("essex-2020-23-action-plan", "essex-2024-27-action-plan"),
    "progress_report": ("essex-2024-27-action-plan",),
    "overview_plus_detail": ("portsmouth-action-plan",),
    "scans": ("essex-2020-23-action-plan",),
    "not_actions": (),
}
