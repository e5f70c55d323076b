"""Issue #10 (held-out zoo progress_report: timeframe 0.87): a "Timeline" column holding
milestone sentences ("Awards nomination support in line with submission deadlines. Annual
review in the summer term of each year.") lost its role: a header word naming a shaped role
(dates) must be borne out by the content, and only short cells counted as dates, so a column
of longer sentences that mention terms and years showed none and its timeframe was dropped to
an extra field. Now a cell that mentions a date or term anywhere bears a header word out
(it still does not give the role without one). A ruled reportlab table (normalise/roles.py)."""
from __future__ import annotations

import pytest

from tests.tableplans import plan_rows, ruled_pdf, run

ITEMS = plan_rows(6, seed=5)
WHEN = ["Awards nomination support in line with the submission deadlines set by each of the award bodies",
        "Ongoing training for all new managers, with the first cohort completed by the end of December 2026",
        "Termly meetings of the network, with an annual review of its terms of reference in the autumn term",
        "Case studies published on the website as they are written, reviewed by the working group each year",
        "Survey of all technical staff run in the spring term of 2027 and repeated two years after that",
        "Mentoring pairs matched as new staff join and reviewed with both parties at the end of their first year"]


@pytest.fixture(scope="module")
def plan():
    rows = [[f"{i + 1}", it.action, WHEN[i], it.lead] for i, it in enumerate(ITEMS)]
    return run(ruled_pdf(["Key", "Activity description", "Timeline", "Champion"], rows,
                         col_widths=[40, 300, 260, 160]), "timeline-sentences.pdf")


def test_the_timeline_column_is_the_timeframe(plan):
    doc, got = plan
    assert [r["action_text"] for r in got] == [it.action for it in ITEMS], doc["warnings"]
    assert [r["timeframe"] for r in got] == WHEN
    assert "Timeline" not in " ".join(doc["warnings"])
