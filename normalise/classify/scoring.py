"""From an action (and its aim) to calibrated label probabilities and the guide's decision.

Pure numpy, shared by serving (labeller.py) and training (training/fit.py), so what is
fitted is what is served.

* **Zero-shot similarity.** Each label of a taxonomy has prototypes built from its own
  text in models/taxonomy/: the definition, and the preferred label, alternative labels
  and keywords (each phrase alone, and their normalised mean, the "centroid"). A text's
  similarity to a label is the cosine with the definition, with the centroid and the best
  single phrase; ``zero_shot`` is their mean.
* **Features** of one action: zero-shot similarities of the action and of its aim (the
  aim is context: it is weighted by the fitted head, never copied), keyword scores of
  both (the rule layer), and the two sentence vectors.
* **Heads** (fitted in training, applied here):
  ``pooled``: one logistic model shared by every label of a taxonomy over per-label
  features (zero-shot of action and aim, keyword scores, the zero-shot margin to the
  best label) plus a bias per label; ``per_label``: one L2-regularised logistic
  regression per label over the whole feature row. Training keeps the one that is
  better on held-out folds of its own data.
* **Calibration**: Platt scaling (sigmoid(a * logit + b), pooled over the taxonomy's
  labels) fitted on out-of-fold scores of the training rows.
* **Decision** (labelling guide): pillars: the top pillar, a second one only when its
  probability is within ``margin`` of the first and at least ``second_floor``; TALENT:
  nothing unless the best recommendation reaches ``threshold``, a second only if it
  reaches ``second_threshold``; labels that may not be predicted (EI, R14, R16) never
  are. Probabilities are rounded to 4 decimals before any comparison, so labels and
  scores are the same bytes on any machine and thread count.

Matrix products are written as ``einsum`` without BLAS (``optimize=False``): the result does not
depend on the BLAS library's threading.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

ROUND_FEATURES = 6
ROUND_SCORES = 4


def dot(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a @ b.T in float64 without BLAS (deterministic whatever the thread count)."""
    return np.einsum("ij,kj->ik", np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64), optimize=False)


def sigmoid(z) -> np.ndarray:
    z = np.asarray(z, dtype=np.float64)
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def logit(p, eps: float = 1e-6) -> np.ndarray:
    p = np.clip(np.asarray(p, dtype=np.float64), eps, 1 - eps)
    return np.log(p / (1 - p))


# --- prototypes and zero-shot similarity ---------------------------------------------------

@dataclass(frozen=True)
class Prototypes:
    labels: tuple[str, ...]
    definition: np.ndarray      # (L, d)
    centroid: np.ndarray        # (L, d)
    phrases: np.ndarray         # (P, d)
    phrase_label: np.ndarray    # (P,) index into labels


def label_texts(taxonomy) -> dict[str, tuple[str, list[str]]]:
    """label -> (definition, [preferred label, alternative labels, keywords])."""
    return {c.id: (c.definition, [c.preferred_label, *c.alternative_labels, *c.keywords]) for c in taxonomy.concepts}


def build_prototypes(taxonomy, encode: Callable[[Sequence[str]], np.ndarray]) -> Prototypes:
    texts = label_texts(taxonomy)
    labels = tuple(texts)
    defs = encode([texts[lab][0] for lab in labels]).astype(np.float64)
    phrases, owner = [], []
    for i, lab in enumerate(labels):
        for p in texts[lab][1]:
            phrases.append(p)
            owner.append(i)
    P = encode(phrases).astype(np.float64)
    owner_a = np.asarray(owner, dtype=np.int64)
    cent = np.zeros((len(labels), P.shape[1]))
    for i in range(len(labels)):
        m = P[owner_a == i].mean(axis=0)
        cent[i] = m / (np.sqrt((m ** 2).sum()) + 1e-12)
    return Prototypes(labels, defs, cent, P, owner_a)


def similarities(vecs: np.ndarray, protos: Prototypes) -> np.ndarray:
    """(n, 3, L): cosine with the definition, the centroid and the best phrase."""
    n, L = len(vecs), len(protos.labels)
    d = dot(vecs, protos.definition)
    c = dot(vecs, protos.centroid)
    ph = dot(vecs, protos.phrases)
    best = np.full((n, L), -1.0)
    for j in range(L):
        cols = ph[:, protos.phrase_label == j]
        if cols.shape[1]:
            best[:, j] = cols.max(axis=1)
    zero = ~np.any(vecs != 0, axis=1)
    out = np.stack([d, c, best], axis=1)
    out[zero] = 0.0
    return np.round(out, ROUND_FEATURES)


def zero_shot(sims: np.ndarray) -> np.ndarray:
    """(n, L): the mean of the three similarities."""
    return sims.mean(axis=1)


