"""Issue #10 (held-out zoo, unruled: ids 0.74, owners 0.73): a whitespace table whose key,
owner and pillars are printed once per group (merged down in the source) while the aim is
printed again beside each lettered action ("A1 | aim | a) ... | owner | V, S" then
" | aim | b) ... |  | "). A sub-row took the values above only when it had its own key, so
"b)", "c)" came out with ids "b", "c" and no owner. A row without its own key whose other
cells are empty or repeat the row above word for word (the aim) is a sub-row too: it takes
the key, owner and pillars above (marked spanned). A reportlab table with no rules."""
from __future__ import annotations

import io

import pytest

from tests.tableplans import LEADS, plan_rows, run

ITEMS = plan_rows(14, seed=83)
AIMS = ["Give technical staff a voice in decisions that affect them.",
        "Offer clear and flexible career pathways for technicians.",
        "Celebrate the work of technical staff across the University.",
        "Plan the technical workforce for the coming decade.",
        "Grow the next generation of technical staff through new routes."]
PILL = ["V, S", "CD", "V, R", "S", "S, CD"]
GROUPS = [[0, 1, 2], [3, 4], [5, 6, 7, 8], [9], [10, 11, 12, 13]]


def _pdf() -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    style = getSampleStyleSheet()["BodyText"]
    data = [[Paragraph(f"<b>{h}</b>", style) for h in ["Action code", "Goal we are working towards",
                                                         "Steps we will take", "Responsible team", "Principle addressed"]]]
    for k, g in enumerate(GROUPS):
        for j, i in enumerate(g):
            first = j == 0
            data.append([Paragraph(f"A{k + 1}" if first else "", style), Paragraph(AIMS[k], style),
                         Paragraph(f"{'abcd'[j]}) {ITEMS[i].action}", style),
                         Paragraph(LEADS[k % len(LEADS)] if first else "", style),
                         Paragraph(PILL[k] if first else "", style)])
    table = Table(data, colWidths=[70, 190, 280, 130, 90], repeatRows=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=landscape(A4), invariant=1).build(
        [Paragraph("Westbrook College Technician Commitment Action Plan 2024-2027", style), Spacer(1, 12), table])
    return buf.getvalue()


@pytest.fixture(scope="module")
def plan():
    return run(_pdf(), "unruled-key-merged-repeated-aim.pdf")


def test_lettered_actions_take_the_key_and_owner_above(plan):
    doc, got = plan
    assert [r["action_text"] for r in got] == [ITEMS[i].action for g in GROUPS for i in g], doc["warnings"]
    assert [r["action_id"] for r in got] == [f"A{k + 1}.{'abcd'[j]}" for k, g in enumerate(GROUPS) for j in range(len(g))]
    assert [r["aim"] for r in got] == [AIMS[k] for k, g in enumerate(GROUPS) for _ in g]
    assert [r["owner"] for r in got] == [LEADS[k % len(LEADS)] for k, g in enumerate(GROUPS) for _ in g]
