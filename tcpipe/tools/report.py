"""Comparison report: one self-contained HTML page (inline SVG charts, inline CSS, no
scripts or files it needs from elsewhere) that shows how institutions compare.

Sections: institution x pillar heatmap; institution x TALENT coverage with gaps marked;
actions and due dates over time; agreement between the plans' own tags and the model;
one page (section) per institution (its plans on a timeline, pillar and TALENT coverage
per plan side by side, what carried forward / completed / dropped / new, status movement
from progress reports); the plans; the documents with their status and warnings.
Comparisons count plans, not files (each plan once, from its preferred copy: the
plan_actions view). Every table has a CSV download (a data: link: no script). Numbers come from the same DuckDB views
as `tcpipe.tools.query`, so every figure can be re-derived with a query.
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
from dataclasses import dataclass, field
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


# Okabe & Ito's colour-blind-safe palette: the agreement chart's three parts
AGREEMENT_COLOURS = (("both", "#0072B2"), ("plan only", "#E69F00"), ("model only", "#CC79A7"))
MUTED = "#595959"      # secondary text: 7:1 on white (WCAG AA asks 4.5:1)


def _blue_rgb(share: float) -> tuple[int, int, int]:
    share = max(0.0, min(1.0, share))
    lo, hi = (247, 251, 255), (8, 69, 148)
    return tuple(round(lo[i] + (hi[i] - lo[i]) * share) for i in range(3))


def _blue(share: float) -> str:
    """White to dark blue for 0..1."""
    r, g, b = _blue_rgb(share)
    return f"rgb({r},{g},{b})"


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance."""
    def ch(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (ch(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def hex_rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    if len(c) == 3:
        c = "".join(ch * 2 for ch in c)
    return tuple(int(c[i:i + 2], 16) for i in (0, 2, 4))


def _text_colour(share: float) -> str:
    """Black or white, whichever contrasts more with the cell: at least 4.58:1 for any
    fill (the better of black and white never falls below that)."""
    fill = _blue_rgb(share)
    return "#000" if contrast(fill, (0, 0, 0)) >= contrast(fill, (255, 255, 255)) else "#fff"


def csv_link(name: str, columns: Sequence[str], rows: Sequence[Sequence]) -> str:
    """A download of the table as CSV, inline (data: URL): works offline, no script."""
    from urllib.parse import quote

    from .query import format_csv
    text = format_csv(list(columns), [tuple(r) for r in rows])
    return (f"<a class='csv' download='{esc(name)}.csv' href='data:text/csv;charset=utf-8,{quote(text)}'>"
            f"Download {esc(name)}.csv</a>")


def _legend(chart_id: str, x: float, y: float, peak: float, what: str) -> str:
    """The colour scale of a heatmap: a gradient from 0 to the largest share shown."""
    gid = f"{chart_id}-scale"
    return (f"<g class='legend'><defs><linearGradient id='{gid}'>"
            f"<stop offset='0' stop-color='{_blue(0)}'/><stop offset='1' stop-color='{_blue(1)}'/>"
            f"</linearGradient></defs>"
            f"<text x='{x}' y='{y + 10}' font-size='11' fill='#1b1b1b'>{esc(what)}:</text>"
            f"<rect x='{x}' y='{y + 15}' width='160' height='10' fill='url(#{gid})' stroke='#999'/>"
            f"<text x='{x}' y='{y + 37}' font-size='11' fill='#1b1b1b'>0%</text>"
            f"<text x='{x + 160}' y='{y + 37}' font-size='11' text-anchor='end' fill='#1b1b1b'>{peak:.0%}</text></g>")


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
    width = max(left + cell_w * len(cols) + 10, left + 200)
    height = top + cell_h * len(rows) + 10 + 48
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
                           f"font-size='13' fill='#a4262c'>&#x2715;</text>")
            else:
                out.append(f"<text x='{x + cell_w / 2 - 1}' y='{y + cell_h / 2 + 4}' text-anchor='middle' "
                           f"font-size='12' fill='{_text_colour(tone)}'>{n}</text>")
            out.append("</g>")
    out.append(_legend(chart_id, left, top + cell_h * len(rows) + 6, peak, "colour: share of the row's actions"))
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
    files: list[str] = field(default_factory=list)           # the plan's files, the copy that counts first
    reports: list[tuple[dt.date, str]] = field(default_factory=list)   # progress reports with a date


def timeline_svg(chart_id: str, plans: Sequence[PlanSpan], title: str) -> str:
    """One lane per plan, named with its files: its period as a bar, each action's due
    date as a tick, each dated progress report as a diamond."""
    years = [y for p in plans for y in (p.start, p.end) if y] + [d.year for p in plans for d in p.due] + \
        [d.year for p in plans for d, _ in p.reports]
    if not years:
        years = [dt.date.today().year]
    y0, y1 = min(years), max(years) + 1
    left = _label_width([p.name for p in plans] + [_files_label(p.files) for p in plans], px_per_char=6.0)
    lane = 44
    top = 26
    plot_w = max(360, 90 * (y1 - y0))
    width = left + plot_w + 20
    height = top + lane * max(len(plans), 1) + 30

    def x_of(d: dt.date) -> float:
        frac = (d - dt.date(d.year, 1, 1)).days / 365.25
        return left + plot_w * (d.year + frac - y0) / (y1 - y0)

    out = [f"<svg id='{chart_id}' class='chart timeline' role='img' aria-label='{esc(title)}' "
           f"xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' viewBox='0 0 {width} {height}' {FONT}>",
           f"<title>{esc(title)}</title>"]
    for year in range(y0, y1 + 1):
        x = left + plot_w * (year - y0) / (y1 - y0)
        out.append(f"<line x1='{x}' y1='{top - 6}' x2='{x}' y2='{height - 30}' stroke='#e5e5e5'/>")
        if year < y1:
            out.append(f"<text x='{x + 4}' y='{top - 10}' font-size='11'>{year}</text>")
    for i, p in enumerate(plans):
        y = top + i * lane
        out.append(f"<g class='lane' data-files='{esc('; '.join(p.files))}'>"
                   f"<text x='{left - 8}' y='{y + 17}' text-anchor='end' font-size='12'>{esc(p.name)}</text>"
                   f"<text class='files' x='{left - 8}' y='{y + 32}' text-anchor='end' font-size='10' fill='{MUTED}'>"
                   f"<title>{esc(chr(10).join(p.files))}</title>{esc(_files_label(p.files))}</text>")
        if p.start and p.end:
            xs, xe = x_of(dt.date(p.start, 1, 1)), x_of(dt.date(p.end, 12, 31))
            out.append(f"<rect class='period' x='{xs:.1f}' y='{y + 8}' width='{xe - xs:.1f}' height='{lane - 18}' "
                       f"fill='#dbe8f5' rx='3'><title>{esc(p.name)}: plan period {p.start}-{p.end}</title></rect>")
        if not (p.start and p.end) and not p.due:
            out.append(f"<text x='{left + 6}' y='{y + lane / 2 + 4}' font-size='11' fill='{MUTED}'>"
                       f"no plan period found and no dated actions</text>")
        for d in p.due:
            x = x_of(d)
            out.append(f"<line class='due' x1='{x:.1f}' y1='{y + 6}' x2='{x:.1f}' y2='{y + lane - 8}' "
                       f"stroke='#b35000' stroke-width='2' opacity='0.7'><title>due {d.isoformat()}</title></line>")
        for d, f in p.reports:
            x, cy = x_of(d), y + lane / 2 - 1
            out.append(f"<path class='report' d='M{x:.1f} {cy - 7} l7 7 l-7 7 l-7 -7 z' fill='#CC79A7' stroke='#1b1b1b'>"
                       f"<title>progress report {d.isoformat()}: {esc(f)}</title></path>")
        out.append("</g>")
    ly = height - 12
    out.append(f"<g class='legend'><rect x='{left}' y='{ly - 9}' width='14' height='10' fill='#dbe8f5'/>"
               f"<text x='{left + 18}' y='{ly}' font-size='11'>plan period</text>"
               f"<line x1='{left + 110}' y1='{ly - 10}' x2='{left + 110}' y2='{ly + 1}' stroke='#b35000' stroke-width='2'/>"
               f"<text x='{left + 116}' y='{ly}' font-size='11'>an action's due date</text>"
               f"<path d='M{left + 262} {ly - 10} l6 6 l-6 6 l-6 -6 z' fill='#CC79A7' stroke='#1b1b1b'/>"
               f"<text x='{left + 272}' y='{ly}' font-size='11'>progress report</text></g>")
    out.append("</svg>")
    return "".join(out)


def _files_label(files: Sequence[str]) -> str:
    if not files:
        return ""
    more = len(files) - 1
    return files[0] + (f" (+{more} other file{'s' if more > 1 else ''})" if more else "")


def agreement_svg(chart_id: str, rows: Sequence[tuple[str, int, int, int]], title: str) -> str:
    """Horizontal stacked bars per label: both / plan only / model only."""
    left = _label_width([r[0] for r in rows], minimum=50)
    bar_h, top = 22, 30
    plot_w = 420
    width = left + plot_w + 120
    height = top + bar_h * max(len(rows), 1) + 10
    peak = max([sum(r[1:]) for r in rows] + [1])
    colours = AGREEMENT_COLOURS
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


def _training_documents() -> set[str]:
    """document_ids of the plans the shipped model was trained on (its manifest)."""
    import json

    from extract.vocabulary import MODELS_DIR
    try:
        manifest = json.loads((MODELS_DIR / "classifier" / "manifest.json").read_text(encoding="utf-8"))
        return {d["document_id"] for d in (manifest.get("training_data") or {}).get("documents", [])}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return set()


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "unknown"


def gather(dataset: Path) -> dict:
    """Everything the report shows, as plain Python values. Counts come from plan_actions:
    each plan once, from its preferred copy."""
    con = connect(dataset)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        has_model = q("SELECT count(*) FROM plan_actions WHERE model_version <> 'none' AND model_version IS NOT NULL")[0][0]
        # one convention for comparisons: the model's labels on every plan (a plan that tags
        # its actions and one that does not are then counted alike); the plans' own tags beside
        pcol, tcol = ("pillars_model", "talent_model") if has_model else ("pillars", "talent")
        per_inst = q(f"SELECT institution, count(*), count(*) FILTER (WHERE len({pcol}) = 0), "
                     f"count(*) FILTER (WHERE len({tcol}) = 0), count(DISTINCT plan_id) FROM plan_actions "
                     f"GROUP BY institution")
        institutions = sorted(_inst(i) for i, *_ in per_inst)
        totals = {_inst(i): dict(actions=n, no_pillar=np_, no_talent=nt, plans=nd)
                  for i, n, np_, nt, nd in per_inst}

        def counts(col: str, key: str = "institution") -> dict:
            rows = q(f"SELECT {key}, label, count(DISTINCT row_id) FROM (SELECT {key}, row_id, unnest({col}) AS label "
                     f"FROM plan_actions) GROUP BY ALL")
            return {((_inst(k) if key == "institution" else k), label): n for k, label, n in rows}

        pillar_counts, talent_counts = counts(pcol), counts(tcol)
        pillar_doc, talent_doc = counts("pillars_document"), counts("talent_document")
        sources = q("SELECT label_source, count(*) FROM plan_actions GROUP BY ALL ORDER BY 2 DESC")
        due = q("SELECT year(d) AS y, count(DISTINCT row_id) FROM (SELECT row_id, unnest(due_dates) AS d "
                "FROM plan_actions) GROUP BY ALL ORDER BY y")
        undated = q("SELECT coalesce(recurrence, 'no date given'), count(*) FROM plan_actions "
                    "WHERE len(due_dates) = 0 GROUP BY ALL ORDER BY 2 DESC")
        plans = [dict(zip(("plan_id", "institution", "period_start", "period_end", "preferred_source_file",
                           "documents", "renderings", "progress_reports", "n_actions", "previous_plan_id",
                           "next_plan_id", "plan_title"), r))
                 for r in q("SELECT plan_id, institution, period_start, period_end, preferred_source_file, documents, "
                            "renderings, progress_reports, n_actions, previous_plan_id, next_plan_id, plan_title "
                            "FROM plans ORDER BY institution NULLS LAST, period_start NULLS LAST, plan_id")]
        plan_due = dict(q("SELECT plan_id, list(d ORDER BY d) FROM (SELECT plan_id, unnest(due_dates) AS d "
                          "FROM plan_actions) GROUP BY plan_id"))
        reports = q("SELECT reports_on, report_date, source_file FROM documents WHERE plan_role = 'progress_report' "
                    "ORDER BY report_date NULLS LAST, source_file")
        training = _training_documents()
        plan_docs = q("SELECT plan_id, list(document_id) FROM documents WHERE plan_id IS NOT NULL GROUP BY plan_id")
        training_plans = {pid for pid, ids in plan_docs if training & set(ids)}
        agreement = {}
        for kind, doc_col, model_col in (("pillar", "pillars_document", "pillars_model"),
                                          ("talent", "talent_document", "talent_model")):
            agreement[kind] = q(f"""
                WITH r AS (SELECT {doc_col} AS d, {model_col} AS m FROM plan_actions
                           WHERE len({doc_col}) > 0 AND model_version <> 'none'),
                l AS (SELECT DISTINCT unnest(list_concat(d, m)) AS label FROM r)
                SELECT l.label,
                       count(*) FILTER (WHERE list_contains(d, l.label) AND list_contains(m, l.label)),
                       count(*) FILTER (WHERE list_contains(d, l.label) AND NOT list_contains(m, l.label)),
                       count(*) FILTER (WHERE NOT list_contains(d, l.label) AND list_contains(m, l.label))
                FROM l CROSS JOIN r GROUP BY l.label""")
            agreement[kind + "_rows"] = q(f"SELECT count(*), count(*) FILTER (WHERE list_sort({doc_col}) = "
                                          f"list_sort({model_col})) FROM plan_actions WHERE len({doc_col}) > 0 "
                                          f"AND model_version <> 'none'")[0]
            agreement[kind + "_training"] = q(
                f"SELECT count(*) FROM plan_actions WHERE len({doc_col}) > 0 AND model_version <> 'none' "
                f"AND plan_id IN (SELECT unnest(?::VARCHAR[]))".replace("?::VARCHAR[]", _sql_list(training_plans)))[0][0]
        documents = q("SELECT source_file, institution, period_start, period_end, status, layout, n_actions, "
                      "share_in_rows, warnings, errors, plan_role FROM documents ORDER BY source_file")
        versions = q("SELECT DISTINCT pipeline_version, model_version, taxonomy_version FROM documents "
                     "WHERE pipeline_version IS NOT NULL ORDER BY ALL")
        reviewed = q("SELECT count(*) FROM plan_actions WHERE reviewer IS NOT NULL")[0][0]
        per_plan = dict(
            size=dict(q("SELECT plan_id, count(*) FROM plan_actions GROUP BY plan_id")),
            pillars=counts(pcol, "plan_id"), talent=counts(tcol, "plan_id"),
            pillars_document=counts("pillars_document", "plan_id"))
        fates = q("SELECT plan_id, fate, count(*) FROM plan_actions WHERE fate IS NOT NULL GROUP BY ALL")
        new = q("SELECT plan_id, count(*) FILTER (WHERE is_new), count(*) FILTER (WHERE NOT is_new) "
                "FROM plan_actions WHERE is_new IS NOT NULL GROUP BY plan_id")
        links = q("SELECT l.from_plan_id, e.action_id, e.action_text, l.kind, n.action_id, n.action_text, "
                  "round(l.score, 3), l.shared_terms, l.reviewer_decision FROM action_links l "
                  "JOIN actions e ON e.row_id = l.from_row_id JOIN actions n ON n.row_id = l.to_row_id "
                  "ORDER BY l.from_plan_id, e.table_index, e.row_index, n.table_index, n.row_index")
        dropped = q("SELECT plan_id, action_id, action_text, fate FROM plan_actions WHERE fate IN ('dropped', 'completed') "
                    "ORDER BY plan_id, table_index, row_index")
        status = q("SELECT plan_id, report_file, report_date, coalesce(rag_status, 'no status'), count(*) "
                   "FROM status_history GROUP BY ALL ORDER BY ALL")
        movement = q("SELECT plan_id, action_id, any_value(action_text), "
                     "list(coalesce(rag_status, 'none') ORDER BY report_date NULLS FIRST, report_file), "
                     "list(coalesce(CAST(report_date AS VARCHAR), report_file) ORDER BY report_date NULLS FIRST, report_file) "
                     "FROM status_history GROUP BY plan_id, action_id ORDER BY plan_id, action_id")
        unmatched = q("SELECT d.reports_on, a.source_file, a.action_id, a.action_text, a.plan_match_score "
                      "FROM actions a JOIN documents d USING (document_id) WHERE a.plan_match = 'unmatched' "
                      "ORDER BY a.source_file, a.table_index, a.row_index")
    finally:
        con.close()
    return dict(institutions=institutions, totals=totals, pillar_counts=pillar_counts, talent_counts=talent_counts,
                pillar_doc=pillar_doc, talent_doc=talent_doc, convention=(pcol, tcol),
                sources=sources, due=due, undated=undated, plans=plans, plan_due=plan_due, reports=reports,
                has_model=has_model, agreement=agreement, training_plans=training_plans, documents=documents,
                versions=versions, reviewed=reviewed, per_plan=per_plan, fates=fates, new=new, links=links,
                dropped=dropped, status=status, movement=movement, unmatched=unmatched,
                dataset=str(Path(dataset).resolve()),
                generated_at=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))


def _sql_list(values) -> str:
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in sorted(values)) + "]::VARCHAR[]"


