"""Issue: a web page of objectives whose activities are list items with inline labels
("... When: ... Lead: ... Success looks like: ...") gave 9 rows, all from the wrong text
(the objective headings). Each activity is one row, its statement cut before the first
label and each labelled value in its own field; the objectives are the rows' sections. The
list of past achievements and the glossary on the same page give no rows."""
from __future__ import annotations

import shutil

import pytest

from extract import pdf_to_document
from normalise import interpret_document
from tests.block_documents import ACTIVITIES, objectives_html, write_pdf

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")


@pytest.fixture(scope="module")
def actions(tmp_path_factory):
    pdf = write_pdf(objectives_html(), tmp_path_factory.mktemp("objectives"), "objectives")
    return interpret_document(pdf_to_document(pdf.read_bytes(), pdf.name)).actions


def test_each_activity_is_one_row(actions):
    assert [a.action_text for a in actions] == [t for t, _, _, _ in ACTIVITIES]


def test_inline_fields_are_split(actions):
    # each labelled value is a field of its own (whichever role normalise gives it), without the
    # stop before the next label or the one ending the item's sentence
    got = [{a.timeframe, a.owner, a.success_measures, a.supporting_actions, *dict(a.extra_fields).values()} - {None} for a in actions]
    assert got == [{w.rstrip("."), l, s} for _, w, l, s in ACTIVITIES]


def test_objectives_are_sections(actions):
    assert [a.section for a in actions] == ["Objective 1: Make technical work visible"] * 3 + \
        ["Objective 2: Open up careers"] * 3
