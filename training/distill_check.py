"""Check that the torch-free runtime embedder (normalise.classify.embed.StaticEmbedder)
gives the vectors model2vec's StaticModel gives, on the taxonomy texts and some actions.
Training environment only (model2vec installed).

    python -m training.distill_check models/embeddings
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np


def check(folder: Path, texts: list[str]) -> float:
    from model2vec import StaticModel

    from normalise.classify.embed import StaticEmbedder

    ours = StaticEmbedder(folder).encode(texts)
    theirs = StaticModel.from_pretrained(str(folder)).encode(texts)
    return float(np.abs(ours.astype(np.float64) - theirs.astype(np.float64)).max())


def main(argv: list[str] | None = None) -> int:
    argv = argv if argv is not None else sys.argv[1:]
    folder = Path(argv[0] if argv else "models/embeddings")
    from normalise.classify.scoring import label_texts
    from normalise.classify.taxonomy import load_taxonomies

    texts = ["Publish a technician case study each term", "Fund RSciTech registration fees", ""]
    for tax in load_taxonomies().values():
        for d, phrases in label_texts(tax).values():
            texts += [d, *phrases]
    diff = check(folder, texts)
    print(f"runtime embedder vs model2vec StaticModel on {len(texts)} texts: max abs difference {diff:.2e}")
    return 0 if diff < 1e-3 else 1


if __name__ == "__main__":
    sys.exit(main())
