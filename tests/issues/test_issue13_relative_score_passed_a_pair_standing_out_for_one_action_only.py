"""Issue 13 (links), recall on the blind Caerwen pair: the relative score averaged how far a
pair stands out in the earlier action's row and in the later action's column, so a pair
that stood out hugely for one action and barely for the other (a generic later action that
every earlier action resembles a little) scored like a mutual match and took the place of
reworded continuations. similarity.relative_combine "geometric": the geometric mean where
both sides are positive, else the lower side (models/links.yaml 2026.12.15; whole-assembly
leave-one-pair-out link F1 0.803 -> 0.817, Caerwen 0.644 -> 0.710, Essex 0.568 -> 0.597)."""
from __future__ import annotations

import numpy as np

from tcpipe.dataset.links import load_config, relative


# l0 resembles every earlier action (0.56-0.60): each earlier action's best, no one's match
SCORE = np.array([
    [0.60, 0.10, 0.12, 0.11, 0.10],
    [0.56, 0.12, 0.10, 0.13, 0.11],
    [0.57, 0.11, 0.48, 0.10, 0.12],   # e2 -> l2 stands out for both of its actions
    [0.58, 0.10, 0.12, 0.14, 0.11],
    [0.59, 0.12, 0.10, 0.11, 0.13],
])


def test_the_geometric_relative_score_asks_both_actions():
    cfg = load_config()
    floor, bar = cfg.similarity.relative_floor, cfg.links.continued
    assert cfg.similarity.relative_combine == "geometric"
    mean, geo = relative(SCORE, floor, "mean"), relative(SCORE, floor, "geometric")
    # e1 -> l0 is e1's best by far, and l0's worst: averaged, it passes the bar on one side alone
    assert mean[1, 0] >= bar and geo[1, 0] < 0
    # the mutual match keeps its place; the one-sided pairs fall below it
    assert geo[2, 2] >= bar and all(geo[i, 0] < geo[2, 2] for i in (1, 3))
    # never above the mean of the sides; equal where the sides are equal
    assert np.all(geo <= mean + 1e-6)
    sym = np.array([[0.9, 0.1, 0.1], [0.1, 0.9, 0.1], [0.1, 0.1, 0.9]])
    assert np.allclose(relative(sym, floor, "geometric"), relative(sym, floor, "mean"))


def test_the_geometric_relative_score_is_continuous_at_zero():
    floor = 0.03
    base = np.array([[0.30, 0.10, 0.20], [0.20, 0.15, 0.10], [0.10, 0.20, 0.15]])
    a = relative(base, floor, "geometric")
    b = relative(base + np.array([[1e-7, 0, 0], [0, 0, 0], [0, 0, 0]]), floor, "geometric")
    assert np.abs(a - b).max() < 1e-3
