"""Focused fixtures, one behaviour each, on small real PDFs made by the generator:
stitching rows cut by page breaks, sub-action splitting, header variants and tag forms,
a key table that is not an action table, and prose with no actions."""
from __future__ import annotations

import pytest

from tests.conftest import FIXTURES, load_expected, norm_ws

CASES = sorted(FIXTURES.glob("*.json"))


def _rows(run, name):
    return [a for a in run[1] if a["source_file"] == name]


def _doc(run, name):
    return next(d for d in run[2] if d["source_file"] == name)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_fixture_rows(fixture_run, case):
    exp = load_expected(case)
    rows = _rows(fixture_run, exp["source_file"])
    assert [norm_ws(r["action_text"]) for r in rows] == [norm_ws(e["action_text"]) for e in exp["actions"]]
    for field in ("action_id", "parent_id", "pillars_document", "talent_document", "other_tags"):
        want = [e.get(field) if e.get(field) is not None else
                ([] if field in ("pillars_document", "talent_document", "other_tags") else None)
                for e in exp["actions"]]
        assert [r[field] for r in rows] == want, field
    pages = [(e["page_start"], e["page_end"]) for e in exp["actions"] if "page_start" in e]
    if pages:
        assert [(r["page_start"], r["page_end"]) for r in rows] == pages


def test_row_cut_by_page_break_is_one_row(fixture_run):
    """The row the page break cuts (S1.1, pages 2-3) is one row with both pages' text, and
    the note names that page break; no other row spans pages."""
    name = "stitch-row-across-pages.pdf"
    exp = load_expected(FIXTURES / "stitch-row-across-pages.json")
    cut = [e for e in exp["actions"] if e["page_start"] != e["page_end"]]
    assert cut, "the fixture must hold a row cut by a page break"
    rows = _rows(fixture_run, name)
    spanning = [r for r in rows if r["page_start"] != r["page_end"]]
    assert [(r["action_id"], r["page_start"], r["page_end"], norm_ws(r["action_text"])) for r in spanning] == \
        [(e["action_id"], e["page_start"], e["page_end"], norm_ws(e["action_text"])) for e in cut]
    assert {b["page"] for r in spanning for b in r["boxes"]} == {cut[0]["page_start"], cut[0]["page_end"]}
    doc = _doc(fixture_run, name)
    assert any(f"page break {cut[0]['page_start']}/{cut[0]['page_end']} merged" in n for n in doc["notes"]), doc["notes"]


def test_unknown_header_kept_and_key_table_skipped(fixture_run):
    name = "headers-variant.pdf"
    doc = _doc(fixture_run, name)
    assert "Notes for auditors" in doc["unknown_headers"]
    assert any("not an action table" in s for s in doc["tables_skipped"])
    rows = _rows(fixture_run, name)
    assert any(f["header"] == "Notes for auditors" for r in rows for f in r["extra_fields"])


def test_prose_fixture_gives_nothing(fixture_run):
    name = "no-actions-prose.pdf"
    assert _rows(fixture_run, name) == []
    assert _doc(fixture_run, name)["status"] == "skipped"
