"""`make train`: fit the shipped labeller on the guide-labelled rows and write
models/classifier/ (labeller.json, manifest.json). With ``--distill`` it first rebuilds
models/embeddings/ (training/distill.py; needs the `train` extra: torch, model2vec).

    python -m training.train [--distill] [--labels data/labels] [--models-dir models]

Fitted on seed rows and fresh ``train`` rows only; the frozen ``test`` rows are never read
here. Deterministic: the same data give byte-identical files.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

from normalise.classify.embed import StaticEmbedder
from normalise.classify.labeller import CLASSIFIER_DIR, EMBEDDINGS_DIR, MODEL_FILE, TASKS, Featurizer
from normalise.classify.scoring import Features
from normalise.classify.taxonomy import default_models_dir, load_taxonomies, taxonomy_version

from .data import LABELS_DIR, Example, fold_of, load_examples, training_rows
from .fit import TaskFit, fit_task, targets

VERSION = "2.0.0"
SEED_ROW_WEIGHT = 1.0   # real plans' rows against written ones in the heads' fits (training.crossval chooses)


def featurize(featurizer: Featurizer, examples: list[Example]) -> dict[str, Features]:
    feats, _ = featurizer.features([e.item for e in examples])
    return feats


def row_weights(rows: list[Example]) -> np.ndarray | None:
    """Weight of each row in the heads' fits: rows of real plans (``seed``) count
    SEED_ROW_WEIGHT times a written row; None when that is 1 (plain fits)."""
    if SEED_ROW_WEIGHT == 1.0:
        return None
    return np.array([SEED_ROW_WEIGHT if e.split == "seed" else 1.0 for e in rows])


def fit_all(featurizer: Featurizer, rows: list[Example], kind: str = "auto",
            feats: dict[str, Features] | None = None) -> dict[str, TaskFit]:
    feats = feats or featurize(featurizer, rows)
    folds = np.asarray(fold_of([e.group for e in rows]))
    sw = row_weights(rows)
    out = {}
    for t in TASKS:
        tax = featurizer.taxonomies[t]
        pred = np.array([lab in tax.predictable_ids for lab in tax.ids])
        Y = targets([e.target(t) for e in rows], tax.ids)
        out[t] = fit_task(t, feats[t], Y, pred, folds, kind, sw)
    return out


def rows_checksum(rows: list[Example]) -> str:
    h = hashlib.sha256()
    for e in sorted(rows, key=lambda e: e.key):
        h.update(json.dumps([e.key, e.aim, e.action_text, e.pillars, e.talent, e.split]).encode())
    return h.hexdigest()[:16]


def train(models_dir: Path, labels_dir: Path, kind: str = "auto") -> dict:
    taxonomies = load_taxonomies(models_dir)
    embedder = StaticEmbedder(models_dir / EMBEDDINGS_DIR)
    featurizer = Featurizer(taxonomies, embedder)
    examples = load_examples(labels_dir)
    rows = training_rows(examples)
    fits = fit_all(featurizer, rows, kind)
    body = {"taxonomy_version": taxonomy_version(taxonomies), "embeddings_version": embedder.version,
            "tasks": {t: fits[t].to_dict(taxonomies[t].ids) for t in TASKS}}
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:10]
    model = {"model_version": f"tc-labeller-{VERSION}+{digest}", **body}
    out = models_dir / CLASSIFIER_DIR
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():   # the previous labeller's files (textcat pipeline, calibration)
        if old.name not in (MODEL_FILE, "manifest.json", "samples.json"):
            if old.is_dir():
                import shutil
                shutil.rmtree(old)
            else:
                old.unlink()
    (out / MODEL_FILE).write_text(json.dumps(model, indent=1, sort_keys=True) + "\n")
    manifest = {
        "model_version": model["model_version"], "taxonomy_version": body["taxonomy_version"],
        "embeddings_version": embedder.version,
        "training_data": {"labels_dir": str(labels_dir.relative_to(labels_dir.parents[1]))
                          if len(labels_dir.parents) > 1 else str(labels_dir),
                          "rows": len(rows), "rows_checksum": rows_checksum(rows),
                          "by_split": {s: sum(1 for e in rows if e.split == s) for s in ("seed", "train")},
                          "test_rows_used": 0,
                          "targets": "reviewer labels (pillars, talent) only; the plans' own tags are never targets"},
        "fit": {t: fits[t].report for t in TASKS},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    write_samples(models_dir, model, embedder, rows)
    return manifest


SAMPLE_EXTRA = [
    {"action_text": "", "aim": None, "pillars_document": [], "talent_document": []},
    {"action_text": "Book the room.", "aim": None, "pillars_document": [], "talent_document": []},
    {"action_text": "Support technicians to gain professional registration.", "aim": None,
     "pillars_document": ["R"], "talent_document": ["R10"]},
]


def sample_inputs(rows: list[Example]) -> list[dict]:
    picked = sorted(rows, key=lambda e: e.key)[::7][:30]
    return [{"action_text": e.action_text, "aim": e.aim, "pillars_document": [], "talent_document": []}
            for e in picked] + SAMPLE_EXTRA


def label_samples(labeller, inputs: list[dict]) -> list[dict]:
    from normalise.classify import LabelInput

    outs = labeller.label([LabelInput(s["action_text"], s["aim"], None, tuple(s["pillars_document"]),
                                      tuple(s["talent_document"])) for s in inputs])
    return [{"input": s, "output": {k: (list(v) if isinstance(v, tuple) else v) for k, v in o.__dict__.items()}}
            for s, o in zip(inputs, outs)]


def write_samples(models_dir: Path, model: dict, embedder, rows: list[Example]) -> None:
    """models/classifier/samples.json: inputs and the shipped labeller's exact outputs (a
    test reproduces them byte for byte, under different thread counts too)."""
    from normalise.classify.labeller import build_labeller

    lab = build_labeller(models_dir, model, embedder)
    doc = {"model_version": model["model_version"], "samples": label_samples(lab, sample_inputs(rows))}
    (models_dir / CLASSIFIER_DIR / "samples.json").write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--models-dir", type=Path, default=default_models_dir())
    ap.add_argument("--labels", type=Path, default=LABELS_DIR)
    ap.add_argument("--head", default="auto", help="auto | pooled | residual")
    ap.add_argument("--distill", action="store_true", help="rebuild models/embeddings first (train extra)")
    ap.add_argument("--pca-dims", type=int, default=256)
    a = ap.parse_args(argv)
    if a.distill:
        from .distill import distill
        distill(a.models_dir / EMBEDDINGS_DIR, a.pca_dims, labels_dir=a.labels, models_dir=a.models_dir)
    m = train(a.models_dir, a.labels, a.head)
    print(f"{m['model_version']}: {m['training_data']['rows']} rows "
          f"({m['training_data']['by_split']}), taxonomy {m['taxonomy_version']}")
    for t in TASKS:
        r = m["fit"][t]
        print(f"  {t}: head {' '.join(r['head'])}, out-of-fold log-loss {r['oof_log_loss']}, "
              f"out-of-fold decision {r['oof_decision']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
