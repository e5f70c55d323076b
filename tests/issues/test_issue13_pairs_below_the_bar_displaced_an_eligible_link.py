"""Issue #13: the one-to-one assignment maximised the relative score summed over EVERY pair
it made, those below the `continued` bar too. Two such pairs, never kept, could outweigh one
pair above the bar and drop it: Kelderby's shadowing placements -> short secondments
(relative 3.98, each other's best) lost to two pairs of 2.07 and 1.86, and the earlier action
read 'dropped'. The assignment now maximises only how far eligible pairs stand above the
bar (models/links.yaml links.assignment: excess)."""
from __future__ import annotations

import numpy as np

from tcpipe.dataset.links import choose_pairs, load_config


def test_an_eligible_pair_is_kept_whatever_the_pairs_below_the_bar_add_up_to():
    cfg = load_config().links
    bar = cfg.continued
    # (0, 0) is each other's best and above the bar; (0, 1) + (1, 0) sum to more, both below it
    score = np.array([[bar + 0.5, bar - 0.4],
                      [bar - 0.4, -1.0]])
    assert choose_pairs(score, cfg) == [(0, 0)]


def test_two_eligible_pairs_still_beat_one():
    cfg = load_config().links
    bar = cfg.continued
    score = np.array([[bar + 2.0, bar + 1.5],
                      [bar + 1.5, -1.0]])
    assert choose_pairs(score, cfg) == [(0, 1), (1, 0)]
