"""Static sentence embeddings, torch-free: a model2vec distillation of all-MiniLM-L6-v2
(models/embeddings/, recipe in training/distill.py), read with safetensors' numpy API and
the `tokenizers` library.

A text's vector is the mean of its tokens' static vectors (SIF weights applied when the
model has them), L2-normalised: the same as model2vec's ``StaticModel.encode`` (checked by
training/distill_check.py). No matrix kernel is involved (a gather and a mean), so the vectors do
not depend on the BLAS library or the thread count.

The spaCy component ``tc_embedder`` puts the vector on ``doc._.embedding``.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

if not Doc.has_extension("embedding"):
    Doc.set_extension("embedding", default=None)


class StaticEmbedder:
    def __init__(self, folder: Path):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.folder = Path(folder)
        tensors = load_file(str(self.folder / "model.safetensors"))
        self.vectors = np.ascontiguousarray(tensors["embeddings"], dtype=np.float32)
        self.weights = tensors["weights"].astype(np.float32) if "weights" in tensors else None
        self.mapping = tensors["mapping"].astype(np.int64) if "mapping" in tensors else None
        self.config = json.loads((self.folder / "config.json").read_text())
        self.normalize = bool(self.config.get("normalize", True))
        self.tokenizer = Tokenizer.from_file(str(self.folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        unk = None
        model = json.loads(self.tokenizer.to_str()).get("model", {})
        if model.get("unk_token") is not None:
            unk = self.tokenizer.token_to_id(model["unk_token"])
        self.unk_id = unk
        self.dim = int(self.vectors.shape[1])
        digest = hashlib.sha256()
        for name in ("model.safetensors", "tokenizer.json", "config.json"):
            digest.update((self.folder / name).read_bytes())
        self.version = digest.hexdigest()[:10]

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        encs = self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        if self.unk_id is None:
            return [e.ids for e in encs]
        return [[i for i in e.ids if i != self.unk_id] for e in encs]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(n, dim) float32, one L2-normalised row per text (zeros for an empty text)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, ids in enumerate(self.token_ids(texts)):
            if not ids:
                continue
            rows = self.vectors[self.mapping[ids] if self.mapping is not None else ids]
            if self.weights is not None:
                rows = rows * self.weights[ids][:, None]
            out[i] = rows.mean(axis=0)
        if self.normalize:
            norm = np.sqrt((out.astype(np.float64) ** 2).sum(axis=1, keepdims=True)) + 1e-32
            out = (out / norm).astype(np.float32)
        return out


class EmbedderComponent:
    """spaCy component: ``doc._.embedding`` = the static sentence vector of ``doc.text``."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.embedder: StaticEmbedder | None = None

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256):
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, docs: list[Doc]):
        if self.embedder is None:
            raise RuntimeError("tc_embedder has no model: set component.embedder = StaticEmbedder(folder)")
        vecs = self.embedder.encode([d.text for d in docs])
        for doc, v in zip(docs, vecs):
            doc._.embedding = v
            yield doc


@Language.factory("tc_embedder")
def make_embedder(nlp: Language, name: str) -> EmbedderComponent:
    return EmbedderComponent(nlp, name)
