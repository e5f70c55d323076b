"""Training and evaluation (training/): the guide-labelled data and its splits, the fits
(logistic regression, Platt calibration, the decision rule's thresholds on out-of-fold
scores), deterministic training, the metrics with bootstrap intervals, and gold-folder
scoring. Small data only: `make train` / `make evaluate` do the real runs."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from normalise.classify import LabelInput
from training.data import Example, fold_of, load_examples, training_rows
from training.data import test_rows as frozen_test_rows
from training.evaluate import confusion, metrics, score_gold
from training.fit import fit_decision, fit_logistic, fit_platt, prf

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "data" / "labels"
MODELS = ROOT / "models"


def ex(key, text, pillars, talent=(), split="train", plan="fresh", aim=None) -> Example:
    return Example(key, plan, None, aim, text, tuple(pillars), tuple(talent), split, key)


@pytest.fixture(scope="module")
def examples():
    if not list(LABELS.glob("*.jsonl")):
        pytest.skip("no guide-labelled data in data/labels")
    return load_examples(LABELS)


def test_labels_are_reviewer_labels_with_a_frozen_test_split(examples):
    assert {e.split for e in examples} <= {"seed", "train", "test", "holdout"}
    assert all(set(e.pillars) <= {"V", "R", "CD", "S"} and 1 <= len(e.pillars) <= 2 for e in examples)
    assert all(not {"R14", "R16"} & set(e.talent) for e in examples)
    tr, te = training_rows(examples), frozen_test_rows(examples)
    assert not {e.key for e in tr} & {e.key for e in te}
    assert all(e.split not in ("test", "holdout") for e in training_rows(examples, exclude_plan="x"))


def test_shipped_model_was_fitted_on_the_current_training_rows_only(examples):
    from training.train import rows_checksum
    manifest = json.loads((MODELS / "classifier" / "manifest.json").read_text())
    rows = training_rows(examples)
    assert manifest["training_data"]["rows"] == len(rows)
    assert manifest["training_data"]["rows_checksum"] == rows_checksum(rows)   # retrain after data changes


def test_folds_keep_groups_together():
    groups = ["a", "b", "a", "c", "d", "e", "f", "b"]
    folds = fold_of(groups, 3)
    for g in set(groups):
        assert len({f for f, h in zip(folds, groups) if h == g}) == 1
    assert len(set(folds)) == 3
    assert ex("k1", "x", ["V"], split="seed", plan="p").group == "p"
    assert ex("k1", "x", ["V"], aim="Aim A").group == ex("k2", "y", ["R"], aim="aim a").group


def test_logistic_fit_recovers_the_direction_and_platt_calibrates():
    rng = np.random.default_rng(0)
    x = rng.normal(size=400)
    y = (rng.random(400) < 1 / (1 + np.exp(-(2 * x - 1)))).astype(float)
    w = fit_logistic(np.column_stack([x, np.ones_like(x)]), y, np.array([1e-3, 0.0]))
    assert 1.5 < w[0] < 2.6 and -1.5 < w[1] < -0.5
    platt = fit_platt(np.column_stack([x, x]), np.column_stack([y, y]), np.array([True, False]))
    assert 1.5 < platt.a < 2.6


def test_decision_thresholds_follow_the_out_of_fold_scores():
    # pillars: the second label is right only when it is close to the first
    P = np.array([[0.9, 0.85, 0.1, 0.1], [0.9, 0.5, 0.1, 0.1]] * 20)
    Y = np.array([[1, 1, 0, 0], [1, 0, 0, 0]] * 20, dtype=float)
    d, stats = fit_decision("pillars", P, Y, np.ones(4, bool))
    assert d.apply(P[:2], np.ones(4, bool)) == [(0, 1), (0,)] and stats["macro_f1"] == 1.0
    # TALENT: low scores are wrong more often than right: they are left empty
    P = np.array([[0.9, 0.1], [0.3, 0.1], [0.3, 0.1], [0.3, 0.1]] * 10)
    Y = np.array([[1, 0], [1, 0], [0, 0], [0, 0]] * 10, dtype=float)
    d, stats = fit_decision("talent", P, Y, np.ones(2, bool))
    assert 0.3 < d.threshold <= 0.9 and stats["precision"] == 1.0


def test_metrics_bootstrap_and_confusion():
    gold = [("V",), ("R",), ("CD",), ("S",), ("V", "S")] * 4
    pred = [("V",), ("R",), ("S",), ("S",), ("V",)] * 4
    m = metrics(gold, pred, ("V", "R", "CD", "S"), ("macro_f1", "micro_f1"))
    assert m["micro_f1"]["ci95"][0] <= m["micro_f1"]["value"] <= m["micro_f1"]["ci95"][1]
    assert m["per_label"]["CD"] == {"support": 4, "predicted": 0, "precision": None, "recall": 0.0, "f1": 0.0}
    cm = confusion(gold, pred, ("V", "R", "CD", "S"))
    assert cm["CD"]["S"] == 4 and cm["S"]["none"] == 4 and cm["V"]["V"] == 8
    t = metrics([(), (), ("R6",)], [(), ("R1",), ("R6",)], ("R1", "R6"), ("empty_left_empty", "precision"))
    assert t["empty_left_empty"]["value"] == 0.5 and t["precision"]["value"] == 0.5
    assert prf([(0,), (1,)], np.array([[1.0, 0.0], [1.0, 0.0]]), np.array([0, 1]))["micro_f1"] == pytest.approx(0.5)


def test_training_is_deterministic_and_the_result_loads(tmp_path):
    """Two fits on the same small table give the same bytes, and the labeller built from
    the result labels with the fitted rule."""
    import shutil
    from training import train as T
    rows = [ex(f"f{i}", t, p, r, aim=a) for i, (t, p, r, a) in enumerate([
        ("Publish a technician newsletter every term", ["V"], ["R6"], "Raise the profile"),
        ("Profile technicians on the website", ["V"], ["R6"], "Raise the profile"),
        ("Fund RSciTech registration fees", ["R"], ["R10"], "Professional registration"),
        ("Nominate technicians for national awards", ["R"], ["R11"], "Celebrate success"),
        ("Write role profiles for every technical grade", ["CD"], ["R7"], "Career pathways"),
        ("Offer a mentoring scheme for technicians", ["CD"], ["R10"], "Development"),
        ("Recruit two apprentices each year", ["S"], ["R9"], "Future workforce"),
        ("Hold termly steering group meetings", ["S"], [], "Governance"),
        ("Create a technician mailing list", ["V"], [], "Communication"),
        ("Run a survey of technical staff", ["S"], [], "Governance"),
    ] * 3)]
    labels = tmp_path / "labels"
    labels.mkdir()
    (labels / "fresh.jsonl").write_text("".join(json.dumps({
        "key": e.key, "plan": e.plan, "action_id": None, "text_hash": e.key, "aim": e.aim, "action_text": e.action_text,
        "pillars": list(e.pillars), "talent": list(e.talent), "reason": "test", "label_source": "reviewer",
        "split": e.split}) + "\n" for e in rows))
    outs = []
    for run in ("a", "b"):
        mdir = tmp_path / run
        for name in ("taxonomy", "embeddings"):
            shutil.copytree(MODELS / name, mdir / name)
        T.train(mdir, labels, kind="pooled")
        outs.append((mdir / "classifier" / "labeller.json").read_bytes())
    assert outs[0] == outs[1]
    from normalise.classify.labeller import _load
    lab = _load.__wrapped__(str(tmp_path / "a"))
    o, = lab.label([LabelInput("Pay professional registration fees for technicians", None, None, (), ())])
    assert o.pillars_model == ("R",)


def test_gold_folders_are_scored(tmp_path):
    from normalise.classify import load_labeller
    rows = [{"action_id": "1", "action_text": "Fund RSciTech registration fees for technicians", "aim": None,
             "pillars": ["R"], "talent": ["R10"]},
            {"action_id": "2", "action_text": "Create a mailing list for technicians", "aim": None,
             "pillars": ["V"], "talent": []}]
    (tmp_path / "a.gold.json").write_text(json.dumps({"source_file": "a.pdf", "stripped": True,
                                                      "talent_annotated": True, "rows": rows}))
    res = score_gold(load_labeller(MODELS), tmp_path, None)
    s = res["stripped (reader's labels)"]
    assert res["files"] == 1 and s["pillars"]["rows"] == 2
    assert s["talent"]["per_label"]["R10"]["support"] == 1
