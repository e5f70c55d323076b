"""Blind tests (marlowe strategy, wendlebury annual report): a plan printed inside a larger
document took the container's identity: "Technical Excellence Strategy 2025–2030" and
"Annual Report 2024–25" became the plan's title and period, though each cover says
"incorporating our Technician Commitment Action Plan 2025–2028" under it. When the title
names no plan, the title block's short line that does, with a period of its own, is the
plan's title and period (normalise.meta.plan_named_inside); a plan whose own title names it
keeps it."""
from __future__ import annotations

from tests.tableplans import docx_pdf, run

ACTIONS = [("1", "Publish the technical career pathway with role profiles", "Director of Technical Services"),
           ("2", "Fund registration fees for RSciTech and RSci applicants", "HR Business Partner"),
           ("3", "Run a technician showcase in the atrium each spring", "Communications Lead")]


def _pdf(cover: list[str]) -> bytes:
    def build(doc):
        doc.add_heading(cover[0], level=0)
        for line in cover[1:]:
            doc.add_paragraph(line)
        doc.add_paragraph("This review sets out how the service performed and where it goes next. "
                          "Staff numbers rose by four per cent over the year.")
        doc.add_page_break()
        doc.add_heading("Our action plan", level=1)
        t = doc.add_table(rows=1, cols=3)
        t.style = "Table Grid"
        for cell, text in zip(t.rows[0].cells, ("No.", "Action", "Lead")):
            cell.text = text
        for row in ACTIONS:
            cells = t.add_row().cells
            for cell, text in zip(cells, row):
                cell.text = text
    return docx_pdf(build)


def test_plan_named_on_a_review_cover_gives_the_plan_title_and_period():
    doc, rows = run(_pdf(["Technical Services Review 2023–2026", "University of Brackenholt",
                          "with the Technician Commitment Action Plan 2024–2027"]), "review.pdf")
    assert (doc["period_start"], doc["period_end"]) == (2024, 2027)
    assert doc["plan_title"] == "Technician Commitment Action Plan 2024–2027"
    assert doc["institution"] == "University of Brackenholt"
    assert len(rows) == 3


def test_a_plan_titled_as_one_keeps_its_title_whatever_else_the_cover_names():
    doc, _ = run(_pdf(["Technician Commitment Action Plan 2024–2027", "University of Brackenholt",
                       "following our Technician Commitment Action Plan 2021–2024"]), "plan.pdf")
    assert (doc["period_start"], doc["period_end"]) == (2024, 2027)
    assert doc["plan_title"] == "Technician Commitment Action Plan 2024–2027"
