"""Blind round 9 (aldermoor, a Trello-style board printed by Chromium): lists side by side ("To
do" | "In progress" | "Done"), each a column of cards, each card a label chip naming a pillar,
a title, a due badge beside a checklist count ("2/5"), an avatar's initials beside a name. It
was read as an unruled table whose header was the first cards' chips printed in a row
("Visibility | Visibility | Sustainability"): 1 of 18 cards, a fragment, its owner words of
another card, and "15 action-like sentences outside any row".

Boxes stacked apart in two or more columns of one width, each holding short parts set in their
own styles in one order, are a board (extract/strategies/board.py): each card is one action,
read list by list; each part a column whose role normalise reads from what it holds (dates,
names, pillar names); the title is the part with the most words; a part spelling the initials
of the name beside it (the avatar) and icons are left out; the heading above each list is
each card's status where the headings read as statuses, else its section.

Here another tool's look (Planner-like), invented wording: buckets by pillar with no panel
behind them and a "+ New task" line under each heading, cards drawn as a border only, each a
priority chip, a title in bold, a progress line ("In progress", "Completed", "Not started"), a date
(dd/mm/yyyy) beside a checklist count, and an avatar with initials before the assignee's name.
HTML printed by headless Chromium as the pipeline prints HTML."""
from __future__ import annotations

import html
import shutil

import pytest

from tests.tableplans import html_pdf, run

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")

# (bucket, [(title, priority, progress, due, checklist, assignee)])
BUCKETS = [
    ("Visibility", [
        ("Print a named technical contact on every shared instrument booking page", "Important", "In progress",
         "14/03/2026", "2/5", "Marta Kowalczyk"),
        ("Hold an open lab afternoon for local sixth formers", "Medium", "Not started", "19/06/2026", "0/3",
         "Dr Sam O'Neill"),
        ("Feature one technical team in each issue of the staff newsletter", "Medium", "Completed", "30/11/2025",
         "6/6", "Jo Adeyemi"),
    ]),
    ("Recognition", [
        ("Pay professional registration fees for technicians applying for RSciTech", "Important", "In progress",
         "31/01/2026", "1/4", "Lena Fischer"),
        ("Add technical staff to the annual excellence awards shortlist", "Medium", "Not started", "05/05/2026",
         "0/2", "Marta Kowalczyk"),
    ]),
    ("Career Development", [
        ("Give every technician five protected training days a year", "Important", "In progress", "01/09/2026",
         "3/7", "Ravi Menon"),
        ("Set up cross-faculty mentoring pairs", "Medium", "Not started", "12/02/2026", "0/4", "Jo Adeyemi"),
        ("Publish promotion criteria for technical grades with worked examples", "Important", "Completed",
         "15/10/2025", "5/5", "Lena Fischer"),
    ]),
    ("Sustainability", [
        ("Record how each rare instrument is run so two people can operate it", "Important", "In progress",
         "31/07/2026", "2/9", "Ravi Menon"),
        ("Recruit a technical apprentice in the engineering workshops", "Medium", "Not started", "28/02/2027",
         "0/3", "Dr Sam O'Neill"),
    ]),
]
PILLAR = {"Visibility": "V", "Recognition": "R", "Career Development": "CD", "Sustainability": "S"}

CSS = """
@page { size: 420mm 297mm; margin: 10mm; }
body { font-family: 'DejaVu Sans', sans-serif; margin: 0; color: #252423; }
.bar { background: #31752f; color: #fff; padding: 10px 16px; font-size: 15px; font-weight: bold; }
.sub { color: #605e5c; font-size: 12px; padding: 6px 16px 14px; }
.board { display: flex; gap: 22px; padding: 0 16px; align-items: flex-start; }
.bucket { width: 300px; flex: none; }
.bh { font-size: 15px; font-weight: bold; padding: 2px 4px 6px; }
.new { font-size: 12px; color: #31752f; padding: 0 4px 10px; }
.task { border: 1px solid #c8c6c4; border-radius: 5px; padding: 9px 11px; margin-bottom: 12px; }
.prio { display: inline-block; font-size: 10px; color: #fff; background: #8764b8; border-radius: 2px;
        padding: 1px 6px; margin-bottom: 6px; }
.title { font-size: 14px; font-weight: bold; line-height: 1.3; margin-bottom: 6px; }
.prog { font-size: 11px; color: #605e5c; margin-bottom: 5px; }
.dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; border: 1px solid #605e5c;
       margin-right: 5px; }
.foot { font-size: 11.5px; color: #605e5c; display: flex; gap: 16px; margin-bottom: 6px; }
.cal { display: inline-block; width: 8px; height: 8px; border: 1px solid #605e5c; margin-right: 4px; }
.who { display: flex; align-items: center; gap: 7px; font-size: 12.5px; }
.av { display: inline-flex; width: 22px; height: 22px; border-radius: 50%; background: #ca5010; color: #fff;
      font-size: 9px; font-weight: bold; align-items: center; justify-content: center; }
"""


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("Dr ", "").split()[:2]).upper()


def _page() -> str:
    buckets = []
    for name, tasks in BUCKETS:
        cards = "".join(
            f"<div class='task'><div><span class='prio'>{p}</span></div>"
            f"<div class='title'>{html.escape(t)}</div>"
            f"<div class='prog'><span class='dot'></span>{g}</div>"
            f"<div class='foot'><span><span class='cal'></span>{d}</span><span>&#10003; {c}</span></div>"
            f"<div class='who'><span class='av'>{_initials(o)}</span><span>{html.escape(o)}</span></div></div>"
            for t, p, g, d, c, o in tasks)
        buckets.append(f"<div class='bucket'><div class='bh'>{name} &nbsp;&middot;&middot;&middot;</div>"
                       f"<div class='new'>+ New task</div>{cards}</div>")
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>{CSS}</style></head><body>"
            "<div class='bar'>Kestrel Bay College &middot; Technician Commitment Plan 2025&ndash;2028</div>"
            "<div class='sub'>Plan board &middot; grouped by bucket &middot; exported 02/12/2025</div>"
            f"<div class='board'>{''.join(buckets)}</div></body></html>")


@pytest.fixture(scope="module")
def result():
    return run(html_pdf(_page()), "kestrel-bay-plan-board.html.pdf")


def _expected():
    return [(t, o, d, PILLAR[b], b, g) for b, tasks in BUCKETS for t, _, g, d, _, o in tasks]


def test_each_card_is_one_action_with_its_owner_due_date_and_pillar(result):
    _, actions = result
    want = _expected()
    assert [a["action_text"] for a in actions] == [w[0] for w in want]
    assert [a["owner"] for a in actions] == [w[1] for w in want]
    assert [a["timeframe"] for a in actions] == [w[2] for w in want]
    assert [a["pillars"] for a in actions] == [[w[3]] for w in want]


def test_the_bucket_heading_is_each_cards_section_and_its_progress_line_its_status(result):
    _, actions = result
    want = _expected()
    assert [a["section"] for a in actions] == [w[4] for w in want]
    assert [a["rag_evidence"] for a in actions] == [f"text: {w[5]}" for w in want]


def test_the_avatar_initials_and_the_checklist_count_are_no_part_of_the_text(result):
    _, actions = result
    for a in actions:
        assert not any(ch.isdigit() for ch in a["action_text"].split()[-1])
        assert a["owner"] and a["owner"] == a["owner"].strip() and not a["owner"].split()[0].isupper()


def test_the_board_is_read_as_a_board_with_no_text_left_outside(result):
    document, _ = result
    assert document["layout"] == "board"
    assert document["status"] == "success"
