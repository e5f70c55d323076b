"""Golden comparisons: every sample plan in data/raw against its hand-checked expected rows
(tests/expected, written from the hand-repaired plans in tests/plans) and against a
snapshot of the full output (tests/golden, rewritten only with --update-golden)."""
from __future__ import annotations

import difflib
import json

import pytest

from tests.conftest import EXPECTED, GOLDEN, RAW, load_expected, norm_ws

SAMPLES = sorted(p for p in EXPECTED.glob("*.json") if (RAW / load_expected(p)["source_file"]).exists())
FIELDS_EXACT = ("action_id", "parent_id", "section", "pillars_document", "talent_document", "other_tags")
FIELDS_TEXT = ("aim", "success_measures", "timeframe", "owner", "resources")
# A scan is read by OCR: the bar there is similarity, not identity (issue 3: mean >= 0.95).
OCR_MIN_MEAN_SIMILARITY = 0.95
OCR_MIN_SHARE_EQUAL = 0.9
# What the detected layout must be for each kind of sample (a web page of cards is read as
# narrative blocks, a progress report is a ruled table with status columns).
LAYOUT_OF = {"ruled_table": "ruled_table", "unruled_table": "unruled_table", "narrative": "narrative",
             "web": "narrative", "progress_report": "ruled_table", "scan": "ruled_table", "prose": "prose"}
# the first samples' expected files predate the "layout" key
FIRST_SAMPLES_LAYOUT = {"essex-2024-27-action-plan.pdf": "ruled_table", "essex-2020-23-action-plan.pdf": "ruled_table",
                        "portsmouth-action-plan.pdf": "narrative", "essex-technician-commitment-webpage.pdf": "prose"}


def _similarity(a, b) -> float:
    return difflib.SequenceMatcher(None, norm_ws(a) or "", norm_ws(b) or "").ratio()


def _rows(run, source_file):
    _, actions, _ = run
    return [a for a in actions if a["source_file"] == source_file]


@pytest.mark.parametrize("expected_path", SAMPLES, ids=lambda p: p.stem)
def test_every_action_found_once(sample_run, expected_path):
    exp = load_expected(expected_path)
    rows = _rows(sample_run, exp["source_file"])
    assert len(rows) == len(exp["actions"]), "action count"
    ids = [(r["action_id"], e["action_id"]) for r, e in zip(rows, exp["actions"])]
    wrong = [pair for pair in ids if pair[0] != pair[1]]
    allowed = (1 - OCR_MIN_SHARE_EQUAL) * len(rows) if exp.get("ocr") else 0
    assert len(wrong) <= allowed, wrong[:5]
    assert len({r["row_id"] for r in rows}) == len(rows)


@pytest.mark.parametrize("expected_path", SAMPLES, ids=lambda p: p.stem)
def test_action_text_matches(sample_run, expected_path):
    exp = load_expected(expected_path)
    rows = _rows(sample_run, exp["source_file"])
    if not exp["actions"]:
        assert rows == []
        return
    pairs = list(zip(rows, exp["actions"]))
    exact = sum(norm_ws(r["action_text"]) == norm_ws(e["action_text"]) for r, e in pairs)
    mismatches = [(r["action_id"], r["action_text"], e["action_text"]) for r, e in pairs
                  if norm_ws(r["action_text"]) != norm_ws(e["action_text"])]
    if exp.get("ocr"):
        mean = sum(_similarity(r["action_text"], e["action_text"]) for r, e in pairs) / len(exp["actions"])
        assert mean >= OCR_MIN_MEAN_SIMILARITY, mismatches[:5]
        assert all(r["ocr"] and r["ocr_confidence"] is not None for r in rows)
        return
    assert exact / len(exp["actions"]) >= 0.99, mismatches[:5]


@pytest.mark.parametrize("expected_path", SAMPLES, ids=lambda p: p.stem)
def test_ids_sections_and_tags(sample_run, expected_path):
    exp = load_expected(expected_path)
    rows = _rows(sample_run, exp["source_file"])
    assert len(rows) == len(exp["actions"])   # (zip below would hide missing rows)
    allowed = (1 - OCR_MIN_SHARE_EQUAL) * len(rows) if exp.get("ocr") else 0
    for field in FIELDS_EXACT:
        got = [norm_ws(r[field]) for r in rows]
        want = [norm_ws(e.get(field)) if e.get(field) is not None else (None if field not in (
            "pillars_document", "talent_document", "other_tags") else []) for e in exp["actions"]]
        diffs = [(i, g, w) for i, (g, w) in enumerate(zip(got, want)) if g != w]
        assert len(diffs) <= allowed, f"{field}: {diffs[:3]}"


