"""Issue #14 (and #10 point 1): vocabulary is evidence, never a gate. Every header of a
plan is renamed to words found nowhere in models/; the rows must survive (the columns'
content names their roles) or the document must be `partial` with a reason, never a
quiet success with rows lost."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.tableplans import PILLAR_CODES, plan_rows, ruled_pdf, run

MODELS = Path(__file__).resolve().parents[2] / "models"
BLIND = ["Zorvex", "Plimsat", "Quondle", "Brastic", "Vellium"]
ROWS = plan_rows(30, seed=11)


def _model_words() -> set[str]:
    words: set[str] = set()
    for path in MODELS.rglob("*"):
        if path.is_file() and path.suffix in (".yaml", ".yml", ".csv", ".json", ".cfg"):
            words |= set(re.findall(r"[a-z]+", path.read_text(encoding="utf-8", errors="ignore").lower()))
    return words


def test_the_blind_words_are_not_in_models():
    assert not {w.lower() for w in BLIND} & _model_words()


@pytest.mark.parametrize("order", [(0, 1, 2, 3, 4), (1, 2, 3, 4, 0), (3, 1, 4, 2, 0)], ids=["ref-first", "action-first", "date-first"])
def test_rows_survive_unknown_headers(order):
    cells = [[r.ref, r.action, r.lead, r.date, r.pillar] for r in ROWS]
    pdf = ruled_pdf([BLIND[i] for i in order], [[row[i] for i in order] for row in cells],
                    col_widths=[330 if i == 1 else 100 for i in order])
    doc, got = run(pdf, "blind.pdf")
    # the content here is plain (ids, sentences of intent, names, dates, pillar names): read whole
    assert doc["status"] == "success", doc["warnings"]
    assert [r["action_text"] for r in got] == [r.action for r in ROWS]
    assert [(r["owner"], r["timeframe"], r["pillars_document"]) for r in got] == \
        [(r.lead, r.date, [PILLAR_CODES[r.pillar]]) for r in ROWS]
    # the evidence says the roles came from the content, not from the (unknown) words
    assert all("content" in c["evidence"] for c in doc["table_roles"] if c["role"] != "unknown")


def test_an_unreadable_blind_table_is_partial_with_the_reason():
    """Ids in the first column, but no column of actions the content can show (one-word
    cells): the document is partial and says which table could not be read."""
    cells = [[f"V{i}", w, "x"] for i, w in enumerate(["Zorp", "Blick", "Quam", "Drel"], start=1)]
    doc, got = run(ruled_pdf(BLIND[:3], cells, col_widths=[100, 100, 100]), "blind-unreadable.pdf")
    assert got == [] and doc["status"] == "partial"
    assert any("could not be read" in w for w in doc["warnings"]), doc["warnings"]
