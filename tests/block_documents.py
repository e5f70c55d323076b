"""Small plans in the block layouts (cards, objectives with inline-labelled activities,
numbered lists under ordinary headings, narrative blocks without "Action N") and the
non-action material printed beside them (past achievements, a key, a glossary, document
control, intro prose), written as HTML for headless Chromium or as DOCX for LibreOffice.
The words are invented for these tests and none of the headings or labels is in models/:
the strategies must find the structure from typography and repetition alone."""
from __future__ import annotations

import html
from pathlib import Path

from tests.generator import common as gen

ACTIVITIES = [
    ("Publish a profile of one technical specialist in every staff bulletin", "Each term", "Head of Communications",
     "Six profiles published and read by at least 500 staff"),
    ("Create a shared calendar of open laboratory days for schools", "From spring 2026", "Outreach Officer",
     "Four open days a year with technicians presenting"),
    ("Fund professional registration fees for technical staff", "By July 2026", "HR Partner",
     "Thirty technicians registered with a professional body"),
    ("Introduce a mentoring scheme pairing new and senior technicians", "Autumn 2026", "Technical Managers Forum",
     "Every new starter has a mentor within three months"),
    ("Map the skills held by technical teams across the faculties", "Within the first year", "Workforce Planning Lead",
     "A skills register reviewed every year"),
    ("Reserve places on leadership courses for technical staff", "Annually", "Learning and Development",
     "Ten technicians complete the course"),
]
ACHIEVEMENTS = [
    "Launched a technician network with 120 members in 2023",
    "Held the first technical staff awards ceremony in June",
    "Appointed a technical careers adviser",
]
GLOSSARY = [("Technician", "a member of staff whose role is mainly technical"),
            ("Registration", "entry on a professional register kept by a licensed body"),
            ("Mentor", "an experienced colleague who guides a newer one")]
INTRO = ("This page sets out how the Institute of Exampleshire supports the people who keep its laboratories, "
         "workshops and studios running. It was written with technical staff from every faculty.")

CSS = """
@page { size: A4; margin: 15mm; }
body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #222; line-height: 1.35; }
h1 { font-size: 20pt; } h2 { font-size: 14pt; margin: 16px 0 6px 0; }
.card { border: 1px solid #aab; border-radius: 4px; padding: 8px 12px; margin: 0 0 10px 0; background: #f7f8fb;
        break-inside: avoid; }
.card h3 { font-size: 12pt; margin: 0 0 4px 0; }
.card p { margin: 0 0 4px 0; }
.card .f b { color: #335; }
table.key td, table.ctl td { border: 1px solid #999; padding: 2px 6px; }
table.key, table.ctl { border-collapse: collapse; margin: 6px 0; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f"<style>{CSS}</style></head><body><h1>{_e(title)}</h1><p>{_e(INTRO)}</p>{body}</body></html>")


def _achievements() -> str:
    items = "".join(f"<li>{_e(a)}</li>" for a in ACHIEVEMENTS)
    return f"<h2>What we have done so far</h2><ul>{items}</ul>"


def _glossary() -> str:
    items = "".join(f"<li><b>{_e(t)}</b>: {_e(d)}</li>" for t, d in GLOSSARY)
    return f"<h2>Words we use</h2><ul>{items}</ul>"


def _control() -> str:
    return ('<h2>About this document</h2><table class="ctl"><tr><td>Version</td><td>1.3</td></tr>'
            "<tr><td>Approved by</td><td>Operations Board</td></tr><tr><td>Next review</td><td>May 2027</td></tr></table>")


def cards_html() -> str:
    """Bordered cards: a title (no number, no 'Action'), a description, labelled fields."""
    cards = []
    for i, (text, when, lead, success) in enumerate(ACTIVITIES):
        cards.append(f'<div class="card"><h3>{_e(text)}</h3>'
                     f"<p>We will do this with technical staff across the institute, step by step.</p>"
                     f'<p class="f"><b>Timing:</b> {_e(when)}</p><p class="f"><b>Who leads:</b> {_e(lead)}</p>'
                     f'<p class="f"><b>How we will know:</b> {_e(success)}</p></div>')
        if i == 2:
            cards.append("<h2>Growing careers</h2>")
    return _page("Our commitments to technical staff", _achievements() + "<h2>Being seen</h2>" + "".join(cards)
                 + _glossary() + _control())


def objectives_html() -> str:
    """Objectives as headings; activities as list items with inline labels."""
    parts = []
    for o, chunk in enumerate((ACTIVITIES[:3], ACTIVITIES[3:]), start=1):
        items = "".join(f"<li>{_e(t)}. When: {_e(w)}. Lead: {_e(l)}. Success looks like: {_e(s)}.</li>"
                        for t, w, l, s in chunk)
        parts.append(f"<h2>Objective {o}: {'Make technical work visible' if o == 1 else 'Open up careers'}</h2>"
                     f"<ul>{items}</ul>")
    return _page("Technical staff objectives 2026-2029", _achievements() + "".join(parts) + _glossary())


def numbered_html() -> str:
    """Numbered lists under headings that are no pillar's name."""
    parts = []
    for h, chunk in (("People and teams", ACTIVITIES[:3]), ("Learning at work", ACTIVITIES[3:])):
        items = "".join(f"<li>{_e(t)} ({_e(w.lower())}).</li>" for t, w, _, _ in chunk)
        parts.append(f"<h2>{h}</h2><ol>{items}</ol>")
    return _page("Plan for technical staff", _achievements() + "".join(parts) + _glossary() + _control())


def write_pdf(html_text: str, out_dir: Path, name: str) -> Path:
    src = Path(out_dir) / f"{name}.html"
    src.write_text(html_text, encoding="utf-8")
    return gen.html_to_pdf(src, Path(out_dir) / f"{name}.pdf")


def narrative_docx_pdf(out_dir: Path, name: str = "narrative") -> Path:
    """Word narrative: a bold title per block (no 'Action N'), a paragraph, then labelled
    paragraphs ('Label:' in bold, the value after it on the same line)."""
    doc = gen.new_document(landscape=False, font="Carlito", size=11)
    p = doc.add_paragraph()
    r = p.add_run("Technical Staff Plan 2026-2029")
    r.bold, r.font.size = True, gen.Pt(18)
    doc.add_paragraph(INTRO)
    h = doc.add_paragraph()
    h.add_run("Highlights of the last plan").bold = True
    for a in ACHIEVEMENTS:
        doc.add_paragraph(a, style="List Bullet")
    for text, when, lead, success in ACTIVITIES:
        t = doc.add_paragraph()
        t.paragraph_format.space_before = gen.Pt(12)
        tr = t.add_run(text)
        tr.bold, tr.font.size = True, gen.Pt(12.5)
        doc.add_paragraph("We will do this with technical staff across the institute, step by step.")
        for label, value in (("Timing", when), ("Who leads", lead), ("How we will know", success)):
            q = doc.add_paragraph()
            q.add_run(f"{label}: ").bold = True
            q.add_run(value)
    return gen.docx_to_pdf(doc, Path(out_dir) / f"{name}.pdf")


if __name__ == "__main__":      # python -m tests.block_documents OUT_DIR
    import sys
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name, maker in (("cards", cards_html), ("objectives", objectives_html), ("numbered", numbered_html)):
        print(write_pdf(maker(), out, name))
    print(narrative_docx_pdf(out))
