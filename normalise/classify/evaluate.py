"""Evaluate the keyword baseline, the trained model and their combination, held out by
document (or by aim where a task's labels come from one document), and measure speed.

    python -m normalise.classify.evaluate --data data/processed/actions.parquet

Every fold re-runs the training procedure of the shipped model (normalise.classify.fit)
on the other folds only: textcat, calibration and thresholds never see the held-out rows.
Writes metrics/pillars.json, metrics/talent.json, metrics/agreement.json (deterministic)
and metrics/speed.json (machine-dependent), and prints the tables.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, Sequence  # noqa: E402

from .combine import CombinedClassifier  # noqa: E402
from .data import Row, build_rows, deduplicate, fold_plan, plans_summary, read_table, table_checksum  # noqa: E402
from .fit import fit_task, load_settings  # noqa: E402
from .keywords import KeywordClassifier  # noqa: E402
from .labeller import CLASSIFIER_DIR, TASKS, _load, load_labeller, read_manifest  # noqa: E402
from .metrics import agreement, calibration_report, multilabel_report, r4  # noqa: E402
from .taxonomy import Taxonomy, default_models_dir, load_taxonomies, taxonomy_version  # noqa: E402
from .textcat import TextcatClassifier, TrainSettings, new_pipeline  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO / "data" / "processed" / "actions.parquet"
SYSTEMS = ("keywords", "model", "combined", "combined_no_evidence_rule")
TARGETS = {"pillars_macro_f1": 0.85, "talent_micro_f1": 0.70, "talent_fpr_uncited_rows": 0.10,
           "actions_per_second": 2000.0}


def gold_labels(row: Row, task: str, taxonomy: Taxonomy) -> set[str]:
    labels = row.item.pillars_document if task == "pillars" else row.item.talent_document
    return set(labels) & set(taxonomy.predictable_ids)


def cross_validate(rows: Sequence[Row], task: str, taxonomy: Taxonomy, cfg: dict[str, Any]) -> dict[str, Any]:
    """Out-of-fold predictions of the three systems for every row that knows the task."""
    settings = TrainSettings.from_config(cfg)
    labelled = [r for r in rows if r.cats(task)]
    plan = fold_plan(labelled, task, int(cfg["labeller"]["max_aim_folds"]))
    preds: dict[str, dict[int, set[str]]] = {s: {} for s in SYSTEMS}
    scores: dict[int, dict[str, float]] = {}
    evidence: dict[int, tuple] = {}
    folds = []
    for fi, (train_idx, test_idx) in enumerate(plan.split(labelled)):
        if not test_idx:
            continue
        train_rows = [labelled[i] for i in train_idx]
        nlp = new_pipeline({task: taxonomy.ids}, settings)
        fit = fit_task(nlp, train_rows, task, taxonomy, cfg)
        kw = KeywordClassifier(taxonomy, nlp)
        tc = TextcatClassifier(nlp, task, taxonomy.ids, taxonomy.predictable_ids, fit.model_threshold)
        comb = CombinedClassifier(kw, tc, fit.calibration, fit.combined_threshold, fit.evidence_floor,
                                  fit.label_thresholds, fit.aim_pooling)
        items = [labelled[i].item for i in test_idx]
        ungated = CombinedClassifier(kw, tc, fit.calibration, fit.combined_threshold_no_evidence_rule, None,
                                     fit.label_thresholds_no_evidence_rule, fit.aim_pooling)
        for name, clf in (("keywords", kw), ("model", tc), ("combined", comb), ("combined_no_evidence_rule", ungated)):
            for i, p in zip(test_idx, clf.predict(items)):
                preds[name][i] = set(p.labels)
                if name == "combined":
                    scores[i] = p.scores
                    evidence[i] = p.evidence
        held = sorted({plan.group_of(labelled[i]) for i in test_idx})
        folds.append({"fold": fi, "held_out": [labelled[test_idx[0]].source_file] if plan.unit == "document"
                      else [h.split("|", 1)[1] for h in held],
                      "train_rows": len(train_idx), "test_rows": len(test_idx),
                      "model_threshold": fit.model_threshold, "combined_threshold": fit.combined_threshold,
                      "combined_threshold_no_evidence_rule": fit.combined_threshold_no_evidence_rule,
                      "combined_label_thresholds": fit.label_thresholds or {},
                      "aim_pooling": fit.aim_pooling, "aim_pooling_oof_micro_f1": fit.pooling_f1 or {},
                      "calibration": fit.calibration.to_dict(), "inner_folds": fit.inner_note})
    return {"labelled": labelled, "plan": plan, "preds": preds, "scores": scores, "evidence": evidence,
            "folds": folds}


def task_report(cv: dict[str, Any], task: str, taxonomy: Taxonomy) -> dict[str, Any]:
    labelled: list[Row] = cv["labelled"]
    labels = list(taxonomy.predictable_ids)
    idx = list(range(len(labelled)))

    def report(sel: list[int]) -> dict[str, Any]:
        gold = [gold_labels(labelled[i], task, taxonomy) for i in sel]
        return {s: multilabel_report(gold, [cv["preds"][s][i] for i in sel], labels) for s in SYSTEMS}

    out: dict[str, Any] = {
        "task": task,
        "labels_scored": list(taxonomy.ids),
        "labels_evaluated": labels,
        "labels_not_predicted": [c for c in taxonomy.ids if c not in labels],
        "evaluation": {"unit": cv["plan"].unit, "note": cv["plan"].note, "folds": cv["folds"]},
        "all_rows": report(idx),
        "per_document": {},
    }
    gold_all = [gold_labels(labelled[i], task, taxonomy) for i in idx]
    out["reference_every_label"] = {
        **multilabel_report(gold_all, [set(labels)] * len(idx), labels),
        "note": "not a classifier: every predictable label on every row; a system that does not beat it on "
                "macro-F1 has learnt little beyond the plans' high tag rates"}
    docs = list(dict.fromkeys(r.source_file for r in labelled))
    for d in docs:
        sel = [i for i in idx if labelled[i].source_file == d]
        kinds = sorted({labelled[i].pillar_kind if task == "pillars" else labelled[i].talent_kind for i in sel})
        out["per_document"][d] = {"label_kinds": kinds, **report(sel)}
    def calib(sel: list[int]) -> dict[str, Any]:
        cells = [(cv["scores"][i][lab], lab in gold_labels(labelled[i], task, taxonomy)) for i in sel for lab in labels]
        return calibration_report([c[0] for c in cells], [c[1] for c in cells])

    out["calibration"] = {"all_rows": calib(idx),
                          "note": "held-out probabilities of the combined system (as stored in the dataset's "
                                  "*_scores) against the plans' labels, over (row, predictable label) cells"}
    if task == "pillars":
        sel = [i for i in idx if labelled[i].pillar_kind == "explicit"]
        out["calibration"]["explicit_tags_only"] = calib(sel)
        out["explicit_tags_only"] = report(sel)
        out["explicit_tags_only"]["note"] = ("rows whose plan tags pillars explicitly (a pillar column or "
                                             "'Commitment areas'); section-implied single labels left out")
    else:
        uncited = [i for i in idx if labelled[i].talent_kind == "uncited"]
        out["false_positive_rate_uncited_rows"] = {
            s: {"rows": len(uncited),
                "rows_with_any_prediction": sum(1 for i in uncited if cv["preds"][s][i]),
                "rate": r4(sum(1 for i in uncited if cv["preds"][s][i]) / len(uncited)) if uncited else None}
            for s in SYSTEMS}
        out["false_positive_rate_uncited_rows"]["note"] = (
            "actions in documents that cite TALENT whose aim cites no recommendation: share that get any "
            "TALENT label")
        # the rate rests on few rows, and the plan's silence is a weak negative: list what was
        # predicted there, with the probability and the taxonomy phrase matched, for a reader to judge
        out["false_positive_rate_uncited_rows"]["combined_predictions"] = [
            {"source_file": labelled[i].source_file, "action_id": labelled[i].action_id,
             "aim_id": labelled[i].parent_id, "action_text": labelled[i].item.action_text,
             "predicted": sorted(cv["preds"]["combined"][i], key=taxonomy.ids.index),
             "scores": {lab: cv["scores"][i][lab] for lab in sorted(cv["preds"]["combined"][i],
                                                                     key=taxonomy.ids.index)},
             "matched_phrases": sorted({f"{lab}: {ph}" for lab, ph in cv["evidence"].get(i, ())
                                        if lab in cv["preds"]["combined"][i]})}
            for i in uncited if cv["preds"]["combined"][i]]
        cells = {}
        for s in SYSTEMS:
            fp = sum(len(cv["preds"][s][i] - gold_labels(labelled[i], task, taxonomy)) for i in idx)
            neg = sum(len(set(labels) - gold_labels(labelled[i], task, taxonomy)) for i in idx)
            cells[s] = {"false_positives": fp, "negative_cells": neg, "rate": r4(fp / neg) if neg else None}
        out["false_positive_rate_label_cells"] = cells
    return out


def agreement_report(cvs: dict[str, dict], rows: Sequence[Row], taxonomies: dict[str, Taxonomy],
                     models_dir: Path, data_sha: str) -> dict[str, Any]:
    out: dict[str, Any] = {"held_out": {}, "shipped_model_in_sample": {}}
    for task in TASKS:
        cv, tax = cvs[task], taxonomies[task]
        tagged = [i for i, r in enumerate(cv["labelled"])
                  if (r.item.pillars_document if task == "pillars" else r.item.talent_document)]
        plan = [gold_labels(cv["labelled"][i], task, tax) for i in tagged]
        model = [cv["preds"]["combined"][i] for i in tagged]
        out["held_out"][task] = agreement(plan, model, list(tax.predictable_ids))
    try:
        lab = load_labeller(models_dir)
        manifest = read_manifest(models_dir)
    except Exception as exc:  # noqa: BLE001
        out["shipped_model_in_sample"] = {"error": f"{type(exc).__name__}: {exc}"}
        return out
    same = manifest["training_data"]["rows_sha256"] == data_sha
    by_doc: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_doc.setdefault(r.document_id, []).append(i)
    outs: list = [None] * len(rows)
    for idx in by_doc.values():   # one plan per call (aim pooling)
        for i, o in zip(idx, lab.label([rows[i].item for i in idx])):
            outs[i] = o
    for task in TASKS:
        tax = taxonomies[task]
        sel = [i for i, r in enumerate(rows) if (r.item.pillars_document if task == "pillars" else r.item.talent_document)]
        plan = [gold_labels(rows[i], task, tax) for i in sel]
        model = [set(outs[i].pillars_model if task == "pillars" else outs[i].talent_model) for i in sel]
        out["shipped_model_in_sample"][task] = agreement(plan, model, list(tax.predictable_ids))
    out["shipped_model_in_sample"]["model_version"] = lab.model_version
    out["shipped_model_in_sample"]["trained_on_this_data"] = same
    out["shipped_model_in_sample"]["note"] = ("the shipped model on the rows it was trained on: how far it "
                                              "reproduces the plans' tags, not how well it generalises")
    return out


def measure_speed(rows: Sequence[Row], models_dir: Path, n_min: int = 5000, repeats: int = 3) -> dict[str, Any]:
    _load.cache_clear()
    t0 = time.perf_counter()
    lab = load_labeller(models_dir)
    load_s = time.perf_counter() - t0
    items = [r.item for r in rows] or []
    if not items:
        return {"error": "no rows"}
    batch = (items * (n_min // len(items) + 1))[:n_min]
    lab.label(batch[:200])   # warm-up
    best = best_cpu = float("inf")
    for _ in range(repeats):
        t, c = time.perf_counter(), time.process_time()
        lab.label(batch)
        best = min(best, time.perf_counter() - t)
        best_cpu = min(best_cpu, time.process_time() - c)
    try:
        load_avg = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load_avg = None
    return {"actions": len(batch), "seconds": round(best, 4), "actions_per_second": round(len(batch) / best, 1),
            "cpu_seconds": round(best_cpu, 4), "actions_per_cpu_second": round(len(batch) / best_cpu, 1),
            "load_seconds": round(load_s, 3), "threads": os.environ.get("OMP_NUM_THREADS"),
            "python": platform.python_version(), "machine": platform.machine(),
            "cpus": os.cpu_count(), "load_average_1_5_15_min": load_avg,
            "note": "best of %d runs on one thread, labelling the dataset's actions repeated; wall-clock "
                    "(actions_per_second, the figure compared with the target) and CPU time of the process; "
                    "machine-dependent, and lower when the machine is shared" % repeats}


# --- printing ------------------------------------------------------------------------------

def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:5.2f}"


def print_task(rep: dict[str, Any], file=sys.stdout) -> None:
    task = rep["task"]
    print(f"\n== {task} == {rep['evaluation']['note']}", file=file)
    print(f"{'system':26} {'micro P':>7} {'R':>5} {'F1':>5}   {'macro P':>7} {'R':>5} {'F1':>5}  rows", file=file)
    for s in SYSTEMS:
        m = rep["all_rows"][s]
        print(f"{s:26} {_fmt(m['micro']['precision']):>7} {_fmt(m['micro']['recall'])} {_fmt(m['micro']['f1'])}   "
              f"{_fmt(m['macro']['precision']):>7} {_fmt(m['macro']['recall'])} {_fmt(m['macro']['f1'])}  {m['n_rows']}",
              file=file)
    m = rep["reference_every_label"]
    print(f"{'(every label, reference)':26} {_fmt(m['micro']['precision']):>7} {_fmt(m['micro']['recall'])} "
          f"{_fmt(m['micro']['f1'])}   {_fmt(m['macro']['precision']):>7} {_fmt(m['macro']['recall'])} "
          f"{_fmt(m['macro']['f1'])}  {m['n_rows']}", file=file)
    print(f"{'label':6} {'supp':>4} | {'keywords P/R/F1':^17} | {'model P/R/F1':^17} | {'combined P/R/F1':^17}"
          f" | {'comb. no evid. P/R/F1':^21}", file=file)
    for lab in rep["labels_evaluated"]:
        cells = []
        for s in SYSTEMS:
            p = rep["all_rows"][s]["per_label"][lab]
            cells.append(f"{p['precision']:.2f} {p['recall']:.2f} {p['f1']:.2f}".center(17))
        sup = rep["all_rows"]["combined"]["per_label"][lab]["support"]
        print(f"{lab:6} {sup:4d} | " + " | ".join(cells), file=file)
    c = rep["calibration"]["all_rows"]
    print(f"  calibration (held out, {c['cells']} cells): Brier {c['brier']} (base-rate constant "
          f"{c['brier_base_rate']}), ECE {c['ece']}; reliability " +
          ", ".join(f"{b['bin'][0]:.1f}-{b['bin'][1]:.1f}: {b['mean_probability']:.2f}->{b['observed_rate']:.2f} "
                    f"(n={b['cells']})" for b in c["reliability"]), file=file)
    if task == "pillars":
        for d, r in rep["per_document"].items():
            print(f"  {d} ({','.join(r['label_kinds'])}): macro-F1 " +
                  ", ".join(f"{s} {r[s]['macro']['f1']:.2f}" for s in SYSTEMS), file=file)
        e = rep["explicit_tags_only"]
        print("  explicit tags only: macro-F1 " + ", ".join(f"{s} {e[s]['macro']['f1']:.2f}" for s in SYSTEMS),
              file=file)
    else:
        f = rep["false_positive_rate_uncited_rows"]
        print("  FPR on rows citing no recommendation: " +
              ", ".join(f"{s} {f[s]['rate']} ({f[s]['rows_with_any_prediction']}/{f[s]['rows']})" for s in SYSTEMS),
              file=file)
        for p in f.get("combined_predictions", []):
            print(f"    {p['action_id']} (aim {p['aim_id']}): {', '.join(f'{k} {v:.2f}' for k, v in p['scores'].items())}"
                  f"  [{'; '.join(p['matched_phrases']) or 'no phrase matched'}]  {p['action_text'][:70]}", file=file)


def evaluate(data_path: Path, models_dir: Path, out_dir: Path, *, speed: bool = True) -> dict[str, Any]:
    cfg = load_settings(models_dir / CLASSIFIER_DIR / "config.cfg")
    taxonomies = load_taxonomies(models_dir)
    all_records = read_table(data_path)
    records, groups = deduplicate(all_records)   # one document per plan (data.py plan_groups)
    rows = build_rows(records, taxonomies["pillars"], taxonomies["talent"])
    data_sha = table_checksum(records)
    try:
        shown = data_path.resolve().relative_to(REPO).as_posix()
    except ValueError:
        shown = str(data_path)
    header = {"data": {"path": shown, "rows_sha256": data_sha, "n_rows": len(rows),
                       "n_documents": len({r.document_id for r in rows}),
                       "table_rows": len(all_records),
                       "plans": plans_summary(groups),
                       "duplicate_policy": "duplicate documents of one plan are grouped (same institution and "
                                           "period, or near-identical action texts); one document per plan is "
                                           "evaluated, the others are excluded, and folds are grouped by plan"},
              "taxonomy_version": taxonomy_version(taxonomies),
              "config": cfg}
    cvs, reports = {}, {}
    for task in TASKS:
        cvs[task] = cross_validate(rows, task, taxonomies[task], cfg)
        reports[task] = {**header, **task_report(cvs[task], task, taxonomies[task])}
    agree = {**header, **agreement_report(cvs, rows, taxonomies, models_dir, data_sha)}
    out_dir.mkdir(parents=True, exist_ok=True)
    for task in TASKS:
        (out_dir / f"{task}.json").write_text(json.dumps(reports[task], indent=2, sort_keys=True) + "\n")
    (out_dir / "agreement.json").write_text(json.dumps(agree, indent=2, sort_keys=True) + "\n")
    sp = measure_speed(rows, models_dir) if speed else None
    def measured(task: str, avg: str):
        comb = reports[task]["all_rows"]["combined"]
        return comb[avg]["f1"] if comb["n_rows"] else None

    summary = {
        "pillars_macro_f1": measured("pillars", "macro"),
        "talent_micro_f1": measured("talent", "micro"),
        "talent_fpr_uncited_rows": reports["talent"]["false_positive_rate_uncited_rows"]["combined"]["rate"],
        "actions_per_second": sp["actions_per_second"] if sp else None,
    }
    if sp:
        (out_dir / "speed.json").write_text(json.dumps(sp, indent=2, sort_keys=True) + "\n")
    for task in TASKS:
        print_task(reports[task])
    a = agree["held_out"]
    print(f"\nagreement plan tags vs model (held out): pillars exact {a['pillars'].get('exact_match')}, "
          f"Jaccard {a['pillars'].get('mean_jaccard')}; talent exact {a['talent'].get('exact_match')}, "
          f"Jaccard {a['talent'].get('mean_jaccard')}")
    if sp:
        print(f"speed: {sp['actions_per_second']} actions/s on one core ({sp['actions']} actions), "
              f"load {sp['load_seconds']} s")
    print("\ntargets (combined system):")
    for k, target in TARGETS.items():
        v = summary[k]
        ok = None if v is None else (v < target if k.startswith("talent_fpr") else v >= target)
        print(f"  {k:26} {v!s:>8}  target {'<' if k.startswith('talent_fpr') else '>='} {target}  "
              f"{'met' if ok else 'NOT met' if ok is not None else 'not measured'}")
    return {"reports": reports, "agreement": agree, "speed": sp, "summary": summary}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m normalise.classify.evaluate",
        description="Held-out evaluation of keyword baseline, model and combination; writes metrics/*.json.",
        epilog="Example: python -m normalise.classify.evaluate --data data/processed/actions.parquet")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="actions.parquet (default: %(default)s)")
    ap.add_argument("--models-dir", type=Path, default=default_models_dir(), help="default: %(default)s")
    ap.add_argument("--out", type=Path, default=REPO / "metrics", help="metrics folder (default: %(default)s)")
    ap.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"no dataset at {args.data}: run `make extract` first", file=sys.stderr)
        return 2
    evaluate(args.data, args.models_dir, args.out, speed=not args.no_speed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
