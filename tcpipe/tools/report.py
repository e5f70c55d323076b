"""Comparison report: one self-contained HTML page (inline SVG charts, inline CSS, no
scripts or files it needs from elsewhere) that shows how institutions compare.

Sections: institution x pillar heatmap; institution x TALENT coverage with gaps marked;
actions and due dates over time; agreement between the plans' own tags and the model;
the documents with their status and warnings. Numbers come from the same DuckDB views
as `tcpipe.tools.query`, so every figure can be re-derived with a query.
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .query import PILLARS, TALENT, DatasetMissing, connect, taxonomy_rows

UNKNOWN = "(institution not resolved)"

# ---------------------------------------------------------------- SVG pieces

FONT = "font-family='system-ui, sans-serif'"
PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#bab0ac"]


def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _blue(share: float) -> str:
    """White to dark blue for 0..1."""
    share = max(0.0, min(1.0, share))
    lo, hi = (247, 251, 255), (8, 69, 148)
    r, g, b = (round(lo[i] + (hi[i] - lo[i]) * share) for i in range(3))
    return f"rgb({r},{g},{b})"


def _text_colour(share: float) -> str:
    return "#fff" if share > 0.55 else "#111"


def _label_width(labels: Sequence[str], px_per_char: float = 6.6, minimum: int = 80) -> int:
    return max([minimum] + [int(len(s) * px_per_char) + 12 for s in labels])


def heatmap_svg(chart_id: str, rows: Sequence[str], cols: Sequence[str], counts: dict[tuple[str, str], int],
                shares: dict[tuple[str, str], float], title: str, mark_gaps: bool = False,
                col_titles: dict[str, str] | None = None) -> str:
    """Rows x columns of cells coloured by share, printed with the count. With
    mark_gaps, a zero cell is hatched and crossed: the row never addresses that column."""
    cell_w, cell_h = (38, 26) if len(cols) > 8 else (64, 28)
    peak = max(list(shares.values()) + [1e-9])     # colour relative to the largest share shown
    left = _label_width(rows)
    top = 34
    width = left + cell_w * len(cols) + 10
    height = top + cell_h * len(rows) + 10
    out = [f"<svg id='{chart_id}' class='chart heatmap' role='img' aria-label='{esc(title)}' "
           f"xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' viewBox='0 0 {width} {height}' {FONT}>",
           "<defs><pattern id='gap-hatch' width='6' height='6' patternUnits='userSpaceOnUse' "
           "patternTransform='rotate(45)'><rect width='6' height='6' fill='#fff1f0'/>"
           "<line x1='0' y1='0' x2='0' y2='6' stroke='#f4a3a0' stroke-width='2'/></pattern></defs>",
           f"<title>{esc(title)}</title>"]
    for j, col in enumerate(cols):
        x = left + j * cell_w + cell_w / 2
        tip = (col_titles or {}).get(col, col)
        out.append(f"<text x='{x}' y='{top - 10}' text-anchor='middle' font-size='12' font-weight='600'>"
                   f"<title>{esc(tip)}</title>{esc(col)}</text>")
    for i, row in enumerate(rows):
        y = top + i * cell_h
        out.append(f"<text x='{left - 8}' y='{y + cell_h / 2 + 4}' text-anchor='end' font-size='12'>{esc(row)}</text>")
        for j, col in enumerate(cols):
            x = left + j * cell_w
            n = counts.get((row, col), 0)
            share = shares.get((row, col), 0.0)
            tone = share / peak
            gap = mark_gaps and n == 0
            fill = "url(#gap-hatch)" if gap else _blue(tone)
            cls = "cell gap" if gap else "cell"
            tip = f"{row} / {col}: {n} action{'s' if n != 1 else ''}" + (f" ({share:.0%})" if n else "") + \
                  (" - never addressed" if gap else "")
            out.append(f"<g class='{cls}' data-row='{esc(row)}' data-col='{esc(col)}' data-count='{n}'>"
                       f"<title>{esc(tip)}</title>"
                       f"<rect x='{x}' y='{y}' width='{cell_w - 2}' height='{cell_h - 2}' fill='{fill}' "
                       f"stroke='#ddd'/>")
            if gap:
                out.append(f"<text x='{x + cell_w / 2 - 1}' y='{y + cell_h / 2 + 4}' text-anchor='middle' "
                           f"font-size='13' fill='#c0392b'>&#x2715;</text>")
            else:
                out.append(f"<text x='{x + cell_w / 2 - 1}' y='{y + cell_h / 2 + 4}' text-anchor='middle' "
                           f"font-size='12' fill='{_text_colour(tone)}'>{n}</text>")
            out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def bars_svg(chart_id: str, categories: Sequence[str], series: Sequence[tuple[str, Sequence[int]]],
             title: str, y_label: str = "actions") -> str:
    """Vertical stacked bars: one bar per category, one stack segment per series."""
    n = max(len(categories), 1)
    bar_w = 44 if n < 12 else 28
    left, top, bottom = 48, 16, 40
    plot_h = 200
    legend_h = 20 * ((len(series) + 2) // 3) if len(series) > 1 else 0
    width = left + n * (bar_w + 12) + 20
    width = max(width, 360)
    height = top + plot_h + bottom + legend_h
    totals = [sum(s[1][i] for s in series) for i in range(len(categories))]
    peak = max(totals + [1])
    out = [f"<svg id='{chart_id}' class='chart bars' role='img' aria-label='{esc(title)}' "
           f"xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' viewBox='0 0 {width} {height}' {FONT}>",
           f"<title>{esc(title)}</title>",
           f"<line x1='{left}' y1='{top + plot_h}' x2='{width - 10}' y2='{top + plot_h}' stroke='#888'/>",
           f"<text x='12' y='{top + plot_h / 2}' font-size='11' transform='rotate(-90 12 {top + plot_h / 2})' "
           f"text-anchor='middle'>{esc(y_label)}</text>"]
    for tick in sorted({0, peak // 2, peak}):
        y = top + plot_h - plot_h * tick / peak
        out.append(f"<text x='{left - 6}' y='{y + 4}' font-size='10' text-anchor='end'>{tick}</text>"
                   f"<line x1='{left}' y1='{y}' x2='{width - 10}' y2='{y}' stroke='#eee'/>")
    for i, cat in enumerate(categories):
        x = left + 8 + i * (bar_w + 12)
        base = top + plot_h
        for k, (name, values) in enumerate(series):
            v = values[i]
            if not v:
                continue
            h = plot_h * v / peak
            base -= h
            out.append(f"<rect class='bar' x='{x}' y='{base:.1f}' width='{bar_w}' height='{h:.1f}' "
                       f"fill='{PALETTE[k % len(PALETTE)]}'><title>{esc(cat)}: {esc(name)} {v}</title></rect>")
        out.append(f"<text x='{x + bar_w / 2}' y='{base - 4:.1f}' font-size='10' text-anchor='middle'>"
                   f"{totals[i]}</text>")
        out.append(f"<text x='{x + bar_w / 2}' y='{top + plot_h + 16}' font-size='11' text-anchor='middle'>"
                   f"{esc(cat)}</text>")
    if len(series) > 1:
        for k, (name, _) in enumerate(series):
            lx = left + (k % 3) * 180
            ly = top + plot_h + bottom + 20 * (k // 3) - 6
            out.append(f"<rect x='{lx}' y='{ly - 10}' width='12' height='12' fill='{PALETTE[k % len(PALETTE)]}'/>"
                       f"<text x='{lx + 16}' y='{ly}' font-size='11'>{esc(name[:26])}</text>")
    out.append("</svg>")
    return "".join(out)


@dataclass
class PlanSpan:
    name: str
    start: int | None
    end: int | None
    due: list[dt.date]


def timeline_svg(chart_id: str, plans: Sequence[PlanSpan], title: str) -> str:
    """One lane per plan: its period as a bar, each action's due date as a tick."""
    years = [y for p in plans for y in (p.start, p.end) if y] + [d.year for p in plans for d in p.due]
    if not years:
        years = [dt.date.today().year]
    y0, y1 = min(years), max(years) + 1
    left = _label_width([p.name for p in plans])
    lane = 30
    top = 26
    plot_w = max(360, 90 * (y1 - y0))
    width = left + plot_w + 20
    height = top + lane * max(len(plans), 1) + 10

    def x_of(d: dt.date) -> float:
        frac = (d - dt.date(d.year, 1, 1)).days / 365.25
        return left + plot_w * (d.year + frac - y0) / (y1 - y0)

    out = [f"<svg id='{chart_id}' class='chart timeline' role='img' aria-label='{esc(title)}' "
           f"xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' viewBox='0 0 {width} {height}' {FONT}>",
           f"<title>{esc(title)}</title>"]
    for year in range(y0, y1 + 1):
        x = left + plot_w * (year - y0) / (y1 - y0)
        out.append(f"<line x1='{x}' y1='{top - 6}' x2='{x}' y2='{height - 6}' stroke='#e5e5e5'/>")
        if year < y1:
            out.append(f"<text x='{x + 4}' y='{top - 10}' font-size='11'>{year}</text>")
    for i, p in enumerate(plans):
        y = top + i * lane
        out.append(f"<text x='{left - 8}' y='{y + lane / 2 + 4}' text-anchor='end' font-size='12'>{esc(p.name)}</text>")
        if p.start and p.end:
            xs, xe = x_of(dt.date(p.start, 1, 1)), x_of(dt.date(p.end, 12, 31))
            out.append(f"<rect class='period' x='{xs:.1f}' y='{y + 6}' width='{xe - xs:.1f}' height='{lane - 12}' "
                       f"fill='#dbe8f5' rx='3'><title>{esc(p.name)}: plan period {p.start}-{p.end}</title></rect>")
        if not (p.start and p.end) and not p.due:
            out.append(f"<text x='{left + 6}' y='{y + lane / 2 + 4}' font-size='11' fill='#777'>"
                       f"no plan period found and no dated actions</text>")
        for d in p.due:
            x = x_of(d)
            out.append(f"<line class='due' x1='{x:.1f}' y1='{y + 4}' x2='{x:.1f}' y2='{y + lane - 4}' "
                       f"stroke='#d35400' stroke-width='2' opacity='0.7'><title>due {d.isoformat()}</title></line>")
    out.append("</svg>")
    return "".join(out)


