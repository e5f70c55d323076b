"""Calibrate and merge: the rule layer and the trained model into one probability per label.

p(label) = sigmoid(a * logit(textcat score) + b * keyword score + c), one (a, b, c) per
taxonomy, pooled over its labels (there are far too few tagged rows to fit one per
label). It is fitted by L2-regularised logistic regression on out-of-fold scores of the
training rows (never on the rows being evaluated), and the decision threshold is the one
that maximises micro-F1 on those same out-of-fold scores (ties go to the higher, more
precise threshold).
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
                    l2: float = 1.0, iters: int = 100) -> Calibration:
    """Damped Newton on the L2-penalised log-likelihood (bias not penalised), with
    step-halving so the objective never increases. Deterministic."""
    if not y:
        return Calibration(1.0, 0.0, 0.0)
    X = np.array([[logit(m), k, 1.0] for m, k in zip(model_scores, keyword_scores)], dtype=np.float64)
    t = np.asarray(y, dtype=np.float64)
    pen = np.array([l2, l2, 0.0])

    def objective(w: np.ndarray) -> float:
        z = X @ w
        # log(1 + e^z) - t z, computed stably
        return float(np.sum(np.logaddexp(0.0, z) - t * z) + 0.5 * np.sum(pen * w * w))

    w = np.array([1.0, 0.0, 0.0])
    f = objective(w)
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(X @ w, -35, 35)))
        grad = X.T @ (p - t) + pen * w
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


class CombinedClassifier(Classifier):
    kind = "combined"

    def __init__(self, keywords: KeywordClassifier, textcat: TextcatClassifier, calibration: Calibration,
                 threshold: float):
        if keywords.labels != textcat.labels or keywords.task != textcat.task:
            raise ValueError("keyword and textcat classifiers disagree on the taxonomy")
        self.keywords, self.textcat = keywords, textcat
        self.task, self.labels, self.nlp = textcat.task, textcat.labels, textcat.nlp
        self.predictable = keywords.predictable
        self.calibration, self.threshold = calibration, threshold
        self._id = stable_id(self.kind, keywords.id, textcat.id, calibration.to_dict(), threshold)

    @property
    def id(self) -> str:
        return self._id

    def predict_docs(self, docs: Sequence[Doc]) -> list[Prediction]:
        kw = self.keywords.predict_docs(docs)
        tc = self.textcat.raw_scores(docs)
        out = []
        for k, m in zip(kw, tc):
            scores = {lab: round(self.calibration(m[lab], k.scores[lab]), 4) for lab in self.labels}
            out.append(Prediction(scores, self._decide(scores, self.threshold), k.evidence))
        return out
