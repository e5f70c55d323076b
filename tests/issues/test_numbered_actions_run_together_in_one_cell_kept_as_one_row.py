"""Blind round 7 (cranmere): a table whose Actions cell holds its objective's actions in running
text, "1) Set up a directory ... (Lead: Digital Services) 2) Add a spotlight ... (Lead: Internal
Comms) 3) ...", gave one row per objective (8 of 20 actions): numbers continued inline only
for lettered, roman and dotted lists. "2) " after "1)" inside the text now opens the next item
as "b) " after "a)" does (normalise.subactions), and each item's closing "(Lead: X)" is its
owner without its label (rows._bracket_value)."""
from __future__ import annotations

from tests.tableplans import ruled_pdf, run

ACTIONS = {"V1": [("Set up a searchable directory of technical staff and their expertise", "Digital Services"),
                  ("Add a technician spotlight to the monthly all-staff newsletter", "Internal Comms"),
                  ("Map technicians working outside faculties, including Estates and IT", "HR")],
           "V2": [("Elect two technician members to the Staff Consultative Forum", "Technical Network"),
                  ("Include technicians on interview panels for senior technical posts", "HR")]}


def _rows() -> list[list[str]]:
    return [[ref, f"Objective {ref}", " ".join(f"{n}) {text} (Lead: {lead})" for n, (text, lead) in
                                             enumerate(items, start=1)), "By July 2026"]
            for ref, items in ACTIONS.items()]


def test_each_number_in_the_running_text_is_an_action_with_its_lead():
    _, rows = run(ruled_pdf(["Ref", "Objective", "Actions", "Timescale"], _rows(),
                            col_widths=[40, 150, 420, 120]), "cranmere-like.pdf")
    got = [(r["action_id"], r["action_text"], r["owner"]) for r in rows]
    want = [(f"{ref}.{n}", text, lead) for ref, items in ACTIONS.items()
            for n, (text, lead) in enumerate(items, start=1)]
    assert got == want, got
