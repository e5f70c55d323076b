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

Aim pooling: plans tag aims, not single actions (every action under "V1" carries V1's
tags), so the actions of one aim may be scored together: each label's probability is the
mean (or max) over the aim's actions, and the label has evidence if any of them has. Which
rule ("none", "mean", "max") is chosen per taxonomy on the training rows' out-of-fold
scores, like the thresholds (fit.py). ``predict(items)`` takes the items of one plan.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Sequence

import numpy as np
from spacy.tokens import Doc

from .base import Classifier, Prediction, stable_id
from .contract import LabelInput
from .keywords import KeywordClassifier
from .text import clean_text, input_text, make_docs
from .textcat import TextcatClassifier

EPS = 1e-4
POOLING = ("none", "mean", "max")


def logit(p) -> np.ndarray:
    """log(p / (1 - p)) elementwise, p clipped to [EPS, 1 - EPS] (a textcat score of 0 or 1
    must not become infinite evidence)."""
    m = np.clip(np.asarray(p, dtype=np.float64), EPS, 1.0 - EPS)
    return np.log(m / (1.0 - m))


def calibrate(a, b, c, model_scores, keyword_scores) -> np.ndarray:
    """sigmoid(a * logit(model score) + b * keyword score + c), elementwise on arrays. The
    one formula used in training, evaluation and serving, so thresholds chosen on it hold."""
    z = (np.asarray(a, dtype=np.float64) * logit(model_scores)
         + np.asarray(b, dtype=np.float64) * np.asarray(keyword_scores, dtype=np.float64)
         + np.asarray(c, dtype=np.float64))
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def round4(x) -> np.ndarray:
    """Scores as served (4 decimals); thresholds are chosen on the same rounding."""
    return np.round(np.asarray(x, dtype=np.float64), 4)


@dataclass(frozen=True)
class Calibration:
    a: float   # weight of logit(textcat score)
    b: float   # weight of keyword score
    c: float   # bias

    def __call__(self, model_score: float, keyword_score: float) -> float:
        return float(calibrate([self.a], [self.b], [self.c], [model_score], [keyword_score])[0])

    def to_dict(self) -> dict[str, float]:
        return {k: round(v, 8) for k, v in asdict(self).items()}


def fit_calibration(model_scores: Sequence[float], keyword_scores: Sequence[float], y: Sequence[float],
                    l2: float = 1.0, iters: int = 100, prior: Calibration | None = None) -> Calibration:
    """Damped Newton on the L2-penalised log-likelihood, with step-halving so the objective
    never increases. Without a prior the penalty pulls (a, b) to 0 and leaves the bias free;
    with one it pulls all three towards the prior. Deterministic."""
    if not y:
        return prior or Calibration(1.0, 0.0, 0.0)
    X = np.column_stack([logit(model_scores), np.asarray(keyword_scores, dtype=np.float64), np.ones(len(y))])
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

    def apply(self, labels: Sequence[str], model_scores, keyword_scores) -> np.ndarray:
        """Calibrated probabilities: ``labels`` gives the label of each column (matrix input)
        or of each cell (vector input)."""
        cs = [self.per_label.get(lab, self.pooled) for lab in labels]
        return calibrate([c.a for c in cs], [c.b for c in cs], [c.c for c in cs], model_scores, keyword_scores)

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


def has_evidence(model_scores, keyword_scores, floor: float | None) -> np.ndarray:
    """Elementwise: the text itself supports the label: a taxonomy phrase matched, or the
    model alone would predict it (score >= floor). None: no such requirement."""
    k = np.asarray(keyword_scores, dtype=np.float64)
    if floor is None:
        return np.ones(k.shape, dtype=bool)
    return (k > 0) | (np.asarray(model_scores, dtype=np.float64) >= floor)


