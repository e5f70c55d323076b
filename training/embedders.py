"""The embedders compared in evaluation: the shipped static one (models/embeddings,
torch-free) and the full all-MiniLM-L6-v2 through sentence-transformers (train extra)."""
from __future__ import annotations

from pathlib import Path

import numpy as np


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 (6-layer transformer, 384 dims), CPU, normalised mean pooling."""

    dim = 384

    def __init__(self, folder: Path | None = None):
        import torch
        from sentence_transformers import SentenceTransformer

        from .distill import fetch_minilm

        torch.manual_seed(0)
        self.model = SentenceTransformer(str(folder or fetch_minilm()), device="cpu")
        self.version = "all-MiniLM-L6-v2"

    def encode(self, texts) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        v = self.model.encode(texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True,
                              show_progress_bar=False)
        return np.round(v.astype(np.float32), 6)


def minilm_available() -> str | None:
    """None when the full model can be used here, else why not."""
    try:
        import sentence_transformers  # noqa: F401
        import torch  # noqa: F401
    except ImportError as exc:
        return f"{exc.name} is not installed (the `train` extra; `make evaluate` uses the training venv)"
    return None
