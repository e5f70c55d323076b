"""Combined plans: the Technician Commitment's section among other charters' sections.

An equality plan may print a section per charter or framework ("Section 1: Athena Swan",
"Section 2: Race Equality Charter", "Section 3: Technician Commitment"), each opening with
a heading and its own action table in one layout. Only one section's rows are Technician
Commitment actions. Decided by structure first: several parallel top-level sections (every
row under one of them, their tables under one header), exactly one whose heading names
technicians or the Commitment, no other naming a pillar; each other section is another
charter's when its heading names one (models/charters.yaml, evidence only) or its rows
hardly mention technical staff. A plan that is all the Commitment's has no such split and
keeps every row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

from pydantic import BaseModel

from extract.issues import Issue, IssueCode, warning
from extract.vocabulary import MODELS_DIR, read_yaml

from .model import Action
from .tags import parse_pillars


class CharterVocabulary(BaseModel):
    version: str
    technician_pattern: str
    other_max_technician_share: float
    other_charters: list[str]


@lru_cache(maxsize=1)
def load_charters() -> CharterVocabulary:
    return CharterVocabulary(**read_yaml(MODELS_DIR / "charters.yaml"))


@dataclass(frozen=True)
class Section:
    """A top-level section's heading and its rows (indices into the document's actions)."""
    heading: str
    rows: tuple[int, ...]


def parallel_sections(actions: Sequence[Action], headers: Mapping[int, tuple[str, ...]],
                      styles: Mapping[str, tuple[float, bool]]) -> list[Section]:
    """The document's top-level sections, in order, when they are parallel: two or more, every
    row under one, their tables printed under one header, their headings set in one type
    (`styles`: a section heading's size and weight). Else []."""
    if not actions or any(not a.section for a in actions):
        return []
    order: dict[str, list[int]] = {}
    for i, a in enumerate(actions):
        order.setdefault(a.section, []).append(i)
    if len(order) < 2:
        return []
    layouts = {headers.get(a.provenance.table_index, ()) for a in actions}
    if len(layouts) != 1 or not next(iter(layouts)):
        return []
    types = {(round(styles[h][0] * 2), styles[h][1]) if h in styles else None for h in order}
    if len(types) != 1 or None in types:
        return []
    return [Section(h, tuple(rows)) for h, rows in order.items()]


def _flat(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _text(a: Action) -> str:
    return " ".join(t for t in (a.aim, a.action_text, a.description, a.success_measures) if t).lower()


def other_charter_sections(actions: Sequence[Action], headers: Mapping[int, tuple[str, ...]],
                           styles: Mapping[str, tuple[float, bool]], plan_title: str | None = None
                           ) -> tuple[list[Action], Issue | None]:
    """The actions without the rows of other charters' sections, and a warning counting them
    (IssueCode.OTHER_CHARTER_ROWS); the actions as they are when the plan is not split so.
    `styles`: each section heading's size and weight; `plan_title`: a heading that is the
    document's title (printed over its first table) names no section of it."""
    sections = parallel_sections(actions, headers, styles)
    if not sections:
        return list(actions), None
    voc = load_charters()
    tech = re.compile(voc.technician_pattern)
    ours = [s for s in sections if tech.search(s.heading.lower())]
    if len(ours) != 1 or plan_title and _flat(plan_title) in _flat(ours[0].heading):
        return list(actions), None
    others = [s for s in sections if s is not ours[0]]

    def share(s: Section) -> float:
        return sum(bool(tech.search(_text(actions[i]))) for i in s.rows) / len(s.rows)

    def another_charter(s: Section) -> bool:
        low = s.heading.lower()
        if parse_pillars(s.heading, allow_codes=False):
            return False        # a pillar's section is the Commitment's own
        return any(name in low for name in voc.other_charters) or share(s) <= voc.other_max_technician_share
    if not all(another_charter(s) for s in others):
        return list(actions), None
    drop = {i for s in others for i in s.rows}
    said = warning(IssueCode.OTHER_CHARTER_ROWS,
                   f"{len(drop)} row(s) of {len(others)} parallel section(s) for other charters or frameworks left "
                   f"out, not Technician Commitment actions: "
                   + ", ".join(f"'{s.heading}' ({len(s.rows)})" for s in others)
                   + f"; the Technician Commitment's section: '{ours[0].heading}'", "interpret")
    return [a for i, a in enumerate(actions) if i not in drop], said
