"""Issue #10 (inline lists): objectives as numbered headings, each over activity paragraphs
with inline labels ("... When: ... Lead: ... Success looks like: ..."), lost about one
activity in eight:
- paragraphs spaced by a few points only (well under a line) ran together, so an activity
  became part of the one above (its text in the other's "Lead");
- a label wrapped across a line end ("... Success looks / like: ...") was not seen, so
  its value stayed in the field before it;
- a numbered heading wrapped onto a second line that ends without a full stop became a
  heading of its own, and its activities were read under the wrong objective;
- a group of activities none of which opens with a verb ("If needed, arrange ...",
  "Once the budget is agreed, to open ...", "At each board meeting include ...") was
  dropped as not actions, though each carries the fields the other activities carry.
Set in a monospaced font so that the line breaks fall where the test needs them."""
from __future__ import annotations

import html
import shutil
import textwrap

import pytest

from extract import pdf_to_document
from normalise import interpret_document
from tests.block_documents import INTRO, write_pdf

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")

WIDTH = 64          # characters per line of an activity paragraph
OBJECTIVES = [
    "Open up careers in every workshop and studio",
    "Give technical staff a say in how the place is run, through the boards that decide on spending",
    "Keep skills fresh as the equipment in the teaching workshops changes year by year",
]
# (statement, when, lead, success looks like); the groups of the three objectives
ACTIVITIES = [
    [("Publish a yearly map of the routes from apprentice to workshop manager", "Each September",
      "Careers Adviser", "Every technician can name a next step"),
     ("Offer paid study leave for a trade qualification", "From spring 2027", "Head of Workshops",
      "Ten technicians in study each year")],
    [("If needed, arrange cover so that technicians can attend the boards", "Termly",
      "Faculty Managers", "No seat left empty for want of cover"),
     ("Once the budget is agreed, to open two seats on the spending board to technical staff",
      "From 2027", "Chief Operating Officer", "Two technicians sit on the board")],
    [("At each board meeting include an update on training for the new equipment", "Every meeting",
      "Training Lead", "Minutes record the update")],
]


TAILS = ["", " so", " now", " then", " later", " onward", " as set", " or later", " each year", " and after",
         " at the latest", " or as agreed"]


def _wrapped_at_looks(text: str) -> bool:
    lines = textwrap.wrap(text, WIDTH, break_on_hyphens=False)
    return any(a.endswith("Success looks") and b.startswith("like:") for a, b in zip(lines, lines[1:]))


def _when(text: str, when: str, lead: str, success: str) -> str:
    """The "When" value, lengthened until the "Success looks like:" label after it wraps
    after "looks"."""
    for k in range(12):
        for t in TAILS:
            value = f"{when}{' each term' * k}{t}"
            if _wrapped_at_looks(f"{text}. Lead: {lead}. When: {value}. Success looks like: {success}."):
                return value
    raise AssertionError(f"no wording wraps the label after 'looks' for {text!r}")


def _paragraph(text: str, when: str, lead: str, success: str) -> str:
    return f"{text}. Lead: {lead}. When: {_when(text, when, lead, success)}. Success looks like: {success}."


def _html() -> str:
    e = lambda t: html.escape(t, quote=False)     # noqa: E731
    parts = []
    for n, (objective, group) in enumerate(zip(OBJECTIVES, ACTIVITIES), start=1):
        parts.append(f"<h2>{n}. {e(objective)}</h2>")
        parts += [f"<p>{e(_paragraph(*a))}</p>" for a in group]
    css = ("@page { size: A4; margin: 15mm; } body { font-family: 'Liberation Mono', monospace; font-size: 10pt; "
           "line-height: 1.3; } h2 { font-family: 'Liberation Sans', sans-serif; font-size: 14pt; width: 44ch; "
           "margin: 16px 0 8px 0; } p { width: %dch; margin: 0 0 3px 24px; }" % WIDTH)
    return (f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><style>{css}</style></head><body>'
            f"<h1 style='font-family: Liberation Sans'>Workshop plan 2026-2029</h1><p>{e(INTRO)}</p>"
            f"{''.join(parts)}</body></html>")


@pytest.fixture(scope="module")
def actions(tmp_path_factory):
    pdf = write_pdf(_html(), tmp_path_factory.mktemp("inline-paragraphs"), "inline-paragraphs")
    return interpret_document(pdf_to_document(pdf.read_bytes(), pdf.name)).actions


def test_each_activity_is_one_row_under_its_objective(actions):
    assert [a.action_text for a in actions] == [a[0] for group in ACTIVITIES for a in group]
    # the heading the activity sits under, whole (as its aim or its section: normalise decides)
    assert [a.aim or a.section for a in actions] == [f"{n}. {o}" if a.aim is None and a.section and a.section[0]
                                                     .isdigit() else o for n, (o, group) in
                                                     enumerate(zip(OBJECTIVES, ACTIVITIES), start=1) for a in
                                                     [next(x for x in actions if x.action_text == group[0][0])]
                                                     for _ in group]


def test_a_label_wrapped_across_lines_starts_its_field(actions):
    for got, a in zip(actions, [a for group in ACTIVITIES for a in group]):
        fields = {(v or "").rstrip(".") for v in (got.timeframe, got.owner, got.success_measures,
                                                 *dict(got.extra_fields).values())}
        assert {_when(*a), a[2], a[3]} <= fields, fields
