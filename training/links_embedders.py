"""Would a stronger sentence embedding separate the gold cross-cycle links? A measurement,
not a model: for each gold pair of tests/links/, the AUC of the gold links against every
other (earlier action, later action) pair, under the shipped static vectors
(models/embeddings/) and under the full all-MiniLM-L6-v2 they were distilled from, alone
(raw and centred cosines, on the action text and on text + aim) and as the embedding part
of the combined score (tcpipe.dataset.links.similarity, at the shipped weight and above);
and the best link F1 any thresholds reach on the pair itself (an upper bound for that score).

Result (December 2026, five pairs, essex / ardlow / glenmoray / kelderby / northbridge):
  AUC of the embedding alone, centred, action text:
    static 0.901 / 0.973 / 0.988 / 0.981 / 0.992, MiniLM 0.896 / 0.970 / 0.987 / 0.989 / 0.988
  text + aim, centred: static 0.918 / 0.973 / 0.991 / 0.989 / 0.983, MiniLM 0.918 / 0.983 /
    0.993 / 0.992 / 0.987
  combined score at the shipped weight (0.13): static 0.969 / 0.994 / 0.992 / 0.981 / 0.998,
    MiniLM 0.970 / 0.992 / 0.991 / 0.981 / 0.998; best link F1 on the pair itself 0.57 / 0.89 /
    0.86 / 0.78 / 0.95 (static) and 0.59 / 0.89 / 0.86 / 0.79 / 0.94 (MiniLM); at weight 0.3 to
    1.0 MiniLM lowers Essex (0.968 .. 0.956) as the static vectors do.
The full MiniLM is no better than its static distillation here (Essex AUC +0.00, not the
+0.05 that would justify shipping an ONNX runtime): what the Essex links share is not in
either model's sentence vectors. Kept to re-run on new pairs or another model.

Runs in the training environment (torch, sentence-transformers: the `train` extra), offline:

    HF_HUB_OFFLINE=1 python -m training.links_embedders [--out build/links] [--reuse]
"""
from __future__ import annotations

import argparse
import itertools
import os
import sys
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def auc(score: np.ndarray, gold: np.ndarray) -> float:
    """Probability that a gold link scores above a non-link (ties count half)."""
    from scipy.stats import rankdata
    s, y = score.ravel(), gold.ravel().astype(bool)
    if not y.any() or y.all():
        return float("nan")
    r = rankdata(np.concatenate([s[y], s[~y]]))
    n = int(y.sum())
    return float((r[:n].sum() - n * (n + 1) / 2) / (n * (len(y) - n)))


def best_f1(score: np.ndarray, gold: np.ndarray) -> float:
    """The best link F1 any relative thresholds reach on this pair (links.choose_pairs)."""
    from tcpipe.dataset import links as L
    best = 0.0
    for floor, min_score in itertools.product((0.01, 0.02, 0.03), (0.0, 0.05, 0.1)):
        rel = np.where(score >= min_score, L.relative(score, floor), -1.0)
        for c, e, r in itertools.product((1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5), (2, 2.5, 3, 3.5, 4, 4.5, 5, 6), (0.5, 0.7, 0.9)):
            if e < c:
                continue
            cfg = L.LinkCfg(continued=c, extra=e, extra_ratio=r, assignment=L.load_config().links.assignment)
            chosen = L.choose_pairs(rel, cfg, np.where(rel > -1, score, -1))
            tp = int(sum(gold[i, j] for i, j in chosen))
            best = max(best, L.f1(tp, len(chosen) - tp, int(gold.sum()) - tp)[2])
    return best


def _centred(e: np.ndarray) -> np.ndarray:
    e = e - e.mean(axis=0, keepdims=True)
    return e / np.maximum(np.linalg.norm(e, axis=1, keepdims=True), 1e-12)


def measure(ds: Path, minilm) -> dict[str, dict[str, dict[str, float]]]:
    from tcpipe.dataset import links as L
    from tcpipe.dataset.plans import _ref
    from tests.links.evaluate import _rows_by_stem, pairs
    rows = _rows_by_stem(ds)
    cfg = L.load_config()
    static = L.default_embedder()
    out: dict[str, dict[str, dict[str, float]]] = {}
    for p in pairs():
        a, b = rows[p.from_stem], rows[p.to_stem]
        ra, rb = [_ref(r) for r in a], [_ref(r) for r in b]
        links = {(g["from"], g["to"]) for g in p.gold["links"]}
        y = np.array([[(x["action_id"], z["action_id"]) in links for z in b] for x in a])
        n = len(a)
        texts = [r.text for r in ra + rb]
        with_aim = [f"{r.text} {r.aim or ''}".strip() for r in ra + rb]
        mats: dict[str, np.ndarray] = {}
        for name, enc in (("static", static), ("minilm", minilm)):
            for what, tx in (("text", texts), ("text+aim", with_aim)):
                e = np.asarray(enc(tx), dtype=np.float64)
                mats[f"{name} {what} raw"] = e[:n] @ e[n:].T
                c = np.vstack([_centred(e[:n]), _centred(e[n:])])
                mats[f"{name} {what} centred"] = c[:n] @ c[n:].T
        w = cfg.similarity.weights
        for weight in (w.embedding, 0.3, 0.6, 1.0):
            c = cfg.model_copy(update={"similarity": cfg.similarity.model_copy(
                update={"weights": w.model_copy(update={"embedding": weight})})})
            for name, enc in (("static", static), ("minilm", minilm)):
                mats[f"combined {name} w={weight}"] = L.similarity(ra, rb, c, enc).score
        res = {k: {"auc": round(auc(m, y), 3)} for k, m in mats.items()}
        for name in ("static", "minilm"):
            res[f"combined {name} w={w.embedding}"]["best_f1"] = round(best_f1(mats[f"combined {name} w={w.embedding}"], y), 3)
        out[p.split] = res
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.links_embedders", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="build/links", help="the evaluate-links work folder (its dataset/)")
    ap.add_argument("--reuse", action="store_true", help="use the dataset already in OUT/dataset")
    args = ap.parse_args(argv)
    from tests.links.evaluate import build

    from .embedders import MiniLMEmbedder, minilm_available
    why = minilm_available()
    if why:
        print(f"the full MiniLM cannot run here: {why}", file=sys.stderr)
        return 2
    ds = Path(args.out) / "dataset"
    if not (args.reuse and (ds / "actions.parquet").exists()):
        ds = build(Path(args.out))
    res = measure(ds, MiniLMEmbedder().encode)
    names = list(res)
    print(f"{'AUC of gold links (best link F1 on the pair)':44s} " + " ".join(f"{n:>12s}" for n in names))
    for k in res[names[0]]:
        cells = [f"{res[n][k]['auc']:.3f}" + (f" ({res[n][k]['best_f1']:.2f})" if "best_f1" in res[n][k] else "")
                 for n in names]
        print(f"{k:44s} " + " ".join(f"{c:>12s}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
