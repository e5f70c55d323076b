"""Layout detection on the real sample PDFs: which strategies a document's pages call for,
and the fallback that tries every strategy when detection points nowhere."""
from __future__ import annotations

from typing import Sequence

import pytest

from extract import pdf_to_document
from extract.config import load_config
from extract.issues import IssueCode
from extract.layout import PageGuess, detect
from extract.model import Layout
from extract.pdf import open_pdf, read_page
from tests.conftest import FIXTURES, RAW


def agreement(guesses: Sequence[PageGuess], page_layouts: Sequence[str]) -> float:
    """Share of content pages whose extracted layout was among the detected candidates
    (prose pages count as agreeing when nothing was detected on them)."""
    pairs = [(g, got) for g, got in zip(guesses, page_layouts) if got not in (Layout.EMPTY.value, Layout.SCAN.value)]
    if not pairs:
        return 1.0
    ok = sum(got in g.layouts or (got == Layout.PROSE.value and not g.layouts) for g, got in pairs)
    return round(ok / len(pairs), 3)


def _pages(path):
    pdf = open_pdf(path.read_bytes())
    try:
        return [read_page(pdf, i) for i in range(len(pdf))]
    finally:
        pdf.close()


@pytest.mark.parametrize("name, must, must_not", [
    ("essex-2024-27-action-plan.pdf", {"ruled_table"}, {"narrative"}),
    ("essex-2020-23-action-plan-unruled.pdf", {"unruled_table"}, {"ruled_table", "narrative"}),
    ("portsmouth-action-plan.pdf", {"narrative", "ruled_table"}, set()),     # overview table + blocks
    ("portsmouth-action-plan-web.pdf", {"narrative"}, {"unruled_table"}),
])
def test_candidate_layouts(name, must, must_not):
    guesses, candidates = detect(_pages(RAW / name), load_config())
    assert must <= candidates and not (must_not & candidates), candidates
    assert len(guesses) == len(_pages(RAW / name))


def test_unruled_pages_are_detected_page_by_page():
    guesses, _ = detect(_pages(RAW / "essex-2020-23-action-plan-unruled.pdf"), load_config())
    assert all(g.layouts == ("unruled_table",) for g in guesses)


def test_detection_agrees_with_what_was_extracted():
    path = RAW / "essex-2024-27-action-plan.pdf"
    doc = pdf_to_document(path.read_bytes(), path.name)
    guesses, _ = detect(_pages(path), load_config())
    assert doc.page_layouts[2:] == ("ruled_table",) * 8
    assert all("ruled_table" in g.layouts for g in guesses[2:])
    # Page 1's intro names two column labels in a sentence: a candidate that reads as prose.
    assert agreement(guesses, doc.page_layouts) == 0.9


def test_prose_without_structure_tries_every_strategy_and_finds_nothing(monkeypatch):
    import extract
    from extract.strategies import STRATEGY_ORDER

    calls = []
    real = extract._run_strategies
    monkeypatch.setattr(extract, "_run_strategies", lambda names, *a: calls.append(list(names)) or real(names, *a))
    path = FIXTURES / "no-actions-prose.pdf"
    doc = pdf_to_document(path.read_bytes(), path.name)
    assert calls and calls[-1] == list(STRATEGY_ORDER)
    assert not any(len(t.rows) > 1 for t in doc.tables)
    codes = {i.code for i in doc.issues}
    assert IssueCode.NO_ACTION_STRUCTURE in codes
    assert IssueCode.LAYOUT_FALLBACK not in codes
