"""The labelling contract the pipeline calls (re-exported by normalise.classify)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LabelInput:
    action_text: str
    aim: str | None
    section: str | None
    pillars_document: tuple[str, ...]   # codes among V, R, CD, S (EI possible) the plan itself gives; () if none
    talent_document: tuple[str, ...]    # "R1".."R16" the plan cites; () if none


@dataclass(frozen=True)
class LabelOutput:
    pillars: tuple[str, ...]
    pillar_scores: dict[str, float]     # label -> calibrated probability, from the model, for every pillar
    talent: tuple[str, ...]
    talent_scores: dict[str, float]
    pillars_source: str                 # "document" or "model" (reviewer comes later from overrides)
    talent_source: str
    label_source: str                   # "document" if any final label came from the plan, else "model"
    pillars_model: tuple[str, ...]
    talent_model: tuple[str, ...]
    # per taxonomy: {"keywords": ["V:newsletter", "S:steering group (aim)", ...],
    #                "top2": [[label, probability], [label, probability]]}
    evidence: dict[str, dict] = field(default_factory=dict)
