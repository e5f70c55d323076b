"""Issue #10 (zoo per_pillar_tables: 327 of 331 rows, one pillar's table read from the wrong
column): a plan with one table per pillar, each under the same header, decided the column
roles table by table. A small table whose cells said little on their own (one action per
goal, so the action column held no more distinct statements than the goal column beside it)
found no action column, although its siblings under the same header did. Now tables that
share a printed header share the roles decided on their pooled content (the evidence is still
recorded once per table, saying so). Ruled reportlab tables under pillar headings
(normalise/roles.py document_roles)."""
from __future__ import annotations

import io

import pytest

from tests.tableplans import DATES, plan_rows, run

HEAD = ["Action ref", "Goal we are working towards", "Commitment", "Date for completion"]
ITEMS = plan_rows(8, seed=41)
# (pillar, [(goal, [item indexes])]): the second pillar has one action per goal
PLAN = [("Visibility", [("Make technical careers visible across the university", [0, 1, 2])]),
        ("Recognition", [("Celebrate the achievements of technical staff", [3]),
                         ("Credit technical work in research outputs", [4])]),
        ("Career Development", [("Give every technician time for professional development", [5, 6, 7])])]
CODES = {"Visibility": "V", "Recognition": "R", "Career Development": "CD"}


def _ref(pillar: str, g: int, j: int) -> str:
    return f"{CODES[pillar]}{g + 1}.{j + 1}"


def _pdf() -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    ss = getSampleStyleSheet()
    body, h2 = ss["BodyText"], ss["Heading2"]
    story = [Paragraph("Westbrook College Technician Commitment Action Plan 2025-2028", ss["Title"])]
    for pillar, goals in PLAN:
        data = [[Paragraph(f"<b>{h}</b>", body) for h in HEAD]]
        style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        for g, (goal, idx) in enumerate(goals):
            first = len(data)
            for j, i in enumerate(idx):
                data.append([Paragraph(_ref(pillar, g, j), body), Paragraph(goal if j == 0 else "", body),
                             Paragraph(ITEMS[i].action, body), Paragraph(DATES[i % len(DATES)], body)])
            if len(idx) > 1:
                style.append(("SPAN", (1, first), (1, first + len(idx) - 1)))
        table = Table(data, colWidths=[70, 220, 330, 110], repeatRows=1)
        table.setStyle(TableStyle(style))
        story += [Paragraph(pillar, h2), table, Spacer(1, 12)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=landscape(A4), invariant=1).build(story)
    return buf.getvalue()


@pytest.fixture(scope="module")
def plan():
    return run(_pdf(), "per-pillar-shared-roles.pdf")


def test_every_pillar_table_reads_its_actions_from_the_same_column(plan):
    doc, got = plan
    want = [(_ref(p, g, j), goal, ITEMS[i].action, DATES[i % len(DATES)])
            for p, goals in PLAN for g, (goal, idx) in enumerate(goals) for j, i in enumerate(idx)]
    assert [(r["action_id"], r["aim"], r["action_text"], r["timeframe"]) for r in got] == want, doc["warnings"]


def test_each_table_records_the_shared_roles(plan):
    doc, _ = plan
    by_table: dict[int, dict[str, str]] = {}
    for c in doc["table_roles"]:
        by_table.setdefault(c["table"], {})[c["header"]] = c["role"]
    assert len(by_table) == 3
    assert all(roles["Commitment"] == "action_text" for roles in by_table.values()), by_table
