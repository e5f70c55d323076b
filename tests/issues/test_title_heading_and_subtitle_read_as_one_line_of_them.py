"""Blind rounds 4 and 6 (marsh-end, tarrant-vale): a title set as a heading and a subtitle,
"Technicians at Tarrant Vale" over "Technician Commitment Report and Action Plan 2025–28", came
out as one of its lines: the line naming the plan where the heading leads it in, or the heading
alone where the subtitle under it names the plan ("Technicians at Marsh End" over "Our
Commitment Plan 2025–27"). The two are now one title, "Heading: Subtitle"
(normalise.meta.title_from_block, meta.yaml title_subtitle_gap); a masthead naming only the
institution, and a strapline under a title that already names the plan, stay apart."""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from tests.tableplans import run

ACTIONS = ["Publish a directory of technical staff and their skills",
           "Hold an annual technician conference with external speakers",
           "Fund professional registration fees for every technician who asks"]


def _pdf(lines: list[tuple[str, int, bool]]) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = 790
    for text, size, bold in lines:
        c.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        c.drawString(50, y, text)
        y -= size + 6
    c.setFont("Helvetica", 10)
    y -= 20
    c.drawString(50, y, "Penhallow University signed the Technician Commitment in 2018. This plan sets out our actions.")
    for n, a in enumerate(ACTIONS, start=1):
        c.drawString(50, y - 24 * n, f"{n}. {a}")
    c.showPage()
    c.save()
    return buf.getvalue()


def _title(lines) -> str:
    doc, _ = run(_pdf(lines), "penhallow.pdf")
    return doc["plan_title"]


def test_heading_over_the_plans_name_leads_it_in():
    assert _title([("PENHALLOW UNIVERSITY", 10, True), ("Technicians at Penhallow", 26, True),
                   ("Technician Commitment Report and Action Plan 2025–28", 14, False)]) \
        == "Technicians at Penhallow: Technician Commitment Report and Action Plan 2025–28"


def test_subtitle_naming_the_plan_under_a_heading_completes_it():
    assert _title([("Technicians at Penhallow", 24, True), ("Our Commitment Plan 2025–27", 14, True)]) \
        == "Technicians at Penhallow: Our Commitment Plan 2025–27"


def test_masthead_and_strapline_stay_apart():
    assert _title([("Penhallow University", 24, True), ("Technician Commitment Action Plan 2025–2028", 18, True),
                   ("Working together for our technical community", 13, False)]) \
        == "Technician Commitment Action Plan 2025–2028"


def test_a_nav_bar_over_the_title_is_no_lead_in():
    """zoo scans-005: a site's nav bar, set larger than the title under it but under the
    page's largest line (the masthead), is not the title's heading."""
    assert _title([("Penhallow University", 30, True), ("Home Research News Contact", 18, False),
                   ("Technician Commitment Action Plan 2025–2028", 16, True)]) \
        == "Technician Commitment Action Plan 2025–2028"
