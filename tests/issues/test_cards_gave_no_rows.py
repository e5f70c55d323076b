"""Issue: web-printed action cards (a bordered box per action: a title, a description and
labelled fields) gave 0 rows: nothing opened a block without the words "Action N", and a
document-control table on the same page stopped the other strategies from being tried.
The cards here have invented labels and titles with no number; the page also carries past
achievements, a glossary and a document-control table, which must give no rows."""
from __future__ import annotations

import shutil

import pytest

from extract import pdf_to_document
from normalise import interpret_document
from tests.block_documents import ACTIVITIES, cards_html, write_pdf

pytestmark = pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")


@pytest.fixture(scope="module")
def actions(tmp_path_factory):
    pdf = write_pdf(cards_html(), tmp_path_factory.mktemp("cards"), "cards")
    return interpret_document(pdf_to_document(pdf.read_bytes(), pdf.name)).actions


def test_one_row_per_card_and_nothing_else(actions):
    assert [a.action_text for a in actions] == [t for t, _, _, _ in ACTIVITIES]


def test_card_fields_keep_their_printed_labels(actions):
    a = actions[0]
    printed = {a.owner, a.timeframe, a.success_measures, a.supporting_actions, *dict(a.extra_fields).values()}   # whatever role normalise gave
    assert {"Each term", "Head of Communications", "Six profiles published and read by at least 500 staff"} <= printed
    assert a.description == "We will do this with technical staff across the institute, step by step."
