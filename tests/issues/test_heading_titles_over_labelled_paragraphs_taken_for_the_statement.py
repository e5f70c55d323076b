"""Blind round 7 (ellesmere-vale, a Word plan with no tables): pillars as Heading 1, objectives
as Heading 2, each action a Heading 3 short title ("Paid registration") over labelled
paragraphs "What we will do: ...", "Who: ...", "By when: ...", "How we will know: ...". 0 of
16: the short title was taken for the action, the statement kept as an unknown extra field,
"How we will know" read as supporting actions, and the Heading 1 pillar lost (the section was
the objective, the pillars the model's guess).

Now the field whose values state the blocks' actions (filled in most blocks, sentences of
intent longer than the headings, while the headings are no statements: models/extract.yaml
blocks.statement_*) is the action, the heading its title (extra field 'title'); the label's
words play no part, so "Action:", "We will:" and "Activity:" read alike. Where the heading
itself states the action and the fields are only Owner / Date, the heading stays the action.
A recurring heading with no blocks of its own set above the objectives' headings is the
blocks' section (blocks.upper_headings), the objective their aim. Word documents made with
python-docx and printed by LibreOffice; the texts are written for the test."""
from __future__ import annotations

import pytest

from tests.tableplans import docx_pdf, run

THEMES = [  # (pillar, objective, [(title, statement, owner, date, measure)])
    ("Visibility", "Objective 1: Make technical work seen across the institute", [
        ("Laboratory door names", "Put the names of the technical team on every laboratory door", "Estates Office",
         "March 2026", "Names on all doors in the main building"),
        ("Staff news profiles", "Publish a profile of one technician in each issue of the staff newsletter",
         "Communications Team", "Termly", "Three profiles a year"),
    ]),
    ("Visibility", "Objective 2: Bring technicians into decisions", [
        ("Committee seats", "Reserve a seat for a technician on each faculty operations committee",
         "Faculty Deans", "October 2025", "Every committee has a technical member"),
    ]),
    ("Recognition", "Objective 3: Reward technical skill", [
        ("Registration fees", "Cover the fees of technicians seeking professional registration",
         "Head of Technical Services", "Ongoing", "Registrations double by 2028"),
        ("Excellence prize", "Add a technical excellence category to the annual staff prizes",
         "Awards Panel", "June 2026", "Prize presented each year"),
    ]),
    ("Career Development", "Objective 4: Open routes to progress", [
        ("Secondments", "Offer six-month secondments between technical teams in different faculties",
         "HR Partners", "From January 2026", "Four secondments a year"),
        ("Study time", "Give every technician a day each month for accredited study",
         "Line Managers", "September 2026", "Uptake recorded in appraisals"),
    ]),
]


def _plan(label: str | None):
    """Pillars as Heading 1, objectives as Heading 2, each action a Heading 3 over labelled
    paragraphs. `label`: the statement's field label, under a short title; None: the heading
    states the action and the paragraphs are only its owner and date."""
    def build(doc):
        doc.add_heading("Technician Commitment Action Plan 2025-2028", 0)
        doc.add_paragraph("University of Exampleton")
        doc.add_paragraph("This plan sets out what the University will do under each theme of the Technician "
                          "Commitment. Each objective lists the actions we will take, who leads them and when.")
        pillar = None
        for k, (pil, objective, actions) in enumerate(THEMES):
            if pil != pillar:
                doc.add_heading(f"Theme {len({p for p, *_ in THEMES[:k + 1]})}: {pil}", 1)
                pillar = pil
            doc.add_heading(objective, 2)
            for title, statement, owner, date, measure in actions:
                doc.add_heading(title if label else statement, 3)
                fields = ([(label, statement + ".")] if label else []) + [("Owner", owner), ("Date", date)] \
                    + ([("How we will know", measure)] if label else [])
                for lab, value in fields:
                    para = doc.add_paragraph()
                    para.add_run(lab + ": ").bold = True
                    para.add_run(value)
        doc.add_heading("Review", 1)
        doc.add_paragraph("The Technician Commitment Group will review this plan each autumn.")
    return docx_pdf(build)


EXPECTED = [(pil, objective.split(": ", 1)[1], statement, owner, date)
            for pil, objective, actions in THEMES for _, statement, owner, date, _ in actions]


@pytest.mark.parametrize("label", ["Action", "We will", "Activity"])
def test_field_stating_the_action_under_a_short_heading_is_the_action(label):
    doc, got = run(_plan(label), f"plan-{label.replace(' ', '-').lower()}.pdf")
    assert [(r["action_text"].rstrip("."), r["owner"], r["timeframe"]) for r in got] \
        == [(statement, owner, date) for _, _, statement, owner, date in EXPECTED]
    titles = [title for *_, actions in THEMES for title, *_ in actions]
    assert [[(f["header"], f["text"]) for f in r["extra_fields"]] for r in got] == [[("title", t)] for t in titles]
    assert [r["success_measures"] for r in got] == [m for *_, actions in THEMES for *_, m in actions]
    assert [r["aim"] for r in got] == [aim for _, aim, *_ in EXPECTED]
    assert [r["section"].split(": ", 1)[1] for r in got] == [pil for pil, *_ in EXPECTED]
    assert [r["pillars_source"] for r in got] == ["document"] * len(EXPECTED)
    assert not doc["unknown_headers"]


def test_heading_stating_the_action_over_owner_and_date_stays_the_action():
    _, got = run(_plan(None), "plan-headings.pdf")
    assert [(r["action_text"].rstrip("."), r["owner"], r["timeframe"]) for r in got] \
        == [(statement, owner, date) for _, _, statement, owner, date in EXPECTED]
    assert [r["aim"] for r in got] == [aim for _, aim, *_ in EXPECTED]
    assert [r["section"].split(": ", 1)[1] for r in got] == [pil for pil, *_ in EXPECTED]
