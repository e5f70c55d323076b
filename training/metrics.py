"""Multi-label scores: per-label precision, recall, F1 and support; micro and macro F1;
agreement between two labelings."""
from __future__ import annotations

from typing import Sequence


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def micro_f1(pred: Sequence[bool], truth: Sequence[bool]) -> float:
    """F1 over binary cells (prediction, truth)."""
    tp = sum(1 for p, t in zip(pred, truth) if p and t)
    fp = sum(1 for p, t in zip(pred, truth) if p and not t)
    fn = sum(1 for p, t in zip(pred, truth) if t and not p)
    return _prf(tp, fp, fn)[2]


def r4(x: float) -> float:
    return round(float(x), 4)


def multilabel_report(gold: Sequence[set[str]], pred: Sequence[set[str]], labels: Sequence[str]) -> dict:
    """Per-label and averaged scores. Macro-F1 averages the labels with support > 0 (a
    label nobody tags and nobody predicts has no F1); labels with support 0 that were
    predicted anyway are listed with their false positives."""
    per = {}
    TP = FP = FN = 0
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred) if lab in g and lab in p)
        fp = sum(1 for g, p in zip(gold, pred) if lab not in g and lab in p)
        fn = sum(1 for g, p in zip(gold, pred) if lab in g and lab not in p)
        TP, FP, FN = TP + tp, FP + fp, FN + fn
        p_, r_, f_ = _prf(tp, fp, fn)
        per[lab] = {"precision": r4(p_), "recall": r4(r_), "f1": r4(f_), "support": tp + fn,
                    "predicted": tp + fp, "tp": tp, "fp": fp, "fn": fn}
    mp, mr, mf = _prf(TP, FP, FN)
    supported = [lab for lab in labels if per[lab]["support"] > 0]
    macro = sum(per[lab]["f1"] for lab in supported) / len(supported) if supported else 0.0
    macro_p = sum(per[lab]["precision"] for lab in supported) / len(supported) if supported else 0.0
    macro_r = sum(per[lab]["recall"] for lab in supported) / len(supported) if supported else 0.0
    empty_pred = sum(1 for p in pred if not p)
    return {
        "n_rows": len(gold),
        "micro": {"precision": r4(mp), "recall": r4(mr), "f1": r4(mf)},
        "macro": {"precision": r4(macro_p), "recall": r4(macro_r), "f1": r4(macro),
                  "labels_averaged": supported},
        "rows_with_no_predicted_label": empty_pred,
        "exact_match": r4(sum(1 for g, p in zip(gold, pred) if g == p) / len(gold)) if gold else 0.0,
        "per_label": per,
    }


def agreement(a: Sequence[set[str]], b: Sequence[set[str]], labels: Sequence[str]) -> dict:
    """How far two labelings of the same rows agree: exact match, mean Jaccard, and per
    label the raw agreement and Cohen's kappa."""
    n = len(a)
    if not n:
        return {"n_rows": 0}
    jac = []
    for x, y in zip(a, b):
        u = x | y
        jac.append(len(x & y) / len(u) if u else 1.0)
    per = {}
    for lab in labels:
        xs = [lab in x for x in a]
        ys = [lab in y for y in b]
        po = sum(1 for p, q in zip(xs, ys) if p == q) / n
        pa, pb = sum(xs) / n, sum(ys) / n
        pe = pa * pb + (1 - pa) * (1 - pb)
        kappa = (po - pe) / (1 - pe) if pe < 1 else 1.0
        per[lab] = {"agreement": r4(po), "kappa": r4(kappa), "plan": sum(xs), "model": sum(ys)}
    return {"n_rows": n, "exact_match": r4(sum(1 for x, y in zip(a, b) if x == y) / n),
            "mean_jaccard": r4(sum(jac) / n), "per_label": per}


def calibration_report(probs: Sequence[float], truth: Sequence[bool], bins: int = 10) -> dict:
    """How far probabilities match observed frequencies, over (row, label) cells: Brier
    score, expected calibration error (equal-width bins, weighted by cell count) and the
    reliability table. Reference: the Brier score of always answering the cells' own base
    rate (a constant that knows the answer's prevalence; lower is better for both)."""
    n = len(probs)
    if not n:
        return {"cells": 0}
    ys = [1.0 if t else 0.0 for t in truth]
    brier = sum((p - y) ** 2 for p, y in zip(probs, ys)) / n
    base = sum(ys) / n
    table, ece = [], 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(probs) if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if not idx:
            continue
        mp = sum(probs[i] for i in idx) / len(idx)
        obs = sum(ys[i] for i in idx) / len(idx)
        ece += len(idx) / n * abs(mp - obs)
        table.append({"bin": [r4(lo), r4(hi)], "cells": len(idx), "mean_probability": r4(mp),
                      "observed_rate": r4(obs)})
    return {"cells": n, "positives": int(sum(ys)), "brier": r4(brier), "brier_base_rate": r4(base * (1 - base)),
            "ece": r4(ece), "reliability": table}