def agreement_svg(chart_id: str, rows: Sequence[tuple[str, int, int, int]], title: str) -> str:
    """Horizontal stacked bars per label: both / plan only / model only."""
    left = _label_width([r[0] for r in rows], minimum=50)
    bar_h, top = 22, 30
    plot_w = 420
    width = left + plot_w + 120
    height = top + bar_h * max(len(rows), 1) + 10
    peak = max([sum(r[1:]) for r in rows] + [1])
    colours = (("both", "#59a14f"), ("plan only", "#4e79a7"), ("model only", "#f28e2b"))
    out = [f"<svg id='{chart_id}' class='chart agreement' role='img' aria-label='{esc(title)}' "
           f"xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' viewBox='0 0 {width} {height}' {FONT}>",
           f"<title>{esc(title)}</title>"]
    for k, (name, colour) in enumerate(colours):
        out.append(f"<rect x='{left + k * 110}' y='6' width='12' height='12' fill='{colour}'/>"
                   f"<text x='{left + k * 110 + 16}' y='16' font-size='11'>{name}</text>")
    for i, (label, both, doc_only, model_only) in enumerate(rows):
        y = top + i * bar_h
        out.append(f"<text x='{left - 8}' y='{y + bar_h / 2 + 4}' text-anchor='end' font-size='12'>{esc(label)}</text>")
        x = left
        for v, (name, colour) in zip((both, doc_only, model_only), colours):
            if v:
                w = plot_w * v / peak
                out.append(f"<rect class='bar' x='{x:.1f}' y='{y + 3}' width='{w:.1f}' height='{bar_h - 6}' "
                           f"fill='{colour}'><title>{esc(label)}: {name} {v}</title></rect>")
                x += w
        union = both + doc_only + model_only
        agree = f"{both / union:.0%}" if union else "n/a"
        out.append(f"<text x='{x + 6:.1f}' y='{y + bar_h / 2 + 4}' font-size='11'>{agree}</text>")
    out.append("</svg>")
    return "".join(out)


