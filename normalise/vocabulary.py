"""The label sets as the taxonomy files state them: pillar codes and names, TALENT ids.
Every floor above extract takes its pillar codes from here, so adding or renaming a
pillar is an edit of models/taxonomy/pillars.yaml only."""
from __future__ import annotations

from functools import lru_cache

from extract.vocabulary import models_file


@lru_cache(maxsize=1)
def pillar_concepts() -> tuple[tuple[str, str], ...]:
    """(code, preferred label) in the taxonomy's order: V, R, CD, S, EI."""
    return tuple((c["id"], c["preferred_label"]) for c in models_file("taxonomy/pillars.yaml")["concepts"])


def pillar_codes() -> tuple[str, ...]:
    return tuple(code for code, _ in pillar_concepts())


@lru_cache(maxsize=1)
def pillar_names() -> dict[str, str]:
    """Lower-case names a person may write for a pillar (preferred and alternative labels)
    -> its code."""
    out: dict[str, str] = {}
    for c in models_file("taxonomy/pillars.yaml")["concepts"]:
        for name in [c["preferred_label"], *c.get("alternative_labels", [])]:
            out.setdefault(name.lower(), c["id"])
    return out


@lru_cache(maxsize=1)
def talent_ids() -> tuple[str, ...]:
    data = models_file("taxonomy/talent.yaml")
    return tuple(c["id"] for c in data.get("concepts") or data.get("recommendations") or ())
