"""Blind round 10 (pennick, owner 0.08, pillars 0.53): a RACI matrix, action rows across role
columns ("TC Lead", "HR", "Heads of School", "Technician Network", ...) holding R / A / C / I.
The column headed "TC Lead" was taken as the owner (its header holds "lead"), so the owner was
a letter; "Technician Network"'s letters were read as pillar tags (R -> Recognition, C -> Career
Development) over the section's pillar; "HR"'s letters and fills as RAG statuses in a plan.

Two or more adjacent columns under headers whose filled cells hold only letters of one small
set (R/A/C/I), at least three of them used and one A a row at most, are a responsibility
matrix (normalise/responsibility.py): the owner is the role marked R (several joined in column
order), else the role marked A; its columns are no owner, pillar or RAG column; the matrix is
kept as one extra field.

The matrix here is drawn in the test (reportlab) with other roles and wording than the blind
file's: a "Project Lead" column among the roles, cells shaded by letter, pillar section rows
across the table, and rows with no R (the owner is then the role marked A)."""
from __future__ import annotations

from tests.tableplans import run, table_pdf

ROLES = ["Project Lead", "People Team", "Faculty Managers", "Technician Forum", "Estates"]
SHADE = {"R": "#F4B183", "A": "#FFD966", "C": "#BDD7EE", "I": "#E7E6E6"}
SECTIONS = [("Priority one – Visibility", "V", [
    ("V1", "Print a yearbook of technical teams and the work they support", ["R", "A", "C", "I", ""], "Summer 2026"),
    ("V2", "Name technical staff on every research poster the school prints", ["A", "", "R", "C", ""], "From 2026"),
    ("V3", "Open the workshops to visiting school groups twice a year", ["C", "", "A", "R", "R"], "Each term")]),
    ("Priority two – Recognition", "R", [
    ("R1", "Add a technician category to the vice-chancellor's awards", ["C", "A", "", "I", ""], "March 2027"),
    ("R2", "Pay the first year of professional registration for every technician", ["I", "R", "C", "", "A"], "2026-27"),
    ("R3", "Record technical contributions in the research information system", ["R", "C", "A", "C", "I"], "Ongoing")]),
    ("Priority three – Career development", "CD", [
    ("C1", "Set aside five training days a year for each technician", ["A", "R", "C", "I", ""], "From September 2026"),
    ("C2", "Offer secondments between the faculties' workshops", ["C", "I", "R", "A", ""], "2027")])]


def _owner(marks: list[str]) -> str:
    for letter in ("R", "A"):
        roles = [r for r, m in zip(ROLES, marks) if m == letter]
        if roles:
            return ", ".join(roles)
    return ""


def _pdf() -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph
    style = getSampleStyleSheet()["BodyText"]
    data = [["Ref", "Action"] + [Paragraph(f"<b>{r}</b>", style) for r in ROLES] + ["Target"]]
    styles = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
              ("ALIGN", (2, 1), (-2, -1), "CENTER")]
    for title, _, items in SECTIONS:
        styles.append(("SPAN", (0, len(data)), (-1, len(data))))
        data.append([title] + [""] * (len(ROLES) + 2))
        for ref, action, marks, due in items:
            r = len(data)
            for k, m in enumerate(marks):
                if m:
                    styles.append(("BACKGROUND", (2 + k, r), (2 + k, r), colors.HexColor(SHADE[m])))
            data.append([ref, Paragraph(action, style)] + marks + [due])
    return table_pdf(data, styles, [35, 300] + [62] * len(ROLES) + [95],
                     intro="Marlow Vale University – Technician Commitment plan 2026–2028: who does what")


def test_owner_is_the_role_marked_r_else_a_pillars_from_the_sections_no_rag():
    doc, rows = run(_pdf(), "marlow-vale-raci.pdf")
    items = [(ref, action, marks, pillar) for _, pillar, its in SECTIONS for ref, action, marks, _ in its]
    assert [r["action_id"] for r in rows] == [ref for ref, _, _, _ in items]
    assert [r["owner"] for r in rows] == [_owner(marks) for _, _, marks, _ in items]
    assert [r["pillars_document"] for r in rows] == [[p] for _, _, _, p in items]
    assert [r["rag_status"] for r in rows] == [None] * len(items)
    matrix = [dict((f["header"], f["text"]) for f in r["extra_fields"]).get("responsibility") for r in rows]
    assert matrix[0] == "Project Lead: R; People Team: A; Faculty Managers: C; Technician Forum: I"
    assert all(matrix)