def aim_group(item: LabelInput) -> str | None:
    """The key that puts an action with the other actions of its aim (None: on its own).
    An aim that is the action's own statement (narrative plans) groups nothing."""
    aim = clean_text(item.aim).lower()
    return aim if aim and aim != clean_text(item.action_text).lower() else None


def group_index(groups: Sequence[object | None]) -> np.ndarray:
    """An integer per item: items sharing a key share it; a None key gets one of its own."""
    ids: dict[object, int] = {}
    out = []
    for i, g in enumerate(groups):
        out.append(ids.setdefault(("__own__", i) if g is None else ("key", g), len(ids)))
    return np.asarray(out, dtype=np.int64)


def pool_rows(X: np.ndarray, gidx: np.ndarray, mode: str) -> np.ndarray:
    """Rows of X replaced by the mean or max over the rows of their group."""
    if mode == "none":
        return X
    n_groups = int(gidx.max()) + 1 if len(gidx) else 0
    if mode == "mean":
        sums = np.zeros((n_groups, X.shape[1]))
        np.add.at(sums, gidx, X)
        return (sums / np.bincount(gidx, minlength=n_groups)[:, None])[gidx]
    if mode == "max":
        best = np.full((n_groups, X.shape[1]), -np.inf)
        np.maximum.at(best, gidx, X)
        return best[gidx]
    raise ValueError(f"aim pooling must be one of {POOLING}, not {mode!r}")


class CombinedClassifier(Classifier):
    kind = "combined"

    def __init__(self, keywords: KeywordClassifier, textcat: TextcatClassifier, calibration: LabelCalibration,
                 threshold: float, evidence_floor: float | None = None,
                 label_thresholds: dict[str, float] | None = None, aim_pooling: str = "none"):
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
        if aim_pooling not in POOLING:
            raise ValueError(f"aim pooling must be one of {POOLING}, not {aim_pooling!r}")
        self.aim_pooling = aim_pooling
        if aim_pooling != "none":   # (nor of models without pooling)
            parts.append({"aim_pooling": aim_pooling})
        self._id = stable_id(self.kind, *parts)
        self._predictable_mask = np.array([lab in self.predictable for lab in self.labels])
        self._thresholds = np.array([self.threshold_for(lab) for lab in self.labels])

    def threshold_for(self, label: str) -> float:
        return self.label_thresholds.get(label, self.threshold)

    @property
    def id(self) -> str:
        return self._id

    def predict(self, items: Sequence[LabelInput]) -> list[Prediction]:
        """The items of one plan: with aim pooling on, actions of one aim are scored together."""
        if not items:
            return []
        return self.predict_docs(make_docs(self.nlp, [input_text(i) for i in items]),
                                 [aim_group(i) for i in items])

    def predict_docs(self, docs: Sequence[Doc], groups: Sequence[object | None] | None = None) -> list[Prediction]:
        """``groups``: one key per doc (docs sharing a key are one aim); None scores each doc alone."""
        if not docs:
            return []
        kw = self.keywords.predict_docs(docs)
        tc = self.textcat.raw_scores(docs)
        labels = self.labels
        M = np.array([[m[lab] for lab in labels] for m in tc], dtype=np.float64)
        K = np.array([[k.scores[lab] for lab in labels] for k in kw], dtype=np.float64)
        P = self.calibration.apply(labels, M, K)
        E = has_evidence(M, K, self.evidence_floor)
        if groups is not None and self.aim_pooling != "none":
            if len(groups) != len(docs):
                raise ValueError("one group key per doc")
            gidx = group_index(groups)
            P = pool_rows(P, gidx, self.aim_pooling)
            E = pool_rows(E.astype(np.float64), gidx, "max") > 0
        S = round4(P)
        decide = (S >= self._thresholds) & E & self._predictable_mask
        out = []
        for k, srow, drow in zip(kw, S.tolist(), decide.tolist()):
            out.append(Prediction(dict(zip(labels, srow)),
                                  tuple(lab for lab, d in zip(labels, drow) if d), k.evidence))
        return out
