"""Issue #10 (zoo progress_report owner 0.96, per_pillar_tables ids 0.73 / aims 0.72): two
column-role mistakes where a weak header word or a misread content beat what the column holds.

1. A progress table with an "Update" column of "40% complete" and a "Traffic light" column of
   "On track" / "At risk" / "Behind": "40% complete" read as the RAG word "complete", so the
   percentages took rag_status, the status phrases (not known RAG words) read as short names
   and took owner, and the real "Delivery lead" column (a weak header word) was left without a
   role: every row lost its owner. Now a cell led by a percentage is progress, status phrases
   (models/header_aliases.yaml content.status_pattern) are RAG evidence.
2. A column left of the actions whose statements open with their own ids ("A2: Celebrate ...")
   beside cells listing a) b) c) was taken as success measures by the weak header word
   "outcome" ("Intended outcome"): the rows lost their aim and their ids came out "a", "b"
   instead of "A2.a". Now an id-led statement column left of the action column is the aim even
   where a weak header word named another text role.
Ruled reportlab tables (normalise/roles.py)."""
from __future__ import annotations

import pytest

from tests.tableplans import DATES, LEADS, plan_rows, ruled_pdf, run

ITEMS = plan_rows(9, seed=23)
STATUS = ["On track", "At risk", "Behind"]


def _progress_pdf() -> bytes:
    rows = [[f"{(i * 20) % 100}% complete", STATUS[i % 3], f"{i + 1}. {it.action}", it.date, it.lead]
            for i, it in enumerate(ITEMS)]
    return ruled_pdf(["Update", "Traffic light", "Activity", "Due by", "Delivery lead"], rows,
                     col_widths=[90, 80, 330, 110, 150],
                     intro="Progress report on the Technician Commitment Action Plan 2024-2027 (March 2026)")


AIMS = ["Make technical careers visible across the university", "Celebrate the achievements of technical staff",
        "Give every technician time for professional development"]
LISTS = [ITEMS[0:3], ITEMS[3:5], ITEMS[5:9]]


def _aims_pdf() -> bytes:
    rows = [[f"A{k + 1}: {aim}", "<br/>".join(f"{'abcd'[j]}) {it.action}" for j, it in enumerate(LISTS[k])),
             DATES[k], LEADS[k]] for k, aim in enumerate(AIMS)]
    return ruled_pdf(["Intended outcome", "Task", "When", "Champion"], rows, col_widths=[200, 330, 100, 130])


@pytest.fixture(scope="module")
def progress():
    return run(_progress_pdf(), "progress-status-words.pdf")


@pytest.fixture(scope="module")
def aims():
    return run(_aims_pdf(), "id-led-aims.pdf")


def test_each_progress_row_keeps_its_lead(progress):
    doc, got = progress
    assert [r["action_text"] for r in got] == [it.action for it in ITEMS], doc["warnings"]
    assert [r["owner"] for r in got] == [it.lead for it in ITEMS]
    roles = {c["header"]: c["role"] for c in doc["table_roles"]}
    assert roles["Update"] == "progress" and roles["Traffic light"] == "rag_status"


def test_id_led_statements_left_of_listed_actions_are_the_aims(aims):
    doc, got = aims
    want = [(f"A{k + 1}.{'abcd'[j]}", AIMS[k], it.action) for k in range(3) for j, it in enumerate(LISTS[k])]
    assert [(r["action_id"], r["aim"], r["action_text"]) for r in got] == want, doc["warnings"]
