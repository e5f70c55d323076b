"""The trained classifier: spaCy textcat_multilabel over lemma n-grams, one component per
taxonomy (``textcat_pillars``, ``textcat_talent``) in one pipeline.

Training is deterministic: fixed seed (weights, dropout and shuffling), single thread,
examples in a fixed order. Labels a row does not know are left out of its ``cats``, and
spaCy then masks them out of the loss (missing values), which is how a plan that tags
only its section's pillar, or cites no TALENT at all, trains only what it says.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

from .base import Classifier, Prediction, stable_id
from .text import blank_pipeline


def component_name(task: str) -> str:
    return f"textcat_{task}"


@dataclass(frozen=True)
class TrainSettings:
    seed: int
    max_epochs: int
    batch_size: int
    dropout: float
    learn_rate: float
    l2: float
    ngram_size: int
    length: int
    row_repeats: int = 1

    @classmethod
    def from_config(cls, cfg: dict[str, Any]) -> "TrainSettings":
        t, m = cfg["training"], cfg["model"]
        return cls(seed=int(t["seed"]), max_epochs=int(t["max_epochs"]), batch_size=int(t["batch_size"]),
                   dropout=float(t["dropout"]), learn_rate=float(t["learn_rate"]), l2=float(t["L2"]),
                   ngram_size=int(m["ngram_size"]), length=int(m["length"]),
                   row_repeats=int(t.get("row_repeats", 1)))


def add_textcat(nlp: Language, task: str, labels: Sequence[str], s: TrainSettings) -> None:
    nlp.add_pipe("textcat_multilabel", name=component_name(task), config={
        "threshold": 0.5,
        "model": {"@architectures": "tcplans.LemmaBow.v1", "exclusive_classes": False,
                  "ngram_size": s.ngram_size, "length": s.length}})
    for lab in labels:
        nlp.get_pipe(component_name(task)).add_label(lab)


def new_pipeline(tasks: dict[str, Sequence[str]], s: TrainSettings) -> Language:
    nlp = blank_pipeline()
    for task, labels in tasks.items():
        add_textcat(nlp, task, labels, s)
    return nlp


def train_component(nlp: Language, task: str, data: Sequence[tuple[str, dict[str, float]]],
                    s: TrainSettings) -> None:
    """Train ``textcat_<task>`` in place on (text, cats) pairs, cats holding known labels only."""
    name = component_name(task)
    tc = nlp.get_pipe(name)
    lemmatize = nlp.get_pipe("tc_lemmatizer")
    examples = [Example.from_dict(lemmatize(nlp.make_doc(text)), {"cats": dict(cats)})
                for text, cats in data if cats]
    if not examples:
        raise ValueError(f"no training examples for {task}")
    fix_random_seed(s.seed)
    rng = random.Random(s.seed)
    tc.initialize(lambda: examples[:50], nlp=nlp, labels=list(tc.labels))
    optimizer = spacy.registry.resolve({"o": {"@optimizers": "Adam.v1", "learn_rate": s.learn_rate,
                                              "L2": s.l2, "use_averages": False}})["o"]
    order = list(range(len(examples)))
    for _ in range(s.max_epochs):
        rng.shuffle(order)
        for batch in minibatch([examples[i] for i in order], size=s.batch_size):
            tc.update(batch, sgd=optimizer, drop=s.dropout, losses={})


class TextcatClassifier(Classifier):
    kind = "textcat"

    def __init__(self, nlp: Language, task: str, labels: Sequence[str], predictable: Sequence[str],
                 threshold: float):
        self.nlp = nlp
        self.task = task
        self.component = nlp.get_pipe(component_name(task))
        if tuple(self.component.labels) != tuple(labels):
            raise ValueError(f"{component_name(task)} labels {self.component.labels} != taxonomy {tuple(labels)}")
        self.labels = tuple(labels)
        self.predictable = tuple(predictable)
        self.threshold = threshold
        self._id = stable_id(self.kind, task, self.component.to_bytes(exclude=["vocab"]), threshold,
                             list(self.predictable))

    @property
    def id(self) -> str:
        return self._id

    def raw_scores(self, docs: Sequence[Doc]) -> list[dict[str, float]]:
        first = self.labels[0]
        todo = [d for d in docs if len(d) and first not in d.cats]
        if todo:
            list(self.component.pipe(todo))
        # an empty text has no evidence: 0 for every label, whatever else is in the batch
        return [{lab: (float(d.cats[lab]) if len(d) else 0.0) for lab in self.labels} for d in docs]

    def predict_docs(self, docs: Sequence[Doc]) -> list[Prediction]:
        out = []
        for scores in self.raw_scores(docs):
            scores = {k: round(v, 6) for k, v in scores.items()}
            out.append(Prediction(scores, self._decide(scores, self.threshold)))
        return out
