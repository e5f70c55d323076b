"""Choose the zoo's variants (deterministically from one seed) and print them."""
from __future__ import annotations

import json
import random
from pathlib import Path

from . import content as ct
from .families import FAMILIES, SEED_RENDERS, Job
from .render import print_jobs

DEFAULT_SEED = 20261205
DEFAULT_PER_FAMILY = 17
# the fixed slice tests/test_zoo_slice.py runs: one small variant per family
SLICE_ACTIONS = 6


def variant_rng(seed: int, family: str, i: int) -> random.Random:
    return random.Random(f"{seed}/{family}/{i}")


def make_job(seed: int, family: str, i: int, *, small: bool = False) -> Job:
    rng = variant_rng(seed, family, i)
    seeds = SEED_RENDERS.get(family, ())
    name = f"{family.replace('_', '-')}-{i:03d}"
    if not small and i < len(seeds):
        plan = ct.seed_plan(seeds[i])
        if family == "progress_report":
            plan = ct.trim(plan, 30)
    else:
        plan = ct.fictional_plan(rng, n_actions=(SLICE_ACTIONS, SLICE_ACTIONS + 2) if small else (8, 22))
        if small:
            plan = ct.trim(plan, SLICE_ACTIONS)
    return FAMILIES[family](rng, plan, name)


def generate(out: Path, *, seed: int = DEFAULT_SEED, per_family: int = DEFAULT_PER_FAMILY,
             families: list[str] | None = None, small: bool = False, start: int = 0) -> list[dict]:
    out = Path(out)
    fams = families or list(FAMILIES)
    jobs, seed_of = [], {}
    for f in fams:
        for i in range(start, start + per_family):
            j = make_job(seed, f, i, small=small)
            jobs.append(j)
            seed_of[j.name] = seed * 1000 + i
    manifest = print_jobs(jobs, out, seed_of=seed_of)
    (out / "manifest.json").write_text(json.dumps({"seed": seed, "per_family": per_family, "small": small,
                                                   "variants": manifest}, indent=1) + "\n", encoding="utf-8")
    return manifest