# ---------------------------------------------------------------- page

CSS = """
body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header{background:#12355b;color:#fff;padding:18px 28px}
header h1{margin:0;font-size:22px} header p{margin:4px 0 0;font-size:13px}
main{padding:8px 28px 40px;max-width:1400px}
nav{font-size:13px;margin:10px 0} nav a{color:#0b5cad;margin-right:12px}
section{background:#fff;border:1px solid #e3e3e3;border-radius:6px;padding:14px 18px;margin:16px 0}
h2{font-size:18px;margin:4px 0 8px} p.note{color:#4a4a4a;font-size:13px;margin:4px 0 10px}
figure{margin:8px 0;overflow-x:auto} figcaption{font-size:12px;color:#4a4a4a}
.stats{display:flex;gap:14px;flex-wrap:wrap}
.stat{background:#f1f5fa;border-radius:6px;padding:8px 14px;min-width:110px}
.stat b{display:block;font-size:22px}
table{border-collapse:collapse;font-size:13px;width:100%}
th,td{border-bottom:1px solid #eee;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f4f4f4;position:sticky;top:0}
.status{border-radius:10px;padding:1px 8px;font-size:12px;white-space:nowrap}
.status.success{background:#dff3e3}.status.partial{background:#fff1cc}
.status.failed{background:#fbd9d7}.status.skipped{background:#e8e8e8}
.rag{border-radius:10px;padding:1px 8px;font-size:12px;white-space:nowrap}
.rag.green{background:#dff3e3}.rag.amber{background:#fff1cc}.rag.red{background:#fbd9d7}
ul.msgs{margin:0;padding-left:16px;font-size:12px} ul.msgs li.error{color:#a4262c}
.empty{color:#595959;font-style:italic}
a.csv{font-size:12px;color:#0b5cad;display:inline-block;margin:6px 0}
.side{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
.side figure{flex:0 0 auto}
h3{font-size:16px;margin:14px 0 6px}
"""


