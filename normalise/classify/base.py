"""One contract for every classifier, from keywords to the trained model.

A classifier labels actions against one taxonomy ("pillars" or "talent"). It has a
deterministic id (derived from everything that decides its output: code name, taxonomy
content, parameters or trained weights), scores every label of the taxonomy, and
predicts the labels whose score reaches its threshold, possibly none.

``predict(items)`` is the contract. ``predict_docs(docs)`` is the same on texts already
run through the shared spaCy pipeline, so a labeller can run spaCy once for several
classifiers.
"""
from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import ClassVar, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from .contract import LabelInput
from .text import input_text, make_docs


@dataclass(frozen=True)
class Prediction:
    scores: dict[str, float]                 # every label of the taxonomy -> score in [0, 1]
    labels: tuple[str, ...]                  # predicted labels (taxonomy order); may be empty
    evidence: tuple[tuple[str, str], ...] = field(default=())   # (label, matched phrase), rule layer


def stable_id(kind: str, *parts: object) -> str:
    """'<kind>:<10 hex>' from a canonical JSON of the parts (bytes are hashed first)."""
    canon = [p.hex() if isinstance(p, (bytes, bytearray)) and len(p) < 64
             else hashlib.sha256(p).hexdigest() if isinstance(p, (bytes, bytearray)) else p for p in parts]
    digest = hashlib.sha256(json.dumps([kind, *canon], sort_keys=True, default=str).encode()).hexdigest()
    return f"{kind}:{digest[:10]}"


class Classifier(ABC):
    """Base class: subclasses set ``kind``, ``task``, ``labels``, ``predictable`` and
    implement ``id`` and ``predict_docs``."""

    kind: ClassVar[str]
    task: str                        # "pillars" | "talent"
    labels: tuple[str, ...]          # every label scored, in taxonomy order
    predictable: tuple[str, ...]     # the labels it may predict (optional concepts may be left out)
    nlp: Language                    # the shared pipeline that turns texts into Docs

    @property
    @abstractmethod
    def id(self) -> str: ...

    @abstractmethod
    def predict_docs(self, docs: Sequence[Doc]) -> list[Prediction]: ...

    def predict(self, items: Sequence[LabelInput]) -> list[Prediction]:
        if not items:
            return []
        return self.predict_docs(make_docs(self.nlp, [input_text(i) for i in items]))

    def _decide(self, scores: dict[str, float], threshold: float) -> tuple[str, ...]:
        return tuple(lab for lab in self.predictable if scores[lab] >= threshold)

    def threshold_for(self, label: str) -> float:
        """The score a label needs to be predicted (one threshold unless a subclass says otherwise)."""
        return self.threshold   # type: ignore[attr-defined]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.id} task={self.task}>"
