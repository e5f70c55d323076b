"""Train the pillar / TALENT labeller from the dataset and write it to models/classifier/.

    python -m normalise.classify.train --data data/processed/actions.parquet

Deterministic: fixed seeds, one thread, a fixed row order; the same data and settings
write byte-identical artifacts. Writes pipeline/ (spaCy), calibration.json (pooled
calibration, thresholds, classifier ids), manifest.json (training data with checksums,
artifact checksums, model_version) and samples.json (stored predictions on sample
actions, which the tests reproduce).
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import hashlib  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, Sequence  # noqa: E402

import spacy  # noqa: E402

from .contract import LabelInput  # noqa: E402
from .data import (PlanGroup, Row, build_rows, deduplicate, plans_summary, read_table, table_checksum,  # noqa: E402
                   weak_examples)
from .fit import TaskFit, fit_all, load_settings, weak_policy  # noqa: E402
from .labeller import CLASSIFIER_DIR, TASKS, build_labeller  # noqa: E402
from .taxonomy import default_models_dir, load_taxonomies, taxonomy_version  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO / "data" / "processed" / "actions.parquet"

# Untagged sample actions (no plan labels), so samples.json shows the model's own labels.
SAMPLE_TEXTS = (
    "Support technicians to apply for professional registration (RSciTech, RSci) with the Science Council.",
    "Publish technician case studies in the staff newsletter and on the website.",
    "Develop a career pathway and job family framework for technical staff.",
    "Introduce an apprenticeship scheme to create new entry routes into technical roles.",
    "Ensure technicians are represented on faculty committees and decision-making boards.",
    "Book the room for the next meeting.",
    "",
)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_checksums(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): sha256_file(p) for p in sorted(root.rglob("*")) if p.is_file()}


def sample_inputs(rows: Sequence[Row]) -> list[LabelInput]:
    picked: list[LabelInput] = []
    seen: Counter = Counter()
    for r in rows:   # the first two actions of every document, tagged or not
        if seen[r.document_id] < 2:
            picked.append(r.item)
            seen[r.document_id] += 1
    picked.extend(LabelInput(t, None, None, (), ()) for t in SAMPLE_TEXTS)
    picked.append(LabelInput("Run an annual technician survey", "Understand technicians' views", None, ("V",), ()))
    return picked


def output_record(o) -> dict:
    return {"pillars": list(o.pillars), "pillar_scores": o.pillar_scores, "talent": list(o.talent),
            "talent_scores": o.talent_scores, "pillars_source": o.pillars_source, "talent_source": o.talent_source,
            "label_source": o.label_source, "pillars_model": list(o.pillars_model), "talent_model": list(o.talent_model)}


def input_record(i: LabelInput) -> dict:
    return {"action_text": i.action_text, "aim": i.aim, "section": i.section,
            "pillars_document": list(i.pillars_document), "talent_document": list(i.talent_document)}


def data_summary(records: list[dict], rows: Sequence[Row], data_path: Path,
                 groups: Sequence[PlanGroup] = (), all_records: Sequence[dict] | None = None) -> dict[str, Any]:
    """records: the rows used (one document per plan); all_records: the whole table."""
    docs: dict[str, dict[str, Any]] = {}
    for r in rows:
        d = docs.setdefault(r.document_id, {"source_file": r.source_file, "rows": 0, "pillar_rows": Counter(),
                                            "talent_rows": Counter(), "pillar_tags": Counter(),
                                            "talent_tags": Counter()})
        d["rows"] += 1
        d["pillar_rows"][r.pillar_kind] += 1
        d["talent_rows"][r.talent_kind] += 1
        d["pillar_tags"].update(r.item.pillars_document)
        d["talent_tags"].update(r.item.talent_document)
    per_doc = []
    for did, d in docs.items():
        doc_records = [x for x in records if str(x["document_id"]) == did]
        per_doc.append({"document_id": did, "source_file": d["source_file"], "rows": d["rows"],
                        "rows_sha256": table_checksum(doc_records),
                        "pillar_label_kind": dict(sorted(d["pillar_rows"].items())),
                        "talent_label_kind": dict(sorted(d["talent_rows"].items())),
                        "pillar_tags": dict(sorted(d["pillar_tags"].items())),
                        "talent_tags": dict(sorted(d["talent_tags"].items()))})
    try:
        shown = data_path.resolve().relative_to(REPO).as_posix()
    except ValueError:
        shown = str(data_path)
    all_records = records if all_records is None else all_records
    excluded = [{"document_id": d, "source_file": f, "duplicate_of": g.kept, "plan_id": g.plan_id,
                 "rows": sum(1 for x in all_records if str(x["document_id"]) == d)}
                for g in groups for d, f in zip(g.documents, g.source_files) if d != g.kept]
    return {"path": shown, "file_sha256": sha256_file(data_path), "rows_sha256": table_checksum(records),
            "table_rows_sha256": table_checksum(all_records), "table_rows": len(all_records),
            "n_rows": len(records), "n_documents": len(per_doc),
            "documents": sorted(per_doc, key=lambda d: d["source_file"]),
            "plans": plans_summary(groups),
            "excluded_duplicate_documents": excluded,
            "duplicate_policy": "duplicate documents of one plan (same institution and period, or near-identical "
                                "action texts; normalise/classify/data.py plan_groups) are grouped; one document "
                                "per plan is used, the others are excluded"}


def train(data_path: Path, models_dir: Path, *, quiet: bool = False) -> dict[str, Any]:
    def say(*a):
        if not quiet:
            print(*a, file=sys.stderr)

    cfg_path = models_dir / CLASSIFIER_DIR / "config.cfg"
    cfg = load_settings(cfg_path)
    taxonomies = load_taxonomies(models_dir)
    all_records = read_table(data_path)
    records, groups = deduplicate(all_records)
    rows = build_rows(records, taxonomies["pillars"], taxonomies["talent"])
    say(f"training on {len(rows)} actions from {len({r.document_id for r in rows})} documents ({data_path})")
    for g in groups:
        if len(g.documents) > 1:
            say(f"  one plan, {len(g.documents)} documents ({g.reason}): using "
                f"{g.source_files[g.documents.index(g.kept)]}, excluding the others")
    nlp, fits = fit_all(rows, taxonomies, cfg)
    out_dir = models_dir / CLASSIFIER_DIR
    calibration = {}
    for task in TASKS:
        f: TaskFit = fits[task]
        calibration[task] = {"calibration": f.calibration.to_dict(), "model_threshold": f.model_threshold,
                             "combined_threshold": f.combined_threshold, "evidence_floor": f.evidence_floor,
                             "combined_label_thresholds": dict(sorted((f.label_thresholds or {}).items())),
                             "aim_pooling": f.aim_pooling,
                             "aim_pooling_oof_micro_f1": dict(sorted((f.pooling_f1 or {}).items())),
                             "inner_folds": f.inner_note,
                             "rows": f.n_rows, "weak_examples": f.n_weak, "oof_cells": f.n_oof_cells}
    # assemble once in memory to record the classifier ids the shipped files must reproduce
    tmp = Path(tempfile.mkdtemp(prefix="tc-train-"))
    try:
        nlp.to_disk(tmp / "pipeline")
        loaded = spacy.load(tmp / "pipeline")
        for task in TASKS:
            calibration[task]["ids"] = {}
        lab = build_labeller(loaded, taxonomies, calibration, "pending")
        for task in TASKS:
            c = lab.classifiers[task]
            calibration[task]["ids"] = {"keywords": c.keywords.id, "textcat": c.textcat.id, "combined": c.id}
        (tmp / "calibration.json").write_text(json.dumps(calibration, indent=2, sort_keys=True) + "\n")
        artifacts = tree_checksums(tmp)
        digest = hashlib.sha256(json.dumps(artifacts, sort_keys=True).encode()).hexdigest()[:10]
        model_version = f"tc-labeller-{cfg['labeller']['version']}+{digest}"
        lab.model_version = model_version
        picked = sample_inputs(rows)
        samples = [{"input": input_record(i), "output": output_record(o)} for i, o in zip(picked, lab.label(picked))]
        weak = {t: len(weak_examples(taxonomies[t], weak_policy(cfg))) for t in TASKS}
        manifest = {
            "model_version": model_version,
            "taxonomy_version": taxonomy_version(taxonomies),
            "spacy_version": spacy.__version__,
            "config_sha256": sha256_file(cfg_path),
            "training_data": data_summary(records, rows, data_path, groups, all_records),
            "weak_examples": {t: {"count": weak[t], "from": f"models/taxonomy/{t}.yaml",
                                  "policy": weak_policy(cfg),
                                  "taxonomy": taxonomies[t].version_tag} for t in TASKS},
            "label_policy": "see normalise/classify/data.py and docs/labels.md",
            "artifacts": artifacts,
        }
        # replace the shipped files
        if (out_dir / "pipeline").exists():
            shutil.rmtree(out_dir / "pipeline")
        shutil.copytree(tmp / "pipeline", out_dir / "pipeline")
        shutil.copyfile(tmp / "calibration.json", out_dir / "calibration.json")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    (out_dir / "samples.json").write_text(json.dumps({"model_version": model_version, "samples": samples},
                                                     indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    from .labeller import _load
    _load.cache_clear()
    say(f"wrote {out_dir} ({model_version})")
    for task in TASKS:
        c = calibration[task]
        say(f"  {task}: thresholds model {c['model_threshold']} combined {c['combined_threshold']} "
            f"per label {c['combined_label_thresholds']}, aim pooling {c['aim_pooling']} "
            f"(out-of-fold micro-F1 {c['aim_pooling_oof_micro_f1']}), "
            f"calibration {c['calibration']}; inner folds: {c['inner_folds']}")
    return manifest


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m normalise.classify.train",
        description="Train the pillar/TALENT labeller (deterministic) into models/classifier/.",
        epilog="Example: python -m normalise.classify.train --data data/processed/actions.parquet")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="actions.parquet (default: %(default)s)")
    ap.add_argument("--models-dir", type=Path, default=default_models_dir(), help="default: %(default)s")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"no dataset at {args.data}: run `make extract` first", file=sys.stderr)
        return 2
    train(args.data, args.models_dir, quiet=args.quiet)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
