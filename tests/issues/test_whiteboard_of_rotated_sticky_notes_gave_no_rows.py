"""Blind round 11 (hollinsclough, a Miro-style workshop board drawn by reportlab): four white
frames, each titled with a pillar ("VISIBILITY - Be seen"), each holding four to six square
sticky notes turned by 1-3 degrees and stuck on out of line; each note the action in 10.5-11.5 pt
and its owner small at the bottom right. Every strategy found nothing (0 of 20): the notes'
glyphs, turned with their note, broke into lines across neighbouring notes ("Put a technician
icians to inated s in"), and the notes stand in no list.

A box drawn turned a little (its straight sides at one angle) is read in its own frame: the
glyphs turned alike inside it are turned back about its centre (extract/text.py straighten), so
its lines run level, apart from the next note's. Frames holding two cards or more under a title
are a board's clusters (extract/strategies/board.py page_to_frames): each card one action, its
small line the owner, the frame's title its section. A frame of notes that ask questions (a
parking lot) gives nothing.

Here another look and wording: HTML printed by headless Chromium, notes turned by CSS
transform: rotate(), rounded, with a folded-corner shadow offset under them, three frames with a
grey title bar, the owner at the bottom left in italics, and a frame of questions."""
from __future__ import annotations

import html
import shutil

import pytest

from tests.tableplans import html_pdf, run

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")

# (frame title, pillar, [(action, owner, turn in degrees, dx, dy)])
FRAMES = [
    ("Recognition: say thank you", "R", [
        ("Nominate one technician a term for the Vice-Chancellor's staff awards", "Awards panel", -2.5, 4, 10),
        ("List technical contributors by name in every grant final report", "Research Office", 1.5, -6, 0),
        ("Mark technicians' long service at the summer staff party", "HR partner - GT", 3.0, 8, -8),
    ]),
    ("Career development: open doors", "CD", [
        ("Pay for one external short course per technician each year", "Faculty managers", 2.0, 0, 6),
        ("Offer shadowing placements in another school's workshops", "Head of Technical Services", -1.0, 10, -4),
        ("Write a clear route from apprentice to senior technician", "Dr Ines Varga", -3.0, -4, 12),
        ("Fund two technicians a year to attend the national technician conference", "Dean's office", 1.0, 6, 2),
    ]),
    ("Sustainability: keep the know-how", "S", [
        ("Pair each retiring specialist with a successor for six months", "Workforce planning", 2.5, -8, 4),
        ("Keep a shared log of instrument fixes and settings", "Lab managers", -2.0, 4, -6),
    ]),
]
QUESTIONS = ["Can casual staff join the mentoring scheme?", "Who signs off the training budget?",
             "Does this cover the medical school too?"]

CSS = """
@page { size: 480mm 300mm; margin: 8mm; }
body { font-family: 'DejaVu Serif', serif; margin: 0; background: #eef1f4; color: #202020; }
h1 { font-family: 'DejaVu Sans', sans-serif; font-size: 24px; margin: 6px 10px 2px; }
.sub { font-size: 12px; color: #555; margin: 0 10px 14px; }
.wall { display: flex; flex-wrap: wrap; gap: 26px; padding: 0 10px; align-items: flex-start; }
.frame { background: #fff; border: 1px solid #b8c0c8; border-radius: 12px; padding: 0 14px 22px; width: 700px; }
.frame h2 { font-family: 'DejaVu Sans', sans-serif; font-size: 16px; margin: 0 -14px 20px; padding: 10px 14px;
            background: #dfe4ea; border-radius: 12px 12px 0 0; }
.notes { display: flex; flex-wrap: wrap; gap: 26px; }
.note { position: relative; width: 200px; height: 200px; box-sizing: border-box; padding: 14px 14px;
        border-radius: 4px; box-shadow: 5px 6px 0 rgba(0,0,0,0.18); font-size: 15px; line-height: 1.35; }
.own { position: absolute; left: 14px; bottom: 12px; font-size: 10px; font-style: italic; color: #444; }
.q { width: 210px; height: 120px; background: #ffd59e; }
"""
COLOURS = {"R": "#ffc4d6", "CD": "#c8f0c0", "S": "#bfe1ff"}


def _page() -> str:
    frames = []
    for title, pillar, notes in FRAMES:
        cards = "".join(
            f"<div class='note' style='background:{COLOURS[pillar]};"
            f"transform: translate({dx}px, {dy}px) rotate({turn}deg)'>{html.escape(a)}"
            f"<div class='own'>{html.escape(o)}</div></div>"
            for a, o, turn, dx, dy in notes)
        frames.append(f"<div class='frame'><h2>{html.escape(title)}</h2><div class='notes'>{cards}</div></div>")
    questions = "".join(f"<div class='note q' style='transform: rotate({t}deg)'>{html.escape(q)}</div>"
                        for q, t in zip(QUESTIONS, (2.0, -1.5, 2.5)))
    frames.append(f"<div class='frame'><h2>Questions for the steering group</h2><div class='notes'>{questions}</div></div>")
    return ("<!doctype html><html><head><meta charset='utf-8'><style>" + CSS + "</style></head><body>"
            "<h1>Technician Commitment away day: what we will do</h1>"
            "<div class='sub'>Corrowdale University &middot; Technician Commitment action plan 2026&ndash;2029 "
            "&middot; board exported 4 February 2026</div>"
            f"<div class='wall'>{''.join(frames)}</div></body></html>")


@pytest.fixture(scope="module")
def result():
    return run(html_pdf(_page()), "corrowdale-away-day-board.html.pdf")


def _expected():
    return [(a, o, t, p) for t, p, notes in FRAMES for a, o, *_ in notes]


def test_each_turned_note_is_one_action_read_level_with_its_owner(result):
    _, actions = result
    want = _expected()
    assert [a["action_text"] for a in actions] == [w[0] for w in want]
    assert [a["owner"] for a in actions] == [w[1] for w in want]


def test_the_frame_title_is_each_notes_section_and_its_pillar(result):
    _, actions = result
    want = _expected()
    assert [a["section"] for a in actions] == [w[2] for w in want]
    assert [a["pillars"] for a in actions] == [[w[3]] for w in want]


def test_the_frame_of_questions_gives_nothing(result):
    _, actions = result
    assert not any(a["action_text"].rstrip().endswith("?") for a in actions)