def _section(sid: str, title: str, note: str, body: str) -> str:
    return (f"<section id='{sid}'><h2>{esc(title)}</h2>" + (f"<p class='note'>{note}</p>" if note else "")
            + body + "</section>")


def _figure(svg: str, caption: str) -> str:
    return f"<figure>{svg}<figcaption>{caption}</figcaption></figure>"


def _empty(message: str, eid: str = "") -> str:
    return f"<p class='empty'{f' id={chr(39)}{eid}{chr(39)}' if eid else ''}>{esc(message)}</p>"


def _table(tid: str, name: str, columns: Sequence[str], rows: Sequence[Sequence], cells: Sequence[Sequence[str]] | None = None) -> str:
    """An HTML table (cells already HTML, else the values escaped) with its CSV download."""
    cells = cells if cells is not None else [[esc(_plain_cell(v)) for v in r] for r in rows]
    return (f"<table id='{tid}'><thead><tr>" + "".join(f"<th>{esc(c)}</th>" for c in columns) + "</tr></thead><tbody>"
            + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in cells) + "</tbody></table>"
            + csv_link(name, columns, rows))


def _plain_cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return ", ".join(str(x) for x in v)
    if isinstance(v, float):
        return f"{v:.3g}"
    return str(v)


def _period(ps, pe) -> str:
    return f"{ps or '?'}-{pe or '?'}" if (ps or pe) else "period unknown"


