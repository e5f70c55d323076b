"""Training data rules, folds, calibration, metrics, and the determinism of training,
inference and evaluation (on a small synthetic table, with few epochs, so it is quick)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from normalise.classify.combine import choose_threshold, fit_calibration, fit_label_calibration
from normalise.classify.data import (build_rows, deduplicate, fold_plan, plan_groups, read_table,
                                     table_checksum, weak_examples)
from normalise.classify.metrics import agreement, multilabel_report
from normalise.classify.taxonomy import load_taxonomies

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "models"

A = [  # a plan with a pillar column and TALENT citations
    ("V1", "Ensure technical staff have effective representation on University committees. [TCR - R12]",
     "Support technicians on committees.", ["V", "S"], ["R12"]),
    ("V1", "Ensure technical staff have effective representation on University committees. [TCR - R12]",
     "Review technical representation on committees annually.", ["V", "S"], ["R12"]),
    ("V2", "Celebrate technician achievements. [TCR - R11]", "Promote successes in the newsletter and blog.",
     ["V", "R"], ["R11"]),
    ("V2", "Celebrate technician achievements. [TCR - R11]", "Nominate technicians for external awards.",
     ["V", "R"], ["R11"]),
    ("V3", "Keep the working group going.", "Meet termly.", ["V"], []),
    # uncited, but its wording is a TALENT concept's (R11): the false positives the evaluation lists
    ("V4", "Recognise what technicians contribute.",
     "Nominate technicians for external awards and prizes in recognition of their contributions.", ["V", "R"], []),
    ("CD1", "Training for technicians. [TCR - R10]", "Fund CPD and professional registration.", ["CD", "R"], ["R10"]),
    ("CD1", "Training for technicians. [TCR - R10]", "Provide protected time for training.", ["CD"], ["R10"]),
    ("S1", "New entry routes. [TCR - R9]", "Create apprenticeships and trainee technician posts.", ["S"], ["R9"]),
    ("S1", "New entry routes. [TCR - R9]", "Offer T Level placements.", ["S", "CD"], ["R9"]),
]
B = [  # commitment areas, no TALENT
    ("Action 1", "Technician webpages", "Design a website with technician profiles.", ["V", "CD"]),
    ("Action 2", "Outreach", "Support technicians in outreach with local schools.", ["V"]),
    ("Action 3", "Registration", "Encourage professional registration with the Science Council.", ["R", "CD"]),
    ("Action 4", "Careers", "Publish a career pathway with job families.", ["CD"]),
    ("Action 5", "Succession", "Workforce planning and succession planning for technical roles.", ["S"]),
    ("Action 6", "Awards", "Create an annual technician award.", ["R"]),
]
C = [  # pillars only from sections
    ("S1", "Sustainability", "Review the apprenticeship scheme.", ["S"]),
    ("S2", "Sustainability", "Plan for succession in technical teams.", ["S"]),
    ("V1", "Visibility", "Share news on the mailing list.", ["V"]),
    ("V2", "Visibility", "Hold a technician showcase.", ["V"]),
    ("R1", "Recognition", "Pay registration fees.", ["R"]),
    ("C1", "Career Development", "Mentoring scheme for technicians.", ["CD"]),
]


def synthetic_records() -> list[dict]:
    recs = []
    for i, (pid, aim, text, pillars, talent) in enumerate(A):
        recs.append(dict(document_id="a" * 64, source_file="a-plan.pdf", parent_id=pid, action_id=f"{pid}.{i}",
                         aim=aim, action_text=text, section=None, pillars_document=pillars, talent_document=talent))
    for pid, aim, text, pillars in B:
        recs.append(dict(document_id="b" * 64, source_file="b-plan.pdf", parent_id=pid, action_id=pid[-1],
                         aim=aim, action_text=text, section=None, pillars_document=pillars, talent_document=[]))
    for pid, section, text, pillars in C:
        recs.append(dict(document_id="c" * 64, source_file="c-plan.pdf", parent_id=pid, action_id=pid + "a)",
                         aim=None, action_text=text, section=section, pillars_document=pillars, talent_document=[]))
    recs.append(dict(document_id="c" * 64, source_file="c-plan.pdf", parent_id="X1", action_id="X1a)",
                     aim=None, action_text="Something untagged.", section=None, pillars_document=[],
                     talent_document=[]))
    return recs


def duplicate_of_a(doc: str = "d" * 64, source: str = "a-plan-webpage.pdf") -> list[dict]:
    """Plan A again in another layout: new document id, no period, slightly different text
    (trailing punctuation, case), its TALENT citations lost by the tag parser."""
    out = []
    for r in synthetic_records():
        if r["source_file"] == "a-plan.pdf":
            out.append({**r, "document_id": doc, "source_file": source, "action_id": None,
                        "action_text": r["action_text"].rstrip(".").upper(), "talent_document": []})
    return out


@pytest.fixture(scope="module")
def table(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("classify-data") / "actions.parquet"
    pq.write_table(pa.Table.from_pylist(synthetic_records()), path)
    return path


@pytest.fixture(scope="module")
def rows(table):
    t = load_taxonomies(MODELS)
    return build_rows(read_table(table), t["pillars"], t["talent"])


def quick_models_dir(tmp: Path) -> Path:
    shutil.copytree(MODELS / "taxonomy", tmp / "taxonomy")
    (tmp / "classifier").mkdir()
    cfg = (MODELS / "classifier" / "config.cfg").read_text()
    cfg = cfg.replace("max_epochs = 30", "max_epochs = 4")
    assert "max_epochs = 4" in cfg
    (tmp / "classifier" / "config.cfg").write_text(cfg)
    return tmp


# --- what each row knows ---------------------------------------------------------------------

def test_label_kinds_follow_the_documented_rules(rows):
    by = {(r.source_file, r.item.action_text): r for r in rows}
    a = by[("a-plan.pdf", "Support technicians on committees.")]
    assert a.pillar_kind == "explicit" and a.pillar_cats == {"V": 1.0, "R": 0.0, "CD": 0.0, "S": 1.0}
    assert a.talent_kind == "cited" and a.talent_cats["R12"] == 1.0 and a.talent_cats["R1"] == 0.0
    assert len(a.talent_cats) == 16
    uncited = by[("a-plan.pdf", "Meet termly.")]
    assert uncited.talent_kind == "uncited" and set(uncited.talent_cats.values()) == {0.0}
    b = by[("b-plan.pdf", "Create an annual technician award.")]
    assert b.talent_kind == "none" and b.talent_cats == {}     # a plan citing no TALENT gives no TALENT negatives
    c = by[("c-plan.pdf", "Mentoring scheme for technicians.")]
    assert c.pillar_kind == "section" and c.pillar_cats == {"CD": 1.0}   # other pillars unknown, not 0
    none = by[("c-plan.pdf", "Something untagged.")]
    assert none.pillar_kind == "none" and none.pillar_cats == {} and none.talent_cats == {}


def test_weak_examples_come_from_the_taxonomy():
    tax = load_taxonomies(MODELS)["pillars"]
    weak = dict(weak_examples(tax))
    assert weak[tax.concept("R").definition]["R"] == 1.0
    assert weak["placement"] == {"V": 0.0, "R": 0.0, "CD": 1.0, "S": 1.0, "EI": 0.0}   # shared keyword
    assert set(weak["grant award"].values()) == {0.0}                                 # negative label


def test_folds_by_document_or_by_aim(rows):
    p = fold_plan(rows, "pillars", 5)
    assert p.unit == "document" and len(p.groups) == 3 and "leave one document out" in p.note
    t = fold_plan(rows, "talent", 3)
    assert t.unit == "aim" and len(t.groups) == 3 and "single document" in t.note and "a-plan.pdf" in t.note
    labelled = [r for r in rows if r.talent_cats]
    for train, test in t.split(labelled):
        assert not {labelled[i].aim_key for i in train} & {labelled[i].aim_key for i in test}


def test_duplicate_documents_of_a_plan_are_grouped_and_one_is_kept(rows):
    t = load_taxonomies(MODELS)
    recs = synthetic_records() + duplicate_of_a()
    groups = plan_groups(recs)
    assert [g.source_files for g in groups] == [("a-plan.pdf", "a-plan-webpage.pdf"), ("b-plan.pdf",),
                                                ("c-plan.pdf",)]
    a = groups[0]
    assert a.kept == "a" * 64 and "near-identical action texts" in a.reason   # the copy lost its citations
    kept, _ = deduplicate(recs)
    assert {r["document_id"] for r in kept} == {"a" * 64, "b" * 64, "c" * 64}
    assert len(kept) == len(synthetic_records())
    # grouped rows share a plan key: one plan is one held-out fold, whichever document is kept
    both = build_rows([{**r, "plan_id": a.plan_id} if r["source_file"].startswith("a-plan") else r for r in recs],
                      t["pillars"], t["talent"])
    plan = fold_plan(both, "pillars", 5)
    assert plan.unit == "document" and len(plan.groups) == 3 and "a-plan-webpage.pdf + a-plan.pdf" in plan.note
    for train, test in plan.split([r for r in both if r.pillar_cats]):
        files = {[r for r in both if r.pillar_cats][i].source_file for i in test}
        assert ("a-plan.pdf" in files) == ("a-plan-webpage.pdf" in files)


def test_same_institution_and_period_is_one_plan_a_different_period_is_not():
    base = [dict(r, institution="Univ A", period_start=2024, period_end=2027) for r in synthetic_records()
            if r["source_file"] == "a-plan.pdf"]
    other_layout = [dict(r, document_id="e" * 64, source_file="a-other.pdf", action_text=f"different words {i}")
                    for i, r in enumerate(base)]
    successor = [dict(r, document_id="f" * 64, source_file="a-next.pdf", period_start=2027, period_end=2030)
                 for r in base]                               # same actions repeated in the next plan
    other_inst = [dict(r, document_id="g" * 64, source_file="z-other.pdf", institution="Univ Z",
                       period_start=None, period_end=None) for r in base]
    groups = {g.source_files: g for g in plan_groups(base + other_layout + successor + other_inst)}
    assert set(groups) == {("a-plan.pdf", "a-other.pdf"), ("a-next.pdf",), ("z-other.pdf",)}
    assert groups[("a-plan.pdf", "a-other.pdf")].reason.endswith("same institution and period")


def test_the_kept_document_of_a_plan_has_the_most_labels_then_no_ocr():
    a = [r for r in synthetic_records() if r["source_file"] == "a-plan.pdf"]
    scan = [dict(r, document_id="0" * 64, source_file="a-plan-0-scan.pdf", ocr=True) for r in a]
    text = [dict(r, ocr=False) for r in a]
    g, = plan_groups(scan + text)
    assert g.kept == "a" * 64                      # same labels: the text layer wins over OCR
    fewer = [dict(r, document_id="1" * 64, source_file="a-plan-1.pdf", talent_document=[]) for r in a]
    g, = plan_groups(fewer + text)
    assert g.kept == "a" * 64                      # the copy whose citations were lost is not used


def test_table_checksum_is_about_content_not_encoding(table):
    recs = read_table(table)
    assert table_checksum(recs) == table_checksum(synthetic_records())
    changed = synthetic_records()
    changed[0]["action_text"] += " (edited)"
    assert table_checksum(changed) != table_checksum(recs)


# --- calibration, thresholds, metrics ---------------------------------------------------------

def test_calibration_recovers_the_direction_of_the_evidence():
    m = [0.9, 0.8, 0.7, 0.2, 0.1, 0.3, 0.6, 0.4] * 5
    k = [0.6, 0.0, 0.6, 0.0, 0.0, 0.6, 0.0, 0.0] * 5
    y = [1, 1, 1, 0, 0, 0, 1, 0] * 5
    cal = fit_calibration(m, k, y)
    assert cal.a > 0 and cal(0.9, 0.6) > 0.8 and cal(0.1, 0.0) < 0.2
    assert fit_calibration(m, k, y) == cal                       # deterministic
    lc = fit_label_calibration([("V", a, b, c) for a, b, c in zip(m, k, y)] + [("R", 0.5, 0.0, 1.0)], 1.0, 10)
    assert set(lc.per_label) == {"V"}                            # R has too few positives: pooled


def test_threshold_maximises_f1_and_prefers_precision_on_ties():
    assert choose_threshold([0.9, 0.8, 0.3, 0.2], [1, 1, 0, 0]) == 0.8
    th = choose_threshold([0.9, 0.6, 0.55, 0.1], [1, 1, 0, 0])
    assert 0.55 < th <= 0.6


def test_calibration_report_measures_brier_ece_and_reliability():
    from normalise.classify.metrics import calibration_report

    honest = calibration_report([0.25] * 4 + [0.75] * 4, [True, False, False, False, True, True, True, False])
    assert honest["ece"] == 0.0 and honest["brier"] == 0.1875 and honest["brier_base_rate"] == 0.25
    assert [(b["cells"], b["observed_rate"]) for b in honest["reliability"]] == [(4, 0.25), (4, 0.75)]
    overconfident = calibration_report([0.95] * 4, [True, False, True, False])
    assert overconfident["ece"] == 0.45 and overconfident["brier"] > overconfident["brier_base_rate"]
    assert calibration_report([1.0], [True])["reliability"][0]["bin"] == [0.9, 1.0]   # 1.0 falls in the last bin
    assert calibration_report([], []) == {"cells": 0}


def test_multilabel_report_and_agreement():
    gold = [{"V"}, {"V", "S"}, set(), {"R"}]
    pred = [{"V"}, {"V"}, {"CD"}, set()]
    rep = multilabel_report(gold, pred, ["V", "R", "CD", "S"])
    assert rep["per_label"]["V"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 2, "predicted": 2,
                                     "tp": 2, "fp": 0, "fn": 0}
    assert rep["per_label"]["CD"]["support"] == 0 and rep["per_label"]["CD"]["fp"] == 1
    assert rep["macro"]["labels_averaged"] == ["V", "R", "S"]
    assert rep["micro"]["precision"] == round(2 / 3, 4) and rep["micro"]["recall"] == 0.5
    assert rep["rows_with_no_predicted_label"] == 1
    ag = agreement(gold, pred, ["V", "R", "CD", "S"])
    assert ag["exact_match"] == 0.25 and ag["per_label"]["V"]["kappa"] == 1.0


# --- determinism of training, inference and evaluation ----------------------------------------

def test_training_is_deterministic_and_the_result_loads(table, tmp_path):
    from normalise.classify.labeller import _load
    from normalise.classify.train import train

    d1, d2 = quick_models_dir(tmp_path / "one"), quick_models_dir(tmp_path / "two")
    m1 = train(table, d1, quiet=True)
    m2 = train(table, d2, quiet=True)
    assert m1["artifacts"] == m2["artifacts"] and m1["model_version"] == m2["model_version"]
    for name in ("calibration.json", "samples.json"):
        assert (d1 / "classifier" / name).read_bytes() == (d2 / "classifier" / name).read_bytes()
    assert m1["training_data"]["n_rows"] == len(synthetic_records())
    docs = {d["source_file"]: d for d in m1["training_data"]["documents"]}
    assert docs["c-plan.pdf"]["pillar_label_kind"] == {"none": 1, "section": 6}
    assert docs["a-plan.pdf"]["talent_tags"]["R12"] == 2

    lab = _load.__wrapped__(str(d1))
    assert lab.model_version == m1["model_version"]
    stored = json.loads((d1 / "classifier" / "samples.json").read_text())["samples"]
    from normalise.classify import LabelInput
    ins = [LabelInput(**{k: (tuple(v) if isinstance(v, list) else v) for k, v in s["input"].items()}) for s in stored]
    assert [list(o.pillars) for o in lab.label(ins)] == [s["output"]["pillars"] for s in stored]
    assert lab.label(ins) == lab.label(ins)


def test_training_and_evaluation_exclude_duplicate_documents(tmp_path):
    from normalise.classify.evaluate import evaluate
    from normalise.classify.train import train

    path = tmp_path / "actions.parquet"
    pq.write_table(pa.Table.from_pylist(synthetic_records() + duplicate_of_a()), path)
    models = quick_models_dir(tmp_path / "m")
    m = train(path, models, quiet=True)
    data = m["training_data"]
    assert data["table_rows"] == len(synthetic_records()) + len(duplicate_of_a())
    assert data["n_rows"] == len(synthetic_records()) and data["n_documents"] == 3
    assert [(x["source_file"], x["duplicate_of"]) for x in data["excluded_duplicate_documents"]] == \
        [("a-plan-webpage.pdf", "a" * 64)]
    evaluate(path, models, tmp_path / "metrics", speed=False)
    pil = json.loads((tmp_path / "metrics" / "pillars.json").read_text())
    assert pil["data"]["n_rows"] == len(synthetic_records()) and len(pil["evaluation"]["folds"]) == 3
    assert "a-plan-webpage.pdf" not in json.dumps(pil["per_document"])


def test_evaluation_writes_grouped_metrics_deterministically(table, tmp_path):
    from normalise.classify.evaluate import evaluate
    from normalise.classify.train import train

    models = quick_models_dir(tmp_path / "m")
    train(table, models, quiet=True)
    out1, out2 = tmp_path / "metrics1", tmp_path / "metrics2"
    r1 = evaluate(table, models, out1, speed=False)
    evaluate(table, models, out2, speed=False)
    for name in ("pillars.json", "talent.json", "agreement.json"):
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes()
    pil = json.loads((out1 / "pillars.json").read_text())
    assert pil["evaluation"]["unit"] == "document" and len(pil["evaluation"]["folds"]) == 3
    assert set(pil["all_rows"]) == {"keywords", "model", "combined", "combined_no_evidence_rule"}
    tagged = [r for r in synthetic_records() if r["pillars_document"]]
    for lab in ("V", "R", "CD", "S"):
        support = sum(1 for r in tagged if lab in r["pillars_document"])
        assert pil["all_rows"]["combined"]["per_label"][lab]["support"] == support
    ref = pil["reference_every_label"]
    assert all(ref["per_label"][lab]["recall"] == 1.0 for lab in ("V", "R", "CD", "S"))
    tal = json.loads((out1 / "talent.json").read_text())
    assert tal["evaluation"]["unit"] == "aim" and "single document" in tal["evaluation"]["note"]
    assert tal["false_positive_rate_uncited_rows"]["combined"]["rows"] == 2
    for rep in (pil, tal):   # held-out calibration over every (row, predictable label) cell
        cal = rep["calibration"]["all_rows"]
        assert cal["cells"] == rep["all_rows"]["combined"]["n_rows"] * len(rep["labels_evaluated"])
        assert sum(b["cells"] for b in cal["reliability"]) == cal["cells"] and 0.0 <= cal["brier"] <= 1.0
    fp = tal["false_positive_rate_uncited_rows"]
    listed = fp["combined_predictions"]   # every uncited row given a label is listed for a reader to judge
    assert listed and len(listed) == fp["combined"]["rows_with_any_prediction"]
    assert any(p["action_id"].startswith("V4") and "R11" in p["predicted"] for p in listed)
    assert all(p["predicted"] and set(p["scores"]) == set(p["predicted"]) for p in listed)
    for f in tal["evaluation"]["folds"]:
        assert f["aim_pooling"] in f["aim_pooling_oof_micro_f1"]
    assert 0.0 <= r1["summary"]["pillars_macro_f1"] <= 1.0
    ag = json.loads((out1 / "agreement.json").read_text())
    assert ag["shipped_model_in_sample"]["trained_on_this_data"] is True
    assert ag["held_out"]["pillars"]["n_rows"] == len(tagged)
