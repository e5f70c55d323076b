"""Issue #10 (web tables): a browser prints a table row that does not fit at the foot of a
page across the break, and draws no rule where it cuts it: the column rules stop at the
page's last line and start again at the top of the next page. The cut row is then no
closed cell, so the table finder lost it (web tables gave 3 of 4 rows: each row cut by a
break vanished, and its second half was glued onto the row before). Cells merged down
several rows (rowspan) that run over the break print their text only on the first page,
and their columns stay open at the foot while the row beside them closes.

Mechanism fixed (extract/strategies/ruled.py close_cut_rows): where several column rules
stop together with no rule across, the missing rule is drawn; a row open at the foot (or
head) joins its other half; a merged cell left open at the foot gives its value to the
first row of the next page. HTML printed by headless Chromium, as the pipeline prints HTML."""
from __future__ import annotations

import html

import pytest

from tests.tableplans import html_pdf, plan_rows, run

ROWS = plan_rows(36, seed=21)
LONG = " It is reported to the steering group each term, with the evidence gathered from departments."
OBJECTIVES = ["Raise the profile of technicians across the University",
              "Build clear career routes for every technical role",
              "Recognise the contribution of technical staff to research"]
CSS = ("body{font-family:serif;font-size:13px} table{border-collapse:collapse;width:100%} "
       "td,th{border:1px solid #666;padding:4px;vertical-align:top} td p{margin:0 0 3px 0}")


def _text(i: int) -> str:
    return ROWS[i].action + LONG * (1 + i % 3)


def _cell(i: int) -> str:
    """The action and its notes as paragraphs: a browser cuts a row between the paragraphs
    of a cell (a row of one paragraph per cell is moved whole to the next page)."""
    return "".join(f"<p>{html.escape(p.strip())}</p>" for p in [ROWS[i].action] + [LONG] * (1 + i % 3))


def _cut_rows_page() -> str:
    body = "".join(f"<tr><td>{r.ref}</td><td>{_cell(i)}</td><td>{html.escape(r.lead)}</td>"
                   f"<td>{r.date}</td></tr>" for i, r in enumerate(ROWS))
    return (f"<html><head><style>{CSS}</style></head><body><h1>Westmoor University Technician Commitment "
            f"Action Plan 2025-2028</h1><table><thead><tr><th>No.</th><th>What we will do</th><th>Who</th>"
            f"<th>When</th></tr></thead><tbody>{body}</tbody></table></body></html>")


def _merged_page() -> str:
    rows = []
    for i, r in enumerate(ROWS):
        k, first = divmod(i, 12)
        aim = f"<td rowspan=12>{html.escape(OBJECTIVES[k])}</td>" if first == 0 else ""
        lead = f"<td rowspan=12>{html.escape(r.lead)}</td>" if first == 0 else ""
        rows.append(f"<tr><td>{r.ref}</td>{aim}<td>{_cell(i)}</td>{lead}<td>{r.date}</td></tr>")
    return (f"<html><head><style>{CSS}</style></head><body><h1>Westmoor University Technician Commitment "
            f"Action Plan 2025-2028</h1><table><thead><tr><th>No.</th><th>Objective</th><th>What we will do</th>"
            f"<th>Who</th><th>When</th></tr></thead><tbody>{''.join(rows)}</tbody></table></body></html>")


@pytest.fixture(scope="module")
def cut():
    return run(html_pdf(_cut_rows_page()), "cut-rows.html.pdf")


@pytest.fixture(scope="module")
def merged():
    return run(html_pdf(_merged_page()), "merged-rows.html.pdf")


def test_rows_cut_by_the_page_break_are_read_whole(cut):
    doc, got = cut
    assert max(r["page_end"] for r in got) >= 3                        # the table runs over several pages
    assert any(r["page_end"] > r["page_start"] for r in got)           # and some rows are cut by a break
    assert [r["action_text"] for r in got] == [_text(i) for i in range(len(ROWS))], doc["warnings"]
    assert [(r["owner"], r["timeframe"]) for r in got] == [(r.lead, r.date) for r in ROWS]


def test_merged_cells_left_open_at_the_foot_reach_the_next_page(merged):
    doc, got = merged
    assert [r["action_text"] for r in got] == [_text(i) for i in range(len(ROWS))], doc["warnings"]
    want = [(OBJECTIVES[i // 12], ROWS[i - i % 12].lead) for i in range(len(ROWS))]
    assert [(r["aim"], r["owner"]) for r in got] == want
