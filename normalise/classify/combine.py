"""Calibrate and merge: the rule layer and the trained model into one probability per label.

p(label) = sigmoid(a * logit(textcat score) + b * keyword score + c). One (a, b, c) is
fitted per taxonomy, pooled over its labels; a label with enough positive examples
(``min_positives``) gets its own (a, b, c), shrunk towards the pooled one (L2 penalty on
the difference), the others use the pooled one. Both are L2-regularised logistic
regressions on out-of-fold scores of the training rows (never on the rows being
evaluated). The decision threshold is the one that maximises micro-F1 on those same
out-of-fold scores (ties go to the higher, more precise threshold); a label with enough
positive out-of-fold examples may get its own threshold, chosen the same way on its own
cells (``per_label_thresholds`` in config.cfg). A label is only predicted when the text
itself supports it (``has_evidence``).
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Sequence

import numpy as np
from spacy.tokens import Doc

from .base import Classifier, Prediction, stable_id
from .keywords import KeywordClassifier
from .textcat import TextcatClassifier

EPS = 1e-4


def logit(p: float) -> float:
    p = min(max(p, EPS), 1.0 - EPS)
    return math.log(p / (1.0 - p))


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(frozen=True)
class Calibration:
    a: float   # weight of logit(textcat score)
    b: float   # weight of keyword score
    c: float   # bias

    def __call__(self, model_score: float, keyword_score: float) -> float:
        return sigmoid(self.a * logit(model_score) + self.b * keyword_score + self.c)

    def to_dict(self) -> dict[str, float]:
        return {k: round(v, 8) for k, v in asdict(self).items()}


def fit_calibration(model_scores: Sequence[float], keyword_scores: Sequence[float], y: Sequence[float],
                    l2: float = 1.0, iters: int = 100, prior: Calibration | None = None) -> Calibration:
    """Damped Newton on the L2-penalised log-likelihood, with step-halving so the objective
    never increases. Without a prior the penalty pulls (a, b) to 0 and leaves the bias free;
    with one it pulls all three towards the prior. Deterministic."""
    if not y:
        return prior or Calibration(1.0, 0.0, 0.0)
    X = np.array([[logit(m), k, 1.0] for m, k in zip(model_scores, keyword_scores)], dtype=np.float64)
    t = np.asarray(y, dtype=np.float64)
    if prior is None:
        w0, pen = np.zeros(3), np.array([l2, l2, 0.0])
    else:
        w0, pen = np.array([prior.a, prior.b, prior.c]), np.array([l2, l2, l2])

    def objective(w: np.ndarray) -> float:
        z = X @ w
        return float(np.sum(np.logaddexp(0.0, z) - t * z) + 0.5 * np.sum(pen * (w - w0) ** 2))

    w = np.array([1.0, 0.0, 0.0]) if prior is None else w0.copy()
    f = objective(w)
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(X @ w, -35, 35)))
        grad = X.T @ (p - t) + pen * (w - w0)
        H = (X * (p * (1 - p))[:, None]).T @ X + np.diag(pen + 1e-6)
        step = np.linalg.solve(H, grad)
        scale = 1.0
        while scale > 1e-6:
            w_new = w - scale * step
            f_new = objective(w_new)
            if f_new <= f:
                break
            scale /= 2
        else:
            break
        done = f - f_new < 1e-12
        w, f = w_new, f_new
        if done:
            break
    return Calibration(float(w[0]), float(w[1]), float(w[2]))


@dataclass(frozen=True)
class LabelCalibration:
    pooled: Calibration
    per_label: dict[str, Calibration]

    def __call__(self, label: str, model_score: float, keyword_score: float) -> float:
        return self.per_label.get(label, self.pooled)(model_score, keyword_score)

    def to_dict(self) -> dict:
        return {"pooled": self.pooled.to_dict(),
                "per_label": {k: v.to_dict() for k, v in sorted(self.per_label.items())}}

    @classmethod
    def from_dict(cls, d: dict) -> "LabelCalibration":
        return cls(Calibration(**d["pooled"]), {k: Calibration(**v) for k, v in d.get("per_label", {}).items()})


def fit_label_calibration(cells: Sequence[tuple[str, float, float, float]], l2: float,
                          min_positives: int) -> LabelCalibration:
    """cells: (label, model score, keyword score, truth)."""
    pooled = fit_calibration([c[1] for c in cells], [c[2] for c in cells], [c[3] for c in cells], l2=l2)
    per = {}
    for lab in sorted({c[0] for c in cells}):
        mine = [c for c in cells if c[0] == lab]
        if sum(1 for c in mine if c[3] >= 0.5) >= min_positives:
            per[lab] = fit_calibration([c[1] for c in mine], [c[2] for c in mine], [c[3] for c in mine],
                                       l2=l2, prior=pooled)
    return LabelCalibration(pooled, per)


def choose_threshold(scores: Sequence[float], y: Sequence[float], lo: float = 0.05, hi: float = 0.95,
                     step: float = 0.01) -> float:
    """The threshold with the best micro-F1 over (score, truth) cells; ties -> higher."""
    s = np.asarray(scores, dtype=np.float64)
    t = np.asarray(y, dtype=np.float64) >= 0.5
    best, best_f1 = hi, -1.0
    n = int(round((hi - lo) / step))
    for i in range(n + 1):
        th = round(lo + i * step, 4)
        pred = s >= th
        tp = float(np.sum(pred & t))
        fp = float(np.sum(pred & ~t))
        fn = float(np.sum(~pred & t))
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 >= best_f1 - 1e-12:
            best, best_f1 = th, f1
    return best


def has_evidence(model_score: float, keyword_score: float, floor: float | None) -> bool:
    """The text itself supports the label: a taxonomy phrase matched, or the model alone
    would predict it (score >= floor). None: no such requirement."""
    return floor is None or keyword_score > 0 or model_score >= floor


class CombinedClassifier(Classifier):
    kind = "combined"

    def __init__(self, keywords: KeywordClassifier, textcat: TextcatClassifier, calibration: LabelCalibration,
                 threshold: float, evidence_floor: float | None = None,
                 label_thresholds: dict[str, float] | None = None):
        if keywords.labels != textcat.labels or keywords.task != textcat.task:
            raise ValueError("keyword and textcat classifiers disagree on the taxonomy")
        self.keywords, self.textcat = keywords, textcat
        self.task, self.labels, self.nlp = textcat.task, textcat.labels, textcat.nlp
        self.predictable = keywords.predictable
        self.calibration, self.threshold, self.evidence_floor = calibration, threshold, evidence_floor
        self.label_thresholds = dict(sorted((label_thresholds or {}).items()))
        parts = [keywords.id, textcat.id, calibration.to_dict(), threshold, evidence_floor]
        if self.label_thresholds:   # (ids of models without per-label thresholds are unchanged)
            parts.append(self.label_thresholds)
        self._id = stable_id(self.kind, *parts)

    def threshold_for(self, label: str) -> float:
        return self.label_thresholds.get(label, self.threshold)

    @property
    def id(self) -> str:
        return self._id

    def predict_docs(self, docs: Sequence[Doc]) -> list[Prediction]:
        kw = self.keywords.predict_docs(docs)
        tc = self.textcat.raw_scores(docs)
        out = []
        for k, m in zip(kw, tc):
            scores = {lab: round(self.calibration(lab, m[lab], k.scores[lab]), 4) for lab in self.labels}
            labels = tuple(lab for lab in self.predictable if scores[lab] >= self.threshold_for(lab)
                           and has_evidence(m[lab], k.scores[lab], self.evidence_floor))
            out.append(Prediction(scores, labels, k.evidence))
        return out
