"""Blind round 6 (tarrant-vale): a designed two-column report (reportlab frames) came out
0 of 16. Its two text columns were read across, line by line: the gutter was there, but
the test that tells a table's columns from text columns (blocks opening level across the
gutter, as a table's rows do) was made on the lines clear of the whole band a quarter of
the lines may cross, so each column's full lines were left out and its short last lines
of paragraphs looked like cells; a running header over one column and a footer split by
the gutter counted as rows lining up too. So each action was its bold lead-in and a few
words, the rest went to the description mixed with the other column, and the owner and
timeframe lines of two columns merged.

Actions are paragraphs opening with a bold run-in title ("**Action 3 - A stronger online
presence.** We will ...", or a title with no number), each followed by an italic "Lead:
... · Timescale: ..." line; when the title fills less than half the line, the line was not
bold and opened no block. There are tinted case-study sidebars and pull quotes, which are
no actions, and a pull quote set large was taken for the section of the actions below it.

The text here is written for the test (not the blind plan's). Variants: the sidebar in the
left or the right column; a pull quote in a column, or spanning both columns between two
bands of columns."""
from __future__ import annotations

import io

import pytest

from tests.tableplans import run

SECTIONS = [
    ("Being seen", [
        ("Action 1 \u2013 A census of our technicians.",
         "We will count the technical staff in every department, including people whose job titles do not "
         "mention technical work, and publish the totals each autumn.", "People Analytics", "November 2025"),
        ("Action 2 \u2013 Labs open to visitors.",
         "We will open our workshops and laboratories to local schools for one week a year, with technicians "
         "running the visits and the demonstrations.", "Outreach Office", "Each June from 2026"),
        ("Action 3 \u2013 Names on the door.",
         "We will add the names and skills of the technicians who run each facility to its entry on the "
         "university web site and to the signs outside it.", "Web Team", "October 2026"),
        ("Action 4 \u2013 A voice on committees.",
         "We will reserve a place for an elected technician on the committees that decide on space, "
         "equipment purchases and the teaching timetable.", "University Secretary", "August 2026"),
    ]),
    ("Rewarding skill", [
        ("Action 5 \u2013 Registration support.",
         "We will meet the fees of technicians seeking professional registration and give them paid time "
         "to prepare their applications with a mentor.", "Director of Facilities", "Ongoing"),
        ("Action 6 \u2013 Credit on papers.",
         "We will ask every research group to name the technicians who contributed to a publication in its "
         "author list or its acknowledgements.", "Research Office", "February 2027"),
        ("Action 7 \u2013 An annual prize.",
         "We will create a prize for outstanding technical work, presented each year at the summer "
         "graduation ceremonies by the Vice-Chancellor.", "Events Team", "July 2026"),
    ]),
    ("Growing careers", [
        ("Action 8 \u2013 A map of the grades.",
         "We will publish a framework of technical grades showing the skills and experience expected at each "
         "step and how to move from one step to the next.", "HR Director", "March 2027"),
        ("Action 9 \u2013 Money for training.",
         "We will give each technician a personal training budget and agree time for training at the yearly "
         "appraisal with their manager.", "Heads of Department", "From 2026/27"),
        ("Action 10 \u2013 Swapping roles.",
         "We will offer placements of up to three months in another department, a research group or a "
         "teaching laboratory to any technician who asks.", "Technical Managers Forum", "2026\u20132028"),
    ]),
    ("Looking further ahead", [
        ("Trainee posts.",
         "We will recruit two technical apprentices every year and keep a trainee post open for a recent "
         "graduate in each faculty.", "Apprenticeship Office", "Each September"),
        ("Knowing who retires.",
         "We will build a workforce plan naming the posts at risk from retirement in the next five years and "
         "the cover we will arrange for each.", "Workforce Planning Group", "December 2026"),
        ("Keeping score.",
         "We will review this plan every six months at the steering group and run the technician survey "
         "again in the final year.", "Steering Group Chair", "Six-monthly"),
    ]),
]

PROSE = ("The technical community here numbers some three hundred people across four faculties and the "
         "central research facilities. Over the last plan more than forty of them gained professional "
         "registration, and the technician network now meets every month over lunch.")
REVIEW = [PROSE,
          "Our survey of technical staff, answered by more than half of them, told us that people value the "
          "support for registration.",
          "They also want clearer routes to promotion and more protected time for training, and they asked "
          "to be consulted before new equipment is bought.",
          "The actions on the following pages answer those findings one by one."]
QUOTE = "\u201cSeeing my name on the facility page changed how researchers talk to me about their work.\u201d"
CASE = ("Case study: a workshop apprentice",
        "Alex joined the mechanical workshop as an apprentice in 2015. Ten years later Alex leads a team of "
        "five, has trained three apprentices and sits on the faculty safety committee.")


