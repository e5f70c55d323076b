"""`make evaluate` reports each held-out file on its own (a file written later, blind, is a
different estimate from the first) and both pooled."""
from training.data import load_examples
from training.evaluate import held_out_sets


def test_each_held_out_file_is_its_own_set_and_the_pool_holds_them_all():
    examples = load_examples()
    sets = held_out_sets(examples)
    assert {k: len(v) for k, v in sets.items()} == {"holdout": 150, "holdout2": 150, "holdout_all": 300}
    assert all(examples[i].key.startswith("fresh:holdout2-") for i in sets["holdout2"])
    assert all(examples[i].key.startswith("fresh:holdout-") for i in sets["holdout"])
    assert not any(examples[i].split != "holdout" for i in sets["holdout_all"])
