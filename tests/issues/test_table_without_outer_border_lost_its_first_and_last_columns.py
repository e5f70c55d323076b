"""Blind round 10 (kilnsey, a Notion page printed by Chromium): the actions are an inline
database, a table ruled between its rows and between its columns but with no outer border (no
rule left of the first column, none right of the last). pdfplumber's finder makes cells only
where four rules close, so it found the three middle columns (Status | Owner | Due) alone,
rejected them as no action table, and the document was skipped: 0 of 19. The rows' rules run
on past the outermost column rules to the table's edges, at one x on every row: those are the
edges (extract.strategies.ruled.open_sides). The header's property icons ("☺ Owner", "☰
Pillar") stayed in the labels, a page icon opened every action ("▤ Build ..."), and each owner
chip's avatar initial was read as a word ("M Megan Oduya").

Here a list of another web tool's look (a SharePoint-style list: column rules only between the
columns, an icon before each header label and each action, a disc with the person's initial
before each name, one name with a title first), printed by headless Chromium as the pipeline
prints HTML; invented wording."""
from __future__ import annotations

import html
import shutil

import pytest

from tests.tableplans import html_pdf, run

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")

CSS = """
body { font-family: sans-serif; font-size: 14px; margin: 0; color: #242424; }
.bar { background: #03787c; color: #fff; padding: 10px 24px; font-size: 15px; }
main { padding: 4px 24px; }
h1 { font-size: 22px; font-weight: 600; margin: 16px 0 6px; }
.cmd { font-size: 12px; color: #605e5c; border-bottom: 1px solid #edebe9; padding: 6px 0; margin-bottom: 8px; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 13px; }
th { text-align: left; font-weight: 600; color: #323130; padding: 8px 10px; border-top: 1px solid #c8c6c4;
     border-bottom: 2px solid #c8c6c4;
     border-right: 1px solid #c8c6c4; }
td { padding: 8px 10px; vertical-align: top; border-bottom: 1px solid #c8c6c4; border-right: 1px solid #c8c6c4;
     line-height: 1.4; }
th:last-child, td:last-child { border-right: none; }
.ic { color: #8a8886; margin-right: 6px; }
.who { display: inline-block; white-space: nowrap; margin: 0 4px 2px 0; }
.av { display: inline-block; width: 20px; height: 20px; border-radius: 50%; color: #fff; font-size: 10px;
      font-weight: 700; text-align: center; line-height: 20px; margin-right: 6px; }
.tag { display: inline-block; background: #f3f2f1; border-radius: 2px; padding: 0 6px; font-size: 12px; }
"""
HEADER = [("✎", "Action"), ("☻", "Assigned to"), ("◷", "Due date"), ("⚑", "Theme")]
ROWS = [
    ("Set up a buddy scheme that pairs each new technician with an experienced colleague for six months",
     "Priya Natarajan", "February 28, 2026", "Career Development"),
    ("List the technical staff who supported each funded project in its final report",
     "Dr Callum Reid", "May 29, 2026", "Recognition"),
    ("Hold a lunchtime talk each term in which a technical team presents its work to academic staff",
     "Owen Brierley", "October 16, 2026", "Visibility"),
    ("Write down the tacit procedures of every single-person facility so that another person can cover it",
     "Hannah Okafor", "January 29, 2027", "Sustainability"),
    ("Give each technician a protected budget for conferences and short courses",
     "Priya Natarajan", "March 31, 2027", "Career Development"),
]
COLOURS = ["#8764b8", "#038387", "#ca5010", "#4f6bed"]


def _person(name: str) -> str:
    initial = [w for w in name.split() if w not in ("Dr",)][0][0]
    colour = COLOURS[sum(map(ord, name)) % len(COLOURS)]
    return (f"<span class='who'><span class='av' style='background:{colour}'>{initial}</span>"
            f"{html.escape(name)}</span>")


def _page() -> str:
    head = "".join(f"<th><span class='ic'>{i}</span>{h}</th>" for i, h in HEADER)
    body = "".join(
        f"<tr><td><span class='ic'>☐</span>{html.escape(a)}</td><td>{_person(who)}</td>"
        f"<td>{when}</td><td><span class='tag'>{theme}</span></td></tr>" for a, who, when, theme in ROWS)
    return (f"<html><head><title>Technician actions</title><style>{CSS}</style></head><body>"
            "<div class='bar'>Ashgrove University &nbsp; | &nbsp; Technical Services SharePoint</div><main>"
            "<h1>Technician Commitment actions 2026-2027</h1>"
            "<div class='cmd'>+ New &nbsp;&nbsp; Edit in grid view &nbsp;&nbsp; Export &nbsp;&nbsp; All items</div>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></main></body></html>")


@pytest.fixture(scope="module")
def result():
    return run(html_pdf(_page()), "sharepoint-list.html.pdf")


def test_the_first_and_last_columns_are_read(result):
    doc, got = result
    # from the table's rules (without its edges, only a fallback's reading of the text's alignment)
    assert {r["extractor"].split(";")[0] for r in got} == {"ruled_table"}, doc["warnings"]
    assert [(r["action_text"], r["timeframe"]) for r in got] == [(a, when) for a, _, when, _ in ROWS], doc["warnings"]
    assert [list(r["pillars_document"]) for r in got] == [["CD"], ["R"], ["V"], ["S"], ["CD"]]


def test_header_icons_are_no_part_of_the_labels(result):
    doc, _ = result
    assert [c["header"] for c in doc["table_roles"]] == [h for _, h in HEADER]


def test_the_avatar_initial_is_no_part_of_the_owner(result):
    _, got = result
    assert [r["owner"] for r in got] == [who for _, who, _, _ in ROWS]
