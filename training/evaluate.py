"""`make evaluate`: the labeller against guide labels, on data it was not fitted on.

    python -m training.evaluate [--labels data/labels] [--gold FOLDER [--data DATASET]]

* **Frozen test split**: fresh rows with split == "test"; every system is fitted on the
  seed rows and the fresh train rows (thresholds and calibration from their out-of-fold
  scores) and predicts the test rows once.
* **Held-out sets**: fresh rows with split == "holdout", each file written after the modelling
  choices of its time by another hand than the training rows (fresh-holdout.jsonl, then
  fresh-holdout2.jsonl, written blind); predicted once, like the frozen split, and reported
  per file (``holdout``, ``holdout2``: the key's prefix) and pooled (``holdout_all``).
* **Seed plans, held out by document**: for each seed plan, every system is refitted
  without that plan's rows and predicts them; the three held-out predictions are pooled.
* **Systems** (one table): the keyword baseline (any taxonomy phrase matched in the
  action or its aim, as the previous labeller's rule layer read them); the
  keywords with the guide's decision rule; zero-shot similarity with the full MiniLM
  (sentence-transformers) and with the static distillation (models/embeddings), each
  calibrated and with the guide's rule; zero-shot + keywords (pooled head) for both; and
  the combined system with head choice (what ships, on the distilled vectors; also on
  MiniLM for comparison).
* **Figures**: pillar macro/micro-F1, TALENT micro-F1, precision, recall, the share of
  no-recommendation rows left empty, each with a bootstrap 95% interval (rows resampled
  1,000 times, fixed seed); per-label tables; the pillar confusion matrix; agreement with
  the plans' own tags in its own section (metrics/agreement.json); speed, load time and
  memory of the shipped labeller in a separate process of the runtime environment
  (metrics/speed.json).
* ``--gold FOLDER``: score.py-format gold files (../shared/tools/GOLD_FORMAT.md): the
  shipped labeller labels every gold row and is scored against the gold pillars/talent
  (stripped files, whose labels a reader assigned, apart from the others); with
  ``--data`` the dataset is also scored end to end by ../shared/tools/score.py.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from normalise.classify.embed import StaticEmbedder
from normalise.classify.labeller import EMBEDDINGS_DIR, TASKS, Featurizer, TaskModel, load_labeller
from normalise.classify.scoring import Features
from normalise.classify.taxonomy import default_models_dir, load_taxonomies

from .data import LABELS_DIR, ROOT, Example, load_examples, plans_own_tags, seed_plans, training_rows
from .embedders import MiniLMEmbedder, minilm_available
from .metrics import calibration_report
from .train import fit_all

PILLARS = ("V", "R", "CD", "S")
B = 1000
SHIPPED = "combined + head (distilled)"
SYSTEMS = [  # name, embedder, head kind
    ("keywords (any match)", "static", "any_keyword"),
    ("keywords + guide rule", "static", "keywords"),
    ("zero-shot MiniLM", "minilm", "zero_shot"),
    ("zero-shot distilled", "static", "zero_shot"),
    ("zero-shot + keywords MiniLM", "minilm", "pooled"),
    ("zero-shot + keywords distilled", "static", "pooled"),
    ("+ per-label weights distilled", "static", "per_label"),
    ("+ few-shot prototypes MiniLM", "minilm", "few-shot"),
    ("+ few-shot prototypes distilled", "static", "few-shot"),
    ("combined + head (MiniLM)", "minilm", "auto"),
    (SHIPPED, "static", "auto"),
]


# --- metrics -------------------------------------------------------------------------------

def _counts(gold: list[tuple], pred: list[tuple], labels: tuple[str, ...]):
    G = np.array([[lab in g for lab in labels] for g in gold], dtype=bool).reshape(len(gold), len(labels))
    P = np.array([[lab in p for lab in labels] for p in pred], dtype=bool).reshape(len(pred), len(labels))
    return G, P


def _scores(G: np.ndarray, P: np.ndarray) -> dict:
    tp = (G & P).sum(0).astype(float)
    fp = (~G & P).sum(0).astype(float)
    fn = (G & ~P).sum(0).astype(float)
    TP, FP, FN = tp.sum(), fp.sum(), fn.sum()
    sup = (tp + fn) > 0
    f1 = np.divide(2 * tp, 2 * tp + fp + fn, out=np.zeros_like(tp), where=(2 * tp + fp + fn) > 0)
    empty_gold = ~G.any(1)
    return {
        "macro_f1": float(f1[sup].mean()) if sup.any() else 0.0,
        "micro_f1": float(2 * TP / (2 * TP + FP + FN)) if TP + FP + FN else 1.0,
        "precision": float(TP / (TP + FP)) if TP + FP else 1.0,
        "recall": float(TP / (TP + FN)) if TP + FN else 1.0,
        "empty_left_empty": float((~P.any(1) & empty_gold).sum() / empty_gold.sum()) if empty_gold.any() else None,
    }


def metrics(gold: list[tuple], pred: list[tuple], labels: tuple[str, ...], keys: tuple[str, ...], seed: int = 0) -> dict:
    G, P = _counts(gold, pred, labels)
    point = _scores(G, P)
    rng = np.random.default_rng(seed)
    boots = {k: [] for k in keys}
    n = len(G)
    for _ in range(B):
        idx = rng.integers(0, n, n)
        s = _scores(G[idx], P[idx])
        for k in keys:
            if s[k] is not None:
                boots[k].append(s[k])
    out = {}
    for k in keys:
        v = point[k]
        lo, hi = (np.percentile(boots[k], [2.5, 97.5]).tolist() if boots[k] else (None, None))
        out[k] = {"value": None if v is None else round(v, 4),
                  "ci95": None if lo is None else [round(lo, 4), round(hi, 4)]}
    per = {}
    for j, lab in enumerate(labels):
        tp, fp, fn = int((G[:, j] & P[:, j]).sum()), int((~G[:, j] & P[:, j]).sum()), int((G[:, j] & ~P[:, j]).sum())
        per[lab] = {"support": tp + fn, "predicted": tp + fp,
                    "precision": round(tp / (tp + fp), 4) if tp + fp else None,
                    "recall": round(tp / (tp + fn), 4) if tp + fn else None,
                    "f1": round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0}
    out["per_label"] = per
    out["rows"] = n
    out["labels_per_row"] = {"gold": round(float(G.sum() / max(n, 1)), 3), "predicted": round(float(P.sum() / max(n, 1)), 3)}
    return out


def confusion(gold: list[tuple], pred: list[tuple], labels: tuple[str, ...]) -> dict:
    """rows: gold label; columns: predicted label or "none". A gold label that is predicted
    counts on the diagonal; one that is missed counts once against each wrongly predicted
    label of the row (shared equally), or against "none"."""
    cols = (*labels, "none")
    M = {g: {c: 0.0 for c in cols} for g in labels}
    for g, p in zip(gold, pred):
        wrong = [x for x in p if x not in g]
        for lab in g:
            if lab in p:
                M[lab][lab] += 1
            elif wrong:
                for x in wrong:
                    M[lab][x] += 1 / len(wrong)
            else:
                M[lab]["none"] += 1
    return {g: {c: round(v, 2) for c, v in row.items()} for g, row in M.items()}


# --- systems -------------------------------------------------------------------------------

def predict_system(kind: str, featurizer: Featurizer, feats_all: dict[str, Features], train_idx: list[int],
                   test_idx: list[int], examples: list[Example]) -> dict[str, list[tuple]]:
    out = {}
    if kind == "any_keyword":
        for t in TASKS:
            tax = featurizer.taxonomies[t]
            K = np.maximum(feats_all[t].kw_action[test_idx], feats_all[t].kw_aim[test_idx])   # aim + action
            out[t] = [tuple(lab for j, lab in enumerate(tax.ids) if row[j] >= 0.5 and lab in tax.predictable_ids)
                      for row in K]
        return out
    rows = [examples[i] for i in train_idx]
    fits = fit_all(featurizer, rows, kind, {t: feats_all[t].take(train_idx) for t in TASKS})
    for t in TASKS:
        tax = featurizer.taxonomies[t]
        tm = TaskModel.from_dict(fits[t].to_dict(tax.ids), tax)
        P, labels = tm.predict(feats_all[t].take(test_idx))
        out[t] = labels
        out[f"{t}_probs"] = [dict(zip(tax.ids, r)) for r in P.tolist()]
    return out


def held_out_sets(examples: list[Example]) -> dict[str, list[int]]:
    """Held-out rows per file, named by their keys' prefix (fresh:holdout2-7 -> holdout2), and
    all of them pooled as holdout_all when there is more than one file."""
    sets: dict[str, list[int]] = {}
    for i, e in enumerate(examples):
        if e.split == "holdout":
            sets.setdefault(e.key.split(":", 1)[-1].rsplit("-", 1)[0], []).append(i)
    if len(sets) > 1:
        sets["holdout_all"] = sorted(i for idx in sets.values() for i in idx)
    return dict(sorted(sets.items()))


def evaluate_systems(examples: list[Example], featurizers: dict[str, Featurizer], systems) -> dict:
    feats = {name: fz.features([e.item for e in examples])[0] for name, fz in featurizers.items()}
    idx_train = [i for i, e in enumerate(examples) if e in set(training_rows(examples))]
    idx_test = [i for i, e in enumerate(examples) if e.split == "test"]
    holdout_sets = held_out_sets(examples)
    plans = seed_plans(examples)
    results = {}
    for name, emb, kind in systems:
        if emb not in featurizers:
            continue
        t0 = time.process_time()
        fz, fa = featurizers[emb], feats[emb]
        res = {}
        if idx_test:
            res["frozen_test"] = {"pred": predict_system(kind, fz, fa, idx_train, idx_test, examples), "idx": idx_test}
        for set_name, idx in holdout_sets.items():
            res[set_name] = {"pred": predict_system(kind, fz, fa, idx_train, idx, examples), "idx": idx}
        pooled = {"pred": {t: [] for t in TASKS}, "idx": []}
        for p in plans:
            tr = [i for i, e in enumerate(examples) if e.split in ("seed", "train") and e.plan != p]
            te = [i for i, e in enumerate(examples) if e.split == "seed" and e.plan == p]
            pr = predict_system(kind, fz, fa, tr, te, examples)
            for t in pr:
                pooled["pred"].setdefault(t, [])
                pooled["pred"][t] += pr[t]
            pooled["idx"] += te
        res["seed_by_plan"] = pooled
        results[name] = res
        print(f"  fitted and predicted: {name} ({time.process_time() - t0:.0f} s CPU)", file=sys.stderr)
    return results


def score_results(examples: list[Example], results: dict) -> dict:
    out = {"pillars": {}, "talent": {}}
    for name, res in results.items():
        for split, r in res.items():
            gold_p = [examples[i].pillars for i in r["idx"]]
            gold_t = [examples[i].talent for i in r["idx"]]
            mp = metrics(gold_p, r["pred"]["pillars"], PILLARS, ("macro_f1", "micro_f1"))
            mp["confusion"] = confusion(gold_p, r["pred"]["pillars"], PILLARS)
            talent_labels = tuple(f"R{i}" for i in range(1, 17))
            mt = metrics(gold_t, r["pred"]["talent"], talent_labels,
                         ("micro_f1", "precision", "recall", "empty_left_empty", "macro_f1"))
            mt["per_label"] = {k: v for k, v in mt["per_label"].items() if v["support"] or v["predicted"]}
            for task, m, gold in (("pillars", mp, gold_p), ("talent", mt, gold_t)):
                probs = r["pred"].get(f"{task}_probs")
                if probs:   # held-out probabilities against the reviewer labels, predictable labels only
                    labs = PILLARS if task == "pillars" else tuple(f"R{i}" for i in range(1, 17) if i not in (14, 16))
                    m["calibration"] = calibration_report([pr[lab] for pr in probs for lab in labs],
                                                          [lab in g for g in gold for lab in labs])
            out["pillars"].setdefault(split, {})[name] = mp
            out["talent"].setdefault(split, {})[name] = mt
    return out


# --- agreement with the plans' own tags --------------------------------------------------------

def _jaccard(a, b) -> float:
    a, b = set(a), set(b)
    return 1.0 if not a and not b else len(a & b) / len(a | b)


def agreement(labeller, examples: list[Example]) -> dict:
    rows = plans_own_tags()
    by_key = {(e.plan, e.action_id): e for e in examples if e.split == "seed"}
    by_hash = {(e.plan, e.text_hash): e for e in examples if e.split == "seed"}
    from .data import text_hash
    preds = labeller.label([r.item for r in rows]) if rows else []
    out = {"note": "Agreement with the tags the plans give themselves (pillars_document, talent_document). "
                   "Plans tag generously and inconsistently; these are not guide labels and were never "
                   "training targets. 'model' is the shipped labeller (fitted on rows that include these "
                   "plans' reviewer labels, so this is in-sample for the model); 'reviewer' is the guide label.",
           "source": "tests/expected/<plan>.json (the hand-checked rows of the seed plans)"}
    for task in TASKS:
        sec = {}
        for who in ("model", "reviewer"):
            pairs = []
            for r, o in zip(rows, preds):
                doc = r.pillars_document if task == "pillars" else r.talent_document
                if task == "pillars" and not doc:
                    continue
                if task == "talent" and not r.talent_cited_in_plan:
                    continue
                if who == "model":
                    other = o.pillars_model if task == "pillars" else o.talent_model
                else:
                    e = by_key.get((r.plan, r.action_id)) or by_hash.get((r.plan, text_hash(r.action_text)))
                    if e is None:
                        continue
                    other = e.target(task)
                pairs.append((r.plan, tuple(doc), tuple(other)))
            if not pairs:
                continue
            sec[who] = {
                "rows": len(pairs),
                "exact_match": round(sum(set(a) == set(b) for _, a, b in pairs) / len(pairs), 4),
                "mean_jaccard": round(float(np.mean([_jaccard(a, b) for _, a, b in pairs])), 4),
                "labels_per_row": {"plan": round(float(np.mean([len(a) for _, a, _ in pairs])), 3),
                                   who: round(float(np.mean([len(b) for _, _, b in pairs])), 3)},
                "by_plan": {p: round(float(np.mean([_jaccard(a, b) for q, a, b in pairs if q == p])), 4)
                            for p in sorted({q for q, _, _ in pairs})},
            }
        out[task] = sec
    return out


# --- speed ---------------------------------------------------------------------------------

SPEED_SCRIPT = r"""
import json, os, sys, time
t0 = time.perf_counter()
from normalise.classify import LabelInput, load_labeller
t1 = time.perf_counter()
lab = load_labeller()
t2 = time.perf_counter()
rss_load = int(open('/proc/self/statm').read().split()[1]) * os.sysconf('SC_PAGE_SIZE')
rows = [json.loads(l) for l in sys.stdin]
items = [LabelInput(r['action_text'], r.get('aim'), None, (), ()) for r in rows]
items = (items * (5000 // max(len(items), 1) + 1))[:5000]
best_wall = best_cpu = None
for _ in range(3):
    w, c = time.perf_counter(), time.process_time()
    for k in range(0, len(items), 100):        # a plan at a time
        lab.label(items[k:k + 100])
    w, c = time.perf_counter() - w, time.process_time() - c
    best_wall = w if best_wall is None else min(best_wall, w)
    best_cpu = c if best_cpu is None else min(best_cpu, c)
print(json.dumps({"actions": len(items), "import_s": round(t1 - t0, 3), "load_s": round(t2 - t1, 3),
                  "actions_per_s_wall": round(len(items) / best_wall), "actions_per_s_cpu": round(len(items) / best_cpu),
                  "rss_after_load_mb": round(rss_load / 2**20, 1),
                  "peak_rss_mb": round(int([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]) / 1024, 1),
                  "model_version": lab.model_version}))
"""


def speed(python: str, examples: list[Example]) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
               TOKENIZERS_PARALLELISM="false", PYTHONPATH=str(ROOT))
    data = "\n".join(json.dumps({"action_text": e.action_text, "aim": e.aim}) for e in examples)
    cmd = [python, "-c", SPEED_SCRIPT]
    if Path("/usr/bin/taskset").exists():
        cmd = ["taskset", "-c", "0", *cmd]
    r = subprocess.run(cmd, input=data, capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    out = json.loads(r.stdout.strip().splitlines()[-1])
    out["python"] = python
    out["one_core"] = "taskset -c 0, one thread" if cmd[0] == "taskset" else "one thread"
    out["load_average"] = [round(x, 2) for x in os.getloadavg()]
    return out


def minilm_speed(fz: Featurizer, examples: list[Example]) -> dict:
    items = [e.item for e in examples][:500]
    w, c = time.perf_counter(), time.process_time()
    fz.features(items)
    w, c = time.perf_counter() - w, time.process_time() - c
    return {"actions": len(items), "actions_per_s_wall": round(len(items) / w), "actions_per_s_cpu": round(len(items) / c),
            "note": "featurisation with the full MiniLM (sentence-transformers, torch CPU), in the evaluation process"}


# --- gold folders ----------------------------------------------------------------------------

def score_gold(labeller, gold_dir: Path, data: Path | None) -> dict:
    from normalise.classify import LabelInput

    out: dict = {"folder": str(gold_dir), "files": 0}
    groups: dict[str, dict[str, list]] = {}
    for path in sorted(gold_dir.glob("*.gold.json")):
        g = json.loads(path.read_text())
        rows = [r for r in g.get("rows", []) if r.get("action_text")]
        if not rows:
            continue
        out["files"] += 1
        preds = labeller.label([LabelInput(r["action_text"], r.get("aim"), None, (), ()) for r in rows])
        kind = "stripped (reader's labels)" if g.get("stripped") else "tagged (the document's own tags)"
        grp = groups.setdefault(kind, {"gp": [], "pp": [], "gt": [], "pt": []})
        for r, o in zip(rows, preds):
            grp["gp"].append(tuple(r.get("pillars") or ()))
            grp["pp"].append(o.pillars_model)
            if g.get("talent_annotated", True):
                grp["gt"].append(tuple(r.get("talent") or ()))
                grp["pt"].append(o.talent_model)
    for kind, grp in groups.items():
        out[kind] = {"pillars": metrics(grp["gp"], grp["pp"], PILLARS, ("macro_f1", "micro_f1")),
                     "talent": metrics(grp["gt"], grp["pt"], tuple(f"R{i}" for i in range(1, 17)),
                                       ("micro_f1", "precision", "recall", "empty_left_empty"))
                     if grp["gt"] else None}
        if out[kind]["talent"]:
            out[kind]["talent"]["per_label"] = {k: v for k, v in out[kind]["talent"]["per_label"].items()
                                                if v["support"] or v["predicted"]}
    if data is not None:
        # ../shared beside the checkout (a worktree one level deeper looks one level up)
        for cand in (ROOT.parent / "shared" / "tools" / "score.py", ROOT.parent.parent / "shared" / "tools" / "score.py"):
            if cand.exists():
                r = subprocess.run([sys.executable, str(cand), "--pred", str(data), "--gold", str(gold_dir)],
                                   capture_output=True, text=True)
                out["score_py"] = r.stdout if r.returncode == 0 else f"score.py failed: {r.stderr[-2000:]}"
                break
        else:
            out["score_py"] = "score.py not found in ../shared/tools: the dataset was not scored"
    return out


# --- report ----------------------------------------------------------------------------------

def _fmt(m: dict) -> str:
    if m["value"] is None:
        return "   n/a           "
    lo, hi = m["ci95"]
    return f"{m['value']:.3f} [{lo:.2f}-{hi:.2f}]"


def print_tables(scores: dict, order: list[str]) -> None:
    for split, title in (("frozen_test", "FROZEN TEST SPLIT (fresh rows, split == test)"),
                         ("holdout", "SECOND HELD-OUT SET (fresh-holdout.jsonl, written after the choices of 2026-12-05)"),
                         ("holdout2", "THIRD HELD-OUT SET (fresh-holdout2.jsonl, written blind on 2026-12-06)"),
                         ("holdout_all", "HELD-OUT SETS POOLED (split == holdout)"),
                         ("seed_by_plan", "SEED PLANS, HELD OUT BY DOCUMENT (pooled over the three plans)")):
        if split not in scores["pillars"]:
            continue
        P, T = scores["pillars"][split], scores["talent"][split]
        any_name = next(iter(P))
        print(f"\n== {title}: {P[any_name]['rows']} rows")
        print(f"{'system':34} {'pillar macro-F1':>22} {'pillar micro-F1':>22} {'TALENT micro-F1':>22} "
              f"{'TALENT precision':>22} {'TALENT recall':>22} {'no-rec rows left empty':>22}  pillars/row")
        for name in order:
            if name not in P:
                continue
            p, t = P[name], T[name]
            print(f"{name:34} {_fmt(p['macro_f1']):>22} {_fmt(p['micro_f1']):>22} {_fmt(t['micro_f1']):>22} "
                  f"{_fmt(t['precision']):>22} {_fmt(t['recall']):>22} {_fmt(t['empty_left_empty']):>22}  "
                  f"{p['labels_per_row']['predicted']:.2f} (gold {p['labels_per_row']['gold']:.2f})")
        if SHIPPED in P:
            for task, src in (("pillars", P), ("talent", T)):
                c = src[SHIPPED].get("calibration")
                if c:
                    print(f"  calibration ({SHIPPED}, {task}, held out): {c['cells']} cells, Brier {c['brier']:.3f} "
                          f"(base-rate constant {c['brier_base_rate']:.3f}), ECE {c['ece']:.3f}")
            print(f"\n  per label ({SHIPPED}):  label  support  predicted  P  R  F1")
            for task, src in (("pillars", P), ("talent", T)):
                for lab, v in src[SHIPPED]["per_label"].items():
                    f = lambda x: "  - " if x is None else f"{x:.2f}"  # noqa: E731
                    print(f"    {lab:5} {v['support']:4d} {v['predicted']:4d}  {f(v['precision'])} {f(v['recall'])} {f(v['f1'])}")
            print(f"\n  pillar confusion ({SHIPPED}; rows gold, columns predicted):")
            cm = P[SHIPPED]["confusion"]
            cols = list(next(iter(cm.values())))
            print("        " + "".join(f"{c:>7}" for c in cols))
            for g, row in cm.items():
                print(f"    {g:4}" + "".join(f"{row[c]:7.1f}" for c in cols))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=Path, default=LABELS_DIR)
    ap.add_argument("--models-dir", type=Path, default=default_models_dir())
    ap.add_argument("--metrics-dir", type=Path, default=ROOT / "metrics")
    ap.add_argument("--runtime-python", default=sys.executable, help="the runtime environment's python, for speed")
    ap.add_argument("--gold", type=Path, help="a folder of score.py-format *.gold.json files")
    ap.add_argument("--data", type=Path, help="with --gold: a dataset folder (or actions.parquet) for score.py")
    ap.add_argument("--no-minilm", action="store_true", help="skip the full MiniLM systems")
    ap.add_argument("--systems", help="comma-separated substrings: evaluate only the systems they name")
    a = ap.parse_args(argv)
    labeller = load_labeller(a.models_dir)
    if a.gold:
        res = score_gold(labeller, a.gold, a.data)
        print(json.dumps({k: v for k, v in res.items() if k != "score_py"}, indent=1))
        if "score_py" in res:
            print(res["score_py"])
        return 0

    examples = load_examples(a.labels)
    taxonomies = load_taxonomies(a.models_dir)
    featurizers = {"static": Featurizer(taxonomies, StaticEmbedder(a.models_dir / EMBEDDINGS_DIR))}
    why = "skipped (--no-minilm)" if a.no_minilm else minilm_available()
    if why is None:
        featurizers["minilm"] = Featurizer(taxonomies, MiniLMEmbedder())
    else:
        print(f"full MiniLM systems not evaluated: {why}", file=sys.stderr)
    systems = [s for s in SYSTEMS if not a.systems or any(x in s[0] for x in a.systems.split(","))]
    results = evaluate_systems(examples, featurizers, systems)
    scores = score_results(examples, results)
    split_rows = {s: sum(1 for e in examples if e.split == s) for s in ("seed", "train", "test", "holdout")}
    common = {"labels": {"rows": split_rows, "source": "data/labels/*.jsonl (reviewer labels per the labelling guide)"},
              "shipped": SHIPPED, "model_version": labeller.model_version,
              "bootstrap": f"{B} row resamples, seed 0, 2.5/97.5 percentiles",
              "minilm": "evaluated" if why is None else why}
    a.metrics_dir.mkdir(parents=True, exist_ok=True)
    for task in TASKS:
        (a.metrics_dir / f"{task}.json").write_text(json.dumps({**common, **scores[task]}, indent=1, sort_keys=True) + "\n")
    agr = agreement(labeller, examples)
    (a.metrics_dir / "agreement.json").write_text(json.dumps(agr, indent=1, sort_keys=True) + "\n")
    sp = {"shipped": speed(a.runtime_python, examples)}
    if "minilm" in featurizers:
        sp["minilm_full"] = minilm_speed(featurizers["minilm"], examples)
    emb_dir = a.models_dir / EMBEDDINGS_DIR
    sp["embeddings_mb"] = round(sum(p.stat().st_size for p in emb_dir.iterdir() if p.is_file()) / 1e6, 2)
    (a.metrics_dir / "speed.json").write_text(json.dumps(sp, indent=1, sort_keys=True) + "\n")

    print_tables(scores, [s[0] for s in SYSTEMS])
    print("\n== AGREEMENT WITH THE PLANS' OWN TAGS (not guide labels; never training targets)")
    for task in TASKS:
        for who, v in agr.get(task, {}).items():
            print(f"  {task:8} {who:9} rows {v['rows']:4d}  exact {v['exact_match']:.2f}  mean Jaccard "
                  f"{v['mean_jaccard']:.2f}  labels/row plan {v['labels_per_row']['plan']:.2f} vs {v['labels_per_row'][who]:.2f}")
    s = sp["shipped"]
    print(f"\n== SPEED (shipped labeller, runtime python, {s['one_core']}): {s['actions_per_s_cpu']:,} actions/s CPU, "
          f"{s['actions_per_s_wall']:,} wall; load {s['load_s']:.2f} s (+ import {s['import_s']:.2f} s); "
          f"memory per worker: RSS after load {s['rss_after_load_mb']} MB, peak {s['peak_rss_mb']} MB; load average {s['load_average']}; "
          f"embeddings {sp['embeddings_mb']} MB")
    if "minilm_full" in sp:
        print(f"   full MiniLM featurisation: {sp['minilm_full']['actions_per_s_cpu']:,} actions/s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
