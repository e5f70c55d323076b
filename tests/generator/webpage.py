"""Render the Essex Technician Commitment web page as HTML and print it to PDF with
headless Chromium (the way a page saved "as PDF" from a browser looks)."""
from __future__ import annotations

import html
import tempfile
from pathlib import Path

from . import common as c

CSS = """
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 11pt;
       color: #1a1a1a; margin: 0; line-height: 1.45; }
.masthead { background: #35204f; color: #fff; padding: 10px 18px; display: flex;
            justify-content: space-between; align-items: center; }
.masthead .site { font-size: 17pt; font-weight: bold; letter-spacing: 0.5px; }
.masthead .search { font-size: 9pt; border: 1px solid #cbb8e0; padding: 3px 10px; }
nav.main { background: #4c3169; padding: 6px 18px; }
nav.main a { color: #fff; text-decoration: none; font-size: 10pt; margin-right: 22px; }
.breadcrumb { font-size: 9pt; color: #555; padding: 10px 18px 0 18px; }
.breadcrumb span + span:before { content: " › "; color: #888; }
main { padding: 4px 18px 10px 18px; }
h1 { font-size: 22pt; color: #35204f; margin: 10px 0 14px 0; }
p { margin: 0 0 9px 0; }
a { color: #0563c1; }
footer { border-top: 3px solid #35204f; margin-top: 18px; padding: 10px 18px; font-size: 9pt;
         color: #444; }
footer span { margin-right: 20px; }
"""


def build_html(plan: dict) -> str:
    nav = "".join(f'<a href="#">{html.escape(n)}</a>' for n in plan["nav"])
    crumbs = "".join(f"<span>{html.escape(b)}</span>" for b in plan["breadcrumb"])
    paras = "\n".join(f"<p>{c.linkify(p, plan.get('links', []))}</p>" for p in plan["paragraphs"])
    foot = "".join(f"<span>{html.escape(f)}</span>" for f in plan["footer"])
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{html.escape(plan['page_title'])} | {html.escape(plan['site_name'])}</title>
<style>{CSS}</style>
</head>
<body>
<header class="masthead"><span class="site">{html.escape(plan['site_name'])}</span>
<span class="search">Search</span></header>
<nav class="main">{nav}</nav>
<div class="breadcrumb">{crumbs}</div>
<main>
<h1>{html.escape(plan['page_title'])}</h1>
{paras}
</main>
<footer>{foot}</footer>
</body>
</html>
"""


def render(plan: dict, out_pdf: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="tcgen-html-") as tmp:
        src = Path(tmp) / f"{plan['stem']}.html"
        src.write_text(build_html(plan), encoding="utf-8")
        return c.html_to_pdf(src, out_pdf)
