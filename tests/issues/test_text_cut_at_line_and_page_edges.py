"""Issue #10 item 6 (word fidelity): words lost at line and page edges on born-digital plans.
Each mechanism found in the zoo's per-row diffs has a PDF drawn here (reportlab) that fails
without its fix:

- a font whose declared ascent is below its letters (PDF writers that put the x-height
  there) gets ink-tight glyph boxes from pdfium, so commas, spaces and "j" fell onto lines of
  their own ("standardisedjob", a continuation line cut off by a stray ", ." line);
- a card title wrapped onto a second line whose wording recurs ("... development review
  for" / "technical staff") was read as a field label, and a title cut by the page break
  lost its end;
- a table row cut by the page break whose last line on the page is full ("... extend the
  Career" / "Pathway.") was two rows, the second a fragment.
"""
from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from extract import pdf_to_document
from extract.pdf import open_pdf, read_page
from normalise import interpret_document

W, H = A4
CARLITO = Path("/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf")


@pytest.fixture(scope="module")
def low_ascent_pdf() -> bytes:
    if not CARLITO.exists():
        pytest.skip("Carlito (fonts-crosextra-carlito) is not installed")
    font = TTFont("CarlitoLowAscent", str(CARLITO))
    font.face.ascent, font.face.descent = 319, 0        # as the zoo's year-lists-004 declares it
    pdfmetrics.registerFont(font)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("CarlitoLowAscent", 10)
    c.drawString(60, 700, "Finalise standardised job titles, and job descriptions; publish them.")
    c.drawString(60, 686, "Keep every comma, every space and every jot.")
    c.save()
    return buf.getvalue()


def test_glyph_boxes_really_disagree(low_ascent_pdf):
    """Precondition: pdfium's boxes for one line differ in their tops by more than the line
    tolerance (2.5 pt), or the test below could not fail."""
    tp = pdfium.PdfDocument(low_ascent_pdf)[0].get_textpage()
    tops = [tp.get_charbox(i, loose=True)[3] for i in range(40)]
    assert max(tops) - min(tops) > 2.5


def test_lines_are_grouped_by_baseline(low_ascent_pdf):
    page = read_page(open_pdf(low_ascent_pdf), 0)
    assert [l.text for l in page.lines] == ["Finalise standardised job titles, and job descriptions; publish them.",
                                            "Keep every comma, every space and every jot."]


CARDS = [  # title (wrapped by hand as a browser would), lead
    ("Include a career conversation in every annual development review for", "technical staff", "HR Partner"),
    ("Publish example career pathways for each technical job family", None, "Technical Managers"),
    ("Celebrate achievements through University awards specifically for", "technical staff", "Communications"),
    ("Fund professional registration fees for every technician who asks", None, "HR Partner"),
    ("Create a shared calendar of open laboratory days for local schools and", "colleges", "Outreach Officer"),
]


def _card(c, y: float, n: int, first: str, second: str | None, lead: str, page_break: bool = False) -> float:
    c.setFont("Helvetica-Bold", 13)
    c.drawString(60, y, first)
    if second:
        if page_break:      # the title goes on at the top of the next page
            c.showPage()
            y = H - 60
        else:
            y -= 16
        c.setFont("Helvetica-Bold", 13)
        c.drawString(60, y, second)
    c.setFont("Helvetica", 10)
    c.drawString(60, y - 18, "We will agree the details with the technicians concerned and report on it to the")
    c.drawString(60, y - 30, "steering group, so that everyone can see what has been done and what remains.")
    c.drawString(60, y - 46, "Lead: " + lead)
    c.drawString(60, y - 60, "Timing: Annually")
    return y - 95


def test_wrapped_card_titles_keep_their_end():
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = H - 80
    for n, (first, second, lead) in enumerate(CARDS[:4], start=1):
        y = _card(c, y, n, first, second, lead)
    _card(c, 60, 5, *CARDS[4], page_break=True)      # the last title cut by the page break
    c.showPage()
    c.save()
    actions = interpret_document(pdf_to_document(buf.getvalue(), "cards.pdf")).actions
    want = [" ".join(p for p in (first, second) if p) for first, second, _ in CARDS]
    assert [a.action_text for a in actions] == want
    assert [a.owner for a in actions] == [lead for *_, lead in CARDS]


def _ruled_row(c, top: float, cells: list[list[str]], xs: list[float], height: float,
               close_bottom: bool = True) -> None:
    c.setLineWidth(0.7)
    c.line(xs[0], top, xs[-1], top)
    if close_bottom:
        c.line(xs[0], top - height, xs[-1], top - height)
    for x in xs:
        c.line(x, top, x, top - height)
    c.setFont("Helvetica", 10)
    for x, lines in zip(xs, cells):
        for k, text in enumerate(lines):
            c.drawString(x + 4, top - 13 - 12 * k, text)


def test_a_row_cut_after_a_full_line_is_one_row():
    xs = [50, 350, 450, 545]     # Action | Lead | Timing; the action column 300 pt wide
    rows = [["Publish the plan on the staff website"], ["Review the job description templates each", "year"]]
    rows += [["Hold an open day in one workshop"]] * 14      # so that the cut row reaches the page's foot
    rows += [["Develop a Grade 9 job description template to extend the Career"]]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    _ruled_row(c, H - 80, [["Action"], ["Lead"], ["Timing"]], xs, 20)
    top = H - 100
    for text in rows:
        _ruled_row(c, top, [text, ["HR"], ["2026"]], xs, 40)
        top -= 40
    c.showPage()
    # page 2: the cut row goes on in a ruled row of its own, its other cells empty
    _ruled_row(c, H - 60, [["Pathway for technicians."], [], []], xs, 20)
    _ruled_row(c, H - 80, [["Survey technical staff every two years"], ["TC Lead"], ["2027"]], xs, 20)
    _ruled_row(c, H - 100, [["Report progress to the steering group"], ["TC Lead"], ["Termly"]], xs, 20)
    c.save()
    # precondition: the cut line is full (the next word would not have fitted on it)
    assert pdfmetrics.stringWidth(rows[-1][0] + " Pathway", "Helvetica", 10) > xs[1] - xs[0] - 8
    actions = interpret_document(pdf_to_document(buf.getvalue(), "cut.pdf")).actions
    texts = [a.action_text for a in actions]
    assert "Develop a Grade 9 job description template to extend the Career Pathway for technicians." in texts
    assert not any(t.startswith("Pathway") for t in texts)
