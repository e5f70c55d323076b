"""Issue #10 point 4: a web page printed from a browser, one table per pillar under its
heading, gave 6 rows of 54. Every table is read, each row takes its pillar from the
heading above its table, and a table that starts at the top of a page under a heading of
its own is not stitched onto the table before it. HTML printed by headless Chromium, as
the pipeline prints HTML. "rows-only": rules between rows only (no column rules) and
headers centred by the browser; rows come from the rules and columns from the text's
alignment (extract/strategies/ruled.py rows_only_tables) - it gave 3 of 54 rows."""
from __future__ import annotations

import html

import pytest

from tests.tableplans import PILLAR_CODES, PILLARS, html_pdf, plan_rows, run

ROWS = plan_rows(54, seed=13)
BORDERS = {"ruled": "table{border-collapse:collapse} td,th{border:1px solid #999;padding:4px}",
           "rows-only": "table{border-collapse:collapse} td,th{border-bottom:1px solid #bbb;padding:4px}"}


def _page(css: str) -> str:
    parts = [f"<html><head><style>body{{font-family:sans-serif;font-size:12px}} {css}</style></head><body>",
             "<h1>Northbridge University Technician Commitment Action Plan 2025-2028</h1>",
             "<p>This page sets out what we will do for our technical staff over the next three years.</p>"]
    for k, pillar in enumerate(PILLARS):
        parts.append(f"<h2>{pillar}</h2><table><thead><tr><th>What we will do</th><th>Who</th><th>By</th></tr></thead><tbody>")
        for r in ROWS[k::4]:
            parts.append(f"<tr><td>{html.escape(r.action)}</td><td>{html.escape(r.lead)}</td><td>{r.date}</td></tr>")
        parts.append("</tbody></table>")
    return "".join(parts) + "</body></html>"


def _expected():
    return [(r.action, PILLARS[k]) for k in range(4) for r in ROWS[k::4]]


@pytest.mark.parametrize("style", ["ruled", "rows-only"])
def test_one_table_per_pillar_under_its_heading(style):
    doc, got = run(html_pdf(_page(BORDERS[style])), f"per-pillar-{style}.html.pdf")
    assert [(r["action_text"], r["section"]) for r in got] == _expected(), doc["warnings"]
    assert [r["pillars_document"] for r in got] == [[PILLAR_CODES[p]] for _, p in _expected()]
    assert [(r["owner"], r["timeframe"]) for r in got] == [(r.lead, r.date) for k in range(4) for r in ROWS[k::4]]
