"""Issue #11: the second held-out set (data/labels/fresh-holdout.jsonl, split == holdout) was
written after every modelling choice and is read only by the final evaluation
(training.evaluate). It must reach no fitting path: not the training rows, not the crossval
that chooses models and data, not the teacher's corpus. And a split the loader does not know
is an error: a misspelt split would otherwise drop out of fitting and evaluation alike."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from training.data import load_examples, training_rows

ROOT = Path(__file__).resolve().parents[2]


def test_holdout_rows_load_with_their_split_and_reach_no_fitting_path():
    from normalise.classify.taxonomy import default_models_dir, load_taxonomies
    from training.crossval import held_out_parts
    from training.teacher import corpus

    ex = load_examples()
    hold = [e for e in ex if e.split == "holdout"]
    assert len(hold) >= 150 and all(e.key.startswith("fresh:holdout-") for e in hold)
    keys, texts = {e.key for e in hold}, {e.action_text for e in hold}

    assert not keys & {e.key for e in training_rows(ex)}
    assert not keys & {e.key for e in training_rows(ex, exclude_plan="essex-2020-23-action-plan")}
    readable, _ = held_out_parts(ex)
    assert not keys & {e.key for e in readable}
    assert not texts & set(corpus(training_rows(ex), load_taxonomies(default_models_dir())))


def row(key: str, split: str) -> dict:
    return {"key": key, "plan": "fresh", "action_id": None, "text_hash": None, "aim": None,
            "action_text": f"Action {key}.", "pillars": ["V"], "talent": [], "reason": "r",
            "label_source": "reviewer", "split": split}


def test_a_split_the_loader_does_not_know_is_an_error(tmp_path):
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(row(k, s)) + "\n" for k, s in
                                              (("fresh:1", "train"), ("fresh:h1", "holdout"))))
    assert [e.split for e in load_examples(tmp_path)] == ["train", "holdout"]
    (tmp_path / "b.jsonl").write_text(json.dumps(row("fresh:h2", "hold-out")) + "\n")
    with pytest.raises(ValueError, match="hold-out"):
        load_examples(tmp_path)
