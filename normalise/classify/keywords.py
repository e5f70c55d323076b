"""The rule layer: taxonomy phrases matched on lower-cased lemmas (spaCy PhraseMatcher).

A concept scores 1 - prod(1 - w) over its distinct matched phrases, with w = 0.9 for its
preferred or alternative label and 0.6 for a keyword. A match that overlaps one of the
concept's negative labels ("grant award" for Recognition's "award") does not count. As a
baseline it predicts a concept as soon as one phrase matches (threshold 0.5).
"""
from __future__ import annotations

from typing import Sequence

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .base import Classifier, Prediction, stable_id
from .taxonomy import Taxonomy

LABEL_WEIGHT = 0.9
KEYWORD_WEIGHT = 0.6
THRESHOLD = 0.5


class KeywordClassifier(Classifier):
    kind = "keywords"

    def __init__(self, taxonomy: Taxonomy, nlp: Language, *, threshold: float = THRESHOLD):
        self.taxonomy = taxonomy
        self.task = taxonomy.taxonomy
        self.nlp = nlp
        self.labels = taxonomy.ids
        self.predictable = taxonomy.predictable_ids
        self.threshold = threshold
        self.matcher = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self._keys: dict[int, tuple[str, str, str]] = {}   # match id -> (concept, kind, phrase)
        lemmatize = nlp.get_pipe("tc_lemmatizer")
        for c in taxonomy.concepts:
            groups = (("label", (c.preferred_label, *c.alternative_labels)), ("keyword", c.keywords),
                      ("negative", c.negative_labels))
            for kind, phrases in groups:
                for phrase in phrases:
                    key = f"{self.task}|{c.id}|{kind}|{phrase}"
                    self.matcher.add(key, [lemmatize(nlp.make_doc(phrase))])
                    self._keys[nlp.vocab.strings[key]] = (c.id, kind, phrase)
        self._id = stable_id(self.kind, self.task, taxonomy.version_tag, LABEL_WEIGHT, KEYWORD_WEIGHT,
                             threshold, list(self.predictable))

    @property
    def id(self) -> str:
        return self._id

    def matches(self, doc: Doc) -> dict[str, list[tuple[str, str]]]:
        """concept -> [(kind, phrase)] of the positive matches that survive negatives."""
        pos: list[tuple[str, str, str, int, int]] = []
        neg: dict[str, list[tuple[int, int]]] = {}
        for mid, start, end in self.matcher(doc):
            cid, kind, phrase = self._keys[mid]
            if kind == "negative":
                neg.setdefault(cid, []).append((start, end))
            else:
                pos.append((cid, kind, phrase, start, end))
        out: dict[str, list[tuple[str, str]]] = {}
        for cid, kind, phrase, start, end in pos:
            if any(s < end and start < e for s, e in neg.get(cid, ())):
                continue
            hits = out.setdefault(cid, [])
            if (kind, phrase) not in hits:
                hits.append((kind, phrase))
        return out

    def score_doc(self, doc: Doc) -> tuple[dict[str, float], tuple[tuple[str, str], ...]]:
        found = self.matches(doc)
        scores, evidence = {}, []
        for cid in self.labels:
            miss = 1.0
            for kind, phrase in sorted(found.get(cid, ())):
                miss *= 1.0 - (LABEL_WEIGHT if kind == "label" else KEYWORD_WEIGHT)
                evidence.append((cid, phrase))
            scores[cid] = round(1.0 - miss, 6)
        return scores, tuple(evidence)

    def predict_docs(self, docs: Sequence[Doc]) -> list[Prediction]:
        out = []
        for doc in docs:
            scores, evidence = self.score_doc(doc)
            out.append(Prediction(scores, self._decide(scores, self.threshold), evidence))
        return out
