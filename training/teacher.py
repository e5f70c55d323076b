"""The full all-MiniLM-L6-v2 as a teacher of the static vectors: a linear map from the
static sentence vector (model2vec, 256 dims) to MiniLM's own sentence vector (384 dims),
fitted by ridge regression on unlabelled text (the training rows' actions and aims, their
clauses and word windows, the taxonomy's definitions and phrases). The runtime applies it
with numpy (a product and a normalisation), so no torch at run time.

Experiment entry point (training venv, needs torch for the teacher):

    python -m training.teacher --crossval [--l2 1.0] [--protos teacher|projected]

The crossval is honest about the unlabelled text: in every held-out part the map is fitted
without the held-out rows' text (hidden plans are not in the corpus either).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

import numpy as np

from normalise.classify.embed import StaticEmbedder
from normalise.classify.labeller import EMBEDDINGS_DIR, TASKS, Featurizer
from normalise.classify.scoring import build_prototypes, dot, label_texts
from normalise.classify.taxonomy import default_models_dir, load_taxonomies
from normalise.classify.text import action_and_aim

from .data import LABELS_DIR, Example, load_examples

_SPLIT = re.compile(r"\s*(?:[;:]|,\s+(?:and|or|with|including|so|to|for)\b|\band\b|\bincluding\b|\bwith\b)\s*")


def windows(text: str, sizes=(4, 7), step: int = 3) -> list[str]:
    words = text.split()
    out = []
    for k in sizes:
        if len(words) > k + 1:
            out += [" ".join(words[i:i + k]) for i in range(0, len(words) - k + 1, step)]
    return out


def expand(text: str) -> list[str]:
    """The text, its clauses and word windows (more points for a linear map)."""
    out = [text]
    parts = [p for p in _SPLIT.split(text) if p and len(p.split()) >= 2]
    if len(parts) > 1:
        out += parts
    out += windows(text)
    return out


def corpus(examples: list[Example], taxonomies) -> list[str]:
    seen: dict[str, None] = {}
    for e in examples:
        action, aim = action_and_aim(e.item)
        for t in (action, aim):
            if t:
                for s in expand(t):
                    seen.setdefault(s, None)
    for t in TASKS:
        for lab, (definition, phrases) in label_texts(taxonomies[t]).items():
            for s in [*expand(definition), *phrases]:
                seen.setdefault(s, None)
    return list(seen)


def fit_map(S: np.ndarray, M: np.ndarray, l2: float) -> np.ndarray:
    """(d_static, d_teacher) ridge map from normalised static vectors to teacher vectors."""
    S = np.asarray(S, dtype=np.float64)
    M = np.asarray(M, dtype=np.float64)
    A = S.T @ S + l2 * np.eye(S.shape[1])
    return np.linalg.solve(A, S.T @ M)


class ProjectedEmbedder:
    """The static embedder followed by the teacher map, re-normalised."""

    def __init__(self, static: StaticEmbedder, W: np.ndarray):
        self.static = static
        self.W = np.round(np.asarray(W, dtype=np.float64), 8)
        self.dim = int(self.W.shape[1])
        self.version = static.version + "+" + hashlib.sha256(self.W.tobytes()).hexdigest()[:8]

    def encode(self, texts) -> np.ndarray:
        v = self.static.encode(texts)
        p = np.einsum("nd,dk->nk", v.astype(np.float64), self.W, optimize=False)
        norm = np.sqrt((p ** 2).sum(axis=1, keepdims=True))
        p = np.where(norm > 1e-12, p / np.maximum(norm, 1e-12), 0.0)
        return p.astype(np.float32)


def fit_tokens(static: StaticEmbedder, texts: list[str], M: np.ndarray, W: np.ndarray, l2: float) -> np.ndarray:
    """The static table mapped by W, plus a per-token correction D fitted by ridge on the
    residual of the teacher's vectors (tokens the corpus never shows keep V @ W).

    A text's (unnormalised) vector is alpha * sum_t w_t (V_t W + D_t) with alpha the static
    vector's own scale; the final normalisation makes alpha irrelevant at run time, so the
    result is a plain static table read by the same code."""
    from scipy import sparse

    V = static.vectors.astype(np.float64)
    if static.mapping is not None:
        V = V[static.mapping]
    T = V @ W
    ids = static.token_ids(texts)
    vocab = sorted({i for r in ids for i in r})
    col = {t: j for j, t in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for s, r in enumerate(ids):
        if not r:
            continue
        w = static.weights[r] if static.weights is not None else np.ones(len(r))
        raw = (V[r] * w[:, None]).mean(axis=0)
        alpha = 1.0 / (len(r) * (np.sqrt((raw ** 2).sum()) + 1e-12))
        for t, wt in zip(r, w):
            rows.append(s)
            cols.append(col[t])
            vals.append(alpha * float(wt))
    A = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vocab)))
    P = np.zeros((len(texts), W.shape[1]))
    for s, r in enumerate(ids):
        if r:
            P[s] = np.asarray(A[s] @ T[vocab]).ravel()
    R = np.asarray(M, dtype=np.float64) - P
    G = (A.T @ A).toarray() + l2 * np.eye(len(vocab))
    D = np.linalg.solve(G, np.asarray(A.T @ R))
    T[vocab] += D
    return T


def reduce_table(T: np.ndarray, M: np.ndarray, dims: int) -> np.ndarray:
    """The table projected onto the top ``dims`` directions (uncentred) of the teacher's
    sentence vectors M: a rotation and a truncation, so cosines are kept up to the small
    energy outside that subspace, and the table keeps the shipped size."""
    if dims >= T.shape[1]:
        return T
    _, _, Vt = np.linalg.svd(np.asarray(M, dtype=np.float64), full_matrices=False)
    Q = Vt[:dims].T
    Q = Q * np.where(Q[np.abs(Q).argmax(axis=0), np.arange(dims)] < 0, -1.0, 1.0)[None, :]   # fixed signs
    return T @ Q


class TableEmbedder:
    """The static embedder's tokenizer and weights with another vector table."""

    def __init__(self, static: StaticEmbedder, table: np.ndarray):
        self.static = static
        self.table = np.asarray(table, dtype=np.float32)
        self.dim = int(self.table.shape[1])
        self.version = static.version + "+t" + hashlib.sha256(self.table.tobytes()).hexdigest()[:8]

    def encode(self, texts) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, ids in enumerate(self.static.token_ids(texts)):
            if ids:
                rows = self.table[ids]
                if self.static.weights is not None:
                    rows = rows * self.static.weights[ids][:, None]
                out[i] = rows.mean(axis=0)
        norm = np.sqrt((out.astype(np.float64) ** 2).sum(axis=1, keepdims=True)) + 1e-32
        return (out / norm).astype(np.float32)


