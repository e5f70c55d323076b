"""Development check on held-out folds of the TRAINING rows only (the frozen test split is
dropped before anything is read): use it to compare embeddings, taxonomy texts, heads and
data, instead of looking at the frozen split.

* seed plans held out by document (fitted on the other two plans and all fresh train rows);
* fresh ``train`` rows of fresh.jsonl in grouped folds (fitted on the seed rows, the other
  folds and every other training file, e.g. fresh-more.jsonl, fresh-boundary.jsonl, fresh-styles.jsonl,
  fresh-plans.jsonl).

    python -m training.crossval [--embeddings models/embeddings] [--head auto] [--without fresh:more]
        [--pillars-spec "residual 100 few-shot" --talent-spec "residual 30 few-shot"]
        [--no-pillar-floors] [--seed-weight 3]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np

from normalise.classify.embed import StaticEmbedder
from normalise.classify.labeller import EMBEDDINGS_DIR, TASKS, Featurizer, TaskModel
from normalise.classify.taxonomy import default_models_dir, load_taxonomies

from .data import LABELS_DIR, fold_of, load_examples
from .evaluate import PILLARS, metrics
from .train import fit_all

TALENT = tuple(f"R{i}" for i in range(1, 17))
# fresh.jsonl's own train rows; later files (fresh:more-, fresh:boundary-, fresh:styles-, fresh:plans-) are only trained on
ORIGINAL_FRESH = re.compile(r"fresh:\d+")


def held_out_parts(examples, n_folds: int = 5) -> tuple[list, list[tuple[str, list[list[int]]]]]:
    """The examples a crossval may read (never the frozen split) and its held-out parts:
    each seed plan by document, and the fresh rows in `n_folds` folds by group."""
    examples = [e for e in examples if e.split in ("seed", "train")]   # never a held-out row (frozen test split, holdout)
    plans = sorted({e.plan for e in examples if e.split == "seed"})
    fresh = [i for i, e in enumerate(examples) if e.split == "train" and ORIGINAL_FRESH.fullmatch(e.key)]
    ffold = dict(zip(fresh, fold_of([examples[i].group for i in fresh], n_folds)))
    held = [("seed", [[i for i, e in enumerate(examples) if e.plan == p] for p in plans]),
            ("fresh-cv", [[i for i in fresh if ffold[i] == k] for k in range(n_folds)])]
    return examples, held


def fit_predict(featurizer: Featurizer, feats, examples, tr: list[int], te: list[int], kind: str,
                gold: dict, pred: dict) -> None:
    """Fit the heads on rows `tr`, predict rows `te`; append to `gold` and `pred` per task."""
    fits = fit_all(featurizer, [examples[i] for i in tr], kind, {t: feats[t].take(tr) for t in TASKS})
    for t in TASKS:
        tax = featurizer.taxonomies[t]
        tm = TaskModel.from_dict(fits[t].to_dict(tax.ids), tax)
        _, labels = tm.predict(feats[t].take(te))
        pred[t] += labels
        gold[t] += [examples[i].target(t) for i in te]


def scores(gold: dict, pred: dict) -> dict:
    mp = metrics(gold["pillars"], pred["pillars"], PILLARS, ("macro_f1", "micro_f1"))
    mt = metrics(gold["talent"], pred["talent"], TALENT, ("micro_f1", "precision", "recall"))
    return {"n": len(gold["pillars"]), "pillars": mp, "talent": mt}


def run(examples, featurizer: Featurizer, kind: str, n_folds: int = 5) -> dict:
    examples, held = held_out_parts(examples, n_folds)
    feats = featurizer.features([e.item for e in examples])[0]
    out = {}
    for name, parts in held:
        gold = {t: [] for t in TASKS}
        pred = {t: [] for t in TASKS}
        for te in parts:
            tes = set(te)
            fit_predict(featurizer, feats, examples, [i for i in range(len(examples)) if i not in tes], te, kind,
                        gold, pred)
        out[name] = scores(gold, pred)
    return out


def fix_heads(specs: dict) -> None:
    """Screening: fit one given head per task (e.g. "residual 100 few-shot") instead of
    choosing among the candidates, about three times faster."""
    from . import fit, train

    choose = fit.fit_task

    def fit_task(task, f, Y, predictable, folds, kind="auto", sw=None):
        if not specs.get(task):
            return choose(task, f, Y, predictable, folds, kind, sw)
        words = specs[task].split()
        spec = (words[0], float(words[1]), *words[2:]) if len(words) > 1 else (words[0],)
        keep = fit.candidate_specs
        fit.candidate_specs = lambda k: [spec]
        try:
            return choose(task, f, Y, predictable, folds, kind, sw)
        finally:
            fit.candidate_specs = keep

    train.fit_task = fit_task


def fmt(m: dict, key: str) -> str:
    v = m[key]
    return f"{v['value']:.3f}" if isinstance(v, dict) else f"{v:.3f}"


def print_scores(res: dict) -> None:
    """One line per held-out part: pillar macro/micro-F1, TALENT micro-F1, precision, recall."""
    for name, r in res.items():
        print(f"{name:9} n={r['n']:3d}  pillar macro {fmt(r['pillars'], 'macro_f1')} micro {fmt(r['pillars'], 'micro_f1')}"
              f"  TALENT micro {fmt(r['talent'], 'micro_f1')} P {fmt(r['talent'], 'precision')} R {fmt(r['talent'], 'recall')}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models-dir", type=Path, default=default_models_dir())
    ap.add_argument("--embeddings", type=Path)
    ap.add_argument("--labels", type=Path, default=LABELS_DIR)
    ap.add_argument("--head", default="auto")
    ap.add_argument("--without", default="", help="comma-separated key prefixes of training rows to leave out")
    ap.add_argument("--pillars-spec", help='one fixed pillar head, e.g. "residual 100 few-shot" (screening)')
    ap.add_argument("--talent-spec", help='one fixed head for TALENT, e.g. "residual 30 few-shot"')
    ap.add_argument("--no-pillar-floors", action="store_true", help="one shared floor for a second pillar")
    ap.add_argument("--seed-weight", type=float, help="weight of the seed plans' rows in the heads' fits")
    a = ap.parse_args(argv)
    from . import fit, train
    if a.no_pillar_floors:
        fit.PILLAR_SECOND_PER_LABEL = False
    if a.seed_weight is not None:
        train.SEED_ROW_WEIGHT = a.seed_weight
    if a.pillars_spec or a.talent_spec:
        fix_heads({"pillars": a.pillars_spec, "talent": a.talent_spec})
    taxonomies = load_taxonomies(a.models_dir)
    emb_dir = a.embeddings or a.models_dir / EMBEDDINGS_DIR
    recipe = emb_dir / "recipe.json"
    if recipe.exists() and __import__("json").loads(recipe.read_text()).get("teacher"):
        print(f"note: {emb_dir} was taught by MiniLM on the text of every training row, held-out folds included "
              "(unlabelled text, but optimistic): compare teacher settings with `python -m training.teacher "
              "--embeddings <plain distillation>`, which keeps held-out text out", file=sys.stderr)
    fz = Featurizer(taxonomies, StaticEmbedder(a.embeddings or a.models_dir / EMBEDDINGS_DIR))
    ex = load_examples(a.labels)
    drop = [p for p in a.without.split(",") if p]
    ex = [e for e in ex if not any(e.key.startswith(p) for p in drop)]
    res = run(ex, fz, a.head)
    print_scores(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
