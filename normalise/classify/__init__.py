"""NLP labelling: Technician Commitment pillars and TALENT Commission recommendations for
every action, with calibrated scores and the source of every label (docs/labels.md).

    from normalise.classify import LabelInput, load_labeller
    lab = load_labeller()                 # models/classifier, cached per process
    out = lab.label([LabelInput("Promote technician successes in the newsletter", None, None, (), ())])
    out[0].pillars, out[0].pillar_scores, out[0].label_source

Serving only: the training, fitting and evaluation code lives in the top-level
``training`` package (``make train``, ``make evaluate``; docs/labels.md).
"""
from __future__ import annotations

from .contract import LabelInput, LabelOutput
from .labeller import Labeller, StaleModelError, load_labeller

__all__ = ["LabelInput", "LabelOutput", "Labeller", "StaleModelError", "load_labeller"]
