"""Issue: numbered lists were read only under headings that start with a pillar's name
(lists.py took its headings from tag_patterns.yaml). Lists under any heading are read; a
list of past achievements and a glossary on the same page are not actions and give no rows,
whatever their headings say."""
from __future__ import annotations

import shutil

import pytest

from extract import pdf_to_document
from normalise import interpret_document
from tests.block_documents import ACTIVITIES, numbered_html, write_pdf

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")


@pytest.fixture(scope="module")
def actions(tmp_path_factory):
    pdf = write_pdf(numbered_html(), tmp_path_factory.mktemp("numbered"), "numbered")
    return interpret_document(pdf_to_document(pdf.read_bytes(), pdf.name)).actions


def test_items_under_ordinary_headings(actions):
    assert [(a.section, a.action_id) for a in actions] == [("People and teams", n) for n in "123"] + \
        [("Learning at work", n) for n in "123"]
    assert [a.action_text for a in actions] == [f"{t} ({w.lower()})." for t, w, _, _ in ACTIVITIES]
