"""Issue #11 (labels): the head chosen by out-of-fold log-loss (residual: shared weights
plus a per-label correction from the whole feature row) never saw how the nearest
guide-labelled training actions were labelled; the few-shot cells (similarity to each
label's training centroid and to its three nearest training actions) existed only for the
pooled head. `auto` now also offers the residual head over those cells, and a shipped head
of that kind must serve exactly what was fitted."""
from __future__ import annotations

import numpy as np

from normalise.classify.scoring import Features, Head
from training.fit import candidate_specs, fit_head


def features(n: int, L: int, d: int, rng) -> Features:
    emb = rng.normal(size=(n, d))
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    sims = rng.uniform(-0.2, 0.8, size=(n, 3, L))
    return Features(sims.mean(1), np.zeros((n, L)), sims, np.zeros((n, 3, L)), rng.uniform(0, 1, (n, L)),
                    np.zeros((n, L)), np.zeros(n), np.round(emb, 6), np.zeros((n, d)))


def test_auto_offers_the_residual_head_with_the_nearest_training_actions():
    assert any(s[0] == "residual" and s[2:] == ("few-shot",) for s in candidate_specs("auto"))


def test_residual_few_shot_head_round_trips_and_uses_the_neighbours():
    rng = np.random.default_rng(0)
    n, L, d = 60, 3, 8
    f = features(n, L, d, rng)
    Y = np.zeros((n, L))
    Y[np.arange(n), (f.emb_action[:, 0] > 0).astype(int) + (f.emb_action[:, 1] > 0.5)] = 1.0
    head = fit_head(("residual", 30.0, "few-shot"), f, Y, np.ones(L, dtype=bool))
    assert head.sup_vecs is not None and head.kind == "residual"
    again = Head.from_dict(head.to_dict())
    new = features(10, L, d, rng)
    assert np.allclose(again.logits(new), head.logits(new), atol=1e-6)