# ---------------------------------------------------------------- data

def _inst(name: str | None, source_file: str | None = None) -> str:
    return name or (f"{UNKNOWN[:-1]}: {source_file})" if source_file else UNKNOWN)


def _talent_key(label: str) -> int:
    return int(label[1:]) if label[1:].isdigit() else 99


def gather(dataset: Path) -> dict:
    """Everything the report shows, as plain Python values."""
    con = connect(dataset)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        per_inst = q("SELECT institution, count(*), "
                     "count(*) FILTER (WHERE len(pillars) = 0), count(*) FILTER (WHERE len(talent) = 0), "
                     "count(DISTINCT document_id) FROM actions GROUP BY institution")
        institutions = sorted(_inst(i) for i, *_ in per_inst)
        totals = {_inst(i): dict(actions=n, no_pillar=np_, no_talent=nt, plans=nd)
                  for i, n, np_, nt, nd in per_inst}
        label_counts = q("SELECT institution, kind, label, count(DISTINCT row_id) "
                         "FROM labels GROUP BY institution, kind, label")
        pillar_counts, talent_counts = {}, {}
        for inst, kind, label, n in label_counts:
            target = pillar_counts if kind == "pillar" else talent_counts
            target[(_inst(inst), label)] = n
        sources = q("SELECT label_source, count(*) FROM actions GROUP BY ALL ORDER BY 2 DESC")
        due = q("SELECT year(due_date) AS y, count(*) FROM actions WHERE due_date IS NOT NULL GROUP BY ALL ORDER BY y")
        undated = q("SELECT coalesce(recurrence, 'no date given'), count(*) FROM actions WHERE due_date IS NULL "
                    "GROUP BY ALL ORDER BY 2 DESC")
        plans = q("SELECT d.institution, d.source_file, d.period_start, d.period_end, "
                  "list(a.due_date ORDER BY a.due_date) FILTER (WHERE a.due_date IS NOT NULL) "
                  "FROM documents d JOIN actions a USING (document_id) "
                  "GROUP BY ALL ORDER BY d.institution, d.period_start, d.source_file")
        has_model = q("SELECT count(*) FROM actions WHERE model_version <> 'none' AND model_version IS NOT NULL")[0][0]
        agreement = {}
        for kind, doc_col, model_col in (("pillar", "pillars_document", "pillars_model"),
                                          ("talent", "talent_document", "talent_model")):
            agreement[kind] = q(f"""
                WITH r AS (SELECT {doc_col} AS d, {model_col} AS m FROM actions
                           WHERE len({doc_col}) > 0 AND model_version <> 'none'),
                l AS (SELECT DISTINCT unnest(list_concat(d, m)) AS label FROM r)
                SELECT l.label,
                       count(*) FILTER (WHERE list_contains(d, l.label) AND list_contains(m, l.label)),
                       count(*) FILTER (WHERE list_contains(d, l.label) AND NOT list_contains(m, l.label)),
                       count(*) FILTER (WHERE NOT list_contains(d, l.label) AND list_contains(m, l.label))
                FROM l CROSS JOIN r GROUP BY l.label""")
            agreement[kind + "_rows"] = q(f"SELECT count(*), count(*) FILTER (WHERE list_sort({doc_col}) = "
                                          f"list_sort({model_col})) FROM actions WHERE len({doc_col}) > 0 "
                                          f"AND model_version <> 'none'")[0]
        documents = q("SELECT source_file, institution, period_start, period_end, status, layout, n_actions, "
                      "share_in_rows, warnings, errors FROM documents ORDER BY source_file")
        versions = q("SELECT DISTINCT pipeline_version, model_version, taxonomy_version FROM documents "
                     "WHERE pipeline_version IS NOT NULL ORDER BY ALL")
        reviewed = q("SELECT count(*) FROM actions WHERE reviewer IS NOT NULL")[0][0]
    finally:
        con.close()
    return dict(institutions=institutions, totals=totals, pillar_counts=pillar_counts, talent_counts=talent_counts,
                sources=sources, due=due, undated=undated, plans=plans, has_model=has_model, agreement=agreement,
                documents=documents, versions=versions, reviewed=reviewed)


