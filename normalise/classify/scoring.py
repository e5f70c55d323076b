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
  probability is within ``margin`` of the first (or, with ``ratio``, at least ``ratio``
  times the first's) and at least ``second_floor`` (or, when
  fitted, that label's own floor: some pillars are a second label more rarely than others); TALENT:
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
        """(n, L, 6) per-label features of the pooled head (the first six CELL_FEATURES)."""
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

CELL_FEATURES = ("zs_action", "zs_margin_action", "zs_aim", "zs_margin_aim", "kw_action", "kw_aim",
                 "sup_centroid", "sup_top3")
TOP_K = 3


def supervised_cells(vecs: np.ndarray, sup_vecs: np.ndarray, sup_Y: np.ndarray,
                     self_index: np.ndarray | None = None) -> np.ndarray:
    """(n, L, 2): the action's cosine with the centroid of the training actions that carry
    each label, and the mean of its TOP_K highest cosines with them (0 where a label has
    no training action). ``self_index[i]``: the row of sup_vecs that is action i itself
    (-1: none); it is left out of its own features (fitting on training rows)."""
    n, L = len(vecs), sup_Y.shape[1]
    S = dot(vecs, sup_vecs)                                   # (n, m)
    Yb = sup_Y > 0.5
    sums = dot(Yb.T.astype(np.float64), sup_vecs.T)           # (L, d): sum of vectors per label
    counts = Yb.sum(0).astype(np.float64)                     # (L,)
    own = np.zeros((n, L)) if self_index is None else np.where(self_index[:, None] >= 0, Yb[np.maximum(self_index, 0)], False)
    out = np.zeros((n, L, 2))
    V = np.asarray(vecs, dtype=np.float64)
    for j in range(L):
        c = counts[j] - own[:, j]                              # (n,)
        cen = sums[j][None, :] - own[:, j][:, None] * (V if self_index is None else
                                                        sup_vecs[np.maximum(self_index, 0)])
        norm = np.sqrt((cen ** 2).sum(1))
        ok = (c > 0) & (norm > 1e-9)
        out[ok, j, 0] = (V[ok] * cen[ok]).sum(1) / norm[ok]
        cols = np.flatnonzero(Yb[:, j])
        if len(cols):
            Sj = S[:, cols].copy()
            if self_index is not None:
                mine = self_index[:, None] == cols[None, :]
                Sj[mine] = -np.inf
            k = min(TOP_K, len(cols))
            top = -np.sort(-Sj, axis=1)[:, :k]
            top = np.where(np.isfinite(top), top, np.nan)
            with np.errstate(invalid="ignore"):
                m = np.nanmean(top, axis=1) if k else np.zeros(n)
            out[:, j, 1] = np.nan_to_num(m, nan=0.0)
    out[~np.any(V != 0, axis=1)] = 0.0
    return np.round(out, ROUND_FEATURES)


@dataclass(frozen=True)
class Head:
    """What turns features into one logit per label.

    ``keywords``: 10 x the action's keyword score (the rule layer alone);
    ``zero_shot``: 10 x the action's zero-shot similarity (no fitted weights);
    ``pooled``: cells[:, :, cols] @ w + bias[label] (weights shared by the labels; the
    cells include, when ``sup_vecs`` is set, the similarity to the training actions of
    each label: few-shot prototypes);
    ``per_label``: pooled + cells[:, l] @ Wc[l] (each label's own correction of the
    shared weights, regularised towards 0);
    ``residual``: pooled + ((rows - mean) / scale) @ W[label] (a per-label correction
    from the whole feature row, strongly regularised towards 0)."""
    kind: str
    cols: tuple[int, ...] = ()
    w: np.ndarray | None = None
    bias: np.ndarray | None = None
    W: np.ndarray | None = None
    mean: np.ndarray | None = None
    scale: np.ndarray | None = None
    sup_vecs: np.ndarray | None = None     # (m, d) training actions' vectors
    sup_Y: np.ndarray | None = None        # (m, L) their labels
    Wc: np.ndarray | None = None           # (L, k) per-label correction of w (kind "per_label")

    def cells(self, f: Features, self_index: np.ndarray | None = None) -> np.ndarray:
        C = f.cells()
        if self.sup_vecs is not None:
            C = np.concatenate([C, supervised_cells(f.emb_action, self.sup_vecs, self.sup_Y, self_index)], axis=2)
        return C[:, :, list(self.cols)]

    def pooled_logits(self, f: Features, self_index: np.ndarray | None = None) -> np.ndarray:
        return np.einsum("nlk,k->nl", self.cells(f, self_index), self.w, optimize=False) + self.bias[None, :]

    def logits(self, f: Features) -> np.ndarray:
        if self.kind == "zero_shot":
            return f.zs_action * 10.0
        if self.kind == "keywords":
            return f.kw_action * 10.0
        if self.kind == "pooled":
            return self.pooled_logits(f)
        if self.kind == "per_label":
            return (np.einsum("nlk,lk->nl", self.cells(f), self.Wc, optimize=False) + self.pooled_logits(f))
        if self.kind == "residual":
            X = (f.rows() - self.mean) / self.scale
            return self.pooled_logits(f) + dot(X, self.W)
        raise ValueError(f"unknown head {self.kind!r}")

    def to_dict(self) -> dict:
        d: dict = {"kind": self.kind, "cols": [CELL_FEATURES[c] for c in self.cols]}
        for k in ("w", "bias", "W", "mean", "scale", "Wc"):
            v = getattr(self, k)
            if v is not None:
                d[k] = np.round(v, 8).tolist()
        if self.sup_vecs is not None:
            d["sup_vecs"] = np.round(self.sup_vecs, 6).tolist()
            d["sup_labels"] = [np.flatnonzero(r).tolist() for r in self.sup_Y]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Head":
        arr = lambda k: None if d.get(k) is None else np.asarray(d[k], dtype=np.float64)  # noqa: E731
        sup_vecs = sup_Y = None
        if d.get("sup_vecs") is not None:
            sup_vecs = np.asarray(d["sup_vecs"], dtype=np.float64)
            sup_Y = np.zeros((len(sup_vecs), len(d["bias"])))
            for i, labs in enumerate(d["sup_labels"]):
                sup_Y[i, labs] = 1.0
        return cls(d["kind"], tuple(CELL_FEATURES.index(c) for c in d.get("cols", ())), arr("w"), arr("bias"),
                   arr("W"), arr("mean"), arr("scale"), sup_vecs, sup_Y, arr("Wc"))


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
    second_floors: tuple[float, ...] | None = None   # per label: replaces second_threshold for that label
    ratio: float | None = None   # when set: a second label needs p2 >= ratio * p1 (replaces the margin test)

    def __post_init__(self):
        if self.second_floors is not None:
            object.__setattr__(self, "second_floors", tuple(float(x) for x in self.second_floors))

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
                floor = self.second_threshold if self.second_floors is None else self.second_floors[j]
                close = (pj >= self.ratio * p1 - 1e-9) if self.ratio is not None else (p1 - pj <= self.margin + 1e-9)
                if pj >= 0 and pj >= floor and close:
                    chosen.append(int(j))
            out.append(tuple(sorted(chosen)))
        return out

    def to_dict(self) -> dict:
        d = {"task": self.task, "threshold": self.threshold, "second_threshold": self.second_threshold,
             "margin": self.margin, "max_labels": self.max_labels}
        if self.second_floors is not None:
            d["second_floors"] = list(self.second_floors)
        if self.ratio is not None:
            d["ratio"] = self.ratio
        return d
