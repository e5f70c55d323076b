"""Blind test (kingsmere poster): the institution was printed only in the footer's logo
lockup, "KINGSMERE" in large capitals over "U N I V E R S I T Y" letter-spaced in small ones
(the web address and the text say just "Kingsmere"). Two things kept the name unread: the
letter-spaced word came out as ten one-letter words, and the two lines of the lockup are
lines of their own. A run of single letters set evenly apart is now read as the word it
spells (extract.text.letter_spaced), and a line holding only a head noun over or under a
short capitalised name, aligned with it, is read as one name (normalise.meta.lockup_names)."""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tests.tableplans import run

ACTIONS = ["Publish a directory of technical staff and their skills",
           "Hold an annual technician conference with external speakers",
           "Fund professional registration fees for every technician who asks"]


def _spaced(c: canvas.Canvas, x: float, y: float, text: str, font: str, size: float, tracking: float) -> None:
    t = c.beginText(x, y)
    t.setFont(font, size)
    t.setCharSpace(tracking)
    t.textOut(text)
    c.drawText(t)


def _pdf(lockup: tuple[str, str], centred: bool) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 22)
    c.drawString(50, 780, "Technician Commitment Action Plan 2026–2028")
    c.setFont("Helvetica", 10)
    c.drawString(50, 750, "We signed the Technician Commitment in 2018. This is our third plan.")
    c.drawString(50, 735, "Technical roles in bands A B C are in scope.")
    for n, a in enumerate(ACTIONS, start=1):
        c.drawString(50, 720 - 20 * n, f"{n}. {a}")
    top, below = lockup
    c.setFont("Times-Bold", 26)
    w = c.stringWidth(top, "Times-Bold", 26)
    x = 300 - w / 2 if centred else 50
    c.drawString(x, 90, top)
    spaced_w = c.stringWidth(below, "Times-Roman", 11) + 4.0 * len(below)
    _spaced(c, 300 - spaced_w / 2 if centred else 50, 72, below, "Times-Roman", 11, 4.0)
    c.setFont("Helvetica", 9)
    c.drawString(350, 40, "ashburn.ac.uk/technicians")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_name_over_a_letter_spaced_head_noun_is_the_institution():
    doc, rows = run(_pdf(("ASHBURN", "INSTITUTE"), centred=False), "poster.pdf")
    assert doc["institution"] == "Ashburn Institute"
    assert {r["institution"] for r in rows} == {"Ashburn Institute"}


def test_head_noun_over_a_centred_name_reads_in_that_order():
    doc, _ = run(_pdf(("UNIVERSITY OF", "ASHBURN"), centred=True), "poster.pdf")
    assert doc["institution"] == "University of Ashburn"


def test_letter_spaced_words_read_as_words_and_spaced_letters_below_the_run_kept():
    from extract.pdf import open_pdf, read_page
    pdf = open_pdf(_pdf(("ASHBURN", "INSTITUTE"), centred=False))
    lines = [l.text for l in read_page(pdf, 0).lines]
    assert "INSTITUTE" in lines
    assert "I N S T I T U T E" not in lines
    assert "Technical roles in bands A B C are in scope." in lines     # three letters: no spaced word
