"""The labeller the pipeline calls: both taxonomies, the plan's own tags final where it
gives them, the model's answer kept on every row.

One spaCy pipeline built from ``spacy.blank("en")``: ``tc_lemmatizer`` (lower-cased lookup
lemmas, for the keyword layer) and ``tc_embedder`` (static sentence vector on
``doc._.embedding``, models/embeddings/). For each action and its aim: keyword scores and
zero-shot similarities to every label's own text, then the fitted head, Platt
calibration and the guide's decision rule (scoring.py), all read from
models/classifier/labeller.json, which `make train` writes (training/).
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from .contract import LabelInput, LabelOutput
from .embed import StaticEmbedder
from .keywords import KeywordClassifier
from .scoring import Decision, Features, Head, Platt, Prototypes, build_prototypes, make_features
from .taxonomy import Taxonomy, default_models_dir, load_taxonomies, taxonomy_version
from .text import action_and_aim, blank_pipeline

TASKS = ("pillars", "talent")
CLASSIFIER_DIR = "classifier"
EMBEDDINGS_DIR = "embeddings"
MODEL_FILE = "labeller.json"


class StaleModelError(RuntimeError):
    """The taxonomy or the embeddings changed since the model was trained: run `make train`."""


@dataclass(frozen=True)
class TaskOutput:
    scores: np.ndarray                    # (n, L) rounded calibrated probabilities
    labels: list[tuple[str, ...]]         # the model's labels per row
    evidence: list[list[str]]             # keyword phrases matched in the action (then the aim) per row


class Featurizer:
    """Texts -> Features per taxonomy (and keyword evidence). The embedder is swappable
    (training compares the full MiniLM with the static one)."""

    def __init__(self, taxonomies: dict[str, Taxonomy], embedder):
        self.taxonomies = taxonomies
        self.nlp = blank_pipeline(embedder)
        self.embedder = embedder
        self.keywords = {t: KeywordClassifier(taxonomies[t], self.nlp) for t in TASKS}
        self.prototypes: dict[str, Prototypes] = {t: build_prototypes(taxonomies[t], embedder.encode) for t in TASKS}

    def features(self, items: Sequence[LabelInput]) -> tuple[dict[str, Features], dict[str, list[list[str]]]]:
        pairs = [action_and_aim(i) for i in items]
        aims = sorted({a for _, a in pairs if a})
        docs = list(self.nlp.pipe([p[0] for p in pairs] + aims, batch_size=256))
        act_docs, aim_docs = docs[:len(pairs)], dict(zip(aims, docs[len(pairs):]))
        n = len(pairs)
        dim = self.embedder.dim
        emb_act = np.zeros((n, dim), dtype=np.float32)
        emb_aim = np.zeros((n, dim), dtype=np.float32)
        has_aim = np.zeros(n)
        for i, (doc, (_, aim)) in enumerate(zip(act_docs, pairs)):
            emb_act[i] = doc._.embedding
            if aim:
                emb_aim[i] = aim_docs[aim]._.embedding
                has_aim[i] = 1.0
        feats, evidence = {}, {}
        for t in TASKS:
            kwc = self.keywords[t]
            labels = kwc.labels
            ka, km, ev = np.zeros((n, len(labels))), np.zeros((n, len(labels))), []
            aim_cache: dict[str, tuple[dict, tuple]] = {}
            for i, (doc, (_, aim)) in enumerate(zip(act_docs, pairs)):
                s, e = kwc.score_doc(doc)
                ka[i] = [s[lab] for lab in labels]
                row_ev = [f"{lab}:{p}" for lab, p in e]
                if aim:
                    if aim not in aim_cache:
                        aim_cache[aim] = kwc.score_doc(aim_docs[aim])
                    sm, em = aim_cache[aim]
                    km[i] = [sm[lab] for lab in labels]
                    row_ev += [f"{lab}:{p} (aim)" for lab, p in em]
                ev.append(row_ev)
            feats[t] = make_features(emb_act, emb_aim, has_aim, ka, km, self.prototypes[t])
            evidence[t] = ev
        return feats, evidence


@dataclass(frozen=True)
class TaskModel:
    labels: tuple[str, ...]
    predictable: np.ndarray
    head: Head
    platt: Platt
    decision: Decision

    def predict(self, f: Features) -> tuple[np.ndarray, list[tuple[str, ...]]]:
        """Rounded probabilities and the decision; an action with no text (and no aim) gets
        no label."""
        P = self.platt(self.head.logits(f))
        idx = self.decision.apply(P, self.predictable)
        blank = ~np.any(f.emb_action != 0, axis=1) & (f.has_aim == 0)
        return P, [() if b else tuple(self.labels[j] for j in row) for row, b in zip(idx, blank.tolist())]

    @classmethod
    def from_dict(cls, d: dict, taxonomy: Taxonomy) -> "TaskModel":
        if tuple(d["labels"]) != taxonomy.ids:
            raise StaleModelError(f"{taxonomy.taxonomy}: trained labels {d['labels']} != taxonomy {taxonomy.ids}")
        pred = np.array([lab in taxonomy.predictable_ids for lab in taxonomy.ids])
        return cls(taxonomy.ids, pred, Head.from_dict(d["head"]), Platt(**d["platt"]), Decision(**d["decision"]))


class Labeller:
    def __init__(self, featurizer: Featurizer, models: dict[str, TaskModel], model_version: str, taxonomy_version: str):
        self.featurizer = featurizer
        self.models = models
        self.model_version = model_version
        self.taxonomy_version = taxonomy_version
        self._lock = threading.Lock()

    def predict(self, items: Sequence[LabelInput]) -> dict[str, TaskOutput]:
        """The model's answer per taxonomy, ignoring the plan's tags."""
        items = list(items)
        if not items:
            return {t: TaskOutput(np.zeros((0, len(self.models[t].labels))), [], []) for t in TASKS}
        with self._lock:   # spaCy pipelines are not thread-safe; processes each load their own
            feats, evidence = self.featurizer.features(items)
        out = {}
        for t in TASKS:
            P, labels = self.models[t].predict(feats[t])
            out[t] = TaskOutput(P, labels, evidence[t])
        return out

    def label(self, items: Sequence[LabelInput]) -> list[LabelOutput]:
        items = list(items)
        pred = self.predict(items)
        out = []
        for i, item in enumerate(items):
            p_doc, t_doc = tuple(item.pillars_document), tuple(item.talent_document)
            p_src = "document" if p_doc else "model"
            t_src = "document" if t_doc else "model"
            scores = {t: dict(zip(self.models[t].labels, pred[t].scores[i].tolist())) for t in TASKS}
            evidence = {}
            for t in TASKS:
                top = sorted(scores[t].items(), key=lambda kv: (-kv[1], self.models[t].labels.index(kv[0])))[:2]
                evidence[t] = {"keywords": list(pred[t].evidence[i]), "top2": [[k, v] for k, v in top]}
            pm, tm = pred["pillars"].labels[i], pred["talent"].labels[i]
            out.append(LabelOutput(
                pillars=p_doc if p_doc else pm, pillar_scores=scores["pillars"],
                talent=t_doc if t_doc else tm, talent_scores=scores["talent"],
                pillars_source=p_src, talent_source=t_src,
                label_source="document" if "document" in (p_src, t_src) else "model",
                pillars_model=pm, talent_model=tm, evidence=evidence))
        return out


def read_model(models_dir: Path) -> dict:
    return json.loads((models_dir / CLASSIFIER_DIR / MODEL_FILE).read_text())


def build_labeller(models_dir: Path, model: dict | None = None, embedder=None) -> Labeller:
    base = Path(models_dir)
    taxonomies = load_taxonomies(base)
    model = model if model is not None else read_model(base)
    current = taxonomy_version(taxonomies)
    if model["taxonomy_version"] != current:
        raise StaleModelError(f"the model in {base / CLASSIFIER_DIR} was trained on taxonomy "
                              f"{model['taxonomy_version']}, the files are now {current}: run `make train`")
    embedder = embedder or StaticEmbedder(base / EMBEDDINGS_DIR)
    if model.get("embeddings_version") not in (None, embedder.version):
        raise StaleModelError(f"the model was trained on embeddings {model['embeddings_version']}, "
                              f"models/{EMBEDDINGS_DIR} is {embedder.version}: run `make train`")
    feat = Featurizer(taxonomies, embedder)
    models = {t: TaskModel.from_dict(model["tasks"][t], taxonomies[t]) for t in TASKS}
    return Labeller(feat, models, model["model_version"], current)


@lru_cache(maxsize=4)
def _load(models_dir: str) -> Labeller:
    return build_labeller(Path(models_dir))


def load_labeller(models_dir: Path | None = None) -> Labeller:
    """The shipped labeller from <models_dir> (default: <repo>/models), loaded once per process."""
    return _load(str(Path(models_dir or default_models_dir()).resolve()))
