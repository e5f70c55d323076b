"""What a zoo variant is, whatever its family: a Job (the document to print and the gold rows it
stands for), the gold row of a block or list layout, and the reportlab document around a table.
Shared by families.py and families_found.py."""
from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape as xesc

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from . import content as ct


@dataclass
class Job:
    name: str
    family: str
    kind: str                          # docx | html | reportlab | scan
    rows: list[dict]
    plan: ct.Plan
    title: str
    doc: object = None                 # Document | str (html) | Callable[[Path], None] | Job (scan source)
    stripped: bool = False
    talent_annotated: bool = False
    passes: int = 1
    options: dict = field(default_factory=dict)


def _flags(rows: list[dict]) -> tuple[bool, bool]:
    stated = any(r.pop("_pillars_stated", False) for r in rows) if rows else True
    talent = any(r.pop("_talent_printed", False) for r in rows)
    for r in rows:
        r.pop("_pillars_stated", None)
        r.pop("_talent_printed", None)
    return (not stated), talent


def _job(name, family, kind, doc, rows, plan, options, *, title=None, passes=1, talent=None) -> Job:
    stripped, cited = _flags(rows)
    return Job(name=name, family=family, kind=kind, doc=doc, rows=rows, plan=plan, title=title or plan.title,
               stripped=stripped, talent_annotated=cited if talent is None else talent, passes=passes,
               options=options)


def _gold(action_text, *, action_id=None, parent_id=None, section=None, aim=None, details=None,
          supporting=None, measure=None, timeframe=None, owner=None, pillars=(), talent=(),
          stated=False, cited=False) -> dict:
    return {"action_id": action_id, "parent_id": parent_id, "section": section, "aim": aim,
            "action_text": action_text, "details": details, "supporting_actions": supporting,
            "success_measures": measure, "timeframe": timeframe, "owner": owner, "resources": None,
            "pillars": list(pillars), "talent": list(talent), "_pillars_stated": stated, "_talent_printed": cited}


def table_document(rng: random.Random, plan: ct.Plan, table, pagesize, margin: float, font: str,
                   body: ParagraphStyle, bold: ParagraphStyle, title: ParagraphStyle,
                   running: str | None = None) -> Callable[[Path], None]:
    """The builder of a reportlab document: the institution and title, up to two intro
    paragraphs, the table; page numbers at the foot and, if given, a running header."""
    story = [Paragraph(xesc(plan.institution), bold), Paragraph(xesc(plan.title), title)]
    for p in ct.vocabulary()["intro_paragraphs"][:rng.randint(0, 2)]:
        story += [Paragraph(xesc(p.format(inst=plan.institution, period=plan.period_text)), body), Spacer(1, 6)]
    story.append(table)

    def decor(canvas, d):
        canvas.saveState()
        canvas.setFont(font, 8)
        if running:
            canvas.drawRightString(pagesize[0] - margin, pagesize[1] - 1.0 * cm, running)
        canvas.drawCentredString(pagesize[0] / 2, 0.9 * cm, f"Page {d.page}")
        canvas.restoreState()

    def build(out: Path) -> None:
        SimpleDocTemplate(str(out), pagesize=pagesize, leftMargin=margin, rightMargin=margin,
                          topMargin=1.9 * cm, bottomMargin=1.8 * cm, invariant=1, title=plan.title,
                          author=plan.institution).build(story, onFirstPage=decor, onLaterPages=decor)
    return build