def _pdf(sidebar: str, quote: str) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (BaseDocTemplate, CondPageBreak, Frame, FrameBreak, NextPageTemplate,
                                    PageTemplate, Paragraph, Spacer, Table, TableStyle)
    W, H = A4
    body = ParagraphStyle("b", fontName="Times-Roman", fontSize=10, leading=13, spaceAfter=4)
    meta = ParagraphStyle("m", fontName="Helvetica-Oblique", fontSize=8, leading=10, spaceAfter=10)
    head = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=15, leading=18, spaceAfter=8, spaceBefore=6)
    side_h = ParagraphStyle("sh", fontName="Helvetica-Bold", fontSize=9.5, leading=12, spaceAfter=4)
    side_b = ParagraphStyle("sb", fontName="Helvetica", fontSize=8.5, leading=11)
    big = ParagraphStyle("q", fontName="Times-Italic", fontSize=14, leading=18)
    m, gap = 20 * mm, 10 * mm
    cw = (W - 2 * m - gap) / 2
    top, bottom = H - m - 10 * mm, m + 6 * mm

    def furniture(c, d):
        c.saveState()
        c.setFont("Helvetica", 7.5)
        c.drawString(m - 2 * mm, H - 12 * mm, "Technicians at Holmbury \u00b7 Report and Action Plan 2025\u201328")
        c.drawString(m - 2 * mm, 12 * mm, "University of Holmbury")
        c.drawRightString(W - m + 2 * mm, 12 * mm, str(d.page))
        if quote == "spanning" and d.page == 2:
            c.setFont("Times-Italic", 15)
            c.drawCentredString(W / 2, H / 2 + 6 * mm, QUOTE[:48])
            c.drawCentredString(W / 2, H / 2 - 2 * mm, QUOTE[48:])
        c.restoreState()

    cover = Frame(m, m, W - 2 * m, H - 2 * m, id="cover")
    if quote == "spanning":      # two bands of columns, the quote drawn across the page between them
        mid_hi, mid_lo = H / 2 + 14 * mm, H / 2 - 10 * mm
        two = [Frame(m, mid_hi, cw, top - mid_hi), Frame(m + cw + gap, mid_hi, cw, top - mid_hi),
               Frame(m, bottom, cw, mid_lo - bottom), Frame(m + cw + gap, bottom, cw, mid_lo - bottom)]
    else:
        two = [Frame(m, bottom, cw, top - bottom), Frame(m + cw + gap, bottom, cw, top - bottom)]
    later = [Frame(m, bottom, cw, top - bottom), Frame(m + cw + gap, bottom, cw, top - bottom)]
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=A4, invariant=1)
    doc.addPageTemplates([PageTemplate("cover", [cover]),
                          PageTemplate("two", two, onPage=furniture, autoNextPageTemplate="later"),
                          PageTemplate("later", later, onPage=furniture)])

    def box() -> list:
        t = Table([[Paragraph(CASE[0], side_h)], [Paragraph(CASE[1], side_b)]], colWidths=[cw])
        t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#e8f6f3")),
                               ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8)]))
        return [t, Spacer(1, 10)]

    story: list = [Spacer(1, 120), Paragraph("Technicians at Holmbury", ParagraphStyle(
        "t", fontName="Helvetica-Bold", fontSize=26, leading=30)), Spacer(1, 10),
        Paragraph("Technician Commitment Report and Action Plan 2025\u201328", ParagraphStyle(
            "s", fontName="Helvetica", fontSize=14, leading=18)), Spacer(1, 40),
        Paragraph("University of Holmbury. " + PROSE, body), NextPageTemplate("two"), FrameBreak()]
    story += [Paragraph("The year in review", head)] + [Paragraph(p, body) for p in REVIEW]
    if sidebar == "left":
        story += box()
    story.append(FrameBreak())
    for si, (name, items) in enumerate(SECTIONS):
        story += [CondPageBreak(80), Paragraph(name, head)]
        for k, (title, text, owner, when) in enumerate(items):
            story += [Paragraph(f"<b>{title}</b> {text}", body),
                      Paragraph(f"Lead: {owner} \u00b7 Timescale: {when}", meta)]
            if si == 0 and k == 1 and sidebar == "right":
                story += box()
            if si == 2 and k == 0 and quote == "column":
                story += [Paragraph(QUOTE, big), Spacer(1, 12)]
    doc.build(story)
    return buf.getvalue()


@pytest.mark.parametrize("sidebar,quote", [("left", "column"), ("right", "column"), ("left", "spanning")])
def test_two_column_report_actions_come_out_whole(sidebar, quote):
    _, got = run(_pdf(sidebar, quote), f"two-column-report-{sidebar}-{quote}.pdf")
    want = [(title, text, owner, when, name) for name, items in SECTIONS for title, text, owner, when in items]
    assert len(got) == len(want), [r["action_text"][:40] for r in got]
    for r, (title, text, owner, when, name) in zip(got, want):
        assert text in r["action_text"], (title, r["action_text"])      # the whole paragraph, one column's
        assert r["action_text"].count("We will") == 1, r["action_text"]
        assert r["owner"] == owner and r["timeframe"] == when, (title, r["owner"], r["timeframe"])
        assert r["section"] == name, (title, r["section"])               # no pull quote for a section
        number = title.split()[1] if title.startswith("Action") else None
        assert r["action_id"] == number, (title, r["action_id"])
