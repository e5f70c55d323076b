"""Plans laid out unlike the samples, drawn here with reportlab (real PDFs, real pipeline):
other column names and order, a merged pillar column written as "Visibility (V1)
Sustainability (S1)", RAG as word or letter, a progress column, bare dotted ids, bullets,
and a narrative plan with "Objective N" headings and other field labels."""
from __future__ import annotations


import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from tcpipe.pipeline import process_bytes

STYLE = getSampleStyleSheet()


def _p(text: str, style: str = "BodyText") -> Paragraph:
    return Paragraph(text, STYLE[style])


@pytest.fixture(scope="module")
def progress_plan(tmp_path_factory) -> list[dict]:
    head = ["Ref", "Planned actions", "Lead", "By when", "Link to TC", "RAG", "Progress to date"]
    rows = [
        ["1.1", _p("Create a technician network across all faculties. [TCR - R2 and R5]"),
         _p("Head of Technical Services"), _p("December 2025"), _p("Visibility (V1)<br/>Sustainability (S1)"),
         "Green", _p("Network launched in May.")],
        ["1.2", _p("a) Publish an annual technician newsletter<br/>b) Hold an annual celebration event"),
         _p("Comms team"), _p("Annually"), _p("Visibility"), "Amber", _p("Newsletter drafted.")],
        ["2.1", _p("• Fund professional registration fees<br/>• Provide mentoring for applicants"),
         _p("HR"), _p("By July 2026"), _p("Recognition, Career Development"), "R", _p("Funding not yet agreed.")],
    ]
    table = Table([head] + rows, colWidths=[35, 230, 90, 70, 110, 40, 150], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    path = tmp_path_factory.mktemp("unseen") / "exampleton-progress.pdf"
    SimpleDocTemplate(str(path), pagesize=landscape(A4), invariant=1).build(
        [_p("University of Exampleton Technician Commitment Action Plan 2025-2028"), Spacer(1, 12), table])
    result = process_bytes(path.read_bytes(), path.name)
    assert result.document.to_pylist()[0]["status"] == "success"
    return result.actions.to_pylist()


def test_ids_and_text(progress_plan):
    assert [(r["action_id"], r["parent_id"], r["action_text"]) for r in progress_plan] == [
        ("1.1", "1", "Create a technician network across all faculties."),
        ("1.2.a", "1.2", "Publish an annual technician newsletter"),
        ("1.2.b", "1.2", "Hold an annual celebration event"),
        (None, "2.1", "Fund professional registration fees"),
        (None, "2.1", "Provide mentoring for applicants"),
    ]


def test_fields_tags_and_status(progress_plan):
    got = [(r["owner"], r["timeframe"], r["pillars_document"], r["talent_document"], r["rag_status"], r["progress"])
           for r in progress_plan]
    assert got == [
        ("Head of Technical Services", "December 2025", ["V", "S"], ["R2", "R5"], "green", "Network launched in May."),
        ("Comms team", "Annually", ["V"], [], "amber", "Newsletter drafted."),
        ("Comms team", "Annually", ["V"], [], "amber", "Newsletter drafted."),
        ("HR", "By July 2026", ["R", "CD"], [], "red", "Funding not yet agreed."),
        ("HR", "By July 2026", ["R", "CD"], [], "red", "Funding not yet agreed."),
    ]
    assert [str(r["due_date"]) for r in progress_plan] == ["2025-12-31", "None", "None", "2026-07-31", "2026-07-31"]
    assert [r["recurrence"] for r in progress_plan] == ["once", "annual", "annual", "once", "once"]


def test_narrative_with_objective_headings(tmp_path):
    story = [_p("Exampleton Institute: Technician Commitment Action Plan 2025 to 2028", "Title")]
    for n, (statement, support, measure, who, areas) in enumerate([
            ("Publish technician profiles", "Collect profiles from every team.", "Profiles online.", "Comms", "Visibility"),
            ("Fund registration fees", "Agree a central budget.", "Ten registrations a year.", "HR", "Recognition"),
    ], start=1):
        story += [_p(f"Objective {n}", "Heading2"), _p(f"<b>{statement}</b>"),
                  _p("<b>Supporting actions:</b> " + support), _p("<b>Success measure:</b> " + measure),
                  _p("<b>Lead:</b> " + who), _p("<b>Commitment areas:</b> " + areas), Spacer(1, 8)]
    path = tmp_path / "exampleton-narrative.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    result = process_bytes(path.read_bytes(), path.name)
    rows = result.actions.to_pylist()
    assert [(r["action_id"], r["action_text"], r["supporting_actions"], r["success_measures"], r["owner"],
             r["pillars_document"]) for r in rows] == [
        ("1", "Publish technician profiles", "Collect profiles from every team.", "Profiles online.", "Comms", ["V"]),
        ("2", "Fund registration fees", "Agree a central budget.", "Ten registrations a year.", "HR", ["R"]),
    ]
    assert result.document.to_pylist()[0]["layout"] == "narrative"


def test_numbered_lists_under_pillar_headings(tmp_path):
    story = [_p("Technician Commitment Action Plan 2025-2028: Exampleton College", "Title"),
             _p("This plan sets out what we will do. The steps below are numbered: 1. consult, 2. act.")]
    plan = {"Visibility": ["Create a technician network across all faculties and publish its meeting notes "
                           "on the staff intranet every term.", "Publish technician profiles."],
            "Recognition": ["Fund professional registration fees. [TCR - R4]"],
            "Career Development": ["Offer a secondment scheme.", "Run a mentoring programme for new staff."]}
    n = 0
    for heading, items in plan.items():
        story.append(_p(heading, "Heading2"))
        for text in items:
            n += 1
            story.append(_p(f"{n}. {text}"))
    story += [Spacer(1, 12), _p("We will review this plan every year with the Steering Group.")]
    path = tmp_path / "exampleton-lists.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    result = process_bytes(path.read_bytes(), path.name)
    rows = result.actions.to_pylist()
    assert [(r["action_id"], r["section"], r["pillars_document"], r["talent_document"], r["action_text"])
            for r in rows] == [
        ("1", "Visibility", ["V"], [], "Create a technician network across all faculties and publish its meeting "
                                       "notes on the staff intranet every term."),
        ("2", "Visibility", ["V"], [], "Publish technician profiles."),
        ("3", "Recognition", ["R"], ["R4"], "Fund professional registration fees."),
        ("4", "Career Development", ["CD"], [], "Offer a secondment scheme."),
        ("5", "Career Development", ["CD"], [], "Run a mentoring programme for new staff."),
    ]
    assert result.document.to_pylist()[0]["layout"] == "numbered_list"
