"""Issue #10 (inline lists, cards): the objective a heading states over its activities was
lost from every row (zoo: aim similarity 0.00 on inline lists, 0.42 on cards):
- a heading over list items or cards was kept as the rows' section only, never as their
  aim, so "Goal 2 – Make the work of technical teams seen by all." gave no aim at all;
- a heading written as a sentence (ending with a full stop) was not read as a heading over
  bulleted items, nor one long enough to fill its first line (more words than a bold line
  may hold), so their activities sat under the objective before;
- the first card's objective was dropped when the card printed its id ("Action 1") on a
  line of its own above its title.
A heading that only names a section (a short title, a period, a pillar) is no aim.
Invented words, none in models/."""
from __future__ import annotations

import html
import shutil

import pytest

from extract import pdf_to_document
from normalise import interpret_document
from tests.block_documents import INTRO, write_pdf

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")

CSS = """
@page { size: A4; margin: 15mm; }
body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 10pt; color: #222; line-height: 1.35; }
h1 { font-size: 20pt; } h2 { font-size: 14pt; margin: 16px 0 6px 0; } h3 { font-size: 13pt; margin: 14px 0 6px 0; }
li { margin-bottom: 5px; }
.card { margin: 0 0 12px 8px; } .card h3 { font-size: 11.5pt; margin: 0 0 3px 0; } .card p { margin: 0 0 3px 0; }
.num { font-size: 8.5pt; color: #666; text-transform: uppercase; }
"""
OBJECTIVES = [
    "Open up careers in every workshop and studio.",
    "Make the work of technical teams seen by all.",
    # long enough to fill its first line: more words than a bold line may hold
    "Give technical staff a real say in how the institute is run, through the boards that decide on spending "
    "and on the equipment bought for the teaching workshops.",
]
ACTIVITIES = [
    [("Publish a yearly map of routes from apprentice to workshop manager", "Each September", "Careers Adviser"),
     ("Offer paid study leave for a trade qualification", "From spring 2027", "Head of Workshops")],
    [("Show a technician's project on the front page every month", "Monthly", "Web Editor"),
     ("Name the technical team on every exhibition label", "From 2027", "Gallery Manager")],
    [("Open two seats on the spending board to technical staff", "Autumn 2027", "Chief Operating Officer"),
     ("Arrange cover so that technicians can attend the boards", "Termly", "Faculty Managers")],
]


def _e(t: str) -> str:
    return html.escape(t, quote=False)


def _doc(body: str) -> str:
    return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><style>{CSS}</style></head><body>'
            f"<h1>Technical staff plan 2026-2029</h1><p>{_e(INTRO)}</p>{body}</body></html>")


def _inline_list() -> str:
    parts = []
    for n, (obj, acts) in enumerate(zip(OBJECTIVES, ACTIVITIES), start=1):
        parts.append(f"<h3>Goal {n} – {_e(obj)}</h3><ul>")
        parts += [f"<li>{_e(t)}. <b>When:</b> {_e(w)}. <b>Lead:</b> {_e(l)}.</li>" for t, w, l in acts]
        parts.append("</ul>")
    return _doc("".join(parts))


def _cards() -> str:
    parts, n = [], 0
    for obj, acts in zip(OBJECTIVES, ACTIVITIES):
        parts.append(f"<h2>{_e(obj)}</h2>")
        for t, w, l in acts:
            n += 1
            parts.append(f'<div class="card"><div class="num">Action {n}</div><h3>{_e(t)}</h3>'
                         f"<p><b>Timescale:</b> {_e(w)}</p><p><b>Lead:</b> {_e(l)}</p></div>")
    return _doc("".join(parts))


TITLES = ["Working lives", "2027-28"]     # a short title and a period: sections, not aims


def _titled_list() -> str:
    acts = [a for group in ACTIVITIES for a in group]
    body = "".join(f"<h2>{_e(t)}</h2><ol>" + "".join(f"<li>{_e(a)}</li>" for a, _, _ in acts[i * 3:i * 3 + 3]) + "</ol>"
                   for i, t in enumerate(TITLES))
    return _doc(body)


def _read(tmp_path_factory, name: str, text: str):
    pdf = write_pdf(text, tmp_path_factory.mktemp(name), name)
    return interpret_document(pdf_to_document(pdf.read_bytes(), pdf.name)).actions


@pytest.fixture(scope="module")
def inline(tmp_path_factory):
    return _read(tmp_path_factory, "objective-lists", _inline_list())


@pytest.fixture(scope="module")
def cards(tmp_path_factory):
    return _read(tmp_path_factory, "objective-cards", _cards())


@pytest.fixture(scope="module")
def titled(tmp_path_factory):
    return _read(tmp_path_factory, "titled-lists", _titled_list())


def _aims() -> list[str]:
    return [o for o, acts in zip(OBJECTIVES, ACTIVITIES) for _ in acts]


def test_each_list_item_takes_the_objective_heading_above_it_as_its_aim(inline):
    assert [a.action_text.rstrip(".") for a in inline] == [t for acts in ACTIVITIES for t, _, _ in acts]
    # the heading's own enumerator ("Goal 2 –") is not part of the aim; the section keeps it as printed
    assert [a.aim for a in inline] == _aims()
    assert [a.section for a in inline] == [f"Goal {n} – {o}" for n, (o, acts) in
                                           enumerate(zip(OBJECTIVES, ACTIVITIES), start=1) for _ in acts]
    assert [a.timeframe for a in inline] == [w for acts in ACTIVITIES for _, w, _ in acts]


def test_each_card_takes_the_objective_heading_above_it_even_under_an_id_line(cards):
    assert [a.action_text for a in cards] == [t for acts in ACTIVITIES for t, _, _ in acts]
    assert [a.action_id for a in cards] == [str(n) for n in range(1, 7)]
    assert [a.aim for a in cards] == _aims()
    assert [a.owner for a in cards] == [l for acts in ACTIVITIES for _, _, l in acts]


def test_a_short_title_or_a_period_over_the_items_is_their_section_not_their_aim(titled):
    assert len(titled) == 6
    assert [a.section for a in titled] == [t for t in TITLES for _ in range(3)]
    assert all(a.aim is None for a in titled), [a.aim for a in titled]
