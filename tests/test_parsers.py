"""The tag, id, timeframe and header parsers, on the forms the domain notes list, plus
property-based checks that they never crash and never invent."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalise.headers import map_headers, role_of
from normalise.subactions import split_aim_id
from normalise.tags import parse_other_tags, parse_pillars, parse_talent, strip_tags
from normalise.timeframe import parse_timeframe


@pytest.mark.parametrize("text, codes", [
    ("V, S, CD", ("V", "S", "CD")),
    ("V, S, R, CD", ("V", "S", "R", "CD")),
    ("Visibility (V1) Sustainability (S1)", ("V", "S")),
    ("Commitment areas: Visibility, Career Development", ("V", "CD")),
    ("Visibility and sustainability", ("V", "S")),
    ("Recognition (R3)", ("R",)),
    ("", ()),
])
def test_pillar_forms(text, codes):
    assert parse_pillars(text) == codes


def test_pillar_codes_not_read_from_running_text():
    assert parse_pillars("Send the report to S Smith and V Jones", allow_codes=False) == ()


@pytest.mark.parametrize("text, ids", [
    ("[TCR - R2, R7 and R9]", ("R2", "R7", "R9")),
    ("[TCR – R4 and R8]", ("R4", "R8")),
    ("V2 – Ensure ... [TCR - R12]", ("R12",)),
    ("[TCR - R1 and R3] [T-PIKE WP1, WP2, WP3 and WP4]", ("R1", "R3")),
    ("Recognition (R3)", ()),
    ("[TCR - R17]", ()),
])
def test_talent_citations(text, ids):
    assert parse_talent(text) == ids


def test_other_tags_expand_lists():
    assert parse_other_tags("[TCR - R1 and R3] [T-PIKE WP1, WP2, WP3 and WP4]") == (
        "T-PIKE WP1", "T-PIKE WP2", "T-PIKE WP3", "T-PIKE WP4")
    assert parse_other_tags("[T-PIKE WP2]") == ("T-PIKE WP2",)


def test_strip_tags_leaves_the_statement():
    assert strip_tags("Ensure representation on committees. [TCR - R12] [T-PIKE WP2]") == \
        "Ensure representation on committees."


@pytest.mark.parametrize("text, expected", [
    ("V1 – To have a formal mechanism", ("V1", "To have a formal mechanism")),
    ("S4 - Strengthen networks", ("S4", "Strengthen networks")),
    ("CD2 – Ensure technicians", ("CD2", "Ensure technicians")),
    ("Continue the group", (None, "Continue the group")),
])
def test_aim_ids(text, expected):
    assert split_aim_id(text) == expected


@pytest.mark.parametrize("header, role", [
    ("Aim", "aim"), ("Objective", "aim"), ("Actions", "action_text"), ("What we will do", "action_text"),
    ("Success Measures", "success_measures"), ("Key Outputs", "success_measures"), ("KPI", "success_measures"),
    ("Time frame", "timeframe"), ("Target Date", "timeframe"), ("By when", "timeframe"),
    ("Responsible", "owner"), ("Person Responsible", "owner"), ("Stakeholders", "owner"), ("Lead", "owner"),
    ("TC Pillar", "pillar_tags"), ("Link to TC", "pillar_tags"), ("Commitment areas", "pillar_tags"),
    ("RAG", "rag_status"), ("Progress & Next Steps", "progress"), ("Resources", "resources"),
    ("Comments", "comments"), ("Notes for auditors", "unknown"),
])
def test_header_roles(header, role):
    assert role_of(header) == role


def test_unknown_header_is_kept_and_reported():
    hmap = map_headers(("Aim", "Actions", "Notes for auditors"))
    assert hmap.roles == ("aim", "action_text", "unknown")
    assert hmap.unknown == ("Notes for auditors",)


@pytest.mark.parametrize("text, due, recurrence", [
    ("by December 2024", dt.date(2024, 12, 31), "once"),
    ("Termly", None, "termly"),
    ("Ongoing", None, "ongoing"),
    ("April 2021, 2022 and 2023", dt.date(2023, 4, 30), "annual"),
    ("Start April 2021 then reviewed annually", dt.date(2021, 4, 30), "annual"),
    ("End of January 2021", dt.date(2021, 1, 31), "once"),
    ("Annual review in the spring term.", None, "annual"),
    ("In line with the T-PIKE project timeline.", None, None),
    ("Y1-3", dt.date(2027, 7, 31), "once"),
])
def test_timeframes(text, due, recurrence):
    assert parse_timeframe(text, 2024, 2027) == (due, recurrence)


# Property-based: arbitrary text never crashes a parser, and ids come only from citations.
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_parsers_total_on_any_text(text):
    assert set(parse_pillars(text)) <= {"V", "R", "CD", "S", "EI"}
    for rid in parse_talent(text):
        assert rid.startswith("R") and 1 <= int(rid[1:]) <= 16
    parse_other_tags(text)
    strip_tags(text)
    parse_timeframe(text, 2024, 2027)
    map_headers((text,))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=16), min_size=1, max_size=5, unique=True))
def test_talent_roundtrip(nums):
    body = ", ".join(f"R{n}" for n in nums[:-1]) + (" and " if len(nums) > 1 else "") + f"R{nums[-1]}"
    assert parse_talent(f"[TCR - {body}]") == tuple(f"R{n}" for n in nums)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(whitelist_categories=("L", "N", "Zs")), max_size=80))
def test_no_talent_without_citation(text):
    assert parse_talent(text) == ()


def test_ocr_id_repair_and_words_that_are_not_ids():
    from normalise.subactions import repair_ocr_id

    assert [repair_ocr_id(t) for t in ("$1", "v2", "Cl", "cs", "S2.a")] == ["S1", "V2", "C1", "C5", "S2.a"]
    # deciding whether a column holds ids: ordinary words stay words
    assert [repair_ocr_id(t, require_digit=True) for t in ("All", "To", "No", "is", "Will")] == \
        ["All", "To", "No", "is", "Will"]
    assert [repair_ocr_id(t, require_digit=True) for t in ("$1", "v2", "C4.")] == ["S1", "V2", "C4"]
