"""Issue #10 (cards, zoo2 seed 4242): a card's field label set in bold ("**How we will
measure it:** ...", here "**Success looks like:**") printed right under a field whose value filled its line and ended
without a full stop ("Who leads this: Action owner: Workshop Chair Supported by: Studio
Office") was read as part of that value: the owner came out as "Action owner: ... How we
will measure it Attendance rises ...", and the measure was lost. Web pages space such
fields a point or two apart only, so nothing but the bold run says a new field starts.
A bold label's lower-case rest wrapped onto the next line ("We / **will know when:**") is
still no new label (inline lists).

Set in a monospaced font so that the owner's value fills its line exactly. Invented words,
none of the labels in models/."""
from __future__ import annotations

import html
import shutil

import pytest

from extract import pdf_to_document
from normalise import interpret_document
from tests.block_documents import INTRO, write_pdf

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")

WIDTH = 72      # characters per line inside a card
CSS = f"""
@page {{ size: A4; margin: 15mm; }}
body {{ font-family: "Liberation Mono", monospace; font-size: 10pt; color: #222; line-height: 1.3;
        width: {WIDTH + 1}ch; }}
h1 {{ font-size: 18pt; }}
.card {{ margin: 0 0 14px 0; }} .card h3 {{ font-size: 12pt; margin: 0 0 4px 0; }}
.card p {{ margin: 0; }}
"""
OWNER_LABEL, MEASURE_LABEL = "Who leads this", "Success looks like"
CARDS = [  # (title, owner, measure)
    ("Open the workshop booking system to technical staff", "Action owner: Workshop Chair Supported by: Studio Office",
     "Bookings made by technicians rise each term"),
    ("Publish a yearly map of routes into workshop roles", "Careers Adviser", "The map is read by every new starter"),
    ("Run a spring forum where technicians meet the board", "Action owner: Board Clerk Supported by: Forum Steward",
     "Attendance rises year on year"),
]


def _html() -> str:
    e = lambda t: html.escape(t, quote=False)     # noqa: E731
    cards = []
    for title, owner, measure in CARDS:
        line = f"{OWNER_LABEL}: {owner}"
        assert len(line) <= WIDTH
        cards.append(f'<div class="card"><h3>{e(title)}</h3>'
                     f"<p><b>{OWNER_LABEL}:</b> {e(owner)}</p><p><b>{MEASURE_LABEL}:</b> {e(measure)}</p></div>")
    return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><style>{CSS}</style></head><body>'
            f"<h1>Workshop plan 2026-2029</h1><p>{e(INTRO)}</p>{''.join(cards)}</body></html>")


@pytest.fixture(scope="module")
def actions(tmp_path_factory):
    pdf = write_pdf(_html(), tmp_path_factory.mktemp("card-full-line"), "card-full-line")
    return interpret_document(pdf_to_document(pdf.read_bytes(), pdf.name)).actions


def test_the_owner_value_fills_its_line_in_this_fixture():
    assert len(f"{OWNER_LABEL}: {CARDS[0][1]}") == WIDTH
    assert len(f"{OWNER_LABEL}: {CARDS[2][1]}") == WIDTH - 3


def test_a_bold_label_under_a_full_line_opens_its_own_field(actions):
    assert [a.action_text for a in actions] == [t for t, _, _ in CARDS]
    assert [a.owner for a in actions] == [o for _, o, _ in CARDS]
    assert [a.success_measures for a in actions] == [m for _, _, m in CARDS]
