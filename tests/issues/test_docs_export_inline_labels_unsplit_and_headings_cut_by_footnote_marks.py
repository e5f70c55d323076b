"""Blind round 4, kingsmere (a Google Docs document exported to HTML and printed by Chromium):
precision 0.83, timeframe 0.00, owner 0.30. Four failures, one page of this shape shows each:

* the fields of each action are one paragraph with inline labels after sentence ends
  ("Lead: X. Due: Y. Success: Z."): the whole paragraph was read as the first field;
* a heading whose last word carries a small raised footnote mark ("...registration[2]")
  was cut there: the mark sat on a baseline of its own, and the heading's last line became
  a row of its own, with the action's fields;
* the kicker label before each title ("1.1 Task: Publish ...") was left in the statement;
* the numbered theme headings ("Theme 2: Recognition"), set larger than the actions' headings,
  were read as a field of the action before them (its pillar from the next theme).

Drawn here as HTML printed by Chromium, with other words than the blind plan's."""
from __future__ import annotations

import shutil

import pytest

from tests.tableplans import html_pdf, run

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")

THEMES = [
    ("Theme 1: Visibility", [
        ("Publish a directory of technical teams with their facilities, skills and contact details", None,
         "Technical Services Manager", "March 2026", "Directory live on the staff intranet"),
        ("Hold an open laboratory week for staff and students in every school across the whole campus", 1,
         "Faculty Technical Leads", "Each spring from 2026", "Five schools take part each year"),
        ("Invite technicians to present at the annual learning and teaching conference", None,
         "Academic Development", "June 2026", "Three technician talks a year"),
    ]),
    ("Theme 2: Recognition", [
        ("Fund the fees of technicians seeking professional registration with a licensed body", 2,
         "Head of Operations", "From January 2026", "Twelve new registrations by 2027"),
        ("Create an annual award for outstanding technical contributions to research and teaching", None,
         "Steering Group", "Every December", "Award made each year"),
        ("Credit technical staff by name in the acknowledgements of published research papers", None,
         "Research Office", "September 2026", "Guidance adopted by all faculties"),
    ]),
]


def _html() -> str:
    toc = ["<p><b>Contents</b></p>"]
    body = []
    for t, (theme, actions) in enumerate(THEMES, 1):
        toc.append(f'<p style="margin-left:18pt"><a href="#t{t}">{theme}</a></p>')
        body.append(f'<h1 id="t{t}">{theme}</h1>')
        for a, (text, note, lead, due, success) in enumerate(actions, 1):
            toc.append(f'<p style="margin-left:36pt"><a href="#a{t}{a}">{t}.{a} Task: {text}</a></p>')
            mark = f'<sup><a href="#n{note}">[{note}]</a></sup>' if note else ""
            body.append(f'<h2 id="a{t}{a}">{t}.{a} Task: {text}{mark}</h2>')
            body.append(f"<p><b>Lead:</b> {lead}. <b>Due:</b> {due}. <b>Success:</b> {success}.</p>")
    notes = [f'<p id="n1">[1] The week replaces the former open afternoon, which ran until 2024.</p>',
             f'<p id="n2">[2] Registration is awarded through bodies licensed by the Science Council.</p>']
    style = ("body{font-family:Arial,sans-serif;font-size:11pt;margin:54pt} h1{font-size:16pt;font-weight:normal}"
             "h2{font-size:14pt;font-weight:normal} sup{font-size:7pt} a{color:inherit;text-decoration:none}")
    return (f"<html><head><meta charset='utf-8'><style>{style}</style></head><body>"
            "<p style='font-size:26pt'>Northgate College</p><p style='font-size:15pt'>Technician Commitment "
            "Action Plan 2025-2027</p>" + "".join(toc) + "<h1>Introduction</h1><p>This plan sets out what the "
            "college will do over the next two years. Each action has a lead, a due date and a measure.</p>"
            + "".join(body) + "<h1>Notes</h1>" + "".join(notes) + "</body></html>")


@pytest.fixture(scope="module")
def rows():
    _, got = run(html_pdf(_html()), "northgate-docs-export.pdf")
    return got


EXPECTED = [(f"{t}.{a}", text, lead, due, success, theme)
            for t, (theme, actions) in enumerate(THEMES, 1)
            for a, (text, _, lead, due, success) in enumerate(actions, 1)]


def test_a_footnote_mark_does_not_cut_its_heading(rows):
    # one row per action, none from a heading's last line; the mark stays with its word
    assert [r["action_id"] for r in rows] == [e[0] for e in EXPECTED]
    for r, e in zip(rows, EXPECTED):
        assert r["action_text"].startswith(e[1]), r["action_text"]


def test_the_kicker_label_before_the_title_is_no_part_of_it(rows):
    assert not [r["action_text"] for r in rows if r["action_text"].startswith("Task")]


def test_a_paragraph_of_inline_labels_is_split_into_its_fields(rows):
    assert [r["owner"] for r in rows] == [e[2] for e in EXPECTED]
    assert [r["timeframe"] for r in rows] == [e[3] for e in EXPECTED]
    assert [(r["success_measures"] or "").rstrip(".") for r in rows] == [e[4] for e in EXPECTED]


def test_numbered_theme_headings_are_sections_not_fields(rows):
    assert [r["section"] for r in rows] == [e[5] for e in EXPECTED]
    assert not [r["extra_fields"] for r in rows if r["extra_fields"]]
