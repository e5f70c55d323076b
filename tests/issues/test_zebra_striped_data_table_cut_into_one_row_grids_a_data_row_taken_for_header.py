"""Blind round 6 (brackenmoor): an intranet page built with DataTables and printed from
Chromium gave 7 of 24 rows. Its table is ruled only between its rows (a light rule over
each cell), every other row's cells are shaded (zebra stripes), the header cells carry
sort glyphs (an arrow drawn after each label, a triangle after the sorted one) and the
status column prints coloured pills with their words. The shaded cells' sides read as
column rules, so the table finder saw one grid per shaded row: the last one on the page
(row 9) was taken for a header printed alone at the page's foot, the table "not an action
table", the rows between the shaded ones left to the other strategies, and pages 2-3 read
as narrative (the pills as headings, the glyphs as rows).

Mechanism fixed (extract/strategies/ruled.py rows_only_tables, shaded_columns,
_unclosed_last_row): a stack of row rules whose cells are shaded in some rows only is one
table ruled between its rows; the shades' sides give its columns, the one-row grids they
made are its rows, its header is the line above the first rule, the page after it goes on
with the same columns (its repeated header dropped), and the last row, printed with no
rule under it, is kept. The sort glyphs are decoration (models/extract.yaml
header_decoration), never header words nor rows: the ruled header's labels leave them
out, and a whitespace table (the same page printed without rules or stripes,
extract/strategies/unruled.py undecorated) finds its header by its labels' alignment
without them ("⇅ Lead", the arrow of the column before set close to the next label, no
longer starts the column early), a glyph raised off the header's baseline is no row, and
the header repeated overleaf is known by its "#" too. HTML printed by headless Chromium,
as the pipeline prints HTML."""
from __future__ import annotations

import html

import pytest

from tests.tableplans import html_pdf, plan_rows, run

ROWS = plan_rows(26, seed=31)
STATUS = ["On track", "At risk", "Complete", "Behind", "Not started"]
HEADS = ["#", "Action", "Lead", "Due", "Status"]
CSS = """body{font-family:sans-serif;font-size:10pt;margin:0} main{padding:0 24px}
table{border-collapse:collapse;width:100%;font-size:11pt}
th{text-align:left;border-bottom:2px solid #333;padding:6px 18px 6px 6px;position:relative}
th.sorting::after{content:'\\21C5';position:absolute;right:4px;color:#aaa}
th.sorting_asc::after{content:'\\25B2';position:absolute;right:4px;font-size:7pt}
td{padding:12px 6px;border-top:1px solid #ddd;vertical-align:top}
tr.odd td{background:#F7F9FB} tr{page-break-inside:avoid}
.pill{display:inline-block;padding:2px 8px;border-radius:10px;font-size:8pt;font-weight:bold;color:#fff;background:#27AE60}
.top{background:#1F3A5F;color:#fff;padding:10px 24px;font-size:16pt;font-weight:bold}"""


def _page(css: str) -> str:
    ths = "".join(f"<th class='{'sorting_asc' if k == 0 else 'sorting'}'>{h}</th>" for k, h in enumerate(HEADS))
    trs = "".join(f"<tr class='{'odd' if i % 2 == 0 else 'even'}'><td>{r.ref}</td><td>{html.escape(r.action)}</td>"
                  f"<td>{html.escape(r.lead)}</td><td>{r.date}</td>"
                  f"<td><span class='pill'>{STATUS[i % len(STATUS)]}</span></td></tr>" for i, r in enumerate(ROWS))
    return (f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>"
            "<div class='top'>Eastholme University</div><main>"
            "<h1>Technician Commitment action plan 2025-2028</h1>"
            "<p>This page tracks the actions in our Technician Commitment action plan.</p>"
            "<div>Show 25 entries &nbsp; Search:</div>"
            f"<table class='dataTable'><thead><tr>{ths}</tr></thead><tbody>{trs}</tbody></table>"
            f"<div>Showing 1 to {len(ROWS)} of {len(ROWS)} entries &nbsp; Previous 1 Next</div>"
            "<p>Last updated 14 November 2025 by the Technician Commitment Project Officer.</p></main></body></html>")


# the blind page's rules and stripes; stripes without rules; neither (a whitespace table)
STYLES = {"ruled-and-striped": CSS,
          "striped": CSS.replace("border-top:1px solid #ddd;", "").replace("border-bottom:2px solid #333;", ""),
          "plain": CSS.replace("border-top:1px solid #ddd;", "").replace("border-bottom:2px solid #333;", "")
                      .replace("tr.odd td{background:#F7F9FB}", "")}


@pytest.fixture(scope="module", params=list(STYLES))
def read(request):
    return run(html_pdf(_page(STYLES[request.param])), f"zebra-data-table-{request.param}.html.pdf")


def test_every_row_of_the_striped_table_is_read_with_its_values(read):
    doc, got = read
    assert max(r["page_end"] for r in got) >= 2                         # the table runs over a page break
    assert [(r["action_id"], r["action_text"]) for r in got] == [(r.ref, r.action) for r in ROWS], doc["warnings"]
    assert [(r["owner"], r["timeframe"]) for r in got] == [(r.lead, r.date) for r in ROWS]
    rag = {"On track": "green", "Complete": "green", "At risk": "amber"}
    status = [STATUS[i % len(STATUS)] for i in range(len(ROWS))]      # each row's pill
    assert [r["rag_status"] for r, s in zip(got, status) if s in rag] == [rag[s] for s in status if s in rag]


def test_sort_glyphs_and_status_pills_are_no_headers(read):
    doc, _ = read
    assert list(doc["tables_skipped"]) == []
    assert list(doc["unknown_headers"]) == []
    assert [r["header"] for r in doc["table_roles"]] == HEADS
