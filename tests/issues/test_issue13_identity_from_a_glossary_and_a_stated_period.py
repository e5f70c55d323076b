"""Issue #13 item 1 (held-out zoo seeds 31337 and 5150, not-actions family): a progress note
whose title names neither the institution nor the period ("Technician Commitment: Our
Progress"), with a document-control table and a glossary at the top and the plan's own
sentence below ("Saint Aldric's College signed the Technician Commitment ... over the period
August 2026 to July 2028"):
- the institution came out as "ITSS Institute", read from the glossary entry "ITSS Institute
  for Technical Skills and Strategy" inside the title block's first lines: a term whose
  letters are the initials of the words after it is a defined acronym, no part of a name;
- with that gone the college, written once, was not taken: a name the registry lacks must
  recur, unless it is the only full name and opens a sentence (the document's own subject);
- the period was not found: it is now read from a sentence stating it (models/meta.yaml
  period_cues), where the title and top lines give none. A reportlab document."""
from __future__ import annotations

import io

import pytest

from tests.tableplans import run


def _pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table
    ss = getSampleStyleSheet()
    body = ss["BodyText"]
    story = [Paragraph("Technician Commitment: Our Progress", ss["Title"]), Spacer(1, 8),
             Paragraph("Document control", ss["Heading2"]),
             Table([["Version", "Date", "Author"], ["0.1", "12/01/2025", "TC Project Officer"],
                    ["1.0", "03/03/2025", "TC Lead"]]),
             Paragraph("Glossary", ss["Heading2"]),
             Table([["Term", "Definition"], ["ITSS", "Institute for Technical Skills and Strategy"],
                    ["RAG", "Red, amber, green: the status of an action"],
                    ["CPD", "Continuing professional development"]]),
             Paragraph("Background", ss["Heading2"]),
             Paragraph("Saint Aldric's College signed the Technician Commitment to support its technical staff. "
                       "This plan sets out what we will do over the period August 2026 to July 2028 and how we "
                       "will know we have succeeded.", body),
             Paragraph("Technical staff are essential to our research, teaching and knowledge exchange.", body)]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(story)
    return buf.getvalue()


@pytest.fixture(scope="module")
def doc():
    return run(_pdf(), "our-progress.pdf")[0]


def test_the_institution_is_the_document_s_own_not_a_glossary_entry(doc):
    assert doc["institution"] == "Saint Aldric's College"


def test_the_period_stated_in_a_sentence_is_read(doc):
    assert (doc["period_start"], doc["period_end"]) == (2026, 2028)


def _wrapped_title_pdf() -> bytes:
    """Held-out seed 2718 not-actions-000: the title wraps inside the name ("About the Technician
    Commitment at Dunmere" / "College of Technology"); read line by line, the tail "College of
    Technology" (title-block weight) beat the whole name written once in the text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    ss = getSampleStyleSheet()
    story = [Paragraph("About the Technician Commitment at Tormouth<br/>College of Technology", ss["Title"]),
             Paragraph("Background", ss["Heading2"]),
             Paragraph("Tormouth College of Technology signed the Technician Commitment to support its technical "
                       "staff. This plan sets out what we will do over the period 2026-2029.", ss["BodyText"])]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(story)
    return buf.getvalue()


def test_a_name_wrapped_in_the_title_is_read_whole():
    doc = run(_wrapped_title_pdf(), "about.pdf")[0]
    assert doc["institution"] == "Tormouth College of Technology"
    assert (doc["period_start"], doc["period_end"]) == (2026, 2029)
