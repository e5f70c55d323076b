"""Issue #13 item 1 (institution right on every document): a plan whose pages never print
its institution's name (a progress report headed only "Technician Commitment Stage 2 Action
Plan 2019-2021 - Update March 2020", zoo progress-report-001; zoo2 numbered-lists-004,
per-pillar-tables-006) still names it in the PDF's Author property, as Word and LibreOffice
exports do (and a browser's print its page title). The pages decide when they name one; the
properties only fill the gap, and a person's name there names no institution."""
from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract import pdf_to_document
from extract.issues import IssueCode
from normalise import interpret_document

ACTIONS = ["Publish a directory of technical staff and their skills",
           "Hold an annual technician conference with external speakers",
           "Fund professional registration fees for every technician who asks"]


def _pdf(author: str | None, title: str | None = None, printed: str | None = None) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    if author:
        c.setAuthor(author)
    if title:
        c.setTitle(title)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(50, 800, "Technician Commitment Stage 2 Action Plan 2019-2021 - Update March 2020")
    c.setFont("Helvetica", 10)
    if printed:
        c.drawString(50, 780, f"Prepared by the technician steering group of {printed}.")
    for n, a in enumerate(ACTIONS, start=1):
        c.drawString(50, 740 - 20 * n, f"{n}. {a}")
    c.showPage()
    c.save()
    return buf.getvalue()


def _read(data: bytes):
    norm = interpret_document(pdf_to_document(data, "plan.pdf"))
    return norm.meta.institution, {i.code: i.message for i in norm.warnings + norm.notes}


def test_institution_only_in_the_author_property_is_read_and_said():
    inst, issues = _read(_pdf("Northmoor Research Institute"))
    assert inst == "Northmoor Research Institute"
    assert "Author" in issues[IssueCode.INSTITUTION_FROM_PROPERTIES]
    assert IssueCode.INSTITUTION_UNCERTAIN not in issues


def test_browser_page_title_names_the_institution():
    inst, _ = _read(_pdf(None, title="Technician Commitment | University of Essex"))
    assert inst == "University of Essex"


def test_a_person_as_author_names_no_institution():
    inst, issues = _read(_pdf("J. Smith"))
    assert inst is None
    assert IssueCode.INSTITUTION_UNCERTAIN in issues


def test_the_pages_win_over_the_properties():
    inst, issues = _read(_pdf("University of Essex", printed="Kelmscott University"))
    assert inst == "Kelmscott University"
    assert IssueCode.INSTITUTION_FROM_PROPERTIES not in issues
    # the note names what was kept and where it was read, not just "not in the registry"
    assert "'Kelmscott University'" in issues[IssueCode.INSTITUTION_NOT_IN_REGISTRY]


def test_name_ends_at_the_first_word_that_cannot_be_in_it():
    """zoo scans-015: an OCR'd title "Harrowgate Institute of Science Technician Commiiment
    Action Plan" kept the misread word as part of the name (only trailing stop words were
    trimmed)."""
    from normalise.meta import full_names
    names = full_names("Harrowgate Institute of Science Technician Commiiment Action Plan 2027 to 2029")
    assert list(names) == ["Harrowgate Institute of Science"]
