"""Blind test (glenhollow progress report): an unruled progress table whose "Ref" column
holds ids set as a pillar letter, a point and a number ("V.01", "CD.03", "S.02") lost every
id: the id shape allowed a letter prefix only when it ran straight into its digits ("V1",
"CD3"), so the column's cells read as pillar letters and no row kept its key. A letter
prefix set off by a point, hyphen or space is an id's prefix (models/header_aliases.yaml
id_pattern; the row's key in normalise/rows.py); the pillar the section names stays."""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from tests.tableplans import run

SECTIONS = {
    "Visibility": ["Create a staff intranet page with news about technical teams",
                   "Name technical staff on every departmental web page",
                   "Hold an annual showcase of technical work open to all staff"],
    "Career Development": ["Map career pathways for every technical job family",
                           "Set up a mentoring scheme for newly appointed technicians",
                           "Offer secondments between the faculties' technical teams"],
    "Sustainability": ["Produce a workforce plan covering the next five years",
                       "Recruit two technical apprentices in each faculty every year"],
}
CODES = {"Visibility": "V", "Career Development": "CD", "Sustainability": "S"}
STATUS = ["Green", "Amber", "Complete", "Red"]


def _pdf() -> tuple[bytes, list[tuple[str, str, str]]]:
    buf = io.BytesIO()
    w, h = landscape(A4)
    c = canvas.Canvas(buf, pagesize=(w, h), invariant=1)
    c.setFont("Helvetica-Bold", 18)
    c.drawString(40, h - 50, "Brackenmoor University Technician Commitment Action Plan 2023–2026")
    c.setFont("Helvetica", 12)
    c.drawString(40, h - 70, "Progress report, July 2025")
    xs = [40, 100, 480, 620, 700]
    y = h - 110
    c.setFont("Helvetica-Bold", 10)
    for x, t in zip(xs, ["Ref", "Action", "Owner", "Due", "Status"]):
        c.drawString(x, y, t)
    expected, k = [], 0
    for section, actions in SECTIONS.items():
        y -= 34
        c.setFont("Helvetica-Bold", 11)
        c.drawString(40, y, section)
        for n, action in enumerate(actions, start=1):
            y -= 30
            ref = f"{CODES[section]}.{n:02d}"
            c.setFont("Helvetica", 10)
            for x, t in zip(xs, [ref, action, "Technical Services", "Jul 2026", STATUS[k % 4]]):
                c.drawString(x, y, t)
            expected.append((ref, action, CODES[section]))
            k += 1
    c.showPage()
    c.save()
    return buf.getvalue(), expected


def test_ids_with_a_pillar_letter_and_a_point_are_kept_as_ids():
    data, expected = _pdf()
    _, got = run(data, "ref-ids-with-a-point.pdf")
    assert [(r["action_id"], r["action_text"]) for r in got] == [(ref, a) for ref, a, _ in expected]
    # the pillar the id and its section imply stays with the row
    assert [list(r["pillars_document"]) for r in got] == [[p] for _, _, p in expected]