# ---------------------------------------------------------------- page

CSS = """
body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header{background:#12355b;color:#fff;padding:18px 28px}
header h1{margin:0;font-size:22px} header p{margin:4px 0 0;opacity:.85;font-size:13px}
main{padding:8px 28px 40px;max-width:1400px}
section{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:14px 18px;margin:16px 0}
h2{font-size:18px;margin:4px 0 8px} p.note{color:#555;font-size:13px;margin:4px 0 10px}
figure{margin:8px 0;overflow-x:auto} figcaption{font-size:12px;color:#555}
.stats{display:flex;gap:14px;flex-wrap:wrap}
.stat{background:#f1f5fa;border-radius:6px;padding:8px 14px;min-width:110px}
.stat b{display:block;font-size:22px}
table{border-collapse:collapse;font-size:13px;width:100%}
th,td{border-bottom:1px solid #eee;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f4f4f4;position:sticky;top:0}
.status{border-radius:10px;padding:1px 8px;font-size:12px;white-space:nowrap}
.status.success{background:#dff3e3}.status.partial{background:#fff1cc}
.status.failed{background:#fbd9d7}.status.skipped{background:#e8e8e8}
ul.msgs{margin:0;padding-left:16px;font-size:12px} ul.msgs li.error{color:#b3261e}
.empty{color:#777;font-style:italic}
"""


