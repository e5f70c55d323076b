"""The Portsmouth plan as a web page: site masthead, nav bar, breadcrumb, the intro and the
four key areas, then the 21 actions as cards grouped under headings, each card with an
"Action N" heading, the statement, the description and labelled fields. A field holding
several items is an ordered list with lower-alpha markers, which Chromium prints as "a.",
"b." ... The HTML is self-contained (inline CSS, no external resources) and is printed
to PDF by headless Chromium.

Page furniture (site name, nav, breadcrumb, footer, the group headings "Actions 1 to 7"
...) is invented for the rendering; the group headings only split the list into
thirds and are not sections of the plan (the plan has none)."""
from __future__ import annotations

import html
from pathlib import Path

from . import common as c

GROUPS = [(1, 7), (8, 14), (15, 21)]

FIELDS = (("Supporting Actions Required", "supporting_actions"),
          ("Success Measure", "success_measure"),
          ("Stakeholders", "stakeholders"),
          ("Commitment areas", "commitment_areas"))

CSS = """
@page { size: A4; margin: 14mm 13mm 15mm 13mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 10.5pt;
       color: #1d1d1b; margin: 0; line-height: 1.4; }
.masthead { background: #621b74; color: #fff; padding: 10px 18px; display: flex;
            justify-content: space-between; align-items: center; }
.masthead .site { font-size: 16pt; font-weight: bold; }
.masthead .search { font-size: 9pt; border: 1px solid #d9b8e2; padding: 3px 10px; }
nav.main { background: #40114e; padding: 6px 18px; }
nav.main a { color: #fff; text-decoration: none; font-size: 9.5pt; margin-right: 20px; }
.breadcrumb { font-size: 8.5pt; color: #555; padding: 9px 18px 0 18px; }
.breadcrumb span + span:before { content: " > "; color: #888; }
main { padding: 2px 18px 8px 18px; }
h1 { font-size: 21pt; color: #621b74; margin: 10px 0 12px 0; }
p { margin: 0 0 8px 0; }
a { color: #0563c1; }
ul.areas { margin: 0 0 10px 0; padding-left: 20px; }
ul.areas li { margin-bottom: 4px; }
h2 { font-size: 15pt; color: #621b74; border-bottom: 2px solid #621b74; padding-bottom: 3px;
     margin: 18px 0 10px 0; break-after: avoid; }
.card { border: 1px solid #cfc2d6; border-left: 5px solid #621b74; border-radius: 4px;
        padding: 8px 12px 6px 12px; margin: 0 0 12px 0; background: #fbf9fc; }
.card h3 { font-size: 13pt; color: #621b74; margin: 0 0 3px 0; break-after: avoid; }
.card .statement { font-weight: bold; font-size: 11pt; margin-bottom: 5px; break-after: avoid; }
.card h4 { font-size: 10pt; margin: 7px 0 2px 0; color: #40114e; break-after: avoid; }
.card .field p { margin: 0 0 2px 0; }
.card ol.alpha { list-style-type: lower-alpha; margin: 0 0 2px 0; padding-left: 22px; }
footer { border-top: 3px solid #621b74; margin-top: 16px; padding: 9px 18px; font-size: 8.5pt;
         color: #444; }
footer span { margin-right: 18px; }
"""

SITE = "University of Portsmouth"
NAV = ["Courses", "Research", "Business", "Student life", "About us", "Staff"]
BREADCRUMB = ["Home", "About us", "Our people", "Technician Commitment"]
FOOTER = ["University of Portsmouth, University House, Winston Churchill Avenue, Portsmouth",
          "Accessibility", "Privacy and cookies", "Contact us"]


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _field(items: list[str]) -> str:
    if len(items) == 1:
        return f"<p>{_esc(items[0])}</p>"
    lis = "".join(f"<li>{_esc(t)}</li>" for t in items)
    return f'<ol class="alpha">{lis}</ol>'


def field_text(items: list[str]) -> str | None:
    """The field as printed: one item as is; several as "a. ... b. ..." (the list markers
    Chromium prints), joined with single spaces."""
    if not items:
        return None
    if len(items) == 1:
        return c.ws(items[0])
    return c.ws(" ".join(f"{chr(ord('a') + i)}. {t}" for i, t in enumerate(items)))


def _card(a: dict) -> str:
    fields = "".join(f'<div class="field"><h4>{label}</h4>{_field(a[key])}</div>'
                     for label, key in FIELDS)
    return (f'<article class="card" id="action-{a["number"]}">'
            f'<h3>Action {a["number"]}</h3>'
            f'<p class="statement">{_esc(a["title"])}</p>'
            f'<p class="description">{c.linkify(a["description"], a.get("links"))}</p>'
            f"{fields}</article>")


def build_html(plan: dict) -> str:
    nav = "".join(f'<a href="#">{_esc(n)}</a>' for n in NAV)
    crumbs = "".join(f"<span>{_esc(b)}</span>" for b in BREADCRUMB)
    intro = "\n".join(f"<p>{c.linkify(b['text'], b.get('links'))}</p>" for b in plan["intro"])
    areas = "\n".join(f"<li><strong>{_esc(k['name'])}</strong>: {_esc(k['text'])}</li>"
                      for k in plan["key_areas"])
    by_no = {a["number"]: a for a in plan["actions"]}
    assert sorted(by_no) == list(range(1, 22)), "every action in exactly one group"
    groups = []
    for lo, hi in GROUPS:
        cards = "\n".join(_card(by_no[n]) for n in range(lo, hi + 1))
        groups.append(f'<section class="group"><h2>Actions {lo} to {hi}</h2>\n{cards}\n'
                      f"</section>")
    foot = "".join(f"<span>{_esc(f)}</span>" for f in FOOTER)
    body = "\n".join(groups)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{_esc(plan['plan_title'])} | {SITE}</title>
<style>{CSS}</style>
</head>
<body>
<header class="masthead"><span class="site">{SITE}</span><span class="search">Search</span>
</header>
<nav class="main">{nav}</nav>
<div class="breadcrumb">{crumbs}</div>
<main>
<h1>{_esc(plan['plan_title'])}</h1>
{intro}
<ul class="areas">
{areas}
</ul>
{body}
</main>
<footer>{foot}</footer>
</body>
</html>
"""


def write_html(plan: dict, out_html: Path) -> Path:
    out_html = Path(out_html)
    out_html.parent.mkdir(parents=True, exist_ok=True)
    out_html.write_text(build_html(plan), encoding="utf-8")
    return out_html


def render(plan: dict, out_pdf: Path, html_path: Path) -> Path:
    """Write the HTML to html_path and print it to out_pdf."""
    write_html(plan, html_path)
    return c.html_to_pdf(html_path, out_pdf)
