"""Institution registry (models/institutions.csv), name resolution through it, and the
coverage listing of signatories against the dataset."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from normalise.meta import load_institutions, resolve_institution
from tcpipe.tools import coverage

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "models" / "institutions.csv"
# The reference list the registry was seeded from (copied from ../shared/reference so the
# check runs on a clean clone).
SIGNATORIES = ROOT / "tests" / "reference" / "signatories_partial.csv"


def _registry() -> list[dict]:
    with open(REGISTRY, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_registry_file_is_well_formed():
    rows = _registry()
    assert list(rows[0]) == ["name", "aliases", "signed_year", "status", "source_url"]
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names)), "duplicate institution names"
    for r in rows:
        assert r["name"].strip() == r["name"] and r["name"]
        assert not r["signed_year"] or (r["signed_year"].isdigit() and 2016 <= int(r["signed_year"]) <= 2030)
        for alias in filter(None, r["aliases"].split("|")):
            assert alias.strip() == alias and alias not in names, f"{r['name']}: alias {alias!r}"
    assert {i.name for i in load_institutions()} == set(names)


def test_registry_is_seeded_from_the_signatory_list():
    with open(SIGNATORIES, newline="", encoding="utf-8") as fh:
        seeded = {r["organisation"].strip() for r in csv.DictReader(fh)}
    assert seeded <= {r["name"] for r in _registry()}


@pytest.mark.parametrize("text, file_name", [
    ("University of Essex Technician Commitment Action Plan 2024-27", "plan.pdf"),
    ("Essex technicians: our action plan", "plan.pdf"),
    ("", "essex-2024-27.pdf"),
    ("", "Essex_TC_Action_Plan_2020-2023.pdf"),
])
def test_essex_resolves_from_name_short_name_and_file_name(text, file_name):
    assert resolve_institution(text, file_name) == ("University of Essex", None)


@pytest.mark.parametrize("text, file_name, want", [
    ("UCL Technician Commitment action plan", "plan.pdf", "University College London"),
    ("", "heriot-watt-tc-plan.pdf", "Heriot-Watt University"),
    ("", "qub-action-plan-2022.pdf", "Queen's University Belfast"),
    ("Prifysgol Abertawe: Cynllun Gweithredu", "cynllun.pdf", "Swansea University"),
    # the full name wins over a short form that is ambiguous
    ("UoE: University of Exeter Technician Commitment action plan", "uoe.pdf", "University of Exeter"),
])
def test_aliases_resolve(text, file_name, want):
    assert resolve_institution(text, file_name) == (want, None)


@pytest.mark.parametrize("text, file_name, candidates", [
    ("UoE Technician Commitment action plan", "plan.pdf",
     {"University of Essex", "University of Edinburgh", "University of Exeter"}),
    ("", "uoe-action-plan.pdf", {"University of Essex", "University of Edinburgh", "University of Exeter"}),
    ("UoP technicians", "plan.pdf", {"University of Plymouth", "University of Portsmouth"}),
])
def test_ambiguous_names_are_flagged_not_guessed(text, file_name, candidates):
    name, warning = resolve_institution(text, file_name)
    assert name is None
    assert warning.startswith("institution ambiguous")
    assert {c.strip() for c in warning.split(":", 1)[1].split(",")} == candidates


def test_unknown_institutions_are_reported():
    assert resolve_institution("Technician Commitment action plan", "plan.pdf") == (None, "institution not found")
    name, warning = resolve_institution("University of Nowhere action plan", "plan.pdf")
    assert name == "University of Nowhere" and "not in the registry" in warning


def test_sample_plans_resolve(sample_run):
    _, _, documents = sample_run
    for d in documents:
        if d["status"] in ("success", "partial") and d["source_file"].lower().startswith(("essex", "portsmouth")):
            want = "University of Essex" if d["source_file"].lower().startswith("essex") else "University of Portsmouth"
            assert d["institution"] == want, d["source_file"]


def test_coverage_of_the_sample_dataset(sample_run):
    _, actions, documents = sample_run
    cov = coverage.coverage(documents, coverage.load_registry())
    by_name = {s.name: s for s in cov.signatories}
    read = [d for d in documents if d["status"] in ("success", "partial") and d["n_actions"]]
    assert read, "the sample run read no plan"
    for d in read:
        s = by_name[d["institution"]]
        assert s.coverage == "covered"
        want = coverage.Plan(d["source_file"], d["period_start"], d["period_end"], d["status"], 0).period
        assert want in [p.period for p in s.plans]
    covered = {d["institution"] for d in read}
    assert {s.name for s in cov.signatories if s.coverage == "covered"} == covered
    assert cov.counts()["missing"] == len(cov.signatories) - len(covered) - cov.counts()["failed"]
    assert sum(len(s.plans) for s in cov.signatories) + len(cov.unmatched) == len(documents)


def test_failed_files_are_matched_by_file_name(sample_run):
    _, _, documents = sample_run
    failed = dict(source_file="exeter-tc-action-plan-2023-26.pdf", status="failed", institution=None,
                  errors=["truncated_pdf: the file ends early"], warnings=[], n_actions=0,
                  period_start=None, period_end=None)
    mystery = dict(failed, source_file="scan0001.pdf")
    cov = coverage.coverage(list(documents) + [failed, mystery], coverage.load_registry())
    exeter = next(s for s in cov.signatories if s.name == "University of Exeter")
    assert exeter.coverage == "failed"
    assert [(p.source_file, p.period, p.problem) for p in exeter.plans] == \
           [("exeter-tc-action-plan-2023-26.pdf", "2023-2026", "truncated_pdf: the file ends early")]
    assert [(p.source_file, why) for p, why in cov.unmatched if p.source_file == "scan0001.pdf"] == \
           [("scan0001.pdf", "institution not found")]
    rows = coverage.rows(cov, "failed")
    assert [r["institution"] for r in rows] == ["University of Exeter"]


def test_coverage_cli(sample_run, tmp_path, capsys):
    out = sample_run[0].out_dir
    assert coverage.main(["--dataset", str(out)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("signatories in the registry:")
    for d in sample_run[2]:
        if d["n_actions"]:
            assert d["institution"] in text
    target = tmp_path / "coverage.json"
    assert coverage.main(["--dataset", str(out), "--only", "covered", "--output", str(target)]) == 0
    data = json.loads(target.read_text())
    assert {r["coverage"] for r in data["rows"]} <= {"covered"}
    assert coverage.main(["--dataset", str(tmp_path / "none")]) == 2
    with pytest.raises(SystemExit):
        coverage.main(["--help"])
    assert "example:" in capsys.readouterr().out
