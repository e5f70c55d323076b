"""Issue #11 (labels): training.crossval's "fresh-cv" part is meant to hold out the original
fresh.jsonl train rows in grouped folds, every later file (fresh-more.jsonl,
fresh-boundary.jsonl) only ever being trained on. It excluded "fresh:more" keys by name, so
a new file's rows (keys "fresh:boundary-<n>") slipped into the held-out folds and changed
the part's size (190 -> 271 rows): figures before and after a data change were no longer
comparable. The part now takes keys "fresh:<n>" only."""
from __future__ import annotations

from training.crossval import held_out_parts
from training.data import Example


def row(key: str, split: str, plan: str = "fresh") -> Example:
    return Example(key, plan, None, None, f"Action {key}.", ("V",), (), split, key)


def test_fresh_folds_hold_fresh_jsonl_rows_only():
    ex = [row("essex:1", "seed", "essex"), row("kent:1", "seed", "kent"), row("fresh:1", "train"),
          row("fresh:2", "train"), row("fresh:3", "test"), row("fresh:more-1", "train"),
          row("fresh:boundary-1", "train"), row("fresh:boundary-2", "train")]
    kept, held = held_out_parts(ex)
    assert all(e.split != "test" for e in kept)
    parts = dict(held)
    held_keys = sorted(kept[i].key for fold in parts["fresh-cv"] for i in fold)
    assert held_keys == ["fresh:1", "fresh:2"]
    assert sorted(kept[i].key for fold in parts["seed"] for i in fold) == ["essex:1", "kent:1"]