@pytest.mark.parametrize("expected_path", SAMPLES, ids=lambda p: p.stem)
def test_aim_level_fields(sample_run, expected_path):
    exp = load_expected(expected_path)
    rows = _rows(sample_run, exp["source_file"])
    assert len(rows) == len(exp["actions"])   # (zip below would hide missing rows)
    fields = FIELDS_TEXT + tuple(f for f in ("description", "supporting_actions", "rag_status", "progress")
                                 if any(e.get(f) for e in exp["actions"]))
    for field in fields:
        pairs = [(norm_ws(r[field]), norm_ws(e.get(field))) for r, e in zip(rows, exp["actions"])]
        if exp.get("ocr"):
            mean = sum(_similarity(g, w) for g, w in pairs) / max(len(pairs), 1)
            assert mean >= OCR_MIN_MEAN_SIMILARITY, field
            continue
        diffs = [p for p in pairs if p[0] != p[1]]
        assert len(diffs) <= 0.02 * max(len(pairs), 1), f"{field}: {diffs[:3]}"


@pytest.mark.parametrize("expected_path", SAMPLES, ids=lambda p: p.stem)
def test_pages(sample_run, expected_path):
    exp = load_expected(expected_path)
    rows = _rows(sample_run, exp["source_file"])
    got = [(r["page_start"], r["page_end"]) for r in rows]
    want = [(e["page_start"], e["page_end"]) for e in exp["actions"]]
    assert got == want


@pytest.mark.parametrize("expected_path", SAMPLES, ids=lambda p: p.stem)
def test_document_facts(sample_run, expected_path):
    exp = load_expected(expected_path)
    _, _, docs = sample_run
    doc = next(d for d in docs if d["source_file"] == exp["source_file"])
    if exp["actions"]:
        assert doc["status"] == "success", doc["warnings"]
        assert doc["institution"] == exp["institution"]
        assert (doc["period_start"], doc["period_end"]) == (exp["period_start"], exp["period_end"])
    else:
        assert doc["status"] == "skipped" and doc["n_actions"] == 0
    assert doc["n_actions"] == len(exp["actions"])
    layout = exp.get("layout") or FIRST_SAMPLES_LAYOUT[exp["source_file"]]
    assert doc["layout"] == LAYOUT_OF[layout], doc["page_layouts"]
    assert doc["layout_confidence"] >= 0.5
    assert doc["ocr"] == bool(exp.get("ocr"))


@pytest.mark.parametrize("expected_path", [p for p in SAMPLES if load_expected(p).get("layout") == "progress_report"],
                         ids=lambda p: p.stem)
def test_rag_status_from_words_letters_and_fill(sample_run, expected_path):
    exp = load_expected(expected_path)
    rows = _rows(sample_run, exp["source_file"])
    assert [r["rag_status"] for r in rows] == [e["rag_status"] for e in exp["actions"]]
    evidence = {r["rag_evidence"].split(":")[0].split(" rgb")[0] for r in rows if r["rag_evidence"]}
    assert {"text", "fill"} <= evidence, evidence    # both kinds of evidence occur and are kept
    _, _, docs = sample_run
    doc = next(d for d in docs if d["source_file"] == exp["source_file"])
    assert any("not an action table" in s for s in doc["tables_skipped"]), doc["tables_skipped"]


def _snapshot(rows):
    keep = ("row_id", "action_id", "parent_id", "section", "aim", "action_text", "timeframe", "owner",
            "pillars_document", "talent_document", "other_tags", "page_start", "page_end", "table_index")
    out = []
    for r in rows:
        snap = {k: r[k] for k in keep}
        snap["bbox"] = [round(v) for v in r["bbox"]]
        out.append(snap)
    return out


@pytest.mark.parametrize("expected_path", SAMPLES, ids=lambda p: p.stem)
def test_golden_snapshot(sample_run, expected_path, update_golden):
    exp = load_expected(expected_path)
    snap = _snapshot(_rows(sample_run, exp["source_file"]))
    path = GOLDEN / f"{expected_path.stem}.json"
    if update_golden:
        path.write_text(json.dumps(snap, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert path.exists(), "no golden file: run pytest --update-golden once and review the diff"
    assert json.loads(path.read_text(encoding="utf-8")) == snap