def _section(sid: str, title: str, note: str, body: str) -> str:
    return (f"<section id='{sid}'><h2>{esc(title)}</h2>" + (f"<p class='note'>{note}</p>" if note else "")
            + body + "</section>")


def _figure(svg: str, caption: str) -> str:
    return f"<figure>{svg}<figcaption>{caption}</figcaption></figure>"


def render(data: dict, title: str = "Technician Commitment action plans: comparison") -> str:
    insts = data["institutions"]
    totals = data["totals"]
    n_actions = sum(t["actions"] for t in totals.values())
    status_counts: dict[str, int] = {}
    for d in data["documents"]:
        status_counts[d[4]] = status_counts.get(d[4], 0) + 1
    stats = [("documents", len(data["documents"])), ("actions", n_actions), ("institutions", len(insts))]
    stats += [(k, v) for k, v in sorted(status_counts.items())]
    stats.append(("reviewed rows", data["reviewed"]))
    overview = "<div class='stats'>" + "".join(
        f"<div class='stat'><b>{v}</b>{esc(k)}</div>" for k, v in stats) + "</div>"
    if data["sources"]:
        overview += ("<p class='note'>Where the final labels came from (label_source): "
                     + ", ".join(f"{esc(s)} {n}" for s, n in data["sources"]) + ".</p>")

    parts = [_section("overview", "Overview", "", overview)]

    # institution x pillar
    pillar_cols = [c for c, _ in PILLARS]
    shares = {(i, c): data["pillar_counts"].get((i, c), 0) / max(totals[i]["actions"], 1)
              for i in insts for c in pillar_cols}
    pillar_svg = heatmap_svg("pillar-heatmap", insts, pillar_cols, data["pillar_counts"], shares,
                             "Actions per pillar and institution", col_titles=dict(PILLARS))
    unl = ", ".join(f"{esc(i)} {totals[i]['no_pillar']} of {totals[i]['actions']}" for i in insts
                    if totals[i]["no_pillar"])
    parts.append(_section(
        "pillars", "Pillars by institution",
        "Each cell counts an institution's actions carrying the pillar among their final labels; the colour "
        "is the share of the institution's actions (darkest: the largest share in the chart). An action can carry several pillars. "
        + ("; ".join(f"{n} = {esc(name)}" for n, name in PILLARS) + "."),
        _figure(pillar_svg, "Actions without any pillar label: " + (unl or "none") + ".") if insts
        else "<p class='empty'>No actions in the dataset.</p>"))

    # institution x TALENT
    tshares = {(i, c): data["talent_counts"].get((i, c), 0) / max(totals[i]["actions"], 1)
               for i in insts for c in TALENT}
    talent_svg = heatmap_svg("talent-coverage", insts, TALENT, data["talent_counts"], tshares,
                             "TALENT recommendations addressed per institution", mark_gaps=True,
                             col_titles={r[1]: f"{r[1]}: {r[2]} ({r[3]})" for r in taxonomy_rows()
                                         if r[0] == "talent" and r[2]})
    gaps = {i: [c for c in TALENT if not data["talent_counts"].get((i, c))] for i in insts}
    none_at_all = [i for i in insts if len(gaps[i]) == len(TALENT)]
    note = ("Each cell counts the institution's actions labelled with the TALENT Commission recommendation. "
            "A crossed, hatched cell is a gap: no action addresses that recommendation.")
    if none_at_all:
        note += (" Institutions with no TALENT label at all (their plans may predate the 2022 report or not "
                 "cite it): " + ", ".join(esc(i) for i in none_at_all) + ".")
    parts.append(_section("talent", "TALENT coverage", note,
                          _figure(talent_svg, f"{sum(len(g) for g in gaps.values())} gaps marked.") if insts
                          else "<p class='empty'>No actions in the dataset.</p>"))

    # time
    years = [str(y) for y, _ in data["due"]]
    due_svg = bars_svg("due-years", years, [("actions due", [n for _, n in data["due"]])],
                       "Actions by year due", "actions due")
    spans = [PlanSpan(f"{_inst(i, s)} {ps or '?'}-{pe or '?'}", ps, pe, list(d or [])) for i, s, ps, pe, d in data["plans"]]
    tl_svg = timeline_svg("plan-timeline", spans, "Plan periods and action due dates")
    undated = ", ".join(f"{esc(r)} {n}" for r, n in data["undated"]) or "none"
    parts.append(_section(
        "time", "Actions and due dates over time",
        "Due dates are parsed from each action's timeframe; vague timeframes get none (never guessed).",
        _figure(due_svg, f"Actions without a due date, by recurrence: {undated}.")
        + _figure(tl_svg, "Blue: the period each plan covers. Orange ticks: its actions' due dates.")))

    # agreement
    ag = data["agreement"]
    if not data["has_model"]:
        body = ("<p class='empty' id='agreement-none'>This dataset holds no model predictions "
                "(model_version is 'none' on every row), so the plans' own tags cannot be compared with the "
                "model yet. Re-run the extract once the classifier is shipped.</p>")
    else:
        body = ""
        for kind, key in (("pillar", "pillar"), ("TALENT", "talent")):
            rows = sorted(ag[key], key=lambda r: (_talent_key(r[0]) if key == "talent" else
                                                  pillar_cols.index(r[0]) if r[0] in pillar_cols else 9))
            n_rows, exact = ag[key + "_rows"]
            if not rows:
                body += f"<p class='empty'>No action carries both the plan's own {kind} tags and model labels.</p>"
                continue
            body += _figure(agreement_svg(f"agreement-{key}", rows, f"Plan tags vs model: {kind}"),
                            f"{n_rows} actions tagged by their plan; the model's {kind} set equals the plan's on "
                            f"{exact} ({exact / max(n_rows, 1):.0%}). Per label: the share of rows where both "
                            f"agree among rows where either gives it.")
    parts.append(_section("agreement", "Plan tags and the model",
                          "Only actions the plan itself tags are compared: the model's prediction is stored "
                          "beside the plan's tags (pillars_model, talent_model).", body))

    # documents
    rows_html = []
    for src, inst, ps, pe, status, layout, n, share, warnings, errors in data["documents"]:
        msgs = "".join(f"<li class='error'>{esc(e)}</li>" for e in errors or []) + \
               "".join(f"<li>{esc(w)}</li>" for w in warnings or [])
        period = f"{ps}-{pe}" if ps else ""
        rows_html.append(
            f"<tr><td>{esc(src)}</td><td>{esc(inst)}</td><td>{period}</td>"
            f"<td><span class='status {esc(status)}'>{esc(status)}</span></td><td>{esc(layout)}</td>"
            f"<td>{n if n is not None else ''}</td><td>{'' if share is None else f'{share:.0%}'}</td>"
            f"<td><ul class='msgs'>{msgs}</ul></td></tr>")
    table = ("<table id='documents'><thead><tr><th>file</th><th>institution</th><th>period</th><th>status</th>"
             "<th>layout</th><th>actions</th><th>text in rows</th><th>errors and warnings</th></tr></thead><tbody>"
             + "".join(rows_html) + "</tbody></table>")
    parts.append(_section("documents", "Documents",
                          "Every input file, with what became of it. 'text in rows' is the share of the "
                          "document's text that ended up in extracted actions.", table))

    versions = "; ".join(" / ".join(esc(v) for v in vs) for vs in data["versions"])
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
            f"<header><h1>{esc(title)}</h1><p>Versions (pipeline / model / taxonomy): {versions or 'n/a'}</p></header>"
            "<main>" + "".join(parts) + "</main></body></html>\n")


