"""Header cells to canonical roles, through models/header_aliases.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extract.vocabulary import MODELS_DIR, label_key, read_yaml

UNKNOWN = "unknown"


@dataclass(frozen=True)
class HeaderMap:
    roles: tuple[str, ...]            # one per column: a canonical role or "unknown"
    unknown: tuple[str, ...]          # headers kept as extra columns
    score: float                      # share of non-empty headers that mapped
    headers: tuple[str, ...] = ()     # the header text each role was read from ("" where none printed)


def normalise_header(text: str) -> str:
    """The one label key (extract.vocabulary.label_key): a header as compared with the aliases."""
    return label_key(text)


@lru_cache(maxsize=2)
def load_aliases(models_dir: Path = MODELS_DIR) -> tuple[str, dict[str, str]]:
    raw = read_yaml(models_dir / "header_aliases.yaml")
    table: dict[str, str] = {}
    for role, spec in raw["roles"].items():
        for alias in spec["aliases"]:
            table[normalise_header(alias)] = role
    return raw["version"], table


def role_of(header: str, aliases: dict[str, str] | None = None) -> str:
    aliases = aliases if aliases is not None else load_aliases()[1]
    key = normalise_header(header)
    if key in aliases:
        return aliases[key]
    squeezed = key.replace(" ", "")  # a label wrapped mid-word in a narrow column ("TC Pilla r")
    for alias, role in aliases.items():
        if alias and alias.replace(" ", "") == squeezed:
            return role
    # Longest alias contained as whole words ("Key Outputs / KPI" -> success_measures), if it
    # is most of the header: "Notes for auditors" is not a "notes" column.
    best, best_len = UNKNOWN, 0
    for alias, role in aliases.items():
        if len(alias) > best_len and len(alias) >= 3 and len(alias) >= 0.5 * len(key) and re.search(rf"(?<![a-z]){re.escape(alias)}(?![a-z])", key):
            best, best_len = role, len(alias)
    return best


def map_headers(headers: tuple[str, ...]) -> HeaderMap:
    aliases = load_aliases()[1]
    roles: list[str] = []
    unknown: list[str] = []
    seen: set[str] = set()
    for h in headers:
        role = role_of(h, aliases)
        # A second column of a role already taken (Start / End) keeps its text as extra.
        if role != UNKNOWN and role in seen and role not in ("timeframe",):
            role = UNKNOWN
        if role == UNKNOWN and h.strip():
            unknown.append(h.strip())
        roles.append(role)
        seen.add(role)
    named = [h for h in headers if h.strip()]
    score = (sum(r != UNKNOWN for r, h in zip(roles, headers) if h.strip()) / len(named)) if named else 0.0
    return HeaderMap(tuple(roles), tuple(unknown), round(score, 3))
