"""A one-page poster of four pillar panels gave 2 rows of 17, each a whole panel (blind round
3, kingsmere poster).

Why: (1) the panels' sides stop at the same heights two by two, so the ruled finder drew the
"missing" closing rules across both panels and read the pair of panels (and the gap between)
as one table whose header was the two panel titles. Rules of one table are joined by some
rule running between them; panels side by side never are. (2) Each item's bullet is a large
disc in scale with the poster's large type (28 pt beside 15.5 pt text): shapes over 8 pt were
never bullets. (3) The disc is as tall as a two-line title: each line level with it opened an
item. (4) The small grey "Owner · when" line under each bold action is its detail, not part
of its statement; split at the dot it is the action's owner and timeframe.
"""
from __future__ import annotations

import io
from xml.sax.saxutils import escape

import pytest
from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from extract import pdf_to_document
from normalise import interpret_document

W, H = 1190.55, 1683.78          # A2
PANELS = [
    ("VISIBILITY", "#0B6E6E", [
        ("Put a named technical contact on every laboratory and workshop door and web page", "Faculty Technical Managers", "by Dec 2025"),
        ("Film short clips of technicians at work for the open days", "Marketing Team", "2026"),
        ("Launch a quarterly technical community newsletter", "Technician Network", "from Jan 2026"),
    ]),
    ("RECOGNITION", "#6A2C91", [
        ("Cover professional registration fees for all applicants", "Technical Services Director", "ongoing"),
        ("Add a technician of the year category to the staff awards", "HR Reward Team", "2026 awards"),
        ("Credit technical staff in published outputs using contributor roles", "Research Integrity Group", "by Sep 2026"),
    ]),
    ("CAREER DEVELOPMENT", "#D2691E", [
        ("Publish a technical career map showing routes from grade 4 to grade 8", "HR Business Partners", "by Jul 2026"),
        ("Give each technician five days of protected development time a year", "Heads of Department", "from Aug 2025"),
        ("Launch a reverse mentoring scheme between technicians and senior leaders", "Organisational Development", "pilot 2026"),
    ]),
    ("SUSTAINABILITY", "#2E7D32", [
        ("Recruit technician apprentices in engineering, chemistry and the arts", "Early Careers Lead", "3 per year"),
        ("Record technical roles and retirement dates in a workforce plan", "Workforce Planning Manager", "by Mar 2026"),
        ("Review progress against this plan with technicians each term", "TC Steering Group", "termly"),
    ]),
]


def _poster() -> bytes:
    buf = io.BytesIO()
    cv = Canvas(buf, pagesize=(W, H), invariant=1)
    cv.setFillColor(HexColor("#1C2833"))
    cv.rect(0, H - 340, W, 340, stroke=0, fill=1)
    cv.setFillColor(HexColor("#FFFFFF"))
    cv.setFont("Helvetica-Bold", 60)
    cv.drawString(71, H - 150, "Our Technician Commitment")
    cv.setFont("Helvetica", 36)
    cv.drawString(71, H - 215, "2025-2027 at a glance")
    title = ParagraphStyle("t", fontName="Helvetica-Bold", fontSize=15.5, leading=19)
    detail = ParagraphStyle("d", fontName="Helvetica", fontSize=12.5, leading=15, textColor=HexColor("#666666"))
    pw, ph = 507, 499
    for i, (name, colour, items) in enumerate(PANELS):
        r, k = divmod(i, 2)
        x, top = 71 + k * (pw + 34), H - 496 - r * (ph + 34)
        cv.setFillColor(HexColor("#FFFFFF"))
        cv.setStrokeColor(HexColor(colour))
        cv.setLineWidth(2)
        cv.roundRect(x, top - ph, pw, ph, 17, stroke=1, fill=1)
        cv.setFillColor(HexColor(colour))
        cv.roundRect(x, top - 79, pw, 79, 17, stroke=0, fill=1)      # the band: rounded on top,
        cv.rect(x, top - 79, pw, 28, stroke=0, fill=1)              # square where it meets the body
        cv.setFillColor(HexColor("#FFFFFF"))
        cv.setFont("Helvetica-Bold", 34)
        cv.drawString(x + 34, top - 55, name)
        y = top - 110
        for text, owner, when in items:
            p = Paragraph(escape(text), title)
            _, h1 = p.wrap(pw - 110, 200)
            cv.setFillColor(HexColor(colour))
            cv.circle(x + 48, y - 14, 14, stroke=0, fill=1)
            p.drawOn(cv, x + 79, y - h1)
            d = Paragraph(f"{escape(owner)} \u00b7 {escape(when)}", detail)
            _, h2 = d.wrap(pw - 110, 60)
            d.drawOn(cv, x + 79, y - h1 - 3 - h2)
            y -= h1 + h2 + 24
    cv.setFillColor(HexColor("#1C2833"))
    cv.rect(0, 0, W, 108, stroke=0, fill=1)
    cv.setFillColor(HexColor("#FFFFFF"))
    cv.setFont("Helvetica", 13)
    cv.drawRightString(W - 71, 50, "Kingsmere University | Technician Commitment Action Plan 2025-2027")
    cv.showPage()
    cv.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def document():
    return pdf_to_document(_poster(), "kingsmere-poster.pdf")


def test_every_item_is_one_action_with_its_owner_and_timeframe(document):
    actions = interpret_document(document).actions
    want = [it for _, _, items in PANELS for it in items]
    assert [a.action_text for a in actions] == [t for t, _, _ in want]
    assert [a.owner for a in actions] == [o for _, o, _ in want]
    assert [a.timeframe for a in actions] == [w for _, _, w in want]
    assert [a.section for a in actions] == [name for name, _, items in PANELS for _ in items]


def test_panels_side_by_side_are_no_table(document):
    assert not [t for t in document.tables if t.strategy == "ruled_table"]