def _institution_page(inst: str, data: dict) -> str:
    """One institution: its plans on a timeline, coverage per plan side by side, what
    carried forward, status movement from its progress reports."""
    slug = _slug(inst)
    plans = [p for p in data["plans"] if _inst(p["institution"]) == inst]
    by_id = {p["plan_id"]: p for p in plans}
    if not plans:
        return ""
    label = {p["plan_id"]: _period(p["period_start"], p["period_end"]) for p in plans}
    reports = {}
    for pid, date, f in data["reports"]:
        if date:
            reports.setdefault(pid, []).append((date, f))
    spans = [PlanSpan(f"{label[p['plan_id']]} ({p['n_actions']} actions)", p["period_start"], p["period_end"],
                      list(data["plan_due"].get(p["plan_id"]) or []),
                      [p["preferred_source_file"]] + [f for f in p["documents"] if f != p["preferred_source_file"]],
                      reports.get(p["plan_id"], []))
             for p in plans]
    body = [_figure(timeline_svg(f"timeline-{slug}", spans, f"{inst}: plans"),
                    "Each lane is one plan, named with its files (the copy that counts first; hover for all).")]
    pcols = [c for c, _ in PILLARS]
    rows = [label[p["plan_id"]] for p in plans]
    size = {label[p["plan_id"]]: max(data["per_plan"]["size"].get(p["plan_id"], 0), 1) for p in plans}

    def per_plan(key: str, cols) -> tuple[dict, dict]:
        c = {(label[pid], col): n for (pid, col), n in data["per_plan"][key].items() if pid in by_id}
        return c, {k: v / size[k[0]] for k, v in c.items()}

    pc, ps = per_plan("pillars", pcols)
    dc, ds = per_plan("pillars_document", pcols)
    tc, ts = per_plan("talent", TALENT)
    conv = "model" if data["has_model"] else "final labels"
    body.append("<div class='side'>"
                + _figure(heatmap_svg(f"pillars-{slug}", rows, pcols, pc, ps, f"{inst}: pillars per plan ({conv})"),
                          f"Pillars per plan ({conv}).")
                + _figure(heatmap_svg(f"pillars-doc-{slug}", rows, pcols, dc, ds, f"{inst}: the plans' own pillar tags"),
                          "The plans' own pillar tags.")
                + _figure(heatmap_svg(f"talent-{slug}", rows, TALENT, tc, ts, f"{inst}: TALENT per plan ({conv})",
                                      mark_gaps=True), f"TALENT recommendations per plan ({conv}); crossed: none.")
                + "</div>")
    # across cycles
    cycles = [p for p in plans if p["next_plan_id"] in by_id]
    if cycles:
        fates = {(pid, f): n for pid, f, n in data["fates"]}
        new = {pid: (n, c) for pid, n, c in data["new"]}
        rows_ = []
        for p in cycles:
            q = by_id[p["next_plan_id"]]
            n_new, n_carried = new.get(q["plan_id"], (0, 0))
            rows_.append((label[p["plan_id"]], label[q["plan_id"]], fates.get((p["plan_id"], "continued"), 0),
                          fates.get((p["plan_id"], "completed"), 0), fates.get((p["plan_id"], "dropped"), 0),
                          n_new, n_carried))
        body.append("<h3>Carried forward, completed, dropped, new</h3>"
                    + _table(f"fates-{slug}", f"fates-{slug}",
                             ("earlier plan", "later plan", "carried forward", "completed", "dropped",
                              "new in the later plan", "later actions carrying an earlier one"), rows_))
        links = [r for r in data["links"] if r[0] in by_id]
        body.append("<h3>Links between the plans' actions</h3>"
                    "<p class='note'>Each earlier action with the later action(s) that carry it forward (kind: "
                    "continued, split, merged), the similarity score and the key terms both use. Reviewers confirm "
                    "or reject a link in the overrides file (links: section).</p>"
                    + _table(f"links-{slug}", f"links-{slug}",
                             ("earlier plan", "earlier action", "earlier text", "kind", "later action", "later text",
                              "score", "shared terms", "reviewer"),
                             [(label[r[0]],) + tuple(r[1:]) for r in links]))
        gone = [(label[pid], aid, text, fate) for pid, aid, text, fate in data["dropped"] if pid in by_id]
        body.append("<h3>Not carried forward</h3>" + (_table(f"dropped-{slug}", f"dropped-{slug}",
                                                            ("plan", "action", "text", "fate"), gone)
                                                     if gone else _empty("Every action was carried forward.")))
    else:
        body.append(_empty("Only one plan of this institution is in the dataset (or its periods are unknown): "
                           "nothing to compare across cycles."))
    # status movement
    status = [r for r in data["status"] if r[0] in by_id]
    if status:
        body.append("<h3>Status from progress reports</h3>"
                    + _table(f"status-{slug}", f"status-{slug}", ("plan", "report", "report date", "status", "actions"),
                             [(label[r[0]],) + tuple(r[1:]) for r in status]))
        moves = [r for r in data["movement"] if r[0] in by_id]
        cells = [[esc(label[pid]), esc(aid), esc(text), " → ".join(f"<span class='rag {esc(s)}'>{esc(s)}</span>"
                                                                 for s in statuses), esc(", ".join(when))]
                 for pid, aid, text, statuses, when in moves]
        body.append("<p class='note'>Status movement per action, report by report (one report gives one "
                    "status; a second report of the same plan shows the movement).</p>"
                    + _table(f"movement-{slug}", f"movement-{slug}", ("plan", "action", "text", "statuses", "reports"),
                             [(label[pid], aid, text, " -> ".join(st), ", ".join(w)) for pid, aid, text, st, w in moves],
                             cells))
        lost = [(label.get(r[0], "?"),) + tuple(r[1:]) for r in data["unmatched"] if r[0] in by_id]
        body.append(_table(f"unmatched-{slug}", f"unmatched-{slug}",
                           ("plan", "report", "action id", "text", "best score"), lost) if lost
                    else "<p class='note'>Every progress-report row was attached to an action of its plan.</p>")
    else:
        body.append(_empty("No progress report of this institution's plans is in the dataset."))
    n = len(plans)
    return _section(f"inst-{slug}", inst, f"{n} plan{'s' if n != 1 else ''} in the dataset.", "".join(body))


