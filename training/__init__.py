"""Training, fitting and evaluation of the labeller (normalise.classify serves it).

Not needed at run time. `make train` and `make evaluate` run these modules; the
distillation and the full MiniLM comparison need the `train` extra (torch CPU build,
sentence-transformers, model2vec[distill]). See docs/labels.md.
"""
import os

# Small dense solves: BLAS threads only add contention on a shared 2-core machine (and
# one thread keeps the fitted numbers independent of the machine's core count).
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
