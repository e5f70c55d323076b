"""Unit tests of the block strategies (narrative blocks, list items) on small PDFs drawn
here with reportlab: each layout from typography alone, with words that are in no file of
models/, and the repeated non-action material (achievements, glossary, profiles) that must
give no rows."""
from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.config import load_config
from extract.pdf import open_pdf, read_page
from extract.strategies.blocks import reads_as_action, wording
from extract.strategies.lists import NumberedListStrategy
from extract.strategies.narrative import NarrativeStrategy
from extract.model import Part, RowKind, Structure

CONFIG = load_config()
W, H = A4


def draw(spec: list[tuple]) -> bytes:
    """Lines top to bottom. Each entry: (kind, text[, value]) where kind is 'title' (16pt
    bold), 'head' (12pt bold), 'text' (10pt), 'bold' (10pt bold), 'kicker' (7.5pt), 'label'
    (bold 'text' then regular value on the same line), 'bullet' (a filled disc drawn as a
    shape, then the text), 'gap'."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = H - 60
    for entry in spec:
        kind, text = entry[0], entry[1] if len(entry) > 1 else ""
        if y < 70:
            c.showPage()
            y = H - 60
        if kind == "gap":
            y -= 10
            continue
        if kind == "title":
            c.setFont("Helvetica-Bold", 16)
            c.drawString(60, y, text)
            y -= 26
        elif kind == "head":
            y -= 6
            c.setFont("Helvetica-Bold", 12)
            c.drawString(60, y, text)
            y -= 17
        elif kind == "label":
            c.setFont("Helvetica-Bold", 10)
            c.drawString(60, y, text)
            c.setFont("Helvetica", 10)
            c.drawString(60 + c.stringWidth(text, "Helvetica-Bold", 10) + 3, y, entry[2])
            y -= 14
        elif kind == "kicker":          # small capitals above a title
            c.setFont("Helvetica", 7.5)
            c.drawString(60, y, text)
            y -= 11
        elif kind == "bold":            # a title set in the body's size, only bolder
            c.setFont("Helvetica-Bold", 10)
            c.drawString(60, y, text)
            y -= 14
        elif kind == "bullet":
            c.circle(74, y + 3, 1.5, stroke=0, fill=1)
            c.setFont("Helvetica", 10)
            c.drawString(84, y, text)
            y -= 14
        else:
            c.setFont("Helvetica", 10)
            c.drawString(60, y, text)
            y -= 14
    c.save()
    return buf.getvalue()


def pages_of(data: bytes):
    pdf = open_pdf(data)
    try:
        return [read_page(pdf, i) for i in range(len(pdf))]
    finally:
        pdf.close()


def body_rows(result):
    return [r for t in result.tables for r in t.rows if r.kind is RowKind.BODY]


def column(result, label: str | Part):
    """The body cells under a printed label, or of an unlabelled part (whose header is blank:
    extract hands over printed labels only)."""
    t = result.tables[0]
    if isinstance(label, Part):
        i = t.parts.index(label)
        assert t.header[i] == ""
    else:
        i = [j for j, h in enumerate(t.header) if h == label and t.part(j) is Part.LABELLED][0]
    return [r.cells[i].text for r in t.rows if r.kind is RowKind.BODY]


INTRO = [("title", "Plan for the workshop teams 2026-2029"),
         ("text", "This plan was written with the people who run our workshops and studios."),
         ("head", "Looking back"),
         ("bullet", "Opened a new teaching workshop in 2024"),
         ("bullet", "Held an open day for schools in every term"),
         ("bullet", "Appointed two apprentices"),
         ("gap",)]
GLOSSARY = [("head", "Terms"),
            ("bullet", "Studio: a room fitted for making and recording"),
            ("bullet", "Apprentice: a member of staff who learns a trade at work"),
            ("bullet", "Steward: the colleague who looks after a workshop")]


def test_labelled_blocks_without_action_headings():
    spec = list(INTRO)
    for title, who, when in (("Offer paid time for study towards a trade qualification", "Studio steward", "Spring 2027"),
                             ("Set up a rota so every workshop has cover in holidays", "Head of workshops", "Every summer"),
                             ("Invite makers to show their work at the autumn fair", "Events office", "October each year")):
        spec += [("head", title), ("text", "Agreed with the teams at the spring meeting."),
                 ("label", "Who takes it on:", who), ("label", "Finished by:", when), ("gap",)]
    result = NarrativeStrategy().extract(pages_of(draw(spec + GLOSSARY)), CONFIG, (), set())
    assert result.tables[0].structure is Structure.BLOCKS
    assert column(result, Part.LEAD) == ["Offer paid time for study towards a trade qualification",
                                               "Set up a rota so every workshop has cover in holidays",
                                               "Invite makers to show their work at the autumn fair"]
    assert column(result, "Who takes it on") == ["Studio steward", "Head of workshops", "Events office"]
    assert column(result, "Finished by") == ["Spring 2027", "Every summer", "October each year"]


def test_blocks_headed_by_a_small_kicker_over_titles_set_like_the_text():
    """A card's only mark is a small "STEP n" line above a bold title in the text's own size
    (most of the page is those titles, so bold marks nothing): the kickers open the blocks,
    the title's two lines are the lead, the heading above groups them."""
    titles = [("Offer paid time for study towards a trade qualification in the evening",
               "for every technician who asks for it"),
              ("Set up a rota so that every workshop has cover during the holidays",
               "and publish it on the notice board each term"),
              ("Invite makers from the town to show their work at the autumn fair",
               "with a stand run by the studio technicians")]
    spec = [("title", "Plan for the workshop teams 2026-2029"), ("head", "Making the work seen")]
    for n, (first, second) in enumerate(titles, start=1):
        spec += [("kicker", f"STEP {n}"), ("bold", first), ("bold", second), ("label", "By:", f"Spring {2026 + n}"),
                 ("gap",)]
    result = NarrativeStrategy().extract(pages_of(draw(spec)), CONFIG, (), set())
    assert column(result, Part.MARKER) == ["1", "2", "3"]
    assert column(result, Part.LEAD) == [f"{a} {b}" for a, b in titles]
    assert column(result, "By") == ["Spring 2027", "Spring 2028", "Spring 2029"]