def render(data: dict, title: str = "Technician Commitment action plans: comparison") -> str:
    insts = data["institutions"]
    totals = data["totals"]
    n_actions = sum(t["actions"] for t in totals.values())
    status_counts: dict[str, int] = {}
    for d in data["documents"]:
        status_counts[d[4]] = status_counts.get(d[4], 0) + 1
    stats = [("plans", len(data["plans"])), ("actions (each plan once)", n_actions), ("institutions", len(insts)),
             ("documents", len(data["documents"]))]
    stats += [(k, v) for k, v in sorted(status_counts.items())]
    stats.append(("reviewed rows", data["reviewed"]))
    overview = "<div class='stats'>" + "".join(
        f"<div class='stat'><b>{v}</b>{esc(k)}</div>" for k, v in stats) + "</div>"
    overview += ("<p class='note'>Every comparison counts plans, not files: a plan given as several files (a DOCX "
                 "and its PDF, a scan, a web copy) counts once, from its preferred copy; progress reports add "
                 "statuses, not actions.</p>")
    if data["sources"]:
        overview += ("<p class='note'>Where the final labels came from (label_source): "
                     + ", ".join(f"{esc(s)} {n}" for s, n in data["sources"]) + ".</p>")
    nav = "<nav>" + "".join(f"<a href='#{sid}'>{esc(t)}</a>" for sid, t in (
        ("pillars", "Pillars"), ("talent", "TALENT"), ("time", "Due dates"), ("agreement", "Tags vs model"),
        ("institutions", "Institutions"), ("plans", "Plans"), ("documents", "Documents"))) + "</nav>"
    parts = [nav, _section("overview", "Overview", "", overview)]

    pcol, tcol = data["convention"]
    conv_note = (f"Counted with one convention for every plan: the model's labels ({pcol}, {tcol}), so plans that "
                 "tag their actions and plans that do not are compared alike; the plans' own tags are shown beside."
                 if data["has_model"] else
                 "No model predictions in this dataset: the final labels (the plans' own tags) are counted.")
    pillar_cols = [c for c, _ in PILLARS]
    shares = {(i, c): data["pillar_counts"].get((i, c), 0) / max(totals[i]["actions"], 1)
              for i in insts for c in pillar_cols}
    dshares = {(i, c): data["pillar_doc"].get((i, c), 0) / max(totals[i]["actions"], 1)
               for i in insts for c in pillar_cols}
    unl = ", ".join(f"{esc(i)} {totals[i]['no_pillar']} of {totals[i]['actions']}" for i in insts
                    if totals[i]["no_pillar"])
    parts.append(_section(
        "pillars", "Pillars by institution",
        "Each cell counts an institution's actions with the pillar; the colour is the share of the institution's "
        "actions (scale under each chart). An action can carry several pillars. " + esc(conv_note) + " "
        + "; ".join(f"{n} = {esc(name)}" for n, name in PILLARS) + ".",
        ("<div class='side'>"
         + _figure(heatmap_svg("pillar-heatmap", insts, pillar_cols, data["pillar_counts"], shares,
                               f"Actions per pillar and institution ({pcol})", col_titles=dict(PILLARS)),
                   f"By {esc(pcol)}. Actions without any: " + (unl or "none") + ".")
         + _figure(heatmap_svg("pillar-heatmap-document", insts, pillar_cols, data["pillar_doc"], dshares,
                               "The plans' own pillar tags", col_titles=dict(PILLARS)),
                   "The plans' own tags (pillars_document); a plan that tags nothing shows zeros.")
         + "</div>") if insts else _empty("No actions in the dataset.")))

    tshares = {(i, c): data["talent_counts"].get((i, c), 0) / max(totals[i]["actions"], 1)
               for i in insts for c in TALENT}
    tdshares = {(i, c): data["talent_doc"].get((i, c), 0) / max(totals[i]["actions"], 1)
                for i in insts for c in TALENT}
    col_titles = {r[1]: f"{r[1]}: {r[2]} ({r[3]})" for r in taxonomy_rows() if r[0] == "talent" and r[2]}
    gaps = {i: [c for c in TALENT if not data["talent_counts"].get((i, c))] for i in insts}
    none_at_all = [i for i in insts if len(gaps[i]) == len(TALENT)]
    note = ("Each cell counts the institution's actions with the TALENT Commission recommendation. A crossed, "
            "hatched cell is a gap: no action addresses it. " + esc(conv_note))
    if none_at_all:
        note += (" Institutions with no TALENT label at all: " + ", ".join(esc(i) for i in none_at_all) + ".")
    parts.append(_section("talent", "TALENT coverage", note, (
        "<div class='side'>"
        + _figure(heatmap_svg("talent-coverage", insts, TALENT, data["talent_counts"], tshares,
                              f"TALENT recommendations addressed per institution ({tcol})", mark_gaps=True,
                              col_titles=col_titles), f"{sum(len(g) for g in gaps.values())} gaps marked.")
        + _figure(heatmap_svg("talent-coverage-document", insts, TALENT, data["talent_doc"], tdshares,
                              "TALENT recommendations the plans cite themselves", col_titles=col_titles),
                  "The plans' own citations (talent_document).")
        + "</div>") if insts else _empty("No actions in the dataset.")))

    years = [str(y) for y, _ in data["due"]]
    spans = [PlanSpan(f"{_inst(p['institution'])} {_period(p['period_start'], p['period_end'])}", p["period_start"],
                      p["period_end"], list(data["plan_due"].get(p["plan_id"]) or []),
                      [p["preferred_source_file"]] + [f for f in p["documents"] if f != p["preferred_source_file"]],
                      [(d, f) for pid, d, f in data["reports"] if pid == p["plan_id"] and d])
             for p in data["plans"]]
    undated = ", ".join(f"{esc(r)} {n}" for r, n in data["undated"]) or "none"
    time_body = (_figure(bars_svg("due-years", years, [("actions due", [n for _, n in data["due"]])],
                                  "Actions by year due", "actions due"),
                         f"An action counts in every year it has a deadline in (due_dates). Actions without a due "
                         f"date, by recurrence: {undated}.")
                 if years else _empty("No action in the dataset has a due date.", "due-years-empty"))
    time_body += (_figure(timeline_svg("plan-timeline", spans, "Plan periods and action due dates"),
                          "Each lane is one plan, named with its files. Blue: the period it covers; orange ticks: its "
                          "actions' due dates; diamonds: its progress reports.")
                  if spans else _empty("No plan in the dataset.", "plan-timeline-empty"))
    parts.append(_section("time", "Actions and due dates over time",
                          "Due dates are parsed from each action's timeframe; vague timeframes get none (never "
                          "guessed).", time_body))

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
            trained = ag.get(key + "_training", 0)
            if not rows:
                body += f"<p class='empty'>No action carries both the plan's own {kind} tags and model labels.</p>"
                continue
            where = ("all of them are in plans the model was trained on (its manifest): this is agreement on "
                     "its own training plans, not a held-out measure" if trained == n_rows and n_rows else
                     f"{trained} of them are in plans the model was trained on (its manifest), "
                     f"{n_rows - trained} in plans it never saw" if trained else
                     "none of them is in a plan the model was trained on: a held-out measure")
            body += _figure(agreement_svg(f"agreement-{key}", rows, f"Plan tags vs model: {kind}"),
                            f"{n_rows} actions tagged by their plan; {where}. The model's {kind} set equals the "
                            f"plan's on {exact} ({exact / max(n_rows, 1):.0%}). Per label: the share of rows where "
                            f"both agree among rows where either gives it.")
    parts.append(_section("agreement", "Plan tags and the model",
                          "Only actions the plan itself tags are compared (each plan once): the model's prediction "
                          "is stored beside the plan's tags (pillars_model, talent_model). Colours: Okabe-Ito "
                          "(colour-blind safe).", body))

    pages = "".join(_institution_page(i, data) for i in insts)
    parts.append(_section("institutions", "Institutions",
                          "One part per institution: its plans over time, coverage per plan, what carried forward "
                          "between consecutive plans, and status movement from its progress reports.",
                          pages or _empty("No plans in the dataset.")))

    prow = [(_inst(p["institution"]), _period(p["period_start"], p["period_end"]), p["plan_title"],
             p["preferred_source_file"], p["n_actions"], p["renderings"], p["progress_reports"]) for p in data["plans"]]
    parts.append(_section("plans", "Plans",
                          "One row per plan: the copy that counts, the other copies of the same plan, and its "
                          "progress reports.",
                          _table("plans-table", "plans", ("institution", "period", "title", "counted from", "actions",
                                                          "other copies", "progress reports"), prow)
                          if prow else _empty("No plans in the dataset.")))

    rows_html, drows = [], []
    for src, inst, ps, pe, status, layout, n, share, warnings, errors, role in data["documents"]:
        msgs = "".join(f"<li class='error'>{esc(e)}</li>" for e in errors or []) + \
               "".join(f"<li>{esc(w)}</li>" for w in warnings or [])
        period = f"{ps}-{pe}" if ps else ""
        rows_html.append([esc(src), esc(inst), period, esc(role or ""),
                          f"<span class='status {esc(status)}'>{esc(status)}</span>", esc(layout),
                          str(n) if n is not None else "", "" if share is None else f"{share:.0%}",
                          f"<ul class='msgs'>{msgs}</ul>"])
        drows.append((src, inst, period, role, status, layout, n, share, "; ".join(list(errors or []) + list(warnings or []))))
    parts.append(_section("documents", "Documents",
                          "Every input file, with what became of it. role: plan (the copy that counts), rendering "
                          "(another copy), progress_report. 'text in rows' is the share of the document's text "
                          "that ended up in extracted actions.",
                          _table("documents", "documents", ("file", "institution", "period", "role", "status", "layout",
                                                            "actions", "text in rows", "errors and warnings"),
                                 drows, rows_html)))

    versions = "; ".join(" / ".join(esc(v) for v in vs) for vs in data["versions"])
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
            f"<header><h1>{esc(title)}</h1>"
            f"<p class='gen'>Generated {esc(data.get('generated_at', ''))} from the dataset "
            f"{esc(data.get('dataset', ''))}</p>"
            f"<p>Versions (pipeline / model / taxonomy): {versions or 'n/a'}</p></header>"
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

Writes OUT/report/index.html (charts are inline SVG, tables downloadable as CSV through
data: links: the file can be mailed or archived alone and works offline): institution x
pillar heatmap, TALENT coverage with gaps marked (each plan counted once), actions and due
dates over time, agreement between the plans' own tags and the model, a part per
institution (its plans over time, coverage per plan, what carried forward, status
movement), the plans, and the documents with their status and warnings.

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
