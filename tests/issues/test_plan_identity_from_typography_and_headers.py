"""Issue #13 item 1 (plan identity read right), as the zoo showed it failing:

- titles cut mid-phrase ("... Commitment Action" without "Plan 2026 to 2029"): the title
  wraps onto a second line that the plain-text reader could not tell from the next line;
- an action or the running header taken as the title ("V1.1 - Publish the Technician Action
  Plan ...", "Institution - Title" from the header);
- no institution when the plan names it only in its running header (one deduplicated copy
  was too weak for a name the registry lacks);
- `institution_uncertain` raised on most documents although the institution was right: it
  said only that the registry lacks the name.

The page is drawn with reportlab: a running header naming the institution on both pages, a
site masthead, a two-line title set larger than anything else, an action naming the plan."""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract import pdf_to_document
from extract.issues import IssueCode
from normalise import interpret_document
from tcpipe.tools import coverage

W, H = A4
INSTITUTION = "Exampleshire Institute of Art"


def _pdf() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for page in (1, 2):
        c.setFont("Helvetica", 8)
        c.drawString(60, H - 30, INSTITUTION)                        # the running header
        c.drawString(W - 120, 30, f"Page {page} of 2")
        y = H - 90
        if page == 1:
            c.setFont("Helvetica-Bold", 14)
            c.drawString(60, y, "Staff news and events")                # the site's masthead
            c.setFont("Helvetica-Bold", 20)
            c.drawString(60, y - 40, "Our Technician Commitment Action Plan for")
            c.drawString(60, y - 64, "August 2026 to July 2029")
            y -= 110
        c.setFont("Helvetica", 10)
        for k in range(12):
            c.drawString(60, y - 16 * k, f"V1.{k + 1} - Publish the Technician Action Plan on the staff pages, "
                                        f"item {k + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def test_title_institution_and_period_from_the_page():
    norm = interpret_document(pdf_to_document(_pdf(), "plan.pdf"))
    meta = norm.meta
    assert meta.plan_title == "Our Technician Commitment Action Plan for August 2026 to July 2029"
    assert meta.institution == INSTITUTION
    assert (meta.period_start, meta.period_end) == (2026, 2029)
    codes = {i.code for i in norm.warnings + norm.notes}
    assert IssueCode.INSTITUTION_UNCERTAIN not in codes
    assert IssueCode.INSTITUTION_NOT_IN_REGISTRY in codes


def test_coverage_reads_institution_problems_by_code():
    doc = dict(source_file="plan.pdf", status="success", institution=INSTITUTION, errors=[], n_actions=3,
               period_start=2026, period_end=2029,
               warnings=["unknown_headers: institution column header not recognised"],
               issues=[{"code": IssueCode.UNKNOWN_HEADERS.value, "severity": "warning", "stage": "interpret",
                        "message": "institution column header not recognised"},
                       {"code": IssueCode.INSTITUTION_NOT_IN_REGISTRY.value, "severity": "note",
                        "stage": "interpret", "message": "institution not in the registry (models/institutions.csv)"}])
    cov = coverage.coverage([doc], coverage.load_registry())
    [(plan, why)] = cov.unmatched
    assert plan.problem == "institution not in the registry (models/institutions.csv)"
    assert why == f"{INSTITUTION} is not in the registry"