def build_report(dataset: Path, out: Path | None = None) -> Path:
    """Write the report for the dataset in `dataset` to `out`/report/index.html (`out`
    defaults to the dataset folder) and return the path of the page."""
    dataset = Path(dataset)
    page = Path(out or dataset) / "report" / "index.html"
    from ..dataset.writer import write_text
    write_text(render(gather(dataset)), page)
    return page


HELP = """Write a self-contained HTML report comparing the institutions in a dataset.

Writes OUT/report/index.html (charts are inline SVG: the file can be mailed or archived
alone): institution x pillar heatmap, TALENT coverage with gaps marked, actions and due
dates over time, agreement between the plans' own tags and the model, and the documents
with their status and warnings.

example:
  python -m tcpipe.tools.report --dataset data/processed
  python -m tcpipe.tools.report --dataset /tmp/ds --out /tmp/site    # writes /tmp/site/report/index.html
"""


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tcpipe.tools.report", description=HELP,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dataset", default="data/processed", help="dataset folder (default: data/processed)")
    p.add_argument("--out", default=None, help="folder to write report/index.html into (default: the dataset folder)")
    args = p.parse_args(argv)
    try:
        page = build_report(Path(args.dataset), Path(args.out) if args.out else None)
    except DatasetMissing as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"report: {page}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
