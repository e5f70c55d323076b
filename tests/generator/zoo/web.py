"""Web pages for the zoo (HTML printed to PDF by headless Chromium): site furniture, the
plan's title and intro, logical tables as HTML tables (rowspan, thead repeated by the
browser), action cards, objective headings with list items carrying inline labels, and
numbered lists under theme headings."""
from __future__ import annotations

import html
import random

from . import content as ct
from .tables import Table

FONTS = ["Carlito", "Carlito", "Liberation Sans", "DejaVu Sans", "Liberation Serif", "Caladea"]


def esc(t: str) -> str:
    return html.escape(t, quote=False)


def page(rng: random.Random, plan: ct.Plan, body: str, *, landscape: bool | None = None,
         extra_css: str = "") -> tuple[str, dict]:
    landscape = rng.random() < 0.3 if landscape is None else landscape
    font = rng.choice(FONTS)
    size = rng.choice([10, 10.5, 11, 12])
    accent = rng.choice(["#003865", "#6d2077", "#00594f", "#8a1538", "#1f4e79"])
    site = plan.institution
    nav = "".join(f"<li>{x}</li>" for x in rng.sample(
        ["Study", "Research", "Business", "About us", "News", "Staff", "Contact"], 5))
    crumb = ""
    if rng.random() < 0.5:
        crumb = ('<p class="crumb">Home › Staff › Technical staff › '
                 f'{esc(rng.choice(["Technician Commitment", "Our action plan", "Working here"]))}</p>')
    intro = "".join(f"<p>{esc(t.format(inst=plan.institution, period=plan.period_text))}</p>"
                    for t in ct.vocabulary()["intro_paragraphs"][:rng.randint(0, 2)])
    css = f"""
@page {{ size: A4 {'landscape' if landscape else 'portrait'}; margin: {rng.choice([12, 15, 18])}mm; }}
body {{ font-family: '{font}', sans-serif; font-size: {size}pt; color: #222; line-height: 1.35; }}
header.mast {{ background: {accent}; color: white; padding: 8px 12px; font-size: 1.3em; font-weight: bold; }}
nav ul {{ list-style: none; padding: 0; margin: 4px 0 10px 0; display: flex; gap: 16px; font-size: .9em; }}
.crumb {{ color: #666; font-size: .85em; }}
h1 {{ font-size: 1.7em; color: {accent}; margin: 10px 0 8px 0; }}
h2 {{ font-size: 1.3em; color: {accent}; margin: 16px 0 6px 0; break-after: avoid; }}
h3 {{ font-size: 1.1em; margin: 12px 0 4px 0; break-after: avoid; }}
table.plan {{ border-collapse: collapse; width: 100%; margin: 8px 0 14px 0; }}
table.plan th, table.plan td {{ border: 1px solid #444; padding: 4px 5px; vertical-align: top; text-align: left; }}
table.plan th {{ background: #e8e8e8; }}
table.plan td p {{ margin: 0 0 3px 0; }}
td.section {{ background: #d9d9d9; font-weight: bold; }}
footer {{ margin-top: 20px; border-top: 1px solid #999; font-size: .8em; color: #555; padding-top: 6px; }}
{extra_css}
"""
    doc = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(plan.title)}</title>
<style>{css}</style></head><body>
<header class="mast">{esc(site)}</header><nav><ul>{nav}</ul></nav>{crumb}
<h1>{esc(plan.title)}</h1>{intro}
{body}
<footer>© {esc(site)} · Accessibility · Privacy · Freedom of information</footer>
</body></html>"""
    return doc, {"landscape": landscape, "font": font, "size": size}


def table_html(t: Table) -> str:
    head = "".join(f"<th>{esc(t.headers[r])}</th>" for r in t.roles)
    head_row = f"<tr>{head}</tr>"
    out = ['<table class="plan">']
    if t.repeat_header:
        out.append(f"<thead>{head_row}</thead><tbody>")
    else:
        out.append(f"<tbody>{head_row}")
    for r in t.rows:
        if r.section is not None:
            out.append(f'<tr><td class="section" colspan="{len(t.roles)}">{esc(r.section)}</td></tr>')
            continue
        tds = []
        for role in t.roles:
            cell = r.cells[role]
            if cell.span == 0:
                continue
            attrs = f' rowspan="{cell.span}"' if cell.span > 1 else ""
            if cell.fill:
                attrs += f' style="background:#{cell.fill}"'
            inner = "".join(f"<p>{esc(p)}</p>" for p in cell.paras)
            tds.append(f"<td{attrs}>{inner}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


CARD_CSS = """
.card { border: 1px solid #999; border-radius: 6px; padding: 8px 12px; margin: 0 0 12px 0; break-inside: %s; }
.card h3 { margin: 0 0 4px 0; }
.card .desc { margin: 0 0 6px 0; }
.card dl { margin: 0; display: grid; grid-template-columns: 11em 1fr; gap: 2px 8px; }
.card dt { font-weight: bold; }
.card dd { margin: 0; }
.card p.field { margin: 2px 0; }
"""
