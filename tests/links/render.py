"""Render the fictional link-evaluation plans (tests/links/<institution>/*.yaml) to PDFs with
reportlab: a title block, a running header on every page, and a ruled table (plans: one
row per action under full-width pillar rows, with an aim column, or with `layout:
ref_column` a reference column and no aims; either layout with or without an owner column; progress reports: [Ref] | Action | status |
Progress update, a RAG cell filled in its colour). The PDFs are build outputs of `make
evaluate-links`, never committed.

    python -m tests.links.render OUT_DIR
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

import yaml

HERE = Path(__file__).resolve().parent
SOURCES = sorted(HERE.glob("*/*.yaml"))
RAG_FILL = {"red": "#C00000", "amber": "#FFC000", "green": "#00B050"}


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _rows(spec: dict):
    """(table rows, style commands) for a plan or a progress report."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=8.5, leading=10.5)
    head = ParagraphStyle("head", parent=cell, fontName="Helvetica-Bold")
    rows = [[Paragraph(c, head) for c in spec["columns"]]]
    style = [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E2F3"))]
    if spec["kind"] == "plan":
        for section in spec["sections"]:
            rows.append([Paragraph(f"<b>{section['label']}</b>", cell)] + [""] * (len(spec["columns"]) - 1))
            style += [("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)),
                      ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.HexColor("#F2F2F2"))]
            if spec.get("layout") == "ref_column":
                # [ref, action, owner, timeframe], or [ref, action, timeframe] for a plan
                # without an owner column
                for action in section["actions"]:
                    rows.append([Paragraph(str(c), cell) for c in action])
                continue
            for aim in section["aims"]:
                # [id, action, timeframe, owner, pillars], or [id, action, timeframe, pillars]
                # for a plan without an owner column
                for k, (aid, text, timeframe, *rest) in enumerate(aim["actions"]):
                    aim_cell = Paragraph(f"{aim['id']} – {aim['text']}", cell) if k == 0 else ""
                    rows.append([aim_cell, Paragraph(f"{aid} – {text}", cell), Paragraph(str(timeframe), cell)]
                                + [Paragraph(c, cell) for c in rest])
    else:
        with_ref = len(spec["columns"]) == 4
        for row in spec["rows"]:
            ref, text, rag, update = row[:4]
            rows.append(([Paragraph(ref or "", cell)] if with_ref else [])
                        + [Paragraph(text, cell), Paragraph(rag, cell), Paragraph(update, cell)])
            if rag.lower() in RAG_FILL:
                col = 2 if with_ref else 1
                style.append(("BACKGROUND", (col, len(rows) - 1), (col, len(rows) - 1),
                              colors.HexColor(RAG_FILL[rag.lower()])))
    return rows, style


def render(spec: dict, out: Path) -> Path:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    page = landscape(A4)
    aims = spec["kind"] == "plan" and spec.get("layout") != "ref_column"
    widths = {("plan", 5): [6.0, 10.5, 3.8, 3.8, 2.2], ("plan", 4): [1.6, 15.0, 5.4, 4.3],
              ("plan", 3): [1.6, 20.0, 4.7], ("aims", 4): [6.0, 12.8, 4.5, 3.0],
              ("progress_report", 4): [1.6, 9.0, 1.8, 13.0],
              ("progress_report", 3): [9.0, 2.6, 14.7]}[("aims" if aims and len(spec["columns"]) == 4
                                                         else spec["kind"], len(spec["columns"]))]
    title = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=15, leading=19, spaceAfter=4)
    sub = ParagraphStyle("sub", fontName="Helvetica-Bold", fontSize=11, leading=14, spaceAfter=6)
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=12, spaceAfter=6)
    story = [Paragraph(spec["institution"], sub), Paragraph(spec["plan_title"], title)]
    if spec.get("subtitle"):
        story.append(Paragraph(spec["subtitle"], sub))
    story += [Paragraph(p, body) for p in spec.get("intro", [])] + [Spacer(1, 6)]
    rows, style = _rows(spec)
    story.append(Table(rows, colWidths=[w * cm for w in widths], repeatRows=1, style=style))

    def header(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(1.5 * cm, page[1] - 1.0 * cm, spec["running_header"])
        canvas.drawRightString(page[0] - 1.5 * cm, 0.8 * cm, f"Page {doc.page}")
        canvas.restoreState()

    out.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(str(out), pagesize=page, leftMargin=1.5 * cm, rightMargin=1.5 * cm,
                            topMargin=1.5 * cm, bottomMargin=1.4 * cm, title=spec["plan_title"],
                            author="tests/links/render.py", creator="tc-plans", invariant=1)
    doc.build(story, onFirstPage=header, onLaterPages=header)
    return out


def render_all(out_dir: Path, only: Sequence[str] | None = None) -> list[Path]:
    """Every fictional plan and report (or those of the `only` folders: "northbridge")."""
    sources = [p for p in SOURCES if only is None or p.parent.name in only]
    return [render(spec, Path(out_dir) / f"{spec['stem']}.pdf")
            for spec in map(load, sources) if spec.get("kind") in ("plan", "progress_report")]


if __name__ == "__main__":
    for path in render_all(Path(sys.argv[1] if len(sys.argv) > 1 else "build/links")):
        print(path)
