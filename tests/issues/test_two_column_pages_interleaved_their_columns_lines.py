"""Blind test (newsletter): a plan set in two text columns (reportlab frames) under a
full-width masthead came out with the lines of its two columns merged and interleaved:
glyphs of both columns on one baseline were read as one line, and lines were ordered by
height across the page, so items took in the other column's words, an item at the top of
the right column was lost and numbered section headings over the items ("2. Building
skills") became rows of their own. Gutters are now found from glyph geometry (a vertical
band no line crosses, text both sides, blocks that do not open level as a table's rows do)
and each column is read top to bottom before the next, full-width lines in place; a
numbered heading with nothing under it, over items numbered within it, is a section. The
"(Lead: X; when)" tail of each item was left in the text, never split into owner and
timeframe.

The text here is written for the test (not the blind plan's): three sections of numbered
paragraphs with bold lead-ins, a pull quote in the right column, a second page."""
from __future__ import annotations

import io

from tests.tableplans import run

SECTIONS = [
    ("Getting noticed", [
        ("Profiles", "We will write short profiles of technical teams for the intranet and update them every term.",
         "Internal Comms", "from March 2026"),
        ("Open days", "We will invite technicians to lead tours of their labs and workshops during open days.",
         "Admissions", "each open day"),
        ("Seats at the table", "We will add a technical member to each faculty board with full voting rights.",
         "Faculty Deans", "by 2027"),
        ("Posters", "We will print posters of the work technicians do and hang them in every building foyer.",
         "Estates Team", "ongoing"),
    ]),
    ("Building skills", [
        ("Training time", "We will protect four days a year of paid training time for every technical colleague.",
         "Line Managers", "from 2026"),
        ("Mentors", "We will match each new technician with an experienced mentor from another department.",
         "Learning Team", "annually"),
        ("Qualifications", "We will fund part-time study for recognised technical qualifications up to degree level.",
         "HR Director", "ongoing"),
        ("Secondments", "We will arrange short secondments between faculties so that technicians learn new methods.",
         "Technical Managers", "by July 2027"),
        ("Conference places", "We will pay for ten technicians a year to attend a national technical conference.",
         "Finance Office", "each spring"),
    ]),
    ("Planning for the future", [
        ("Succession plans", "We will record the knowledge that rests with one person and plan how to pass it on.",
         "Heads of School", "by 2026"),
        ("Entry routes", "We will open apprentice posts in every faculty and advertise them in local schools.",
         "Recruitment Team", "from 2025"),
        ("Equipment choices", "We will involve technicians when new equipment and buildings are being chosen.",
         "Estates Director", "ongoing"),
        ("Progress report", "We will report progress on these commitments to the governing body every year.",
         "Commitment Lead", "each June"),
    ]),
]


def _pdf() -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph
    W, H = A4
    body = ParagraphStyle("b", fontName="Times-Roman", fontSize=10, leading=12.6, spaceAfter=6, alignment=4)
    head = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=13, leading=16, spaceBefore=8, spaceAfter=6)
    quote = ParagraphStyle("q", fontName="Helvetica-Oblique", fontSize=11, leading=14, borderWidth=1,
                           borderColor=colors.grey, borderPadding=6, spaceBefore=8, spaceAfter=12)
    m, gap, mast = 16 * mm, 7 * mm, 55 * mm
    colw = (W - 2 * m - gap) / 2
    first = [Frame(m, m, colw, H - 2 * m - mast), Frame(m + colw + gap, m, colw, H - 2 * m - mast)]
    later = [Frame(m, m, colw, H - 2 * m), Frame(m + colw + gap, m, colw, H - 2 * m)]

    def masthead(c, d):
        c.saveState()
        c.setFont("Helvetica-Bold", 22)
        c.drawString(m, H - 28 * mm, "Technical Staff Matter at Northfield College")
        c.setFont("Helvetica", 13)
        c.drawString(m, H - 38 * mm, "Northfield College Technician Commitment Action Plan 2025-2028")
        c.restoreState()

    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=A4, invariant=1)
    doc.addPageTemplates([PageTemplate("first", first, onPage=masthead, autoNextPageTemplate="later"),
                          PageTemplate("later", later)])
    story = [Paragraph("Northfield College signed the Technician Commitment in 2019. This plan sets out what we "
                       "will do over the next three years and who will lead each part of it; it was written "
                       "with the technicians of every faculty over the spring and summer.", body)]
    for si, (name, items) in enumerate(SECTIONS, 1):
        story.append(Paragraph(f"{si}. {name}", head))
        for j, (lead_in, text, owner, when) in enumerate(items, 1):
            story.append(Paragraph(f"<b>{si}.{j} {lead_in}.</b> {text} <i>(Lead: {owner}; {when})</i>", body))
        if si == 1:
            story.append(Paragraph("\u201cI finally feel that the work we do behind the scenes is seen and "
                                   "valued.\u201d \u2013 Workshop Technician", quote))
    doc.build(story)
    return buf.getvalue()


def test_two_column_items_come_out_whole_and_in_column_order():
    _, got = run(_pdf(), "two-column-newsletter.pdf")
    want = [(f"{si}.{j}", text) for si, (_, items) in enumerate(SECTIONS, 1)
            for j, (_, text, _, _) in enumerate(items, 1)]
    assert [r["action_id"] for r in got] == [i for i, _ in want]
    for r, (_, text) in zip(got, want):
        assert text.rstrip(".") in r["action_text"], (r["action_id"], r["action_text"])   # the stop before a label goes
        assert r["action_text"].count("We will") == 1, r["action_text"]     # nothing of the other column
    sections = {r["action_id"]: r["section"] for r in got}
    assert sections["1.1"] == "Getting noticed" and sections["2.3"] == "Building skills", sections


def test_lead_and_timeframe_in_a_parenthesised_tail_are_split():
    """Each item ends "(Lead: Estates Team; ongoing)": the tail's recurring label opens a field
    (the parenthesis it opened is closed with it), and a lead column whose values are all
    "X; Y" with a timeframe after the semicolon gives owner and timeframe."""
    _, got = run(_pdf(), "two-column-newsletter.pdf")
    want = [(owner, when) for _, items in SECTIONS for _, _, owner, when in items]
    assert [(r["owner"], r["timeframe"]) for r in got] == want
    assert not any("Lead:" in r["action_text"] for r in got)