# --- features ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Features:
    """Everything the heads read, for n actions and the L labels of one taxonomy."""
    zs_action: np.ndarray     # (n, L)
    zs_aim: np.ndarray        # (n, L), 0 where no aim
    sims_action: np.ndarray   # (n, 3, L)
    sims_aim: np.ndarray      # (n, 3, L)
    kw_action: np.ndarray     # (n, L)
    kw_aim: np.ndarray        # (n, L)
    has_aim: np.ndarray       # (n,)
    emb_action: np.ndarray    # (n, d)
    emb_aim: np.ndarray       # (n, d)

    def cells(self) -> np.ndarray:
        """(n, L, 6) per-label features of the pooled head (CELL_FEATURES)."""
        zs = self.zs_action
        rel = zs - zs.max(axis=1, keepdims=True)
        zsa = self.zs_aim
        rela = (self.zs_aim - self.zs_aim.max(axis=1, keepdims=True)) * self.has_aim[:, None]
        return np.stack([zs, rel, zsa, rela, self.kw_action, self.kw_aim], axis=2)

    def rows(self) -> np.ndarray:
        """(n, F) row features of the per-label head."""
        n = len(self.has_aim)
        return np.concatenate([self.sims_action.reshape(n, -1), self.sims_aim.reshape(n, -1), self.kw_action,
                               self.kw_aim, self.has_aim[:, None], self.emb_action, self.emb_aim], axis=1)

    def take(self, idx) -> "Features":
        return Features(*(getattr(self, f)[idx] for f in self.__dataclass_fields__))


def make_features(emb_action: np.ndarray, emb_aim: np.ndarray, has_aim: np.ndarray, kw_action: np.ndarray,
                  kw_aim: np.ndarray, protos: Prototypes) -> Features:
    sa = similarities(emb_action, protos)
    sm = similarities(emb_aim, protos) * has_aim[:, None, None]
    return Features(zero_shot(sa), zero_shot(sm), sa, sm, np.asarray(kw_action, dtype=np.float64),
                    np.asarray(kw_aim, dtype=np.float64) * has_aim[:, None], has_aim.astype(np.float64),
                    np.round(emb_action.astype(np.float64), ROUND_FEATURES),
                    np.round(emb_aim.astype(np.float64), ROUND_FEATURES) * has_aim[:, None])


# --- heads ---------------------------------------------------------------------------------

CELL_FEATURES = ("zs_action", "zs_margin_action", "zs_aim", "zs_margin_aim", "kw_action", "kw_aim")


@dataclass(frozen=True)
class Head:
    """What turns features into one logit per label.

    ``keywords``: 10 x the action's keyword score (the rule layer alone);
    ``zero_shot``: 10 x the action's zero-shot similarity (no fitted weights);
    ``pooled``: cells[:, :, cols] @ w + bias[label] (weights shared by the labels);
    ``residual``: pooled + ((rows - mean) / scale) @ W[label] (a per-label correction
    from the whole feature row, strongly regularised towards 0)."""
    kind: str
    cols: tuple[int, ...] = ()
    w: np.ndarray | None = None
    bias: np.ndarray | None = None
    W: np.ndarray | None = None
    mean: np.ndarray | None = None
    scale: np.ndarray | None = None

    def pooled_logits(self, f: Features) -> np.ndarray:
        C = f.cells()[:, :, list(self.cols)]
        return np.einsum("nlk,k->nl", C, self.w, optimize=False) + self.bias[None, :]

    def logits(self, f: Features) -> np.ndarray:
        if self.kind == "zero_shot":
            return f.zs_action * 10.0
        if self.kind == "keywords":
            return f.kw_action * 10.0
        if self.kind == "pooled":
            return self.pooled_logits(f)
        if self.kind == "residual":
            X = (f.rows() - self.mean) / self.scale
            return self.pooled_logits(f) + dot(X, self.W)
        raise ValueError(f"unknown head {self.kind!r}")

    def to_dict(self) -> dict:
        d: dict = {"kind": self.kind, "cols": [CELL_FEATURES[c] for c in self.cols]}
        for k in ("w", "bias", "W", "mean", "scale"):
            v = getattr(self, k)
            if v is not None:
                d[k] = np.round(v, 8).tolist()
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Head":
        arr = lambda k: None if d.get(k) is None else np.asarray(d[k], dtype=np.float64)  # noqa: E731
        return cls(d["kind"], tuple(CELL_FEATURES.index(c) for c in d.get("cols", ())), arr("w"), arr("bias"),
                   arr("W"), arr("mean"), arr("scale"))


@dataclass(frozen=True)
class Platt:
    a: float
    b: float

    def __call__(self, logits: np.ndarray) -> np.ndarray:
        return np.round(sigmoid(self.a * np.asarray(logits) + self.b), ROUND_SCORES)


# --- the guide's decision rule ----------------------------------------------------------------

@dataclass(frozen=True)
class Decision:
    task: str                    # "pillars": always the top label; "talent": may be empty
    threshold: float             # the top label needs this (pillars: usually 0)
    second_threshold: float      # a second label needs this ...
    margin: float                # ... and to be within this of the first (1.0: no margin test)
    max_labels: int = 2

    def apply(self, P: np.ndarray, predictable: np.ndarray) -> list[tuple[int, ...]]:
        """P: (n, L) rounded probabilities; predictable: (L,) bool. Label indices per row."""
        Q = np.where(predictable[None, :], P, -1.0)
        order = np.argsort(-Q, axis=1, kind="stable")
        out = []
        for i in range(len(Q)):
            j1 = int(order[i, 0])
            p1 = Q[i, j1]
            if p1 < 0 or p1 < self.threshold:
                out.append(())
                continue
            chosen = [j1]
            for j in order[i, 1:self.max_labels]:
                pj = Q[i, j]
                if pj >= 0 and pj >= self.second_threshold and p1 - pj <= self.margin + 1e-9:
                    chosen.append(int(j))
            out.append(tuple(sorted(chosen)))
        return out

    def to_dict(self) -> dict:
        return {"task": self.task, "threshold": self.threshold, "second_threshold": self.second_threshold,
                "margin": self.margin, "max_labels": self.max_labels}
