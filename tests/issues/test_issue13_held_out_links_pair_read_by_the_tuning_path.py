"""Issue #13: the held-out Haldmere pair (tests/links/haldmere/, written to measure an unseen
pair) was read by every tuning and fitting path: `make evaluate-links TUNE=1` fitted the
link thresholds of the other pairs' folds on it, and training/links_pairs.py and
links_embedders.py fitted on it. A pair folder marked HELD_OUT is now left out of
tests.links.evaluate.pairs() unless the plain evaluation asks for it."""
from __future__ import annotations

from pathlib import Path

from tests.links import evaluate

ROOT = Path(__file__).resolve().parents[2]


def test_held_out_pairs_reach_no_tuning_path():
    tuning = {p.split for p in evaluate.pairs()}
    every = {p.split for p in evaluate.pairs(held_out_too=True)}
    marked = {f.name for f in evaluate.FICTIONAL if evaluate.held_out(f)}
    assert {"haldmere", "ravensholme", "culverdale"} <= marked
    assert not tuning & marked
    assert marked <= every and "essex" in tuning


def test_only_the_plain_evaluation_asks_for_held_out_pairs():
    callers = [p for p in list((ROOT / "training").glob("*.py")) + list((ROOT / "tests" / "links").glob("*.py"))
               if "held_out_too=True" in p.read_text(encoding="utf-8")]
    assert callers == [ROOT / "tests" / "links" / "evaluate.py"]
    text = (ROOT / "tests" / "links" / "evaluate.py").read_text(encoding="utf-8")
    assert text.count("held_out_too=True") == 1 and "def main(" in text.split("held_out_too=True")[0]
