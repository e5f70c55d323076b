"""Issue #10 (cards): web-printed cards grouped under objective headings ("Open up careers
in the workshops", printed larger than the cards' titles) were marked `partial`: the
headings stayed outside every row and, read as sentences of intent, looked like missed
actions. Two more faults of the same pages: a card without a field took that field from
the card above (merged-cell logic applied to blocks), and the page's footer, printed after
the last card, joined the last card's last field.

Here each objective heading sits over two cards (a bold title, a paragraph, labelled
fields, no number); every second card lacks a target date; a small footer set left of the
cards closes the page. Invented words, none in models/."""
from __future__ import annotations

import html
import shutil

import pytest

from extract import pdf_to_document
from normalise import interpret_document
from tests.block_documents import ACTIVITIES, INTRO, write_pdf

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")

OBJECTIVES = ["Open up careers in every workshop and studio", "Make the work of technical teams seen by all",
              "Give technical staff a say in how the place is run", "Keep skills fresh as the equipment changes",
              "Share what our workshops know with the wider region"]
CARDS = ACTIVITIES + [
    ("Run a yearly open forum where technicians question the executive", "Each spring", "Chief Operating Officer", ""),
    ("Train every workshop lead on the new laser cutters", "Before the autumn term", "Workshop Services", ""),
    ("Offer short placements in partner colleges", "From 2027", "Partnerships Office", ""),
    ("Host a regional day on sharing specialist equipment", "Summer 2027", "Regional Liaison", "")]
DESCRIPTION = "Agreed with the technical staff forum; the first steps are set out in the annex to this plan."
FOOTER = "© Institute of Exampleshire · Accessibility · Privacy · Contact the web team"
CSS = """
@page { size: A4; margin: 15mm; }
body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 11pt; color: #222; line-height: 1.35; }
h1 { font-size: 20pt; } h2 { font-size: 15pt; margin: 18px 0 8px 0; }
.card { margin: 0 0 14px 10px; } .card h3 { font-size: 12.5pt; margin: 0 0 4px 0; } .card p { margin: 0 0 3px 0; }
.foot { font-size: 8pt; margin: 24px 0 0 -4px; color: #555; }
"""


def _html() -> str:
    e = lambda t: html.escape(t, quote=False)     # noqa: E731
    parts = []
    for n, (text, when, lead, _) in enumerate(CARDS):
        if n % 2 == 0:
            parts.append(f"<h2>{e(OBJECTIVES[n // 2])}</h2>")
        date = "" if n % 2 else f"<p><b>Target date:</b> {e(when)}</p>"     # every second card has none
        parts.append(f'<div class="card"><h3>{e(text)}</h3><p>{e(DESCRIPTION)}</p>{date}'
                     f"<p><b>Lead:</b> {e(lead)}</p></div>")
    return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><style>{CSS}</style></head><body>'
            f"<h1>Technical staff plan 2026-2029</h1><p>{e(INTRO)}</p>{''.join(parts)}"
            f'<p class="foot">{e(FOOTER)}</p></body></html>')


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    pdf = write_pdf(_html(), tmp_path_factory.mktemp("cards-objectives"), "cards-objectives")
    doc = pdf_to_document(pdf.read_bytes(), pdf.name)
    return doc, interpret_document(doc).actions


def test_objective_headings_are_read_not_left_outside_rows(result):
    doc, actions = result
    assert [a.action_text for a in actions] == [t for t, _, _, _ in CARDS]
    assert not [i for i in doc.issues if i.code.value == "action_text_outside_rows"], doc.issues
    # each card keeps the heading it sits under (as its aim or its section: normalise decides)
    assert [a.aim if a.aim != a.action_text else a.section for a in actions] == [o for o in OBJECTIVES for _ in (0, 1)]


def test_a_card_without_a_field_inherits_nothing_from_the_card_above(result):
    _, actions = result
    assert [a.timeframe for a in actions] == [w if i % 2 == 0 else None for i, (_, w, _, _) in enumerate(CARDS)]
    assert [a.owner for a in actions] == [lead for _, _, lead, _ in CARDS]


def test_the_page_footer_does_not_join_the_last_card(result):
    _, actions = result
    assert all("Accessibility" not in " ".join(str(v) for v in vars(a).values()) for a in actions)
