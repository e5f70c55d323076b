"""Issue #11: the held-out sets (data/labels/fresh-holdout.jsonl and fresh-holdout2.jsonl,
split == holdout) were written after every modelling choice and are read only by the final
evaluation (training.evaluate). It must reach no fitting path: not the training rows, not the crossval
that chooses models and data, not the teacher's corpus. And a split the loader does not know
is an error: a misspelt split would otherwise drop out of fitting and evaluation alike."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from training.data import load_examples, training_rows

ROOT = Path(__file__).resolve().parents[2]


# every held-out file and the key prefix of its rows; a new held-out file is added here
HELD_OUT = {"fresh-holdout.jsonl": "fresh:holdout-", "fresh-holdout2.jsonl": "fresh:holdout2-"}


def file_keys(name: str) -> set[str]:
    lines = (ROOT / "data" / "labels" / name).read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["key"] for line in lines if line.strip()}


def test_every_holdout_row_comes_from_a_held_out_file_named_here():
    ex = load_examples()
    assert {e.key for e in ex if e.split == "holdout"} == set().union(*map(file_keys, HELD_OUT))


@pytest.mark.parametrize("name", sorted(HELD_OUT))
def test_holdout_rows_load_with_their_split_and_reach_no_fitting_path(name):
    from normalise.classify.taxonomy import default_models_dir, load_taxonomies
    from training.crossval import held_out_parts
    from training.teacher import corpus

    ex = load_examples()
    wanted = file_keys(name)
    hold = [e for e in ex if e.key in wanted]
    assert len(hold) == len(wanted) >= 150
    assert all(e.split == "holdout" and e.key.startswith(HELD_OUT[name]) for e in hold)
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
