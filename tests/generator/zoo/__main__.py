"""python -m tests.generator.zoo --out build/zoo [--seed N] [--per-family N] [--families a,b]"""
from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

from .families import FAMILIES
from .generate import DEFAULT_PER_FAMILY, DEFAULT_SEED, generate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.generator.zoo", description=__doc__)
    ap.add_argument("--out", default="build/zoo", help="output folder (pdfs/, gold/<family>/, manifest.json)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--per-family", type=int, default=DEFAULT_PER_FAMILY)
    ap.add_argument("--families", default="", help="comma-separated subset of: " + ", ".join(FAMILIES))
    ap.add_argument("--small", action="store_true", help="small fictional plans only (the test slice)")
    a = ap.parse_args(argv)
    fams = [f for f in a.families.split(",") if f] or None
    for f in fams or []:
        if f not in FAMILIES:
            ap.error(f"unknown family {f}")
    out = Path(a.out)
    for sub in ("pdfs", "gold"):
        shutil.rmtree(out / sub, ignore_errors=True)
    t = time.time()
    manifest = generate(out, seed=a.seed, per_family=a.per_family, families=fams, small=a.small)
    per = Counter(m["family"] for m in manifest)
    rows = sum(m["rows"] for m in manifest)
    located = sum(m["pages_located"] for m in manifest)
    print(f"zoo: {len(manifest)} variants, {rows} gold rows ({located} with a located page) in {out} "
          f"({time.time() - t:.0f} s)")
    for f, n in per.items():
        print(f"  {f:22s} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