class CachedTeacher:
    def __init__(self, minilm, cache: Path):
        self.minilm = minilm
        self.cache_path = cache
        self.table: dict[str, np.ndarray] = {}
        self.dim = 384
        self.version = "all-MiniLM-L6-v2"
        if cache.exists():
            z = np.load(cache, allow_pickle=False)
            for t, v in zip(z["texts"].tolist(), z["vecs"]):
                self.table[t] = v

    def encode(self, texts) -> np.ndarray:
        texts = list(texts)
        missing = sorted({t for t in texts if t not in self.table})
        if missing:
            vecs = self.minilm().encode(missing)
            for t, v in zip(missing, vecs):
                self.table[t] = v
            keys = sorted(self.table)
            np.savez(self.cache_path, texts=np.array(keys), vecs=np.stack([self.table[k] for k in keys]))
        return np.stack([self.table[t] for t in texts]) if texts else np.zeros((0, 384), np.float32)


def crossval(examples, taxonomies, static, teacher, kind: str, l2: float, protos: str, n_folds: int = 5,
             mode: str = "teacher", tok_l2: float = 1.0) -> dict:
    from .crossval import fit_predict, held_out_parts, scores

    examples, held = held_out_parts(examples, n_folds)
    out = {}
    for name, parts in held:
        gold = {t: [] for t in TASKS}
        pred = {t: [] for t in TASKS}
        for te in parts:
            tes = set(te)
            tr = [i for i in range(len(examples)) if i not in tes]
            if mode == "static":
                emb = static
            elif mode == "minilm":
                emb = teacher
            else:
                texts = corpus([examples[i] for i in tr], taxonomies)
                M = teacher.encode(texts)
                W = fit_map(static.encode(texts), M, l2)
                emb = ProjectedEmbedder(static, W)
                if mode in ("tokens", "tokens256"):
                    T = fit_tokens(static, texts, M, W, tok_l2)
                    if mode == "tokens256":
                        T = reduce_table(T, M, 256)
                    emb = TableEmbedder(static, T)
            fz = Featurizer(taxonomies, emb)
            if protos == "teacher" and mode not in ("static", "minilm"):
                fz.prototypes = {t: build_prototypes(taxonomies[t], teacher.encode) for t in TASKS}
            feats = fz.features([e.item for e in examples])[0]
            fit_predict(fz, feats, examples, tr, te, kind, gold, pred)
        out[name] = scores(gold, pred)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models-dir", type=Path, default=default_models_dir())
    ap.add_argument("--labels", type=Path, default=LABELS_DIR)
    ap.add_argument("--head", default="residual")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--protos", default="teacher", choices=("teacher", "projected"))
    ap.add_argument("--mode", default="teacher", choices=("teacher", "static", "tokens", "tokens256", "minilm"))
    ap.add_argument("--tok-l2", type=float, default=1.0)
    ap.add_argument("--cache", type=Path, default=Path("build/train-cache/teacher-vectors.npz"))
    ap.add_argument("--embeddings", type=Path, help="the plain distillation to start from (not a taught table)")
    ap.add_argument("--min-talent-precision", type=float, help="override fit.MIN_TALENT_PRECISION (experiment)")
    ap.add_argument("--fit-check", action="store_true", help="held-out R^2 / cosine of the map only")
    ap.add_argument("--no-pillar-floors", action="store_true", help="one shared floor for a second pillar")
    a = ap.parse_args(argv)
    if a.no_pillar_floors:
        from . import fit
        fit.PILLAR_SECOND_PER_LABEL = False
    from .crossval import print_scores
    from .embedders import MiniLMEmbedder

    if a.min_talent_precision is not None:
        from . import fit
        fit.MIN_TALENT_PRECISION = a.min_talent_precision
    taxonomies = load_taxonomies(a.models_dir)
    static = StaticEmbedder(a.embeddings or a.models_dir / EMBEDDINGS_DIR)
    if (a.embeddings is None and a.mode != "minilm"
            and json.loads((a.models_dir / EMBEDDINGS_DIR / "recipe.json").read_text()).get("teacher")):
        ap.error("models/embeddings is already taught on every training row: give --embeddings <plain distillation> "
                 "(python -m training.distill --no-teacher --out DIR)")
    holder: dict = {}

    def minilm():
        if "m" not in holder:
            holder["m"] = MiniLMEmbedder()
        return holder["m"]

    a.cache.parent.mkdir(parents=True, exist_ok=True)
    teacher = CachedTeacher(minilm, a.cache)
    ex = load_examples(a.labels)
    if a.fit_check:
        train = [e for e in ex if e.split in ("seed", "train") and e.plan != "essex-2024-27-action-plan"]
        held = [e for e in ex if e.plan == "essex-2024-27-action-plan"]
        texts = corpus(train, taxonomies)
        ht = [action_and_aim(e.item)[0] for e in held]
        print(f"corpus {len(texts)} texts")
        for l2 in (0.01, 0.1, 1.0, 3.0, 10.0):
            W = fit_map(static.encode(texts), teacher.encode(texts), l2)
            p = ProjectedEmbedder(static, W).encode(ht)
            m = teacher.encode(ht)
            print(f"l2 {l2}: mean cosine to teacher on held-out plan {float((p * m).sum(1).mean()):.4f}")
        M = teacher.encode(texts)
        W = fit_map(static.encode(texts), M, 0.1)
        for tl2 in (0.01, 0.1, 1.0, 10.0):
            T = fit_tokens(static, texts, M, W, tl2)
            p = TableEmbedder(static, T).encode(ht)
            print(f"tokens l2 {tl2}: mean cosine to teacher on held-out plan {float((p * m).sum(1).mean()):.4f}")
            p2 = TableEmbedder(static, reduce_table(T, M, 256)).encode(ht)
            cos = lambda a: a @ a.T  # noqa: E731
            print(f"  256 dims: mean |cos diff| between held-out pairs {float(np.abs(cos(p2) - cos(p)).mean()):.4f}")
        return 0
    res = crossval(ex, taxonomies, static, teacher, a.head, a.l2, a.protos, mode=a.mode, tok_l2=a.tok_l2)
    print_scores(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
