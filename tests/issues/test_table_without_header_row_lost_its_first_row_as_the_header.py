"""Blind round 6 (brackenmoor), the header half: a data row taken for a table's header is
lost with its values ("2 | Produce a short film about | Visibility | Marketing | Mar 2026 |
On track" became the column names, so row 2 lost its first line, its id, owner and date).
The same happens to a ruled table printed without a header row whose first row has no id:
its cells are short, so it read as the header; the row was lost and the owner column,
headed by an owner's name ("Comms team"), was kept as an unknown extra field on every row.

Mechanism fixed (normalise/roles.py header_reads_as_data, used by normalise/rows.py): a
header is the column names, and its cells are shaped as such. A printed header whose cells
read as values of the kind their columns hold below them (a sentence of intent over the
actions, a date over the dates, a status over the statuses: a RAG pill's words), two or
more of them (models/header_aliases.yaml scores.header_as_data_min) and more than the
cells naming a known column, is the table's first row: kept as a row, and the columns'
roles read from their content."""
from __future__ import annotations

from tests.tableplans import plan_rows, ruled_pdf, run

ROWS = plan_rows(8, seed=5)
STATUS = ["On track", "At risk", "Complete", "Behind"]


def test_first_row_of_a_table_without_header_is_kept_as_a_row():
    rows = [[r.action, r.lead, r.date, STATUS[i % len(STATUS)]] for i, r in enumerate(ROWS)]
    doc, got = run(ruled_pdf(None, rows), "no-header-row.pdf")
    assert len(got) == len(ROWS), doc["warnings"]
    assert [(r["owner"], r["timeframe"]) for r in got] == [(r.lead, r.date) for r in ROWS]
    assert [r["rag_status"] for r in got] == ["green", "amber", "green", "amber"] * 2
    assert list(doc["unknown_headers"]) == []


def test_a_header_of_column_names_stays_the_header():
    rows = [[r.action, r.lead, r.date, STATUS[i % len(STATUS)]] for i, r in enumerate(ROWS)]
    doc, got = run(ruled_pdf(["Action", "Lead", "Due", "Status"], rows), "header-row.pdf")
    assert len(got) == len(ROWS)
    assert [c["header"] for c in doc["table_roles"]] == ["Action", "Lead", "Due", "Status"]
    assert [(r["owner"], r["timeframe"]) for r in got] == [(r.lead, r.date) for r in ROWS]
