"""One fitting procedure, used both to train the shipped model and inside every
evaluation fold, so the figures describe what ships.

For one taxonomy (task), given training rows:
  1. inner folds over the training rows (by document, or by aim when the task's labels
     come from one document): train the textcat on the other folds plus the taxonomy's
     weak examples, score the held-out fold -> out-of-fold model scores;
  2. keyword scores for the same rows (the rule layer needs no training);
  3. fit the calibration (pooled, per label where supported) and choose the aim pooling
     rule and the thresholds (model alone, combination) on those out-of-fold scores only;
  4. train the textcat on all the training rows plus weak examples.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import spacy
from spacy.language import Language

from .combine import (POOLING, LabelCalibration, aim_group, choose_threshold, fit_label_calibration, group_index,
                      has_evidence, pool_rows, round4)
from .data import Row, fold_plan, weak_examples
from .keywords import KeywordClassifier
from .metrics import micro_f1
from .taxonomy import Taxonomy
from .text import blank_pipeline, input_text, make_docs
from .textcat import TrainSettings, new_pipeline, train_component, component_name


def load_settings(config_path: Path) -> dict[str, Any]:
    cfg = spacy.util.load_config(config_path, interpolate=True)
    return {k: dict(v) for k, v in cfg.items()}


def weak_policy(cfg: dict[str, Any]) -> str:
    return str(cfg["training"].get("weak_examples", "all_negative"))


def evidence_floor(cfg: dict[str, Any]) -> float | None:
    v = cfg["labeller"].get("evidence_floor")
    return None if v in (None, "", "none", False) else float(v)


@dataclass(frozen=True)
class TaskFit:
    task: str
    calibration: LabelCalibration
    evidence_floor: float | None
    model_threshold: float
    combined_threshold: float
    combined_threshold_no_evidence_rule: float   # for the evaluation's comparison only
    inner_note: str
    n_rows: int
    n_weak: int
    n_oof_cells: int
    # per-label thresholds (labels with enough positive out-of-fold cells); the others use
    # combined_threshold
    label_thresholds: dict | None = None
    label_thresholds_no_evidence_rule: dict | None = None
    # how the actions of one aim are scored together (combine.py), and the out-of-fold
    # micro-F1 of each candidate rule it was chosen by
    aim_pooling: str = "none"
    pooling_f1: dict | None = None


def training_pairs(rows: Sequence[Row], task: str, weak: Sequence[tuple[str, dict[str, float]]],
                   repeats: int = 1):
    """Plan rows (each ``repeats`` times, so a few hundred weak examples do not drown them)
    then the weak examples."""
    real = [(input_text(r.item), r.cats(task)) for r in rows if r.cats(task)]
    return real * max(1, repeats) + list(weak)


_BASE: list[Language] = []


def base_nlp() -> Language:
    """A tokenizer + lemmatizer pipeline for the rule layer during training and evaluation."""
    if not _BASE:
        _BASE.append(blank_pipeline())
    return _BASE[0]


def oof_scores(rows: Sequence[Row], task: str, taxonomy: Taxonomy, settings: TrainSettings,
               max_aim_folds: int, policy: str = "all_negative") -> tuple[dict[int, dict[str, float]], str]:
    """Out-of-fold textcat scores for the rows that know something about ``task``."""
    weak = weak_examples(taxonomy, policy)
    labelled = [r for r in rows if r.cats(task)]
    if len({r.document_id for r in labelled}) < 1 or len(labelled) < 2:
        return {}, "too few labelled rows for inner folds"
    plan = fold_plan(labelled, task, max_aim_folds)
    index = {id(r): i for i, r in enumerate(rows)}
    out: dict[int, dict[str, float]] = {}
    for train_idx, test_idx in plan.split(labelled):
        if not test_idx:
            continue
        nlp = new_pipeline({task: taxonomy.ids}, settings)
        train_component(nlp, task, training_pairs([labelled[i] for i in train_idx], task, weak, settings.row_repeats),
                        settings)
        docs = make_docs(nlp, [input_text(labelled[i].item) for i in test_idx])
        for i, doc in zip(test_idx, docs):
            out[index[id(labelled[i])]] = {lab: (float(doc.cats[lab]) if len(doc) else 0.0) for lab in taxonomy.ids}
    return out, plan.note


def fit_task(nlp: Language, rows: Sequence[Row], task: str, taxonomy: Taxonomy, cfg: dict[str, Any]) -> TaskFit:
    """Train ``textcat_<task>`` of ``nlp`` in place on ``rows`` and return its calibration."""
    settings = TrainSettings.from_config(cfg)
    lab_cfg = cfg["labeller"]
    weak = weak_examples(taxonomy, weak_policy(cfg))
    oof, note = oof_scores(rows, task, taxonomy, settings, int(lab_cfg["max_aim_folds"]), weak_policy(cfg))
    kw = KeywordClassifier(taxonomy, base_nlp())
    # calibrate on rows that know every label the classifier may output: a row that knows
    # only its section's pillar would teach the calibration that every label is positive
    predictable = set(taxonomy.predictable_ids)
    keys = sorted(i for i in oof if predictable <= set(rows[i].cats(task)))
    kw_pred = kw.predict([rows[i].item for i in keys]) if keys else []
    cells, cell_rows = [], []
    for i, kp in zip(keys, kw_pred):
        for lab, truth in sorted(rows[i].cats(task).items()):
            cells.append((lab, oof[i][lab], kp.scores[lab], truth))
            cell_rows.append(i)
    calibration = fit_label_calibration(cells, l2=float(lab_cfg["calibration_l2"]),
                                        min_positives=int(lab_cfg["per_label_min_positives"]))
    # thresholds are chosen on the labels the classifier may output, on rounded scores as served
    sel = [j for j, c in enumerate(cells) if c[0] in predictable]
    chosen = [cells[j] for j in sel]
    y = [c[3] for c in chosen]
    model_threshold = choose_threshold([round(c[1], 6) for c in chosen], y) if y else 0.5
    floor = evidence_floor(cfg)
    per_label = str(lab_cfg.get("per_label_thresholds", False)).lower() in ("true", "1", "yes")
    min_pos = int(lab_cfg["per_label_min_positives"])
    # one pooling group per (label, document, aim): the out-of-fold scores of an aim's
    # actions come from one inner fold, as at prediction time they come from one plan
    groups = []
    for j in sel:
        r = rows[cell_rows[j]]
        g = aim_group(r.item)
        groups.append(None if g is None else (cells[j][0], r.document_id, g))
    gidx = group_index(groups)
    own = calibration.apply([c[0] for c in chosen], [c[1] for c in chosen], [c[2] for c in chosen])[:, None]
    evid = has_evidence([c[1] for c in chosen], [c[2] for c in chosen], floor).astype(np.float64)[:, None]
    candidates = [str(m) for m in lab_cfg.get("aim_pooling", ["none"])]
    best = None
    pooling_f1 = {}
    for mode in candidates:   # ties go to the earlier (simpler) rule
        if mode not in POOLING:
            raise ValueError(f"config aim_pooling: {mode!r} is not one of {POOLING}")
        pooled = pool_rows(own, gidx, mode)[:, 0]
        ev = (pool_rows(evid, gidx, "max")[:, 0] > 0).tolist()
        # a cell without evidence is never predicted: score it 0 for the threshold search
        ungated = round4(pooled).tolist()
        gated = [p if e else 0.0 for p, e in zip(ungated, ev)]
        th = choose_threshold(gated, y) if y else 0.5
        label_th = label_thresholds(chosen, gated, min_pos) if per_label else {}
        f1 = micro_f1([g >= label_th.get(c[0], th) for g, c in zip(gated, chosen)], [t >= 0.5 for t in y])
        pooling_f1[mode] = round(f1, 4)
        if best is None or f1 > best[0] + 1e-12:
            best = (f1, mode, th, label_th, choose_threshold(ungated, y) if y else 0.5,
                    label_thresholds(chosen, ungated, min_pos) if per_label else {})
    _, aim_pooling, combined_threshold, label_th, ungated_threshold, label_th_ungated = best
    train_component(nlp, task, training_pairs(rows, task, weak, settings.row_repeats), settings)
    return TaskFit(task, calibration, floor, model_threshold, combined_threshold, ungated_threshold, note,
                   n_rows=sum(1 for r in rows if r.cats(task)), n_weak=len(weak), n_oof_cells=len(cells),
                   label_thresholds=label_th, label_thresholds_no_evidence_rule=label_th_ungated,
                   aim_pooling=aim_pooling, pooling_f1=pooling_f1)



def label_thresholds(cells, scores, min_positives: int) -> dict[str, float]:
    """Per label, the threshold with the best F1 on that label's out-of-fold cells, for
    labels with at least ``min_positives`` positive cells (same rule as the per-label
    calibration); the others fall back to the pooled threshold."""
    out: dict[str, float] = {}
    for lab in sorted({c[0] for c in cells}):
        idx = [i for i, c in enumerate(cells) if c[0] == lab]
        y = [cells[i][3] for i in idx]
        if sum(1 for v in y if v >= 0.5) >= min_positives:
            out[lab] = choose_threshold([scores[i] for i in idx], y)
    return out


def fit_all(rows: Sequence[Row], taxonomies: dict[str, Taxonomy], cfg: dict[str, Any],
            tasks: Sequence[str] = ("pillars", "talent")) -> tuple[Language, dict[str, TaskFit]]:
    settings = TrainSettings.from_config(cfg)
    nlp = new_pipeline({t: taxonomies[t].ids for t in tasks}, settings)
    fits = {t: fit_task(nlp, rows, t, taxonomies[t], cfg) for t in tasks}
    return nlp, fits


__all__ = ["TaskFit", "fit_task", "fit_all", "load_settings", "oof_scores", "component_name"]
