"""Issue #11 (labels): the second-pillar rule (a second pillar within a fitted margin of the
first, above a fitted floor) was the single best cell of a grid of out-of-fold macro-F1, and
that cell jumped between distant settings from one training part to another (margin 0.44 /
floor 0.55 on two seed plans' parts, 0.18 / 0.25 on the third): on the seed plans held out by
document it added wrong seconds. The rule is now a ratio (p2 >= ratio * p1, and p2 >= floor)
chosen for the best macro-F1 averaged over neighbouring settings (training.fit.fit_pillar_rule):
seed plans 0.808 -> 0.835, fresh folds 0.855 -> 0.864 (docs/labels.md)."""
from __future__ import annotations

import numpy as np

import training.fit as fit
from normalise.classify.scoring import Decision


def test_ratio_rule_compares_the_second_with_a_share_of_the_first():
    d = Decision("pillars", 0.0, 0.2, 1.0, ratio=0.5)
    P = np.array([[0.9, 0.5, 0.1, 0.1],     # 0.5 >= 0.45: second
                  [0.9, 0.4, 0.1, 0.1],     # 0.4 < 0.45: none
                  [0.3, 0.16, 0.1, 0.1],    # 0.16 >= 0.15 but under the floor 0.2: none
                  [0.4, 0.1, 0.25, 0.1]])   # 0.25 >= 0.2: second
    pred = np.ones(4, dtype=bool)
    assert d.apply(P, pred) == [(0, 1), (0,), (0,), (0, 2)]


def test_ratio_rule_round_trips_and_old_rules_load_without_it():
    d = Decision("pillars", 0.0, 0.45, 1.0, ratio=0.62)
    assert Decision(**d.to_dict()) == d and d.to_dict()["ratio"] == 0.62
    old = {"task": "pillars", "threshold": 0.0, "second_threshold": 0.3, "margin": 0.2, "max_labels": 2}
    assert Decision(**old).ratio is None and "ratio" not in Decision(**old).to_dict()
    P = np.array([[0.9, 0.75, 0.0, 0.0]])
    pred = np.ones(4, dtype=bool)
    assert Decision(**old).apply(P, pred) == [(0, 1)]                       # margin: 0.15 <= 0.2
    assert Decision("pillars", 0.0, 0.3, 0.2, ratio=0.9).apply(P, pred) == [(0,)]   # ratio: 0.75 < 0.81


def spike_table():
    """Pillars V, R, CD, S; every top pillar right. Right seconds at p2 / p1 0.65-0.75, wrong
    ones at 0.38-0.53: every ratio in (0.53, 0.65] separates them; the plateau's middle is kept."""
    P, Y = [], []
    for k in range(60):
        top = k % 4
        p = np.full(4, 0.02)
        p[top] = 0.8
        y = np.zeros(4)
        y[top] = 1.0
        second = (top + 1) % 4
        if k < 20:                      # right seconds, ratio 0.65-0.75
            p[second] = 0.8 * (0.65 + 0.005 * k)
            y[second] = 1.0
        elif k < 30:                    # wrong seconds, ratio 0.38-0.55
            p[second] = 0.8 * (0.38 + 0.017 * (k - 20))
        P.append(p)
        Y.append(y)
    return np.round(np.array(P), 4), np.array(Y)


def test_rule_is_chosen_on_a_plateau_and_keeps_the_right_seconds(monkeypatch):
    P, Y = spike_table()
    pred = np.ones(4, dtype=bool)
    monkeypatch.setattr(fit, "PILLAR_RULE", "ratio")
    d, stats = fit.fit_decision("pillars", P, Y, pred)
    assert d.ratio is not None and 0.55 < d.ratio <= 0.65
    labels = d.apply(P, pred)
    assert sum(len(r) == 2 for r in labels[:20]) == 20        # every right second kept
    assert sum(len(r) == 2 for r in labels[20:]) == 0         # no wrong one
    assert stats["macro_f1"] == 1.0
