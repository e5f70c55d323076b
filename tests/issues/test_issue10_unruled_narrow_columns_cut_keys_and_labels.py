"""Issue #10 (held-out zoo seed 31337, unruled-000: precision 0.86, owner 0.24, 9 junk rows):
a whitespace table of seven narrow columns, where the Word export cut whatever did not fit:
the row keys ("CD" over "2"), a header label inside its word ("Accountabl" / "e lead", and
"Ite" / "m" / "ref" over three lines) and pillar names ("Career D" / "evelopm" / "ent").
The key's second part was read as the key, so each row took the next row's first line; the
header's third line became a section "ref" on every page, cutting the row that went on
overleaf in two; and the cut label "Accountabl e lead" named no role, so the pillar column
was read as the owner.

Now a key cut by its column opens the row at its first part, a header's wrapped lines are
merged however many there are (also the tail under a repeated header), and a line ending
in letters that are no word, followed by lower-case letters that complete one, is joined
without a space (extract/text.mark_words_cut_unseen). A reportlab table with no rules."""
from __future__ import annotations

import io

import pytest

from tests.tableplans import LEADS, plan_rows, run

PILLARS = [("V", "Visibilit<br/>y", "Visibility"), ("CD", "Career D<br/>evelopm<br/>ent", "Career Development"),
           ("S", "Sustaina<br/>bility", "Sustainability")]
ITEMS = plan_rows(24, seed=31)
HEADER = ["Ite<br/>m<br/>ref", "Activity description", "Strand", "Accountabl<br/>e lead", "Timeline"]


def _row(i: int) -> tuple[str, str, str, str]:
    code, printed, name = PILLARS[i % 3]
    return f"{code}{i + 1}", printed, name, LEADS[i % len(LEADS)]


def _pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    style = getSampleStyleSheet()["BodyText"]
    data = [[Paragraph(f"<b>{h}</b>", style) for h in HEADER]]
    for i, item in enumerate(ITEMS):
        key, printed, _, lead = _row(i)
        cut_key = f"{key[:-len(str(i + 1))]}<br/>{i + 1}"      # "CD" over "2"
        data.append([Paragraph(cut_key, style), Paragraph(item.action, style), Paragraph(printed, style),
                     Paragraph(lead, style), Paragraph("Ongoing", style)])
    table = Table(data, colWidths=[34, 250, 56, 90, 60], repeatRows=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1, topMargin=56).build(
        [Paragraph("Hollins Institute Technician Commitment Action Plan 2025-2028", style), Spacer(1, 12), table])
    return buf.getvalue()


@pytest.fixture(scope="module")
def plan():
    return run(_pdf(), "unruled-narrow-columns.pdf")


def test_one_row_per_action_with_its_whole_key(plan):
    doc, got = plan
    assert doc["page_count"] >= 2
    assert [r["action_text"] for r in got] == [it.action for it in ITEMS], doc["warnings"]
    assert [r["action_id"] for r in got] == [_row(i)[0] for i in range(len(ITEMS))]


def test_the_label_cut_inside_its_word_still_names_the_owner(plan):
    doc, got = plan
    roles = {r["header"]: r["role"] for r in doc["table_roles"]}
    assert roles.get("Accountable lead") == "owner", doc["table_roles"]
    assert roles.get("Item ref") == "ref"
    assert [r["owner"] for r in got] == [_row(i)[3] for i in range(len(ITEMS))]
    assert [r["pillars_document"] for r in got] == [[PILLARS[i % 3][0]] for i in range(len(ITEMS))]