def test_a_block_title_cut_by_the_page_break_stays_whole():
    """A two-line title whose second line opens the next page is one title: the second line
    was read as a block of its own (no fields) and the first block lost its end."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    titles = [("Offer paid time for study towards a trade qualification", ""),
              ("Set up a rota so that every workshop has cover during the holidays and", "at weekends"),
              ("Invite makers from the town to show their work at the autumn fair", "")]
    y = H - 60
    for n, (first, second) in enumerate(titles, start=1):
        c.setFont("Helvetica-Bold", 12)
        c.drawString(60, y, f"{n}. {first}")
        if second:
            c.showPage()                    # the title's second line opens the next page
            y = H - 60
            c.setFont("Helvetica-Bold", 12)
            c.drawString(60, y, second)
        c.setFont("Helvetica", 10)
        c.drawString(60, y - 18, "We will do this with the technical staff in every faculty.")
        c.drawString(60, y - 34, f"Finished by: Spring {2026 + n}")
        y -= 70 if n != 1 else H - 160        # the first block sits high, the second at the page's foot
    c.save()
    result = NarrativeStrategy().extract(pages_of(buf.getvalue()), CONFIG, (), set())
    assert column(result, Part.LEAD) == [f"{a} {b}".strip() for a, b in titles]
    assert column(result, "Finished by") == ["Spring 2027", "Spring 2028", "Spring 2029"]


def test_repeated_labelled_profiles_are_not_actions():
    spec = list(INTRO)
    for name, role, story in (("Sam Carter", "Studio steward", "Joined the studio in 2015 and trained four apprentices."),
                              ("Ali Noor", "Workshop lead", "Started as an apprentice and became lead in 2021."),
                              ("Jo Park", "Print technician", "Moved from industry and rebuilt the print room.")):
        spec += [("head", name), ("label", "Role:", role), ("label", "Story:", story), ("gap",)]
    assert body_rows(NarrativeStrategy().extract(pages_of(draw(spec)), CONFIG, (), set())) == []


def test_list_items_under_any_heading_with_inline_labels():
    spec = list(INTRO) + [("head", "Making the work seen")]
    for text, when, lead in (("Show a maker's piece in the entrance hall.", "Termly.", "Curator"),
                             ("Write about one workshop in each newsletter.", "Monthly.", "Editor"),
                             ("Run a stand at the town fair.", "Each June.", "Events office")):
        spec.append(("bullet", f"{text} Timing: {when} Who: {lead}"))
    spec += GLOSSARY
    result = NumberedListStrategy().extract(pages_of(draw(spec)), CONFIG, (), set())
    t = result.tables[0]
    assert [r.cells[0].text for r in t.rows if r.kind is RowKind.SECTION] == ["Making the work seen"]
    assert t.structure is Structure.LIST_ITEMS
    assert column(result, Part.LEAD) == ["Show a maker's piece in the entrance hall",
                                               "Write about one workshop in each newsletter",
                                               "Run a stand at the town fair"]
    assert column(result, "Timing") == ["Termly", "Monthly", "Each June"]
    assert column(result, "Who") == ["Curator", "Editor", "Events office"]


def test_numbered_items_keep_their_numbers_and_continuations():
    spec = list(INTRO) + [("head", "Skills"),
                          ("text", "1. Give every apprentice a mentor from another"),
                          ("text", "   workshop for their first year."),
                          ("text", "2. Fund one short course a year for each technician."),
                          ("head", "Spaces"),
                          ("text", "3. Review the safety of shared studios each term."),
                          ("gap",), ("gap",),
                          ("text", "The teams will report on progress at the annual meeting.")]
    result = NumberedListStrategy().extract(pages_of(draw(spec)), CONFIG, (), set())
    t = result.tables[0]
    got = [(r.kind.value, r.cells[0].text, r.cells[1].text) for r in t.rows if r.kind is not RowKind.HEADER]
    assert got == [("section", "Skills", ""),
                   ("body", "1", "Give every apprentice a mentor from another workshop for their first year."),
                   ("body", "2", "Fund one short course a year for each technician."),
                   ("section", "Spaces", ""),
                   ("body", "3", "Review the safety of shared studios each term.")]


def test_achievements_glossary_and_prose_give_nothing():
    pages = pages_of(draw(list(INTRO) + GLOSSARY + [("text", "We thank everyone who took part.")]))
    assert body_rows(NumberedListStrategy().extract(pages, CONFIG, (), set())) == []
    assert body_rows(NarrativeStrategy().extract(pages, CONFIG, (), set())) == []


@pytest.mark.parametrize("text, action", [
    ("Publish a profile of a technician each term", True),
    ("We will create a network for technical staff", True),
    ("V1.2 Review job descriptions", True),
    ("Launched a technician network in 2023", False),
    ("We held the first awards ceremony", False),
    ("Technician: a member of staff whose role is technical", False),
])
def test_wording_evidence(text, action):
    assert (reads_as_action(text, False, CONFIG) > 0) is action, wording(text, CONFIG)
