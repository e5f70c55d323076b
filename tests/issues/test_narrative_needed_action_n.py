"""Issue: narrative blocks were found only under headings reading "Action N" (or Objective,
Goal, Aim + number). A Word plan whose blocks open with a bold title and carry bold,
colon-terminated labels of its own wording is read block by block; its list of last plan's
highlights gives no rows. Exported by LibreOffice in a ligature font, so every ff/fi/tt
must keep its letters too."""
from __future__ import annotations

import shutil

import pytest

from extract import pdf_to_document
from normalise import interpret_document
from tests.block_documents import ACTIVITIES, narrative_docx_pdf

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


@pytest.fixture(scope="module")
def actions(tmp_path_factory):
    pdf = narrative_docx_pdf(tmp_path_factory.mktemp("narrative"))
    return interpret_document(pdf_to_document(pdf.read_bytes(), pdf.name)).actions


def test_blocks_without_action_headings(actions):
    assert [a.action_text for a in actions] == [t for t, _, _, _ in ACTIVITIES]
    got = [{a.timeframe, a.owner, a.success_measures, a.supporting_actions, *dict(a.extra_fields).values()} - {None} for a in actions]
    assert got == [{w, l, s} for _, w, l, s in ACTIVITIES]


def test_ligature_words_whole(actions):
    text = " ".join(a.description or "" for a in actions) + " ".join(a.action_text for a in actions)
    assert "staff" in text and "Fund professional" in text
