"""Plan identity (issue 13, point 1): institution, period and title read from the title
block, running headers and the document's own full names; the registry resolves but never
overrides what the document says. Each failure case the issue names has a test."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from normalise.meta import document_meta, is_breadcrumb, resolve_institution, title_of

ROOT = Path(__file__).resolve().parent.parent


def test_the_university_is_not_an_institution():
    text = ("The University is proud of its technicians.\n"
            "The University of Northbridge Technician Commitment Action Plan 2024-27\n"
            "The University will report progress each year.")
    meta, warnings = document_meta(text, "plan.pdf")
    assert meta.institution == "University of Northbridge"
    assert any("not in the registry" in str(w) for w in warnings)


def test_full_name_in_the_title_wins_over_an_ambiguous_short_form():
    text = ("University of\nEssex Technician Commitment Action Plan 2024-2027\n"
            "Technicians add details to their UoE website staff profile.\nUoE staff survey results.")
    assert resolve_institution(text, "tc-plan.pdf") == ("University of Essex", None)


def test_registry_resolves_but_never_overrides_the_documents_name():
    text = ("University of Northbridge\nTechnician Commitment Action Plan September 2021 to August 2024\n"
            "We work with partners in the region, including the University of Essex, to share good practice.\n"
            "University of Northbridge – Technician Commitment Action Plan 2021-24")
    inst, warning = resolve_institution(text, "plan.pdf")
    assert inst == "University of Northbridge" and "registry" in warning
    # a name the registry holds is given its canonical form
    assert resolve_institution("Keele University Technician Commitment Action Plan", "x.pdf") == ("Keele University", None)


def test_a_breadcrumb_is_not_the_title():
    lines = ["Home › Staff directory › Technician Commitment", "Technician Commitment Action Plan 2022-2025",
             "Our plan for technicians"]
    assert is_breadcrumb(lines[0]) and not is_breadcrumb(lines[1])
    assert title_of(lines) == "Technician Commitment Action Plan 2022-2025"
    meta, _ = document_meta("\n".join(["Home » About us » People", "Supporting our technicians", "Page 1"]), "p.pdf")
    assert meta.plan_title == "Supporting our technicians"


def test_a_title_cut_by_a_line_break_is_joined():
    lines = ["Technician Commitment Action Plan August 2024 to July 2027 (last", "updated 03/07/24)", "Introduction"]
    assert title_of(lines) == "Technician Commitment Action Plan August 2024 to July 2027 (last updated 03/07/24)"
    lines = ["Technician Commitment Action Plan for", "2023 to 2026", "Introduction"]
    meta, _ = document_meta("\n".join(lines), "p.pdf")
    assert meta.plan_title == "Technician Commitment Action Plan for 2023 to 2026"
    assert (meta.period_start, meta.period_end) == (2023, 2026)


@pytest.mark.parametrize("name", ["essex-2020-23-action-plan", "essex-2024-27-action-plan",
                                  "essex-2024-27-progress-report", "portsmouth-action-plan"])
def test_sample_documents_identity(sample_run, name):
    _, _, documents = sample_run
    exp = json.loads((ROOT / "tests" / "expected" / f"{name}.json").read_text())
    doc = next(d for d in documents if d["source_file"] == f"{name}.pdf")
    assert doc["institution"] == exp["institution"]
    assert (doc["period_start"], doc["period_end"]) == (exp["period_start"], exp["period_end"])
    assert doc["plan_title"].startswith(exp["plan_title"])


def test_report_date_from_the_title_block():
    from normalise.meta import report_date_of
    import datetime as dt
    assert report_date_of(["Technician Commitment Action Plan 2024-27", "Progress report, July 2025 (end of year 1)"]) \
        == dt.date(2025, 7, 31)
    assert report_date_of(["Technician Commitment Action Plan August 2024 to July 2027"]) is None


@pytest.mark.parametrize("text, name", [
    ("Harrowgate Institute of Science Technician Commitment Action Plan 2023-2026", "Harrowgate Institute of Science"),
    ("Royal Fenwick Institute – Technician Commitment Action Plan", "Royal Fenwick Institute"),
    ("University of Calder Vale\nTechnician Commitment Action Plan 2022-25", "University of Calder Vale"),
    ("Kelmscott University Technician Commitment Action Plan\nKelmscott University", "Kelmscott University"),
    ("Northmoor Research Institute: Action Plan 2024", "Northmoor Research Institute"),
    ("Saint Aldric's University Action Plan 2022-2025", "Saint Aldric's University"),
])
def test_names_the_registry_lacks_are_read_whole(text, name):
    inst, warning = resolve_institution(text, "plan.pdf")
    assert inst == name and "registry" in warning
