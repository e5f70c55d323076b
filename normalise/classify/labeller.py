"""The labeller the pipeline calls: the shipped model loaded from models/, both
taxonomies, the plan's own tags final where it gives them.

``label(items)`` takes the actions of one plan (aims are pooled within the call).
For each action and each taxonomy: the combined classifier (rule layer + trained model,
calibrated) scores every label; the labels at or above the chosen threshold are the
model's prediction (``*_model``, stored even where the plan tags the row, so agreement
can be measured); if the plan tags the row, its own labels are final (source
"document"), otherwise the model's are (source "model"), which may be none at all.
"""
from __future__ import annotations

import json
import threading
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import spacy

from .base import Prediction
from .combine import CombinedClassifier, LabelCalibration, aim_group
from .contract import LabelInput, LabelOutput
from .keywords import KeywordClassifier
from .taxonomy import Taxonomy, default_models_dir, load_taxonomies, taxonomy_version
from .text import input_text, make_docs
from .textcat import TextcatClassifier

TASKS = ("pillars", "talent")
CLASSIFIER_DIR = "classifier"


class StaleModelError(RuntimeError):
    """The taxonomy files changed since the model was trained: run `make train`."""


class Labeller:
    def __init__(self, nlp: spacy.Language, classifiers: dict[str, CombinedClassifier], model_version: str,
                 taxonomy_version: str):
        self.nlp = nlp
        self.classifiers = classifiers
        self.model_version = model_version
        self.taxonomy_version = taxonomy_version
        self._lock = threading.Lock()

    def predict(self, items: Sequence[LabelInput]) -> dict[str, list[Prediction]]:
        """Model predictions per taxonomy, ignoring the plan's tags."""
        if not items:
            return {t: [] for t in TASKS}
        with self._lock:   # spaCy pipelines are not thread-safe; processes each load their own
            docs = make_docs(self.nlp, [input_text(i) for i in items])
            groups = [aim_group(i) for i in items]
            return {t: self.classifiers[t].predict_docs(docs, groups) for t in TASKS}

    def label(self, items: Sequence[LabelInput]) -> list[LabelOutput]:
        items = list(items)
        preds = self.predict(items)
        out = []
        for item, pp, tp in zip(items, preds["pillars"], preds["talent"]):
            p_doc = tuple(item.pillars_document)
            t_doc = tuple(item.talent_document)
            p_src = "document" if p_doc else "model"
            t_src = "document" if t_doc else "model"
            out.append(LabelOutput(
                pillars=p_doc if p_doc else pp.labels,
                pillar_scores=dict(pp.scores),
                talent=t_doc if t_doc else tp.labels,
                talent_scores=dict(tp.scores),
                pillars_source=p_src,
                talent_source=t_src,
                label_source="document" if "document" in (p_src, t_src) else "model",
                pillars_model=pp.labels,
                talent_model=tp.labels,
            ))
        return out


def read_manifest(models_dir: Path) -> dict:
    return json.loads((models_dir / CLASSIFIER_DIR / "manifest.json").read_text())


def build_labeller(nlp: spacy.Language, taxonomies: dict[str, Taxonomy], calibration: dict,
                   model_version: str) -> Labeller:
    """Assemble a labeller from a pipeline holding textcat_pillars and textcat_talent and the
    calibration record written by training."""
    classifiers = {}
    for task in TASKS:
        tax, cal = taxonomies[task], calibration[task]
        kw = KeywordClassifier(tax, nlp)
        tc = TextcatClassifier(nlp, task, tax.ids, tax.predictable_ids, cal["model_threshold"])
        classifiers[task] = CombinedClassifier(kw, tc, LabelCalibration.from_dict(cal["calibration"]),
                                               cal["combined_threshold"], cal.get("evidence_floor"),
                                               cal.get("combined_label_thresholds"), cal.get("aim_pooling", "none"))
    return Labeller(nlp, classifiers, model_version, taxonomy_version(taxonomies))


@lru_cache(maxsize=4)
def _load(models_dir: str) -> Labeller:
    base = Path(models_dir)
    taxonomies = load_taxonomies(base)
    manifest = read_manifest(base)
    current = taxonomy_version(taxonomies)
    if manifest["taxonomy_version"] != current:
        raise StaleModelError(f"the model in {base / CLASSIFIER_DIR} was trained on taxonomy "
                              f"{manifest['taxonomy_version']}, the files are now {current}: run `make train`")
    calibration = json.loads((base / CLASSIFIER_DIR / "calibration.json").read_text())
    nlp = spacy.load(base / CLASSIFIER_DIR / "pipeline")
    lab = build_labeller(nlp, taxonomies, calibration, manifest["model_version"])
    for task in TASKS:   # the shipped ids must be the ones training recorded
        if lab.classifiers[task].id != calibration[task]["ids"]["combined"]:
            raise StaleModelError(f"{task}: classifier id {lab.classifiers[task].id} != trained "
                                  f"{calibration[task]['ids']['combined']}: run `make train`")
    return lab


def load_labeller(models_dir: Path | None = None) -> Labeller:
    """The shipped labeller from <models_dir>/classifier (default: <repo>/models), loaded
    once per process."""
    return _load(str(Path(models_dir or default_models_dir()).resolve()))
